import Foundation
import Testing
import NewsFacts
@testable import NewsExtract

/// The seeds, read from the package's `seeds/` folder.
enum Seeds {
  static var directory: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("seeds")
  }

  static func all() throws -> [(String, String)] {
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".txt") }.sorted()
    return try names.map { ($0, try String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8)) }
  }

  static func corpus() throws -> Corpus {
    var c = Corpus()
    for (name, text) in try all() { c.add(FactExtractor.extract(path: name, text: text)) }
    return c
  }
}

@Suite struct FactsSeedTests {
  @Test func dumpSeeds() throws {
    let c = try Seeds.corpus()
    for e in Entity.allCases {
      let rows = c.facts(of: e)
      print("== \(e.rawValue): \(rows.count)")
      guard ProcessInfo.processInfo.environment["NEWSQ_DUMP"] != nil else { continue }
      for f in rows {
        let keys = Schema.fields(of: e).map(\.name).filter { !["evidence", "span"].contains($0) }
        print(keys.compactMap { k in f[k].isNull ? nil : "\(k)=\(f[k])" }.joined(separator: " | "))
      }
    }
  }
}
