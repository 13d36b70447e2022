import NewsFacts

/// Turns one document into facts: articles, meetings, people, places, projects, indicators and
/// visits, each with its provenance (doc, article, evidence sentence, span in the original).
///
/// Pure and independent per document, so a corpus is extracted in parallel; `Corpus` then
/// numbers articles and facts and merges people and places across documents.
public enum FactExtractor {
  /// Extracts the facts of the document at `path` whose decoded text is `text`.
  public static func extract(path: String, text: String) -> DocumentFacts {
    var ctx = DocumentContext(path: path, text: text)
    guard !ctx.s.isEmpty else { return DocumentFacts(path: path) }
    ctx.prepare()
    var out = DocumentFacts(path: path, articleCount: ctx.articles.count)
    for a in ctx.articles { out.facts.append(ctx.articleFact(a)) }
    out.facts += ctx.meetings()
    out.facts += ctx.projects()
    out.facts += ctx.indicators()
    out.facts += ctx.visits()
    out.people = ctx.personSightings()
    out.places = ctx.placeFacts()
    return out
  }
}

extension DocumentContext {
  static let countyWords = ["我县", "全县", "本县", "县委", "县政府", "县领导", "我区", "全区", "本区", "区委", "区政府"].map(Scalars.of)
  static let strongCounty = ["我县", "本县", "我区", "本区"].map(Scalars.of)
  static let cityWords = ["我市", "全市", "本市", "市委", "市政府", "市领导", "市两会"].map(Scalars.of)
  static let strongCity = ["我市", "本市"].map(Scalars.of)

  /// Counts words of `list` in `r`, skipping those whose first scalar belongs to a place name
  /// (仪征市委 is another city's committee, not a sign of the publishing level).
  func count(_ list: [[Unicode.Scalar]], in r: Range<Int>, placeCovered: [Bool]) -> Int {
    var n = 0
    for w in list {
      var i = r.lowerBound
      while let at = Scalars.find(s, w, from: i, to: r.upperBound) {
        if !placeCovered[at] { n += 1 }
        i = at + w.count
      }
    }
    return n
  }

  mutating func prepare() {
    let n = s.count
    // mentions
    let numeric = Recognition.numerics(s, base: nil)
    times = numeric.filter { $0.kind == .time }
    amounts = numeric.filter { $0.kind != .time }
    places = Recognition.places(s, context: PlaceCtx())
    anchorYear = Self.anchor(in: s)
    // articles and sentences
    var parts = Recognition.articles(norm)
    if parts.isEmpty { parts = [ArticleParts(body: 0..<n)] }
    var placeCovered = [Bool](repeating: false, count: n)
    for p in places { for k in p.range where k < n { placeCovered[k] = true } }

    var levels: [PlaceLevel?] = []
    var infos: [ArticleInfo] = []
    for (k, p) in parts.enumerated() {
      infos.append(ArticleInfo(number: k + 1, parts: p, sentences: sentences(of: p), date: nil, loc: Loc(), place: nil))
      let w = p.whole
      let strongC = count(Self.strongCounty, in: w, placeCovered: placeCovered)
      let strongM = count(Self.strongCity, in: w, placeCovered: placeCovered)
      let c = count(Self.countyWords, in: w, placeCovered: placeCovered)
      let m = count(Self.cityWords, in: w, placeCovered: placeCovered)
      if strongC > 0 { levels.append(.county) }
      else if strongM > 0 { levels.append(.city) }
      else if c > 0 && c >= m { levels.append(.county) }
      else if m > 0 { levels.append(.city) }
      else { levels.append(nil) }
    }
    // the document's home county: the most mentioned county of its first county-level article
    var home: PlaceRef? = nil
    for (k, info) in infos.enumerated() where levels[k] == .county {
      if let c = mostMentioned(.county, in: info.parts.whole) { home = c; break }
    }
    for k in infos.indices {
      let w = infos[k].parts.whole
      var place: PlaceRef? = nil
      switch levels[k] {
      case .county?: place = home ?? mostMentioned(.county, in: w)
      case .city?:
        place = mostMentioned(.city, in: w)
        if place == nil, let h = home, let c = h.city { place = Recognition.resolve(c).first { $0.level == .city } }
      default:
        place = mostMentioned(.county, in: w) ?? mostMentioned(.city, in: w) ?? mostMentioned(.province, in: w)
      }
      infos[k].place = place
      infos[k].loc = place.map(Loc.init) ?? Loc()
      infos[k].date = articleDate(infos[k].parts)
    }
    articles = infos
    // places again, now that the publishing place can settle ambiguous names
    if let h = infos.first?.loc, !h.isEmpty {
      places = Recognition.places(s, context: PlaceCtx(province: h.province, city: h.city, county: h.county))
    }
    people = PersonRecognizer.hits(in: s, places: places)
  }

  /// The most mentioned place of `level` in `r`; for cities, counties count for their city.
  func mostMentioned(_ level: PlaceLevel, in r: Range<Int>) -> PlaceRef? {
    var counts: [String: (Int, Int, PlaceRef)] = [:]  // name → (count, first position, ref)
    for m in places(in: r) {
      guard let p = Self.ref(m), p.level != .country else { continue }
      var target: PlaceRef? = nil
      if p.level == level { target = p }
      else if p.level > level {
        let up = level == .city ? p.city : (level == .province ? p.province : nil)
        if let name = up { target = Recognition.resolve(name).first { $0.level == level } }
      }
      guard let t = target else { continue }
      let key = t.code ?? t.name
      let old = counts[key] ?? (0, m.range.lowerBound, t)
      counts[key] = (old.0 + 1, old.1, t)
    }
    return counts.values.max { a, b in a.0 != b.0 ? a.0 < b.0 : a.1 > b.1 }?.2
  }

  /// Sentences of an article in text order: headings and captions whole, body sentences apart
  /// from meta lines and captions.
  func sentences(of p: ArticleParts) -> [Sentence] {
    var out: [Sentence] = []
    for r in ([p.title].compactMap { $0 } + p.subtitles + p.captions) {
      out.append(Sentence(range: r, isHeading: true, paragraphStart: r.lowerBound))
    }
    let skip = p.metaLines + p.captions + [p.title, p.byline].compactMap { $0 } + p.subtitles
    // The paragraph start moves forward with the sentences (scanning back from each one is
    // quadratic on a long line: a 10 MB single-line document never finished loading).
    var scanned = p.body.lowerBound
    var paragraph = p.body.lowerBound
    for r in Recognition.sentences(norm, in: p.body) where !skip.contains(where: { $0.overlaps(r) }) {
      var ps = r.lowerBound
      if ps >= scanned {
        while scanned < ps { if s[scanned] == "\n" { paragraph = scanned + 1 }; scanned += 1 }
        ps = paragraph
      } else {
        while ps > p.body.lowerBound && s[ps - 1] != "\n" { ps -= 1 }
      }
      out.append(Sentence(range: r, isHeading: false, paragraphStart: ps))
    }
    out.sort { $0.range.lowerBound < $1.range.lowerBound }
    return out
  }

  /// The article's date: a full date in its header lines, else a dateline at the start of the body.
  func articleDate(_ p: ArticleParts) -> FactDate? {
    for r in p.metaLines {
      for m in times(in: r) { if let t = Self.span(m), t.from == t.to, t.from.year != nil { return t.from } }
    }
    var start = p.body.lowerBound
    for w in ["本报讯", "本报消息", "讯"].map(Scalars.of) where Scalars.has(s, at: start, w) { start += w.count; break }
    while start < s.count && (s[start] == " " || s[start] == "(" || s[start] == "（") { start += 1 }
    if let m = times(in: start..<min(s.count, start + 3)).first, let t = Self.span(m) {
      let d = t.from
      if d.year == nil, let y = anchorYear { return FactDate(year: y, month: d.month, day: d.day) }
      return d
    }
    return nil
  }

  /// `中华人民共和国成立70周年`, `建党100周年`: a year the document pins down.
  static func anchor(in s: [Unicode.Scalar]) -> Int? {
    let anchors: [(String, Int)] = [("中华人民共和国成立", 1949), ("新中国成立", 1949), ("建国", 1949),
                                    ("中国共产党成立", 1921), ("建党", 1921), ("改革开放", 1978), ("建军", 1927)]
    for (w, base) in anchors {
      let ws = Scalars.of(w)
      var i = 0
      while let at = Scalars.find(s, ws, from: i, to: s.count) {
        var j = at + ws.count, v = 0, digits = 0
        while j < s.count && Scalars.isDigit(s[j]) && digits < 4 { v = v * 10 + Int(s[j].value - 48); j += 1; digits += 1 }
        if digits > 0 && Scalars.has(s, at: j, Scalars.of("周年")) { return base + v }
        i = at + 1
      }
    }
    return nil
  }

  // MARK: article facts

  func articleFact(_ a: ArticleInfo) -> Fact {
    var f = Fact(.article)
    let p = a.parts
    if let t = p.title { f["title"] = .text(text(t)) }
    if let d = a.date { f["date"] = .date(d) }
    for r in p.metaLines {
      for w in ["来源:", "来源：", "来源"].map(Scalars.of) {
        guard let at = Scalars.find(s, w, from: r.lowerBound, to: r.upperBound) else { continue }
        var b = at + w.count
        while b < r.upperBound && s[b] == " " { b += 1 }
        var e = b
        while e < r.upperBound && s[e] != " " && s[e] != "\t" { e += 1 }
        if e > b { f["source"] = .text(text(b..<e)) }
        break
      }
      if !f["source"].isNull { break }
    }
    if let b = p.byline {
      var st = b.lowerBound
      for w in ["本报记者", "记者", "通讯员", "文/", "文:"].map(Scalars.of) where Scalars.has(s, at: st, w) { st += w.count; break }
      while st < b.upperBound && s[st] == " " { st += 1 }
      var e = st
      while e < b.upperBound && Scalars.isHan(s[e]) && e - st < 4 { e += 1 }
      if e - st >= 2 { f["author"] = .text(text(st..<e)) }
    }
    a.loc.write(into: &f)
    let prov = p.title ?? a.sentences.first?.range ?? p.body
    provenance(prov, article: a.number, into: &f)
    return f
  }

  // MARK: people and places

  func article(at pos: Int) -> ArticleInfo? {
    for a in articles.reversed() where a.parts.whole.lowerBound <= pos { return a }
    return articles.first
  }

  func sentence(at pos: Int, in a: ArticleInfo) -> Sentence? {
    a.sentences.first { $0.range.contains(pos) }
  }

  func personSightings() -> [PersonSighting] {
    var out: [PersonSighting] = []
    for h in people {
      guard let a = article(at: h.range.lowerBound) else { continue }
      let sent = sentence(at: h.nameRange.lowerBound, in: a)
      let evidence = sent?.range ?? h.range
      var f = Fact(.person)
      f["name"] = .text(h.name)
      if !h.titles.isEmpty { f["titles"] = .list(h.titles) }
      f["docs"] = .list([path])
      var weak = false
      var loc = Loc()
      if h.titles.contains(where: { Titles.national.contains($0) }) {
        loc = Loc()
      } else if !h.titles.isEmpty {
        loc = personPlace(h, sentence: evidence, article: a)
      } else if let closer = h.listCloser {
        loc = levelPlace(closer.unicodeScalars.first, article: a) ?? a.loc
      } else {
        loc = a.loc
        weak = true
      }
      loc.write(into: &f)
      provenance(evidence, article: a.number, into: &f)
      out.append(PersonSighting(fact: f, placeIsWeak: weak))
    }
    return out
  }

  /// Where an official serves, from the titles: a place the title names, else the level its
  /// unit word gives (县委 → the article's county; 市委 → a city named before in the sentence or
  /// the article's city).
  func personPlace(_ h: PersonHit, sentence: Range<Int>, article a: ArticleInfo) -> Loc {
    var best: Loc? = nil
    var bestLevel = PlaceLevel.country
    for r in h.titleRanges {
      var loc: Loc? = nil
      var level = PlaceLevel.country
      if let m = places(in: r).first, m.range.lowerBound == r.lowerBound, let p = Self.ref(m) {
        loc = Loc(p); level = p.level
      } else if r.lowerBound < s.count {
        let c = s[r.lowerBound]
        let before = sentence.lowerBound..<r.lowerBound
        let suffix: Unicode.Scalar? = c == "市" ? "市" : (c == "县" || c == "区" ? c : (c == "省" ? "省" : nil))
        if let sfx = suffix, let m = places(in: before).last(where: { $0.text.unicodeScalars.last == sfx }), let p = Self.ref(m) {
          loc = Loc(p); level = p.level
        } else if let l = levelPlace(c, article: a) {
          loc = l; level = c == "省" ? .province : (c == "市" ? .city : .county)
        }
      }
      if let l = loc, best == nil || level > bestLevel { best = l; bestLevel = level }
    }
    return best ?? a.loc
  }

  /// The article's place cut to the level a unit word names (县 → county, 市 → city, 省 → province).
  func levelPlace(_ c: Unicode.Scalar?, article a: ArticleInfo) -> Loc? {
    switch c {
    case "县"?, "区"?, "乡"?, "镇"?, "村"?: return a.loc
    case "市"?: return a.loc.truncated(to: .city)
    case "省"?: return a.loc.truncated(to: .province)
    default: return nil
    }
  }

  func placeFacts() -> [Fact] {
    var out: [Fact] = []
    for m in places {
      guard let p = Self.ref(m), let a = article(at: m.range.lowerBound) else { continue }
      var f = Fact(.place)
      f["name"] = .text(p.name)
      f["full_name"] = .text(p.fullPath)
      f["level"] = .text(p.level.rawValue)
      if let c = p.code { f["code"] = .text(c) }
      Loc(p).write(into: &f, country: true)
      f["mentions"] = .integer(1)
      let sent = sentence(at: m.range.lowerBound, in: a)?.range ?? m.range
      provenance(sent, article: a.number, into: &f)
      out.append(f)
    }
    return out
  }
}
