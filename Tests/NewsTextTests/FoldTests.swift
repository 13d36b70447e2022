import Testing
import NewsText

@Suite struct FoldTests {
  @Test func traditionalFoldsToSimplified() {
    #expect(Fold.fold("臨汾") == "临汾")
    #expect(Fold.fold("尧都區") == "尧都区")
    #expect(Fold.equal("臨汾市", "临汾市"))
    #expect(!Fold.equal("临汾", "临汾市"))
  }

  @Test func fullWidthAndCaseFold() {
    #expect(Fold.fold("ＧＤＰ") == "gdp")
    #expect(Fold.fold("GDP增速７．６％") == "gdp增速7.6%")
    #expect(Fold.fold("\u{3000}") == " ")
    #expect(Fold.fold("，") == ",")
    #expect(Fold.hasPrefix("臨汾市", "临汾"))
  }

  @Test func foldKeepsLength() {
    for text in Seeds.all {
      #expect(Fold.fold(text).unicodeScalars.count == text.unicodeScalars.count)
    }
  }

  @Test func simplifiedUsesPhrasesFirst() {
    #expect(Simplified.isTraditional("臨"))
    #expect(!Simplified.isTraditional("临"))
    #expect(!Simplified.isTraditional("A"))
    #expect(Simplified.simplify("來源：臨汾新聞網") == "来源：临汾新闻网")
    // Character by character 畫 → 画 and 藉 stays; the phrases say 计划 and 凭借.
    #expect(Simplified.simplify("畫") == "画")
    #expect(Simplified.simplify("五年計畫") == "五年计划")
    #expect(Simplified.simplify("憑藉優勢") == "凭借优势")
    #expect(Simplified.simplify("藉") == "藉")
  }
}
