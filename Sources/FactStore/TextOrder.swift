import NewsText

/// Folding and pinyin ordering used by the store and the query binder.
///
/// The one place the store reaches for NewsText's folding (繁→简, full-width → half-width, Latin
/// case) and pinyin collation, so dictionary codes, equality look-ups and the binder agree.
public enum TextOrder {
  /// Whether real pinyin ordering is available (always, now that NewsText's tables are in).
  public static let hasPinyin = true

  /// Folds `s` for comparison: traditional → simplified, full-width → half-width, lowercase.
  @inline(__always)
  public static func fold(_ s: String) -> String {
    Fold.fold(s)
  }

  /// Pinyin order (安徽 < 北京 < 重庆); equal pinyin falls back to tones, then code points.
  @inline(__always)
  public static func less(_ a: String, _ b: String) -> Bool {
    Pinyin.less(a, b)
  }

  /// A key whose lexicographic order is `less` (ties by code point included): sorting many
  /// values by keys made once each is much cheaper than comparing the strings.
  public static func sortKey(_ s: String) -> [UInt32] {
    Pinyin.sortKey(s)
  }

  /// Plain code-point order of the scalars of `a` and `b`.
  public static func codePointLess(_ a: String, _ b: String) -> Bool {
    var i = a.unicodeScalars.makeIterator()
    var j = b.unicodeScalars.makeIterator()
    while true {
      switch (i.next(), j.next()) {
      case (nil, nil): return false
      case (nil, _): return true
      case (_, nil): return false
      case (let x?, let y?): if x != y { return x.value < y.value }
      }
    }
  }
}
