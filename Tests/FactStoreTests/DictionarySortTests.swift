import Testing
import NewsText
@testable import FactStore

/// `DictionaryBuilder.sort`: the committed dictionary holds the distinct values in
/// `TextDictionary.before` order with their folded forms, also for long texts that share a long
/// beginning and differ late (in pinyin, tone, code point, case, or by an override phrase), in
/// one commit or several.
@Suite struct DictionarySortTests {
  /// Long and short texts that agree on many leading scalars and differ late: in pinyin, in
  /// tone only, in code point only (traditional / simplified), in case, and by an override
  /// phrase (重庆, 长沙县, 厦门) that starts just before, at or after the 16th scalar.
  static func texts() -> [String] {
    let stems = ["", "会议指出", "山西省临汾市人民政府召开常务会议研究部署", "ＧＤＰ同比增长", "Ab", "ab",
                 "北京市发展和改革委员会关于印发通知", "北京市發展和改革委員會關於印發通知"]
    let tails = ["", "重庆", "重慶", "重要", "长沙县", "长大", "厦门", "大厦", "A", "a", "。", "妈", "马", "骂",
                 "臨汾", "临汾", "𠀀", "1", "１"]
    var out: [String] = []
    for s in stems {
      for t in tails {
        out.append(s + t)
        out.append(s + t + "召开会议")
        // pad so the tail starts at scalar 13…18
        for pad in 0..<6 {
          let filler = String(repeating: "发", count: max(0, 13 + pad - s.unicodeScalars.count))
          out.append(s + filler + t)
          out.append(s + filler + t + "长治")
        }
      }
    }
    return out
  }

  private func check(_ batches: [[String]]) {
    var builder = TextColumnBuilder()
    var rows: [String] = []
    var column: TextColumn?
    for batch in batches {
      for t in batch { builder.append(t); rows.append(t) }
      column = builder.commit()
    }
    guard let column else { return }
    let dict = column.dictionary
    let expected = Set(rows).sorted(by: TextDictionary.before)
    #expect(dict.count == expected.count)
    #expect(Array(dict.values) == expected)
    #expect((0..<dict.count).map { dict.folded[$0] } == expected.map(Fold.fold))
    for (row, t) in rows.enumerated() { #expect(dict.values[Int(column.codes[row])] == t) }
  }

  @Test func oneCommitOrdersLongValuesByWholeKeys() {
    // a shuffled order, so arrival order does not help
    var x: UInt64 = 7
    let all = Self.texts().map { t -> (UInt64, String) in
      x = x &* 6364136223846793005 &+ 1442695040888963407
      return (x, t)
    }.sorted { $0.0 < $1.0 }.map(\.1)
    check([all + all.prefix(50)])
  }

  @Test func commitsMergeWithEarlierValues() {
    let all = Self.texts()
    let half = all.count / 2
    check([Array(all[half...]), Array(all[..<half]).reversed(), Array(all[(half / 2)..<(half + 40)])])
  }
}
