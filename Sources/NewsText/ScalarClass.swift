/// Character classes used across NewsText, on Unicode scalar values (no `Character`).
enum ScalarClass {
  /// CJK unified ideographs (BMP blocks, extensions, compatibility) and 〇.
  @inline(__always)
  static func isIdeograph(_ v: UInt32) -> Bool {
    (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF) || v == 0x3007
      || (v >= 0xF900 && v <= 0xFAFF) || (v >= 0x20000 && v <= 0x3FFFF)
  }

  @inline(__always)
  static func isIdeograph(_ u: Unicode.Scalar) -> Bool { isIdeograph(u.value) }

  /// CJK and full-width punctuation (、。“”《》，：；？！ etc.), ellipsis and dashes used in Chinese text.
  @inline(__always)
  static func isCJKPunctuation(_ v: UInt32) -> Bool {
    (v >= 0x3000 && v <= 0x303F && v != 0x3007) || (v >= 0xFF01 && v <= 0xFF0F) || (v >= 0xFF1A && v <= 0xFF20)
      || (v >= 0xFF3B && v <= 0xFF40) || (v >= 0xFF5B && v <= 0xFF65) || (v >= 0x2010 && v <= 0x2027)
      || (v >= 0xFE30 && v <= 0xFE4F) || v == 0x00B7
  }

  @inline(__always)
  static func isASCIIDigit(_ v: UInt32) -> Bool { v >= 0x30 && v <= 0x39 }

  @inline(__always)
  static func isASCIILetter(_ v: UInt32) -> Bool { (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }

  /// Horizontal white space that is not a line break.
  @inline(__always)
  static func isBlank(_ v: UInt32) -> Bool { v == 0x20 || v == 0x09 || v == 0x3000 || v == 0xA0 }

  /// Sentence-final punctuation, Chinese and ASCII.
  @inline(__always)
  static func isSentenceEnd(_ v: UInt32) -> Bool {
    v == 0x3002 || v == 0xFF01 || v == 0xFF1F || v == 0xFF1B || v == 0x21 || v == 0x3F || v == 0x3B
  }

  /// Closing quotes and brackets that stay with the sentence they close.
  @inline(__always)
  static func isClosing(_ v: UInt32) -> Bool {
    v == 0x201D || v == 0x2019 || v == 0x300D || v == 0x300F || v == 0xFF09 || v == 0x29 || v == 0x22
      || v == 0x300B || v == 0x3011 || v == 0x27
  }
}
