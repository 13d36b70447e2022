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

  /// Bytes held (both buffers).
  var byteSize: Int { bytes.bufferBytes + ends.bufferBytes }
}
