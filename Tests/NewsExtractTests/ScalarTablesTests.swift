@testable import NewsExtract
import Testing

/// The hash-free tables the recognisers use in their inner loops.
@Suite struct ScalarTablesTests {
  @Test func slotsNumberScalarsInOrderAndGrow() {
    var t = ScalarSlots(capacity: 2)
    let text = Array("县市区乡镇村街道园社省州盟旗abcXYZ0123456789".unicodeScalars)
    for (k, c) in text.enumerated() { #expect(t.slot(inserting: c) == Int32(k)) }
    #expect(t.count == text.count)
    for (k, c) in text.enumerated() { #expect(t.slot(c) == Int32(k)) }
    #expect(t.slot("龙") == -1)
    #expect(t.slot(inserting: "县") == 0)  // known scalars keep their slot
  }

  @Test func wordListTakesTheLongestWordAtBothEnds() {
    let w = WordList(["会议", "常委会会议", "常委会", "大会"])
    let s = Array("召开常委会会议".unicodeScalars)
    #expect(w.match(s, at: 2) == 5)
    #expect(w.matchEnding(s, at: 7) == 5)
    #expect(w.matchEnding(s, at: 7, maxLength: 4) == 2)
    #expect(w.matches(s, at: 2, length: 3))
    #expect(w.match(s, at: 0) == 0)
    #expect(w.match(s, at: 99) == 0)
  }

  @Test func wordListEndingMatchesAgreeWithComparingEveryWord() {
    // words of one, two and more scalars sharing last scalars (会, 议), so the keyed
    // rejection meets every case, including ends at the first two positions
    let list = ["会", "大会", "全会", "常委会", "代表大会", "会议", "常委会会议", "议", "协议", "社会", "会会"]
    let w = WordList(list)
    let words = list.map { Array($0.unicodeScalars) }
    let s = Array("会议大会社会常委会会议召开全会协议代表大会会会议".unicodeScalars)
    for maxLength in [1, 2, 3, 8] {
      for end in 0...s.count {
        var expected = 0
        for x in words where x.count <= maxLength && x.count <= end && x.count > expected
          && Array(s[(end - x.count)..<end]) == x {
          expected = x.count
        }
        #expect(w.matchEnding(s, at: end, maxLength: maxLength) == expected, "end \(end), maxLength \(maxLength)")
      }
    }
  }

  @Test func scalarRangeIndexFindsTextsByTheirScalarsPastItsShortList() {
    // 40 distinct two-scalar texts, each written twice: the second copy finds the first's
    // number, before and after the index switches from its short list to its hash table
    let han = Array("甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉".unicodeScalars)
    var s: [Unicode.Scalar] = []
    var firsts: [Range<Int>] = []
    for k in 0..<40 {
      firsts.append(s.count..<(s.count + 2))
      s += [han[k % 20], han[(k / 20 + k) % 20]]
    }
    let copies = s.count
    s += s
    var index = ScalarRangeIndex()
    for (k, r) in firsts.enumerated() {
      #expect(index.find(s, r) == nil)
      index.add(s, r)
      #expect(index.count == k + 1)
      #expect(index.find(s, (r.lowerBound + copies)..<(r.upperBound + copies)) == k)
    }
    for (k, r) in firsts.enumerated() { #expect(index.find(s, (r.lowerBound + copies)..<(r.upperBound + copies)) == k) }
    #expect(index.find(s, 0..<1) == nil)  // a prefix of a text is another text
    #expect(index.find(s, 0..<3) == nil)
  }

  @Test func wordSetFindsWordsInsideARangeOnly() {
    let v = WordSet(["考察", "经贸交流"])
    let s = Array("赴德国经贸交流考察".unicodeScalars)
    #expect(v.occurs(in: s, 0..<9))
    #expect(v.occurs(in: s, 3..<7))
    #expect(!v.occurs(in: s, 3..<6))  // 经贸交 cut short
    #expect(v.first(s, at: 7) == Array("考察".unicodeScalars))
    #expect(!v.starts(s, at: 8))
  }

  @Test func lexiconLongestPrefersLongerThenEarlierWords() {
    let words = Lexicon.words(["元", "元人民币", "人民币", "元钱"])
    let s = Array("5万元人民币".unicodeScalars)
    let m = Lexicon.longest(s, at: 2, words)
    #expect(m?.end == 6 && m?.index == 1)
    #expect(Lexicon.longest(Array("5万元".unicodeScalars), at: 2, words)?.index == 0)
    #expect(Lexicon.longest(s, at: 0, words) == nil)
  }

  @Test func decodeMatchesTheStringsScalars() {
    let text = "本报讯 2024年3月13日，é𠀀 a\u{301}"
    #expect(Scalars.decode(text) == Array(text.unicodeScalars))
    #expect(Scalars.decode("").isEmpty)
  }
}
