/// Folding and pinyin ordering used by the store and the query binder.
///
/// The one place that reaches for NewsText's folding (繁→简, full-width → half-width, Latin
/// case) and pinyin collation, so the rest of the store never depends on which is available.
/// Until NewsText's tables land this holds a small private fallback.
public enum TextOrder {
  /// Whether real pinyin ordering is available (false while the fallback is in use).
  public static let hasPinyin = false

  /// Folds `s` for comparison: traditional → simplified, full-width → half-width, lowercase.
  public static func fold(_ s: String) -> String {
    var out = String.UnicodeScalarView()
    var changed = false
    for u in s.unicodeScalars {
      let f = foldScalar(u)
      if f != u { changed = true }
      out.append(f)
    }
    return changed ? String(out) : s
  }

  /// Pinyin order (安徽 < 北京 < 重庆), ties broken by code point.
  public static func less(_ a: String, _ b: String) -> Bool {
    codePointLess(a, b)
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

  private static func foldScalar(_ u: Unicode.Scalar) -> Unicode.Scalar {
    let v = u.value
    if v >= 0x41 && v <= 0x5A { return Unicode.Scalar(v + 32) ?? u }
    if v >= 0xFF01 && v <= 0xFF5E {
      let h = v - 0xFEE0
      if h >= 0x41 && h <= 0x5A { return Unicode.Scalar(h + 32) ?? u }
      return Unicode.Scalar(h) ?? u
    }
    if v == 0x3000 { return " " }
    if v >= 0x4E00, let s = fallbackSimplified[v], let r = Unicode.Scalar(s) { return r }
    return u
  }

  /// A handful of traditional → simplified pairs, enough for tests until NewsText lands.
  private static let fallbackSimplified: [UInt32: UInt32] = {
    let pairs = "臨临漢汉東东區区縣县書书會会議议陽阳門门長长開开發发國国華华與与為为鄉乡鎮镇記记"
    var map: [UInt32: UInt32] = [:]
    var it = pairs.unicodeScalars.makeIterator()
    while let t = it.next(), let s = it.next() { map[t.value] = s.value }
    return map
  }()
}
