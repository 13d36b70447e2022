import Foundation
import Testing
@testable import NewsQ

/// Golden scripts: `Scripts/golden/NAME.q` run through `Engine()` (the built-in seeds), each
/// statement's result rendered in every format (table, csv, json, jsonl, markdown) and compared
/// with `Scripts/golden/NAME.expected`. A statement that fails is rendered once, as the command
/// line prints it: `Diagnostic.rendered` against the whole script, so line, column and caret are
/// the script's. Set NEWSQ_UPDATE_GOLDEN=1 to rewrite the expected files (then read the diff).
///
/// Every answer here is a fact a reader can check in seeds/ (the statement's comment in the
/// script says where); `errors.q` and `sql.q` do not depend on extraction at all.
private let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .appendingPathComponent("Scripts/golden")

/// One engine over the seeds for every script (extraction runs once).
private let seedEngine: Result<Engine, any Error> = Result { try Engine() }

private func scripts() -> [String] {
  let names = (try? FileManager.default.contentsOfDirectory(atPath: goldenDirectory.path)) ?? []
  return names.filter { $0.hasSuffix(".q") }.map { String($0.dropLast(2)) }.sorted()
}

/// The transcript of `script`: each statement, then its result in every format or its error.
func goldenTranscript(_ script: String, name: String, engine: Engine) -> String {
  var out = ""
  for chunk in StatementSplitter.split(script) where !chunk.isDotCommand {
    out += ">>> \(chunk.text)\n"
    do {
      let result = try engine.run(chunk.text)
      for format in OutputFormat.allCases {
        out += "--- \(format.rawValue)\n"
        var text = Renderer.render(result, as: format)
        if !text.hasSuffix("\n") { text += "\n" }
        out += text
      }
    } catch {
      out += "--- error\n"
      switch error {
      case .statement(let d):
        out += d.shifted(by: chunk.offset).rendered(source: script, sourceName: "\(name).q") + "\n"
      case .cancelled:
        out += "cancelled\n"
      case .io(let path, let reason):
        out += "io: \(path): \(reason)\n"
      }
    }
    out += "\n"
  }
  return out
}

@Suite struct GoldenScriptTests {
  @Test func thereAreGoldenScripts() {
    #expect(scripts().count >= 4)
  }

  @Test(arguments: scripts())
  func script(name: String) throws {
    let engine = try seedEngine.get()
    let source = try String(contentsOf: goldenDirectory.appendingPathComponent(name + ".q"), encoding: .utf8)
    let actual = goldenTranscript(source, name: name, engine: engine)
    let url = goldenDirectory.appendingPathComponent(name + ".expected")
    if ProcessInfo.processInfo.environment["NEWSQ_UPDATE_GOLDEN"] == "1" {
      try Data(actual.utf8).write(to: url)
      return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(actual == expected, "golden \(name).expected differs; NEWSQ_UPDATE_GOLDEN=1 rewrites it")
  }
}
