import NewsQ
import NewsShell
import Testing

@Suite struct CommandLineParserTests {
  @Test func everyOptionOfTheContract() throws {
    let o = try CommandLineParser.parse([
      "--data", "a", "--data=b", "-c", "count meeting", "-f", "x.q", "y.q", "-c", "find person",
      "--format", "json", "--keep-going", "--echo", "--no-header", "--csv-bom", "--no-rc", "--export", "out",
    ])
    #expect(o.dataPaths == ["a", "b"])
    #expect(o.runs == [.command("count meeting", index: 1), .script("x.q"), .script("y.q"), .command("find person", index: 2)])
    #expect(o.format == .json)
    #expect(o.keepGoing && o.echo && o.noHeader && o.csvBOM && o.noRC)
    #expect(o.exportDirectory == "out")
    #expect(o.commandCount == 2)
    #expect(o.action == .run)
  }

  @Test func versionHelpAndDefaults() throws {
    #expect(try CommandLineParser.parse(["--version"]).action == .version)
    #expect(try CommandLineParser.parse(["--help"]).action == .help)
    let none = try CommandLineParser.parse([])
    #expect(none.runs.isEmpty && none.dataPaths.isEmpty && none.format == nil && !none.keepGoing)
  }

  @Test func badCommandLinesAreUsageErrors() {
    #expect(throws: UsageError.self) { try CommandLineParser.parse(["--data"]) }
    #expect(throws: UsageError.self) { try CommandLineParser.parse(["-c"]) }
    #expect(throws: UsageError.self) { try CommandLineParser.parse(["--bogus"]) }
    #expect(throws: UsageError.self) { try CommandLineParser.parse(["--echo=yes"]) }
    do {
      _ = try CommandLineParser.parse(["--format", "jsn"])
      Issue.record("accepted an unknown format")
    } catch {
      #expect(error.message.contains("jsn"))
      #expect(error.hint?.contains("json") == true)
    }
    do {
      _ = try CommandLineParser.parse(["--keep-gong"])
      Issue.record("accepted a misspelt option")
    } catch {
      #expect(error.hint?.contains("--keep-going") == true)
    }
  }

  @Test func doubleDashMakesEverythingAScript() throws {
    let o = try CommandLineParser.parse(["--", "--echo", "-c"])
    #expect(o.runs == [.script("--echo"), .script("-c")])
    #expect(!o.echo)
  }

  @Test func mentionsSubcommand() throws {
    let o = try CommandLineParser.parse(["mentions", "--base", "2024-12-31", "今年GDP增长5%", "去年"])
    #expect(o.action == .mentions(base: FactDate(year: 2024, month: 12, day: 31), texts: ["今年GDP增长5%", "去年"]))
    #expect(try CommandLineParser.parse(["mentions"]).action == .mentions(base: nil, texts: []))
    #expect(throws: UsageError.self) { try CommandLineParser.parse(["mentions", "--base", "2024-13-01"]) }
    #expect(throws: UsageError.self) { try CommandLineParser.parse(["mentions", "--base"]) }
  }

  @Test func commandLineSourceNames() {
    #expect(SourceName.commandLine(index: 1, of: 1) == "<command-line>")
    #expect(SourceName.commandLine(index: 2, of: 3) == "<command-line>#2")
  }
}
