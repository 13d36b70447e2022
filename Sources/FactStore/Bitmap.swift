/// A fixed-size set of bits, one per row: which rows hold a value (the null bitmap).
public struct Bitmap: Sendable, Hashable {
  public private(set) var words: [UInt64]
  public private(set) var count: Int

  /// `count` bits, all clear.
  public init(count: Int) {
    self.count = count
    self.words = Array(repeating: 0, count: (count + 63) / 64)
  }

  @inline(__always)
  public subscript(_ i: Int) -> Bool {
    get { i >= 0 && i < count && words[i >> 6] & (1 << UInt64(i & 63)) != 0 }
    set {
      guard i >= 0, i < count else { return }
      if newValue { words[i >> 6] |= 1 << UInt64(i & 63) } else { words[i >> 6] &= ~(1 << UInt64(i & 63)) }
    }
  }

  /// Adds one bit at the end (the builders grow their null bitmaps row by row).
  @inline(__always)
  public mutating func append(_ bit: Bool) {
    if count & 63 == 0 { words.append(0) }
    if bit { words[count >> 6] |= 1 << UInt64(count & 63) }
    count += 1
  }

  /// Gives the words a buffer of their size (after growing by `append`).
  mutating func shrink() { words = words.exactCapacity() }

  /// The number of set bits.
  public var setCount: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }
}
