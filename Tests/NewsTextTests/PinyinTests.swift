import Testing
import NewsText

@Suite struct PinyinTests {
  @Test func provincesInPinyinOrder() {
    #expect(Pinyin.less("安徽", "北京"))
    #expect(Pinyin.less("北京", "重庆"))
    #expect(!Pinyin.less("重庆", "北京"))
    #expect(!Pinyin.less("北京", "北京"))
    let sorted = ["重庆", "北京", "安徽", "山西", "陕西", "临汾", "上海"].sorted(by: Pinyin.less)
    // 重庆 reads chóng (a place-name reading), so it sorts under c.
    #expect(sorted == ["安徽", "北京", "重庆", "临汾", "山西", "陕西", "上海"])
  }

  @Test func asciiBeforeChineseCaseInsensitive() {
    #expect(Pinyin.less("GDP", "安徽"))
    #expect(Pinyin.less("abc", "ABD"))
    #expect(Pinyin.less("ABC", "abd"))
    #expect(Pinyin.less("临汾", "临汾市"))
    #expect(Pinyin.less("臨汾", "临汾") != Pinyin.less("临汾", "臨汾"))
  }

  @Test func sortKeyAgreesWithLess() {
    let words = ["安徽", "北京", "重庆", "GDP", "gdp", "临汾", "臨汾", "临汾市", "尧都区", "a", "", "山西", "陕西", "崔绍民", "翟", "〇"]
    for a in words {
      for b in words {
        let ka = Pinyin.sortKey(a)
        let kb = Pinyin.sortKey(b)
        #expect(Pinyin.less(a, b) == ka.lexicographicallyPrecedes(kb), "\(a) vs \(b)")
      }
    }
  }

  @Test func initialsAndSyllables() {
    #expect(Pinyin.initials("临汾市") == "lfs")
    #expect(Pinyin.syllables("临汾市") == ["lin", "fen", "shi"])
    #expect(Pinyin.syllables("臨汾") == ["lin", "fen"])
    #expect(Pinyin.syllables("GDP增速") == ["gdp", "zeng", "su"])
    #expect(Pinyin.syllables("绿") == ["lv"])
    #expect(Pinyin.initials("") == "")
  }
}

@Suite struct DisplayWidthTests {
  @Test func cells() {
    #expect(DisplayWidth.cells("临汾") == 4)
    #expect(DisplayWidth.cells("abc") == 3)
    #expect(DisplayWidth.cells("GDP增速7.6%") == 11)
    #expect(DisplayWidth.cells("，。") == 4)
    #expect(DisplayWidth.cells("ＧＤＰ") == 6)
    #expect(DisplayWidth.cells("😀") == 2)
    #expect(DisplayWidth.cells("e\u{301}") == 1)
    #expect(DisplayWidth.cells("\u{200B}\u{200F}\u{FE0F}") == 0)
    #expect(DisplayWidth.cells("\u{1}\u{7F}\u{85}") == 0)
    #expect(DisplayWidth.cells("👨‍👩‍👧") == 2)
    #expect(DisplayWidth.cells("🇨🇳") == 2)
    #expect(DisplayWidth.cells("한국") == 4)
    #expect(DisplayWidth.cells(Unicode.Scalar(0x4E34)!) == 2)
    #expect(DisplayWidth.cells(Unicode.Scalar(0x301)!) == 0)
  }

  @Test func truncate() {
    #expect(DisplayWidth.truncate("临汾市尧都区", toCells: 7) == "临汾市…")
    #expect(DisplayWidth.truncate("临汾", toCells: 4) == "临汾")
    #expect(DisplayWidth.truncate("abcdef", toCells: 4) == "abc…")
    #expect(DisplayWidth.truncate("abc", toCells: 0) == "")
    for n in 1...12 {
      #expect(DisplayWidth.cells(DisplayWidth.truncate("临汾a市尧都区😀x", toCells: n)) <= n)
    }
  }
}
