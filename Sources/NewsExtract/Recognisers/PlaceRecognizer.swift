import NewsFacts
import Synchronization

/// What an article is about, for telling apart places that share a name (朝阳区 in 北京市 or
/// 长春市). Names may be short or full (临汾 or 临汾市); unknown ones are ignored.
public struct PlaceContext: Sendable, Hashable {
  public var province: String?
  public var city: String?
  public var county: String?

  public init(province: String? = nil, city: String? = nil, county: String? = nil) {
    self.province = province
    self.city = city
    self.county = county
  }
}

/// Finds places in normalised text (simplified characters, half-width digits) in one pass over
/// the gazetteer's trie, longest match first.
///
/// Rules, all general: a full name (尧都区) counts anywhere, also before 委 (尧都区委书记 names
/// 尧都区), while a bare title stem (县委书记) has no name to match; a two-character name with a
/// one-character stem (吉县, 临县) needs a boundary before it (莅临县委 is no place); 城区, 郊区,
/// 矿区 count only right after their city (晋城市城区); a short name that is an everyday word
/// (振兴, 公安, 中方) needs an adjacent higher-level name or an article about that division; a
/// name several divisions share is resolved by an adjacent higher-level name, places mentioned
/// earlier in the text, then the article's `PlaceContext`, else the higher level when exactly
/// one candidate has it (吉林 → 吉林省); otherwise a full name is reported unresolved (no code)
/// and a short one dropped. Townships of the current county (the last county mentioned, or the
/// article's) are recognised by their full names (贾得乡), and a name ending in 村 right after
/// a township is a village (北席村).
public enum PlaceRecognizer {
  /// Place mentions in text order, each `.place` with its hierarchy filled upward.
  public static func mentions(in text: [Unicode.Scalar], context: PlaceContext) -> [Mention] {
    var run = PlaceRun(g: Gazetteer.shared, text: text)
    run.setContext(context)
    return run.scan()
  }

  /// The same, reusing the trie matches of earlier scans of the same `text` (they do not
  /// depend on the context): a document scanned again with its publishing place. (Kept out of
  /// line: profiles name it.)
  @inline(never)
  static func mentions(in text: [Unicode.Scalar], context: PlaceContext, matches: inout PlaceMatches) -> [Mention] {
    var run = PlaceRun(g: Gazetteer.shared, text: text)
    if matches.end.count == text.count { swap(&run.memo, &matches) }
    run.setContext(context)
    let out = run.scan()
    let contextFree = SettledContext.key(context) == nil
    if run.memo.end.count == text.count {
      run.memo.contextFree = contextFree
      if contextFree {
        run.memo.checks = run.checks
        run.memo.firstCounty = run.firstNoted
        run.memo.firstCountyEnd = run.firstNotedEnd
      }
      swap(&run.memo, &matches)
    }
    return out
  }

  /// Whether scanning `text` again with `context` may find other places than the scan
  /// without a context that filled `matches` (false only when provably the same): that scan
  /// made no decision the context turns (`ContextCheck`), and the context's county, when it
  /// has townships, is the first county that scan noted, with none of its townships starting
  /// before the end of that first mention (after it, both scans know the same counties in the
  /// same order).
  static func contextMayChange(_ text: [Unicode.Scalar], context: PlaceContext, matches: PlaceMatches) -> Bool {
    guard matches.contextFree, matches.end.count == text.count else { return true }
    let run = PlaceRun(g: Gazetteer.shared, text: text)
    guard let settled = run.settled(context) else { return false }
    if matches.checks.contains(where: { $0.ruledAs(settled) != nil }) { return true }
    if matches.checks.choiceChanges(settled) { return true }
    let c = settled.county
    guard c >= 0, let r = run.g.townRange(c) else { return false }
    guard matches.firstCounty == c else { return true }
    return run.townshipStarts(of: c, r, before: matches.firstCountyEnd)
  }
}

/// The gazetteer trie's longest match at each start position of one text, filled as scans ask.
struct PlaceMatches: Sendable {
  /// Per position: end of the longest match, -1 for none, -2 not looked up yet.
  var end: [Int32]
  /// Per position: the match's hit list in the trie.
  var hits: [Int32]
  /// Whether every position has been looked up (`fill`).
  var filled = false
  /// Whether the last scan that used these matches had no context; if so, what it found out
  /// for `PlaceRecognizer.contextMayChange`: the decisions a context could turn, and the
  /// first county it noted (-1 for none) with the end of that mention.
  var contextFree = false
  var checks: [ContextCheck] = []
  var firstCounty: Int32 = -1
  var firstCountyEnd = 0

  init(count n: Int) {
    let usable = n < Int(Int32.max)
    end = usable ? [Int32](repeating: -2, count: n) : []
    hits = usable ? [Int32](repeating: -1, count: n) : []
  }

  /// Looks up every position at once: cheaper than one position at a time, and a scan skips
  /// few positions (only those inside the places it found).
  mutating func fill(_ text: [Unicode.Scalar], trie: StaticTrie) {
    guard !filled, end.count == text.count else { return }
    trie.allMatches(in: text, end: &end, hits: &hits)
    filled = true
  }
}

struct PlaceRun {
  let g: Gazetteer
  let text: [Unicode.Scalar]
  var out: [Mention] = []
  var ctxProvince: String?
  var ctxCity: String?
  var ctxCounty: Int32 = -1
  /// The last eight resolved entries (a ring, `recentCount` of them written): `score` asks
  /// whether any of them is related to a candidate, in no particular order.
  var recent = SIMD8<Int32>(repeating: -1)
  var recentCount = 0
  var prevEnd = -1
  var prevEntry: Int32 = -1
  var county: Int32 = -1
  /// The county whose townships `townBloom` holds.
  var townTableFor: Int32 = -2
  /// The last township lookup (position, county, result): the scan asks twice at a position.
  var lastTown: (at: Int, county: Int32, result: (index: Int, end: Int, county: Int32)?) = (-1, -1, nil)
  /// Counties named earlier in the text or the article's (those with townships), oldest first:
  /// a township of one of them is found even when another place came in between (固始县 …
  /// 吴德昌 … 陈淋子镇).
  var knownCounties: [Int32] = []
  /// First scalars of the known counties' townships with full names (…镇, …乡, …街道), hashed
  /// to 4096 bits (the shared empty bloom until a county is noted).
  var knownBloom = TownBlooms.empty
  /// End of a zone's name (通海港区) whose leading short name was refused: skipped whole.
  var zoneSkip = -1
  /// First scalars of the current county's townships (of two or more scalars), hashed to
  /// 4096 bits (shared by every scan of the process): most positions are rejected before its
  /// townships are compared.
  var townBloom = TownBlooms.empty
  /// Trie matches shared with other scans of the same text (empty: none).
  var memo = PlaceMatches(count: 0)
  /// The decisions of this scan that read the context's fields (`ctxProvince`, `ctxCity`,
  /// `ctxCounty`), with what they weighed besides: kept only by a scan without a context.
  var checks: [ContextCheck] = []
  /// Whether `checks` are kept (until a context is set).
  var recording = true
  /// The first county `noteCounty` kept (-1 for none) and the end of the mention that named it.
  var firstNoted: Int32 = -1
  var firstNotedEnd = 0

  init(g: Gazetteer, text: [Unicode.Scalar]) {
    self.g = g
    self.text = text
  }

  mutating func setContext(_ c: PlaceContext) {
    guard let settled = settled(c) else { return }
    recording = false
    ctxProvince = settled.province
    ctxCity = settled.city
    if settled.county >= 0 {
      ctxCounty = settled.county
      county = settled.county
      noteCounty(settled.county)
    }
  }

  /// `settle(c)`, nil when `c` names nothing. Documents of one source share their publishing
  /// place: it is settled once per process.
  func settled(_ c: PlaceContext) -> SettledContext? {
    guard let key = SettledContext.key(c) else { return nil }
    if let known = SettledContext.cache.lookup(key) { return known }
    let s = settle(c)
    SettledContext.cache.store(key, s)
    return s
  }

  /// Whether a township of county `c` (townships `r`) with two or more scalars starts in
  /// `text` before `end`.
  func townshipStarts(of c: Int32, _ r: Range<Int32>, before end: Int) -> Bool {
    let bloom = TownBlooms.shared.bloom(c, g)
    let firsts = TownIndex.shared.first
    let n = text.count
    for i in 0..<min(end, n) {
      let v = text[i].value
      guard bloom[Int((v >> 6) & 63)] & (1 << UInt64(v & 63)) != 0 else { continue }
      for t in r where firsts[Int(t)] == v {
        let tw = g.town(Int(t))
        let len = Int(tw.count)
        guard len >= 2, i + len <= n else { continue }
        var k = 1
        while k < len && text[i + k] == g.townScalar(Int(tw.start) + k) { k += 1 }
        if k == len { return true }
      }
    }
    return false
  }

  /// The gazetteer's reading of a context: its province and city names and its county entry.
  func settle(_ c: PlaceContext) -> SettledContext {
    var out = SettledContext()
    func pick(_ name: String?, _ levels: [PlaceLevel]) -> PlaceRef? {
      guard let name, !name.isEmpty else { return nil }
      // Entries filtered by level before their records are decoded.
      // The first entry of those levels with a code, or the first in the province settled
      // already (entries filtered before their records are decoded; a `PlaceRef` has a code
      // exactly when its entry `hasCode`).
      var first: PlaceRef? = nil
      for e in SettledContext.entries.lookup(name, g) where Gazetteer.hasCode(e) && levels.contains(Gazetteer.level(e)) {
        let r = GazetteerIndex.ref(e)
        guard let p = out.province else { return r }
        if r.province == p { return r }
        if first == nil { first = r }
      }
      return first
    }
    out.province = pick(c.province, [.province])?.name
    if let city = pick(c.city, [.city, .province]) {
      out.city = city.name
      if out.province == nil { out.province = city.province }
    }
    if let name = c.county, !name.isEmpty {
      let refs = SettledContext.entries.lookup(name, g).filter { Gazetteer.level($0) == .county && Gazetteer.hasCode($0) }
        .map { GazetteerIndex.ref($0) }
      let ctxCity = out.city, ctxProvince = out.province
      let best = refs.first { ($0.city == ctxCity && ctxCity != nil) } ?? refs.first { $0.province == ctxProvince && ctxProvince != nil } ?? (refs.count == 1 ? refs.first : nil)
      if let b = best, let code = b.code, let idx = g.entry(code: code) {
        out.county = idx
        if out.city == nil { out.city = b.city }
        if out.province == nil { out.province = b.province }
      }
    }
    return out
  }

  func isCJK(_ s: Unicode.Scalar) -> Bool {
    (0x4E00...0x9FFF).contains(s.value) || (0x3400...0x4DBF).contains(s.value)
  }

  func isAncestor(_ a: Int32, of c: Int32) -> Bool {
    guard a >= 0 else { return false }
    var p = Gazetteer.parent(c)
    var steps = 0
    while p >= 0 && steps < 4 {
      if p == a { return true }
      p = Gazetteer.parent(p)
      steps += 1
    }
    return false
  }

  func string(_ r: Range<Int>) -> String { Scalars.string(text, r) }

  mutating func scan() -> [Mention] {
    var i = 0
    let n = text.count
    if memo.end.count != n { memo = PlaceMatches(count: n) }
    memo.fill(text, trie: g.trie)
    // Room for the usual number of places (about one per 30 scalars): no regrowth per append.
    out.reserveCapacity(16 + n / 24)
    // The matches as local arrays: read without going through `self` at each position.
    let ends = memo.filled ? memo.end : []
    let nodes = memo.filled ? memo.hits : []
    let direct = ends.count == n
    while i < n {
      if direct && ends[i] < 0 {
        // Most positions start no gazetteer name and no township of a county in view: skip
        // them in a tight loop (the checks `townshipMatch` makes first, on raw buffers).
        i = quietEnd(from: i, ends: ends)
        if i >= n { break }
      }
      var consumed = false
      var trieEnd = -1
      let found: (end: Int, hits: Int32)?
      if direct {
        let e = ends[i]
        found = e >= 0 ? (Int(e), nodes[i]) : nil
      } else {
        found = trieMatch(at: i)
      }
      if let m = found {
        trieEnd = m.end
        let hits = g.trie.hits(m.hits)
        if hits.contains(where: { $0.kind == .blocker }) {
          i = m.end
          continue
        }
        // A township of the current county that is longer wins over a shorter trie match.
        if let t = townshipMatch(at: i), t.end > m.end {
          emitTownship(t.index, i..<t.end, county: t.county)
          i = t.end
          continue
        }
        if accept(m.hits, hits, i..<m.end) {
          i = m.end
          consumed = true
        } else if zoneSkip > i {
          i = zoneSkip
          continue
        }
      }
      if consumed { continue }
      if let t = townshipMatch(at: i), t.end > trieEnd {
        emitTownship(t.index, i..<t.end, county: t.county)
        i = t.end
        continue
      }
      i += 1
    }
    return out
  }

  /// The first position at or after `i` where the trie matches or a township of the current
  /// or a known county may start (the bloom tests of `townshipMatch`), or `text.count`.
  mutating func quietEnd(from i: Int, ends: [Int32]) -> Int {
    if county >= 0 && townTableFor != county { loadTownTable() }
    let useTown: UInt64 = county >= 0 ? ~0 : 0
    return text.withUnsafeBufferPointer { t in
      ends.withUnsafeBufferPointer { e in
        knownBloom.withUnsafeBufferPointer { kb in
          townBloom.withUnsafeBufferPointer { tb in
            let n = min(t.count, e.count)
            var j = i
            while j < n {
              if e[j] >= 0 { break }
              let v = t[j].value
              let w = Int((v >> 6) & 63)
              if (kb[w] | (tb[w] & useTown)) & (1 << UInt64(v & 63)) != 0 { break }
              j &+= 1
            }
            return j
          }
        }
      }
    }
  }

  /// The trie's longest match at `i`, from the memo when it has it.
  mutating func trieMatch(at i: Int) -> (end: Int, hits: Int32)? {
    guard i < memo.end.count else { return g.trie.longestMatch(in: text, from: i) }
    let e = memo.end[i]
    if e >= 0 { return (Int(e), memo.hits[i]) }
    if e == -1 { return nil }
    let m = g.trie.longestMatch(in: text, from: i)
    memo.end[i] = m.map { Int32($0.end) } ?? -1
    memo.hits[i] = m?.hits ?? -1
    return m
  }

  /// Filters candidates by the trap rules, picks one, emits it. False when nothing was emitted.
  mutating func accept(_ node: Int32, _ hits: StaticTrie.Hits, _ r: Range<Int>) -> Bool {
    let len = r.count
    let adjacentPrev = prevEnd == r.lowerBound ? prevEntry : -1
    // Most names have one candidate: a list is made only for a second one.
    var cands = Candidates()
    let isCommon = CommonWords.contains(text, r)
    // 龙城区域, 开发区域: the 区 belongs to 区域 ("area"), the rest is no division.
    if text[r.upperBound - 1] == "区", r.upperBound < text.count, text[r.upperBound] == "域" { return false }
    for h in hits where h.entry >= 0 {
      if !Gazetteer.hasCode(h.entry) {
        // Foreign places: never on everyday words.
        if isCommon { continue }
        cands.add(h.entry, h.kind)
        continue
      }
      if len == 2 && h.kind == .full {
        let last = text[r.upperBound - 1]
        if last == "区" {
          // 城区, 郊区, 矿区, 东区: only right after their own city.
          guard adjacentPrev >= 0, isAncestor(adjacentPrev, of: h.entry) else { continue }
        } else if r.lowerBound > 0 {
          let before = text[r.lowerBound - 1]
          if isCJK(before) && !PlaceTraps.boundaryBefore.contains(before) && prevEnd != r.lowerBound { continue }
        }
      }
      if isCommon && h.kind != .full {
        let near = adjacentPrev >= 0 && isAncestor(adjacentPrev, of: h.entry)
        if recording && !near { checks.append(ContextCheck(.strong, h.entry, base: 0)) }
        let strong = near || h.entry == ctxCounty
          || (Gazetteer.level(h.entry) == .city && entryRef(h.entry).name == ctxCity)
        if !strong { continue }
      }
      if h.kind == .alias && Gazetteer.level(h.entry) == .county && r.upperBound < text.count
        && GazetteerIndex.nameEndsWithQu(h.entry) {
        // A district's short name (西工 of 西工区) runs into words (西工业区): without support
        // from the context it must stand alone.
        let next = text[r.upperBound]
        let s = score(h.entry, adjacentPrev: adjacentPrev)
        let supported = s > 0
        let alone = !isCJK(next) || PlaceTraps.boundaryAfter.contains(next)
        if recording && !alone { checks.append(ContextCheck(.supported, h.entry, base: s)) }
        if !supported && !alone { continue }
      }
      let zone = h.kind != .full && Gazetteer.level(h.entry) == .county ? zoneNameLength(at: r.upperBound) : 0
      if zone > 0 && recording {
        checks.append(ContextCheck(recentCount > 0 ? .zoneAfterPlaces : .zone, h.entry, base: score(h.entry, adjacentPrev: adjacentPrev)))
      }
      if zone > 0 && (ctxProvince != nil || recentCount > 0) && score(h.entry, adjacentPrev: adjacentPrev) == 0 {
        zoneSkip = r.upperBound + zone
        // 通海港区 in a text about 南通: a county's short name that runs into a zone's name
        // (港区, 开发区, 园区 …) with nothing in the text pointing to that county is part of
        // another name, not the county.
        continue
      }
      cands.add(h.entry, h.kind)
    }
    guard cands.count > 0 else { return false }
    var chosen: Int32 = -1
    if cands.count == 1 {
      chosen = cands.first
    } else {
      var best = Int.min
      var top: [Int32] = []
      for (k, (c, _)) in cands.list.enumerated() {
        let s = score(c, adjacentPrev: adjacentPrev)
        if recording { checks.append(ContextCheck(k == 0 ? .choiceFirst : .choice, c, base: s)) }
        if s > best { best = s; top = [c] } else if s == best { top.append(c) }
      }
      if top.count > 1 {
        // Legal divisions over statistical zones, then a single highest level.
        let legal = top.filter { !GazetteerIndex.isZone($0) }
        if !legal.isEmpty { top = legal }
        let minLevel = top.map { Gazetteer.level($0) }.min() ?? .county
        let atMin = top.filter { Gazetteer.level($0) == minLevel }
        if atMin.count == 1 && top.contains(where: { Gazetteer.level($0) != minLevel }) {
          top = atMin
        }
      }
      if top.count == 1 {
        chosen = top[0]
      } else {
        // Unresolved: report a full name without a code; drop an ambiguous short name.
        guard cands.list.contains(where: { $0.1 == .full }) else { return false }
        let word = string(r)
        let refs = top.map { entryRef($0) }
        var ref = PlaceRef(name: word, level: refs[0].level)
        if refs.allSatisfy({ $0.province == refs[0].province }) { ref.province = refs[0].province }
        if refs.allSatisfy({ $0.city == refs[0].city }) { ref.city = refs[0].city }
        if ref.level == .county { ref.county = word }
        out.append(Mention(kind: .place, text: word, range: r, value: .place(ref)))
        prevEnd = r.upperBound
        prevEntry = -1
        return true
      }
    }
    emit(chosen, r, NodeNames.shared.name(node, text, r))
    return true
  }

  /// The length of the generic part of a zone's name (港区, 开发区, 园区 …) at `i`, 0 for none.
  func zoneNameLength(at i: Int) -> Int {
    for w in PlaceTraps.zoneSuffixes where i + w.count <= text.count {
      var k = 0
      while k < w.count && text[i + k] == w[k] { k += 1 }
      if k == w.count { return k }
    }
    return 0
  }

  /// Whether township `t` has a township's full name (…镇, …乡, …街道), not a bare word
  /// (开发区) that prose uses too.
  func hasTownshipName(_ t: Int) -> Bool {
    let tw = g.town(t)
    guard tw.count >= 3 else { return false }
    let last = g.townScalar(Int(tw.start + tw.count) - 1)
    if last == "镇" || last == "乡" { return true }
    return last == "道" && g.townScalar(Int(tw.start + tw.count) - 2) == "街"
  }

  /// Entry `i`'s place (decoded once per process by `GazetteerIndex.ref`).
  func entryRef(_ i: Int32) -> PlaceRef { GazetteerIndex.ref(i) }

  mutating func score(_ c: Int32, adjacentPrev: Int32) -> Int {
    let e = entryRef(c)
    var s = 0
    if adjacentPrev >= 0 && isAncestor(adjacentPrev, of: c) { s += 16 }
    for k in 0..<min(recentCount, 8) {
      let r = recent[k]
      if r == c || isAncestor(r, of: c) || isAncestor(c, of: r) {
        s += 4
        break
      }
    }
    if let cc = ctxCity, e.city == cc || e.name == cc { s += 2 }
    if let cp = ctxProvince, e.province == cp { s += 1 }
    if c == ctxCounty { s += 4 }
    return s
  }

  mutating func emit(_ idx: Int32, _ r: Range<Int>, _ word: String) {
    // (the entry's place is copied once, into the mention; its level and whether it has a
    // code are read from the tables, as its `PlaceRef` has them)
    out.append(Mention(kind: .place, text: word, range: r, value: .place(entryRef(idx))))
    prevEnd = r.upperBound
    prevEntry = idx
    recent[recentCount & 7] = idx
    recentCount += 1
    if Gazetteer.hasCode(idx) {
      if Gazetteer.level(idx) == .county {
        county = idx
        noteCounty(idx)
      } else if county >= 0 && !isAncestor(idx, of: county) {
        county = -1
      }
    }
  }

  /// Remembers a county named in the text, for `townshipMatch`: its townships with full
  /// names go into `knownBloom` (`townshipCandidate` reads them from the tables).
  mutating func noteCounty(_ c: Int32) {
    guard !knownCounties.contains(c), let r = g.townRange(c) else { return }
    if knownCounties.isEmpty { firstNoted = c; firstNotedEnd = prevEnd }
    knownCounties.append(c)
    let firsts = TownIndex.shared.fullFirst
    firsts.withUnsafeBufferPointer { ff in
      knownBloom.withUnsafeMutableBufferPointer { kb in
        for t in r {
          let f = ff[Int(t)]
          if f != 0 { kb[Int((f >> 6) & 63)] |= 1 << UInt64(f & 63) }
        }
      }
    }
  }

  /// The longest township starting at `i` of the current county, else of the counties named
  /// earlier (newest first).
  @inline(__always)
  mutating func townshipMatch(at i: Int) -> (index: Int, end: Int, county: Int32)? {
    // Most positions: no township of the current or a known county starts with this scalar.
    let v = text[i].value
    let word = Int((v >> 6) & 63)
    let bit: UInt64 = 1 << UInt64(v & 63)
    if knownBloom[word] & bit == 0 {
      guard county >= 0 else { return nil }
      if townTableFor != county { loadTownTable() }
      if townBloom[word] & bit == 0 { return nil }
    }
    return townshipCandidate(at: i)
  }

  /// `townshipMatch` past its bloom test.
  @inline(never)
  mutating func townshipCandidate(at i: Int) -> (index: Int, end: Int, county: Int32)? {
    let v = text[i].value
    if lastTown.at == i && lastTown.county == county { return lastTown.result }
    var result: (index: Int, end: Int, county: Int32)? = nil
    if county >= 0, let t = townshipLookup(at: i) { result = (t.index, t.end, county) }
    if result == nil && (knownCounties.count > 1 || (knownCounties.count == 1 && knownCounties[0] != county))
      && knownBloom[Int((v >> 6) & 63)] & (1 << UInt64(v & 63)) != 0 {
      // The newest county first, then the longest name (ties: the county's first township).
      let firsts = TownIndex.shared.fullFirst
      var bestRank = -1
      for rank in knownCounties.indices {
        let c = knownCounties[rank]
        guard c != county, let r = g.townRange(c) else { continue }
        for t in r where firsts[Int(t)] == v {
          let tw = g.town(Int(t))
          let len = Int(tw.count)
          guard i + len <= text.count else { continue }
          var k = 1
          while k < len && text[i + k] == g.townScalar(Int(tw.start) + k) { k += 1 }
          guard k == len else { continue }
          if rank > bestRank || (rank == bestRank && i + len > (result?.end ?? 0)) {
            bestRank = rank
            result = (Int(t), i + len, c)
          }
        }
      }
    }
    lastTown = (i, county, result)
    return result
  }

  mutating func townshipLookup(at i: Int) -> (index: Int, end: Int)? {
    if townTableFor != county { loadTownTable() }
    let v = text[i].value
    guard townBloom[Int((v >> 6) & 63)] & (1 << UInt64(v & 63)) != 0, let r = g.townRange(county) else { return nil }
    // The county's townships in order (a few dozen): the first longest full match (first
    // scalars compared as integers before a township is decoded).
    let firsts = TownIndex.shared.first
    var best: (Int, Int)? = nil
    let lo = Int(r.lowerBound), hi = min(Int(r.upperBound), firsts.count)
    var t = lo
    while t < hi {
      // (the county's first scalars are side by side: skipped over on the raw buffer)
      t = firsts.withUnsafeBufferPointer { f in
        var u = t
        while u < hi && f[u] != v { u &+= 1 }
        return u
      }
      guard t < hi else { break }
      defer { t += 1 }
      let tw = g.town(t)
      let len = Int(tw.count)
      guard len >= 2, i + len <= text.count, len > (best.map { $0.1 - i } ?? 0) else { continue }
      var ok = true
      var k = 1
      while k < len {
        if text[i + k] != g.townScalar(Int(tw.start) + k) { ok = false; break }
        k += 1
      }
      if ok { best = (t, i + len) }
    }
    return best
  }

  /// Makes the current county's bloom the one `townshipMatch` reads (built once per county
  /// and process, `TownBlooms`).
  mutating func loadTownTable() {
    townTableFor = county
    townBloom = TownBlooms.shared.bloom(county, g)
  }

  mutating func emitTownship(_ t: Int, _ r: Range<Int>, county c: Int32) {
    guard c >= 0 else { return }
    county = c
    let countyRef = entryRef(c)
    let ref = g.townshipRef(t, county: countyRef)
    out.append(Mention(kind: .place, text: string(r), range: r, value: .place(ref)))
    prevEnd = r.upperBound
    prevEntry = -1
    // A village: up to four characters ending in 村 right after the township.
    var j = r.upperBound
    let limit = min(text.count, r.upperBound + 5)
    while j < limit {
      let s = text[j]
      if s == "村" { break }
      if !isCJK(s) || villageStop.contains(s) { return }
      j += 1
    }
    guard j < limit, text[j] == "村", j > r.upperBound else { return }
    let vr = r.upperBound..<(j + 1)
    var v = PlaceRef(name: string(vr), level: .village)
    v.province = countyRef.province
    v.city = countyRef.city
    v.county = countyRef.county
    out.append(Mention(kind: .place, text: v.name, range: vr, value: .place(v)))
    prevEnd = vr.upperBound
  }
}

/// What the scan asks of every township, decoded once per process from the static tables.
struct TownIndex: Sendable {
  static let shared = TownIndex()

  /// Per township: the first scalar of its name when it has two or more (0 otherwise).
  let first: [UInt32]
  /// Per township: whether it has a township's full name (…镇, …乡, …街道; see
  /// `PlaceRun.hasTownshipName`).
  let fullName: [Bool]
  /// Per township: its first scalar when it has a full name, 0 otherwise (the townships
  /// `PlaceRun.townshipCandidate` looks for in the counties named before).
  let fullFirst: [UInt32]

  init() {
    let g = Gazetteer.shared
    let count = gazetteerTowns.utf8CodeUnitCount / 6
    var first = [UInt32](repeating: 0, count: count)
    var full = [Bool](repeating: false, count: count)
    var fullFirst = [UInt32](repeating: 0, count: count)
    for t in 0..<count {
      let tw = g.town(t)
      guard tw.count >= 2 else { continue }
      first[t] = g.townScalar(Int(tw.start)).value
      guard tw.count >= 3 else { continue }
      let last = g.townScalar(Int(tw.start + tw.count) - 1)
      full[t] = last == "镇" || last == "乡" || (last == "道" && g.townScalar(Int(tw.start + tw.count) - 2) == "街")
      if full[t] { fullFirst[t] = first[t] }
    }
    self.first = first
    self.fullName = full
    self.fullFirst = fullFirst
  }
}

/// Per county, the bloom of its townships' first scalars (`PlaceRun.townBloom`), built the
/// first time a text names that county and shared by every scan of the process after it.
final class TownBlooms: Sendable {
  static let shared = TownBlooms()

  /// 64 words of zeros: the bloom of no township.
  static let empty = [UInt64](repeating: 0, count: 64)

  private let state = Mutex<[[UInt64]?]>([])

  /// The bloom of entry `county`'s townships (all zeros for none).
  func bloom(_ county: Int32, _ g: Gazetteer) -> [UInt64] {
    guard county >= 0, Int(county) < GazetteerIndex.count else { return Self.empty }
    if let known = state.withLock({ $0.isEmpty ? nil : $0[Int(county)] }) { return known }
    var bloom = [UInt64](repeating: 0, count: 64)
    if let r = g.townRange(county) {
      let firsts = TownIndex.shared.first
      for t in r {
        let f = firsts[Int(t)]
        guard f != 0 else { continue }
        bloom[Int((f >> 6) & 63)] |= 1 << UInt64(f & 63)
      }
    }
    state.withLock { slots in
      if slots.isEmpty { slots = [[UInt64]?](repeating: nil, count: GazetteerIndex.count) }
      slots[Int(county)] = bloom
    }
    return bloom
  }
}

private let villageStop: Set<Unicode.Scalar> = Set("的了在和与及等是为对到从把被将也都又就乡镇村县区市".unicodeScalars)

/// A `PlaceContext` as `PlaceRun` reads it: names settled against the gazetteer.
struct SettledContext: Sendable {
  var province: String?
  var city: String?
  /// The county's entry, -1 for none.
  var county: Int32 = -1

  /// The context's names as UTF-8 bytes, each closed by 0xFF (no byte of UTF-8); nil when it
  /// names nothing. Bytes hash without the Unicode normalisation a `String` key costs.
  static func key(_ c: PlaceContext) -> ByteKey? {
    guard c.province?.isEmpty == false || c.city?.isEmpty == false || c.county?.isEmpty == false else { return nil }
    var key: [UInt8] = []
    key.reserveCapacity(40)
    // (a static function with the key as `inout`, not a nested one capturing it: no
    // exclusivity check per name)
    appendName(c.province, to: &key)
    appendName(c.city, to: &key)
    appendName(c.county, to: &key)
    return ByteKey(bytes: key)
  }

  /// The UTF-8 of `name` (nothing for nil or empty), then 0xFF.
  private static func appendName(_ name: String?, to key: inout [UInt8]) {
    if let name, !name.isEmpty {
      if name.utf8.withContiguousStorageIfAvailable({ key.append(contentsOf: $0) }) == nil { key.append(contentsOf: name.utf8) }
    }
    key.append(0xFF)
  }

  /// Bytes as a dictionary key, hashed in one call (an array of bytes hashes byte by byte).
  struct ByteKey: Hashable, Sendable {
    let bytes: [UInt8]

    func hash(into hasher: inout Hasher) {
      bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
  }

  /// Contexts settled so far in this process, shared by the extraction threads.
  static let cache = Cache()

  /// The gazetteer entries of the names contexts were settled with (`entriesByTrie`): many
  /// contexts share a province or a city, so a new context mostly finds its names here.
  static let entries = EntriesCache()

  final class EntriesCache: Sendable {
    private let state = Mutex<[ByteKey: [Int32]]>([:])

    func lookup(_ name: String, _ g: Gazetteer) -> [Int32] {
      let key = ByteKey(bytes: Array(name.utf8))
      if let known = state.withLock({ $0[key] }) { return known }
      let found = g.entriesByTrie(name)
      state.withLock { table in
        // A bound against unbounded growth on corpora of many distinct sources.
        if table.count >= 4096 { table.removeAll(keepingCapacity: true) }
        table[key] = found
      }
      return found
    }
  }

  final class Cache: Sendable {
    private let state = Mutex<[ByteKey: SettledContext]>([:])

    func lookup(_ key: ByteKey) -> SettledContext? { state.withLock { $0[key] } }

    func store(_ key: ByteKey, _ value: SettledContext) {
      state.withLock { table in
        // A bound against unbounded growth on corpora of many distinct sources.
        if table.count >= 4096 { table.removeAll(keepingCapacity: true) }
        table[key] = value
      }
    }
  }
}

/// The candidates of one trie match, in hit order: the first kept apart, a list only from the
/// second on (most names have one candidate).
struct Candidates {
  private(set) var count = 0
  private(set) var first: Int32 = -1
  private var firstKind = ScalarTrie.Hit.Kind.full
  /// Every candidate, when there are two or more (empty otherwise).
  private(set) var list: [(Int32, ScalarTrie.Hit.Kind)] = []

  @inline(__always)
  mutating func add(_ entry: Int32, _ kind: ScalarTrie.Hit.Kind) {
    if count == 0 {
      first = entry
      firstKind = kind
    } else {
      if count == 1 { list.append((first, firstKind)) }
      list.append((entry, kind))
    }
    count += 1
  }
}

/// `PlaceTraps.commonWordAliases` tested without hashing for most words: a bloom of their
/// packed codes rejects the rest before the set is asked.
enum CommonWords {
  static let bloom: [UInt64] = {
    var bits = [UInt64](repeating: 0, count: 64)
    for key in PlaceTraps.commonWordKeys {
      let h = hash(key)
      bits[h >> 6] |= 1 << UInt64(h & 63)
    }
    return bits
  }()

  @inline(__always)
  static func hash(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 52) }

  /// Whether `s[r]` is one of `PlaceTraps.commonWordAliases` (as `PlaceTraps.isCommonWord`).
  @inline(__always)
  static func contains(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
    guard r.count <= 3 else { return false }
    let key = PlaceTraps.packed(s, r)
    let h = hash(key)
    guard bloom[h >> 6] & (1 << UInt64(h & 63)) != 0 else { return false }
    return PlaceTraps.commonWordKeys.contains(key)
  }
}

/// The text of every trie node a scan has emitted a place for (the node's key, decoded once
/// per process): a name found again costs a look-up, not a new string.
final class NodeNames: Sendable {
  static let shared = NodeNames()

  /// Trie node count.
  static let count = gazetteerTrieHitStarts.utf8CodeUnitCount / 3 - 1

  private let state = Mutex<[String?]>([])

  /// `text[r]` as a string, where `r` is a match of trie node `node` (whose key it is).
  func name(_ node: Int32, _ text: [Unicode.Scalar], _ r: Range<Int>) -> String {
    guard node >= 0, Int(node) < Self.count else { return Scalars.string(text, r) }
    if let known = state.withLock({ $0.isEmpty ? nil : $0[Int(node)] }) { return known }
    let word = Scalars.string(text, r)
    state.withLock { slots in
      if slots.isEmpty { slots = [String?](repeating: nil, count: Self.count) }
      slots[Int(node)] = word
    }
    return word
  }
}


/// A decision of a scan without a context that a context could turn, with what the scan
/// weighed besides the context: whether an everyday word (`strong`), a district's short name
/// (`supported`) or a county's short name before a zone's name (`zone`) counts, and which of
/// several candidates scores best (`choice`, one per candidate, the first `choiceFirst`).
struct ContextCheck: Sendable {
  enum Kind: UInt8, Sendable { case strong, supported, zone, zoneAfterPlaces, choiceFirst, choice }
  var kind: Kind
  var entry: Int32
  /// `PlaceRun.score` without a context (0 for `strong`).
  var base: Int

  init(_ kind: Kind, _ entry: Int32, base: Int) {
    self.kind = kind
    self.entry = entry
    self.base = base
  }

  /// What context `c` adds to `PlaceRun.score` of `entry`.
  static func bonus(_ entry: Int32, _ c: SettledContext) -> Int {
    var s = 0
    if c.city != nil || c.province != nil {
      let e = GazetteerIndex.ref(entry)
      if let cc = c.city, e.city == cc || e.name == cc { s += 2 }
      if let cp = c.province, e.province == cp { s += 1 }
    }
    if entry == c.county { s += 4 }
    return s
  }

  /// Non-nil when context `c` turns this single decision (`choice` checks: nil, see
  /// `choiceChanges`).
  func ruledAs(_ c: SettledContext) -> Bool? {
    switch kind {
    case .strong:
      // without a context: not strong
      let strong = entry == c.county || (Gazetteer.level(entry) == .city && GazetteerIndex.ref(entry).name == c.city)
      return strong ? true : nil
    case .supported:
      let before = base > 0
      return before != (base + Self.bonus(entry, c) > 0) ? true : nil
    case .zone, .zoneAfterPlaces:
      let before = kind == .zoneAfterPlaces && base == 0
      let after = (c.province != nil || kind == .zoneAfterPlaces) && base + Self.bonus(entry, c) == 0
      return before != after ? true : nil
    case .choiceFirst, .choice:
      return nil
    }
  }
}

extension Array where Element == ContextCheck {
  /// Whether context `c` changes which candidates score best in one of the `choice` groups.
  func choiceChanges(_ c: SettledContext) -> Bool {
    var k = 0
    while k < count {
      guard self[k].kind == .choiceFirst else { k += 1; continue }
      var end = k + 1
      while end < count && self[end].kind == .choice { end += 1 }
      var bestBefore = Int.min, bestAfter = Int.min
      for j in k..<end {
        bestBefore = Swift.max(bestBefore, self[j].base)
        bestAfter = Swift.max(bestAfter, self[j].base + ContextCheck.bonus(self[j].entry, c))
      }
      for j in k..<end where (self[j].base == bestBefore) != (self[j].base + ContextCheck.bonus(self[j].entry, c) == bestAfter) {
        return true
      }
      k = end
    }
    return false
  }
}
