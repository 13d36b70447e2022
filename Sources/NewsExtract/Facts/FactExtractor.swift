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
    // (the rules' lists first, then one list of the right size: no regrowth per rule)
    let meetings = ctx.meetings(), projects = ctx.projects(), indicators = ctx.indicators(), visits = ctx.visits()
    out.facts.reserveCapacity(ctx.articles.count + meetings.count + projects.count + indicators.count + visits.count)
    for a in ctx.articles { out.facts.append(ctx.articleFact(a)) }
    out.facts += meetings
    out.facts += projects
    out.facts += indicators
    out.facts += visits
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

  /// First scalars of the level words: positions starting with anything else are skipped.
  static let levelFirsts = ScalarBits((countyWords + cityWords).compactMap(\.first))
  /// Second scalars of the level words (every one has two or more): 市 in 城市 starts none.
  static let levelSeconds = ScalarBits((countyWords + cityWords).compactMap { $0.count > 1 ? $0[1] : nil })

  /// Counts, in one pass over `r`, the words of `strongCounty`, `strongCity`, `countyWords`
  /// and `cityWords`, skipping those whose first scalar belongs to a place name (仪征市委 is
  /// another city's committee, not a sign of the publishing level).
  /// (A position is inside a place when some place starting at or before it ends after it:
  /// the places are sorted by start, so the furthest end of those met so far tells, without a
  /// per-scalar table.)
  func levelCounts(in r: Range<Int>) -> (strongCounty: Int, strongCity: Int, county: Int, city: Int) {
    var counts = (0, 0, 0, 0)
    func hits(_ list: [[Unicode.Scalar]], at i: Int) -> Int {
      var n = 0
      for w in list where i + w.count <= r.upperBound && Scalars.has(s, at: i, w) { n += 1 }
      return n
    }
    var i = max(0, r.lowerBound)
    let end = min(r.upperBound, s.count)
    var nextPlace = 0, placeEnd = Int.min
    while i < end {
      i = ScanFlags.next(ScanFlags.level, in: flags, from: i, to: end)
      guard i < end else { break }
      while nextPlace < places.count && places[nextPlace].range.lowerBound <= i {
        placeEnd = max(placeEnd, places[nextPlace].range.upperBound)
        nextPlace += 1
      }
      if placeEnd <= i && i + 1 < s.count && Self.levelSeconds.contains(s[i + 1]) {
        counts.0 += hits(Self.strongCounty, at: i)
        counts.1 += hits(Self.strongCity, at: i)
        counts.2 += hits(Self.countyWords, at: i)
        counts.3 += hits(Self.cityWords, at: i)
      }
      i += 1
    }
    return counts
  }

  mutating func prepare() {
    let n = s.count
    // mentions
    // (each mention moved, from the back, into its list: a copy would retain its strings and
    // the numeric list's end release them again)
    var numeric = Recognition.numerics(s, base: nil)
    var ts: [Mention] = [], xs: [Mention] = []
    var timeCount = 0
    for k in numeric.indices where numeric[k].kind == .time { timeCount += 1 }
    ts.reserveCapacity(timeCount)
    xs.reserveCapacity(numeric.count - timeCount)
    while let m = numeric.popLast() {
      if m.kind == .time { ts.append(m) } else { xs.append(m) }
    }
    ts.reverse()
    xs.reverse()
    times = ts
    amounts = xs
    var trieMatches = PlaceMatches(count: n)
    let contextFreePlaces = Recognition.places(s, context: PlaceCtx(), matches: &trieMatches)
    places = PersonRecognizer.withoutGivenNames(s, places: contextFreePlaces)
    anchorYear = Self.anchor(in: s, flags: flags)
    // articles and sentences
    var parts = Recognition.articles(norm)
    if parts.isEmpty { parts = [ArticleParts(body: 0..<n)] }

    var levels: [PlaceLevel?] = []
    var infos: [ArticleInfo] = []
    var sentenceBuffer: [Range<Int>] = []
    for (k, p) in parts.enumerated() {
      infos.append(ArticleInfo(number: k + 1, parts: p, sentences: sentences(of: p, buffer: &sentenceBuffer), date: nil, loc: Loc(), place: nil))
      let w = p.whole
      let (strongC, strongM, c, m) = levelCounts(in: w)
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
    articlesInOrder = zip(infos, infos.dropFirst()).allSatisfy { $0.parts.whole.lowerBound <= $1.parts.whole.lowerBound }
    // places again, now that the publishing place can settle ambiguous names
    // (scanned again only when the context may change what is found)
    if let h = infos.first?.loc, !h.isEmpty {
      if PlaceRecognizer.contextMayChange(s, context: PlaceContext(province: h.province, city: h.city, county: h.county), matches: trieMatches) {
        places = Recognition.places(s, context: PlaceCtx(province: h.province, city: h.city, county: h.county), matches: &trieMatches)
      } else {
        places = contextFreePlaces
      }
    }
    places = PersonRecognizer.withoutGivenNames(s, places: places)
    people = PersonRecognizer.hits(in: s, places: places)
  }

  /// The most mentioned place of `level` in `r`; for cities, counties count for their city.
  func mostMentioned(_ level: PlaceLevel, in r: Range<Int>) -> PlaceRef? {
    // An article names a few distinct places: short lists compared by bytes (a dictionary
    // indexes the keys only past 32 of them), counts and first positions beside the keys.
    var keys: [String] = []
    var counts: [Int] = []
    var firsts: [Int] = []
    var refs: [PlaceRef] = []
    var index: [Utf8Key: Int] = [:]
    // a name above a mention → its place of `level` (resolved once)
    var resolvedNames: [String] = []
    var resolvedRefs: [PlaceRef?] = []
    // (mentions read in place by index: a copy of each would retain and release its strings)
    let ms = places(in: r)
    guard !ms.isEmpty else { return nil }
    // (room for every mention at once: no regrowth of the four lists)
    keys.reserveCapacity(ms.count)
    counts.reserveCapacity(ms.count)
    firsts.reserveCapacity(ms.count)
    refs.reserveCapacity(ms.count)
    for mi in ms.indices {
      guard case .place(let p) = ms[mi].value, p.level != .country else { continue }
      var target: PlaceRef? = nil
      if p.level == level { target = p }
      else if p.level > level {
        let up = level == .city ? p.city : (level == .province ? p.province : nil)
        if let name = up {
          if let k = resolvedNames.firstIndex(where: { Scalars.sameBytes($0, name) }) { target = resolvedRefs[k] } else {
            target = Recognition.resolve(name).first { $0.level == level }
            resolvedNames.append(name)
            resolvedRefs.append(target)
          }
        }
      }
      guard let t = target else { continue }
      let key = t.code ?? t.name
      let found = keys.count <= 32 ? keys.firstIndex(where: { Scalars.sameBytes($0, key) }) : index[Utf8Key(key)]
      if let k = found {
        counts[k] += 1
      } else {
        keys.append(key); counts.append(1); firsts.append(ms[mi].range.lowerBound); refs.append(t)
        if keys.count > 32 {
          if index.isEmpty { for (k, x) in keys.enumerated() { index[Utf8Key(x)] = k } }
          else { index[Utf8Key(key)] = keys.count - 1 }
        }
      }
    }
    // the most mentioned; between equals, the one named first
    var best = -1
    for k in counts.indices where best < 0 || counts[k] > counts[best] || (counts[k] == counts[best] && firsts[k] < firsts[best]) {
      best = k
    }
    return best < 0 ? nil : refs[best]
  }

  /// Sentences of an article in text order: headings and captions whole, body sentences apart
  /// from meta lines and captions.
  func sentences(of p: ArticleParts, buffer: inout [Range<Int>]) -> [Sentence] {
    var out: [Sentence] = []
    // (room for a sentence per 16 scalars, more than news writes: no regrowth while appending)
    out.reserveCapacity(4 + p.whole.count / 16)
    if let t = p.title { out.append(Sentence(range: t, isHeading: true, paragraphStart: t.lowerBound)) }
    for r in p.subtitles { out.append(Sentence(range: r, isHeading: true, paragraphStart: r.lowerBound)) }
    for r in p.captions { out.append(Sentence(range: r, isHeading: true, paragraphStart: r.lowerBound)) }
    @inline(__always) func skipped(_ r: Range<Int>) -> Bool {
      if let t = p.title, t.overlaps(r) { return true }
      if let b = p.byline, b.overlaps(r) { return true }
      return p.metaLines.contains { $0.overlaps(r) } || p.captions.contains { $0.overlaps(r) }
        || p.subtitles.contains { $0.overlaps(r) }
    }
    for para in p.paragraphs {
      buffer.removeAll(keepingCapacity: true)
      Recognition.appendSentences(s, in: para, to: &buffer)
      for r in buffer where !skipped(r) {
        out.append(Sentence(range: r, isHeading: false, paragraphStart: para.lowerBound))
      }
    }
    // (usually in order already: the sort only when not)
    var sorted = true
    for k in out.indices.dropFirst() where out[k - 1].range.lowerBound > out[k].range.lowerBound { sorted = false; break }
    if !sorted { out.sort { $0.range.lowerBound < $1.range.lowerBound } }
    return out
  }

  /// The article's date: a full date in its header lines, else a dateline at the start of the body.
  func articleDate(_ p: ArticleParts) -> FactDate? {
    for r in p.metaLines {
      for m in times(in: r) { if let t = Self.span(m), t.from == t.to, t.from.year != nil { return t.from } }
    }
    // a dateline inside the byline: 本报丽水11月8日电, 新华社北京5月1日电
    if let b = p.byline, b.count > 0, s[b.upperBound - 1] == "电" || Scalars.find(s, Scalars.of("电"), from: b.lowerBound, to: b.upperBound) != nil {
      if let m = times(in: b).first, let t = Self.span(m), t.from == t.to, t.from.day > 0 {
        let d = t.from
        if d.year == nil, let y = anchorYear { return FactDate(year: y, month: d.month, day: d.day) }
        return d
      }
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
  static func anchor(in s: [Unicode.Scalar], flags: [UInt8]? = nil) -> Int? {
    // one pass; an earlier anchor of the list wins over a later one wherever they stand (the
    // first occurrence of each counts: the earliest anchor found so far and its year, no
    // array per document)
    var bestK = anchors.count, bestYear = 0
    let hasFlags = flags?.count == s.count
    let fl = flags ?? []
    var i = 0
    while i < s.count {
      if hasFlags {
        i = ScanFlags.next(ScanFlags.anchor, in: fl, from: i, to: s.count)
        guard i < s.count else { break }
      }
      if anchorFirsts.contains(s[i]) && i + 1 < s.count && anchorSeconds.contains(s[i + 1]) {
        for (k, (ws, base)) in anchors.enumerated() where k < bestK && Scalars.has(s, at: i, ws) {
          var j = i + ws.count, v = 0, digits = 0
          while j < s.count && Scalars.isDigit(s[j]) && digits < 4 { v = v * 10 + Int(s[j].value - 48); j += 1; digits += 1 }
          if digits > 0 && Scalars.has(s, at: j, anniversary) {
            if k == 0 { return base + v }
            bestK = k
            bestYear = base + v
          }
        }
      }
      i += 1
    }
    return bestK < anchors.count ? bestYear : nil
  }

  static let anchors: [([Unicode.Scalar], Int)] = [
    ("中华人民共和国成立", 1949), ("新中国成立", 1949), ("建国", 1949), ("中国共产党成立", 1921), ("建党", 1921),
    ("改革开放", 1978), ("建军", 1927),
  ].map { (Scalars.of($0.0), $0.1) }
  static let anchorFirsts = ScalarBits(anchors.compactMap(\.0.first))
  /// Second scalars of the anchors (建 of 建设 starts none of them).
  static let anchorSeconds = ScalarBits(anchors.compactMap { $0.0.count > 1 ? $0.0[1] : nil })
  static let anniversary = Scalars.of("周年")

  // MARK: article facts

  func articleFact(_ a: ArticleInfo) -> Fact {
    var f = Fact(.article)
    let p = a.parts
    if let t = p.title { f[.title] = .text(text(t)) }
    if let d = a.date { f[.date] = .date(d) }
    for r in p.metaLines {
      if let v = metaValue(Self.sourceKeys, in: r) { f[.source] = .text(v); break }
    }
    // a masthead names the paper before its date; so does a site's header line
    // (`攸县新闻网　2024年5月23日`) when the name is a medium's (…网, …报, …台)
    if f[.source].isNull {
      for r in p.metaLines {
        guard let d = Recognition.fullDate(s, r) else { continue }
        var e = d
        while e > r.lowerBound && s[e - 1] == " " { e -= 1 }
        guard e - r.lowerBound >= 2 && e - r.lowerBound <= 12 && (r.lowerBound..<e).allSatisfy({ Scalars.isHan(s[$0]) }) else { continue }
        if Recognition.isMasthead(s, r) || Self.mediumEnds.contains(s[e - 1]) {
          f[.source] = .text(text(r.lowerBound..<e))
          break
        }
      }
    }
    if let name = author(p) { f[.author] = .text(name) }
    a.loc.write(into: &f)
    let prov = p.title ?? a.sentences.first?.range ?? p.body
    provenance(prov, article: a.number, into: &f)
    return f
  }

  static let sourceKeys = ["来源:", "来源：", "来源", "稿源:", "稿源："].map(Scalars.of)
  static let authorKeys = ["作者:", "作者：", "记者:", "记者："].map(Scalars.of)
  static let bylineLeads = ["记者", "作者", "文/", "文:", "撰稿"].map(Scalars.of)

  /// Last characters of a medium's name: 固始新闻网, 湖北日报, 攸县电视台, 学习强国号.
  static let mediumEnds = ScalarBits("网报台刊站号端闻".unicodeScalars)

  /// The value after a `key:` in a meta line, up to the next blank.
  func metaValue(_ keys: [[Unicode.Scalar]], in r: Range<Int>) -> String? {
    for w in keys {
      guard let at = Scalars.find(s, w, from: r.lowerBound, to: r.upperBound) else { continue }
      var b = at + w.count
      while b < r.upperBound && s[b] == " " { b += 1 }
      var e = b
      while e < r.upperBound && s[e] != " " && s[e] != "\t" { e += 1 }
      if e > b { return text(b..<e) }
    }
    return nil
  }

  /// The first author: the reporter a byline names (`本报讯（记者 陈思雨 通讯员 …）`, `记者 李晓琳`,
  /// a name alone), else an `作者：` meta value.
  func author(_ p: ArticleParts) -> String? {
    func name(at i: Int, in r: Range<Int>) -> String? {
      var st = i
      while st < r.upperBound && (s[st] == " " || s[st] == ":" || s[st] == "：" || s[st] == "/") { st += 1 }
      var e = st
      while e < r.upperBound && Scalars.isHan(s[e]) && e - st < 4 { e += 1 }
      guard e - st >= 2, !(e < r.upperBound && Scalars.isHan(s[e])) || e - st <= 3 else { return nil }
      let n = text(st..<e)
      return ["本报", "通讯", "记者", "新华"].contains(where: n.hasPrefix) ? nil : n
    }
    if let b = p.byline {
      for w in Self.bylineLeads {
        if let at = Scalars.find(s, w, from: b.lowerBound, to: b.upperBound), let n = name(at: at + w.count, in: b) { return n }
      }
      if !Scalars.has(s, at: b.lowerBound, Scalars.of("本报")), !Scalars.has(s, at: b.lowerBound, Scalars.of("通讯员")),
         let n = name(at: b.lowerBound, in: b) { return n }
    }
    // a byline opening the first paragraph: 湖北日报讯（记者 欧阳明远 通讯员 司马婧）
    if let para = p.paragraphs.first {
      let head = para.lowerBound..<min(para.upperBound, para.lowerBound + 16)
      if let at = Scalars.find(s, Scalars.of("讯"), from: head.lowerBound, to: head.upperBound),
         at + 1 < para.upperBound, s[at + 1] == "（" || s[at + 1] == "(" {
        let w = Scalars.of("记者")
        if Scalars.has(s, at: at + 2, w), let n = name(at: at + 2 + w.count, in: para) { return n }
      }
    }
    for r in p.metaLines {
      if let v = metaValue(Self.authorKeys, in: r) {
        let sc = Scalars.of(v)
        if sc.count >= 2 && sc.count <= 4 && sc.allSatisfy(Scalars.isHan) { return v }
      }
    }
    return nil
  }

  // MARK: people and places

  func article(at pos: Int) -> ArticleInfo? {
    articleIndex(at: pos).map { articles[$0] }
  }

  /// Index in `articles` of the article holding `pos` (the last one starting at or before it,
  /// else the first).
  func articleIndex(at pos: Int) -> Int? {
    guard !articles.isEmpty else { return nil }
    if articlesInOrder {
      // the last article starting at or before pos, by bisection
      var lo = 0, hi = articles.count
      while lo < hi { let m = (lo + hi) / 2; if articles[m].parts.whole.lowerBound <= pos { lo = m + 1 } else { hi = m } }
      return lo > 0 ? lo - 1 : 0
    }
    for k in articles.indices.reversed() where articles[k].parts.whole.lowerBound <= pos { return k }
    return 0
  }

  func sentence(at pos: Int, in a: ArticleInfo) -> Sentence? {
    // sentences are sorted by start and do not overlap: the last one starting at or before pos
    var lo = 0, hi = a.sentences.count
    while lo < hi { let m = (lo + hi) / 2; if a.sentences[m].range.lowerBound <= pos { lo = m + 1 } else { hi = m } }
    var k = lo - 1
    while k >= 0 && lo - k <= 4 {
      if a.sentences[k].range.contains(pos) { return a.sentences[k] }
      k -= 1
    }
    return a.sentences.first { $0.range.contains(pos) }
  }

  func personSightings() -> [PersonSighting] {
    var out: [PersonSighting] = []
    // people often share a sentence: its evidence is built once
    var lastEvidence: (range: Range<Int>, text: Value, span: Value)? = nil
    // the values every sighting of the document shares, made once (a new fact each, not a
    // copy of a shared one: its first write would copy the values)
    let docsValue = Value.list([path]), docValue = Value.text(path)
    for h in people {
      guard let a = article(at: h.range.lowerBound) else { continue }
      let sent = sentence(at: h.nameRange.lowerBound, in: a)
      let evidence = sent?.range ?? h.range
      var f = Fact(.person)
      f[.docs] = docsValue
      f[.doc] = docValue
      f[.name] = .text(h.name)
      if !h.titles.isEmpty { f[.titles] = .list(h.titles) }
      var weak = false
      var loc = Loc()
      if h.titles.contains(where: { t in Titles.national.contains { Scalars.sameBytes($0, t) } }) {
        loc = Loc()
      } else if let closer = h.listCloser {
        loc = levelPlace(closer.unicodeScalars.first, article: a) ?? a.loc
      } else if !h.titles.isEmpty {
        loc = personPlace(h, sentence: evidence, article: a)
      } else {
        loc = a.loc
        weak = true
      }
      loc.write(into: &f)
      if lastEvidence?.range != evidence {
        let o = norm.originalRange(evidence)
        lastEvidence = (evidence, .text(originalString(o)), .span(o.lowerBound, o.upperBound))
      }
      f[.article] = .integer(Int64(a.number))
      f[.evidence] = lastEvidence!.text
      f[.span] = lastEvidence!.span
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
        // (a title can begin before the sentence the name is in, when a stray space split it)
        let before = min(sentence.lowerBound, r.lowerBound)..<r.lowerBound
        let suffix: Unicode.Scalar? = c == "市" ? "市" : (c == "县" || c == "区" ? c : (c == "省" ? "省" : nil))
        // (a destination is not the unit: 赴漯河市…，市委常委乔晓兴参加 serves the travelling city)
        if let sfx = suffix, let m = places(in: before).last(where: { $0.text.unicodeScalars.last == sfx && !isDestination($0) }),
           let p = Self.ref(m) {
          loc = Loc(p); level = p.level
        } else if let l = levelPlace(c, article: a) {
          loc = l; level = c == "省" ? .province : (c == "市" ? .city : .county)
        }
      }
      if let l = loc, best == nil || level > bestLevel { best = l; bestLevel = level }
    }
    return best ?? a.loc
  }

  /// Whether a place mention is where someone goes (赴漯河市, 到海门区, 前往…), not where they serve.
  func isDestination(_ m: Mention) -> Bool {
    let a = m.range.lowerBound
    return Self.toMarkers.first(s, at: max(0, a - 2)).map { $0.count == 2 } ?? false
      || (a >= 1 && (s[a - 1] == "赴" || s[a - 1] == "到" || s[a - 1] == "在"))
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

  /// One fact per distinct place of the document (keyed as `Corpus` merges places: by code,
  /// else full name): its fields and provenance from its first mention, `mentions` counting
  /// every mention and `moreSources` holding the later ones in document order.
  func placeFacts() -> [Fact] {
    var out: [Fact] = []
    var keys: [String] = []
    var counts: [Int] = []
    // (room for every mention at once: no regrowth of the three lists)
    out.reserveCapacity(places.count)
    keys.reserveCapacity(places.count)
    counts.reserveCapacity(places.count)
    var index: [Utf8Key: Int] = [:]
    var lastSentence = -1..<(-1)
    var lastEvidence = ""
    var lastSpan = 0..<0
    let docValue = Value.text(path)
    for mi in places.indices {
      guard case .place(let p) = places[mi].value else { continue }
      let mr = places[mi].range
      guard let ai = articleIndex(at: mr.lowerBound) else { continue }
      let sent = sentence(at: mr.lowerBound, in: articles[ai])?.range ?? mr
      // many places share a sentence: build its evidence once
      if sent != lastSentence {
        lastSentence = sent
        let o = norm.originalRange(sent)
        lastEvidence = originalString(o)
        lastSpan = o.lowerBound..<max(o.lowerBound, o.upperBound)
      }
      let number = Int64(articles[ai].number)
      // (most documents name a few places: a short list compared by bytes; past 32 keys a
      // dictionary takes over)
      let fullPath = p.code == nil ? p.fullPath : nil
      let key = p.code ?? fullPath!
      let found = keys.count <= 32 ? keys.firstIndex(where: { Scalars.sameBytes($0, key) }) : index[Utf8Key(key)]
      if let k = found {
        counts[k] += 1
        out[k].moreSources.append(Source(doc: path, article: number, evidence: lastEvidence, span: lastSpan))
        continue
      }
      var f = Fact(.place)
      f[.doc] = docValue
      f[.name] = .text(p.name)
      f[.fullName] = .text(fullPath ?? p.fullPath)
      f[.level] = .text(p.level.rawValue)
      if let c = p.code { f[.code] = .text(c) }
      Loc(p).write(into: &f, country: true)
      f[.article] = .integer(number)
      f[.evidence] = .text(lastEvidence)
      f[.span] = .span(lastSpan.lowerBound, lastSpan.upperBound)
      out.append(f)
      keys.append(key)
      counts.append(1)
      if keys.count > 32 {
        if index.isEmpty { for (k, x) in keys.enumerated() { index[Utf8Key(x)] = k } }
        else { index[Utf8Key(key)] = keys.count - 1 }
      }
    }
    for k in out.indices { out[k][.mentions] = .integer(Int64(counts[k])) }
    return out
  }
}
