import NewsFacts

/// Economic indicators: a known indicator word followed, in the same clause, by a value of the
/// right kind (money for totals, a percent for growth), with its period and place; the growth
/// in the next clause (`完成X亿元，同比增长Y%`); counts of projects and their total investment
/// (`签约项目22个，总投资326亿元`).
extension DocumentContext {
  enum IndicatorValue { case money, percent, count, area }

  /// Indicator words as written → (name stored, kind of value).
  static let indicatorWords: [(String, String, IndicatorValue)] = [
    ("地区生产总值增速", "GDP增速", .percent), ("地区生产总值增长", "GDP增速", .percent),
    ("GDP增速", "GDP增速", .percent), ("GDP增长", "GDP增速", .percent), ("经济增速", "GDP增速", .percent),
    ("地区生产总值", "GDP", .money), ("GDP总量", "GDP", .money), ("经济总量", "GDP", .money), ("GDP", "GDP", .money),
    ("生产总值", "GDP", .money),
    ("一般公共预算收入", "一般公共预算收入", .money), ("地方一般公共预算收入", "一般公共预算收入", .money),
    ("一般公共预算支出", "一般公共预算支出", .money), ("财政总收入", "财政总收入", .money), ("税收收入", "税收收入", .money),
    ("固定资产投资", "固定资产投资", .money), ("工业投资", "工业投资", .money), ("民间投资", "民间投资", .money),
    ("社会消费品零售总额", "社会消费品零售总额", .money),
    ("规模以上工业增加值", "规模以上工业增加值", .money), ("规上工业增加值", "规模以上工业增加值", .money),
    ("规模以上工业总产值", "规模以上工业产值", .money), ("规上工业总产值", "规模以上工业产值", .money),
    ("规模以上工业产值", "规模以上工业产值", .money), ("规上工业产值", "规模以上工业产值", .money),
    ("规模以上工业营业收入", "规模以上工业营业收入", .money), ("规上工业营业收入", "规模以上工业营业收入", .money),
    ("工业总产值", "工业总产值", .money),
    ("全部工业开票销售", "全部工业开票销售", .money), ("开票销售", "开票销售", .money), ("总面积", "面积", .area), ("面积", "面积", .area),
    ("国土面积", "面积", .area), ("行政区域面积", "面积", .area), ("进出口总额", "进出口总额", .money), ("外贸进出口", "进出口总额", .money),
    ("出口总额", "出口总额", .money), ("进出口总值", "进出口总额", .money),
    ("城镇居民人均可支配收入", "城镇居民人均可支配收入", .money), ("农村居民人均可支配收入", "农村居民人均可支配收入", .money),
    ("城镇常住居民人均可支配收入", "城镇居民人均可支配收入", .money), ("农村常住居民人均可支配收入", "农村居民人均可支配收入", .money),
    ("居民人均可支配收入", "居民人均可支配收入", .money), ("总产值", "总产值", .money),
    ("实际利用外资", "实际利用外资", .money), ("实际使用外资", "实际利用外资", .money), ("协议引资", "协议引资", .money),
    ("到位资金", "到位资金", .money), ("年度计划投资", "年度计划投资", .money), ("旅游总收入", "旅游总收入", .money),
    ("农林牧渔业总产值", "农林牧渔业总产值", .money), ("金融机构存款余额", "金融机构存款余额", .money),
    ("金融机构贷款余额", "金融机构贷款余额", .money),
    ("总人口", "总人口", .count), ("常住人口", "常住人口", .count), ("户籍人口", "户籍人口", .count),
    ("接待游客", "接待游客", .count), ("城镇新增就业", "城镇新增就业", .count),
  ]
  static let indicatorList = WordList(indicatorWords.map(\.0))
  static let respectively = Scalars.of("分别")
  static let urbanRural = Scalars.of("城乡")
  /// Words between an indicator and a value that make the value something else (a change, a rank, a share).
  static let notItsValue = ["增加", "减少", "位居", "排名", "占"].map(Scalars.of)
  static let notAGrowth = ["提高", "回落"].map(Scalars.of)
  static let fromWord = [Scalars.of("从")]
  static let totalInvestmentLeads = ["总投资", "计划总投资", "协议总投资"].map(Scalars.of)
  static let growthWords = ["增长", "增速", "同比", "提高"].map(Scalars.of)
  /// Words opening a clause that gives the growth of the amount just before: `，同比增长6.9%`.
  static let growthLeads = ["同比增长", "比上年增长", "比上年同期增长", "较上年增长", "较去年同期增长", "分别增长",
                            "同比分别增长", "增长", "增幅为", "增幅", "同比下降", "下降"].map(Scalars.of)
  /// Words that end the name of a counted group of projects on its left (`全市列入省级重大项目`).
  static let countStops = WordList(["全县", "全市", "全区", "全省", "本次", "此次", "今年", "共", "列入", "实施", "谋划",
                                    "会上", "其中", "当天", "完成", "有", "达"])

  /// Whether a time mention reads as a period of statistics (whole months, quarters, years),
  /// not a single day.
  static func isPeriod(_ m: Mention) -> Bool {
    guard let t = span(m) else { return false }
    return t.from != t.to && t.from.day == 1 && t.to.day == FactDate.daysIn(month: t.to.month, year: t.to.year)
  }

  func indicators() -> [Fact] {
    var out: [Fact] = []
    for a in articles {
      // the period in force: statistics keep the last period named before them in the article
      func periodBefore(_ pos: Int) -> Mention? {
        times(in: a.parts.whole.lowerBound..<pos).last { Self.isPeriod($0) }
      }
      func stamp(_ f: inout Fact, period: Mention?, sentence r: Range<Int>, at i: Int) {
        var year: Int? = period.flatMap { Self.span($0)?.from.year }
        if year == nil {
          for t in times(in: r.lowerBound..<i).reversed() { if let y = Self.span(t)?.from.year { year = y; break } }
        }
        if year == nil, let ad = a.date?.year {
          // 去年, 上年: the year before the article's
          let last = period.map { $0.text.hasPrefix("去年") || $0.text.hasPrefix("上年") } ?? false
          year = last ? ad - 1 : ad
        }
        if let p = period { f[.period] = .text(p.text) }
        if let y = year { f[.year] = .integer(Int64(y)) }
      }
      func write(_ v: Mention, name: String, into f: inout Fact) -> Bool {
        f[.name] = .text(name)
        switch v.value {
        case .money(let val, let lo, _, let cur, let b):
          guard let amount = val ?? lo else { return false }
          f[.value] = .number(amount); f[.unit] = .text(cur == "CNY" ? "元" : cur); f[.bound] = .text(b.rawValue)
        case .percent(let p, let b):
          // a sign before the number (增长-2.9%; not a range 3-5%), or a fall (下降2.9%)
          let at = v.range.lowerBound
          let signed = at >= 1 && Self.minusSigns.contains(s[at - 1]) && !(at >= 2 && Scalars.isDigit(s[at - 2]))
          let fell = Self.fallWords.contains { Scalars.hasEnding(s, at: at, $0) }
          f[.value] = .number(signed || fell ? -abs(p) : p); f[.unit] = "%"; f[.bound] = .text(b.rawValue)
        case .number(let x):
          let e = v.range.upperBound
          guard e < s.count, Self.countUnits.contains(s[e]) else { return false }
          f[.value] = .number(x); f[.unit] = .text(String(Character(s[e]))); f[.bound] = "exact"
        case .area(let a, _):
          f[.value] = .number(a); f[.unit] = "平方米"; f[.bound] = "exact"
        default: return false
        }
        return true
      }
      for sent in a.sentences {
        let r = sent.range
        var i = r.lowerBound
        while i < r.upperBound {
          // (neither an indicator word nor 项 can start here: the next position)
          i = ScanFlags.next(ScanFlags.indicator, in: flags, from: i, to: r.upperBound)
          guard i < r.upperBound else { break }
          let hit = Self.indicatorList.matchWithIndex(s, at: i)
          let L = hit?.length ?? 0
          guard let hit else {
            if s[i] == "项", let next = projectCount(at: i, in: r) {
              for (name, v) in next.values {
                var f = Fact(.indicator)
                guard write(v, name: name, into: &f) else { continue }
                let period = times(in: r.lowerBound..<next.end).last { Self.isPeriod($0) } ?? periodBefore(r.lowerBound)
                stamp(&f, period: period, sentence: r, at: i)
                location(of: sent, in: a, range: r.lowerBound..<next.end).write(into: &f)
                provenance(r, article: a.number, into: &f)
                out.append(f)
              }
              i = next.end
            } else { i += 1 }
            continue
          }
          // 城镇、农村居民人均可支配收入分别…: read the shared word after the listed prefixes
          if i > r.lowerBound && s[i - 1] == "、" {
            var shifted = false
            for k in 1...3 where i + k < r.upperBound {
              let L2 = Self.indicatorList.match(s, at: i + k)
              if L2 > 0 && i + k + L2 == i + L { i += k; shifted = true; break }
            }
            if shifted { continue }
          }
          let (_, name0, kind) = Self.indicatorWords[hit.index]
          let kwEnd = i + L
          let ce = clauseEnd(from: kwEnd, limit: r.upperBound)
          // "A、B居民人均可支配收入分别达X和Y"; "城乡居民人均可支配收入分别达X和Y" (urban, rural)
          var prefixes: [String] = []
          if Scalars.has(s, at: kwEnd, Self.respectively) {
            if i - 2 >= r.lowerBound, Scalars.has(s, at: i - 2, Self.urbanRural), name0 == "居民人均可支配收入" {
              prefixes = ["城镇", "农村"]
            } else {
              var st = i
              while st > r.lowerBound && (Scalars.isHan(s[st - 1]) || s[st - 1] == "、") && i - st < 10 { st -= 1 }
              let pre = text(st..<i)
              let parts = pre.split(separator: "、").map(String.init)
              if parts.count >= 2 && parts.allSatisfy({ $0.unicodeScalars.count <= 3 && !$0.isEmpty }) { prefixes = parts }
            }
          }
          let cands = amounts(in: kwEnd..<ce).filter { m in
            switch kind {
            case .money: return m.kind == .money || m.kind == .percent
            case .percent: return m.kind == .percent
            case .count: return m.kind == .number
            case .area: return m.kind == .area
            }
          }
          guard var m = cands.first, m.range.lowerBound - kwEnd <= 14 else { i = kwEnd; continue }
          let between = kwEnd..<m.range.lowerBound
          if Scalars.contains(s, between, anyOf: Self.notItsValue) { i = kwEnd; continue }
          var name = name0
          if kind == .money && m.kind == .percent {
            guard Scalars.contains(s, between, anyOf: Self.growthWords) else { i = kwEnd; continue }
            name = name0 + "增速"
          }
          if kind == .percent, Scalars.contains(s, between, anyOf: Self.notAGrowth) { i = kwEnd; continue }
          // an area is a place's (面积859.19平方公里), not a project's (规划面积X亩的Y项目)
          if kind == .area {
            let ofProject = m.range.upperBound < s.count && s[m.range.upperBound] == "的"
            let qualified = L == 2 && i > r.lowerBound && Scalars.isHan(s[i - 1])  // 规划面积, 建筑面积
            if ofProject || qualified { i = kwEnd; continue }
          }
          var values = [m]
          // 从X跃升至Y: where it started and the level reached
          if Scalars.contains(s, between, anyOf: Self.fromWord), let nxt = cands.dropFirst().first,
             nxt.range.lowerBound - m.range.upperBound <= 6, nxt.kind == m.kind, prefixes.isEmpty {
            values = [m, nxt]; m = nxt
          }
          if !prefixes.isEmpty && values.count == 1 {
            values = Array(cands.prefix(prefixes.count))
            guard values.count == prefixes.count, values.allSatisfy({ $0.kind == m.kind }) else { i = kwEnd; continue }
          }
          // period: a time in the clause, else the last period before it in the article
          let period: Mention? = times(in: kwEnd..<ce).first ?? periodBefore(i)
          let loc = location(of: sent, in: a, range: r.lowerBound..<ce)
          var last = values.last!.range.upperBound
          func emit(_ vs: [Mention], suffix: String) {
            for (k, v) in vs.enumerated() {
              var f = Fact(.indicator)
              guard write(v, name: (prefixes.isEmpty || k >= prefixes.count ? name : prefixes[k] + name) + suffix, into: &f) else { continue }
              stamp(&f, period: period, sentence: r, at: i)
              loc.write(into: &f)
              provenance(r, article: a.number, into: &f)
              out.append(f)
            }
          }
          emit(values, suffix: "")
          // the growth of an amount in the next clause: 完成218.4亿元，同比增长6.2%
          if kind != .percent && m.kind != .percent, let g = growthAfter(last, count: values.count, limit: r.upperBound) {
            emit(g, suffix: "增速")
            last = g.last!.range.upperBound
          }
          i = last
        }
      }
    }
    return out
  }

  static let countUnits = ScalarBits("人项个户家".unicodeScalars)
  static let minusSigns = ScalarBits("-－−".unicodeScalars)
  static let fallWords = ["下降", "同比下降", "回落"].map(Scalars.of)

  /// End of the clause from `b`: the next ，；。 or `limit`.
  func clauseEnd(from b: Int, limit: Int) -> Int {
    var ce = b
    while ce < limit && !(s[ce] == "，" || s[ce] == "," || s[ce] == "；" || s[ce] == ";" || s[ce] == "。") { ce += 1 }
    return ce
  }

  /// Percents opening the clause after `pos` with a growth word (`，同比增长6.9%`), one per
  /// amount (`，分别增长6.1%和7.8%`); nil when the next clause says something else.
  func growthAfter(_ pos: Int, count: Int, limit: Int) -> [Mention]? {
    guard pos < limit, s[pos] == "，" || s[pos] == "," else { return nil }
    let b = pos + 1
    let ce = clauseEnd(from: b, limit: limit)
    guard let lead = Self.growthLeads.first(where: { Scalars.has(s, at: b, $0) }) else { return nil }
    let ps = Array(amounts(in: (b + lead.count)..<ce).filter { $0.kind == .percent }.prefix(count))
    guard ps.count == count, let first = ps.first, first.range.lowerBound - (b + lead.count) <= 1,
          first.range.lowerBound == b + lead.count || Self.minusSigns.contains(s[b + lead.count]) else { return nil }
    return ps
  }

  /// `重点项目126个`, `集中开工项目共31个` at `i` (the start of 项目): the count of a named group
  /// of projects, and `，总投资412亿元` after it as the group's total investment.
  func projectCount(at i: Int, in r: Range<Int>) -> (values: [(String, Mention)], end: Int)? {
    // (called at every position of a sentence: the first test must be cheap)
    guard s[i] == "项", Scalars.has(s, at: i, Self.projectWord) else { return nil }
    var n = i + 2
    if n < r.upperBound && s[n] == "共" { n += 1 }
    guard let count = amounts(in: n..<(n + 1)).first, count.kind == .number, count.range.lowerBound == n,
          count.range.upperBound < r.upperBound, s[count.range.upperBound] == "个" || s[count.range.upperBound] == "项" else { return nil }
    // the group's name: Han to the left, up to a stop word (at most 10)
    var st = i
    while st > r.lowerBound && Scalars.isHan(s[st - 1]) && i - st < 10 {
      if Self.countStops.matchEnding(s, at: st, maxLength: 2) > 0 { break }
      if people(in: (st - 1)..<st).first != nil { break }
      st -= 1
    }
    guard i - st >= 2 else { return nil }
    let group = text(st..<(i + 2))
    var values: [(String, Mention)] = [(group + "数", count)]
    var end = count.range.upperBound + 1
    // ，总投资X / ，计划总投资X
    if end < r.upperBound, s[end] == "，" || s[end] == "," {
      for lead in Self.totalInvestmentLeads where Scalars.has(s, at: end + 1, lead) {
        if let m = amounts(in: (end + 1 + lead.count)..<(end + 3 + lead.count)).first, m.kind == .money {
          values.append((group + "总投资", m))
          end = m.range.upperBound
        }
        break
      }
    }
    return (values, end)
  }
}
