import NewsFacts

/// Economic indicators: a known indicator word followed, in the same clause, by a value of the
/// right kind (money for totals, a percent for growth), with its period and place.
extension DocumentContext {
  enum IndicatorValue { case money, percent, count }

  /// Indicator words as written → (name stored, kind of value).
  static let indicatorWords: [(String, String, IndicatorValue)] = [
    ("地区生产总值增速", "GDP增速", .percent), ("地区生产总值增长", "GDP增速", .percent),
    ("GDP增速", "GDP增速", .percent), ("GDP增长", "GDP增速", .percent), ("经济增速", "GDP增速", .percent),
    ("地区生产总值", "GDP", .money), ("GDP总量", "GDP", .money), ("经济总量", "GDP", .money), ("GDP", "GDP", .money),
    ("生产总值", "GDP", .money),
    ("一般公共预算收入", "一般公共预算收入", .money), ("财政总收入", "财政总收入", .money), ("税收收入", "税收收入", .money),
    ("固定资产投资", "固定资产投资", .money), ("社会消费品零售总额", "社会消费品零售总额", .money),
    ("规模以上工业增加值", "规模以上工业增加值", .money), ("规上工业增加值", "规模以上工业增加值", .money),
    ("全部工业开票销售", "全部工业开票销售", .money), ("进出口总额", "进出口总额", .money), ("外贸进出口", "进出口总额", .money),
    ("城镇居民人均可支配收入", "城镇居民人均可支配收入", .money), ("农村居民人均可支配收入", "农村居民人均可支配收入", .money),
    ("居民人均可支配收入", "居民人均可支配收入", .money), ("总产值", "总产值", .money), ("实际利用外资", "实际利用外资", .money),
    ("总人口", "总人口", .count), ("常住人口", "常住人口", .count), ("户籍人口", "户籍人口", .count),
  ]
  static let indicatorList = WordList(indicatorWords.map(\.0))
  static let byWord = Dictionary(indicatorWords.map { ($0.0, ($0.1, $0.2)) }, uniquingKeysWith: { a, _ in a })
  static let growthWords = ["增长", "增速", "同比", "提高"].map(Scalars.of)

  func indicators() -> [Fact] {
    var out: [Fact] = []
    for a in articles {
      for sent in a.sentences {
        let r = sent.range
        var i = r.lowerBound
        while i < r.upperBound {
          let L = Self.indicatorList.match(s, at: i)
          guard L > 0 else { i += 1; continue }
          // 城镇、农村居民人均可支配收入分别…: read the shared word after the listed prefixes
          if i > r.lowerBound && s[i - 1] == "、" {
            var shifted = false
            for k in 1...3 where i + k < r.upperBound {
              let L2 = Self.indicatorList.match(s, at: i + k)
              if L2 > 0 && i + k + L2 == i + L { i += k; shifted = true; break }
            }
            if shifted { continue }
          }
          guard let (name0, kind) = Self.byWord[text(i..<(i + L))] else { i += 1; continue }
          let kwEnd = i + L
          // clause end
          var ce = kwEnd
          while ce < r.upperBound && !(s[ce] == "，" || s[ce] == "," || s[ce] == "；" || s[ce] == ";" || s[ce] == "。") { ce += 1 }
          // "A、B居民人均可支配收入分别达X和Y"
          var prefixes: [String] = []
          if Scalars.has(s, at: kwEnd, Scalars.of("分别")) {
            var st = i
            while st > r.lowerBound && (Scalars.isHan(s[st - 1]) || s[st - 1] == "、") && i - st < 10 { st -= 1 }
            let pre = text(st..<i)
            let parts = pre.split(separator: "、").map(String.init)
            if parts.count >= 2 && parts.allSatisfy({ $0.unicodeScalars.count <= 3 && !$0.isEmpty }) { prefixes = parts }
          }
          let cands = amounts(in: kwEnd..<ce).filter { m in
            switch kind {
            case .money: return m.kind == .money || m.kind == .percent
            case .percent: return m.kind == .percent
            case .count: return m.kind == .number
            }
          }
          guard var m = cands.first, m.range.lowerBound - kwEnd <= 14 else { i = kwEnd; continue }
          let between = kwEnd..<m.range.lowerBound
          if Scalars.contains(s, between, anyOf: [Scalars.of("增加"), Scalars.of("减少"), Scalars.of("位居"), Scalars.of("排名")]) { i = kwEnd; continue }
          var name = name0
          if kind == .money && m.kind == .percent {
            guard Scalars.contains(s, between, anyOf: Self.growthWords) else { i = kwEnd; continue }
            name = name0 + "增速"
          }
          if kind == .percent, Scalars.contains(s, between, anyOf: [Scalars.of("提高"), Scalars.of("回落")]) { i = kwEnd; continue }
          // 从X跃升至Y: the level reached
          if Scalars.contains(s, between, anyOf: [Scalars.of("从")]), let nxt = cands.dropFirst().first,
             nxt.range.lowerBound - m.range.upperBound <= 6 { m = nxt }
          var values = [m]
          if !prefixes.isEmpty { values = Array(cands.prefix(prefixes.count)) }
          // period: a time in the clause, else the nearest time before in the sentence
          var period: Mention? = times(in: kwEnd..<ce).first
          if period == nil { period = times(in: r.lowerBound..<i).last }
          var year: Int? = period.flatMap { Self.span($0)?.from.year }
          if year == nil {
            for t in times(in: r.lowerBound..<i).reversed() { if let y = Self.span(t)?.from.year { year = y; break } }
          }
          if year == nil, period != nil, let ad = a.date?.year { year = ad }
          let loc = location(of: sent, in: a, range: r.lowerBound..<ce)
          for (k, v) in values.enumerated() {
            var f = Fact(.indicator)
            f["name"] = .text(prefixes.isEmpty ? name : prefixes[k] + name)
            switch v.value {
            case .money(let val, let lo, _, let cur, let b):
              guard let amount = val ?? lo else { continue }
              f["value"] = .number(amount); f["unit"] = .text(cur == "CNY" ? "元" : cur); f["bound"] = .text(b.rawValue)
            case .percent(let p, let b):
              f["value"] = .number(p); f["unit"] = "%"; f["bound"] = .text(b.rawValue)
            case .number(let x):
              let e = v.range.upperBound
              guard e < s.count, s[e] == "人" || s[e] == "项" || s[e] == "个" || s[e] == "户" else { continue }
              f["value"] = .number(x); f["unit"] = .text(String(Character(s[e]))); f["bound"] = "exact"
            default: continue
            }
            if let p = period { f["period"] = .text(p.text) }
            if let y = year { f["year"] = .integer(Int64(y)) }
            loc.write(into: &f)
            provenance(r, article: a.number, into: &f)
            out.append(f)
          }
          i = values.last.map { $0.range.upperBound } ?? kwEnd
        }
      }
    }
    return out
  }
}
