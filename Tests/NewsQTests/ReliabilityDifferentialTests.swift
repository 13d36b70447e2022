import Foundation
import Testing
import NewsQ

/// The fast differential test: random valid statements through newsq and, via `explain sql` over
/// `export`, through DuckDB (scripts/difftest_duckdb.py --check); skipped without `import duckdb`.
/// The long run is `scripts/difftest_duckdb.py --count 20000 [--synthetic 500]`.
@Suite struct ReliabilityDifferentialTests {
  /// Runs `statements` (or `count` generated ones) and returns the checker's output when it
  /// reports a difference, nil when newsq and DuckDB agree.
  static func differences(_ engine: Engine, count: Int = 0, seed: UInt64 = 7,
                          statements: [String] = []) throws -> String? {
    let dir = Reliability.scratch("difftest")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try engine.export(to: dir + "/export")
    let lines = statements.isEmpty
      ? Differential.cases(engine: engine, exportDirectory: dir + "/export", seed: seed, count: count)
      : Differential.cases(engine: engine, exportDirectory: dir + "/export", statements: statements.map { .init(text: $0) })
    try (lines.joined(separator: "\n") + "\n").write(toFile: dir + "/cases.jsonl", atomically: true, encoding: .utf8)
    let script = Reliability.root.appendingPathComponent("scripts/difftest_duckdb.py").path
    let (status, out) = Reliability.python([script, "--check", dir])
    return status == 0 ? nil : out
  }

  @Test(.enabled(if: Reliability.duckdbAvailable, "python3 -c 'import duckdb' fails"))
  func seedsAgreeWithDuckDB() throws {
    let diff = try Self.differences(try Engine(), count: 300)
    #expect(diff == nil, "\(diff ?? "")")
  }

  @Test(.enabled(if: Reliability.duckdbAvailable, "python3 -c 'import duckdb' fails"))
  func syntheticFactsAgreeWithDuckDB() throws {
    let engine = Engine.empty()
    engine.add(facts: Differential.syntheticFacts(perEntity: 80, seed: 3))
    let diff = try Self.differences(engine, count: 300, seed: 11)
    #expect(diff == nil, "\(diff ?? "")")
  }

  // Differences the long run found (Fuzz/README.md "Differences found and fixed"); each is one
  // statement that must keep agreeing. `ReliabilitySemanticsTests` checks newsq's side alone.

  static func synthetic(emptyLists: Bool = true) -> Engine {
    let engine = Engine.empty()
    engine.add(facts: Differential.syntheticFacts(perEntity: 60, seed: 5, emptyLists: emptyLists))
    return engine
  }

  @Test(.enabled(if: Reliability.duckdbAvailable, "python3 -c 'import duckdb' fails"))
  func groupedAggregateKeepsNullGroups() throws {
    #expect(try Self.differences(try Engine(), statements: ["max area of project by city", "min date of meeting by kind",
                                                            "avg article of project where investment is null by county"]) == nil)
  }

  @Test(.enabled(if: Reliability.duckdbAvailable, "python3 -c 'import duckdb' fails"))
  func listGroupKeepsNullGroup() throws {
    #expect(try Self.differences(try Engine(), statements: ["count person by titles"]) == nil)
  }

  @Test(.enabled(if: Reliability.duckdbAvailable, "python3 -c 'import duckdb' fails"))
  func listGroupCountsRowOnce() throws {
    #expect(try Self.differences(Self.synthetic(), statements: ["count meeting by attendees", "count distinct attendees of meeting by city",
                                                                "count meeting by attendees, kind"]) == nil)
  }

  @Test(.enabled(if: Reliability.duckdbAvailable, "python3 -c 'import duckdb' fails"))
  func dateOrderPutsNullsLast() throws {
    #expect(try Self.differences(Self.synthetic(), statements: ["find meeting order by date, id"]) == nil)
  }

  @Test(.enabled(if: Reliability.duckdbAvailable, "python3 -c 'import duckdb' fails"))
  func emptyListIsNull() throws {
    #expect(try Self.differences(Self.synthetic(), statements: ["count meeting where attendees is null"]) == nil)
  }

  @Test(.enabled(if: Reliability.duckdbAvailable, "python3 -c 'import duckdb' fails"))
  func moneyAggregateIsOneRowPerCurrency() throws {
    #expect(try Self.differences(try Engine(), statements: ["sum investment of project", "avg value of indicator by city",
                                                            "max investment of project where id = -1", "sum investment of project by currency"]) == nil)
  }

  @Test(.enabled(if: Reliability.duckdbAvailable, "python3 -c 'import duckdb' fails"))
  func fullWidthPunctuationFoldsOnBothSides() throws {
    #expect(try Self.differences(try Engine(), statements: [#"count article where title = "正言轩:高质量发展全面提质提速的“临汾密码”""#,
                                                            #"count visit where purpose != "参观考察,寻求对接招商项目""#,
                                                            #"find visit where purpose contains "考察," show id"#]) == nil)
  }

  @Test(.enabled(if: Reliability.duckdbAvailable, "python3 -c 'import duckdb' fails"))
  func explainSQLUsesTheGazetteer() throws {
    let engine = Engine.empty()
    engine.add(facts: [Fact(.meeting, ["id": .integer(1), "city": .text("北京市"), "province": .text("北京市")])])
    #expect(try Self.differences(engine, statements: [#"count meeting where city != "北京市""#,
                                                      #"count meeting where city = "临汾""#]) == nil)
    // Another division with the same stem is not the named one (鹤山区 of 鹤壁, 鹤山市 of 江门).
    let twins = Engine.empty()
    twins.add(facts: [Fact(.person, ["id": .integer(1), "name": "甲", "city": "江门市", "county": "鹤山市"]),
                      Fact(.person, ["id": .integer(2), "name": "乙", "city": "鹤壁市", "county": "鹤山区"])])
    #expect(try Self.differences(twins, statements: [#"find person where county in ("鹤山区", "呈贡区")"#,
                                                     #"count person where county != "鹤山市""#]) == nil)
  }
}
