/// Whether bytes are well-formed UTF-8 (no overlong forms, surrogates or scalars past
/// U+10FFFF, no sequence cut short). Snapshots read from outside are checked with it, because
/// the store's readers decode their text without checking again.
enum UTF8Validation {
  /// Whether `b` is well-formed UTF-8.
  static func isValid(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let p = b.baseAddress else { return true }
    let n = b.count
    var i = 0
    while i < n {
      let b0 = p[i]
      if b0 < 0x80 { i += 1; continue }
      @inline(__always) func cont(_ k: Int) -> Bool { i + k < n && p[i + k] & 0xC0 == 0x80 }
      switch b0 {
      case 0xC2...0xDF:
        guard cont(1) else { return false }
        i += 2
      case 0xE0...0xEF:
        guard cont(1), cont(2) else { return false }
        let b1 = p[i + 1]
        if b0 == 0xE0 && b1 < 0xA0 { return false }  // overlong
        if b0 == 0xED && b1 >= 0xA0 { return false }  // surrogate
        i += 3
      case 0xF0...0xF4:
        guard cont(1), cont(2), cont(3) else { return false }
        let b1 = p[i + 1]
        if b0 == 0xF0 && b1 < 0x90 { return false }  // overlong
        if b0 == 0xF4 && b1 >= 0x90 { return false }  // past U+10FFFF
        i += 4
      default:
        return false
      }
    }
    return true
  }
}
