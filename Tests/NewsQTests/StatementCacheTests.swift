import Testing
@testable import NewsQ

/// `Engine.run` keeps the statements it parsed; every run still plans against the data of
/// that moment.
@Suite struct StatementCacheTests {
  static func meeting(_ id: Int64, _ name: String) -> Fact {
    Fact(.meeting, ["id": .integer(id), "name": .text(name), "city": "临汾市", "province": "山西省"])
  }

  @Test func aCachedStatementAnswersFromTheCurrentData() throws {
    let e = Engine.empty()
    e.add(facts: [Self.meeting(1, "甲会")])
    let q = #"find meeting where city = "临汾" show name"#
    #expect(try e.run(q).rows == [["甲会"]])
    #expect(e.statements.withLock { $0.count } == 1)
    e.add(facts: [Self.meeting(2, "乙会")])
    #expect(try e.run(q).rows.count == 2)
    #expect(e.statements.withLock { $0.count } == 1)
  }

  @Test func parametersAreBoundAtEveryRun() throws {
    let e = Engine.empty()
    e.add(facts: [Self.meeting(1, "甲会"), Self.meeting(2, "乙会")])
    let q = "find meeting where name = $1 show id"
    #expect(try e.run(q, parameters: ["甲会"]).rows == [[.integer(1)]])
    #expect(try e.run(q, parameters: ["乙会"]).rows == [[.integer(2)]])
  }

  @Test func statementsWithErrorsAreNotKeptAndStillFail() {
    let e = Engine.empty()
    for _ in 0..<2 { #expect(throws: EngineError.self) { try e.run("find meeting where") } }
    #expect(e.statements.withLock { $0.count } == 0)
  }

  @Test func textsThatLookAlikeAreDifferentStatements() throws {
    let e = Engine.empty()
    e.add(facts: [Self.meeting(1, "甲会")])
    // Composed and decomposed é are equal Strings but different bytes: two keys, both parsed.
    #expect(try e.run("find meeting where id = 1 show id").rows.count == 1)
    #expect(try e.run("find meeting where id = 2 show id").rows.isEmpty)
    #expect(try e.run("find meeting where name = \"caf\u{E9}\"").rows.isEmpty)
    #expect(try e.run("find meeting where name = \"cafe\u{301}\"").rows.isEmpty)
    #expect(e.statements.withLock { $0.count } == 4)
  }

  @Test func theCacheStaysBounded() throws {
    let e = Engine.empty()
    for i in 0..<(StatementCache.capacity * 2 + 5) { _ = try e.run("count meeting where id = \(i)") }
    #expect(e.statements.withLock { $0.count } <= StatementCache.capacity)
  }
}
