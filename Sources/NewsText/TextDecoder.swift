import Glibc

/// Why bytes could not be turned into text. The payload is a reason a person can read
/// ("binary data (NUL byte at offset 12)"); the caller adds the file name.
public enum DecodeError: Error, Sendable, Hashable {
  /// The bytes are not text (NUL bytes, many control characters).
  case binary(String)
  /// Text of an encoding newsq does not recognise, or damaged text.
  case undecodable(String)

  /// The human reason.
  public var reason: String {
    switch self {
    case .binary(let r), .undecodable(let r): return r
    }
  }
}

/// Turns the bytes of a document into a `String`, detecting the encodings Chinese news comes in:
/// UTF-8 (with or without BOM), UTF-16 LE/BE (with a BOM, or detected by its byte pattern),
/// GB18030/GBK (decoded with the C library's iconv). Binary data is refused.
public enum TextDecoder {
  /// How many leading bytes the heuristics look at.
  static let sampleSize = 1 << 16

  /// Decodes `bytes`; empty input is the empty string.
  public static func decode(_ bytes: [UInt8]) -> Result<String, DecodeError> {
    if bytes.isEmpty { return .success("") }
    // Fast path: plain UTF-8 (with or without BOM) is text whatever the heuristics below say.
    let plain = bytes.withUnsafeBufferPointer { b -> String? in
      let bom = b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF
      let body = bom ? UnsafeBufferPointer(rebasing: b[3...]) : b
      return PlainUTF8.isPlain(body) ? PlainUTF8.string(body) : nil
    }
    if let plain { return .success(plain) }
    return decodeGeneral(bytes)
  }

  /// The general path: every encoding and every check (what `decode` does for bytes that are
  /// not plain UTF-8).
  static func decodeGeneral(_ bytes: [UInt8]) -> Result<String, DecodeError> {
    if bytes.isEmpty { return .success("") }
    let n = bytes.count
    // Byte-order marks.
    if n >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
      let body = bytes[3...]
      guard let s = String(validating: body, as: UTF8.self) else {
        return .failure(.undecodable("invalid UTF-8 after a UTF-8 byte-order mark (at offset \(3 + invalidUTF8Offset(body)))"))
      }
      return checkDecoded(s)
    }
    if n >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE {
      return checkDecoded(utf16(bytes, from: 2, littleEndian: true))
    }
    if n >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF {
      return checkDecoded(utf16(bytes, from: 2, littleEndian: false))
    }

    // NUL bytes: UTF-16 without BOM, or binary.
    let sampleEnd = min(n, sampleSize)
    var zeroEven = 0
    var zeroOdd = 0
    var firstZero = -1
    var controls = 0
    for k in 0..<sampleEnd {
      let b = bytes[k]
      if b == 0 {
        if firstZero < 0 { firstZero = k }
        if k & 1 == 0 { zeroEven &+= 1 } else { zeroOdd &+= 1 }
      } else if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C && b != 0x1B {
        controls &+= 1
      } else if b == 0x7F {
        controls &+= 1
      }
    }
    if firstZero >= 0 {
      // UTF-16 without BOM: ASCII puts its zero bytes on one side; CJK such as 开 (U+5F00)
      // may put a few on the other. Decide by what the decoded sample looks like.
      if zeroEven != zeroOdd {
        let head = bytes[0..<(sampleEnd & ~1)]
        let le = utf16(head, from: 0, littleEndian: true)
        let be = utf16(head, from: 0, littleEndian: false)
        let sl = le.unicodeScalars.contains("\0") ? 0 : textScore(le)
        let sb = be.unicodeScalars.contains("\0") ? 0 : textScore(be)
        if max(sl, sb) >= 0.9 { return checkDecoded(utf16(bytes, from: 0, littleEndian: sl >= sb)) }
      }
      return .failure(.binary("binary data (NUL byte at offset \(firstZero))"))
    }
    if controls > 8 && controls * 100 > sampleEnd {
      return .failure(.binary("binary data (\(controls) control bytes in the first \(sampleEnd) bytes)"))
    }

    // UTF-8.
    if let s = String(validating: bytes, as: UTF8.self) {
      let nul = bytes.withUnsafeBufferPointer { b -> Int in
        guard let base = b.baseAddress, let p = memchr(base, 0, b.count) else { return -1 }
        return UnsafeRawPointer(p) - UnsafeRawPointer(base)
      }
      if nul >= 0 { return .failure(.binary("binary data (NUL byte at offset \(nul))")) }
      return checkDecoded(s)
    }
    // UTF-16 without BOM and without zero bytes (all-Chinese text).
    if n % 2 == 0 {
      let (sl, sb) = bytes.withUnsafeBufferPointer { b in
        let head = UnsafeBufferPointer(rebasing: b[0..<min(n, sampleSize)])
        return (chineseScoreUTF16(head, littleEndian: true), chineseScoreUTF16(head, littleEndian: false))
      }
      if max(sl, sb) >= 0.95 {
        return checkDecoded(utf16(bytes, from: 0, littleEndian: sl >= sb))
      }
    }
    // GB18030 (a superset of GBK and GB2312).
    let (gb, offset) = gb18030(bytes)
    if let gb {
      if textScore(gb) >= 0.9 { return checkDecoded(gb) }
      return .failure(.undecodable("not UTF-8 (invalid byte at offset \(invalidUTF8Offset(bytes[...]))); as GB18030 it is not text"))
    }
    return .failure(.undecodable("neither UTF-8 (invalid byte at offset \(invalidUTF8Offset(bytes[...]))), UTF-16 nor GB18030 (invalid at offset \(offset))"))
  }

  /// Final check on decoded text: NUL or many control characters mean binary.
  static func checkDecoded(_ s: String) -> Result<String, DecodeError> {
    // The same count over the UTF-8 bytes (the string is valid UTF-8): no scalar decoding.
    var text = s
    let verdict = text.withUTF8 { bytes -> DecodeError? in
      let n = bytes.count
      var i = 0
      var k = 0
      var controls = 0
      while i < n {
        let b = bytes[i]
        if b < 0x80 {
          if b == 0 { return .binary("binary data (NUL character at offset \(k))") }
          if (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C && b != 0x1B) || b == 0x7F { controls &+= 1 }
          i &+= 1
        } else {
          // U+0080…U+009F (C1 controls) are C2 80…C2 9F.
          if b == 0xC2 && i + 1 < n && bytes[i + 1] < 0xA0 { controls &+= 1 }
          i &+= b < 0xE0 ? 2 : (b < 0xF0 ? 3 : 4)
        }
        k &+= 1
        if k >= sampleSize { break }
      }
      if controls > 8 && controls * 100 > k {
        return .binary("binary data (\(controls) control characters in the first \(k))")
      }
      return nil
    }
    if let verdict { return .failure(verdict) }
    return .success(text)
  }

  /// `checkDecoded` over scalars (the definition the byte count above follows).
  static func checkDecodedByScalars(_ s: String) -> Result<String, DecodeError> {
    var k = 0
    var controls = 0
    for u in s.unicodeScalars {
      let v = u.value
      if v == 0 { return .failure(.binary("binary data (NUL character at offset \(k))")) }
      if (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D && v != 0x0C && v != 0x1B) || (v >= 0x7F && v < 0xA0) {
        controls &+= 1
      }
      k &+= 1
      if k >= sampleSize { break }
    }
    if controls > 8 && controls * 100 > k {
      return .failure(.binary("binary data (\(controls) control characters in the first \(k))"))
    }
    return .success(s)
  }

  /// Decodes UTF-16 code units from `bytes[from...]`; lone surrogates become U+FFFD, an odd
  /// trailing byte is dropped.
  static func utf16<C: RandomAccessCollection>(_ bytes: C, from: Int, littleEndian: Bool) -> String
  where C.Element == UInt8, C.Index == Int {
    let start = bytes.startIndex + from
    let count = max(0, (bytes.endIndex - start) / 2)
    var units = [UInt16](repeating: 0, count: count)
    units.withUnsafeMutableBufferPointer { out in
      var i = start
      for k in 0..<count {
        let a = UInt16(bytes[i])
        let b = UInt16(bytes[i + 1])
        out[k] = littleEndian ? (b << 8 | a) : (a << 8 | b)
        i += 2
      }
    }
    return units.withUnsafeBufferPointer { String(decoding: $0, as: UTF16.self) }
  }

  /// Share of scalars that look like ordinary text (ASCII, CJK, CJK punctuation, general punctuation).
  static func textScore(_ s: String) -> Double {
    var good = 0
    var all = 0
    for u in s.unicodeScalars {
      let v = u.value
      all &+= 1
      if (v >= 0x20 && v < 0x7F) || v == 0x0A || v == 0x0D || v == 0x09 || ScalarClass.isIdeograph(v)
        || ScalarClass.isCJKPunctuation(v) || (v >= 0xFF00 && v <= 0xFFEF) || (v >= 0x2000 && v <= 0x206F)
        || (v >= 0x3040 && v <= 0x30FF) || (v >= 0xA0 && v <= 0x24F)
      {
        good &+= 1
      }
      if all >= sampleSize { break }
    }
    return all == 0 ? 1 : Double(good) / Double(all)
  }

  /// Share of Chinese text (ideographs, CJK punctuation, line breaks) with at least half ideographs.
  static func chineseScore(_ s: String) -> Double {
    var good = 0
    var ideographs = 0
    var all = 0
    for u in s.unicodeScalars {
      let v = u.value
      all &+= 1
      if ScalarClass.isIdeograph(v) && v >= 0x4E00 && v <= 0x9FFF { ideographs &+= 1; good &+= 1 }
      else if ScalarClass.isCJKPunctuation(v) || (v >= 0x20 && v < 0x7F) || v == 0x0A || v == 0x0D { good &+= 1 }
    }
    if all == 0 || ideographs * 2 < all { return 0 }
    return Double(good) / Double(all)
  }

  /// `chineseScore(utf16(bytes, from: 0, littleEndian:))` without building the string: code
  /// units read in place, a lone surrogate counted as U+FFFD (as the decoding repairs it).
  static func chineseScoreUTF16(_ bytes: UnsafeBufferPointer<UInt8>, littleEndian: Bool) -> Double {
    let units = bytes.count / 2
    @inline(__always) func unit(_ k: Int) -> UInt32 {
      let a = UInt32(bytes[2 &* k])
      let b = UInt32(bytes[2 &* k &+ 1])
      return littleEndian ? (b << 8 | a) : (a << 8 | b)
    }
    var good = 0
    var ideographs = 0
    var all = 0
    var k = 0
    while k < units {
      var v = unit(k)
      k &+= 1
      if v & 0xF800 == 0xD800 {
        if v < 0xDC00, k < units, unit(k) & 0xFC00 == 0xDC00 {
          v = 0x10000 + ((v - 0xD800) << 10 | (unit(k) - 0xDC00))
          k &+= 1
        } else {
          v = 0xFFFD
        }
      }
      all &+= 1
      if ScalarClass.isIdeograph(v) && v >= 0x4E00 && v <= 0x9FFF { ideographs &+= 1; good &+= 1 }
      else if ScalarClass.isCJKPunctuation(v) || (v >= 0x20 && v < 0x7F) || v == 0x0A || v == 0x0D { good &+= 1 }
    }
    if all == 0 || ideographs * 2 < all { return 0 }
    return Double(good) / Double(all)
  }

  /// Offset of the first byte that is not valid UTF-8 (count when all valid).
  static func invalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int {
    var i = bytes.startIndex
    let end = bytes.endIndex
    while i < end {
      let b = bytes[i]
      if b < 0x80 { i += 1; continue }
      var need = 0
      var min: UInt32 = 0
      var v: UInt32 = 0
      if b & 0xE0 == 0xC0 { need = 1; min = 0x80; v = UInt32(b & 0x1F) }
      else if b & 0xF0 == 0xE0 { need = 2; min = 0x800; v = UInt32(b & 0x0F) }
      else if b & 0xF8 == 0xF0 { need = 3; min = 0x10000; v = UInt32(b & 0x07) }
      else { return i - bytes.startIndex }
      if end - i <= need { return i - bytes.startIndex }
      for k in 1...need {
        let c = bytes[i + k]
        if c & 0xC0 != 0x80 { return i - bytes.startIndex }
        v = v << 6 | UInt32(c & 0x3F)
      }
      if v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) { return i - bytes.startIndex }
      i += need + 1
    }
    return end - bytes.startIndex
  }

  /// GB18030 → String through iconv; failure carries the offset of the first bad byte.
  static func gb18030(_ bytes: [UInt8]) -> (String?, Int) {
    guard let cd = iconv_open("UTF-8", "GB18030"), Int(bitPattern: cd) != -1 else { return (nil, 0) }
    defer { iconv_close(cd) }
    var out = [UInt8]()
    out.reserveCapacity(bytes.count + bytes.count / 2 + 16)
    var failedAt = -1
    // iconv takes a mutable pointer but never writes the input: no copy of the bytes.
    bytes.withUnsafeBufferPointer { inBuf in
      guard let inBase = inBuf.baseAddress else { return }
      var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: inBase).assumingMemoryBound(to: CChar.self)
      var inLeft = inBuf.count
      // GB18030 → UTF-8 grows text by at most half: a small file needs no 64 KB buffer.
      let chunk = min(1 << 16, inBuf.count + inBuf.count / 2 + 16)
      var buffer = [UInt8](repeating: 0, count: chunk)
      while inLeft > 0 {
        let before = inLeft
        var produced = 0
        var err: Int32 = 0
        buffer.withUnsafeMutableBufferPointer { ob in
          guard let obase = ob.baseAddress else { return }
          var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(obase).assumingMemoryBound(to: CChar.self)
          var outLeft = chunk
          let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
          if r == -1 { err = errno }
          produced = chunk - outLeft
        }
        out.append(contentsOf: buffer[0..<produced])
        if err == E2BIG { continue }
        if err != 0 || (inLeft == before && produced == 0) {
          failedAt = inBuf.count - inLeft
          return
        }
      }
    }
    if failedAt >= 0 { return (nil, failedAt) }
    // Through a buffer pointer: the stdlib's fast UTF-8 path, not the generic collection one.
    return (out.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }, -1)
  }
}
