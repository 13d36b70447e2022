import NewsFacts

/// Dates and periods in news, read as inclusive spans of days.
///
/// Covers `7月17日`, `2019年5月20日`, `2025-01-06 08:52:14`, `二〇一九年`, `98年4月`, ranges
/// (`5月16日至19日`, `5月16—19日`, `2017年8月至11月`, `1至11月`, `2024年1-11月`), periods
/// (`2024年前三季度`, `一季度`, `第三季度`, `上半年`, `前两个月`, `年底`, `6月上旬`), relative
/// years and months (`今年`, `去年`, `上个月`, `今年以来`) and a following time of day, which is
/// consumed but not kept (the span is in days).
///
/// The year of an expression without one is, in order: the last explicit year in the same
/// sentence (`2024年，前三季度…`; `lastExplicitYear`, cleared at 。！？ and line ends), then
/// `base`'s year, else unknown (`--07-17`). Relative expressions (去年, 上个月, 今年以来) need
/// `base` and are not reported without it. A list `7月17日、18日` gives two mentions; the second
/// takes its month from the first.
public struct TimeRecognizer: Sendable {
  /// "Today": the article's date in extraction, `--base` in `newsq mentions`.
  public var base: FactDate?
  /// The year last written out in the current sentence, carried to periods without one.
  public var lastExplicitYear: Int?
  /// Year and month of the last date read, for a following bare day (`、18日`).
  var lastMonth: (year: Int?, month: Int)?

  public init(base: FactDate? = nil, lastExplicitYear: Int? = nil) {
    self.base = base
    self.lastExplicitYear = lastExplicitYear
  }

  /// A time expression found at a position.
  public struct Match: Sendable {
    public var span: TimeSpan
    public var end: Int
    var explicitYear: Int?
    var month: (year: Int?, month: Int)?
  }

  static let partOfDay = Lexicon.words(["上午", "下午", "中午", "晚上", "早上", "凌晨", "傍晚", "晚", "早", "夜里", "午"])
  static let relYears: [(String, Int)] = [("今年", 0), ("本年", 0), ("去年", -1), ("前年", -2), ("明年", 1), ("大前年", -3)]
  static let relYearWords = Lexicon.words(relYears.map(\.0))
  static let relMonths: [(String, Int)] = [("本月", 0), ("上月", -1), ("上个月", -1), ("上一个月", -1), ("下月", 1), ("下个月", 1), ("下一个月", 1)]
  static let relMonthWords = Lexicon.words(relMonths.map(\.0))

  static let startWords = ["今年", "去年", "前年", "明年", "本年", "本月", "上月", "上个月", "下月", "下个月",
                           "上半年", "下半年", "前三季度", "第", "一季度", "全年", "年初", "年底", "年末", "从", "自", "Q", "首季"]

  static func isSentenceEnd(_ s: Unicode.Scalar) -> Bool {
    s == "。" || s == "！" || s == "？" || s == "\n" || s == "!" || s == "?" || s == "；"
  }

  mutating func sentenceEnded() { lastExplicitYear = nil }

  /// Records what a match taught (its explicit year, its month) once the caller keeps it.
  public mutating func commit(_ m: Match) {
    if let y = m.explicitYear { lastExplicitYear = y }
    if let mm = m.month { lastMonth = mm }
  }

  // MARK: - Parsing

  struct Day { var y: Int?; var m: Int; var d: Int }

  /// One end of a span while parsing: year, month, day as far as given.
  struct Point {
    var y: Int?
    var m: Int?
    var d: Int?
    var fromMonth: Int?
    var toMonth: Int?
    var fromDay: Int?
    var toDay: Int?
  }

  /// The time expression starting at `i`, if any.
  public func match(_ t: [Unicode.Scalar], at i: Int) -> Match? {
    if i > 0, NumberToken.isASCIIDigit(t[i - 1]) || Lexicon.isASCIILetter(t[i - 1]) && t[i] != "Q" { return nil }
    var k = i
    var lead = false
    if k < t.count, t[k] == "从" || t[k] == "自" { k += 1; lead = true }
    guard var first = expression(t, at: k, inheritYear: nil, inheritMonth: nil) else { return nil }
    if lead && first.end == k { return nil }
    var end = first.end
    var to = first.to
    // A range to a second expression that inherits the first's year and month.
    if let c = Lexicon.longest(t, at: end, Lexicon.connectors) {
      if let second = expression(t, at: c.end, inheritYear: first.from.y, inheritMonth: first.lastMonth),
         second.bareDayOrMore, ordinal(second.from) >= ordinal(first.from) {
        to = second.to
        end = second.end
        first.explicitYear = second.explicitYear ?? first.explicitYear
        first.lastMonth = second.lastMonth ?? first.lastMonth
      }
    }
    if end < t.count, t[end] == "止" || t[end] == "起" { end += 1 }
    return Match(span: TimeSpan(from: FactDate(year: first.from.y, month: first.from.m, day: first.from.d),
                                to: FactDate(year: to.y, month: to.m, day: to.d)),
                 end: end, explicitYear: first.explicitYear, month: first.lastMonth)
  }

  func ordinal(_ d: Day) -> Int { (d.y ?? 0) * 10_000 + d.m * 100 + d.d }

  struct Expr {
    var from: Day
    var to: Day
    var end: Int
    var explicitYear: Int?
    var lastMonth: (year: Int?, month: Int)?
    var bareDayOrMore = true
  }

  /// Year (explicit or relative), then a period, month, day; or a bare day.
  func expression(_ t: [Unicode.Scalar], at i: Int, inheritYear: Int?, inheritMonth: (year: Int?, month: Int)?) -> Expr? {
    var k = i
    var year: Int? = nil
    var explicit: Int? = nil
    var relative = false
    if let iso = isoDate(t, at: k) {
      let day = Day(y: iso.y, m: iso.m, d: iso.d ?? 1)
      let last = Day(y: iso.y, m: iso.m, d: iso.d ?? FactDate.daysIn(month: iso.m, year: iso.y))
      return Expr(from: day, to: last, end: skipClock(t, iso.end), explicitYear: iso.y, lastMonth: (iso.y, iso.m))
    }
    if let y = yearWord(t, at: k) {
      year = y.year; explicit = y.year; k = y.end
    } else if let r = relativeYear(t, at: k) {
      guard let b = base?.year else { return nil }
      year = b + r.offset; k = r.end; relative = true
    }
    let fallbackYear = year ?? inheritYear ?? lastExplicitYear ?? base?.year
    // Periods within a year.
    if let p = period(t, at: k) {
      let y = fallbackYear
      var end = p.end
      var to = Day(y: y, m: p.toMonth, d: FactDate.daysIn(month: p.toMonth, year: y))
      if let b = base, y == b.year, end + 1 < t.count, t[end] == "以", t[end + 1] == "来" { to = Day(y: b.year, m: b.month, d: b.day); end += 2 }
      return Expr(from: Day(y: y, m: p.fromMonth, d: 1), to: to, end: end, explicitYear: explicit, lastMonth: nil)
    }
    // Month, relative month, then day.
    var month: Int? = nil
    var monthYear = fallbackYear
    if let m = monthWord(t, at: k) {
      month = m.month; k = m.end
    } else if year == nil, let r = relativeMonth(t, at: k) {
      guard let b = base, let by = b.year else { return nil }
      var mm = b.month + r.offset
      var yy = by
      if mm < 1 { mm += 12; yy -= 1 } else if mm > 12 { mm -= 12; yy += 1 }
      month = mm; monthYear = yy; k = r.end; relative = true
    }
    if let m = month {
      let y = monthYear
      // 上旬, 中旬, 下旬
      if k + 1 < t.count, t[k + 1] == "旬" {
        let dim = FactDate.daysIn(month: m, year: y)
        let r: (Int, Int)? = t[k] == "上" ? (1, 10) : t[k] == "中" ? (11, 20) : t[k] == "下" ? (21, dim) : nil
        if let r { return Expr(from: Day(y: y, m: m, d: r.0), to: Day(y: y, m: m, d: r.1), end: k + 2, explicitYear: explicit, lastMonth: (y, m)) }
      }
      if let d = dayWord(t, at: k, month: m, year: y, needsSuffix: false) {
        return Expr(from: Day(y: y, m: m, d: d.day), to: Day(y: y, m: m, d: d.day), end: skipClock(t, d.end), explicitYear: explicit, lastMonth: (y, m))
      }
      return Expr(from: Day(y: y, m: m, d: 1), to: Day(y: y, m: m, d: FactDate.daysIn(month: m, year: y)), end: k,
                  explicitYear: explicit, lastMonth: (y, m))
    }
    if let y = year {
      var end = k
      var to = Day(y: y, m: 12, d: 31)
      if end + 1 < t.count, t[end] == "以", t[end + 1] == "来" {
        end += 2
        if let b = base, let by = b.year, by >= y { to = Day(y: b.year, m: b.month, d: b.day) }
      } else if end + 1 < t.count, t[end] == "全", t[end + 1] == "年" {
        end += 2
      } else if end + 1 < t.count, t[end] == "年", t[end + 1] == "内" {
        end += 2
      }
      _ = relative
      return Expr(from: Day(y: y, m: 1, d: 1), to: to, end: end, explicitYear: explicit, lastMonth: nil)
    }
    // A bare day (18日) after a date in the same text, or with a base month.
    if let im = inheritMonth ?? lastMonth ?? base.map({ ($0.year, $0.month) }) {
      if i > 0 {
        let p = t[i - 1]
        if p == "第" || p == "个" || p == "月" || ChineseNumber.isNumeral(p) { return nil }
      }
      let y = inheritYear ?? im.year
      if let d = dayWord(t, at: i, month: im.month, year: y, needsSuffix: true) {
        if d.end < t.count, "内后前以起来".unicodeScalars.contains(t[d.end]) { return nil }
        var e = Expr(from: Day(y: y, m: im.month, d: d.day), to: Day(y: y, m: im.month, d: d.day), end: skipClock(t, d.end),
                     explicitYear: nil, lastMonth: (y, im.month))
        e.bareDayOrMore = true
        return e
      }
    }
    return nil
  }

  // MARK: - Pieces

  /// `2024-07-17`, `2019.9.6`, `2024/7/17`, `20240307`, with an optional clock time after.
  func isoDate(_ t: [Unicode.Scalar], at i: Int) -> (y: Int, m: Int, d: Int?, end: Int)? {
    var k = i
    var y = 0
    while k < t.count, k - i < 8, NumberToken.isASCIIDigit(t[k]) { y = y * 10 + Int(t[k].value - 48); k += 1 }
    let n = k - i
    if n == 8 {
      if k < t.count, NumberToken.isASCIIDigit(t[k]) { return nil }
      let yy = y / 10_000, mm = (y / 100) % 100, dd = y % 100
      guard (1900...2100).contains(yy), (1...12).contains(mm), dd >= 1, dd <= FactDate.daysIn(month: mm, year: yy) else { return nil }
      return (yy, mm, dd, k)
    }
    guard n == 4, (1900...2100).contains(y), k + 1 < t.count else { return nil }
    let sep = t[k]
    guard sep == "-" || sep == "." || sep == "/" else { return nil }
    guard let m = digits(t, at: k + 1, max: 2), (1...12).contains(m.value) else { return nil }
    k = m.end
    if k + 1 < t.count, t[k] == sep, let d = digits(t, at: k + 1, max: 2), d.value >= 1, d.value <= FactDate.daysIn(month: m.value, year: y) {
      return (y, m.value, d.value, d.end)
    }
    // YYYY-MM only when not followed by more digits or a dot.
    if sep == "-" || sep == "." { if k < t.count, NumberToken.isASCIIDigit(t[k]) { return nil } }
    guard sep != "." else { return nil }  // 2008.03 is also a decimal
    return (y, m.value, nil, k)
  }

  func digits(_ t: [Unicode.Scalar], at i: Int, max: Int) -> (value: Int, end: Int)? {
    var k = i
    var v = 0
    while k < t.count, k - i < max, NumberToken.isASCIIDigit(t[k]) { v = v * 10 + Int(t[k].value - 48); k += 1 }
    if k == i || (k < t.count && NumberToken.isASCIIDigit(t[k])) { return nil }
    return (v, k)
  }

  /// Skips a clock time: ` 08:52:14`, `下午3时`, `上午10点30分许`.
  func skipClock(_ t: [Unicode.Scalar], _ i: Int) -> Int {
    var k = i
    if k < t.count, t[k] == " " || t[k] == "T" { k += 1 }
    if let p = Lexicon.longest(t, at: k, Self.partOfDay) { k = p.end }
    if let h = smallInt(t, at: k), h.value <= 24, h.end < t.count {
      if t[h.end] == ":", let m = digits(t, at: h.end + 1, max: 2), m.value < 60 {
        var e = m.end
        if e < t.count, t[e] == ":", let s = digits(t, at: e + 1, max: 2), s.value < 60 { e = s.end }
        return e
      }
      if t[h.end] == "时" || t[h.end] == "点" {
        var e = h.end + 1
        if let m = smallInt(t, at: e), m.end < t.count, t[m.end] == "分" { e = m.end + 1 }
        else if e < t.count, t[e] == "半" { e += 1 }
        if e < t.count, t[e] == "许" { e += 1 }
        return e
      }
    }
    return i
  }

  /// An integer of at most four characters: ASCII digits or a Chinese numeral.
  func smallInt(_ t: [Unicode.Scalar], at i: Int) -> (value: Int, end: Int)? {
    guard i < t.count else { return nil }
    if NumberToken.isASCIIDigit(t[i]) { return digits(t, at: i, max: 4) }
    guard ChineseNumber.isNumeral(t[i]) else { return nil }
    var k = i
    while k < t.count, k - i < 4, ChineseNumber.isNumeral(t[k]) { k += 1 }
    guard let r = ChineseNumber.read(t, i..<k, strict: false), r.end == k || r.end > i else { return nil }
    guard r.value >= 0, r.value < 10_000, r.value == r.value.rounded() else { return nil }
    return (Int(r.value), r.end)
  }

  /// `2024年`, `二〇一九年`; a two-digit year (`98年`, `07年`) only before a month or period.
  func yearWord(_ t: [Unicode.Scalar], at i: Int) -> (year: Int, end: Int)? {
    var k = i
    var v = 0
    var n = 0
    while k < t.count, n < 5 {
      if NumberToken.isASCIIDigit(t[k]) { v = v * 10 + Int(t[k].value - 48) }
      else if let d = ChineseNumber.digit(t[k]), t[k] != "两" { v = v * 10 + d }
      else { break }
      k += 1; n += 1
    }
    guard k < t.count, t[k] == "年" else { return nil }
    if n == 4 { return (1000...2999).contains(v) ? (v, k + 1) : nil }
    if n == 2 {
      let after = k + 1
      guard monthWord(t, at: after) != nil || period(t, at: after) != nil else { return nil }
      return (v >= 50 ? 1900 + v : 2000 + v, after)
    }
    return nil
  }

  func relativeYear(_ t: [Unicode.Scalar], at i: Int) -> (offset: Int, end: Int)? {
    guard let w = Lexicon.longest(t, at: i, Self.relYearWords) else { return nil }
    return (Self.relYears[w.index].1, w.end)
  }

  func relativeMonth(_ t: [Unicode.Scalar], at i: Int) -> (offset: Int, end: Int)? {
    guard let w = Lexicon.longest(t, at: i, Self.relMonthWords) else { return nil }
    return (Self.relMonths[w.index].1, w.end)
  }

  /// `7月`, `十二月`.
  func monthWord(_ t: [Unicode.Scalar], at i: Int) -> (month: Int, end: Int)? {
    guard let n = smallInt(t, at: i), (1...12).contains(n.value), n.end < t.count, t[n.end] == "月" else { return nil }
    // 3个月 is a duration, 1月份 fine.
    var e = n.end + 1
    if e < t.count, t[e] == "份" { e += 1 }
    return (n.value, e)
  }

  /// `17日`, `30号`; without a suffix only before a range connector (5月16—19日).
  func dayWord(_ t: [Unicode.Scalar], at i: Int, month: Int, year: Int?, needsSuffix: Bool) -> (day: Int, end: Int)? {
    guard let n = smallInt(t, at: i), n.value >= 1, n.value <= FactDate.daysIn(month: month, year: year) else { return nil }
    if n.end < t.count, t[n.end] == "日" || t[n.end] == "号" { return (n.value, n.end + 1) }
    if !needsSuffix, Lexicon.longest(t, at: n.end, Lexicon.connectors) != nil { return (n.value, n.end) }
    return nil
  }

  /// Periods of a year, as months: quarters, halves, the first N months, month ranges.
  func period(_ t: [Unicode.Scalar], at i: Int) -> (fromMonth: Int, toMonth: Int, end: Int)? {
    var k = i
    // (`k` passed in, not captured: a nested function capturing a variable pays an exclusivity
    // check at each access)
    func word(_ s: StaticString, _ k: inout Int) -> Bool {
      var j = k
      var ok = true
      // decode the literal's UTF-8 in place (no String per call: this runs at many positions)
      s.withUTF8Buffer { buf in
        var b = 0
        while b < buf.count {
          let c0 = UInt32(buf[b])
          var v: UInt32
          var len: Int
          if c0 < 0x80 { v = c0; len = 1 }
          else if c0 < 0xE0 { v = c0 & 0x1F; len = 2 }
          else if c0 < 0xF0 { v = c0 & 0x0F; len = 3 }
          else { v = c0 & 0x07; len = 4 }
          var q = 1
          while q < len && b + q < buf.count { v = (v << 6) | (UInt32(buf[b + q]) & 0x3F); q += 1 }
          b += len
          if j >= t.count || t[j].value != v { ok = false; return }
          j += 1
        }
      }
      if ok { k = j }
      return ok
    }
    // 明年初, 19年底: 初/底/末 right after a year.
    if k > 0, t[k - 1] == "年", k < t.count {
      if t[k] == "初" { return (1, 2, k + 1) }
      if t[k] == "底" || t[k] == "末" { return (11, 12, k + 1) }
    }
    // each word is tried only when its first character is there (this runs at many positions)
    let c0: Unicode.Scalar = k < t.count ? t[k] : "\u{0}"
    if c0 == "上" && word("上半年", &k) { return (1, 6, k) }
    if c0 == "下" && word("下半年", &k) { return (7, 12, k) }
    if c0 == "年" && word("年初", &k) { return (1, 2, k) }
    if c0 == "年" && (word("年底", &k) || word("年末", &k)) { return (11, 12, k) }
    if c0 == "首" && (word("首季度", &k) || word("首季", &k)) { return (1, 3, k) }
    // 前三季度, 前两个季度, 前11个月, 前三月
    if c0 == "前" && word("前", &k) {
      if let n = smallInt(t, at: k) {
        var e = n.end
        if e < t.count, t[e] == "个" { e += 1 }
        if e + 1 < t.count, t[e] == "季", t[e + 1] == "度", (1...4).contains(n.value) { return (1, 3 * n.value, e + 2) }
        if e < t.count, t[e] == "月", (1...12).contains(n.value) { return (1, n.value, e + 1) }
      }
      return nil
    }
    // 一季度, 第三季度, Q1, 1季度, 一季度末
    let q0 = k
    if c0 == "第" { _ = word("第", &k) }
    if k < t.count, t[k] == "Q", k + 1 < t.count, let d = Int(exactly: t[k + 1].value), (49...52).contains(d) {
      let q = d - 48
      k += 2
      _ = word("季度", &k)
      return (3 * q - 2, 3 * q, k)
    }
    if let n = smallInt(t, at: k), (1...4).contains(n.value), n.end + 1 < t.count, t[n.end] == "季", t[n.end + 1] == "度" {
      var e = n.end + 2
      if e < t.count, t[e] == "末" { e += 1; return (3 * n.value, 3 * n.value, e) }
      return (3 * n.value - 2, 3 * n.value, e)
    }
    k = q0
    // 1至11月, 1-11月, 2——4月
    if let a = smallInt(t, at: k), (1...12).contains(a.value), let c = Lexicon.longest(t, at: a.end, Lexicon.connectors),
       let b = monthWord(t, at: c.end), b.month > a.value {
      return (a.value, b.month, b.end)
    }
    return nil
  }
}
