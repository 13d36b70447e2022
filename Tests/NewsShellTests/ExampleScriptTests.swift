import Foundation
import Testing

/// The example scripts users are pointed to must run clean on the built-in corpus.
@Suite struct ExampleScriptTests {
  static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../Examples").standardized

  @Test func everyExampleScriptRunsWithoutAnError() throws {
    let bin = try newsqBinary()
    let scripts = try FileManager.default.contentsOfDirectory(atPath: Self.examples.path)
      .filter { $0.hasSuffix(".q") }.sorted()
    #expect(scripts.contains("tour.q"))
    for name in scripts {
      let r = try run(bin, ["--no-rc", Self.examples.appendingPathComponent(name).path])
      #expect(r.status == 0, "\(name): \(r.stderr)")
      #expect(r.stderr.isEmpty, "\(name): \(r.stderr)")
      #expect(r.stdout.contains(" rows") || r.stdout.contains(" row"), "\(name) printed no result")
    }
  }

  @Test func theTourExercisesEveryStatementKind() throws {
    let tour = try String(contentsOf: Self.examples.appendingPathComponent("tour.q"), encoding: .utf8)
    let lines = tour.split(separator: "\n").filter { !$0.hasPrefix("--") }.map { $0.lowercased() }
    for start in ["find ", "count ", "sum ", "explain ", "explain sql", "why ", "export ", "avg ", "max ", "find distinct", ".tables"] {
      #expect(lines.contains { $0.hasPrefix(start) }, "tour.q has no '\(start)' statement")
    }
    #expect(lines.contains { $0.contains(" in (find") }, "tour.q has no subquery")
  }
}
