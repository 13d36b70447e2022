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
  /// The mission's first check: seed 000 never writes 临汾, yet its 尧都区 meetings are in 临汾市.
  @Test func seed000MeetingsResolveUpToLinfen() throws {
    let seeds = try Seeds.all()
    guard let (name, text) = seeds.first(where: { $0.0.hasPrefix("000") }) else { Issue.record("seed 000 missing"); return }
    #expect(!text.contains("临汾") && !text.contains("臨汾"))
    var c = Corpus()
    c.add(FactExtractor.extract(path: name, text: text))
    let linfen = c.facts(of: .meeting).filter { $0["city"] == "临汾市" }
    #expect(linfen.count >= 2)
    #expect(linfen.contains { ($0["name"].text ?? "").hasSuffix("推进会") && $0["county"] == "尧都区" && $0["province"] == "山西省" })
    #expect(linfen.allSatisfy { $0["doc"] == .text(name) })
  }

  /// Facts carry provenance everywhere on the seeds, and spans point at their evidence.
  @Test func seedProvenance() throws {
    for (name, text) in try Seeds.all() {
      let orig = Array(text.unicodeScalars)
      var c = Corpus()
      c.add(FactExtractor.extract(path: name, text: text))
      for f in c.facts {
        guard case .span(let a, let b) = f["span"], a <= b, b <= orig.count else { Issue.record("bad span in \(name)"); continue }
        var s = String(); s.unicodeScalars.append(contentsOf: orig[a..<b])
        #expect(f["evidence"] == .text(s))
      }
    }
  }

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
