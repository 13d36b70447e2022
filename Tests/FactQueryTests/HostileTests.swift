import Testing
@testable import FactQuery

/// Hostile input: every case must answer (a statement or a diagnostic), never trap. No timing is
/// asserted (a test never fails on time); the time limit only stops a real hang (every case here
/// takes seconds in a debug build, a minute or so under AddressSanitizer on a busy machine).
@Suite(.serialized, .timeLimit(.minutes(10))) struct HostileTests {
  /// Parses `text` and also runs the splitter, completeness, completion and rendering over it.
  func survives(_ text: String) -> Result<Statement, Diagnostic> {
    let result: Result<Statement, Diagnostic>
    do throws(Diagnostic) { result = .success(try Parser.parse(text)) } catch { result = .failure(error) }
    _ = StatementSplitter.split(text)
    _ = Completeness.isComplete(text)
    _ = CompletionAnalyzer.analyse(text, cursor: text.unicodeScalars.count)
    if case .failure(let d) = result { _ = d.rendered(source: text, sourceName: "x") }
    return result
  }

  @Test func thousandsOfNestedParentheses() {
    let text = "find meeting where " + String(repeating: "(", count: 5000) + "id = 1" + String(repeating: ")", count: 5000)
    guard case .failure(let d) = survives(text) else { Issue.record("parsed"); return }
    #expect(d.message == "too deeply nested")
    let unclosed = "find meeting where " + String(repeating: "(", count: 100_000)
    guard case .failure(let e) = survives(unclosed) else { Issue.record("parsed"); return }
    #expect(e.message == "too deeply nested")
  }

  @Test func nestingUpToTheLimitParses() {
    let depth = Parser.maxDepth
    let text = "find meeting where " + String(repeating: "(", count: depth) + "id = 1" + String(repeating: ")", count: depth)
    guard case .success = survives(text) else { Issue.record("failed at depth \(depth)"); return }
    let deeper = "find meeting where " + String(repeating: "(", count: depth + 1) + "id = 1" + String(repeating: ")", count: depth + 1)
    guard case .failure = survives(deeper) else { Issue.record("parsed at depth \(depth + 1)"); return }
  }

  @Test func manyNotsAndSubqueries() {
    guard case .failure(let d) = survives("find meeting where " + String(repeating: "not ", count: 10_000) + "id = 1") else { Issue.record("parsed"); return }
    #expect(d.message == "too deeply nested")
    var sub = "id = 1"
    for _ in 0..<(Parser.maxDepth / ParserState.subqueryWeight + 1) { sub = "id in (find meeting where \(sub) show id)" }
    guard case .failure(let e) = survives("find meeting where " + sub) else { Issue.record("parsed"); return }
    #expect(e.message == "too deeply nested")
  }

  @Test func subqueriesUpToTheLimitParse() {
    var sub = "id = 1"
    for _ in 0..<(Parser.maxDepth / ParserState.subqueryWeight) { sub = "id in (find meeting where \(sub) show id)" }
    guard case .success = survives("find meeting where " + sub) else { Issue.record("failed"); return }
  }

  @Test func twentyThousandOrTerms() {
    let text = "find meeting where " + (0..<20_000).map { "city = \"城\($0)\"" }.joined(separator: " or ")
    guard case .success = survives(text) else { Issue.record("failed"); return }
  }

  @Test func aMegabyteStringLiteral() {
    let big = String(repeating: "临", count: 1_000_000)
    guard case .success(.query(let q)) = survives("find meeting where name = \"\(big)\""),
          case .predicate(let p)? = q.filter, case .compare(_, let l) = p.test else { Issue.record("failed"); return }
    #expect(l.value == .string(big))
    guard case .failure(let d) = survives("find meeting where name = \"\(big)") else { Issue.record("parsed"); return }
    #expect(d.message == "unterminated string")
  }

  @Test func hugeNumbers() {
    guard case .failure(let d) = survives("find meeting limit 99999999999999999999") else { Issue.record("parsed"); return }
    #expect(d.message.contains("too large"))
    guard case .failure = survives("why meeting 99999999999999999999999") else { Issue.record("parsed"); return }
    guard case .failure = survives("find x where f = 1e400亿") else { Issue.record("parsed"); return }
    guard case .failure = survives("find x where f = $99999999999999999999999") else { Issue.record("parsed"); return }
    guard case .success = survives("find x where f = " + String(repeating: "9", count: 300)) else { Issue.record("failed"); return }
  }

  @Test func nulBytesRTLMarksAndEmoji() {
    guard case .failure(let nul) = survives("find meeting\u{0} where id = 1") else { Issue.record("parsed"); return }
    #expect(nul.message == "unexpected character U+0000")
    guard case .success = survives("find\u{200F} meeting where name = \"\u{200F}临汾\u{202E}\"") else { Issue.record("failed"); return }
    guard case .failure(let emoji) = survives("find meeting where name = 😀") else { Issue.record("parsed"); return }
    #expect(emoji.message == "unexpected '😀'")
    #expect(emoji.hint == "text values go in quotes: \"…\"")
    #expect(nul.hint == nil)
    guard case .success = survives("find meeting where name = \"👨‍👩‍👧 😀\"") else { Issue.record("failed"); return }
    _ = survives(String(repeating: "\u{0}", count: 100_000))
    _ = survives(String(repeating: "😀", count: 100_000))
    _ = survives(String(repeating: "\u{200F}", count: 100_000))
  }

  @Test func junk() {
    let samples = ["", ";", ";;;", ")", "((((", "\"", "'", "“", "--", "$", "-", "find (", "find meeting where id in (",
                   "find meeting where id in (find", "count distinct", "sum of", "explain explain find x", "why", "why x y",
                   "find meeting order", "find meeting order by", "find meeting limit", "2019-02-30", "1.5万人", "....",
                   String(repeating: "find ", count: 10_000), String(repeating: "and ", count: 10_000),
                   "find meeting where " + String(repeating: "id = 1 and ", count: 10_000)]
    for s in samples {
      if case .success(let st) = survives(s) { Issue.record("parsed junk: \(s.prefix(40)) → \(st)") }
    }
  }
}
