@testable import NewsExtract
import NewsFacts
import Testing

/// The helpers the fact rules use instead of `String` hashing, comparison and re-encoding.
@Suite struct RuleHelpersTests {
  @Test func evidenceIsTheOriginalTextOfAScalarRange() {
    let text = "本报讯（记者 李晓琳）é𠀀 a\u{301}，会议召开。\r\n第二段"
    let ctx = DocumentContext(path: "x.txt", text: text)
    let scalars = Array(text.unicodeScalars)
    // (ranges may split a character: a + combining accent, \r\n)
    for r in [0..<3, 4..<6, 10..<14, 14..<15, 15..<17, 21..<23, 22..<24, 12..<scalars.count, 0..<scalars.count, 5..<5] {
      #expect(ctx.originalString(r) == Scalars.string(scalars, r))
    }
    // clamped like `Scalars.string`
    #expect(ctx.originalString(20..<999) == Scalars.string(scalars, 20..<999))
    #expect(ctx.originalString(999..<1000) == "")
  }

  @Test func wordListReportsTheLongestWordAndItsPlaceInTheList() {
    let w = WordList(["生产总值", "GDP", "地区生产总值", "生产总值", "地区"])
    let s = Array("全县地区生产总值达".unicodeScalars)
    let hit = w.matchWithIndex(s, at: 2)
    #expect(hit?.length == 6 && hit?.index == 2)
    #expect(w.matchWithIndex(s, at: 4)?.index == 0)  // a word listed twice keeps its first place
    #expect(w.matchWithIndex(s, at: 0) == nil)
    #expect(w.matchWithIndex(s, at: 99) == nil)
  }

  /// A text of the scalars the word lists below start and end with, mixed with others, so the
  /// scans meet many near misses.
  static func mixedText(_ seed: UInt64, count: Int) -> [Unicode.Scalar] {
    let pool = Array("调研考察观摩参观对接学习出访访问检查全市我县市委县政府召开大会会议推进会项目工程等，。、在到赴和a1".unicodeScalars)
    var x = seed
    return (0..<count).map { _ in
      x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return pool[Int((x >> 33) % UInt64(pool.count))]
    }
  }

  @Test func wordSetsAnswerAsAPlainScanOfTheList() {
    let list = ["考察", "调研", "观摩", "参观", "学习", "对接", "出访", "访问", "检查", "经贸交流", "考", "全市"]
    let set = WordSet(list)
    let words = list.map { Array($0.unicodeScalars) }
    for seed in 1...20 {
      let s = Self.mixedText(UInt64(seed), count: 200)
      for i in -1...s.count {
        // the first word of the list (in list order) that starts at i
        let plain = words.first { w in i >= 0 && i + w.count <= s.count && Array(s[i..<(i + w.count)]) == w }
        #expect(set.first(s, at: i) == plain)
      }
      for (a, b) in [(0, 200), (5, 9), (17, 18), (40, 120), (199, 200), (30, 30)] {
        let plain = (a..<b).contains { i in words.contains { w in i + w.count <= b && Array(s[i..<(i + w.count)]) == w } }
        #expect(set.occurs(in: s, a..<b) == plain)
      }
    }
  }

  @Test func wordListEndingsAreTheLongestWordEndingThere() {
    let list = ["推进会", "会议", "大会", "代表大会", "常委会会议", "会", "推进会议"]
    let wl = WordList(list)
    let words = list.map { Array($0.unicodeScalars) }
    for seed in 1...20 {
      let s = Self.mixedText(UInt64(seed) &* 77, count: 200)
      for end in 0...(s.count + 1) {
        for maxLength in [2, 4, 6] {
          let plain = words.filter { w in w.count <= maxLength && end <= s.count && end - w.count >= 0
            && Array(s[(end - w.count)..<end]) == w }.map(\.count).max() ?? 0
          #expect(wl.matchEnding(s, at: end, maxLength: maxLength) == plain)
        }
      }
    }
  }

  @Test func scanFlagsSkipOnlyPositionsNoListStartsAt() {
    for seed in 1...10 {
      let s = Self.mixedText(UInt64(seed) &* 31, count: 300)
      let text = String(String.UnicodeScalarView(s))
      let ctx = DocumentContext(path: "f.txt", text: text)
      #expect(ctx.flags.count == ctx.s.count)
      for i in ctx.s.indices {
        if DocumentContext.visitVerbs.starts(ctx.s, at: i) { #expect(ctx.flags[i] & ScanFlags.visitVerb != 0) }
        if DocumentContext.projectLeads.starts(ctx.s, at: i) { #expect(ctx.flags[i] & ScanFlags.projectLead != 0) }
        if DocumentContext.indicatorList.match(ctx.s, at: i) > 0 { #expect(ctx.flags[i] & ScanFlags.indicator != 0) }
        if DocumentContext.heads.matchEnding(ctx.s, at: i + 1) > 0 { #expect(ctx.flags[i] & ScanFlags.meetingHeadLast != 0) }
      }
      for (a, b) in [(0, ctx.s.count), (3, 40), (100, 101), (250, 300)] where b <= ctx.s.count {
        #expect(ctx.hasVisitVerb(in: a..<b) == DocumentContext.visitVerbs.occurs(in: ctx.s, a..<b))
        // the next flagged position: none skipped, none before it
        let n = ScanFlags.next(ScanFlags.visitVerb, in: ctx.flags, from: a, to: b)
        #expect(n == ((a..<b).first { ctx.flags[$0] & ScanFlags.visitVerb != 0 } ?? b))
      }
    }
  }

  @Test func utf8KeysAreEqualExactlyWhenTheBytesAre() {
    #expect(Utf8Key("尧都区") == Utf8Key(String("临汾市尧都区".unicodeScalars.dropFirst(3))))
    #expect(Utf8Key("尧都区") != Utf8Key("尧都"))
    #expect(Utf8Key("尧都区") != Utf8Key("尧都县"))
    var seen: Set<Utf8Key> = []
    for w in ["临汾市", "尧都区", "临汾市", "ab", "ab"] { seen.insert(Utf8Key(w)) }
    #expect(seen.count == 3)
    #expect(Scalars.sameBytes(nil, nil) && !Scalars.sameBytes("a", nil) && Scalars.sameBytes("县", "县"))
  }

  @Test func placeKeysTellPlacesApartByEveryField() {
    let a = PlaceRef(name: "尧都区", level: .county, code: "141002", country: "中国", province: "山西省", city: "临汾市")
    var b = a
    #expect(PlaceKey(ref: a) == PlaceKey(ref: b))
    b.city = "太原市"
    #expect(PlaceKey(ref: a) != PlaceKey(ref: b))
    var c = a
    c.level = .city
    #expect(PlaceKey(ref: a) != PlaceKey(ref: c))
    let table: [PlaceKey: Int] = [PlaceKey(ref: a): 1, PlaceKey(ref: b): 2]
    #expect(table[PlaceKey(ref: a)] == 1 && table[PlaceKey(ref: b)] == 2 && table[PlaceKey(ref: c)] == nil)
  }

  @Test func knownNamesMatchTheLongestNameAtAPosition() {
    let s = Array("欧阳明远、王宏伟主持，王宏在，欧阳明远说".unicodeScalars)
    let known = KnownNames([0..<4, 5..<8, 5..<7, 0..<4], in: s)
    #expect(known.match(s, at: 5) == 3)  // 王宏伟 over 王宏
    #expect(known.match(s, at: 11) == 2)  // 王宏 alone
    #expect(known.match(s, at: 15) == 4)
    #expect(known.match(s, at: 8) == 0)
    #expect(KnownNames([], in: s).match(s, at: 0) == 0)
  }
}
