import Testing
import NewsFacts
import FactStore
@testable import FactQuery

/// A deterministic generator, so big stores are the same on every run.
struct SplitMix: RandomNumberGenerator {
  var state: UInt64
  init(_ seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// 100,000 meetings: 50 common cities, one rare city (37 rows), one rare host (55 rows, 5 of
/// them in the rare city).
let bigStore: Harness = {
  var rng = SplitMix(42)
  let cities = (0..<50).map { "城市\($0)市" }
  let kinds = ["推进会", "座谈会", "常委会", "党代会", "两会"]
  var facts: [Fact] = []
  facts.reserveCapacity(100_000)
  for i in 0..<100_000 {
    var f = Fact(.meeting)
    f["name"] = .text("会议\(i)")
    let rare = i % 2700 == 7 && i < 2700 * 37
    f["city"] = .text(rare ? "稀有市" : cities[Int(rng.next() % 50)])
    f["kind"] = .text(kinds[Int(rng.next() % 5)])
    f["host"] = .text(i % 2000 == 3 || (rare && (i / 2700) % 3 == 0 && i < 2700 * 15) ? "罕见" : "主持\(rng.next() % 300)")
    f["date"] = .date(FactDate(year: 2000 + Int(rng.next() % 25), month: 1 + Int(rng.next() % 12), day: 1 + Int(rng.next() % 28)))
    facts.append(f)
  }
  return Harness(facts, places: NoPlaces())
}()

private func analyze(_ h: Harness, _ q: Query) throws -> (lines: [String], metrics: [NodeMetrics], plan: QueryPlan) {
  let planned = try h.plan(.explain(.analyze, q))
  guard case .explain(let plan, true) = planned.action else { throw Diagnostic("not an explain", at: 0..<0) }
  let (_, metrics) = try Executor.analyze(plan, context: h.context)
  let text = try Executor.run(planned, context: h.context).rows.map { $0[0].text ?? "" }
  return (text, metrics, plan)
}

private func ops(_ n: PlanNode) -> [PlanOperator] { [n.op] + n.children.flatMap(ops) }

@Suite struct PlannerTests {
  let h = Harness(meetings + projects + indicators + persons)

  private func explain(_ q: Query) throws -> [String] {
    try h.run(.explain(.plan, q)).rows.map { $0[0].text ?? "" }
  }

  @Test func goldenIndexLookupAndTopK() throws {
    let q = query(.find(distinct: false), "meeting", where: eq("city", s("临汾")) && cmp("date", .greaterOrEqual, day(2019, 5, 1)),
                  show: ["name", "date"], order: [("date", true)], limit: 5)
    #expect(try explain(q) == [
      "Project [name, date] (est 2)",
      "  Limit 5 (est 2)",
      "    TopK date desc, k=5 (est 2)",
      "      Filter meeting.date >= 2019-05-01 (est 2)",
      "        IndexLookup meeting.city ∈ {临汾市} (est 2)",
    ])
  }

  @Test func goldenIntersectAndUnion() throws {
    let q = query(.find(distinct: false), "meeting", where: eq("city", s("临汾")) && eq("host", s("李四")), show: ["name"])
    #expect(try explain(q) == [
      "Project [name] (est 1)",
      "  Intersect (est 1)",
      "    IndexLookup meeting.host ∈ {李四} (est 1)",
      "    IndexLookup meeting.city ∈ {临汾市} (est 2)",
    ])
    let u = query(.find(distinct: false), "meeting", where: eq("host", s("李四")) || eq("kind", s("常委会")), show: ["name"])
    #expect(try explain(u) == [
      "Project [name] (est 2)",
      "  Union (est 2)",
      "    IndexLookup meeting.host ∈ {李四} (est 1)",
      "    IndexLookup meeting.kind ∈ {常委会} (est 1)",
    ])
  }

  @Test func goldenCountsFromTheIndex() throws {
    #expect(try explain(query(.count(distinct: nil), "meeting", where: eq("city", s("临汾")))) == [
      "IndexCount meeting.city ∈ {临汾市} (est 1)",
    ])
    #expect(try explain(query(.count(distinct: nil), "meeting", by: ["city"])) == [
      "SortGroups count desc (est 5)",
      "  IndexGroupCount meeting.city (est 5)",
    ])
    #expect(try explain(query(.count(distinct: nil), "meeting")) == ["RowCount meeting (est 1)"])
  }

  @Test func goldenFilterScanAndAggregate() throws {
    let q = query(.aggregate(.sum, nm("investment")), "project", where: eq("place", s("尧都")), by: ["county"])
    #expect(try explain(q) == [
      "SortGroups county asc (est 3)",
      "  Aggregate sum(investment) by [county] (est 3)",
      "    IndexLookup project.county ∈ {尧都区} (est 3)",
    ].map { $0 })
    let n = query(.find(distinct: false), "meeting", where: not(eq("host", s("王宏伟"))) && p("name", .like(s("%"), negated: false)), show: ["name"])
    #expect(try explain(n) == [
      "Project [name] (est 2)",
      "  Filter meeting.host ∉ {王宏伟} and meeting.name ∈ {A, B, C, D, E, F} (est 2)",
      "    Scan meeting (est 6)",
    ])
  }

  @Test func plansAreValuesThatPrintThemselves() throws {
    let q = query(.find(distinct: false), "meeting", where: eq("city", s("临汾")), show: ["name"])
    let a = try h.plan(.query(q)), b = try h.plan(.query(q))
    #expect(a == b)
    #expect(a.description == "Project [name] (est 2)\n  IndexLookup meeting.city ∈ {临汾市} (est 2)")
  }

  @Test func indexedEqualityTouchesOnlyTheMatchingRows() throws {
    let q = query(.find(distinct: false), "meeting", where: eq("city", s("稀有市")), show: ["name"])
    let (lines, metrics, plan) = try analyze(bigStore, q)
    #expect(metrics[plan.root.id].rows == 37)
    #expect(metrics.allSatisfy { $0.touched <= 37 })
    #expect(metrics.contains { $0.touched == 37 })
    #expect(lines.contains { $0.contains("IndexLookup") && $0.contains("actual 37") && $0.contains("touched 37") })
    // The same test through a scan touches every row: the metric is not always small.
    let scan = query(.find(distinct: false), "meeting", where: p("city", .like(s("稀有%"), negated: true)), show: ["name"])
    let (_, m2, _) = try analyze(bigStore, scan)
    #expect(m2.map(\.touched).max() == 100_000)
  }

  @Test func countByAnIndexedFieldTouchesNoRows() throws {
    let (lines, metrics, plan) = try analyze(bigStore, query(.count(distinct: nil), "meeting", by: ["city"]))
    #expect(metrics.allSatisfy { $0.touched == 0 })
    #expect(metrics[plan.root.id].rows == 51)
    #expect(lines.count == 2)
    let (_, m2, _) = try analyze(bigStore, query(.count(distinct: nil), "meeting", where: eq("city", s("稀有市"))))
    #expect(m2.allSatisfy { $0.touched == 0 })
    let r = try bigStore.run(query(.count(distinct: nil), "meeting", where: eq("city", s("稀有市"))))
    #expect(r.rows == [[.integer(37)]])
  }

  @Test func selectiveCodeSetsAreIntersected() throws {
    let q = query(.find(distinct: false), "meeting", where: eq("city", s("稀有市")) && eq("host", s("罕见")), show: ["name"])
    let (_, metrics, plan) = try analyze(bigStore, q)
    #expect(ops(plan.root).contains(.intersect))
    #expect(metrics[plan.root.id].rows == 5)
    #expect(metrics.allSatisfy { $0.touched <= 55 + 37 })
    // A common value is checked on the few rows instead of read from its long index entry.
    let q2 = query(.find(distinct: false), "meeting", where: eq("city", s("稀有市")) && eq("kind", s("推进会")), show: ["name"])
    let (_, m2, p2) = try analyze(bigStore, q2)
    #expect(!ops(p2.root).contains(.intersect))
    #expect(m2.allSatisfy { $0.touched <= 37 })
  }

  @Test func rangesUseSortedOrderAndTopKMatchesAFullSort() throws {
    let q = query(.find(distinct: false), "meeting", where: cmp("date", .greaterOrEqual, year(2024)), show: ["name", "date"],
                  order: [("date", true), ("name", false)], limit: 7)
    let (_, metrics, plan) = try analyze(bigStore, q)
    #expect(ops(plan.root).contains { if case .rangeScan = $0 { return true } else { return false } })
    #expect(ops(plan.root).contains { if case .topK = $0 { return true } else { return false } })
    let n2024 = try bigStore.run(query(.count(distinct: nil), "meeting", where: cmp("date", .greaterOrEqual, year(2024)))).rows[0][0]
    #expect(metrics.map(\.touched).max().map { Value.integer(Int64($0)) } == n2024)
    let top = try bigStore.run(q).rows
    let all = try bigStore.run(query(.find(distinct: false), "meeting", where: cmp("date", .greaterOrEqual, year(2024)), show: ["name", "date"],
                                     order: [("date", true), ("name", false)])).rows
    #expect(Array(top) == Array(all.prefix(7)))
  }

  /// Two bounds on one field are one range, and a range keeping fewer rows than any lookup
  /// drives the conjunction: the rows read are the range's, not the common kind's; a condition
  /// written twice is tested once. The answer equals the same condition through the filter.
  @Test func aSelectiveRangeDrivesAConjunction() throws {
    let kind = eq("kind", s("推进会"))
    let q = query(.count(distinct: nil), "meeting",
                  where: cmp("date", .greaterOrEqual, year(2010)) && kind && cmp("date", .less, year(2011)) && kind)
    let (lines, metrics, plan) = try analyze(bigStore, q)
    let rangeRows = try bigStore.run(query(.count(distinct: nil), "meeting", where: cmp("date", .greaterOrEqual, year(2010)) && cmp("date", .less, year(2011)))).rows[0][0]
    #expect(ops(plan.root).contains { if case .rangeScan = $0 { return true } else { return false } })
    #expect(!ops(plan.root).contains(.intersect))
    #expect(metrics.map(\.touched).max().map { Value.integer(Int64($0)) } == rangeRows)
    #expect(lines.filter { $0.contains("meeting.kind") }.count == 1, "\(lines)")
    let viaFilter = query(.count(distinct: nil), "meeting", where: not(cmp("date", .less, year(2010))) && not(cmp("date", .greaterOrEqual, year(2011))) && kind)
    let got = try bigStore.run(q).rows[0][0]
    #expect(got == (try bigStore.run(viaFilter).rows[0][0]))
    #expect(got != .integer(0))
  }

  /// `in (subquery)` over a whole table finds its rows through the index once the subquery's
  /// values are known: the filter reads the matching rows only, and answers as the same values
  /// written as a list.
  @Test func subqueryValuesAreLookedUpNotScanned() throws {
    let inner = query(.find(distinct: false), "meeting", where: eq("city", s("稀有市")), show: ["host"])
    let q = query(.find(distinct: false), "meeting", where: p("host", .inQuery(inner, negated: false)), show: ["name"])
    let (_, metrics, plan) = try analyze(bigStore, q)
    let got = try bigStore.run(q).rows
    #expect(got.count > 37)
    #expect(metrics[plan.root.id].rows == got.count)
    #expect(metrics.allSatisfy { $0.touched <= got.count }, "\(metrics.map(\.touched))")
    #expect(PlanText.lines(plan.root, metrics: nil)[1].hasSuffix("— planned again with the subqueries' values (est \(plan.root.children[0].estimate))"))
    let hosts = Set(try bigStore.run(inner).rows.compactMap { $0[0].text })
    let listed = query(.find(distinct: false), "meeting", where: p("host", .inList(hosts.sorted().map(s), negated: false)), show: ["name"])
    #expect(Array(got) == Array(try bigStore.run(listed).rows))
  }

  @Test func cancellationStopsAScan() throws {
    let ctx = QueryContext(snapshot: bigStore.context.snapshot, places: NoPlaces(), isCancelled: { true })
    let q = query(.find(distinct: false), "meeting", where: p("name", .like(s("%9"), negated: true)), show: ["name"])
    let plan = try Planner.plan(.query(q), context: ctx)
    #expect(throws: QueryError.cancelled) { try Executor.run(plan, context: ctx) }
  }
}
