import Testing
@testable import FactQuery

@Suite struct SplitterTests {
  func texts(_ script: String) -> [String] { StatementSplitter.split(script).map(\.text) }

  @Test func semicolonsAndCompleteLines() {
    #expect(texts("find meeting; count person;\nwhy meeting 3") == ["find meeting", "count person", "why meeting 3"])
    #expect(texts("find meeting\ncount person\n") == ["find meeting", "count person"])
  }

  @Test func openThingsContinue() {
    let script = """
      find meeting where
        city = "临汾" and
        date >= 2019
      count meeting where city in ("临汾",
        "晋中")
      find meeting where name = "多行
      的名字"
      """
    #expect(texts(script) == [
      "find meeting where\n  city = \"临汾\" and\n  date >= 2019",
      "count meeting where city in (\"临汾\",\n  \"晋中\")",
      "find meeting where name = \"多行\n的名字\"",
    ])
  }

  @Test func linesEndingInWordsThatNeedMoreContinue() {
    for ending in ["where", "and", "or", "not", "in", "by", "show", "of", "=", "<=", ",", "between", "order"] {
      let chunks = texts("find meeting x \(ending)\ny")
      #expect(chunks.count == 1, "\(ending)")
    }
  }

  @Test func leadingClauseWordsContinueThePreviousStatement() {
    let script = """
      find meeting
      where city = "临汾"
      -- a comment line between
      and date >= 2019-05-01
      order by date desc
      limit 5
      offset 5
      count meeting
      by city

      show name
      """
    let chunks = StatementSplitter.split(script)
    #expect(chunks.map(\.text) == [
      "find meeting\nwhere city = \"临汾\"\n-- a comment line between\nand date >= 2019-05-01\norder by date desc\nlimit 5\noffset 5",
      "count meeting\nby city",
      "show name",  // a blank line ends a complete statement
    ])
    #expect(chunks.map(\.line) == [1, 8, 11])
  }

  @Test func dotCommandsCommentsAndBlankLines() {
    let script = """
      -- report
      .mode json
        .headers off   \n
      find meeting -- trailing comment
      ; ;
      .read "other file.q"
      find person
      """
    let chunks = StatementSplitter.split(script)
    #expect(chunks.map(\.text) == [".mode json", ".headers off", "find meeting", ".read \"other file.q\"", "find person"])
    #expect(chunks.map(\.isDotCommand) == [true, true, false, true, false])
    #expect(chunks.map(\.line) == [2, 3, 5, 7, 8])
  }

  @Test func offsetsAreScalarOffsets() {
    let script = "-- 临汾\nfind meeting;  count person"
    let chunks = StatementSplitter.split(script)
    #expect(chunks.map(\.offset) == [6, 21])
    let scalars = Array(script.unicodeScalars)
    for c in chunks {
      #expect(String(String.UnicodeScalarView(scalars[c.offset..<(c.offset + c.text.unicodeScalars.count)])) == c.text)
    }
  }

  @Test func explainOnItsOwnLineContinues() {
    #expect(texts("explain sql\nfind meeting\nexplain analyze\ncount meeting") == ["explain sql\nfind meeting", "explain analyze\ncount meeting"])
  }

  @Test func unfinishedStatementAtTheEndIsStillReturned() {
    #expect(texts("find meeting where city = \"临") == ["find meeting where city = \"临"])
    #expect(texts("find meeting where") == ["find meeting where"])
  }

  @Test func commentMarkersInsideStringsAreText() {
    #expect(texts("find meeting where date = \"--07-18\"\ncount meeting") == ["find meeting where date = \"--07-18\"", "count meeting"])
  }
}

@Suite struct CompletenessTests {
  @Test func completeStatements() {
    for s in ["find meeting", "find meeting where city = \"临汾\"", "count meeting by city;", "find meeting;", "",
              "   ", "-- just a comment", ".tables", "find meeting where x = 1 -- and", "why meeting 3",
              "find meeting order by count", "count meeting by city order by count desc", "find meeting where", ";"] {
      if s == "find meeting where" { continue }
      #expect(Completeness.isComplete(s), "\(s)")
    }
  }

  @Test func incompleteStatements() {
    for s in ["find meeting where", "find meeting where city = \"临", "find meeting where city in (\"a\",",
              "find meeting where (city = \"a\"", "count distinct host of", "find meeting where city =", "find meeting show name,",
              "find meeting where a = 1 and", "find meeting where a = 1 or", "find meeting where not", "count meeting by",
              "find meeting; find person where", "find meeting where x = “临", "explain", "find"] {
      #expect(!Completeness.isComplete(s), "\(s)")
    }
  }
}
