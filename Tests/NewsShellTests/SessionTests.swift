import Foundation
import NewsQ
import NewsShell
import Testing

/// A session over the engine with buffers for output and errors.
func makeSession(_ configure: (inout ShellSettings) -> Void = { _ in }) -> (Session, BufferSink, BufferSink) {
  var settings = ShellSettings()
  configure(&settings)
  let out = BufferSink(), err = BufferSink()
  let engine = (try? Engine()) ?? Engine.empty()
  return (Session(engine: engine, settings: settings, output: out, errors: err), out, err)
}

@Suite struct SessionTests {
  @Test func continuationPromptUntilTheStatementIsComplete() {
    let (session, out, _) = makeSession { $0.echo = true }
    var source = ArrayLineSource(["find meeting where", "  city = \"临汾\"", "count person"])
    session.runInteractive(&source)
    #expect(source.prompts == ["newsq> ", "   ...> ", "newsq> ", "newsq> "])
    // The multi-line statement ran once, whole, and is one history entry.
    #expect(out.text.hasPrefix("find meeting where\n  city = \"临汾\"\n"))
    #expect(source.remembered == ["find meeting where\n  city = \"临汾\"", "count person"])
  }

  @Test func openQuotesAndParenthesesContinue() {
    let (session, _, _) = makeSession()
    var source = ArrayLineSource(["find person where name in (", "find meeting show host)", "find meeting where name = \"a", "b\""])
    session.runInteractive(&source)
    #expect(source.prompts == ["newsq> ", "   ...> ", "newsq> ", "   ...> ", "newsq> "])
  }

  @Test func ctrlCAbandonsTheLineAndTwiceOnAnEmptyLineSaysHowToExit() {
    let (session, out, err) = makeSession { $0.echo = true }
    var source = ArrayLineSource(["find meeting where", nil, nil, nil, "count meeting"])
    session.runInteractive(&source)
    #expect(source.prompts == ["newsq> ", "   ...> ", "newsq> ", "newsq> ", "newsq> ", "newsq> "])
    #expect(!out.text.contains("find meeting"))
    #expect(out.text.contains("count meeting"))
    #expect(err.text.components(separatedBy: "To exit").count == 2)
    #expect(err.text.contains("Ctrl-D"))
  }

  @Test func dotCommandsChangeSettings() {
    let (session, out, _) = makeSession()
    var source = ArrayLineSource([".mode csv", ".headers off", ".nullvalue NULL", ".maxrows 7", ".width 4 0 12", ".timer on", ".show"])
    session.runInteractive(&source)
    #expect(session.settings.format == .csv)
    #expect(session.settings.headers == false)
    #expect(session.settings.nullValue == "NULL")
    #expect(session.settings.maxRows == 7)
    #expect(session.settings.widths == [4, 0, 12])
    #expect(session.settings.timer)
    #expect(out.text.contains("mode: csv"))
    #expect(out.text.contains("headers: off"))
    #expect(out.text.contains("nullvalue: \"NULL\""))
    #expect(out.text.contains("maxrows: 7"))
    #expect(session.failures == 0)
  }

  @Test func maxrowsZeroShowsAllAndModeAliases() {
    let (session, _, _) = makeSession { $0.maxRows = 100 }
    session.runScript(".maxrows 0\n.mode md", sourceName: "t.q")
    #expect(session.settings.maxRows == nil)
    #expect(session.settings.format == .markdown)
  }

  @Test func everyDotCommandHasOneLineOfHelp() {
    let (session, out, _) = makeSession()
    session.runScript(".help", sourceName: "t.q")
    for name in [".help", ".tables", ".schema", ".load", ".read", ".mode", ".headers", ".nullvalue", ".maxrows", ".width", ".output", ".once", ".timer", ".show", ".quit"] {
      let lines = out.text.split(separator: "\n").filter { $0.hasPrefix(name + " ") }
      #expect(lines.count == 1, "\(name)")
    }
  }

  @Test func unknownDotCommandSaysDidYouMeanAndKeepsThePromptRunning() {
    let (session, out, err) = makeSession { $0.echo = true }
    var source = ArrayLineSource([".tabels", ".mode jsn", "count meeting"])
    session.runInteractive(&source)
    #expect(err.text.contains("<stdin>:1:1: error: unknown command .tabels"))
    #expect(err.text.contains("did you mean .tables?"))
    #expect(err.text.contains("did you mean 'json'?"))
    #expect(out.text.contains("count meeting"))
    #expect(session.failures == 2)
  }

  @Test func aScriptStopsAtTheFirstFailureUnlessKeepGoing() {
    let script = "count meeting\n.bogus\ncount person\n"
    let (s1, o1, e1) = makeSession { $0.echo = true }
    #expect(s1.runScript(script, sourceName: "r.q") == false)
    #expect(o1.text.contains("count meeting") && !o1.text.contains("count person"))
    #expect(e1.text.hasPrefix("r.q:2:1: error: unknown command .bogus\n.bogus\n^^^^^^\n"))
    let (s2, o2, _) = makeSession { $0.echo = true; $0.keepGoing = true }
    #expect(s2.runScript(script, sourceName: "r.q") == false)
    #expect(o2.text.contains("count person"))
  }

  @Test func scriptStatementsSplitOnSemicolonsAndContinuationLines() {
    let (session, out, _) = makeSession { $0.echo = true; $0.format = .jsonl }
    let script = """
      -- a comment
      count meeting; count person
      find meeting
        where city = "临汾"
        order by date desc
      limit 3

      count place by level
      """
    #expect(session.runScript(script, sourceName: "s.q"))
    let echoed = out.text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init).filter { !$0.hasPrefix("{") }
    #expect(echoed == ["count meeting", "count person", "find meeting", "  where city = \"临汾\"", "  order by date desc", "limit 3", "count place by level"])
  }

  @Test func quitStopsEverything() {
    let (session, out, _) = makeSession { $0.echo = true }
    session.runScript("count meeting\n.quit\ncount person", sourceName: "q.q")
    #expect(session.quitRequested)
    #expect(!out.text.contains("count person"))
  }

  @Test func readIsRelativeToTheReadingScriptAndOnceWritesOneResult() throws {
    let dir = try temporaryDirectory("read")
    let sub = dir.appendingPathComponent("sub")
    try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
    try ".read inner.q\n".write(to: sub.appendingPathComponent("outer.q"), atomically: true, encoding: .utf8)
    try "count person\n".write(to: sub.appendingPathComponent("inner.q"), atomically: true, encoding: .utf8)
    let (session, out, err) = makeSession { $0.echo = true }
    session.runScript(".read sub/outer.q\n.once once.txt\ncount meeting\ncount place", sourceName: "main.q", directory: dir.path)
    #expect(err.text == "")
    #expect(out.text.contains("count person"))
    #expect(out.text.contains("count place"))
    #expect(!out.text.contains("count meeting"))
    let once = try String(contentsOfFile: dir.appendingPathComponent("once.txt").path, encoding: .utf8)
    #expect(once.hasPrefix("count meeting\n"))
  }

  @Test func aScriptThatReadsItselfStops() throws {
    let dir = try temporaryDirectory("loop")
    try ".read loop.q\n".write(to: dir.appendingPathComponent("loop.q"), atomically: true, encoding: .utf8)
    let (session, _, err) = makeSession()
    #expect(session.runScript(".read loop.q", sourceName: "x.q", directory: dir.path) == false)
    #expect(err.text.contains("error: cannot read loop.q"))
  }

  @Test func outputRedirectsUntilResetAndMissingFilesAreErrors() throws {
    let dir = try temporaryDirectory("out")
    let (session, out, err) = makeSession { $0.echo = true }
    session.runScript(".output o.txt\ncount meeting\ncount person\n.output\ncount place\n.load nowhere\n", sourceName: "o.q", directory: dir.path)
    let file = try String(contentsOfFile: dir.appendingPathComponent("o.txt").path, encoding: .utf8)
    #expect(file.contains("count meeting") && file.contains("count person") && !file.contains("count place"))
    #expect(out.text.contains("count place"))
    #expect(err.text.contains("o.q:6:7: error: no such file or directory: nowhere"))
  }

  @Test func schemaAndTables() {
    let (session, out, err) = makeSession()
    session.runScript(".schema meetings\n.tables\n.schema meetng", sourceName: "s.q", stopOnFailure: false)
    #expect(out.text.hasPrefix("meeting\n  id "))
    #expect(out.text.contains("attendees"))
    for e in Entity.allCases { #expect(out.text.contains("\(e.rawValue) ") || out.text.contains("\(e.rawValue)\n")) }
    #expect(err.text.contains("did you mean 'meeting'?"))
  }

  @Test func timerPrintsRealUserSys() {
    let (session, out, _) = makeSession { $0.timer = true }
    session.runScript("count meeting", sourceName: "t.q")
    #expect(out.text.contains("Run Time: real "))
    #expect(out.text.contains(" user ") && out.text.contains(" sys "))
  }

  @Test func findWithoutShowUsesMainColumnsInTables() {
    // The shell tells the renderer which columns a table shows for `find` without `show`.
    let (session, _, _) = makeSession()
    let fields = Schema.fields(of: .meeting)
    let result = ResultSet(columns: fields.map { ResultColumn(name: $0.name, kind: $0.kind) }, rows: [])
    _ = session
    #expect(Session.mainColumns(of: result) == fields.filter(\.isMain).map(\.name))
    let shown = ResultSet(columns: [ResultColumn(name: "name", kind: .text)], rows: [])
    #expect(Session.mainColumns(of: shown) == nil)
  }
}
