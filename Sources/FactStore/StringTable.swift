import NewsText

/// Strings kept as one UTF-8 buffer and their end offsets: a string costs its bytes plus four,
/// instead of a 16-byte `String` and, past 15 bytes, a heap object of its own. Reading one
/// builds a `String` (results and look-ups only; scans compare bytes with `withUTF8`).
///
/// A table of long texts (sentences) may be stored coded (`TextCodec`, about half the bytes
/// for Chinese): `withUTF8` then decodes the string into a buffer on the stack, and `bytes`
/// and `ends` are those of the decoded table, made when asked for (readers of coded tables
/// use `withUTF8` or the subscript).
public struct StringTable: Sendable, RandomAccessCollection, Equatable {
  /// The stored bytes: UTF-8, or the code of `codec`.
  let stored: [UInt8]
  /// `storedEnds[i]`: where string `i` ends in `stored`.
  let storedEnds: [UInt32]
  /// The code of `stored`, nil when it is plain UTF-8.
  let codec: TextCodec?

  /// The strings' UTF-8 bytes, one after another.
  public var bytes: [UInt8] { codec == nil ? stored : decodedTable().stored }
  /// `ends[i]`: where string `i` ends in `bytes` (it starts where string `i - 1` ends).
  public var ends: [UInt32] { codec == nil ? storedEnds : decodedTable().storedEnds }

  /// The table of `strings`, in order.
  public init<S: Sequence>(_ strings: S) where S.Element == String {
    var bytes: [UInt8] = []
    var ends: [UInt32] = []
    ends.reserveCapacity(strings.underestimatedCount)
    for s in strings {
      bytes.append(contentsOf: s.utf8)
      ends.append(UInt32(truncatingIfNeeded: bytes.count))
    }
    stored = bytes
    storedEnds = ends
    codec = nil
  }

  /// A table of the given buffers (`ends` ascending, the last one `bytes.count`).
  init(bytes: [UInt8], ends: [UInt32]) {
    stored = bytes
    storedEnds = ends
    codec = nil
  }

  /// A table of code bytes `stored` (string `i` ending at `ends[i]`) in `codec`.
  init(coded stored: [UInt8], ends: [UInt32], codec: TextCodec) {
    self.stored = stored
    storedEnds = ends
    self.codec = codec
  }

  /// Whether the strings are stored coded.
  public var isCoded: Bool { codec != nil }

  /// This table stored coded when it holds long texts (at least 32 KB, 40 bytes a string on
  /// average) and the code saves a fifth or more; else itself.
  func codedIfLong() -> StringTable {
    guard codec == nil, stored.count >= 32 << 10, stored.count >= 40 * count else { return self }
    return coded(minimumSaving: 0.2) ?? self
  }

  /// This table coded with a code trained on it, when that saves `minimumSaving` of its bytes.
  ///
  /// The bytes are read once, into 16-bit units (`TextCodec.units`), counted for the code
  /// (every string of a table up to 256 KB, else every k-th one: about 256 KB) and encoded
  /// from the units.
  func coded(minimumSaving: Double = 0) -> StringTable? {
    guard codec == nil else { return self }
    let total = stored.count
    let step = Swift.max(1, total / (256 << 10))
    var unitEnds = [Int](repeating: 0, count: count)
    let units = [UInt16](unsafeUninitializedCapacity: total) { ub, uc in
      stored.withUnsafeBufferPointer { sb in
        var start = 0, u = 0
        for (k, e) in storedEnds.enumerated() {
          let end = Int(e)
          u += TextCodec.units(UnsafeBufferPointer(rebasing: sb[start..<end]), into: ub.baseAddress! + u)
          unitEnds[k] = u
          start = end
        }
        uc = u
      }
    }
    var counts = [UInt32](repeating: 0, count: 0x10000)
    let codec = units.withUnsafeBufferPointer { ub in
      counts.withUnsafeMutableBufferPointer { cs -> TextCodec in
        let c = cs.baseAddress!
        var i = 0
        while i < count {
          for k in (i == 0 ? 0 : unitEnds[i - 1])..<unitEnds[i] { c[Int(ub[k])] &+= 1 }
          i += step
        }
        return TextCodec(counts: UnsafeBufferPointer(cs))
      }
    }
    var outEnds = [UInt32](repeating: 0, count: count)
    let table = codec.encodingTable()
    let out = [UInt8](unsafeUninitializedCapacity: 2 * total + 16) { ob, oc in
      units.withUnsafeBufferPointer { ub in
        table.withUnsafeBufferPointer { t in
          var start = 0, o = 0
          for k in 0..<count {
            let end = unitEnds[k]
            o += TextCodec.encode(units: UnsafeBufferPointer(rebasing: ub[start..<end]), table: t, into: ob.baseAddress! + o)
            outEnds[k] = UInt32(truncatingIfNeeded: o)
            start = end
          }
          oc = o
        }
      }
    }
    let saved = total - (out.count + codec.byteSize)
    guard Double(saved) >= minimumSaving * Double(total) else { return nil }
    // the buffer was made for the worst case: keep only what the code took
    return StringTable(coded: out.exactCapacity(), ends: outEnds, codec: codec)
  }

  /// The same strings as plain UTF-8.
  func decodedTable() -> StringTable {
    guard codec != nil else { return self }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(stored.count * 2)
    var ends: [UInt32] = []
    ends.reserveCapacity(count)
    for i in 0..<count {
      withUTF8(i) { bytes.append(contentsOf: $0) }
      ends.append(UInt32(truncatingIfNeeded: bytes.count))
    }
    return StringTable(bytes: bytes, ends: ends)
  }

  /// The table whose string `k` is string `order[k]` of `old` followed by the strings of the
  /// UTF-8 buffer `new` with its ends `newEnds` (numbered from `old.count` on): copied as
  /// bytes, no `String` made.
  static func gather(_ order: [UInt32], old: StringTable, new: [UInt8], newEnds: [UInt32]) -> StringTable {
    let oldCount = old.count
    var bytes = [UInt8]()
    bytes.reserveCapacity(old.stored.count + new.count)
    var ends = [UInt32]()
    ends.reserveCapacity(order.count)
    new.withUnsafeBufferPointer { nb in
      for c in order {
        let k = Int(c)
        if k < oldCount {
          old.withUTF8(k) { bytes.append(contentsOf: $0) }
        } else {
          let i = k - oldCount
          let r = (i == 0 ? 0 : Int(newEnds[i - 1]))..<Int(newEnds[i])
          bytes.append(contentsOf: UnsafeBufferPointer(rebasing: nb[r]))
        }
        ends.append(UInt32(truncatingIfNeeded: bytes.count))
      }
    }
    return StringTable(bytes: bytes.exactCapacity(), ends: ends)
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { storedEnds.count }

  /// Where string `i` is in `stored`.
  @inline(__always)
  func range(_ i: Int) -> Range<Int> { (i == 0 ? 0 : Int(storedEnds[i - 1]))..<Int(storedEnds[i]) }

  /// String `i`, copied from its bytes (a coded one decoded into a buffer first) without
  /// validating them again: every string of a table is the UTF-8 of a Swift `String` (tables
  /// are built from strings or gathered whole from other tables), and a table read from a
  /// snapshot is checked string by string when read (`UTF8Validation`), so the validation of
  /// `String(decoding:)`, about three times the copy for CJK text, is redundant.
  public subscript(i: Int) -> String {
    let r = range(i)
    if r.isEmpty { return "" }
    guard codec != nil else {
      return stored.withUnsafeBufferPointer { TrustedUTF8.string(UnsafeBufferPointer(rebasing: $0[r])) }
    }
    let capacity = utf8Capacity(i)
    if capacity <= 1024 {
      return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1024) { buf in
        TrustedUTF8.string(UnsafeBufferPointer(rebasing: buf[0..<copyUTF8(i, into: buf.baseAddress!)]))
      }
    }
    let buf = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: capacity)
    defer { buf.deallocate() }
    return TrustedUTF8.string(UnsafeBufferPointer(rebasing: buf[0..<copyUTF8(i, into: buf.baseAddress!)]))
  }

  /// Calls `body` with the UTF-8 bytes of string `i` (no `String` built; a coded string is
  /// decoded into a buffer on the stack).
  @inline(__always)
  public func withUTF8<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    let r = range(i)
    guard let codec else {
      return try stored.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[r])) }
    }
    return try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: TextCodec.decodedCapacity(r.count)) { out in
      let n = stored.withUnsafeBufferPointer { sb in
        r.isEmpty ? 0 : codec.decode(sb.baseAddress! + r.lowerBound, r.count, into: out.baseAddress!)
      }
      return try body(UnsafeBufferPointer(rebasing: out[0..<n]))
    }
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
    guard let nbase = needle.baseAddress, !needle.isEmpty else { return out }
    if table.isCoded {
      // each string decoded and searched on its own
      for i in 0..<table.count {
        let hit = table.withUTF8(i) { s in
          s.count >= needle.count && TextDictionary.find(nbase, needle.count, in: s.baseAddress!, s.count, from: 0) != nil
        }
        if hit { out.append(UInt32(i)) }
      }
      return out
    }
    table.stored.withUnsafeBufferPointer { hb in
      guard let base = hb.baseAddress else { return }
      let n = needle.count
      var from = 0
      var value = 0
      while from + n <= hb.count {
        guard let at = TextDictionary.find(nbase, n, in: base, hb.count, from: from) else { break }
        // The value holding byte `at`: the first whose end is past it.
        var lo = value, hi = table.storedEnds.count
        while lo < hi {
          let mid = (lo + hi) >> 1
          if Int(table.storedEnds[mid]) <= at { lo = mid + 1 } else { hi = mid }
        }
        value = lo
        guard value < table.count else { break }
        let end = Int(table.storedEnds[value])
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

  public static func == (a: StringTable, b: StringTable) -> Bool {
    if a.codec == b.codec { return a.storedEnds == b.storedEnds && a.stored == b.stored }
    guard a.count == b.count else { return false }
    for i in 0..<a.count where !a.withUTF8(i, { x in b.withUTF8(i) { x.elementsEqual($0) } }) { return false }
    return true
  }

  /// Bytes held (the buffers and the code's table).
  var byteSize: Int { stored.bufferBytes + storedEnds.bufferBytes + (codec?.byteSize ?? 0) }
}
