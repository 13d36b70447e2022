import NewsFacts
import NewsText

/// Where a fact is: official full names, filled upward.
struct Loc: Sendable, Hashable {
  var country: String?
  var province: String?
  var city: String?
  var county: String?

  init(country: String? = nil, province: String? = nil, city: String? = nil, county: String? = nil) {
    self.country = country; self.province = province; self.city = city; self.county = county
  }

  init(_ ref: PlaceRef) {
    let chinese = ref.code != nil || ref.province != nil
    country = chinese ? "中国" : (ref.level == .country ? ref.name : ref.country)
    province = ref.province
    city = ref.city
    county = ref.county
    if ref.level == .province && province == nil { province = ref.name }
    if ref.level == .city && city == nil { city = ref.name }
    if ref.level == .county && county == nil { county = ref.name }
  }

  var isEmpty: Bool { province == nil && city == nil && county == nil && country == nil }

  /// Keeps only the levels down to `level` (a 全市 meeting has no county).
  func truncated(to level: PlaceLevel) -> Loc {
    var l = self
    if level <= .city { l.county = nil }
    if level <= .province { l.city = nil }
    if level <= .country { l.province = nil }
    return l
  }

  /// Writes the levels into a fact whose place fields are still unset (every caller writes a
  /// new fact): a missing level is left null without a write, which costs as much as a value.
  func write(into f: inout Fact, country withCountry: Bool = false) {
    if withCountry, let c = country { f[.country] = .text(c) }
    if let p = province { f[.province] = .text(p) }
    if let c = city { f[.city] = .text(c) }
    if let c = county { f[.county] = .text(c) }
  }
}

/// A sentence of an article and what kind of line it came from.
struct Sentence: Sendable {
  var range: Range<Int>
  var isHeading: Bool
  /// Start of its paragraph (normalised offset).
  var paragraphStart: Int
}

/// One article with what the rules need: sentences, date, year and the place it is about.
struct ArticleInfo: Sendable {
  var number: Int
  var parts: ArticleParts
  var sentences: [Sentence]
  var date: FactDate?
  var loc: Loc
  var place: PlaceRef?
}

/// A document being extracted: the normalised text, every mention, and the articles.
struct DocumentContext {
  let path: String
  /// The document as given, and where each of its scalars starts in its UTF-8 (plus its end):
  /// evidence is cut from these bytes, not re-encoded from scalars.
  let originalText: String
  let originalStarts: [Int]
  let norm: NormText
  /// The normalised scalars (stored, not forwarded to `norm`: the rules index it in their
  /// innermost loops, where a computed property costs a retain and a release per read).
  let s: [Unicode.Scalar]
  /// `ScanFlags` of each scalar of `s`: which word lists may start (or end) there.
  let flags: [UInt8]
  var times: [Mention] = []
  var amounts: [Mention] = []
  var places: [Mention] = []
  var people: [PersonHit] = []
  var articles: [ArticleInfo] = []
  /// Whether `articles` start in ascending order (so `article(at:)` may bisect).
  var articlesInOrder = false
  /// A year the document pins down through an anchor (`成立70周年` → 2019).
  var anchorYear: Int?

  init(path: String, text: String) {
    self.path = path
    originalText = text
    (norm, originalStarts) = Recognition.normalizeWithUTF8Starts(text)
    s = norm.scalars
    flags = ScanFlags.flags(of: s)
  }

  /// Whether a visit verb lies wholly inside `r` (`visitVerbs.occurs`, positions filtered by
  /// their flags).
  func hasVisitVerb(in r: Range<Int>) -> Bool {
    var i = max(0, r.lowerBound)
    let end = min(r.upperBound, s.count)
    while true {
      i = ScanFlags.next(ScanFlags.visitVerb, in: flags, from: i, to: end)
      guard i < end else { return false }
      if Self.visitVerbs.starts(s, at: i, within: end) { return true }
      i += 1
    }
  }

  // MARK: provenance

  func provenance(_ r: Range<Int>, article: Int, into f: inout Fact) {
    let o = norm.originalRange(r)
    f[.doc] = .text(path)
    f[.article] = .integer(Int64(article))
    f[.evidence] = .text(originalString(o))
    f[.span] = .span(o.lowerBound, o.upperBound)
  }

  func text(_ r: Range<Int>) -> String { Scalars.string(s, r) }

  /// The original text of scalar range `r` (clamped to bounds), copied from its UTF-8.
  func originalString(_ r: Range<Int>) -> String {
    let n = originalStarts.count - 1
    let lo = max(0, min(r.lowerBound, n)), hi = max(lo, min(r.upperBound, n))
    guard hi > lo else { return "" }
    let a = originalStarts[lo], b = originalStarts[hi]
    // The bytes of whole scalars of a `String`: valid UTF-8, copied without validating again.
    if let str = originalText.utf8.withContiguousStorageIfAvailable({ u -> String in
      let bytes = UnsafeBufferPointer(rebasing: u[a..<b])
      return TrustedUTF8.string(bytes)
    }) {
      return str
    }
    let u = originalText.utf8
    return String(originalText[u.index(u.startIndex, offsetBy: a)..<u.index(u.startIndex, offsetBy: b)])
  }

  // MARK: lookups

  /// Mentions of a sorted list that start inside `r` (both ends by bisection: a range may span
  /// a whole article).
  @inline(__always)
  static func within<T>(_ xs: [T], _ r: Range<Int>, start: (T) -> Int) -> ArraySlice<T> {
    var lo = 0, hi = xs.count
    while lo < hi { let m = (lo + hi) &>> 1; if start(xs[m]) < r.lowerBound { lo = m &+ 1 } else { hi = m } }
    var e = lo
    // short ranges hold a mention or two: step; long ones bisect
    var steps = 0
    while e < xs.count && start(xs[e]) < r.upperBound && steps < 4 { e &+= 1; steps &+= 1 }
    if steps == 4 {
      var h = xs.count
      while e < h { let m = (e + h) &>> 1; if start(xs[m]) < r.upperBound { e = m &+ 1 } else { h = m } }
    }
    return xs[lo..<e]
  }

  func times(in r: Range<Int>) -> ArraySlice<Mention> { Self.within(times, r) { $0.range.lowerBound } }
  func amounts(in r: Range<Int>) -> ArraySlice<Mention> { Self.within(amounts, r) { $0.range.lowerBound } }
  func places(in r: Range<Int>) -> ArraySlice<Mention> { Self.within(places, r) { $0.range.lowerBound } }
  func people(in r: Range<Int>) -> ArraySlice<PersonHit> { Self.within(people, r) { $0.range.lowerBound } }

  static func ref(_ m: Mention) -> PlaceRef? {
    if case .place(let p) = m.value { return p }
    return nil
  }

  static func span(_ m: Mention) -> TimeSpan? {
    if case .time(let t) = m.value { return t }
    return nil
  }

  /// The most specific Chinese division among `ms` (county over city over province), first wins ties.
  static func mostSpecific(_ ms: ArraySlice<Mention>) -> PlaceRef? {
    var best: PlaceRef? = nil
    for m in ms {
      guard let p = ref(m), p.level != .country else { continue }
      if best == nil || p.level > best!.level { best = p }
    }
    return best
  }

  /// A day of the article's calendar: fills a missing year from the article date (a December
  /// day in a January article belongs to the year before) or the document's anchor year.
  func fillYear(_ d: FactDate, article: ArticleInfo?) -> FactDate {
    guard d.year == nil else { return d }
    if let ad = article?.date, let y = ad.year {
      return FactDate(year: d.month > ad.month + 1 ? y - 1 : y, month: d.month, day: d.day)
    }
    if let y = anchorYear { return FactDate(year: y, month: d.month, day: d.day) }
    return d
  }

  /// Openings that put a sentence on the day last named: 同日, 当天下午, 随后, 会后.
  static let sameDayLeads = ["同日", "当日", "当天", "同一天", "随后", "会后", "会议结束后", "活动结束后"].map(Scalars.of)
  /// Who goes along from a meeting: 会前，…带领与会人员到….
  static let fromMeeting = ["与会人员", "参会人员", "与会代表", "参会代表"].map(Scalars.of)
  static let beforeMarks = ["前，", "前,"].map(Scalars.of)

  /// The day of an undated sentence that opens with 同日 / 当天 / 随后 / 会后 (or 会前 with the
  /// meeting's participants): the last single day named before it in the article's body.
  func inheritedDay(for sent: Sentence, in a: ArticleInfo) -> FactDate? {
    let r = sent.range
    guard !sent.isHeading else { return nil }
    let same = Self.sameDayLeads.contains { Scalars.has(s, at: r.lowerBound, $0) }
    let before = Scalars.contains(s, r.lowerBound..<min(r.upperBound, r.lowerBound + 6), anyOf: Self.beforeMarks)
      && Scalars.contains(s, r, anyOf: Self.fromMeeting)
    guard same || before else { return nil }
    // (plain loops: a closure over the mentions here crashes the release compiler, Swift 6.3.1)
    for o in a.sentences.reversed() where !o.isHeading && o.range.upperBound <= r.lowerBound {
      for t in times(in: o.range).reversed() {
        guard case .time(let sp) = t.value else { continue }
        if sp.from == sp.to && sp.from.day > 0 { return fillYear(sp.from, article: a) }
      }
    }
    return nil
  }

  /// The place of a fact in sentence `sent`: the most specific place in the sentence, else the
  /// first city or county named earlier in its paragraph, else the article's place.
  func location(of sent: Sentence, in article: ArticleInfo, range: Range<Int>? = nil) -> Loc {
    if let p = Self.mostSpecific(places(in: range ?? sent.range)) { return Loc(p) }
    if sent.paragraphStart < sent.range.lowerBound {
      for m in places(in: sent.paragraphStart..<sent.range.lowerBound) {
        if let p = Self.ref(m), p.level == .county || p.level == .city { return Loc(p) }
      }
    }
    return article.loc
  }
}
