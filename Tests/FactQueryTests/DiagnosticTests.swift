import Testing
@testable import FactQuery

/// The rendered error for a statement that fails to parse.
func rendered(_ text: String, name: String = "<command-line>", lineOffset: Int = 0, sourceLocation: SourceLocation = #_sourceLocation) -> String {
  guard let d = failure(text, sourceLocation: sourceLocation) else { return "" }
  return d.rendered(source: text, sourceName: name, lineOffset: lineOffset)
}

@Suite struct DiagnosticTests {
  @Test func unquotedChineseValueCaretInCells() {
    #expect(rendered("find meeting where city = 临汾") == """
      <command-line>:1:27: error: expected a value after '=', found '临汾'
      find meeting where city = 临汾
                                ^^^^
      hint: strings are quoted: "临汾"
      """)
  }

  @Test func caretAfterChineseTextOnALaterLine() {
    let text = "find meeting\nwhere city = \"临汾\" and 日期 > 2019"
    #expect(rendered(text, name: "report.q", lineOffset: 6) == """
      report.q:8:25: error: expected a field name after 'and', found '日期'
      where city = "临汾" and 日期 > 2019
                              ^^^^
      hint: field names are words such as city or name; values are quoted: "日期"
      """)
  }

  @Test func missingClosingParenthesisPointsAtTheEnd() {
    #expect(rendered(#"find meeting where city in ("临汾", "晋中""#) == """
      <command-line>:1:43: error: expected ')' after the list
      find meeting where city in ("临汾", "晋中"
                                                ^
      """)
  }

  @Test func didYouMeanForStatementAndClauseKeywords() {
    #expect(rendered("fnd meeting") == """
      <command-line>:1:1: error: unknown statement 'fnd'
      fnd meeting
      ^^^
      hint: did you mean 'find'?
      """)
    let d = failure("find meeting wher city = \"临汾\"")
    #expect(d?.message == "expected 'where', 'show', 'order by' or 'limit', found 'wher'")
    #expect(d?.hint == "did you mean 'where'?")
    #expect(failure("find meeting where name contain \"会\"")?.hint == "did you mean 'contains'?")
    #expect(failure("find meeting city = \"临汾\"")?.hint == "conditions start with 'where': find meeting where city = \"临汾\"")
  }

  @Test func repeatedClausePointsAtTheSecond() {
    let text = "find meeting where id = 1 limit 3 where id = 2"
    let d = failure(text)
    #expect(d?.message == "'where' given twice")
    #expect(d?.range == 34..<39)
    #expect(d?.hint == "combine conditions with 'and' or 'or'")
    #expect(failure("count meeting by city by kind")?.message == "'by' given twice")
  }

  @Test func clausesThatDoNotBelong() {
    #expect(failure("find meeting by city")?.message == "'by' does not go with find")
    #expect(failure("count meeting show city")?.message == "'show' does not go with count")
  }

  @Test func otherMessages() {
    #expect(failure("find")?.message == "expected an entity after 'find'")
    #expect(failure("find meeting where")?.message == "expected a condition after 'where'")
    #expect(failure("find meeting where city")?.message == "expected an operator after 'city'")
    #expect(failure("find meeting where city = null")?.hint == "write: city is null")
    #expect(failure("find meeting where city != null")?.hint == "write: city is not null")
    #expect(failure("find meeting where (city = \"a\"")?.message == "expected ')' after the condition")
    #expect(failure("find meeting where date between 2019 2020")?.message == "expected 'and' after the first value of 'between'")
    #expect(failure("find meeting where host is nul")?.message == "expected 'null' after 'is'")
    #expect(failure("sum investment project")?.message == "expected 'of' after the field")
    #expect(failure("why meeting")?.message == "expected the id of a fact after 'meeting'")
    #expect(failure("export out")?.message == "expected a quoted path after 'export'")
    #expect(failure("find meeting; find person")?.message == "unexpected 'find' after ';'")
    #expect(failure(".tables")?.message == "'.tables' is a shell command, not a statement")
    #expect(failure("")?.message == "expected a statement")
    #expect(failure("find meeting where city in ()")?.message == "expected a value in the list")
    #expect(failure("find meeting where city ~ 1")?.hint == "operators are = != < <= > >=; words: in, between, is null, contains, like")
    #expect(failure("explain fnd meeting")?.hint == "did you mean 'find'?")
    #expect(failure("find meeting where city = \"临汾")?.message == "unterminated string")
  }

  @Test func undatedDateUnquotedExplainsTheComment() {
    let d = failure("find meeting where date = --07-18")
    #expect(d?.message == "expected a value after '='")
    #expect(d?.hint == "'--' starts a comment; a date without a year is quoted: \"--07-18\"")
  }

  @Test func locationCountsCellsAndLines() {
    let source = "find meeting\n\twhere 城市 = 1"
    let d = Diagnostic("x", at: 20..<22)  // 城市
    let loc = d.location(in: source)
    #expect(loc.line == 2)
    #expect(loc.column == 8)  // tab 1 + "where " 6 → column 8
    #expect(loc.offset == 20)
    // The caret line mirrors the tab.
    #expect(d.rendered(source: source, sourceName: "s") == "s:2:8: error: x\n\twhere 城市 = 1\n\t      ^^^^")
  }

  @Test func hintsNotesAndColor() {
    let d = Diagnostic("ambiguous", at: 0..<2, hint: "pick one", notes: ["朝阳区 is in 北京市", "朝阳区 is in 长春市"])
    #expect(d.rendered(source: "朝阳", sourceName: "<stdin>") == """
      <stdin>:1:1: error: ambiguous
      朝阳
      ^^^^
      hint: pick one
      note: 朝阳区 is in 北京市
      note: 朝阳区 is in 长春市
      """)
    #expect(d.rendered(source: "朝阳", sourceName: "x", color: true).hasPrefix("x:1:1: \u{1B}[1;31merror\u{1B}[0m: ambiguous"))
  }

  @Test func controlCharactersAndBidiMarksDoNotReachTheTerminal() {
    let source = "find \u{202E}meeting \u{1B}[31m"
    let d = failure(source)
    let out = d?.rendered(source: source, sourceName: "x") ?? ""
    #expect(!out.unicodeScalars.contains("\u{1B}"))
    #expect(!out.unicodeScalars.contains("\u{202E}"))
  }

  @Test func longLinesAreWindowed() {
    let text = "find meeting where name = \"" + String(repeating: "长", count: 5000) + "\" and 日期 = 1"
    let out = rendered(text)
    let lines = out.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 4)
    #expect(lines[1].hasPrefix("…"))
    #expect(lines[1].unicodeScalars.count < 120)
    // The caret still sits under 日期.
    let caretColumn = lines[2].unicodeScalars.firstIndex(of: "^").map { lines[2].unicodeScalars.distance(from: lines[2].unicodeScalars.startIndex, to: $0) } ?? -1
    let echoed = Array(lines[1].unicodeScalars)
    if let at = echoed.firstIndex(of: "日") {
      #expect(CellWidth.cells(echoed[0..<at]) == caretColumn)
    } else {
      Issue.record("日期 not in the window: \(lines[1])")
    }
  }

  @Test func shiftedPointsIntoTheScript() {
    let script = "count meeting;\nfind meeting where city = 临汾"
    let chunks = StatementSplitter.split(script)
    guard chunks.count == 2, let d = failure(chunks[1].text) else { Issue.record("\(chunks)"); return }
    let out = d.shifted(by: chunks[1].offset).rendered(source: script, sourceName: "a.q")
    #expect(out.hasPrefix("a.q:2:27: error: expected a value after '='"))
  }
}

@Suite struct SuggestTests {
  @Test func closest() {
    #expect(Suggest.closest("fnd", among: Keywords.statements) == "find")
    #expect(Suggest.closest("FIDN", among: Keywords.statements) == "find")
    #expect(Suggest.closest("explian", among: Keywords.statements) == "explain")
    #expect(Suggest.closest("atendees", among: ["name", "attendees", "host"]) == "attendees")
    #expect(Suggest.closest("cty", among: ["city", "county"]) == "city")
    #expect(Suggest.closest("x", among: ["by", "of"]) == nil)
    #expect(Suggest.closest("zebra", among: Keywords.all) == nil)
    #expect(Suggest.closest("Where", among: ["where"]) == "where")
    #expect(Suggest.closest(String(repeating: "a", count: 100_000), among: ["a"]) == nil)
  }
}
