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
