/// Strings made from bytes already known to be valid UTF-8 — encoded by newsq from scalars,
/// cut from a `String` at scalar boundaries, or checked when a snapshot was read — copied
/// without the validation `String(decoding:)` repeats (which costs several times the copy for
/// CJK text). Debug builds check the bytes.
public enum TrustedUTF8 {
  /// Whether every byte is below 0x80: eight bytes per step, then the tail.
  @inlinable
  public static func isASCII(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let p = b.baseAddress else { return true }
    let raw = UnsafeRawPointer(p)
    let n = b.count
    var i = 0
    while i &+ 8 <= n {
      if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
      i &+= 8
    }
    while i < n {
      if p[i] & 0x80 != 0 { return false }
      i &+= 1
    }
    return true
  }

  /// The string of `bytes` (valid UTF-8; `isASCII` says whether every byte is below 0x80).
  @inlinable
  public static func string(_ bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool) -> String {
    assert(String(validating: bytes, as: UTF8.self) != nil, "bytes are not UTF-8")
    let span = unsafe Span<UInt8>(_unsafeElements: bytes)
    return String(copying: unsafe UTF8Span(unchecked: span, isKnownASCII: isASCII))
  }

  /// The string of `bytes` (valid UTF-8), measured for ASCII first.
  @inlinable
  public static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    string(bytes, isASCII: isASCII(bytes))
  }
}
