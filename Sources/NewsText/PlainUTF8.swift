/// The decoder's fast path: UTF-8 text that needs none of the general path's heuristics.
///
/// "Plain" means valid UTF-8 (no stray continuation bytes, overlong forms, surrogates, scalars
/// above U+10FFFF or truncated sequences) holding no NUL, no C0 control other than TAB, LF, FF,
/// CR and ESC, no DEL and no C1 control. Such bytes are exactly what `TextDecoder`'s general
/// path accepts unchanged, so the string can be built from them without a second validation.
enum PlainUTF8 {
  /// Whether `bytes` are plain UTF-8 (see the type). ASCII runs are checked eight bytes at a
  /// time; multi-byte sequences by their lead byte's table of allowed second bytes.
  static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    let raw = UnsafeRawPointer(base)
    let n = bytes.count
    let ones: UInt64 = 0x0101_0101_0101_0101
    let high: UInt64 = 0x8080_8080_8080_8080
    var i = 0
    while i < n {
      // ASCII, a word at a time: any byte below 0x20 or equal to 0x7F is looked at one by one.
      while i &+ 8 <= n {
        let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
        if w & high != 0 { break }
        let low = (w &- ones &* 0x20) & high
        let x = w ^ (ones &* 0x7F)
        let del = (x &- ones) & ~x & high
        if low | del != 0 {
          for k in i..<(i &+ 8) where !isPlainASCII(base[k]) { return false }
        }
        i &+= 8
      }
      if i >= n { return true }
      var b = base[i]
      if b < 0x80 {
        guard isPlainASCII(b) else { return false }
        i &+= 1
        continue
      }
      // Multi-byte scalars, one after another (Chinese text is mostly these).
      while b >= 0x80 {
        // Two or one three-byte scalars (CJK) read as a word: E0…EF then two continuation
        // bytes; t is the lead's low nibble with bit 5 of the second byte, 0 for an overlong
        // (E0 80…9F) and 0x200D for a surrogate (ED A0…BF).
        if i &+ 8 <= n {
          let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
          if w & 0xC0C0F0 == 0x8080E0 {
            let t = w & 0x200F
            guard t != 0, t != 0x200D else { return false }
            let v = w >> 24
            if v & 0xC0C0F0 == 0x8080E0 {
              let t2 = v & 0x200F
              guard t2 != 0, t2 != 0x200D else { return false }
              i &+= 6
            } else {
              i &+= 3
            }
            b = base[i]
            continue
          }
        }
        if b < 0xE0 {
          // C2…DF, one continuation byte; C2 80…C2 9F are the C1 controls.
          guard b >= 0xC2, i &+ 1 < n else { return false }
          let c = base[i &+ 1]
          guard c & 0xC0 == 0x80, b != 0xC2 || c >= 0xA0 else { return false }
          i &+= 2
        } else if b < 0xF0 {
          // E0 A0…BF (no overlongs), ED 80…9F (no surrogates), otherwise 80…BF; then one more.
          guard i &+ 2 < n else { return false }
          let c1 = base[i &+ 1]
          let c2 = base[i &+ 2]
          let lo: UInt8 = b == 0xE0 ? 0xA0 : 0x80
          let hi: UInt8 = b == 0xED ? 0x9F : 0xBF
          guard c1 >= lo, c1 <= hi, c2 & 0xC0 == 0x80 else { return false }
          i &+= 3
        } else {
          // F0 90…BF (no overlongs), F4 80…8F (nothing above U+10FFFF), F1…F3 80…BF; then two more.
          guard b <= 0xF4, i &+ 3 < n else { return false }
          let c1 = base[i &+ 1]
          let c2 = base[i &+ 2]
          let c3 = base[i &+ 3]
          let lo: UInt8 = b == 0xF0 ? 0x90 : 0x80
          let hi: UInt8 = b == 0xF4 ? 0x8F : 0xBF
          guard c1 >= lo, c1 <= hi, c2 & 0xC0 == 0x80, c3 & 0xC0 == 0x80 else { return false }
          i &+= 4
        }
        if i >= n { return true }
        b = base[i]
      }
    }
    return true
  }

  /// An ASCII byte that is not NUL, DEL or a C0 control other than TAB, LF, FF, CR, ESC.
  @inline(__always)
  static func isPlainASCII(_ b: UInt8) -> Bool {
    if b >= 0x20 { return b != 0x7F }
    return b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C || b == 0x1B
  }

  /// The string of bytes `isPlain` accepted: one copy, no second validation.
  static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    String(copying: UTF8Span(unchecked: bytes.span))
  }
}
