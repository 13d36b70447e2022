import Foundation
import NewsFacts

/// One scored document: its answer key and its text.
struct QualityCase: Sendable {
  var key: AnswerKey
  /// The path the extractor is given: the file name, as `doc` holds it for the seeds.
  var path: String
  var text: String
}

/// Finds answer keys and their documents: seeds (`Fixtures/answer-keys/NNN.json`, texts in the
/// package's `seeds/`) and own articles (`Fixtures/own-articles/NN_name.json` beside `.txt`).
enum QualityFixtures {
  static var fixtures: URL {
    Bundle.module.url(forResource: "Fixtures", withExtension: nil)
      ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
  }

  /// The package's `seeds/` folder (Tests/NewsExtractTests/Scoring/ → four levels up).
  static var seeds: URL {
    var u = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { u.deleteLastPathComponent() }
    return u.appendingPathComponent("seeds")
  }

  static func seedCases() throws -> [QualityCase] {
    try cases(keys: fixtures.appendingPathComponent("answer-keys"), texts: seeds)
  }

  static func ownCases() throws -> [QualityCase] {
    let dir = fixtures.appendingPathComponent("own-articles")
    return try cases(keys: dir, texts: dir)
  }

  private static func cases(keys: URL, texts: URL) throws -> [QualityCase] {
    let names = try FileManager.default.contentsOfDirectory(atPath: keys.path)
      .filter { $0.hasSuffix(".json") }.sorted()
    return try names.map { name in
      let file = keys.appendingPathComponent(name)
      let key = try AnswerKey.parse(try Data(contentsOf: file), file: name)
      let textURL = texts.appendingPathComponent(key.doc)
      guard let text = try? String(contentsOf: textURL, encoding: .utf8) else {
        throw AnswerKeyError(file: name, message: "document \(textURL.path) not readable")
      }
      return QualityCase(key: key, path: key.doc, text: text)
    }
  }

  /// Scores every case with `extract`, summed per entity over the set.
  static func score(_ cases: [QualityCase], extract: (String, String) -> [Fact]) -> [Entity: EntityScore] {
    var total: [Entity: EntityScore] = [:]
    for c in cases {
      let facts = extract(c.path, c.text)
      for (e, s) in QualityScorer.score(key: c.key.entries, facts: facts) {
        var labelled = s
        labelled.missing = s.missing.map { "\(c.key.doc.prefix(6)) \($0)" }
        labelled.invented = s.invented.map { "\(c.key.doc.prefix(6)) \($0)" }
        total[e] = (total[e] ?? EntityScore()) + labelled
      }
    }
    return total
  }
}

/// The printed table: one row per entity, then field accuracy and the first misses.
enum QualityReport {
  /// How many misses per entity the table lists: 6, or `NEWSQ_QUALITY_DETAILS` when set.
  static var defaultDetails: Int {
    ProcessInfo.processInfo.environment["NEWSQ_QUALITY_DETAILS"].flatMap { Int($0) } ?? 6
  }

  static func render(title: String, _ scores: [Entity: EntityScore], details: Int = defaultDetails) -> String {
    func pct(_ x: Double?) -> String {
      guard let x else { return "     -" }
      let s = String(format: "%.2f", x)
      return String(repeating: " ", count: max(0, 6 - s.count)) + s
    }
    func pad(_ s: String, _ n: Int) -> String { String(repeating: " ", count: max(0, n - s.count)) + s }
    var lines = ["quality — \(title)",
                 "entity     keyed found  got   ok  dup  opt wrong  precision recall"]
    for e in Entity.allCases {
      let s = scores[e] ?? EntityScore()
      lines.append(e.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
        + pad("\(s.keyed)", 6) + pad("\(s.found)", 6) + pad("\(s.extracted)", 5) + pad("\(s.matched)", 5)
        + pad("\(s.duplicates)", 5) + pad("\(s.neutral)", 5) + pad("\(s.wrong)", 6)
        + "     " + pct(s.precision) + " " + pct(s.recall))
    }
    lines.append("field accuracy over matched facts (right/scored):")
    for e in Entity.allCases {
      let s = scores[e] ?? EntityScore()
      let parts = FieldChecks.fields(of: e).compactMap { f in s.fields[f].map { "\(f) \($0.right)/\($0.total)" } }
      if !parts.isEmpty { lines.append("  \(e.rawValue): " + parts.joined(separator: ", ")) }
    }
    for e in Entity.allCases {
      let s = scores[e] ?? EntityScore()
      if !s.missing.isEmpty {
        lines.append("  missed \(e.rawValue) (\(s.missing.count)): " + s.missing.prefix(details).joined(separator: "; ")
          + (s.missing.count > details ? " …" : ""))
      }
      if !s.invented.isEmpty {
        lines.append("  unmatched \(e.rawValue) (\(s.invented.count)): " + s.invented.prefix(details).joined(separator: "; ")
          + (s.invented.count > details ? " …" : ""))
      }
    }
    return lines.joined(separator: "\n")
  }
}
