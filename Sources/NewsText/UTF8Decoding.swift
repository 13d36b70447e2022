/// Decoding one scalar from UTF-8 bytes already known to be valid (a Swift `String`'s storage,
/// or bytes this module wrote): the hot loops of the normaliser, the pinyin keys and the query
/// lexer share it instead of each spelling the bit arithmetic out.
public enum UTF8Decoding {
  /// The scalar value starting at `p[i]`; advances `i` past it. No validation: the bytes must be
  /// well-formed UTF-8 and `p[i]` the start of a sequence.
  @inlinable @inline(__always)
  public static func next(_ p: UnsafePointer<UInt8>, _ i: inout Int) -> UInt32 {
    let b0 = UInt32(p[i])
    if b0 < 0x80 {
      i &+= 1
      return b0
    } else if b0 < 0xE0 {
      defer { i &+= 2 }
      return (b0 & 0x1F) << 6 | UInt32(p[i &+ 1] & 0x3F)
    } else if b0 < 0xF0 {
      defer { i &+= 3 }
      return (b0 & 0x0F) << 12 | UInt32(p[i &+ 1] & 0x3F) << 6 | UInt32(p[i &+ 2] & 0x3F)
    }
    defer { i &+= 4 }
    return (b0 & 0x07) << 18 | UInt32(p[i &+ 1] & 0x3F) << 12 | UInt32(p[i &+ 2] & 0x3F) << 6 | UInt32(p[i &+ 3] & 0x3F)
  }
}
