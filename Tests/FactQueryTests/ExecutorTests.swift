import Testing
import NewsFacts
import FactStore
@testable import FactQuery

@Suite struct ExecutorTests {
  let h: Harness = {
    var person = Fact(.person, ["name": "王宏伟", "titles": .list(["区委书记"]), "county": "尧都区", "doc": "a.txt",
                                "article": .integer(1), "evidence": "区委书记王宏伟主持会议。", "span": .span(10, 22)])
    person.moreSources = [Source(doc: "b.txt", article: 4, evidence: "王宏伟在尧都区调研。", span: 3..<13)]
    return Harness(meetings + projects + [person])
  }()

  @Test func whyListsEverySourceWithMarkedWords() throws {
    let r = try h.run(.why(entity: nm("person"), id: 1, range: 0..<8))
    #expect(r.columns.map(\.name) == ["doc", "article", "evidence", "span", "marked"])
    #expect(r.rows.count == 2)
    #expect(r.rows[0] == [.text("a.txt"), .integer(1), .text("区委书记王宏伟主持会议。"), .span(10, 22), .text("【区委书记】【王宏伟】主持会议。")])
    #expect(r.rows[1][4] == .text("【王宏伟】在【尧都区】调研。"))
    #expect(throws: QueryError.self) { try h.run(.why(entity: nm("person"), id: 99, range: 0..<8)) }
  }

  @Test func explainPrintsOneRowPerLine() throws {
    let q = query(.find(distinct: false), "meeting", where: eq("city", s("临汾")), show: ["name"])
    let r = try h.run(.explain(.plan, q))
    #expect(r.columns.map(\.name) == ["plan"])
    #expect(r.rows == [[.text("Project [name] (est 2)")], [.text("  IndexLookup meeting.city ∈ {临汾市} (est 2)")]])
    let a = try h.run(.explain(.analyze, q))
    #expect(a.rows.count == 2)
    #expect(a.rows[1][0].text?.contains("actual 2, touched 2, time ") == true)
  }

  @Test func notesTravelWithTheResult() throws {
    let r = try h.run(.explain(.plan, query(.find(distinct: false), "meeting", where: eq("county", s("朝阳")))))
    #expect(r.notes.count == 1)
  }

  @Test func resultColumnsByStatement() throws {
    #expect(try h.run(query(.count(distinct: nil), "meeting")).columns.map(\.name) == ["count"])
    #expect(try h.run(query(.count(distinct: nil), "meeting", by: ["city", "kind"])).columns.map(\.name) == ["city", "kind", "count"])
    let agg = try h.run(query(.aggregate(.avg, nm("investment")), "project", by: ["county"]))
    #expect(agg.columns.map(\.name) == ["county", "avg"])
    #expect(agg.columns[1].units?.count == agg.rows.count)
    let byList = try h.run(query(.count(distinct: nil), "meeting", by: ["attendees"]))
    #expect(byList.columns[0].kind == .text)
  }

  @Test func groupsOrderAndLimit() throws {
    let r = try h.run(query(.count(distinct: nil), "meeting", by: ["kind"], order: [("kind", false)], limit: 2, offset: 1))
    #expect(r.rows.count == 2)
    let all = try h.run(query(.count(distinct: nil), "meeting", by: ["kind"], order: [("kind", false)]))
    #expect(Array(all.rows.dropFirst().prefix(2)) == Array(r.rows))
    #expect(all.rows.last?.first == .null)
    let top = try h.run(query(.count(distinct: nil), "meeting", by: ["city"], order: [("count", false)]))
    let counts = top.rows.compactMap { if case .integer(let c) = $0[1] { return c } else { return nil } }
    #expect(counts == counts.sorted())
  }

  @Test func offsetsAndHugeLimits() throws {
    #expect(try h.column(query(.find(distinct: false), "meeting", order: [("name", true)], limit: Int.max, offset: 4), "name") == [.text("B"), .text("A")])
    #expect(try h.column(query(.find(distinct: false), "meeting", limit: 2, offset: Int.max), "name") == [])
    #expect(try h.column(query(.find(distinct: false), "meeting", limit: 0), "name") == [])
  }

  @Test func deepAndWideConditionsDoNotRecurseAlongChains() throws {
    var x = eq("host", s("x0"))
    for i in 1..<20_000 { x = x || eq("host", s("x\(i)")) }
    x = x || eq("host", s("李四"))
    #expect(try h.names("meeting", x) == ["B"])
    var y = eq("host", s("李四"))
    for _ in 0..<500 { y = not(not(y)) }
    #expect(try h.names("meeting", y) == ["B"])
  }

  @Test func exportAndExplainSQLBelongToTheEngine() throws {
    #expect(throws: QueryError.self) { try h.run(.export(path: "out", range: 0..<3)) }
    let planned = try h.plan(.explain(.sql, query(.find(distinct: false), "meeting")))
    #expect(planned.action == .explainSQL(query(.find(distinct: false), "meeting")))
  }
}
