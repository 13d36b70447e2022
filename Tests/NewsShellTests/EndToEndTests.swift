import Foundation
import Testing

/// The real binary: in a pseudo-terminal (tmux) for the prompt, through pipes for scripts.
@Suite(.serialized) struct TerminalEndToEndTests {
  func start(_ args: String = "", home: URL? = nil, history: String? = nil, environment: [String: String] = [:]) throws -> (TerminalDriver, URL) {
    let bin = try newsqBinary()
    let dir = try home ?? temporaryDirectory("pty")
    let hist = history ?? dir.appendingPathComponent("history").path
    let env = ["HOME": dir.path, "NEWSQ_HISTORY": hist].merging(environment) { $1 }
    let t = try TerminalDriver(command: "\(shellQuote(bin)) --no-rc \(args)", environment: env)
    try t.wait { $0.contains("newsq>") }
    return (t, dir)
  }

  @Test func promptContinuationAndCtrlDExitsWithZero() throws {
    let (t, _) = try start()
    try t.type("find meeting where")
    try t.keys("Enter")
    try t.wait { $0.contains("...>") }
    try t.type("city = \"临汾\"")
    try t.keys("Enter")
    try t.wait { $0.components(separatedBy: "newsq>").count >= 3 }
    try t.keys("C-d")
    let screen = try t.wait { $0.contains("EXIT=") }
    #expect(screen.contains("EXIT=0"))
  }

  @Test func withoutLibeditThePromptReadsPlainLinesAfterANote() throws {
    let (t, dir) = try start(environment: ["NEWSQ_LIBEDIT": "libnewsq-missing-editline.so.0"])
    let first = try t.screen()
    #expect(first.contains("note: no line editing"))
    #expect(first.contains("libnewsq-missing-editline.so.0"))
    try t.type("find meeting where")
    try t.keys("Enter")
    try t.wait { $0.contains("...>") }
    try t.type("city = \"临汾\" show name")
    try t.keys("Enter")
    let answered = try t.wait { $0.contains("2 rows") }
    #expect(answered.contains("尧都区重点项目和重点工作观摩总结推进会"))
    try t.keys("C-d")
    #expect(try t.wait { $0.contains("EXIT=") }.contains("EXIT=0"))
    // No libedit, no history file.
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("history").path))
  }

  @Test func ctrlCAbandonsTheLineAndNeverExits() throws {
    let (t, _) = try start()
    try t.type("find meeting where")
    try t.keys("Enter")
    try t.wait { $0.contains("...>") }
    try t.keys("C-c")
    try t.wait { $0.components(separatedBy: "newsq>").count >= 3 }
    try t.keys("C-c")
    try t.keys("C-c")
    let s = try t.wait { $0.contains("To exit") }
    #expect(!s.contains("EXIT="))
    try t.type(".quit")
    try t.keys("Enter")
    #expect(try t.wait { $0.contains("EXIT=") }.contains("EXIT=0"))
  }

  @Test func upArrowBringsBackAMultiLineStatementAfterARestart() throws {
    let dir = try temporaryDirectory("hist")
    do {
      let (t, _) = try start(home: dir)
      try t.type("find meeting where")
      try t.keys("Enter")
      try t.wait { $0.contains("...>") }
      try t.type("county = \"尧都\"")
      try t.keys("Enter")
      try t.wait { $0.components(separatedBy: "newsq>").count >= 3 }
      try t.keys("C-d")
      try t.wait { $0.contains("EXIT=") }
    }
    let (t, _) = try start(home: dir)
    try t.keys("Up")
    let s = try t.wait { $0.contains("county = \"尧都\"") }
    #expect(s.contains("newsq> find meeting where"))
  }

  @Test
  func tabCompletesAnEntityAndAPlaceValue() throws {
    let (t, _) = try start()
    try t.type("find mee")
    try t.keys("Tab")
    try t.wait { $0.contains("newsq> find meeting") }
    try t.type("where city = \"lf")
    try t.keys("Tab")
    try t.wait { $0.contains("city = \"临汾市") }
    try t.keys("C-u")
    try t.type("find meeting where city = \"臨")
    try t.keys("Tab")
    try t.wait { $0.contains("city = \"临汾市") }
  }

  @Test
  func traditionalCharactersQueryLikeSimplified() throws {
    let bin = try newsqBinary()
    let simplified = try run(bin, ["--no-rc", "--format", "csv", "--no-header", "-c", "count meeting where city = \"临汾\""])
    #expect(simplified.status == 0)
    let count = simplified.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(Int(count).map { $0 > 0 } == true)
    let (t, _) = try start()
    try t.type(".mode csv")
    try t.keys("Enter")
    try t.type(".headers off")
    try t.keys("Enter")
    try t.type("count meeting where city = \"臨汾\"")
    try t.keys("Enter")
    let s = try t.wait { $0.components(separatedBy: "newsq>").count >= 5 }
    #expect(s.contains("\n\(count)\n"))
  }

  @Test
  func errorCaretUnderTheOffendingWordInCells() throws {
    let (t, _) = try start()
    try t.type("find meeting where 城市 = 1")
    try t.keys("Enter")
    let s = try t.wait { $0.contains("error:") && $0.contains("^") }
    #expect(s.contains("<stdin>:1:20: error:"))
    // The caret sits under 城市: 19 cells of text before it.
    let lines = s.split(separator: "\n").map(String.init)
    let caret = try #require(lines.first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("^") })
    #expect(caret.prefix { $0 == " " }.count == 19)
    #expect(caret.filter { $0 == "^" }.count == 4)
  }

  // The executor polls for cancellation in every long loop and sort, so Ctrl-C lands in any
  // phase of `count … by`. The 10 s wait is a watchdog for a hang, not a speed limit.
  @Test
  func ctrlCStopsALongStatementAndReturnsToThePrompt() throws {
    // A large synthetic store: grouping 80,000 meetings by two high-cardinality text fields
    // takes well over a second in a debug build.
    let bin = try newsqBinary()
    let dir = try temporaryDirectory("big")
    let t = try TerminalDriver(command: "\(shellQuote(bin)) --no-rc --synthetic 80000",
                               environment: ["HOME": dir.path, "NEWSQ_HISTORY": dir.appendingPathComponent("h").path])
    try t.wait(timeout: 240) { $0.contains("newsq>") }
    try t.type("count meeting by evidence, host limit 1")
    try t.keys("Enter")
    Thread.sleep(forTimeInterval: 0.5)
    let during = try t.screen()
    #expect(during.components(separatedBy: "newsq>").count == 2, "the statement finished in under 0.5 s: make it slower")
    try t.keys("C-c")
    let s = try t.wait(timeout: 10) { $0.contains("Interrupted") && $0.components(separatedBy: "newsq>").count >= 3 }
    #expect(!s.contains("EXIT="))
    #expect(!s.contains("1 row"))
  }
}

@Suite struct ProcessEndToEndTests {
  @Test func versionHelpAndUsageErrors() throws {
    let bin = try newsqBinary()
    let v = try run(bin, ["--version"])
    #expect(v.status == 0 && v.stdout.hasPrefix("newsq "))
    let h = try run(bin, ["--help"])
    #expect(h.status == 0 && h.stdout.contains("--keep-going"))
    let bad = try run(bin, ["--bogus"])
    #expect(bad.status == 2 && bad.stderr.contains("unknown option '--bogus'"))
    let missing = try run(bin, ["--data", "/nonexistent/newsq-data"])
    #expect(missing.status == 2 && missing.stderr.contains("/nonexistent/newsq-data"))
    let noScript = try run(bin, ["--no-rc", "/nonexistent/x.q"])
    #expect(noScript.status == 2)
  }

  @Test func documentsGivenButNoneLoadedIsThree() throws {
    let bin = try newsqBinary()
    let empty = try temporaryDirectory("empty")
    let r = try run(bin, ["--no-rc", "--data", empty.path, "-c", "count meeting"])
    #expect(r.status == 3)
    #expect(r.stderr.contains("no document could be loaded"))
  }

  @Test func commandLineErrorsNameTheirSource() throws {
    let bin = try newsqBinary()
    let one = try run(bin, ["--no-rc", "-c", ".bogus"])
    #expect(one.status == 1)
    #expect(one.stderr.hasPrefix("<command-line>:1:1: error: unknown command .bogus\n.bogus\n^^^^^^\n"))
    let two = try run(bin, ["--no-rc", "-c", ".mode csv", "-c", ".tabels"])
    #expect(two.status == 1)
    #expect(two.stderr.hasPrefix("<command-line>#2:1:1: error: unknown command .tabels"))
    #expect(two.stderr.contains("did you mean .tables?"))
  }

  @Test func scriptsStopAtTheFirstFailureUnlessKeepGoing() throws {
    let bin = try newsqBinary()
    let dir = try temporaryDirectory("scripts")
    let script = dir.appendingPathComponent("r.q")
    try ".mode csv\n.bogus\n.show\n".write(to: script, atomically: true, encoding: .utf8)
    let stop = try run(bin, ["--no-rc", script.path])
    #expect(stop.status == 1)
    #expect(stop.stderr.hasPrefix("\(script.path):2:1: error: unknown command .bogus"))
    #expect(!stop.stdout.contains("mode: csv"))
    let go = try run(bin, ["--no-rc", "--keep-going", "-f", script.path])
    #expect(go.status == 1)
    #expect(go.stdout.contains("mode: csv"))
  }

  @Test func aPipeHasNoPromptNoEscapesAndNamesStdin() throws {
    let bin = try newsqBinary()
    let r = try run(bin, ["--no-rc"], stdin: ".mode json\n.show\n.nope\n.show\n")
    #expect(r.status == 1)
    #expect(!r.stdout.contains("newsq>") && !r.stdout.contains("\u{1B}") && !r.stderr.contains("\u{1B}"))
    #expect(r.stdout.contains("mode: json"))
    #expect(r.stdout.components(separatedBy: "mode: json").count == 2)
    #expect(r.stderr.hasPrefix("<stdin>:3:1: error: unknown command .nope"))
    let ok = try run(bin, ["--no-rc"], stdin: ".mode csv\n")
    #expect(ok.status == 0 && ok.stderr.isEmpty)
  }

  @Test func rcFileRunsFirstUnlessNoRc() throws {
    let bin = try newsqBinary()
    let home = try temporaryDirectory("rc")
    try ".mode markdown\n.nullvalue -\n".write(to: home.appendingPathComponent(".newsqrc"), atomically: true, encoding: .utf8)
    let with = try run(bin, ["-c", ".show"], environment: ["HOME": home.path])
    #expect(with.stdout.contains("mode: markdown") && with.stdout.contains("nullvalue: \"-\""))
    let without = try run(bin, ["--no-rc", "-c", ".show"], environment: ["HOME": home.path])
    #expect(without.stdout.contains("mode: table"))
  }

  @Test func closedStdoutExitsQuietly() throws {
    let bin = try newsqBinary()
    let dir = try temporaryDirectory("pipe")
    let script = dir.appendingPathComponent("many.q")
    try String(repeating: ".schema\n", count: 3000).write(to: script, atomically: true, encoding: .utf8)
    let r = try run("/bin/bash", ["-c", "\(shellQuote(bin)) --no-rc \(shellQuote(script.path)) | head -1; echo \"status=${PIPESTATUS[0]}\""])
    #expect(r.stdout == "article\nstatus=0\n")
    #expect(r.stderr.isEmpty)
  }

  @Test func invalidUtf8AndControlCharactersInAPipeAreNotACrash() throws {
    let bin = try newsqBinary()
    var bytes: [UInt8] = Array(".mode csv\n".utf8) + [0xFF, 0xFE, 0x80, 0x0A] + Array(".sh\u{7}ow\n".utf8) + [0, 1, 2, 0x0A]
    bytes += Array(repeating: UInt8(ascii: "x"), count: 1 << 20) + [0x0A]
    let r = try run(bin, ["--no-rc"], stdinBytes: bytes)
    #expect(!r.signalled)
    #expect(r.status == 0 || r.status == 1)
    #expect(!r.stderr.isEmpty)
  }
}
