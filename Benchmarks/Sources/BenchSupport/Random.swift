/// SplitMix64: a small, fast, deterministic generator. Every document gets its own stream
/// (seed mixed with the document number), so document `i` is the same whatever `--docs` is.
public struct SplitMix64: Sendable {
  public var state: UInt64
  public init(seed: UInt64) { state = seed }
  public init(_ parts: UInt64...) {
    var s: UInt64 = 0x9E37_79B9_7F4A_7C15
    for p in parts { s = SplitMix64.mix(s ^ p) &+ 0x9E37_79B9_7F4A_7C15 }
    state = s
  }
  static func mix(_ x: UInt64) -> UInt64 {
    var z = x
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    return SplitMix64.mix(state)
  }
  /// Uniform in `0..<n` (n > 0).
  public mutating func int(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }
  /// Uniform in `range`.
  public mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + int(range.count) }
  /// True with probability `p`.
  public mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }
  public mutating func pick<T>(_ xs: [T]) -> T { xs[int(xs.count)] }
  /// `k` distinct elements of `xs` in random order.
  public mutating func sample<T>(_ xs: [T], _ k: Int) -> [T] {
    var pool = xs
    var out: [T] = []
    for _ in 0..<min(k, pool.count) { out.append(pool.remove(at: int(pool.count))) }
    return out
  }
  public mutating func shuffle<T>(_ xs: inout [T]) {
    if xs.count < 2 { return }
    for i in stride(from: xs.count - 1, to: 0, by: -1) { xs.swapAt(i, int(i + 1)) }
  }
}

/// FNV-1a over UTF-8: stable hashing for fingerprints and per-entity seeds.
public func fnv1a(_ s: String, _ h0: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
  var h = h0
  for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
  return h
}
