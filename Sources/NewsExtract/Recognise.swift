import NewsFacts

/// `newsq mentions`: everything the recognisers see in one text.
public enum Recognise {
  /// Every mention (time, money, number, percent, area, place, person, org) in text order.
  /// The text is normalised first (full-width forms, 繁→简, stray pinyin, PDF spaces); ranges
  /// and `text` refer to the ORIGINAL `text`, in code points. `base` is "today" for relative
  /// expressions and the year of a bare `7月17日`.
  public static func mentions(in text: String, base: FactDate?) -> [Mention] {
    let norm = Recognition.normalize(text)
    let s = norm.scalars
    let places = Recognition.places(s, context: PlaceCtx())
    var all = Recognition.numerics(s, base: base) + places
    all += PersonRecognizer.mentions(in: s, places: places)
    all += OrgRecognizer.mentions(in: s, places: places)
    let orig = Array(text.unicodeScalars)
    let order = Mention.Kind.allCases
    var out = all.map { m -> Mention in
      var m = m
      m.range = norm.originalRange(m.range)
      m.text = Scalars.string(orig, m.range)
      return m
    }
    out.sort {
      if $0.range.lowerBound != $1.range.lowerBound { return $0.range.lowerBound < $1.range.lowerBound }
      if $0.range.upperBound != $1.range.upperBound { return $0.range.upperBound > $1.range.upperBound }
      return (order.firstIndex(of: $0.kind) ?? 0) < (order.firstIndex(of: $1.kind) ?? 0)
    }
    return out
  }
}
