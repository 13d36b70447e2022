import NewsFacts

/// Meetings: a meeting noun (推进会, 座谈会, 党代会, 会议 …) tied to a trigger (召开, 举行,
/// 举办, 闭幕 …) or a numbered meeting (市第五次党代会). A meeting mentioned only as the
/// source of 精神 to study is not one the text reports.
extension DocumentContext {
  static let heads = WordList([
    "推进会", "座谈会", "党代会", "两会", "常委会", "常委会会议", "大会", "动员会", "部署会", "调度会", "现场会",
    "观摩会", "培训会", "研讨会", "交流会", "总结会", "联席会议", "办公会", "协调会", "见面会", "发布会",
    "推介会", "洽谈会", "报告会", "评审会", "论坛", "全会", "会议", "观摩活动", "务虚会", "恳谈会", "联欢会",
    "表彰会", "誓师会", "启动会", "通报会", "会商会", "议事会", "代表大会", "人代会", "开工活动", "签约活动",
    "签约仪式", "开工仪式", "竣工仪式", "揭牌仪式", "分析会", "汇报会", "点评会", "讲评会", "对接会", "碰头会", "例会",
    "专题会", "约谈会", "听证会", "征求意见会", "述职会", "评议会", "分析会议", "调度会议", "推进会议",
  ])
  /// Words that make a generic head (会议, 大会) a kind of its own: 经济工作会议, 干部大会.
  static let kindQualifiers = WordList([
    "经济工作", "农村工作", "工作", "总结", "常务", "专题", "全体", "调度", "部署", "动员", "表彰", "干部", "党员",
    "职工", "誓师", "庆祝", "纪念", "领导小组", "联席", "推进",
  ])
  static let triggersAfter = WordSet(["召开", "举行", "举办", "开幕", "闭幕", "隆重召开", "隆重举行", "胜利闭幕", "胜利召开"])
  static let triggersBefore = WordList(["召开", "举行", "举办", "召开了", "举行了", "举办了", "主持召开", "组织召开", "闭幕的", "召开的", "举行的"])
  static let nameStops = WordList([
    "召开", "举行", "举办", "参加", "出席", "传达", "学习", "贯彻", "聚焦", "落实", "围绕", "在", "的", "了", "并",
    "主持", "就", "对", "为", "将", "向", "于", "随即", "观看", "收听", "收看",
  ])
  /// Last words of a building where a meeting is held.
  static let venueEnds = ["中心", "会议室", "礼堂", "会堂", "大厦", "宾馆", "酒店", "广场", "会议厅", "报告厅", "多功能厅",
                          "会议中心", "大楼", "体育馆", "剧院"].map(Scalars.of)
  static let attendWords = WordSet(["出席", "参加", "列席", "收听收看", "参会", "与会"])
  static let presideWord = Scalars.of("主持")
  static let presideConvene = Scalars.of("主持召开")
  static let byWord = Scalars.of("由")
  static let partyCongressSuffix = Scalars.of("党代表大会")
  static let meetingWord = Scalars.of("会议")
  static let congressWord = Scalars.of("大会")
  static let standingMeetingWord = Scalars.of("常委会会议")
  static let representativesWord = Scalars.of("代表大会")

  /// Whether `s[r]` is exactly `word`.
  @inline(__always)
  func isWord(_ r: Range<Int>, _ word: [Unicode.Scalar]) -> Bool {
    r.count == word.count && Scalars.has(s, at: r.lowerBound, word)
  }
  /// Kinds a numbered name (第五次, 第十届) makes a meeting without a trigger.
  static let numberedKinds = ["党代会", "大会", "全会", "人代会", "两会"]
  /// Kinds whose bare name is a meeting of its own (两会), not a generic word.
  static let namedKinds = ["两会", "党代会", "常委会"]
  static let scopeWords = ["全省", "全市", "全县", "全区", "我县", "我市", "我区", "本县", "本市"].map(Scalars.of)

  struct MeetingDraft {
    var name: String
    var kind: String
    var date: FactDate?
    var dateFromSentence: Bool
    var loc: Loc
    var venue: String?
    var host: String?
    var attendees: [String]
    var sentence: Range<Int>
    var article: Int
    var isHeading: Bool
    var extraSources: [Range<Int>] = []
    var extraArticles: [Int] = []
  }

  /// Start of a meeting name whose head noun starts at `hs`: left over the words of the name,
  /// through quotes, up to a clause break, a trigger or a verb.
  func meetingNameStart(_ hs: Int, floor: Int, ends: MentionEnds) -> Int {
    var j = hs
    var inQuote = false
    while j > floor && hs - j < 40 {
      let c = s[j - 1]
      if Scalars.isQuote(c) {
        if c == "\"" || c == "'" { inQuote.toggle() }
        else if c == "”" || c == "’" || c == "」" || c == "』" || c == "》" { inQuote = true }
        else { inQuote = false }
        j -= 1; continue
      }
      if inQuote { j -= 1; continue }
      if !(Scalars.isHan(c) || Scalars.isDigit(c) || (c.value >= 0x41 && c.value <= 0x7A)) { break }
      // a year or a quarter belongs to the name (2024年重点项目建设推进会); a day does not
      if let t = ends.time(endingAt: j, in: times), let sp = Self.span(t) {
        guard sp.from != sp.to, sp.from.year != nil, t.range.lowerBound >= floor else { break }
        j = t.range.lowerBound; continue
      }
      if !times(in: (j - 1)..<j).isEmpty { break }
      if Self.nameStops.matchEnding(s, at: j, maxLength: 4) > 0 { break }
      if ends.personEnds(at: j) { break }
      j -= 1
    }
    // a name does not start with an opening quote's partner left unclosed, nor with 、
    while j < hs && (s[j] == "、" || s[j] == "，") { j += 1 }
    return j
  }

  func meetingDrafts() -> [MeetingDraft] {
    var drafts: [MeetingDraft] = []
    let ends = MentionEnds(times: times, people: people, count: s.count)
    let heads = Self.heads
    for a in articles {
      for (si, sent) in a.sentences.enumerated() {
        let r = sent.range
        var e = r.lowerBound + 1
        while e <= r.upperBound {
          // (no head ends with the scalar before: the next position)
          e = ScanFlags.next(ScanFlags.meetingHeadLast, in: flags, from: e - 1, to: r.upperBound) + 1
          guard e <= r.upperBound else { break }
          let L = heads.matchEnding(s, at: e, maxLength: 6)
          // the head must end the noun: 会议精神 is a reference, 会议室 a room
          guard L > 0, e == r.upperBound || heads.match(s, at: e) == 0 else { e += 1; continue }
          if e < r.upperBound, s[e] == "室" || s[e] == "厅" || s[e] == "场" { e += 1; continue }
          let hs = e - L
          var start = meetingNameStart(hs, floor: r.lowerBound, ends: ends)
          var nameEnd = e
          // a quoted name: 举办“中国（德阳）—德国装备制造合作推介会”
          if e < r.upperBound, s[e] == "”" || s[e] == "》" || s[e] == "」" {
            let open: Unicode.Scalar = s[e] == "”" ? "“" : (s[e] == "》" ? "《" : "「")
            var q = hs - 1
            while q > max(r.lowerBound, hs - 40) && s[q] != open && s[q] != s[e] { q -= 1 }
            if q >= r.lowerBound, s[q] == open {
              start = q + 1
              nameEnd = e + 1
            }
          }
          // trigger after: X召开 / X在Y召开
          var after = false
          var venue: String? = nil
          var venueRef: PlaceRef? = nil
          var k = nameEnd
          if k < r.upperBound && s[k] == "在" {
            var q = k + 1
            while q < min(r.upperBound, k + 14) && Scalars.isHan(s[q]) && !Self.triggersAfter.starts(s, at: q) { q += 1 }
            if let pm = places(in: (k + 1)..<q).first, let p = Self.ref(pm) { venue = p.name; venueRef = p }
            // a building as written: 在市政务服务中心举行, 在县委大礼堂召开
            else if q > k + 2, Self.triggersAfter.starts(s, at: q), Self.venueEnds.contains(where: { Scalars.hasEnding(s, at: q, $0) }) {
              venue = text((k + 1)..<q)
            }
            k = q
          }
          if Self.triggersAfter.starts(s, at: k) { after = true }
          let before = Self.triggersBefore.matchEnding(s, at: nameEnd > e ? start - 1 : start, maxLength: 4) > 0
          let nameRange = start..<e
          let mayBeNumbered = nameRange.contains { s[$0] == "第" } && nameRange.contains { s[$0] == "次" || s[$0] == "届" }
          // (no trigger and no number: no meeting, whatever its kind; its strings are not made)
          guard after || before || mayBeNumbered else { e += 1; continue }
          let name = text(start..<e)
          // (the kind decided on the scalars and its string made once: `String`'s `==`
          // normalises Chinese text before it answers)
          var kindRange = hs..<e
          if isWord(kindRange, Self.meetingWord) || isWord(kindRange, Self.congressWord) {
            let qL = Self.kindQualifiers.matchEnding(s, at: hs, maxLength: 4)
            if qL > 0 && hs - qL >= start { kindRange = (hs - qL)..<e }
          }
          var kind: String
          if isWord(kindRange, Self.standingMeetingWord) { kind = "常委会" }
          else if isWord(kindRange, Self.representativesWord) { kind = "大会" }
          else { kind = text(kindRange) }
          if Scalars.hasSuffix(s, start..<e, Self.partyCongressSuffix) && kind.unicodeScalars.count >= 5 { kind = "党代会" }
          let numbered = mayBeNumbered && Self.numberedKinds.contains { Scalars.sameBytes($0, kind) }
          let generic = nameRange.count <= L && !Self.namedKinds.contains { Scalars.sameBytes($0, kind) }
          guard (after || before || numbered), !generic else { e += 1; continue }
          // date
          var date: FactDate? = nil
          var fromSentence = false
          let outside = times(in: r).filter { $0.range.upperBound <= start || $0.range.lowerBound >= e }
          let dayFirst = outside.first { Self.span($0).map { $0.from == $0.to } ?? false }
          if let t = dayFirst ?? outside.first(where: { Self.span($0).map { $0.from.month > 0 } ?? false }), let sp = Self.span(t),
             !(sp.from.month == 1 && sp.from.day == 1 && sp.to.month == 12 && sp.to.day == 31) {
            date = sp.from; fromSentence = true
          } else if sent.isHeading, let first = a.sentences.first(where: { !$0.isHeading }),
                    let t = times(in: first.range).first, let sp = Self.span(t), sp.from.day > 0,
                    !(sp.from.month == 1 && sp.from.day == 1 && sp.to.month == 12) {
            date = sp.from
          }
          date = date.map { fillYear($0, article: a) } ?? inheritedDay(for: sent, in: a)
          // place: a place in or before the name, scoped by 全省/全市 …
          var loc = a.loc
          if let p = Self.mostSpecific(places(in: r.lowerBound..<e)) { loc = Loc(p) }
          if !nameRange.isEmpty {
            let f = s[start]
            let second: Unicode.Scalar? = nameRange.count > 1 ? s[start + 1] : nil
            let scope: Unicode.Scalar? = (f == "全" || f == "我" || f == "本") ? second : f
            if places(in: start..<(start + 1)).isEmpty {
              switch scope {
              case "省"?: loc = a.loc.truncated(to: .province)
              case "市"?: loc = a.loc.truncated(to: .city)
              default: break
              }
            }
          }
          // held in a county inside the meeting's area: that is where it was (a city venue is often
          // just the seat of a provincial meeting, which stays provincial)
          if let v = venueRef, v.level == .county {
            let vl = Loc(v)
            if (loc.province == nil || loc.province == vl.province) && (loc.city == nil || loc.city == vl.city) && (loc.county == nil || loc.county == vl.county) {
              loc = vl
            }
          }
          // host and attendees: this sentence and the next two that report no meeting of their own
          var host: String? = nil
          var attendees: [String] = []
          var q = si
          while q < a.sentences.count && q <= si + 2 {
            let sr = a.sentences[q].range
            if q > si && (Self.triggersAfter.occurs(in: s, sr) || a.sentences[q].isHeading) { break }
            for h in people(in: sr) {
              let pe = h.range.upperBound
              if Scalars.has(s, at: pe, Self.presideWord) && (q > si || pe >= e || Scalars.has(s, at: pe, Self.presideConvene)) {
                if host == nil { host = h.name }
                continue
              }
              if pe >= 1, Scalars.hasEnding(s, at: h.range.lowerBound, Self.byWord),
                 Scalars.find(s, Self.presideWord, from: pe, to: min(sr.upperBound, pe + 4)) != nil {
                if host == nil { host = h.name }
                continue
              }
              // attendance word later in the same sentence, not past the next meeting name
              let later = pe..<sr.upperBound
              if Self.attendWords.occurs(in: s, later) && (q > si || pe >= start - 40) {
                // (names compared by bytes: `String`'s `==` normalises unequal Chinese text first)
                if !attendees.contains(where: { Scalars.sameBytes($0, h.name) }) { attendees.append(h.name) }
              }
            }
            q += 1
          }
          if let host { attendees.removeAll { Scalars.sameBytes($0, host) } }
          drafts.append(MeetingDraft(name: name, kind: kind, date: date, dateFromSentence: fromSentence, loc: loc,
                                     venue: venue, host: host, attendees: attendees, sentence: r, article: a.number,
                                     isHeading: sent.isHeading))
          e += 1
        }
      }
    }
    return drafts
  }

  /// A meeting name without its scope words (全区, 我县, a place): what repeats between a
  /// headline and its story.
  /// (The first place mentioned in the document whose text starts the name is removed: the
  /// mentions are read in place, no list of their texts is made.)
  func meetingCore(_ name: String) -> [Unicode.Scalar] {
    var sc = Array(name.unicodeScalars)
    for w in Self.scopeWords where sc.starts(with: w) {
      sc.removeFirst(w.count); break
    }
    for k in places.indices {
      let p = places[k].text.unicodeScalars
      if sc.starts(with: p) { sc.removeFirst(p.count); break }
    }
    return sc
  }

  /// Whether `a` ends with `b` (scalar by scalar).
  static func ends(_ a: [Unicode.Scalar], with b: [Unicode.Scalar]) -> Bool {
    guard a.count >= b.count else { return false }
    let d = a.count - b.count
    for k in 0..<b.count where a[d + k] != b[k] { return false }
    return true
  }

  func meetings() -> [Fact] {
    var merged: [MeetingDraft] = []
    var cores: [[Unicode.Scalar]] = []  // meetingCore of each merged name
    let drafts = meetingDrafts()
    guard !drafts.isEmpty else { return [] }
    for d in drafts {
      let core = meetingCore(d.name)
      let exact = merged.indices.first { k in let m = merged[k]; return m.kind == d.kind && cores[k] == core && m.loc.province == d.loc.province }
      let loose = merged.indices.first { k in
        let m = merged[k]
        let mc = cores[k]
        // a headline's date is borrowed from the story's first sentence: it never blocks a merge
        let datesAgree = m.date == nil || d.date == nil || m.date == d.date || !m.dateFromSentence || !d.dateFromSentence
        return m.kind == d.kind && (Self.ends(mc, with: core) || Self.ends(core, with: mc)) && datesAgree && m.loc.province == d.loc.province
      }
      if let i = exact ?? loose {
        var m = merged[i]
        if d.name.unicodeScalars.count > m.name.unicodeScalars.count { m.name = d.name }
        if m.date == nil || (!m.dateFromSentence && d.dateFromSentence) { m.date = d.date ?? m.date; m.dateFromSentence = d.dateFromSentence }
        if m.venue == nil { m.venue = d.venue }
        if m.host == nil { m.host = d.host }
        for x in d.attendees where !m.attendees.contains(where: { Scalars.sameBytes($0, x) }) && !Scalars.sameBytes(x, m.host) {
          m.attendees.append(x)
        }
        if m.isHeading && !d.isHeading {
          m.extraSources.insert(m.sentence, at: 0); m.extraArticles.insert(m.article, at: 0)
          m.sentence = d.sentence; m.article = d.article; m.isHeading = false
        } else {
          m.extraSources.append(d.sentence); m.extraArticles.append(d.article)
        }
        merged[i] = m
        cores[i] = meetingCore(m.name)
      } else {
        merged.append(d)
        cores.append(core)
      }
    }
    return merged.map { m in
      var f = Fact(.meeting)
      f[.name] = .text(m.name)
      f[.kind] = .text(m.kind)
      if let d = m.date { f[.date] = .date(d) }
      m.loc.write(into: &f)
      if let v = m.venue { f[.venue] = .text(v) }
      if let h = m.host { f[.host] = .text(h) }
      if !m.attendees.isEmpty { f[.attendees] = .list(m.attendees) }
      provenance(m.sentence, article: m.article, into: &f)
      for (r, art) in zip(m.extraSources, m.extraArticles) {
        let o = norm.originalRange(r)
        f.moreSources.append(Source(doc: path, article: Int64(art), evidence: originalString(o), span: o))
      }
      return f
    }
  }
}

/// Which mentions end where, looked up by position instead of by scanning the lists.
struct MentionEnds {
  /// Per end offset: bit 0 set when a person's name (with its titles) ends there, and above it
  /// one more than the index of the first time mention ending there (0: none). One table, not
  /// one per kind: a document's tables cost more to allocate than to fill.
  private var at: [Int32]

  init(times: [Mention], people: [PersonHit], count n: Int) {
    at = [Int32](repeating: 0, count: n + 1)
    for k in times.indices.reversed() {
      let e = times[k].range.upperBound
      guard e >= 0 && e <= n else { continue }
      at[e] = (at[e] & 1) | (Int32(k + 1) << 1)
    }
    for p in people where p.range.upperBound >= 0 && p.range.upperBound <= n { at[p.range.upperBound] |= 1 }
  }

  func time(endingAt j: Int, in times: [Mention]) -> Mention? {
    guard j >= 0, j < at.count else { return nil }
    let k = Int(at[j] >> 1) - 1
    guard k >= 0, k < times.count else { return nil }
    return times[k]
  }

  func personEnds(at j: Int) -> Bool { j >= 0 && j < at.count && at[j] & 1 != 0 }
}
