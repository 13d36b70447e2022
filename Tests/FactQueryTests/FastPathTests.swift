import Testing
import NewsFacts
import FactStore
@testable import FactQuery

/// The executor's shortcuts answer exactly as the general paths: top-k read off a column's
/// sorted order against a full sort, dense text-keyed groups against counts made here.
@Suite struct FastPathTests {
  /// Projects with repeated investments (ties), unknown ones (nulls), dates with and without
  /// a year, and two currencies.
  static let facts: [Fact] = (0..<300).map { i in
    var f = Fact(.project, ["name": .text("项目\(i)"), "currency": .text(i % 3 == 0 ? "USD" : "CNY"),
                            "city": .text(["临汾市", "晋中市", "扬州市", "运城市"][i % 4])])
    if i % 7 != 0 { f["investment"] = .number(Double((i * 37) % 23) * 1e8) }
    if i % 5 == 0 { f["county"] = .text("尧都区") }
    return f
  }
  static let meetings: [Fact] = (0..<200).map { i in
    var f = Fact(.meeting, ["name": .text("会议\(i)"), "host": .text("主持人\(i % 9)")])
    if i % 6 != 0 { f["date"] = .date(FactDate(year: i % 4 == 0 ? nil : 2020 + i % 3, month: 1 + i % 12, day: 1 + i % 28)) }
    if i % 11 != 0 { f["city"] = .text(i % 2 == 0 ? "临汾市" : "晋中市") }
    return f
  }
  let h = Harness(facts + meetings)

  func run(_ text: String) throws -> [[Value]] {
    try h.run(try Parser.parse(text)).rows.arrays
  }

  @Test func topKEqualsThePrefixOfTheFullSort() throws {
    for dir in ["asc", "desc"] {
      for (entity, key, filter) in [("project", "investment", "currency = \"CNY\""), ("project", "investment", "city != \"扬州\""),
                                    ("meeting", "date", "name contains \"会议\"")] {
        let all = try run("find \(entity) where \(filter) order by \(key) \(dir) show id")
        #expect(all.count > 100)
        for k in [1, 5, 17, 60, all.count - 1] {
          let top = try run("find \(entity) where \(filter) order by \(key) \(dir) limit \(k) show id")
          #expect(top == Array(all.prefix(k)), "\(entity) \(key) \(dir) limit \(k)")
        }
        let paged = try run("find \(entity) where \(filter) order by \(key) \(dir) limit 7 offset 3 show id")
        #expect(paged == Array(all.dropFirst(3).prefix(7)))
      }
    }
  }

  @Test func denseGroupsCountAndSumAsRowByRow() throws {
    let count = try run("count project by city, currency")
    var expected: [String: Int] = [:]
    for f in Self.facts { expected["\(f["city"].text ?? "")|\(f["currency"].text ?? "")", default: 0] += 1 }
    #expect(count.count == expected.count)
    for r in count { #expect(expected["\(r[0].text ?? "")|\(r[1].text ?? "")"] == Int(r[2].double ?? -1)) }

    let sums = try h.run(try Parser.parse("sum investment of project where county = \"尧都区\" by city"))
    var want: [String: Double] = [:]
    for f in Self.facts where f["county"].text == "尧都区" {
      if let v = f["investment"].double { want["\(f["city"].text ?? "")|\(f["currency"].text ?? "")", default: 0] += v }
    }
    let units = try #require(sums.columns[1].units)
    var got: [String: Double] = [:]
    for (i, r) in sums.rows.enumerated() { got["\(r[0].text ?? "")|\(units[i] ?? "")"] = r[1].double }
    #expect(got == want)
    #expect(want.count > 2)

    let distinct = try run("count distinct host of meeting where city = \"临汾\"")
    let hosts = Set(Self.meetings.filter { $0["city"].text == "临汾市" }.compactMap { $0["host"].text })
    #expect(distinct == [[.integer(Int64(hosts.count))]])
    let byCity = try run("count meeting where name contains \"会议\" by city")
    #expect(byCity.contains { $0[0] == .null && $0[1] == .integer(Int64(Self.meetings.filter { $0["city"].isNull }.count)) })
  }

  /// A subquery's text values on a text field bind to the atom that binding each as `=` and
  /// merging the atoms makes: same codes, same values shown, either sign; unknown values,
  /// repeats, case and traditional forms included.
  @Test func subqueryTextValuesBindAsMergedEqualities() throws {
    var binder = Binder(context: h.context, parameters: [])
    let host = binder.field(named: "host", .meeting)
    let values: [Value] = (0..<12).map { .text("主持人\($0)") } + [.text("主持人3"), .null, .text("無此人"), .list(["主持人1", "没有"])]
    for negated in [false, true] {
      let fast = try #require(binder.textValuesAtom(host, values, negated: negated))
      var parts: [BoolExpr] = []
      for v in values {
        var texts: [String] = []
        if case .text(let s) = v { texts = [s] } else if case .list(let xs) = v { texts = xs }
        for s in texts {
          parts.append(try binder.compare(host, .equal, Literal(.string(s), text: s, range: 0..<0), negated: negated))
        }
      }
      #expect(fast == Binder.combine(parts, isAnd: negated), "negated: \(negated)")
    }
    #expect(binder.textValuesAtom(host, [.integer(3)], negated: false) == nil)
    #expect(binder.textValuesAtom(binder.field(named: "date", .meeting), [.text("2020-01-01")], negated: false) == nil)
    let none = try #require(binder.textValuesAtom(host, [.null, .text("無此人")], negated: false))
    #expect(try run("find meeting where host in (find meeting where name = \"会议0\" show host) show id").count == Self.meetings.count / 9 + 1)
    #expect(none == binder.emptyAtom(host, negated: false))
  }

  /// Ranges on one field in a conjunction intersect by a sweep of the two sorted lists: a value
  /// is in the result exactly when it is in both lists, open and closed ends, points and
  /// touching ranges included.
  @Test func rangeIntersectionHoldsExactlyWhereBothDo() {
    var rng = SplitMix(11)
    func numbers() -> [NumberRange] {
      (0..<Int(1 + rng.next() % 6)).map { _ in
        let a = Double(rng.next() % 40) / 2, b = a + Double(rng.next() % 12) / 2
        return NumberRange(lo: a, loInclusive: rng.next() % 2 == 0, hi: b, hiInclusive: rng.next() % 2 == 0)
      }
    }
    func days() -> [ClosedRange<Int32>] {
      (0..<Int(1 + rng.next() % 6)).map { _ in
        let a = Int32(rng.next() % 40)
        return a...(a + Int32(rng.next() % 8))
      }
    }
    for _ in 0..<300 {
      let a = numbers(), b = numbers()
      let both = Binder.intersect(a, b)
      for k in -2..<50 {
        let v = Double(k) / 2
        #expect(both.contains { $0.contains(v) } == (a.contains { $0.contains(v) } && b.contains { $0.contains(v) }), "\(a) ∩ \(b) at \(v)")
      }
      let da = days(), db = days()
      let dboth = Binder.intersect(da, db)
      for d in Int32(-1)..<50 {
        #expect(dboth.contains { $0.contains(d) } == (da.contains { $0.contains(d) } && db.contains { $0.contains(d) }))
      }
    }
  }
}
