import Testing
import NewsText

/// Polyphonic characters in place names read as the place is called, not by their first reading.
@Suite struct PinyinPlaceNameTests {
  @Test func placeNamesUseTheirOwnReadings() {
    #expect(Pinyin.syllables("重庆市") == ["chong", "qing", "shi"])
    #expect(Pinyin.initials("重慶") == "cq")
    #expect(Pinyin.syllables("长沙") == ["chang", "sha"])
    #expect(Pinyin.syllables("成都") == ["cheng", "du"])
    #expect(Pinyin.syllables("厦门") == ["xia", "men"])
    #expect(Pinyin.syllables("洪洞县") == ["hong", "tong", "xian"])
    #expect(Pinyin.syllables("乐亭") == ["lao", "ting"])
    // Outside those phrases the first reading stays: 重要 zhong, 长期 zhang (pypinyin's first), 都是 dou.
    #expect(Pinyin.syllables("重要") == ["zhong", "yao"])
    #expect(Pinyin.syllables("都是") == ["dou", "shi"])
  }

  @Test func placeNamesSortByTheirReadings() {
    let sorted = ["郑州", "重庆", "长沙", "成都", "北京", "厦门", "西安", "蚌埠", "上海", "洪洞县", "侯马市"].sorted(by: Pinyin.less)
    // beng < bei? no: bei < beng; chang < cheng < chong; hong(dong) < hou; xi'an < xia; zheng last.
    #expect(sorted == ["北京", "蚌埠", "长沙", "成都", "重庆", "洪洞县", "侯马市", "上海", "西安", "厦门", "郑州"])
  }

  @Test func sortKeyStillAgreesWithLess() {
    let words = ["重庆", "重庆市", "重要", "长沙", "长期", "成都", "都是", "臨汾", "临汾", "GDP", "", "洪洞", "洪水", "重慶"]
    for a in words {
      for b in words {
        #expect(Pinyin.less(a, b) == Pinyin.sortKey(a).lexicographicallyPrecedes(Pinyin.sortKey(b)), "\(a) vs \(b)")
      }
    }
  }
}
