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
      ? Differential.cases(engine: engine, exportDirectory: dir + "/export", seed: seed, count: count, sidestepKnown: true)
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
    engine.add(facts: Differential.syntheticFacts(perEntity: 80, seed: 3, emptyLists: false))
    let diff = try Self.differences(engine, count: 300, seed: 11)
    #expect(diff == nil, "\(diff ?? "")")
  }

  // Known differences found by the long run (Fuzz/README.md "Known differences"); each is one
  // statement that must agree once fixed.

  static func synthetic(emptyLists: Bool = true) -> Engine {
    let engine = Engine.empty()
    engine.add(facts: Differential.syntheticFacts(perEntity: 60, seed: 5, emptyLists: emptyLists))
    return engine
  }

  @Test(.disabled("bug: a grouped min/max/sum/avg drops groups whose aggregate is null; SQL keeps them with NULL"))
  func groupedAggregateKeepsNullGroups() throws {
    #expect(try Self.differences(try Engine(), statements: ["max area of project by city"]) == nil)
  }

  @Test(.disabled("bug: `by` a list field: newsq counts rows with an empty/null list in a null group; the SQL's unnest drops them"))
  func listGroupKeepsNullGroup() throws {
    #expect(try Self.differences(try Engine(), statements: ["count person by titles"]) == nil)
  }

  @Test(.disabled("bug: `by` a list field with a repeated element: newsq counts the row once, the SQL's unnest once per element"))
  func listGroupCountsRowOnce() throws {
    #expect(try Self.differences(Self.synthetic(), statements: ["count meeting by attendees"]) == nil)
  }

  @Test(.disabled("bug: order by a date: the SQL's CASE puts null dates before unknown-year dates; newsq puts nulls last"))
  func dateOrderPutsNullsLast() throws {
    #expect(try Self.differences(Self.synthetic(), statements: ["find meeting order by date, id"]) == nil)
  }

  @Test(.disabled("bug: `LIST is null` is false in newsq for an empty list ([] from add(facts:)); the SQL counts [] as null"))
  func emptyListIsNull() throws {
    #expect(try Self.differences(Self.synthetic(), statements: ["count meeting where attendees is null"]) == nil)
  }

  @Test(.disabled("bug: sum/avg/min/max of money or a quantity: newsq answers one row per currency/unit, the SQL one row over all"))
  func moneyAggregateIsOneRowPerCurrency() throws {
    #expect(try Self.differences(try Engine(), statements: ["sum investment of project"]) == nil)
  }

  @Test(.disabled("bug: stored text is not fully simplified — the seed title keeps 軒 and 碼 (正言軒…临汾密碼) while 質, 發 were folded; a simplified literal matches in newsq, not in SQL (NewsText 繁→简 table)"))
  func storedTextIsSimplified() throws {
    #expect(try Self.differences(try Engine(), statements: [#"count article where title = "正言轩:高质量发展全面提质提速的“临汾密码”""#]) == nil)
  }

  @Test(.disabled("bug: Engine's `explain sql` passes no PlaceResolver to SQLTranslator, so place literals of another level or short names compare as strings"))
  func explainSQLUsesTheGazetteer() throws {
    let engine = Engine.empty()
    engine.add(facts: [Fact(.meeting, ["id": .integer(1), "city": .text("北京市"), "province": .text("北京市")])])
    #expect(try Self.differences(engine, statements: [#"count meeting where city != "北京市""#,
                                                      #"count meeting where city = "临汾""#]) == nil)
  }
}
