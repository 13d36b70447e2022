import Testing
@testable import FactQuery
import NewsFacts

@Suite struct CompletionSiteTests {
  /// The site at the end of `line` (or at `|` when the line has one).
  func site(_ line: String) -> (CompletionSite, String) {
    var text = line
    var cursor = text.unicodeScalars.count
    if let bar = text.unicodeScalars.firstIndex(of: "|") {
      cursor = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: bar)
      text.unicodeScalars.remove(at: bar)
    }
    let (s, prefix) = CompletionAnalyzer.analyse(text, cursor: cursor)
    let scalars = Array(text.unicodeScalars)
    return (s, String(String.UnicodeScalarView(scalars[prefix])))
  }

  @Test func statementStart() {
    #expect(site("").0 == .keyword(Keywords.statements))
    #expect(site("fi").0 == .keyword(Keywords.statements))
    #expect(site("fi").1 == "fi")
    #expect(site("find meeting; co").0 == .keyword(Keywords.statements))
  }

  @Test func entities() {
    #expect(site("find ").0 == .entity)
    #expect(site("find mee").1 == "mee")
    #expect(site("count ").0 == .entity)
    #expect(site("count distinct host of ").0 == .entity)
    #expect(site("sum investment of pro").0 == .entity)
    #expect(site("why ").0 == .entity)
    #expect(site("find distinct ").0 == .entity)
  }

  @Test func fields() {
    #expect(site("find meeting where ").0 == .field(.meeting))
    #expect(site("find meeting where ci").1 == "ci")
    #expect(site("find meeting where city = \"临汾\" and ").0 == .field(.meeting))
    #expect(site("find meeting where city = \"临汾\" or (").0 == .field(.meeting))
    #expect(site("find people where not ").0 == .field(.person))
    #expect(site("find meeting show ").0 == .field(.meeting))
    #expect(site("find meeting show name, ").0 == .field(.meeting))
    #expect(site("count meeting by ").0 == .field(.meeting))
    #expect(site("find meeting order by date desc, ").0 == .field(.meeting))
    #expect(site("sum ").0 == .field(nil))
    #expect(site("count distinct ").0 == .field(nil))
  }

  @Test func values() {
    #expect(site("find meeting where city = ").0 == .value(entity: .meeting, field: "city"))
    let open = site("find meeting where city = \"临")
    #expect(open.0 == .value(entity: .meeting, field: "city"))
    #expect(open.1 == "临")
    #expect(site("find meeting where city = lf").1 == "lf")
    #expect(site("find meeting where city in (").0 == .value(entity: .meeting, field: "city"))
    #expect(site("find meeting where city in (\"临汾\", \"晋").0 == .value(entity: .meeting, field: "city"))
    #expect(site("find person where titles contains “书").0 == .value(entity: .person, field: "titles"))
    #expect(site("find person where titles not contains ").0 == .value(entity: .person, field: "titles"))
    #expect(site("find meeting where date between 2019 and ").0 == .value(entity: .meeting, field: "date"))
    #expect(site("find meeting where Host != ").0 == .value(entity: .meeting, field: "host"))
  }

  @Test func subqueries() {
    #expect(site("find person where name in (find meeting where ").0 == .field(.meeting))
    #expect(site("find person where name in (find meeting where host = \"王\" show ").0 == .field(.meeting))
    #expect(site("find person where name in (find meeting where host = \"王\" show attendees) and ").0 == .field(.person))
  }

  @Test func keywordsAfterThings() {
    #expect(site("find meeting ").0 == .keyword(Keywords.findClauses))
    #expect(site("count meeting ").0 == .keyword(Keywords.countClauses))
    #expect(site("find meeting where city ").0 == .keyword(Keywords.predicateWords))
    #expect(site("find meeting where city = \"临汾\" ").0 == .keyword(["and", "or"] + Keywords.findClauses))
    #expect(site("find meeting order ").0 == .keyword(["by"]))
    #expect(site("find meeting where host is ").0 == .keyword(["not", "null"]))
    #expect(site("explain ").0 == .keyword(["analyze", "sql"] + Keywords.queries))
    #expect(site("find meeting limit ").0 == .none)
  }

  @Test func dotCommandsAndPaths() {
    #expect(site(".ta").0 == .dotCommand)
    #expect(site(".ta").1 == ".ta")
    #expect(site(".read ").0 == .path)
    #expect(site(".load data/ne").1 == "data/ne")
    #expect(site(".load data/ne").0 == .path)
    #expect(site(".mode js").0 == .keyword(["table", "csv", "json", "jsonl", "markdown"]))
    #expect(site(".schema ").0 == .entity)
    #expect(site("export \"out/").0 == .path)
    #expect(site("export \"out/").1 == "out/")
  }

  @Test func cursorInTheMiddleAndComments() {
    #expect(site("find | where city = 1").0 == .entity)
    #expect(site("find meeting where ci| = 1").1 == "ci")
    #expect(site("find meeting -- where ").0 == .none)
    #expect(CompletionAnalyzer.analyse("find", cursor: 99).prefix == 0..<4)
    #expect(CompletionAnalyzer.analyse("find", cursor: -5).prefix == 0..<0)
  }
}
