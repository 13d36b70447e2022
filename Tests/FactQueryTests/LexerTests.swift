import Testing
@testable import FactQuery

@Suite struct LexerTests {
  func kinds(_ text: String) -> [Token.Kind] { Lexer.tokens(text).map(\.kind) }

  @Test func wordsAreLowercasedAndRangesAreScalarOffsets() {
    let t = Lexer.tokens(#"FIND Meeting WHERE city="临汾""#)
    #expect(t.map(\.text).prefix(4) == ["find", "meeting", "where", "city"])
    #expect(t[4].kind == .comparison(.equal))
    #expect(t[5].kind == .string)
    #expect(t[5].range == 24..<28)
    #expect(t[6].kind == .end)
  }

  @Test func fullWidthPunctuationFolds() {
    let t = Lexer.tokens("find meeting where city　in （“临汾”， ‘晋中’、「太原」） and id ＞＝ １")
    #expect(t.map(\.kind) == [.word, .word, .word, .word, .word, .leftParen, .string, .comma, .string, .comma, .string,
                              .rightParen, .word, .word, .comparison(.greaterOrEqual), .literal, .end])
  }

  @Test func commentsRunToTheEndOfTheLine() {
    let t = Lexer.tokens("find meeting -- all of them \"unclosed\n  where")
    #expect(t.map(\.text) == ["find", "meeting", "where", ""])
  }

  @Test func nonASCIILettersOutsideQuotesAreBareText() {
    let t = Lexer.tokens("city = 临汾 GDP增速")
    #expect(t[2].kind == .bareText)
    #expect(t[2].text == "临汾")
    #expect(t[3].kind == .bareText)
    #expect(t[3].text == "GDP增速")
  }

  @Test func invisibleFormatCharactersAreBlank() {
    // RTL mark, zero-width space and BOM between tokens.
    #expect(kinds("\u{FEFF}find\u{200F}meeting\u{200B}") == [.word, .word, .end])
  }

  @Test func problemsAreTokensNotThrows() {
    let t = Lexer.tokens("find \u{0}x 😀👍🏽 \"open")
    #expect(t[1].kind == .invalid)
    #expect(t[1].problem?.message == "unexpected character U+0000")
    #expect(t[3].kind == .invalid)
    #expect(t[3].range == 8..<11)  // 😀, 👍 and its skin-tone modifier
    #expect(t[4].kind == .unterminatedString)
    #expect(t[4].text == "open")
    #expect(t[4].problem?.message == "unterminated string")
  }

  @Test func operators() {
    #expect(kinds("= == != <> < <= > >= ≤ ≥") == [.comparison(.equal), .comparison(.equal), .comparison(.notEqual),
      .comparison(.notEqual), .comparison(.less), .comparison(.lessOrEqual), .comparison(.greater),
      .comparison(.greaterOrEqual), .comparison(.lessOrEqual), .comparison(.greaterOrEqual), .end])
    #expect(Lexer.tokens("!x")[0].problem?.hint == "'!=' means not equal; 'not' negates a condition")
  }
}
