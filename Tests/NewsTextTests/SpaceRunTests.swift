import Testing
import NewsText

/// PDF wrapping leaves runs of spaces, not only single ones: a run counts as one space.
@Suite struct SpaceRunTests {
  static let paragraph = "县统计局发布数据显示，今年前三季度全县地区生产总值完成二百八十六亿元，同比增长百分之五点八，"
    + "其中规模以上工业增加值同比增长14%，社会消费品零售总额稳步回升，固定资产投资结构持续优化，重点项目建设提速明显。"
    + "下一步，全县将紧盯年度目标任务，强化要素保障，推动经济持续向好。"
    + "全县上下要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，统筹发展和安全，确保全年目标任务圆满完成。"

  /// The paragraph as a PDF converter wraps it: a break every `width` scalars, written as one
  /// space or, every other time, two.
  static func wrapped(_ s: String, width: Int) -> String {
    var out = String.UnicodeScalarView()
    for (k, u) in s.unicodeScalars.enumerated() {
      if k > 0 && k % width == 0 { out.append(contentsOf: (k / width) % 2 == 0 ? "  ".unicodeScalars : " ".unicodeScalars) }
      out.append(u)
    }
    return String(out)
  }

  @Test func wrapsOfOneOrTwoSpacesGoEvenInsideNumbers() {
    for width in [23, 31, 37] {
      let text = Self.wrapped(Self.paragraph, width: width)
      #expect(text.contains("  "))
      #expect(Normalizer.normalize(text).string == Self.paragraph, "width \(width)")
    }
    // At width 31 one wrap falls inside 14% as two spaces.
    #expect(Self.wrapped(Self.paragraph, width: 31).contains("1  4%"))
  }

  @Test func twoSpacesBetweenNumberAndChineseInProse() {
    let n = Normalizer.normalize("全年完成投资 12.5  亿元，同比增长  8%，排名第  3  位。")
    #expect(n.string == "全年完成投资12.5亿元，同比增长8%，排名第3位。")
    // Spans still point at the original, spaces included.
    let s = Array(n.scalars)
    let i = s.firstIndex(of: "1")!
    #expect(n.originalRange(i..<(i + 6)) == 7..<15)
  }

  @Test func separatorsOfTwoOrMoreSpacesStay() {
    #expect(Normalizer.normalize("只争朝夕  真抓实干").string == "只争朝夕  真抓实干")
    // A number inside prose that is not split by a wrap keeps its separators (a list, not a number).
    #expect(Normalizer.normalize("第一组编号为1  4，第二组为2  5。").string.contains("1  4"))
    // Long runs are layout (tables, centred headings), never joined.
    #expect(Normalizer.normalize("项目名称      投资额，合计。").string.contains("      "))
  }

  @Test func variantsAndRadicalsBecomeTheCommonCharacter() {
    #expect(Normalizer.normalize("他们蔘加了会议").string == "他们参加了会议")
    // Kangxi radicals from PDF extraction, and a compatibility ideograph.
    #expect(Normalizer.normalize("\u{2F2F}作\u{2F08}员").string == "工作人员")
    #expect(Normalizer.normalize("\u{2FA6}额").string == "金额")
    #expect(Normalizer.normalize("新\u{F92C}").string == "新郎")
    #expect(Fold.fold("\u{2F08}民") == Fold.fold("人民"))
    // Radicals that are no CJK text stay as they are elsewhere.
    #expect(Normalizer.normalize("a+b").string == "a+b")
  }
}
