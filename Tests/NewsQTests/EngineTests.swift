import Testing
import Foundation
import Synchronization
@testable import NewsQ

@Suite struct EngineTests {
  @Test func builtinCorpusIsTheSeedsByteForByte() throws {
    let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../seeds").standardized
    let names = try FileManager.default.contentsOfDirectory(atPath: seeds.path).filter { $0.hasSuffix(".txt") }.sorted()
    #expect(names == BuiltinCorpus.documents.map(\.name))
    for doc in BuiltinCorpus.documents {
      let bytes = try Data(contentsOf: seeds.appendingPathComponent(doc.name))
      #expect(Array(bytes) == Array(doc.text.utf8), "seeds/\(doc.name) differs from the built-in copy: run scripts/gen_builtin_corpus.py")
    }
  }

  @Test func theMissionExampleAnswersFromTheSeeds() throws {
    let engine = try Engine()
    let result = try engine.run(#"find meeting where city="临汾""#)
    let cityColumn = try #require(result.columns.firstIndex { $0.name == "city" })
    #expect(!result.rows.isEmpty)
    #expect(result.rows.allSatisfy { $0[cityColumn] == .text("临汾市") })
    // File 000 never writes 临汾: its 尧都区 meeting resolves upward.
    let docColumn = try #require(result.columns.firstIndex { $0.name == "doc" })
    #expect(result.rows.contains { $0[docColumn] == .text("000_d411e53b6fa62435.txt") })
  }

  @Test func parametersAreBoundNotPasted() throws {
    let engine = try Engine()
    let a = try engine.run(#"count meeting where city = $1"#, parameters: ["临汾"])
    let b = try engine.run(#"count meeting where city = "临汾""#)
    #expect(a == b)
    // A parameter holding quote characters is a value, never statement text.
    let c = try engine.run(#"count meeting where city = $1"#, parameters: [#"临汾" or city != "x"#])
    #expect(c.rows.first?.first == .integer(0))
  }

  @Test func preparedStatementsRunManyTimes() throws {
    let engine = try Engine()
    let prepared = try engine.prepare("count person where county = $1")
    let yaodu = try prepared.run(parameters: ["尧都"])
    let jiang = try prepared.run(parameters: ["绛县"])
    #expect(yaodu.rows.count == 1 && jiang.rows.count == 1)
    #expect(yaodu != jiang)
  }

  @Test func errorsCarryLineColumnAndOffset() {
    let engine = Engine.empty()
    do {
      _ = try engine.run("find meeting\nwhere cty = \"临汾\"")
      Issue.record("expected an error")
    } catch {
      guard case .statement(let d) = error else { Issue.record("wrong error \(error)"); return }
      let loc = d.location(in: "find meeting\nwhere cty = \"临汾\"")
      #expect(loc.line == 2)
      #expect(loc.column == 7)
      #expect(loc.offset == 19)
      #expect(d.hint?.contains("city") == true)
    }
  }

  @Test func factsAddedDirectlyAreQueried() throws {
    let engine = Engine.empty()
    engine.add(facts: [
      Fact(.project, ["name": "甲项目", "investment": .number(2e9), "currency": "CNY", "city": "临汾市", "province": "山西省"]),
      Fact(.project, ["name": "乙项目", "investment": .number(5e8), "currency": "CNY", "city": "运城市", "province": "山西省"]),
      Fact(.project, ["name": "丙项目", "investment": .number(3e9), "currency": "USD", "city": "临汾市", "province": "山西省"]),
    ])
    let r = try engine.run("find project where investment > 10亿 show name")
    #expect(r.rows == [[.text("甲项目")]])
  }

  @Test func traditionalLiteralsMatchSimplifiedFactsAddedDirectly() throws {
    let engine = Engine.empty()
    engine.add(facts: [
      Fact(.meeting, ["name": "全市项目推进会", "kind": "推进会", "city": "临汾市", "province": "山西省"]),
      Fact(.meeting, ["name": "全市座谈会", "kind": "座谈会", "city": "临汾市", "province": "山西省"]),
    ])
    let r = try engine.run(#"find meeting where city = "臨汾" and kind = "推進會" show name"#)
    #expect(r.rows == [[.text("全市项目推进会")]])
  }

  @Test func documentsInMemoryLoadAndCarryProvenance() throws {
    let text = "本报讯 3月5日，江苏省仪征市召开全市重点项目推进会，市委书记张建国主持会议。"
    let engine = try Engine(documents: ["a.txt": text])
    let r = try engine.run("find meeting show doc, span, evidence")
    let row = try #require(r.rows.first)
    #expect(row[0] == .text("a.txt"))
    guard case .span(let s, let e) = row[1], case .text(let evidence) = row[2] else {
      Issue.record("no span/evidence: \(row)"); return
    }
    let scalars = Array(text.unicodeScalars)
    #expect(String(String.UnicodeScalarView(scalars[s..<e])) == evidence)
  }

  @Test func queriesFinishWhileALoadIsHeldMidBuild() async throws {
    let engine = try Engine()
    let before = try engine.run("count meeting")
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("newsq-held-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try "本报讯 3月5日，江苏省仪征市召开全市重点项目推进会，市委书记张建国主持会议。"
      .write(to: dir.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
    let held = DispatchSemaphore(value: 0)
    let release = DispatchSemaphore(value: 0)
    let finished = DispatchSemaphore(value: 0)
    let loader = Thread {
      engine.load(paths: [dir.path]) { progress in
        if progress.facts > 0 { held.signal(); release.wait() }
      }
      finished.signal()
    }
    loader.start()
    held.wait()  // the load is now stopped inside its build
    let results = try await withThrowingTaskGroup(of: ResultSet.self) { group in
      for _ in 0..<64 { group.addTask { try engine.run("count meeting") } }
      var all: [ResultSet] = []
      for try await r in group { all.append(r) }
      return all
    }
    #expect(results.count == 64)
    #expect(results.allSatisfy { $0 == before })
    release.signal()
    finished.wait()
    let after = try engine.run("count meeting")
    #expect(after != before)
  }

  @Test func cancelStopsARunningStatement() throws {
    let engine = Engine.empty()
    engine.add(facts: (0..<300_000).map { i in Fact(.person, ["name": .text("人\(i)"), "titles": .list(["书记", "县长"])]) })
    // Sorting 300,000 names by pinyin takes far longer than the 1 ms between cancels, so some
    // cancel lands while the statement runs, whichever phase it is in.
    let finished = Atomic<Bool>(false)
    let canceller = Thread {
      while !finished.load(ordering: .relaxed) { engine.cancel(); usleep(1_000) }
    }
    canceller.start()
    defer { finished.store(true, ordering: .relaxed) }
    #expect(throws: EngineError.cancelled) {
      try engine.run("find person where name contains '人' order by name desc, titles")
    }
  }

  @Test func badFilesAreReportedAndSkippedWhileGoodOnesLoad() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("newsq-bad-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try Data([0, 1, 2, 0xff, 0, 0x13, 0x88, 0]).write(to: dir.appendingPathComponent("binary.txt"))
    try Data().write(to: dir.appendingPathComponent("empty.txt"))
    try "本报讯 5月20日，绛县召开科局级以上干部大会。".write(to: dir.appendingPathComponent("good.txt"), atomically: true, encoding: .utf8)
    try FileManager.default.createSymbolicLink(at: dir.appendingPathComponent("loop"), withDestinationURL: dir)
    let engine = Engine.empty()
    let report = engine.load(paths: [dir.path])
    #expect(report.skipped.map { ($0.path as NSString).lastPathComponent } == ["binary.txt"])
    #expect(report.loaded.contains { $0.hasSuffix("good.txt") })
    #expect(engine.tableSizes.first { $0.0 == .article }!.1 >= 1)
  }
}

/// product.md §5: `for row in result.rows { print(row["name"], row["date"]) }`.
@Suite struct EmbeddingRowTests {
  @Test func rowsAreReadByColumnName() throws {
    let engine = try Engine()
    let result = try engine.run(#"find meeting where city = $1"#, parameters: ["临汾"])
    #expect(!result.rows.isEmpty)
    let name = try #require(result.columns.firstIndex { $0.name == "name" })
    let date = try #require(result.columns.firstIndex { $0.name == "date" })
    for row in result.rows {
      #expect(row["name"] == row[name])
      #expect(row["date"] == row[date])
      #expect(row["city"] == .text("临汾市"))
      #expect(row["no such column"] == .null)
    }
  }
}
