import Glibc

/// Distinct byte strings numbered in arrival order: a string's bytes are kept once, in one
/// buffer, and found again through an open-addressing table of their hashes (`ByteHash`).
/// Used where values repeat but need no order (the documents and sentences of later sources),
/// and for the values a dictionary builder gathers before its commit sorts them.
struct ByteInterner: Sendable {
  /// The strings' bytes one after another; string `i` ends at `ends[i]`.
  private(set) var bytes: [UInt8] = []
  private(set) var ends: [UInt32] = []
  private var hashes: [UInt64] = []
  /// Index + 1 of the string in each slot, 0 empty (at most half full).
  private var slots: [UInt32] = []

  var count: Int { ends.count }

  /// The number of `s`, added when new.
  mutating func code(_ s: String) -> UInt32 {
    if let c = s.utf8.withContiguousStorageIfAvailable({ code(utf8: $0) }) { return c }
    var copy = s
    return copy.withUTF8 { code(utf8: $0) }
  }

  mutating func code(utf8 u: UnsafeBufferPointer<UInt8>) -> UInt32 {
    let h = ByteHash.hash(u)
    switch find(u, hash: h) {
    case .found(let i): return UInt32(i)
    case .absent(let slot): return insert(u, hash: h, slot: slot)
    }
  }

  /// Where a probe for a string ended: at its number, or at the free slot it would take.
  enum Probe { case found(Int), absent(slot: Int) }

  /// Looks `u` (whose `ByteHash` is `h`) up without adding it.
  @inline(__always)
  mutating func find(_ u: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> Probe {
    if slots.isEmpty { slots = [UInt32](repeating: 0, count: 16) }
    let mask = slots.count - 1
    var at = Int(truncatingIfNeeded: h) & mask
    while slots[at] != 0 {
      let i = Int(slots[at] - 1)
      if hashes[i] == h && equals(i, u) { return .found(i) }
      at = (at + 1) & mask
    }
    return .absent(slot: at)
  }

  /// Adds `u` (hash `h`) at the free `slot` its `find` returned; its number.
  @inline(__always)
  mutating func insert(_ u: UnsafeBufferPointer<UInt8>, hash h: UInt64, slot: Int) -> UInt32 {
    let i = ends.count
    bytes.append(contentsOf: u)
    ends.append(UInt32(truncatingIfNeeded: bytes.count))
    hashes.append(h)
    slots[slot] = UInt32(i + 1)
    if (i + 1) * 2 > slots.count { grow() }
    return UInt32(i)
  }

  private func equals(_ i: Int, _ u: UnsafeBufferPointer<UInt8>) -> Bool {
    let lo = i == 0 ? 0 : Int(ends[i - 1]), hi = Int(ends[i])
    guard hi - lo == u.count else { return false }
    if u.isEmpty { return true }
    return bytes.withUnsafeBufferPointer { b in memcmp(b.baseAddress! + lo, u.baseAddress!, u.count) == 0 }
  }

  private mutating func grow() {
    let size = slots.count * 2
    let mask = size - 1
    var fresh = [UInt32](repeating: 0, count: size)
    for (i, h) in hashes.enumerated() {
      var at = Int(truncatingIfNeeded: h) & mask
      while fresh[at] != 0 { at = (at + 1) & mask }
      fresh[at] = UInt32(i + 1)
    }
    slots = fresh
  }

  /// The strings so far, as a table (sharing the buffers until the next addition).
  var table: StringTable { StringTable(bytes: bytes.exactCapacity(), ends: ends.exactCapacity()) }
}
