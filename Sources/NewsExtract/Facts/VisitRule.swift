import NewsFacts

/// Visits: named people going to a place to inspect, study or tour (考察, 调研, 观摩, 参观,
/// 视察), from `X带队到Y参观考察`, `X赴Y调研`, `X在Y村观摩…`.
extension DocumentContext {
  static let visitVerbs = WordSet(["考察", "调研", "观摩", "参观", "视察", "学习", "检查", "督导", "走访", "对接", "招商", "出访", "经贸交流", "访问",
                                   "察看", "查看", "督查", "踏勘", "慰问"])
  static let toMarkers = WordSet(["到", "赴", "前往", "在", "深入"])
  static let localUnits = ScalarBits("乡镇村县区市街道园社".unicodeScalars)

  struct VisitDraft {
    var who: [String]
    var to: String
    var loc: Loc
    var date: FactDate?
    var end: FactDate?
    var purpose: String?
    var sentence: Range<Int>
    var article: Int
    var isHeading: Bool
  }

  func visits() -> [Fact] {
    var drafts: [VisitDraft] = []
    for a in articles {
      for (si, sent) in a.sentences.enumerated() {
        let r = sent.range
        guard hasVisitVerb(in: r) else { continue }
        let hits = people(in: r)
        guard let firstHit = hits.first else { continue }
        // the destination: after a marker that follows the first person
        var found: (Range<Int>, Int)? = nil  // destination range, marker start
        var i = firstHit.range.upperBound
        while i < r.upperBound && found == nil {
          guard let mk = Self.toMarkers.first(s, at: i) else { i += 1; continue }
          let b = i + mk.count
          var e = b
          // a run of place mentions (江苏省仪征市)
          while let pm = places(in: e..<(e + 1)).first, pm.range.lowerBound == e { e = pm.range.upperBound }
          if e == b {
            // a local place as written: Han run up to a visit verb, ending in 乡/镇/村 …
            var q = b
            while q < min(r.upperBound, b + 14) && Scalars.isHan(s[q]) && !Self.visitVerbs.starts(s, at: q) { q += 1 }
            // (also before a clause break: 到陈淋子镇，实地观摩了)
            var v = q
            if v < r.upperBound, Scalars.isClauseBreak(s[v]) { v += 1; while v < min(r.upperBound, q + 4) && !Self.visitVerbs.starts(s, at: v) { v += 1 } }
            if q > b + 1, v < r.upperBound, Self.visitVerbs.starts(s, at: v), Self.localUnits.contains(s[q - 1]) { e = q }
          }
          if e > b { found = (b..<e, i) } else { i = b }
        }
        // a tour of the whole county or city: 分别带队，对全区重点项目进行了集中观摩
        var wholeLevel: PlaceLevel? = nil
        if found == nil {
          var k = firstHit.range.upperBound
          while k + 3 <= r.upperBound {
            if s[k] == "对", s[k + 1] == "全", s[k + 2] == "区" || s[k + 2] == "县" || s[k + 2] == "市" {
              found = ((k + 1)..<(k + 3), k)
              // (全市 in a county-level city's paper is that city: 宁乡市)
              let countyCity = a.loc.county?.unicodeScalars.last == "市"
              wholeLevel = s[k + 2] == "市" && !countyCity ? .city : .county
              break
            }
            k += 1
          }
        }
        guard let (dest0, marker) = found else { continue }
        // several destinations: 赴德国、奥地利
        var dests = [dest0]
        while let last = dests.last, last.upperBound + 1 < r.upperBound, s[last.upperBound] == "、",
              let pm = places(in: (last.upperBound + 1)..<(last.upperBound + 2)).first, pm.range.lowerBound == last.upperBound + 1 {
          dests.append(pm.range)
        }
        let dest = dest0.lowerBound..<dests[dests.count - 1].upperBound
        // who: people before the destination (not those 带领-ed along, which are not names anyway)
        var who: [String] = []
        for h in hits where h.range.upperBound <= marker && !who.contains(h.name) { who.append(h.name) }
        guard !who.isEmpty else { continue }
        // the rest of the clause must name a visit verb
        var e = dest.upperBound
        for w in ["等地", "等"].map(Scalars.of) where Scalars.has(s, at: e, w) { e += w.count; break }
        let rest = e..<r.upperBound
        guard hasVisitVerb(in: rest) else { continue }
        var pe = r.upperBound
        while pe > e && (Scalars.isClauseBreak(s[pe - 1]) || s[pe - 1] == "。") { pe -= 1 }
        var ps = e
        while ps < pe && Scalars.isClauseBreak(s[ps]) { ps += 1 }
        // the purpose ends where a new subject starts (，副市长邓海燕一同出访)
        var pcut = pe
        for h in people(in: ps..<pe) where h.range.lowerBound > ps && Scalars.isClauseBreak(s[h.range.lowerBound - 1]) {
          pcut = h.range.lowerBound - 1; break
        }
        let purpose = pcut > ps ? text(ps..<pcut) : nil
        var loc = wholeLevel.map { a.loc.truncated(to: $0) } ?? a.loc
        if wholeLevel == nil, let p = Self.mostSpecific(places(in: dest)) { loc = Loc(p) }
        var date: FactDate? = nil, end: FactDate? = nil
        if let t = times(in: r).first, let sp = Self.span(t), !(sp.from.month == 1 && sp.from.day == 1 && sp.to.month == 12) {
          date = fillYear(sp.from, article: a)
          if sp.to != sp.from { end = fillYear(sp.to, article: a) }
        }
        // companions later in the sentence or in the next one: 薛俊辉、白海珠一同考察
        let together = ["一同", "随同", "一起", "陪同", "参加调研", "参加考察", "参加观摩", "参加检查", "参加督导"].map(Scalars.of)
        for nr in [dest.upperBound..<r.upperBound] + (si + 1 < a.sentences.count ? [a.sentences[si + 1].range] : []) {
          if Scalars.contains(s, nr, anyOf: together) {
            for h in people(in: nr) where !who.contains(h.name) { who.append(h.name) }
          }
        }
        if date == nil { date = inheritedDay(for: sent, in: a) }
        // a headline or caption takes its day from the story: a dated sentence with the same people and a visit verb
        if date == nil && sent.isHeading {
          for o in a.sentences where !o.isHeading && hasVisitVerb(in: o.range) {
            guard people(in: o.range).contains(where: { who.contains($0.name) }),
                  let t = times(in: o.range).first, let sp = Self.span(t), sp.from.day > 0 else { continue }
            date = fillYear(sp.from, article: a)
            if sp.to != sp.from { end = fillYear(sp.to, article: a) }
            break
          }
        }
        for d in dests {
          var dl = loc
          if dests.count > 1, let p = Self.mostSpecific(places(in: d)) { dl = Loc(p) }
          // a foreign destination is abroad, not in the article's place
          if Self.mostSpecific(places(in: d)) == nil, let fm = places(in: d).first, let p = Self.ref(fm), p.code == nil {
            dl = Loc(p)
          }
          drafts.append(VisitDraft(who: who, to: text(d), loc: dl, date: date, end: end, purpose: purpose,
                                   sentence: r, article: a.number, isHeading: sent.isHeading))
        }
      }
    }
    // a headline and its story report one visit
    var merged: [VisitDraft] = []
    for d in drafts {
      if let i = merged.firstIndex(where: { m in
        // (two places of one trip stay two visits: 到网岭镇、皇图岭镇调研)
        m.article == d.article && m.loc == d.loc && !Set(m.who).isDisjoint(with: d.who)
          && (m.isHeading != d.isHeading || m.to == d.to || m.to.contains(d.to) || d.to.contains(m.to))
      }) {
        var m = merged[i]
        for w in d.who where !m.who.contains(w) { m.who.append(w) }
        if m.date == nil { m.date = d.date; m.end = d.end }
        if m.isHeading && !d.isHeading {
          m.sentence = d.sentence; m.isHeading = false; m.purpose = d.purpose ?? m.purpose
          if d.to.unicodeScalars.count >= m.to.unicodeScalars.count { m.to = d.to }
        }
        merged[i] = m
      } else { merged.append(d) }
    }
    return merged.map { v in
      var f = Fact(.visit)
      f[.who] = .list(v.who)
      f[.to] = .text(v.to)
      v.loc.write(into: &f, country: true)
      if let d = v.date { f[.date] = .date(d) }
      if let d = v.end { f[.endDate] = .date(d) }
      if let p = v.purpose { f[.purpose] = .text(p) }
      provenance(v.sentence, article: v.article, into: &f)
      return f
    }
  }
}
