import Testing
@testable import FactStore

/// `ByteHash.hash` (the pending-values table of the dictionary builders) must hash the bytes
/// as one little-endian word per eight bytes and the rest as one word, whatever loads it uses
/// for the rest.
@Suite struct ByteHashTests {
  /// A fixed generator, so a failure repeats.
  struct Draw {
    var state: UInt64
    mutating func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state >> 11
    }
  }

  /// The hash as it was written first: whole words, then the remaining bytes one by one.
  func referenceHash(_ b: [UInt8]) -> UInt64 {
    let n = b.count
    var h: UInt64 = 0xA076_1D64_78BD_642F ^ UInt64(n)
    guard n > 0 else { return ByteHash.mix(h) }
    var i = 0
    while i + 8 <= n {
      var w: UInt64 = 0
      for k in 0..<8 { w |= UInt64(b[i + k]) << (8 * UInt64(k)) }
      h = ByteHash.mix(h ^ w)
      i += 8
    }
    if i < n {
      var w: UInt64 = 0
      var shift: UInt64 = 0
      while i < n { w |= UInt64(b[i]) << shift; shift += 8; i += 1 }
      h = ByteHash.mix(h ^ w ^ 0xE703_7ED1_A0B4_28DB)
    }
    return ByteHash.mix(h ^ 0x8EBC_6AF0_9C88_C6E3)
  }

  @Test func hashOfEveryLengthIsTheByteByByteHash() {
    var d = Draw(state: 42)
    for n in 0..<70 {
      let bytes = (0..<n).map { _ in UInt8(truncatingIfNeeded: d.next()) }
      // inside a bigger buffer, so loads past the ends would show
      let padded = [UInt8](repeating: 0xEE, count: 8) + bytes + [UInt8](repeating: 0xDD, count: 8)
      let h = padded.withUnsafeBufferPointer { ByteHash.hash(UnsafeBufferPointer(rebasing: $0[8..<(8 + n)])) }
      #expect(h == referenceHash(bytes), "length \(n)")
    }
    // one byte changed anywhere changes the hash
    let base = Array("临汾市召开全市优化营商环境大会".utf8)
    let h0 = base.withUnsafeBufferPointer { ByteHash.hash($0) }
    for k in base.indices {
      var other = base
      other[k] ^= 1
      #expect(other.withUnsafeBufferPointer { ByteHash.hash($0) } != h0)
    }
  }
}
