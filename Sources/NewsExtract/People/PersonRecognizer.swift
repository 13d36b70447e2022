import NewsFacts

/// One person the recogniser found, with the evidence that made it a person.
struct PersonHit: Sendable, Hashable {
  enum Context: Sendable, Hashable { case titleBefore, titleAfter, list, known }
  var name: String
  var nameRange: Range<Int>
  /// Title phrases as written, in text order (`区委副书记`, `区长`).
  var titles: [String]
  var titleRanges: [Range<Int>]
  /// Name and titles together.
  var range: Range<Int>
  var context: Context
  /// For list members: the words after 等 (`县四大班子领导`).
  var listCloser: String?
}

/// Finds people: a surname from the table plus one or two given-name characters, in a title or
/// list context. `县委书记` alone is no one; `关于` after `总书记` is not a name.
public enum PersonRecognizer {
  /// Person mentions (`.person(name:title:)`) in text order. `places` are the place mentions of
  /// the same text: a name never overlaps a place, and a title may start with one.
  public static func mentions(in s: [Unicode.Scalar], places: [Mention]) -> [Mention] {
    hits(in: s, places: places).map { h in
      let title = h.titles.isEmpty ? nil : h.titles.joined(separator: "、")
      return Mention(kind: .person, text: Scalars.string(s, h.range), range: h.range,
                     value: .person(name: h.name, title: title))
    }
  }

  /// `places` without the short names that are the given name of an official: in
  /// `主任吴德昌` the 德昌 after a title and a surname is a name, not 德昌县. A full name
  /// (德昌县) or a short name with no title before its surname stays a place.
  static func withoutGivenNames(_ s: [Unicode.Scalar], places: [Mention]) -> [Mention] {
    // almost every place stays: find the few to drop, and copy the list only when there are some
    var drop: [Int] = []
    for k in places.indices where !keepsPlace(s, range: places[k].range, text: places[k].text) { drop.append(k) }
    guard !drop.isEmpty else { return places }
    var out: [Mention] = []
    out.reserveCapacity(places.count - drop.count)
    var d = 0
    for k in places.indices {
      if d < drop.count && drop[d] == k { d += 1; continue }
      out.append(places[k])
    }
    return out
  }

  /// Whether the place at `range` (written `text`) stays a place (see `withoutGivenNames`).
  private static func keepsPlace(_ s: [Unicode.Scalar], range: Range<Int>, text: String) -> Bool {
    let p = (range: range, text: text)
    let a = p.range.lowerBound
    guard p.range.count <= 3, a >= 2, a <= s.count else { return true }
    // (the mention's text is the normalised text of its range: its last scalar is read there)
    let lastScalar = p.range.upperBound <= s.count && !p.range.isEmpty ? s[p.range.upperBound - 1] : p.text.unicodeScalars.last
    if let last = lastScalar, divisionEnds.contains(last) { return true }
    // a short name straddling a title's end and a surname: 县长葛明 is no 长葛
    if a + 1 < s.count, Titles.core.matchEnding(s, at: a + 1, maxLength: 6) >= 2, Surnames.length(s, at: a + 1) == 1 { return false }
    // a short name starting with a surname right after a title: 县委书记田东利 is no 田东
    if Titles.core.matchEnding(s, at: a, maxLength: 6) > 0, Surnames.length(s, at: a) == 1,
       p.range.upperBound < s.count, Scalars.isHan(s[p.range.upperBound]),
       !Titles.notInGivenNameBits.contains(s[p.range.upperBound]) { return false }
    for sl in 1...2 where a - sl >= 1 {
      guard Surnames.length(s, at: a - sl) == sl else { continue }
      if Titles.core.matchEnding(s, at: a - sl, maxLength: 6) > 0 { return false }
      // a member of a list of names: 、邹静安、 / 邹静安、金振波等
      let before = s[a - sl - 1]
      let after: Unicode.Scalar = p.range.upperBound < s.count ? s[p.range.upperBound] : "。"
      if before == "、" && (after == "、" || after == "等" || !Scalars.isHan(after)) { return false }
      if after == "、" && !Scalars.isHan(before), sl == 1, p.range.count == 2 { return false }
    }
    return true
  }

  /// Last characters of a full division name (德昌县): such a place is never a given name.
  static let divisionEnds = ScalarBits("省市县区州盟旗镇乡村".unicodeScalars)

  /// First scalars of every word a pass of `hits` starts from: core titles, titles after a
  /// name, 等 and 领(导).
  static let passFirsts = ScalarBits(
    (Array(Titles.core.words) + Array(Titles.afterName.words)).compactMap { $0.unicodeScalars.first } + ["等", "领"])

  /// `passFirsts` as a byte per BMP scalar (all of them are), for the scan on raw buffers: one
  /// byte read per scalar, no bit arithmetic.
  static let passFirstBytes: [UInt8] = {
    var bytes = [UInt8](repeating: 0, count: 0x10000)
    let all: [Unicode.Scalar] = (Array(Titles.core.words) + Array(Titles.afterName.words)).compactMap { $0.unicodeScalars.first } + ["等", "领"]
    for u in all where u.value < 0x10000 { bytes[Int(u.value)] = 1 }
    return bytes
  }()

  /// The first two scalars of every core title and of every title after a name: a position
  /// whose scalar starts a title but whose pair starts none (市 in 市场) is no candidate.
  static let corePairs = PairBloom(Titles.core.words)
  static let afterNamePairs = PairBloom(Titles.afterName.words)

  /// Last words of a title held by several people at once (…常委, …委员, …领导).
  static let sharedTitleEnds = ["常委", "委员", "领导"].map(Scalars.of)

  /// Every person sighting with titles and context, in text order.
  static func hits(in s: [Unicode.Scalar], places: [Mention]) -> [PersonHit] {
    let n = s.count
    guard n > 1 else { return [] }
    // place start for each covered scalar (-1 when none)
    var placeStart = [Int32](repeating: -1, count: n)
    // (ranges read in place: no copy of each mention)
    for pi in places.indices {
      let r = places[pi].range
      guard r.lowerBound >= 0 && r.upperBound <= n else { continue }
      for k in r { placeStart[k] = Int32(r.lowerBound) }
    }
    var out: [PersonHit] = []
    var taken = [Bool](repeating: false, count: n)

    /// 和 is a given-name character (汤和彬, 易和) unless a title or a surname follows it (张国和县长李明).
    func heIsInName(_ k: Int) -> Bool {
      guard s[k] == "和" else { return false }
      guard k + 1 < n else { return true }
      return Titles.core.match(s, at: k + 1) == 0 && Surnames.length(s, at: k + 1) == 0
    }
    func givenOK(_ r: Range<Int>) -> Bool {
      for k in r {
        guard k < n, Scalars.isHan(s[k]), !Titles.notInGivenNameBits.contains(s[k]) || heIsInName(k), placeStart[k] < 0 else { return false }
      }
      return true
    }
    /// A given name bounded by list marks (、 … 等) may hold 和, common in names (朱志和).
    func givenOKInList(_ r: Range<Int>) -> Bool {
      for k in r {
        guard k < n, Scalars.isHan(s[k]), s[k] == "和" || !Titles.notInGivenNameBits.contains(s[k]), placeStart[k] < 0 else { return false }
      }
      return true
    }
    func rightBoundary(_ e: Int) -> Bool {
      if e >= n { return true }
      let c = s[e]
      if !Scalars.isHan(c) { return true }
      return Titles.stops.match(s, at: e) > 0 || Titles.core.match(s, at: e) > 0
    }
    /// Length of a name starting at `e` followed by a boundary, or 0.
    func nameAt(_ e: Int) -> Int {
      let sl = Surnames.length(s, at: e)
      guard sl > 0, placeStart[e] < 0 else { return 0 }
      // 李明一同考察: a two-character name before a two-character stop beats 李明一 before 同
      let short = e + sl + 1
      if short < n, givenOK((e + sl)..<short), Titles.stops.match(s, at: short) >= 2 { return sl + 1 }
      for given in stride(from: 2, through: 1, by: -1) {
        let end = e + sl + given
        guard end <= n, givenOK((e + sl)..<end), rightBoundary(end) else { continue }
        return sl + given
      }
      return 0
    }
    /// Start of the title phrase whose core title starts at `i`.
    func titleStart(_ i: Int) -> Int {
      var j = i
      while j > 0 && i - j < 16 {
        let c = s[j - 1]
        if placeStart[j - 1] >= 0 { j = Int(placeStart[j - 1]); continue }
        guard Scalars.isHan(c), !taken[j - 1] else { break }
        if Titles.stops.matchEnding(s, at: j, maxLength: 4) > 0 && !isUnitChar(c) { break }
        j -= 1
      }
      if i - j >= 16 { return i }
      return j
    }
    func isUnitChar(_ c: Unicode.Scalar) -> Bool {
      c == "委" || c == "会" || c == "府" || c == "协" || c == "部" || c == "局" || c == "区" || c == "县" || c == "市" || c == "省"
    }

    // One pass finds where each of the passes below may fire (a title's first scalar, 等, 领导):
    // each pass then visits those positions only, in the same order it would have reached them.
    var coreStarts: [Int32] = [], afterStarts: [Int32] = [], etcAt: [Int32] = [], leaderAt: [Int32] = []
    // Title scalars (市, 县, 会 …) are common: room for them up front, no regrowth.
    coreStarts.reserveCapacity(n / 8 + 8)
    afterStarts.reserveCapacity(n / 16 + 8)
    do {
      let core = Titles.core, afterName = Titles.afterName, any = passFirsts
      let corePairs = Self.corePairs, afterPairs = Self.afterNamePairs
      let deng = ("等" as Unicode.Scalar).value, ling = ("领" as Unicode.Scalar).value
      var k = 0
      let firstBytes = passFirstBytes
      while k < n {
        // (one bit test per scalar on raw buffers; the few that pass are sorted out below)
        k = s.withUnsafeBufferPointer { t in
          firstBytes.withUnsafeBufferPointer { b in
            var j = k
            while j < n {
              let v = t[j].value
              if v < 0x10000 && b[Int(v)] != 0 { break }
              j &+= 1
            }
            return j
          }
        }
        guard k < n else { break }
        let c = s[k]
        if any.contains(c) {
          // (every title has two scalars or more: no pair, no title)
          let next = k + 1 < n ? s[k + 1] : c
          if core.mayStart(with: c) && k + 1 < n && corePairs.contains(c, next) { coreStarts.append(Int32(k)) }
          if k >= 2 && afterName.mayStart(with: c) && k + 1 < n && afterPairs.contains(c, next) { afterStarts.append(Int32(k)) }
          if c.value == deng && k >= 1 { etcAt.append(Int32(k)) }
          if c.value == ling && k >= 1 && k + 2 < n { leaderAt.append(Int32(k)) }
        }
        k &+= 1
      }
    }
    /// The first candidate at or after `i` (advancing `next` through `list`), or `n`.
    func nextCandidate(_ list: [Int32], _ next: inout Int, from i: Int) -> Int {
      while next < list.count && Int(list[next]) < i { next &+= 1 }
      return next < list.count ? Int(list[next]) : n
    }

    // 1. <title>[、<title>…]<name>
    var i = 0
    var cand = 0
    while i < n {
      i = nextCandidate(coreStarts, &cand, from: i)
      guard i < n else { break }
      let L = Titles.core.match(s, at: i)
      guard L > 0 else { i += 1; continue }
      var e = i + L
      var len = nameAt(e)
      // a PDF space between a title and its name: 市委书记 赵顺福
      if len == 0, e + 1 < n, s[e] == " ", Scalars.isHan(s[e + 1]) { len = nameAt(e + 1); if len > 0 { e += 1 } }
      guard len > 0 else { i += 1; continue }
      // (the titles' words and ranges kept side by side, as `PersonHit` holds them: most names
      // have one title, and the lists are built once, not mapped out of a list of pairs)
      var start = titleStart(i)
      var titleRanges: [Range<Int>] = [start..<e]
      var guardCount = 0
      while start >= 2 && guardCount < 4 {
        var sep = start - 1
        while sep > 0 && s[sep] == " " { sep -= 1 }
        guard s[sep] == "、" || s[sep] == "，" || s[sep] == "," else { break }
        let before = sep
        let cl = Titles.core.matchEnding(s, at: before, maxLength: 6)
        guard cl > 0 else { break }
        let ts = titleStart(before - cl)
        titleRanges.insert(ts..<before, at: 0)
        start = ts
        guardCount += 1
      }
      let nr = e..<(e + len)
      if s[nr.lowerBound - 1] == " " { titleRanges[titleRanges.count - 1] = titleRanges[titleRanges.count - 1].lowerBound..<(nr.lowerBound - 1) }
      let titleWords = titleRanges.map { Scalars.string(s, $0) }
      out.append(PersonHit(name: Scalars.string(s, nr), nameRange: nr, titles: titleWords,
                           titleRanges: titleRanges, range: start..<nr.upperBound, context: .titleBefore))
      for k in start..<nr.upperBound { taken[k] = true }
      i = nr.upperBound
      // names listed after it: 副市长张海燕、王建国、杨丽萍 share a title held by several (副…,
      // …常委, …委员); others (书记, 市长) are one person's, so the names that follow are people
      // without it
      let last = titleWords[titleWords.count - 1]
      let lastRange = titleRanges[titleRanges.count - 1]
      let shared = (!lastRange.isEmpty && s[lastRange.lowerBound] == "副") || sharedTitleEnds.contains { Scalars.hasSuffix(s, lastRange, $0) }
      var p = i
      while p + 1 < n, s[p] == "、", Titles.core.match(s, at: p + 1) == 0, !taken[p + 1] {
        let len = nameAt(p + 1)
        guard len > 0 else { break }
        let r = (p + 1)..<(p + 1 + len)
        if r.upperBound < n, Titles.core.match(s, at: r.upperBound) > 0 || Titles.afterName.match(s, at: r.upperBound) > 0 { break }
        out.append(PersonHit(name: Scalars.string(s, r), nameRange: r, titles: shared ? [last] : [],
                             titleRanges: shared ? [lastRange] : [], range: r, context: .list))
        for k in r { taken[k] = true }
        p = r.upperBound
        i = p
      }
    }

    // 2. <name><title>: 崔绍民书记, 王宏伟同志
    i = 2
    cand = 0
    while i < n {
      i = nextCandidate(afterStarts, &cand, from: i)
      guard i < n else { break }
      let L = Titles.afterName.match(s, at: i)
      guard L > 0, !taken[i] else { i += 1; continue }
      var found: Range<Int>? = nil
      for order in 0..<3 {
        let total = order == 0 ? 3 : (order == 1 ? 2 : 4)
        let st = i - total
        guard st >= 0, !taken[st] else { continue }
        // a longer title covering this one (宣传部长) is no name + title
        var covered = false
        for b in max(0, i - 4)..<i where Titles.core.match(s, at: b) > i - b { covered = true }
        if covered { break }
        let sl = Surnames.length(s, at: st)
        guard sl > 0, total - sl >= 1, total - sl <= 2, givenOK((st + sl)..<i), placeStart[st] < 0 else { continue }
        let leftOK = st == 0 || !Scalars.isHan(s[st - 1]) || Titles.stops.matchEnding(s, at: st, maxLength: 4) > 0
        guard leftOK else { continue }
        found = st..<i
        break
      }
      if let nr = found {
        let word = Scalars.string(s, i..<(i + L))
        let titles = word == "同志" ? [] : [word]
        out.append(PersonHit(name: Scalars.string(s, nr), nameRange: nr, titles: titles,
                             titleRanges: titles.isEmpty ? [] : [i..<(i + L)], range: nr.lowerBound..<(i + L),
                             context: .titleAfter))
        for k in nr.lowerBound..<(i + L) { taken[k] = true }
        i += L
      } else { i += 1 }
    }

    // 3. lists closed by 等…领导: 薛玉马、丁格、孙晓等县四大班子领导
    i = 1
    cand = 0
    while i < n {
      i = nextCandidate(etcAt, &cand, from: i)
      guard i < n else { break }
      guard s[i] == "等" else { i += 1; continue }
      var closer: Range<Int>? = nil
      var k = i + 1
      while k < min(n, i + 10) && (Scalars.isHan(s[k]) || s[k] == " ") {
        let cl = Titles.listClosers.match(s, at: k)
        if cl > 0 {
          // 班子领导: closers that follow one another close together
          var ce = k + cl
          while ce < n, case let more = Titles.listClosers.match(s, at: ce), more > 0 { ce += more }
          closer = (i + 1)..<ce
          break
        }
        k += 1
      }
      guard let closerRange = closer else { i += 1; continue }
      var items: [Range<Int>] = []
      var end = i
      while end > 0 {
        var st = end
        while st > 0 && Scalars.isHan(s[st - 1]) && end - st < 5 { st -= 1 }
        let runIsWhole = st == 0 || !Scalars.isHan(s[st - 1])
        if !(runIsWhole || s[st - 1] == "、") { break }
        if !taken[st] || items.isEmpty { items.insert(st..<end, at: 0) }
        if st > 0 && s[st - 1] == "、" { end = st - 1 } else { break }
      }
      var good: [Range<Int>] = []
      var withSurname = 0
      for r in items {
        let sl = Surnames.length(s, at: r.lowerBound)
        let maxLen = sl == 2 ? 4 : 3
        guard r.count >= 2, r.count <= maxLen, givenOKInList((r.lowerBound + max(sl, 1))..<r.upperBound),
              placeStart[r.lowerBound] < 0 else { continue }
        if sl > 0 { withSurname += 1 }
        good.append(r)
      }
      if !good.isEmpty && withSurname * 2 >= good.count && (good.count >= 2 || withSurname == 1) && good.count == items.count {
        let closerText = String(String.UnicodeScalarView(s[closerRange].filter { $0 != " " }))
        for r in good where !taken[r.lowerBound] {
          out.append(PersonHit(name: Scalars.string(s, r), nameRange: r, titles: [closerText], titleRanges: [], range: r,
                               context: .list, listCloser: closerText))
          for q in r { taken[q] = true }
        }
      }
      i += 1
    }

    // 3b. lists opened by a body of leaders: 市领导许文斌、曹慧敏参加会议
    i = 1
    cand = 0
    while i + 2 < n {
      i = nextCandidate(leaderAt, &cand, from: i)
      guard i + 2 < n else { break }
      guard s[i] == "领", s[i + 1] == "导", "省市县区乡镇".unicodeScalars.contains(s[i - 1]), !taken[i + 2] else { i += 1; continue }
      let closerText = Scalars.string(s, (i - 1)..<(i + 2))
      var p = i + 2
      var found: [Range<Int>] = []
      while p < n, !taken[p] {
        let len = nameAt(p)
        guard len > 0 else { break }
        found.append(p..<(p + len))
        p += len
        guard p < n, s[p] == "、" else { break }
        p += 1
      }
      for r in found {
        out.append(PersonHit(name: Scalars.string(s, r), nameRange: r, titles: [closerText], titleRanges: [], range: r,
                             context: .list, listCloser: closerText))
        for q in r { taken[q] = true }
      }
      i = max(i + 1, p)
    }

    // 4. later mentions of names already found (王宏伟在主持会议时说)
    let known = KnownNames(out.map(\.nameRange), in: s)
    i = out.isEmpty ? n : 0
    while i < n {
      i = s.withUnsafeBufferPointer { known.nextCandidate($0, from: i) }
      guard i < n else { break }
      let L = known.match(s, at: i)
      guard L > 0 else { i += 1; continue }
      let r = i..<(i + L)
      // (a loop, not `allSatisfy`: a closure reading `taken` pays an exclusivity check per call)
      var free = true
      for q in r where taken[q] || placeStart[q] >= 0 { free = false; break }
      if free && (L >= 3 || rightBoundary(i + L)) {
        out.append(PersonHit(name: Scalars.string(s, r), nameRange: r, titles: [], titleRanges: [], range: r, context: .known))
        for q in r { taken[q] = true }
      }
      i += L
    }
    out.sort { $0.range.lowerBound < $1.range.lowerBound }
    return out
  }
}

/// The names found in one text, matched again by longest name at a position: a few names per
/// document, so a bitset of first scalars and a short list beat a hashed word list.
struct KnownNames {
  /// One range of the text per distinct name, longest first.
  private var names: [Range<Int>] = []
  /// A bit per first scalar (its low six bits): most positions fail this test.
  private var firsts: UInt64 = 0

  init(_ ranges: [Range<Int>], in s: [Unicode.Scalar]) {
    for r in ranges where !r.isEmpty && r.lowerBound >= 0 && r.upperBound <= s.count {
      if !names.contains(where: { $0.count == r.count && s[$0] == s[r] }) { names.append(r) }
    }
    names.sort { $0.count > $1.count }
    for r in names { firsts |= 1 << UInt64(s[r.lowerBound].value & 63) }
  }

  /// The first position at or after `i` whose scalar may start a name (`t.count` if none).
  func nextCandidate(_ t: UnsafeBufferPointer<Unicode.Scalar>, from i: Int) -> Int {
    var j = i
    while j < t.count && firsts & (1 << UInt64(t[j].value & 63)) == 0 { j &+= 1 }
    return j
  }

  /// Length of the longest name starting at `i`, or 0.
  @inline(__always) func match(_ s: [Unicode.Scalar], at i: Int) -> Int {
    guard i >= 0, i < s.count else { return 0 }
    let c = s[i]
    guard firsts & (1 << UInt64(c.value & 63)) != 0 else { return 0 }
    for r in names where s[r.lowerBound] == c && i + r.count <= s.count && s[r] == s[i..<(i + r.count)] { return r.count }
    return 0
  }
}

/// Pairs of scalars (the first two of some words) hashed to 4096 bits: `contains` is false
/// for every pair that starts none of the words, true for those that do (and a few others).
struct PairBloom: Sendable {
  private var bits = [UInt64](repeating: 0, count: 64)

  init<S: Sequence<String>>(_ words: S) {
    for w in words {
      let sc = Array(w.unicodeScalars)
      guard sc.count >= 2 else {
        // a word of one scalar starts at any pair beginning with it: every pair passes
        bits = [UInt64](repeating: ~0, count: 64)
        return
      }
      let h = Self.hash(sc[0], sc[1])
      bits[h >> 6] |= 1 << UInt64(h & 63)
    }
  }

  @inline(__always)
  static func hash(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Int {
    Int(((a.value &* 0x9E37_79B1) ^ (b.value &* 0x85EB_CA77)) >> 20)
  }

  @inline(__always)
  func contains(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
    let h = Self.hash(a, b)
    return bits[h >> 6] & (1 << UInt64(h & 63)) != 0
  }
}
