/// Strings kept as one UTF-8 buffer and their end offsets: a string costs its bytes plus four,
/// instead of a 16-byte `String` and, past 15 bytes, a heap object of its own. Reading one
/// builds a `String` (results and look-ups only; scans compare bytes with `withUTF8`).
public struct StringTable: Sendable, RandomAccessCollection, Equatable {
  /// The strings' UTF-8 bytes, one after another.
  public let bytes: [UInt8]
  /// `ends[i]`: where string `i` ends in `bytes` (it starts where string `i - 1` ends).
  public let ends: [UInt32]

  /// The table of `strings`, in order.
  public init<S: Sequence>(_ strings: S) where S.Element == String {
    var bytes: [UInt8] = []
    var ends: [UInt32] = []
    ends.reserveCapacity(strings.underestimatedCount)
    for s in strings {
      bytes.append(contentsOf: s.utf8)
      ends.append(UInt32(truncatingIfNeeded: bytes.count))
    }
    self.bytes = bytes
    self.ends = ends
  }

  /// A table of the given buffers (`ends` ascending, the last one `bytes.count`).
  init(bytes: [UInt8], ends: [UInt32]) {
    self.bytes = bytes
    self.ends = ends
  }

  /// The table whose string `k` is string `order[k]` of `old` followed by the strings of the
  /// UTF-8 buffer `new` with its ends `newEnds` (numbered from `old.count` on): copied as
  /// bytes, no `String` made.
  static func gather(_ order: [UInt32], old: StringTable, new: [UInt8], newEnds: [UInt32]) -> StringTable {
    let oldCount = old.count
    var bytes = [UInt8]()
    bytes.reserveCapacity(old.bytes.count + new.count)
    var ends = [UInt32]()
    ends.reserveCapacity(order.count)
    old.bytes.withUnsafeBufferPointer { ob in
      new.withUnsafeBufferPointer { nb in
        for c in order {
          let k = Int(c)
          if k < oldCount {
            let r = old.range(k)
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: ob[r]))
          } else {
            let i = k - oldCount
            let r = (i == 0 ? 0 : Int(newEnds[i - 1]))..<Int(newEnds[i])
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: nb[r]))
          }
          ends.append(UInt32(truncatingIfNeeded: bytes.count))
        }
      }
    }
    return StringTable(bytes: bytes, ends: ends)
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { ends.count }

  @inline(__always)
  func range(_ i: Int) -> Range<Int> { (i == 0 ? 0 : Int(ends[i - 1]))..<Int(ends[i]) }

  /// String `i` (decoded from its bytes).
  public subscript(i: Int) -> String {
    let r = range(i)
    return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[r]), as: UTF8.self) }
  }

  /// Calls `body` with the UTF-8 bytes of string `i` (no `String` built).
  @inline(__always)
  public func withUTF8<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    let r = range(i)
    return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[r])) }
  }

  /// Whether string `i` is `s`, byte for byte.
  public func equals(_ i: Int, _ s: String) -> Bool {
    var s = s
    return s.withUTF8 { u in withUTF8(i) { $0.elementsEqual(u) } }
  }

  /// The strings of `table` that contain `needle` (not empty), ascending: one `memchr` pass
  /// over the shared buffer, each hit mapped to its string by binary search and kept when it
  /// lies inside that string.
  static func indices(of needle: UnsafeBufferPointer<UInt8>, in table: StringTable) -> [UInt32] {
    var out: [UInt32] = []
    table.bytes.withUnsafeBufferPointer { hb in
      guard let base = hb.baseAddress, let nbase = needle.baseAddress else { return }
      let n = needle.count
      var from = 0
      var value = 0
      while from + n <= hb.count {
        guard let at = TextDictionary.find(nbase, n, in: base, hb.count, from: from) else { break }
        // The value holding byte `at`: the first whose end is past it.
        var lo = value, hi = table.ends.count
        while lo < hi {
          let mid = (lo + hi) >> 1
          if Int(table.ends[mid]) <= at { lo = mid + 1 } else { hi = mid }
        }
        value = lo
        guard value < table.count else { break }
        let end = Int(table.ends[value])
        if at + n <= end {
          out.append(UInt32(value))
          from = end  // one hit per value is enough
          value += 1
        } else {
          from = at + 1  // the hit runs into the next value: look again after its start
        }
      }
    }
    return out
  }

  /// Bytes held (both buffers).
  var byteSize: Int { bytes.bufferBytes + ends.bufferBytes }
}
