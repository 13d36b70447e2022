import Testing
@testable import FactQuery

/// The cheap paths of short statements: keywords told by packed bytes, names kept as written,
/// plain numbers read without parsing text, and `why`'s marking.
@Suite struct ShortStatementTests {
  @Test func reservedWordsAreToldByTheirPackedBytes() {
    for w in Keywords.reserved {
      let t = Lexer.tokens(w.uppercased())[0]
      #expect(t.kind == .word && t.text == w)
      #expect(Keywords.isReserved(t), "\(w)")
    }
    for w in ["meeting", "city", "wherever", "distinctive", "orders", "i", "notin", "by_"] {
      #expect(!Keywords.isReserved(Lexer.tokens(w)[0]), "\(w)")
    }
    // Not a word at all: a quoted "where" is a value.
    #expect(!Keywords.isReserved(Lexer.tokens(#""where""#)[0]))
  }

  @Test func namesKeepTheirSpellingAsWritten() throws {
    let lower = Lexer.tokens("meeting")[0], upper = Lexer.tokens("Meeting")[0], wide = Lexer.tokens("ｍｅｅｔｉｎｇ")[0]
    #expect(lower.textIsWritten && !upper.textIsWritten && !wide.textIsWritten)
    #expect([lower.text, upper.text, wide.text] == ["meeting", "meeting", "meeting"])
    guard case .why(let e, let id, _) = try Parser.parse("why Meeting 12") else { Issue.record("not a why"); return }
    #expect(e.text == "Meeting" && e.range == 4..<11 && id == 12)
    guard case .why(let w, _, _) = try Parser.parse("why ｍｅｅｔｉｎｇ 1") else { Issue.record("not a why"); return }
    #expect(w.text == "ｍｅｅｔｉｎｇ")
    guard case .query(let q) = try Parser.parse("find Meeting where City = 1") else { Issue.record("not a query"); return }
    #expect(q.entity.text == "Meeting")
  }

  @Test func plainNumbersAndNumbersWithSomethingGluedOn() throws {
    func literal(_ s: String) -> (LiteralValue?, Diagnostic?) {
      let t = Lexer.tokens(s)[0]
      return (t.literal, t.problem)
    }
    #expect(literal("42").0 == .number(42))
    #expect(literal("-7").0 == .number(-7))
    #expect(literal("+7").0 == .number(7))
    #expect(literal("007").0 == .number(7))
    #expect(literal("123456789012345678").0 == .number(123456789012345678))
    #expect(literal("3.25").0 == .number(3.25))
    #expect(literal("1e3").0 == .number(1000))
    #expect(literal("5亿").0 == .money(5e8, currency: nil))
    #expect(literal("7%").0 == .percent(7))
    #expect(literal("3_").1?.message == "unknown unit '_'")
    #expect(literal("3x").1?.message == "unknown unit 'x'")
    let t = Lexer.tokens("limit 10)")
    #expect(t[1].literal == .number(10) && t[1].range == 6..<8 && t[2].kind == .rightParen)
    #expect(try Parser.parse("why meeting 3;") == Parser.parse("why meeting 3"))
  }

  @Test func markingWrapsTheLongestWordAtEachPlace() {
    #expect(Executor.mark("临汾市召开全市座谈会", ["座谈会", "全市座谈会", "临汾市", ""]) == "【临汾市】召开【全市座谈会】")
    #expect(Executor.mark("no words here", ["临汾"]) == "no words here")
    #expect(Executor.mark("ab", ["abc", "b"]) == "a【b】")
    // More words than the stack buffer holds, and a word longer than it.
    let names = (0..<40).map { "代表\($0)号" }
    #expect(Executor.mark(names.joined(separator: "、") + "出席", names)
      == names.map { "【\($0)】" }.joined(separator: "、") + "出席")
    let long = String(repeating: "长", count: 400)
    #expect(Executor.mark("这是" + long + "。", [long, "这"]) == "【这】是【" + long + "】。")
  }

  /// The marking (a filter of first bytes, then word heads) against the plain rule: at each
  /// character the longest word that starts there is wrapped, else the character is kept.
  @Test func markingAgreesWithThePlainRuleOnRandomTexts() {
    func reference(_ text: String, _ words: [String]) -> String {
      let t = Array(text.utf8)
      let ws = words.map { Array($0.utf8) }.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
      var out: [UInt8] = [], i = 0
      while i < t.count {
        if let w = ws.first(where: { $0.count <= t.count - i && Array(t[i..<(i + $0.count)]) == $0 }) {
          out += Array("【".utf8) + w + Array("】".utf8)
          i += w.count
        } else {
          out.append(t[i]); i += 1
          while i < t.count && t[i] & 0xC0 == 0x80 { out.append(t[i]); i += 1 }
        }
      }
      return String(decoding: out, as: UTF8.self)
    }
    let alphabet = Array("临汾市尧都区召开会议书记县长a1B，。 é😀")
    var g = SystemRandomNumberGenerator()
    for _ in 0..<400 {
      func piece(_ n: Int) -> String { String((0..<n).map { _ in alphabet.randomElement(using: &g)! }) }
      let text = piece(Int.random(in: 0...40, using: &g))
      let words = (0..<Int.random(in: 0...6, using: &g)).map { _ in piece(Int.random(in: 1...4, using: &g)) }
      #expect(Executor.mark(text, words) == reference(text, words), "\(text) \(words)")
    }
  }

  @Test func distinctCodesAreAscendingAndEachOnce() {
    #expect(Execution.distinct([5, 1, 5, 3, 1], among: 1000) == [1, 3, 5])
    #expect(Execution.distinct([5, 1, 5, 3, 1], among: 6) == [1, 3, 5])
    #expect(Execution.distinct([], among: 6) == [])
  }
}
