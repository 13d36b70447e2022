import Testing
@testable import NewsText

/// `Pinyin.writeSortKey` (the byte keys the store sorts its dictionaries by) must order texts
/// exactly as `Pinyin.sortKey` does, and its folded bytes must be `Fold.fold`'s.
@Suite struct PinyinByteKeyTests {
  /// The byte key and folded bytes of `s`.
  func written(_ s: String) -> (key: [UInt8], folded: [UInt8], changed: Bool) {
    let bytes = Array(s.utf8)
    var key = [UInt8](repeating: 0, count: Pinyin.sortKeyCapacity(utf8Count: bytes.count))
    var folded = [UInt8](repeating: 0, count: max(1, Pinyin.foldedCapacity(utf8Count: bytes.count)))
    let r = bytes.withUnsafeBufferPointer { b in
      key.withUnsafeMutableBufferPointer { k in
        folded.withUnsafeMutableBufferPointer { f in Pinyin.writeSortKey(b, key: k.baseAddress!, folded: f.baseAddress!) }
      }
    }
    return (Array(key[0..<r.keyCount]), Array(folded[0..<r.foldedCount]), r.foldChanged)
  }

  /// Texts of every kind the order distinguishes: place-name overrides (重庆, 长沙, 厦门 …, also
  /// traditional 重慶 and inside longer text), polyphonic characters outside them, traditional and
  /// full-width forms, ASCII in both cases, characters without a reading, other planes, prefixes
  /// of each other, and the empty text.
  static let samples: [String] = [
    "", "a", "A", "ab", "GDP", "ＧＤＰ", "gdp", "1", "１", "10", "2024年", " ", "、", "。",
    "重庆", "重慶", "重庆市", "重要", "重", "长沙", "长沙县", "长大", "长", "厦门", "大厦", "六安", "六合", "六",
    "成都", "都市", "首都", "蚌埠", "乐清", "快乐", "丽水", "美丽", "台州", "天台", "北京", "安徽", "山西", "陕西",
    "临汾", "臨汾", "上海", "洪洞县", "侯马市", "在重庆召开", "长沙市委书记", "前往厦门考察", "都江堰", "京都大学",
    "𠀀", "𠀀字", "〇", "丁", "丁一", "冫", "ä", "é", "e\u{301}", "Zürich", "中国（山西）", "会议在长治举行",
    "zhong", "Zhong", "重庆长沙", "长安长城", "台州天台县", "東阿", "东阿县",
  ]

  @Test func byteKeysOrderAsSortKeys() {
    var texts = Self.samples
    // every pair of the samples joined, so overrides meet other text on both sides
    for a in Self.samples.prefix(24) { for b in Self.samples.suffix(20) { texts.append(a + b) } }
    let keys = texts.map { written($0).key }
    let reference = texts.map(Pinyin.sortKey)
    var disagreements: [String] = []
    for i in texts.indices {
      for j in texts.indices
      where keys[i].lexicographicallyPrecedes(keys[j]) != reference[i].lexicographicallyPrecedes(reference[j]) {
        disagreements.append("\(texts[i]) vs \(texts[j])")
      }
    }
    #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
  }

  /// The dictionary order: `Pinyin.less`, ties by code point.
  @Test func byteKeysOrderAsLessThenCodePoints() {
    for a in Self.samples {
      for b in Self.samples {
        let byKey = written(a).key.lexicographicallyPrecedes(written(b).key)
        let codePoints = a.unicodeScalars.map(\.value).lexicographicallyPrecedes(b.unicodeScalars.map(\.value))
        let expected = Pinyin.less(a, b) || (!Pinyin.less(b, a) && codePoints)
        #expect(byKey == expected, "\(a) vs \(b)")
      }
    }
  }

  @Test func foldedBytesAreFold() {
    for s in Self.samples + ["臨汾市ＧＤＰ增長", "　全角　空格", "ABC臺灣"] {
      let w = written(s)
      let expected = Array(Fold.fold(s).utf8)
      #expect(w.folded == expected, "\(s)")
      #expect(w.changed == (expected != Array(s.utf8)), "\(s)")
    }
  }
}
