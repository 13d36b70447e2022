import Testing
import NewsText

/// Whether the normalised scalar `n` is the same character as the original `o` (or its
/// simplified, half-width or Chinese-punctuation form).
func sameMeaning(_ o: Unicode.Scalar, _ n: Unicode.Scalar) -> Bool {
  if o == n || Simplified.simplify(o) == n || Fold.fold(o) == Fold.fold(n) { return true }
  let pairs: [(Unicode.Scalar, Unicode.Scalar)] = [
    (",", "，"), (";", "；"), (":", "："), ("!", "！"), ("?", "？"), ("\"", "“"), ("\"", "”"), ("\r", "\n"),
  ]
  return pairs.contains { $0.0 == o && $0.1 == n }
}

func index(of needle: String, in text: NormalizedText) -> Int? {
  let n = Array(needle.unicodeScalars)
  let s = text.scalars
  guard n.count <= s.count else { return nil }
  for i in 0...(s.count - n.count) where Array(s[i..<(i + n.count)]) == n { return i }
  return nil
}

@Suite struct NormalizerTests {
  @Test func everyNormalisedScalarMapsToTheSameCharacterInTheOriginal() {
    for text in Seeds.all + [Seeds.text("002").replacingOccurrences(of: "\n", with: "\r\n")] {
      let original = Array(text.unicodeScalars)
      let n = Normalizer.normalize(text)
      #expect(n.originalCount == original.count)
      var previous = -1
      for i in 0..<n.count {
        let o = n.originalOffset(i)
        #expect(o > previous, "offsets must increase")
        previous = o
        guard o >= 0 && o < original.count else { Issue.record("offset \(o) out of range"); return }
        if !sameMeaning(original[o], n.scalars[i]) {
          Issue.record("normalised \(n.scalars[i]) at \(i) maps to \(original[o]) at \(o)")
          return
        }
      }
      #expect(n.originalOffset(n.count) == original.count)
    }
  }

  @Test func traditionalSeedIsSimplifiedAndPinyinRemoved() throws {
    let text = Seeds.text("001")
    let n = Normalizer.normalize(text)
    let s = n.string
    #expect(s.hasPrefix("正言轩：高质量发展全面提质提速的“临汾密码”"))
    #expect(s.contains("来源：临汾新闻网"))
    #expect(!s.contains("(zhì)"))
    #expect(!s.contains("(fā)"))
    // 发 (normalised) points at 發 in the original; the range of 高质量 covers 高質(zhì)量.
    let original = Array(text.unicodeScalars)
    let i = try #require(index(of: "高质量发展", in: n))
    #expect(original[n.originalOffset(i + 3)] == "發")
    let r = n.originalRange(i..<(i + 3))
    #expect(String(String.UnicodeScalarView(original[r])) == "高質(zhì)量")
  }

  @Test func strayPinyinOnlyAfterCJK() {
    #expect(Normalizer.normalize("高質(zhì)量").string == "高质量")
    #expect(Normalizer.normalize("啊(ǎ)呀").string == "啊呀")
    #expect(Normalizer.normalize("中（zhōng）国").string == "中国")
    // Without a tone mark only the character's own reading counts.
    #expect(Normalizer.normalize("中(zhong)国").string == "中国")
    #expect(Normalizer.normalize("方案(a)").string == "方案(a)")
    #expect(Normalizer.normalize("生产总值(GDP)").string == "生产总值(GDP)")
    #expect(Normalizer.normalize("see (zhì) here").string == "see (zhì) here")
    #expect(Normalizer.normalize("各县(区、市)").string == "各县(区、市)")
  }

  @Test func fullWidthFormsAndLineEnds() {
    let n = Normalizer.normalize("ＧＤＰ增长７．６％，\r\n总投资１００亿元。\r")
    #expect(n.string == "GDP增长7.6%，\n总投资100亿元。\n")
    #expect(n.originalOffset(3) == 3)
    // The \r of \r\n is deleted: the \n maps to the original \n.
    let nl = n.scalars.firstIndex(of: "\n") ?? -1
    #expect(Array("ＧＤＰ增长７．６％，\r\n".unicodeScalars)[n.originalOffset(nl)] == "\n")
  }

  @Test func pdfSpacesInsideWordsAndNumbersGo() throws {
    let n = Normalizer.normalize(Seeds.text("002"))
    let s = n.string
    for joined in ["改革创新、奋发有为", "科局级以上干部", "县委书记", "第60位", "总投资100.06亿元", "2021年世界", "总投资4亿美元", "精神洗礼", "王宏伟主持会议"] {
      #expect(s.contains(joined), "\(joined)")
    }
    for split in ["改革创 新", "科局级 以上", "100.06 亿元", "第 60 位"] {
      #expect(!s.contains(split), "\(split)")
    }
    // The number's span maps back over the original spaces.
    let original = Array(Seeds.text("002").unicodeScalars)
    let i = try #require(index(of: "100.06亿元", in: n))
    let r = n.originalRange(i..<(i + 8))
    #expect(String(String.UnicodeScalarView(original[r])) == "100.06 亿元")
  }

  @Test func realSeparatorsStay() {
    #expect(Normalizer.normalize(Seeds.text("000")).string.contains("只争朝夕 真抓实干 全力推动"))
    #expect(Normalizer.normalize(Seeds.text("003")).string.contains("怡然见晋中 田园太谷游"))
    #expect(Normalizer.normalize(Seeds.text("004")).string.contains("“赶考之心” “赶考之志”"))
    #expect(Normalizer.normalize(Seeds.text("001")).string.contains("2025-01-06 08:52:14"))
    // A space between words in one short line of prose-free text is left alone.
    #expect(Normalizer.normalize("宝贵经验 深刻启迪").string == "宝贵经验 深刻启迪")
  }

  @Test func letterSpacedWordsAndPageBreaks() {
    #expect(Normalizer.normalize(Seeds.text("004")).string.contains("必须实现“六个一”先行目标"))
    let s = Normalizer.normalize(Seeds.text("000")).string
    #expect(s.contains("在统筹疫情防控和经济社会发展上"))
    #expect(s.contains("加强党的领导与调动"))
    // A caption line is not glued to the paragraph after it.
    #expect(s.contains("示范项目\n"))
  }

  @Test func asciiPunctuationInChineseText() {
    let n = Normalizer.normalize("全省\"改革创新\"大讨论,会议强调:要落实;好吗?OK, fine: 1,000")
    #expect(n.string == "全省“改革创新”大讨论，会议强调：要落实；好吗？OK, fine: 1,000")
  }

  @Test func emptyAndOddInput() {
    #expect(Normalizer.normalize("").count == 0)
    #expect(Normalizer.normalize("(").string == "(")
    #expect(Normalizer.normalize("中(").string == "中(")
    #expect(Normalizer.normalize("?jī)").string == "?jī)")
    #expect(Normalizer.normalize(" \n \n").string == " \n \n")
    let n = Normalizer.normalize("中")
    #expect(n.originalRange(0..<5) == 0..<1)
    #expect(n.originalRange(3..<3) == 1..<1)
    #expect(n.originalOffset(-3) == 0)
  }
}
