import NewsFacts

/// Projects: `总投资X亿元的Y项目`, `总规划面积X亩的Y`, `Y项目，总投资X`, a line that is just a
/// project's name, and `…项目` phrases that start with a place (太谷创新产业园项目).
extension DocumentContext {
  static let projectSuffixes = WordList(["项目", "工程", "公司", "分公司", "工厂", "产业园", "园区", "基地", "中心", "厂", "园"])
  static let projectVerbs = ["观摩", "考察", "调研", "带队", "视察", "参观", "推进", "召开"].map(Scalars.of)
  static let verbish = ["抓", "聚力", "推动", "引进", "实施", "建设", "推进", "开展", "重点", "谋划"]
  static let genericProjects: Set<String> = ["重点项目", "招商项目", "建设项目", "该项目", "这些项目", "一批项目", "产业项目", "示范项目", "乡村振兴项目", "乡村振兴示范项目"]

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
    var seen: [String: Int] = [:]
    func add(_ name: String, investment: Mention?, area: Mention?, sent: Sentence, article a: ArticleInfo, nameRange: Range<Int>) {
      guard name.unicodeScalars.count >= 3, !Self.genericProjects.contains(name) else { return }
      if let i = seen[name] {
        if let m = investment, case .money(let v, _, _, let cur, let b) = m.value, out[i]["investment"].isNull, let v {
          out[i]["investment"] = .number(v); out[i]["currency"] = .text(cur); out[i]["bound"] = .text(b.rawValue)
        }
        return
      }
      var f = Fact(.project)
      f["name"] = .text(name)
      if let m = investment, case .money(let v, let lo, _, let cur, let b) = m.value, let amount = v ?? lo {
        f["investment"] = .number(amount); f["currency"] = .text(cur); f["bound"] = .text(b.rawValue)
      }
      if let m = area, case .area(let v, _) = m.value { f["area"] = .number(v) }
      var loc = location(of: sent, in: a)
      if let p = Self.mostSpecific(places(in: nameRange)) { loc = Loc(p) }
      loc.write(into: &f)
      provenance(sent.range, article: a.number, into: &f)
      seen[name] = out.count
      out.append(f)
    }
    for a in articles {
      for sent in a.sentences {
        let r = sent.range
        // 总投资X的Y / 总规划面积X的Y
        for m in amounts(in: r) where m.kind == .money || m.kind == .area {
          let lead = max(r.lowerBound, m.range.lowerBound - 6)..<m.range.lowerBound
          let word = m.kind == .money ? "投资" : "面积"
          guard Scalars.find(s, Scalars.of(word), from: lead.lowerBound, to: lead.upperBound) != nil else { continue }
          var b = m.range.upperBound
          if b < r.upperBound && s[b] == "的" {
            b += 1
            var e = nameEnd(from: b, limit: r.upperBound)
            // the name ends at its last project word (…产业园项目开工建设 → …产业园项目)
            var q = e
            while q > b + 1 && Self.projectSuffixes.matchEnding(s, at: q, maxLength: 3) == 0 { q -= 1 }
            if q > b + 1 { e = q }
            if Self.projectSuffixes.matchEnding(s, at: e, maxLength: 3) > 0 {
              add(text(b..<e), investment: m.kind == .money ? m : nil, area: m.kind == .area ? m : nil, sent: sent, article: a, nameRange: b..<e)
              continue
            }
          }
          // Y项目，总投资X
          var q = lead.lowerBound
          while q > r.lowerBound && !Scalars.isClauseBreak(s[q - 1]) && s[q - 1] != "、" { q -= 1 }
          if q > r.lowerBound + 2 && (s[q - 1] == "，" || s[q - 1] == ",") && Scalars.hasEnding(s, at: q - 1, Scalars.of("项目")) {
            var st = q - 1
            while st > r.lowerBound && (Scalars.isHan(s[st - 1]) || Scalars.isDigit(s[st - 1])) && q - 1 - st < 30 {
              if Self.nameStops.matchEnding(s, at: st, maxLength: 2) > 0 { break }
              st -= 1
            }
            add(text(st..<(q - 1)), investment: m.kind == .money ? m : nil, area: m.kind == .area ? m : nil, sent: sent, article: a, nameRange: st..<(q - 1))
          }
        }
        // a line that is a project's name
        if r.count <= 30, Scalars.hasEnding(s, at: r.upperBound, Scalars.of("项目")),
           r.allSatisfy({ Scalars.isHan(s[$0]) }), people(in: r).isEmpty,
           !Scalars.contains(s, r, anyOf: Self.projectVerbs) {
          add(text(r), investment: nil, area: nil, sent: sent, article: a, nameRange: r)
          continue
        }
        // …项目 starting with a place
        var i = r.lowerBound
        let word = Scalars.of("项目")
        while let at = Scalars.find(s, word, from: i, to: r.upperBound) {
          let e = at + 2
          var st = at
          while st > r.lowerBound && Scalars.isHan(s[st - 1]) && at - st < 20 {
            if Self.nameStops.matchEnding(s, at: st, maxLength: 2) > 0 { break }
            if Self.projectVerbs.contains(where: { Scalars.hasEnding(s, at: st, $0) }) { break }
            st -= 1
          }
          // (the place and length tests first: the verb test searches strings)
          if let pm = places(in: st..<at).first, pm.range.lowerBound == st, at - st >= 3, e - pm.range.upperBound >= 4 {
            let rest = text(pm.range.upperBound..<e)
            guard !Self.verbish.contains(where: { rest.contains($0) }) else { i = e; continue }
            add(text(st..<e), investment: nil, area: nil, sent: sent, article: a, nameRange: st..<e)
          }
          i = e
        }
      }
    }
    return out
  }
}
