/// Text after `Normalizer.normalize`, with a map from every normalised scalar back to the
/// scalar of the original (decoded) text it came from, so that spans found in normalised text
/// can always be reported in the original. Offsets are Unicode-scalar (code point) offsets.
public struct NormalizedText: Sendable {
  /// The normalised text.
  public let scalars: [Unicode.Scalar]
  /// For each normalised scalar, the offset of its original scalar (non-decreasing).
  let origins: [Int32]
  /// Number of scalars of the original text.
  public let originalCount: Int

  init(scalars: [Unicode.Scalar], origins: [Int32], originalCount: Int) {
    self.scalars = scalars
    self.origins = origins
    self.originalCount = originalCount
  }

  /// Number of normalised scalars.
  public var count: Int { scalars.count }

  /// The normalised text as a `String`.
  public var string: String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars)
    return String(view)
  }

  /// The normalised text of `range` (clamped) as a `String`.
  public func text(_ range: Range<Int>) -> String {
    let lo = max(0, min(range.lowerBound, scalars.count))
    let hi = max(lo, min(range.upperBound, scalars.count))
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[lo..<hi])
    return String(view)
  }

  /// Original offset of normalised offset `i`; `count` (and beyond) maps to the original end.
  public func originalOffset(_ i: Int) -> Int {
    if i < 0 { return 0 }
    if i >= origins.count { return originalCount }
    return Int(origins[i])
  }

  /// The original range covering the normalised `r`: from the original of its first scalar to
  /// just after the original of its last scalar (so deleted text inside is covered, not around).
  public func originalRange(_ r: Range<Int>) -> Range<Int> {
    let lo = max(0, min(r.lowerBound, origins.count))
    let hi = max(lo, min(r.upperBound, origins.count))
    let start = originalOffset(lo)
    if hi == lo { return start..<start }
    let end = min(originalCount, Int(origins[hi - 1]) + 1)
    return start..<max(start, end)
  }
}
