extension StringTable {
  /// The most UTF-8 bytes string `i` can take: its stored size, or what its code can decode to.
  @inline(__always)
  public func utf8Capacity(_ i: Int) -> Int {
    let r = range(i)
    return codec == nil ? r.count : TextCodec.decodedCapacity(r.count)
  }

  /// Writes the UTF-8 bytes of string `i` to `out`, which has room for `utf8Capacity(i)`, and
  /// returns how many it wrote. Not generic, unlike `withUTF8`: a result built string by string
  /// pays no look-up of generic metadata per call.
  public func copyUTF8(_ i: Int, into out: UnsafeMutablePointer<UInt8>) -> Int {
    let r = range(i)
    if r.isEmpty { return 0 }
    return stored.withUnsafeBufferPointer { sb in
      guard let codec else {
        out.initialize(from: sb.baseAddress! + r.lowerBound, count: r.count)
        return r.count
      }
      return codec.decode(sb.baseAddress! + r.lowerBound, r.count, into: out)
    }
  }
}
