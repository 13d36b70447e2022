/// A static code for the UTF-8 text of one string table, made from the table itself: each
/// character of the Basic Multilingual Plane that occurs gets a code, the 192 most frequent
/// one byte (`0x00…0xBF`), the next up to 16,128 two bytes (`0xC0…0xFE` and one more); any
/// other byte (a character outside the plane, a byte that is not well-formed UTF-8) is written
/// as `0xFF` and the byte itself. Chinese text (three UTF-8 bytes a character) shrinks to
/// about half, and decoding is a table load and a store per character.
///
/// Every byte sequence round-trips, and decoding damaged codes (from a damaged snapshot)
/// gives some bytes, never a trap.
struct TextCodec: Sendable, Equatable {
  /// Symbol `k` as its UTF-8 bytes, little-endian in a word (one to three bytes: BMP only),
  /// and their count in the top byte.
  let symbols: [UInt32]

  static let oneByteCodes = 0xC0
  static let twoByteLeads = 0xFF - 0xC0
  static let escape: UInt8 = 0xFF
  static let capacity = oneByteCodes + twoByteLeads * 256

  init(symbols: [UInt32]) { self.symbols = symbols }

  /// A code for the bytes `text`: characters by frequency there.
  init(training text: UnsafeBufferPointer<UInt8>) {
    self.init(training: [text])
  }

  /// A code for the texts `parts`: characters by frequency there.
  init(training parts: [UnsafeBufferPointer<UInt8>]) {
    var counts = [UInt32](repeating: 0, count: 0x10000)
    counts.withUnsafeMutableBufferPointer { cs in
      let c = cs.baseAddress!
      for text in parts {
        guard let p = text.baseAddress else { continue }
        let n = text.count
        var i = 0
        while i < n {
          let b0 = p[i]
          if b0 < 0x80 {
            c[Int(b0)] &+= 1
            i += 1
            continue
          }
          let (v, l) = TextCodec.character(p, i, n)
          if v < 0x10000 { c[Int(v)] &+= 1 }
          i += l
        }
      }
    }
    var distinct: [UInt32] = []
    for v in 0..<0x10000 where counts[v] != 0 { distinct.append(UInt32(v)) }
    distinct.sort { a, b in counts[Int(a)] != counts[Int(b)] ? counts[Int(a)] > counts[Int(b)] : a < b }
    if distinct.count > TextCodec.capacity { distinct.removeLast(distinct.count - TextCodec.capacity) }
    symbols = distinct.map(TextCodec.utf8Word)
  }

  /// A code for characters counted in `counts` (by BMP scalar; the surrogate range, where
  /// `units` keeps escaped bytes, is not looked at): characters by count, ties by scalar.
  init(counts: UnsafeBufferPointer<UInt32>) {
    var distinct: [UInt32] = []
    for v in 0..<0xD800 where counts[v] != 0 { distinct.append(UInt32(v)) }
    for v in 0xE000..<0x10000 where counts[v] != 0 { distinct.append(UInt32(v)) }
    distinct.sort { a, b in counts[Int(a)] != counts[Int(b)] ? counts[Int(a)] > counts[Int(b)] : a < b }
    if distinct.count > TextCodec.capacity { distinct.removeLast(distinct.count - TextCodec.capacity) }
    symbols = distinct.map(TextCodec.utf8Word)
  }

  /// Writes the characters of `text` at `out` (room for `text.count` units) as 16-bit units:
  /// a well-formed BMP character (what `character` reads) as its scalar, any other byte as
  /// `0xD800 | byte` (the surrogates are never characters); returns the number of units.
  /// Reading the bytes once into units serves both counting and encoding.
  static func units(_ text: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt16>) -> Int {
    guard let p = text.baseAddress else { return 0 }
    let n = text.count
    var i = 0, o = 0
    while i < n {
      let b0 = p[i]
      if b0 < 0x80 {
        out[o] = UInt16(b0)
        i &+= 1
      } else {
        let (v, l) = character(p, i, n)
        out[o] = v < 0x1_0000 ? UInt16(truncatingIfNeeded: v) : 0xD800 | UInt16(b0)
        i &+= l
      }
      o &+= 1
    }
    return o
  }

  /// Writes the code of the units `u` (from `units`) at `out` (room for `2 * ` the bytes they
  /// were read from); returns its length. The same bytes `encode` writes for those bytes.
  static func encode(units u: UnsafeBufferPointer<UInt16>, table: UnsafeBufferPointer<UInt16>,
                     into out: UnsafeMutablePointer<UInt8>) -> Int {
    guard let p = u.baseAddress, let t = table.baseAddress else { return 0 }
    var o = 0
    for k in 0..<u.count {
      let v = p[k]
      let c = Int(t[Int(v)])
      if c != 0 && c <= oneByteCodes {
        out[o] = UInt8(truncatingIfNeeded: c &- 1)
        o &+= 1
      } else if c != 0 {
        let x = c &- 1 &- oneByteCodes
        out[o] = UInt8(truncatingIfNeeded: oneByteCodes &+ x >> 8)
        out[o &+ 1] = UInt8(truncatingIfNeeded: x)
        o &+= 2
      } else if v & 0xF800 == 0xD800 {
        out[o] = escape
        out[o &+ 1] = UInt8(truncatingIfNeeded: v)
        o &+= 2
      } else {
        // a character without a code: its UTF-8 bytes escaped one by one
        let w = utf8Word(UInt32(v))
        for b in 0..<Int(w >> 24) {
          out[o] = escape
          out[o &+ 1] = UInt8(truncatingIfNeeded: w >> (8 &* UInt32(b)))
          o &+= 2
        }
      }
    }
    return o
  }

  /// The BMP scalar of the well-formed sequence at `p[i]` and its length, or (0x1_0000, 1).
  @inline(__always)
  static func character(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> (UInt32, Int) {
    let b0 = p[i]
    if b0 < 0x80 { return (UInt32(b0), 1) }
    if b0 &- 0xE0 < 0x10 {
      // three bytes (all of CJK): continuation bytes are 0x80…0xBF, so 0x00…0x3F after ^ 0x80
      if i &+ 2 < n {
        // both continuation bytes in one load: b1 in the low byte, b2 in the high one
        let c = UInt32(UInt16(littleEndian: UnsafeRawPointer(p).loadUnaligned(fromByteOffset: i &+ 1, as: UInt16.self)))
        if c & 0xC0C0 == 0x8080 {
          let v = UInt32(b0 & 0x0F) << 12 | (c & 0x3F) << 6 | (c >> 8 & 0x3F)
          // overlong forms (below U+0800) and surrogates are not well-formed: escaped byte by byte
          if v &- 0x800 < 0xD800 - 0x800 || v >= 0xE000 { return (v, 3) }
        }
      }
      return (0x1_0000, 1)
    }
    if b0 &- 0xC2 < 0x1E && i &+ 1 < n {
      let b1 = p[i &+ 1] ^ 0x80
      if b1 < 0x40 { return (UInt32(b0 & 0x1F) << 6 | UInt32(b1), 2) }
    }
    return (0x1_0000, 1)
  }

  static func utf8Word(_ v: UInt32) -> UInt32 {
    if v < 0x80 { return v | 1 << 24 }
    if v < 0x800 { return (0xC0 | v >> 6) | (0x80 | v & 0x3F) << 8 | 2 << 24 }
    return (0xE0 | v >> 12) | (0x80 | (v >> 6) & 0x3F) << 8 | (0x80 | v & 0x3F) << 16 | 3 << 24
  }

  /// The scalar whose UTF-8 bytes `utf8Word` packed into `w`.
  static func scalar(ofWord w: UInt32) -> UInt32 {
    let w = w & 0xFF_FFFF
    if w < 0x80 { return w }
    if w & 0xE0 == 0xC0 { return (w & 0x1F) << 6 | (w >> 8 & 0x3F) }
    return (w & 0x0F) << 12 | (w >> 8 & 0x3F) << 6 | (w >> 16 & 0x3F)
  }

  /// Scalar → code + 1 (0: none), for encoding (a transient table).
  func encodingTable() -> [UInt16] {
    var t = [UInt16](repeating: 0, count: 0x10000)
    for (k, w) in symbols.enumerated() { t[Int(TextCodec.scalar(ofWord: w) & 0xFFFF)] = UInt16(k + 1) }
    return t
  }

  /// Writes the code of `text` at `out` (room for `2 * text.count` bytes); returns its length.
  static func encode(_ text: UnsafeBufferPointer<UInt8>, table: UnsafeBufferPointer<UInt16>,
                     into out: UnsafeMutablePointer<UInt8>) -> Int {
    guard let p = text.baseAddress, let t = table.baseAddress else { return 0 }
    let n = text.count
    var i = 0, o = 0
    while i < n {
      let (v, l) = character(p, i, n)
      let c = v < 0x10000 ? Int(t[Int(v)]) : 0
      if c == 0 {
        for k in 0..<l { out[o] = escape; out[o + 1] = p[i + k]; o += 2 }
      } else if c <= oneByteCodes {
        out[o] = UInt8(truncatingIfNeeded: c - 1)
        o += 1
      } else {
        let x = c - 1 - oneByteCodes
        out[o] = UInt8(truncatingIfNeeded: oneByteCodes + x >> 8)
        out[o + 1] = UInt8(truncatingIfNeeded: x)
        o += 2
      }
      i += l
    }
    return o
  }

  /// The most bytes `n` code bytes decode to (plus slack for word stores).
  @inline(__always)
  static func decodedCapacity(_ n: Int) -> Int { 3 * n + 4 }

  /// Decodes the `n` code bytes at `p` into `out` (room for `decodedCapacity(n)` bytes);
  /// returns the number of bytes written.
  @inline(__always)
  func decode(_ p: UnsafePointer<UInt8>, _ n: Int, into out: UnsafeMutablePointer<UInt8>) -> Int {
    symbols.withUnsafeBufferPointer { sym in
      let count = sym.count
      var i = 0, o = 0
      while i < n {
        let b = Int(p[i])
        var k: Int
        if b < TextCodec.oneByteCodes {
          k = b
          i += 1
        } else if b < 0xFF {
          guard i + 1 < n else { break }
          k = TextCodec.oneByteCodes + (b - TextCodec.oneByteCodes) << 8 + Int(p[i + 1])
          i += 2
        } else {
          guard i + 1 < n else { break }
          out[o] = p[i + 1]
          o += 1
          i += 2
          continue
        }
        guard k < count else { continue }
        // the UTF-8 bytes in the low three bytes, their count in the top one: four bytes
        // stored, the count kept (the fourth is overwritten next or past the end)
        let w = sym[k]
        UnsafeMutableRawPointer(out + o).storeBytes(of: w.littleEndian, as: UInt32.self)
        o += Int(w >> 24)
      }
      return o
    }
  }

  var byteSize: Int { symbols.bufferBytes }
}
