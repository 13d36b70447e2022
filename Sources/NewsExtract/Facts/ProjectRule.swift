import NewsFacts

/// Projects: `总投资X亿元的Y项目`, `总规划面积X亩的Y`, `Y项目，总投资X`, a line that is just a
/// project's name, and `…项目` phrases that start with a place (太谷创新产业园项目).
extension DocumentContext {
  static let projectSuffixes = WordList(["项目", "工程", "公司", "分公司", "工厂", "产业园", "园区", "基地", "中心", "厂", "园"])
  static let projectVerbs = ["观摩", "考察", "调研", "带队", "视察", "参观", "推进", "召开"].map(Scalars.of)
  /// `projectVerbs` matched by their last scalar (a name's left edge is tested at every step).
  static let projectVerbList = WordList(["观摩", "考察", "调研", "带队", "视察", "参观", "推进", "召开"])
  static let verbish = ["抓", "聚力", "推动", "引进", "实施", "建设", "推进", "开展", "重点", "谋划"].map(Scalars.of)
  static let genericProjects = ["重点项目", "招商项目", "建设项目", "该项目", "这些项目", "一批项目", "产业项目", "示范项目", "乡村振兴项目", "乡村振兴示范项目"].map(Scalars.of)
  /// Words that make `…项目` a class of projects: 重大项目, 在建项目, 省级重点项目, 亿元以上项目.
  static let projectClasses = ["重点", "重大", "签约", "开工", "在建", "新建", "续建", "省级", "市级", "县级", "亿元以上",
                               "新签约"].map(Scalars.of)
  static let projectWord = Scalars.of("项目")
  static let worksWord = Scalars.of("工程")
  static let etcWord = Scalars.of("等")
  /// Words that make a phrase a list or a count, not one project's name.
  static let listMarks = ["等", "和", "个"].map(Scalars.of)
  static let countMark = [Scalars.of("个")]
  static let investWord = [Scalars.of("投资")]
  static let quotedNameLeads = ["建设", "投资", "面积"].map(Scalars.of)

  /// Verbs after which a project is named (`观摩了年产10万吨绿色食品加工项目`, `察看渌水河道综合治理工程`).
  static let projectLeads = WordSet(["观摩了", "观摩", "察看了", "察看", "查看了", "查看", "考察了", "深入", "投资建设",
                                     "建设", "新建", "落户", "参观了"])
  /// Verbs of building, after which a park or base is a project.
  static let buildLeads: [[Unicode.Scalar]] = ["建设", "新建", "投资建设"].map(Scalars.of)
  static let parkEnds = ["产业园", "园区", "基地", "数据中心"].map(Scalars.of)

  /// Words that end a project's name on its left (`在什邡市投资建设高端液压件生产基地项目`).
  static let projectNameStops = WordList(["建设", "投资", "签约", "新建", "引进", "落户", "实施", "观摩", "察看", "考察",
                                          "深入", "推进", "加快", "开工", "该", "落地"])
  /// `投资X建设的Y`: the verb between an investment and the project it pays for.
  static let builtBy = ["建设的", "兴建的", "新建的", "打造的", "实施的"].map(Scalars.of)

  /// What closes a list of projects after 等: 一批, 多个, N个, 重大 (等一批过百亿元项目).
  static let listClosers = ["一批", "多个", "个", "重大", "重点", "亿元"].map(Scalars.of)

  /// Lead words of an area on a project (`占地320亩的冷链物流园项目`).
  static let areaLeads = ["面积", "占地", "用地"].map(Scalars.of)
  /// Lead words of a project's own investment right after its name (`…中心项目总投资8600万元`).
  static let investmentLeads = ["总投资", "计划总投资", "计划投资", "投资"].map(Scalars.of)

  /// Start of a project name ending at `end` (its 项目/工程), left over Han and digits up to a stop.
  func projectNameStart(end: Int, floor: Int) -> Int {
    var st = end
    while st > floor && (Scalars.isHan(s[st - 1]) || Scalars.isDigit(s[st - 1])) && end - st < 30 {
      if Self.nameStops.matchEnding(s, at: st, maxLength: 2) > 0 { break }
      if Self.projectNameStops.matchEnding(s, at: st, maxLength: 2) > 0 { break }
      st -= 1
    }
    return st
  }

  /// End of a name running right from `b`: Han, digits and letters up to a clause break, 、 or 和.
  func nameEnd(from b: Int, limit: Int) -> Int {
    var e = b
    while e < limit && e - b < 30 {
      let c = s[e]
      guard Scalars.isHan(c) || Scalars.isDigit(c) || (c.value >= 0x41 && c.value <= 0x7A) else { break }
      if c == "和" || c == "及" || c == "与" { break }
      e += 1
    }
    return e
  }

  func projects() -> [Fact] {
    var out: [Fact] = []
    // the names met so far, by their scalars (the fact of name k is out[seenFact[k]]): a name's
    // string is made only for a new project
    var seen = ScalarRangeIndex()
    var seenFact: [Int] = []
    // (every name is the text of its `nameRange`: the tests below read the scalars, not the string)
    func add(investment: Mention?, area: Mention?, sent: Sentence, article a: ArticleInfo, nameRange: Range<Int>) {
      let nr = nameRange
      guard nr.count >= 3, !Self.genericProjects.contains(where: { $0.count == nr.count && Scalars.has(s, at: nr.lowerBound, $0) }) else { return }
      // a class of projects (重大项目, 省级重点项目, 新签约亿元以上项目), not one
      if nr.count <= 7, Self.projectClasses.contains(where: {
        Scalars.hasPrefix(s, nr, $0) || (Scalars.hasSuffix(s, nr, Self.projectWord) && Scalars.hasSuffix(s, nr.lowerBound..<(nr.upperBound - 2), $0))
      }) { return }
      if let k = seen.find(s, nr) {
        let i = seenFact[k]
        if let m = investment, case .money(let v, _, _, let cur, let b) = m.value, out[i][.investment].isNull, let v {
          out[i][.investment] = .number(v); out[i][.currency] = .text(cur); out[i][.bound] = .text(b.rawValue)
        }
        return
      }
      let name = text(nr)
      var f = Fact(.project)
      f[.name] = .text(name)
      if let m = investment, case .money(let v, let lo, _, let cur, let b) = m.value, let amount = v ?? lo {
        f[.investment] = .number(amount); f[.currency] = .text(cur); f[.bound] = .text(b.rawValue)
      }
      if let m = area, case .area(let v, _) = m.value { f[.area] = .number(v) }
      var loc = location(of: sent, in: a)
      if let p = Self.mostSpecific(places(in: nameRange)) { loc = Loc(p) }
      loc.write(into: &f)
      provenance(sent.range, article: a.number, into: &f)
      seen.add(s, nr)
      seenFact.append(out.count)
      out.append(f)
    }
    for a in articles {
      let articleStart = out.count
      for sent in a.sentences {
        let r = sent.range
        // a project named after a verb of visiting or building
        var vi = r.lowerBound
        while vi < r.upperBound {
          vi = ScanFlags.next(ScanFlags.projectLead, in: flags, from: vi, to: r.upperBound)
          guard vi < r.upperBound else { break }
          guard let w = Self.projectLeads.first(s, at: vi) else { vi += 1; continue }
          let b = vi + w.count
          var e = b
          var quotes = 0
          while e < r.upperBound && e - b < 30 && (Scalars.isHan(s[e]) || Scalars.isDigit(s[e]) || (Scalars.isQuote(s[e]) && quotes < 2)) {
            if Scalars.isQuote(s[e]) { quotes += 1 }
            if Scalars.has(s, at: e, Self.projectWord) { e += 2; break }
            if Scalars.has(s, at: e, Self.worksWord) { e += Scalars.has(s, at: e + 2, Self.projectWord) ? 4 : 2; break }
            e += 1
          }
          // (after a verb of building, a park or base ending the phrase is one too: 加快建设安泰‘零碳’循环产业园)
          let built = Self.buildLeads.contains(w) && Self.parkEnds.contains { Scalars.hasEnding(s, at: e, $0) }
            && (e == r.upperBound || !Scalars.isHan(s[e]))
          if e - b >= 6, s[b] != "的", s[b] != "了", quotes % 2 == 0,
             Scalars.hasEnding(s, at: e, Self.projectWord) || Scalars.hasEnding(s, at: e, Self.worksWord) || built,
             people(in: b..<e).isEmpty, !amounts(in: b..<e).contains(where: { $0.kind == .money }), !Scalars.contains(s, b..<e, anyOf: Self.verbish),
             !Scalars.contains(s, b..<e, anyOf: Self.listMarks) {
            add(investment: nil, area: nil, sent: sent, article: a, nameRange: b..<e)
          }
          vi = max(b, vi + 1)
        }
        // Y项目总投资X, Y项目占地Z亩，总投资X, 该项目总投资X
        // (the sentence's amounts filtered by kind in place: only those kept are copied out)
        let sentAmounts = amounts(in: r)
        for mi in sentAmounts.indices where sentAmounts[mi].kind == .money {
          let m = sentAmounts[mi]
          guard let lead = Self.investmentLeads.first(where: { Scalars.hasEnding(s, at: m.range.lowerBound, $0) })
            ?? Self.investmentLeads.first(where: { m.range.lowerBound >= 1 && s[m.range.lowerBound - 1] == "约" && Scalars.hasEnding(s, at: m.range.lowerBound - 1, $0) })
          else { continue }
          var ls = m.range.lowerBound - lead.count
          if s[ls] != lead[0] { ls -= 1 }
          // the name's end: 项目 or 工程 right before, or before a clause holding only an area
          var pe = ls
          var area: Mention? = nil
          if pe > r.lowerBound, s[pe - 1] == "，" || s[pe - 1] == "," {
            var q = pe - 1
            while q > r.lowerBound && !Scalars.isClauseBreak(s[q - 1]) && pe - q < 14 { q -= 1 }
            let clause = q..<(pe - 1)
            if let am = amounts(in: clause).first, am.kind == .area,
               let ae = Scalars.find(s, Self.projectWord, from: clause.lowerBound, to: am.range.lowerBound),
               Self.areaLeads.contains(where: { Scalars.find(s, $0, from: ae, to: am.range.lowerBound) != nil }) {
              area = am; pe = ae + 2
            } else if Scalars.hasEnding(s, at: pe - 1, Self.projectWord) || Scalars.hasEnding(s, at: pe - 1, Self.worksWord) {
              pe -= 1
            } else { continue }
          }
          guard Scalars.hasEnding(s, at: pe, Self.projectWord) || Scalars.hasEnding(s, at: pe, Self.worksWord) else { continue }
          let st = projectNameStart(end: pe, floor: r.lowerBound)
          // 22个项目总投资…, 重大项目总投资…: a count or a class of projects, not one
          if st < pe, Scalars.contains(s, st..<pe, anyOf: Self.countMark) { continue }
          if pe - st <= 2 || (st > r.lowerBound && s[st - 1] == "该" && pe - st == 2) {
            let lastInArticle: Int? = out.count > articleStart ? out.count - 1 : nil
            // 项目总投资X, 该项目总投资X: the project named just before in the article
            if let k = lastInArticle, out[k][.investment].isNull, case .money(let v, let lo, _, let cur, let b) = m.value,
               let amount = v ?? lo {
              out[k][.investment] = .number(amount); out[k][.currency] = .text(cur); out[k][.bound] = .text(b.rawValue)
            }
            continue
          }
          add(investment: m, area: area, sent: sent, article: a, nameRange: st..<pe)
          if area != nil, let sk = seen.find(s, st..<pe), case let k = seenFact[sk], area != nil, out[k][.area].isNull, let am = area, case .area(let v, _) = am.value {
            out[k][.area] = .number(v)
          }
        }
        // 总投资X的Y / 总规划面积X的Y
        for mi in sentAmounts.indices where sentAmounts[mi].kind == .money || sentAmounts[mi].kind == .area {
          let m = sentAmounts[mi]
          let lead = max(r.lowerBound, m.range.lowerBound - 6)..<m.range.lowerBound
          let words = m.kind == .money ? Self.investWord : Self.areaLeads
          guard Scalars.contains(s, lead, anyOf: words) else { continue }
          var b = m.range.upperBound
          // 某集团投资X建设的Y项目
          if m.kind == .money, let w = Self.builtBy.first(where: { Scalars.has(s, at: b, $0) }) { b += w.count - 1 }
          if b < r.upperBound && s[b] == "的" {
            b += 1
            var e = nameEnd(from: b, limit: r.upperBound)
            // the name ends at its last project word (…产业园项目开工建设 → …产业园项目)
            var q = e
            while q > b + 1 && Self.projectSuffixes.matchEnding(s, at: q, maxLength: 3) == 0 { q -= 1 }
            if q > b + 1 { e = q }
            // a quoted name: 规划建设…面积66平方公里的山西“智创谷”
            if e < r.upperBound, s[e] == "“" || s[e] == "\"", let close = (e + 1..<min(r.upperBound, e + 12)).first(where: { s[$0] == "”" || s[$0] == "\"" }),
               close > e + 1, Scalars.contains(s, lead, anyOf: Self.quotedNameLeads) {
              e = close + 1
              add(investment: m.kind == .money ? m : nil, area: m.kind == .area ? m : nil, sent: sent, article: a, nameRange: b..<e)
              continue
            }
            if Self.projectSuffixes.matchEnding(s, at: e, maxLength: 3) > 0 {
              add(investment: m.kind == .money ? m : nil, area: m.kind == .area ? m : nil, sent: sent, article: a, nameRange: b..<e)
              continue
            }
          }
          // Y项目，总投资X
          var q = lead.lowerBound
          while q > r.lowerBound && !Scalars.isClauseBreak(s[q - 1]) && s[q - 1] != "、" { q -= 1 }
          if q > r.lowerBound + 2 && (s[q - 1] == "，" || s[q - 1] == ",") && Scalars.hasEnding(s, at: q - 1, Self.projectWord) {
            var st = q - 1
            while st > r.lowerBound && (Scalars.isHan(s[st - 1]) || Scalars.isDigit(s[st - 1])) && q - 1 - st < 30 {
              if Self.nameStops.matchEnding(s, at: st, maxLength: 2) > 0 { break }
              st -= 1
            }
            add(investment: m.kind == .money ? m : nil, area: m.kind == .area ? m : nil, sent: sent, article: a, nameRange: st..<(q - 1))
          }
        }
        // A、B等一批过百亿元项目: the listed items are projects (with the closer's amount)
        var li = r.lowerBound
        while let at = Scalars.find(s, Self.etcWord, from: li, to: r.upperBound) {
          li = at + 1
          guard let pe = Scalars.find(s, Self.projectWord, from: at + 1, to: min(r.upperBound, at + 14)),
                Scalars.contains(s, (at + 1)..<pe, anyOf: Self.listClosers), at > r.lowerBound, s[at - 1] != "、" else { continue }
          let money = amounts(in: (at + 1)..<pe).first { $0.kind == .money }
          var items: [Range<Int>] = []
          var end = at
          while end > r.lowerBound {
            var st = end
            while st > r.lowerBound && (Scalars.isHan(s[st - 1]) || Scalars.isDigit(s[st - 1]) || Scalars.isQuote(s[st - 1])) && end - st < 25 {
              if s[st - 1] != "、", Self.projectNameStops.matchEnding(s, at: st, maxLength: 2) > 0 || Self.nameStops.matchEnding(s, at: st, maxLength: 2) > 0 { break }
              st -= 1
            }
            guard end - st >= 4 else { items = []; break }
            items.insert(st..<end, at: 0)
            guard st > r.lowerBound, s[st - 1] == "、" else { break }
            end = st - 1
          }
          guard items.count >= 2 else { continue }
          for it in items where people(in: it).isEmpty {
            add(investment: money, area: nil, sent: sent, article: a, nameRange: it)
          }
        }
        // a line that is a project's name
        if r.count <= 30, Scalars.hasEnding(s, at: r.upperBound, Self.projectWord),
           r.allSatisfy({ Scalars.isHan(s[$0]) }), people(in: r).isEmpty,
           !Scalars.contains(s, r, anyOf: Self.projectVerbs) {
          add(investment: nil, area: nil, sent: sent, article: a, nameRange: r)
          continue
        }
        // …项目 starting with a place
        var i = r.lowerBound
        let word = Self.projectWord
        while let at = Scalars.find(s, word, from: i, to: r.upperBound) {
          let e = at + 2
          var st = at
          while st > r.lowerBound && Scalars.isHan(s[st - 1]) && at - st < 20 {
            if Self.nameStops.matchEnding(s, at: st, maxLength: 2) > 0 { break }
            if Self.projectVerbList.matchEnding(s, at: st, maxLength: 2) > 0 { break }
            st -= 1
          }
          // (the place and length tests first: the verb test searches strings)
          if let pm = places(in: st..<at).first, pm.range.lowerBound == st, at - st >= 3, e - pm.range.upperBound >= 4,
             !people(in: max(r.lowerBound, st - 20)..<e).contains(where: { $0.nameRange.overlaps(st..<e) }) {
            guard !Scalars.contains(s, pm.range.upperBound..<e, anyOf: Self.verbish) else { i = e; continue }
            add(investment: nil, area: nil, sent: sent, article: a, nameRange: st..<e)
          }
          i = e
        }
      }
    }
    return out
  }
}
