import NewsText

/// A dictionary's folded values (繁→简, half-width, lowercase), kept as one bit per value: set
/// when folding changes the value. A changed value is folded again when read (a table load
/// per character, into a buffer on the stack); the others are their own folded form. Reads
/// as a collection of `String`, code by code.
public struct FoldedValues: Sendable, RandomAccessCollection, Equatable {
  /// The values as written.
  let values: StringTable
  /// Bit `i`: whether value `i` folds to something else.
  let changed: Bitmap
  /// How many bits of `changed` are set.
  let changedCount: Int

  /// `values`, of which those with a bit set in `changed` fold to something else.
  init(values: StringTable, changed: Bitmap) {
    self.values = values
    self.changed = changed
    changedCount = changed.setCount
  }

  /// The folded forms `folded` of `values` (one each, in order).
  init(values: StringTable, folded: [String]) {
    var changed = Bitmap(count: values.count)
    for (i, f) in folded.enumerated() where !values.equals(i, f) { changed[i] = true }
    self.init(values: values, changed: changed)
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { values.count }

  /// Whether every value is its own folded form.
  public var isIdentity: Bool { changedCount == 0 }

  /// Whether value `i` folds to something else.
  @inline(__always)
  func isChanged(_ i: Int) -> Bool { changedCount > 0 && changed[i] }

  /// The folded form of value `i`.
  public subscript(i: Int) -> String {
    if !isChanged(i) { return values[i] }
    return withUTF8(i) { String(decoding: $0, as: UTF8.self) }
  }

  /// Calls `body` with the UTF-8 bytes of the folded form of value `i`.
  @inline(__always)
  public func withUTF8<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    if !isChanged(i) { return try values.withUTF8(i, body) }
    return try values.withUTF8(i) { v in
      try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4 * v.count + 4) { out in
        let n = FoldedValues.fold(v, into: out.baseAddress!)
        return try body(UnsafeBufferPointer(rebasing: out[0..<n]))
      }
    }
  }

  /// Writes the folded form of the UTF-8 bytes `v` to `out` (room for `4 * v.count` bytes);
  /// returns its length. Bytes that are not well-formed UTF-8 are copied as they are.
  static func fold(_ v: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>) -> Int {
    guard let p = v.baseAddress else { return 0 }
    let map = bmpFolds
    let n = v.count
    var i = 0, o = 0
    while i < n {
      let f: UInt32
      let b0 = p[i]
      if b0 < 0x80 {
        // ASCII: only capitals change
        out[o] = b0 &- 0x41 < 26 ? b0 | 0x20 : b0
        o += 1
        i += 1
        continue
      }
      let (v, l) = TextCodec.character(p, i, n)
      if v < 0x10000 {
        i += l
        f = FoldedValues.fold(v, map)
      } else {
        guard let (s, l) = scalar(p, i, n) else {
          out[o] = p[i]
          o += 1
          i += 1
          continue
        }
        i += l
        f = FoldedValues.fold(s.value, map)
      }
      if f < 0x80 {
        out[o] = UInt8(truncatingIfNeeded: f); o += 1
      } else if f < 0x800 {
        out[o] = UInt8(truncatingIfNeeded: 0xC0 | f >> 6)
        out[o + 1] = UInt8(truncatingIfNeeded: 0x80 | f & 0x3F); o += 2
      } else if f < 0x10000 {
        out[o] = UInt8(truncatingIfNeeded: 0xE0 | f >> 12)
        out[o + 1] = UInt8(truncatingIfNeeded: 0x80 | (f >> 6) & 0x3F)
        out[o + 2] = UInt8(truncatingIfNeeded: 0x80 | f & 0x3F); o += 3
      } else {
        out[o] = UInt8(truncatingIfNeeded: 0xF0 | f >> 18)
        out[o + 1] = UInt8(truncatingIfNeeded: 0x80 | (f >> 12) & 0x3F)
        out[o + 2] = UInt8(truncatingIfNeeded: 0x80 | (f >> 6) & 0x3F)
        out[o + 3] = UInt8(truncatingIfNeeded: 0x80 | f & 0x3F); o += 4
      }
    }
    return o
  }

  /// `Fold.fold` of every scalar of the Basic Multilingual Plane whose fold is in it too (0
  /// for the others, folded by `Fold.fold`): folding a long text again is a table load per
  /// character. Made once per process (128 KB): every scalar as itself, then the few that
  /// folding changes (`Fold.changingScalars`) folded one by one.
  static let bmpFolds: [UInt16] = {
    var map = [UInt16](unsafeUninitializedCapacity: 0x10000) { b, n in
      for v in 0..<0x10000 { b[v] = UInt16(truncatingIfNeeded: v) }
      for v in 0xD800..<0xE000 { b[v] = 0 }
      n = 0x10000
    }
    for v in Fold.changingScalars() where v < 0x10000 {
      let f = Unicode.Scalar(v).map { Fold.fold($0).value } ?? 0
      map[Int(v)] = f < 0x10000 ? UInt16(f) : 0
    }
    return map
  }()

  /// The fold of scalar `v`, through `map` (`bmpFolds`) when it has it.
  @inline(__always)
  static func fold(_ v: UInt32, _ map: [UInt16]) -> UInt32 {
    if v < 0x10000 {
      let f = map[Int(v)]
      if f != 0 { return UInt32(f) }
    }
    return Unicode.Scalar(v).map { Fold.fold($0).value } ?? v
  }

  /// The well-formed scalar at `p[i]` and its length, nil when the bytes there are not one.
  @inline(__always)
  static func scalar(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> (Unicode.Scalar, Int)? {
    let b0 = UInt32(p[i])
    if b0 < 0x80 { return (Unicode.Scalar(UInt8(b0)), 1) }
    var v: UInt32, l: Int
    if b0 >= 0xC2 && b0 < 0xE0 { v = b0 & 0x1F; l = 2 } else if b0 >= 0xE0 && b0 < 0xF0 { v = b0 & 0x0F; l = 3 } else if b0 >= 0xF0 && b0 < 0xF5 { v = b0 & 0x07; l = 4 } else { return nil }
    guard i + l <= n else { return nil }
    for k in 1..<l {
      let b = UInt32(p[i + k])
      guard b & 0xC0 == 0x80 else { return nil }
      v = v << 6 | (b & 0x3F)
    }
    guard let s = Unicode.Scalar(v), (l == 3 ? v >= 0x800 : l == 4 ? v >= 0x10000 : true) else { return nil }
    return (s, l)
  }

  /// The codes whose folded form contains `needle` (folded, not empty), ascending. Plain
  /// values: the values' buffer scanned once, hits on changed values dropped, and the changed
  /// values folded and searched one by one; coded values: each decoded, folded when changed,
  /// and searched.
  func codes(containing needle: UnsafeBufferPointer<UInt8>) -> [UInt32] {
    guard let nb = needle.baseAddress, !needle.isEmpty else { return (0..<UInt32(count)).map { $0 } }
    func hit(_ i: Int) -> Bool {
      withUTF8(i) { s in s.count >= needle.count && TextDictionary.find(nb, needle.count, in: s.baseAddress!, s.count, from: 0) != nil }
    }
    if values.isCoded {
      var out: [UInt32] = []
      for i in 0..<count where hit(i) { out.append(UInt32(i)) }
      return out
    }
    var plain = StringTable.indices(of: needle, in: values)
    if changedCount == 0 { return plain }
    plain.removeAll { changed[Int($0)] }
    var more: [UInt32] = []
    for (w, word) in changed.words.enumerated() where word != 0 {
      var bits = word
      while bits != 0 {
        let i = w << 6 + bits.trailingZeroBitCount
        bits &= bits - 1
        if hit(i) { more.append(UInt32(i)) }
      }
    }
    return more.isEmpty ? plain : RowIDs.union(plain, more)
  }

  public static func == (a: FoldedValues, b: FoldedValues) -> Bool {
    guard a.count == b.count else { return false }
    for i in 0..<a.count where !a.withUTF8(i, { x in b.withUTF8(i) { x.elementsEqual($0) } }) { return false }
    return true
  }

  /// Bytes held besides the values (the bits).
  var byteSize: Int { changedCount == 0 ? 0 : changed.words.bufferBytes }
}
