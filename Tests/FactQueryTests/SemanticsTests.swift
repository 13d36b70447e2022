import Testing
import NewsFacts
import FactStore
@testable import FactQuery

private func m(_ name: String, province: String? = nil, city: String? = nil, county: String? = nil, date: FactDate? = nil,
               host: String? = nil, kind: String? = nil, attendees: [String]? = nil) -> Fact {
  var f = Fact(.meeting, ["name": .text(name)])
  if let province { f["province"] = .text(province) }
  if let city { f["city"] = .text(city) }
  if let county { f["county"] = .text(county) }
  if let date { f["date"] = .date(date) }
  if let host { f["host"] = .text(host) }
  if let kind { f["kind"] = .text(kind) }
  if let attendees { f["attendees"] = .list(attendees) }
  return f
}

let meetings: [Fact] = [
  m("A", province: "山西省", city: "临汾市", county: "尧都区", date: FactDate(year: 2019, month: 5, day: 20), host: "王宏伟", kind: "推进会", attendees: ["王宏伟", "李四"]),
  m("B", province: "山西省", city: "临汾市", county: "洪洞县", date: FactDate(year: 2019, month: 6, day: 1), host: "李四", kind: "座谈会", attendees: ["张三"]),
  m("C", province: "山西省", city: "运城市", county: "绛县", date: FactDate(year: nil, month: 5, day: 20), host: "王宏伟", kind: "常委会", attendees: []),
  m("D"),
  m("E", province: "北京市", city: "北京市", county: "朝阳区", date: FactDate(year: 2019, month: 5, day: 31), host: "Zhang", kind: "推进会"),
  m("F", province: "吉林省", city: "长春市", county: "朝阳区", date: FactDate(year: 2020, month: 1, day: 1)),
]

private func project(_ name: String, _ inv: Double?, _ cur: String?, area: Double? = nil, county: String? = nil) -> Fact {
  var f = Fact(.project, ["name": .text(name)])
  if let inv { f["investment"] = .number(inv) }
  if let cur { f["currency"] = .text(cur) }
  if let area { f["area"] = .number(area) }
  if let county { f["county"] = .text(county) }
  return f
}

let projects: [Fact] = [
  project("P1", 1e9, "CNY", county: "尧都区"),
  project("P2", 2e9, "USD", county: "尧都区"),
  project("P3", 5e8, "CNY", area: 3_400_000, county: "绛县"),
  project("P4", nil, nil),
  project("P5", 1.5e9, "CNY", county: "尧都区"),
]

let indicators: [Fact] = [
  Fact(.indicator, ["name": "GDP增速", "value": .number(7.6), "unit": "%"]),
  Fact(.indicator, ["name": "GDP", "value": .number(1e10), "unit": "元"]),
  Fact(.indicator, ["name": "人口", "value": .number(200), "unit": "人"]),
]

let persons: [Fact] = ["王宏伟", "李四", "张三", "赵六"].map { Fact(.person, ["name": .text($0)]) }

@Suite struct SemanticsTests {
  let h = Harness(meetings + projects + indicators + persons)

  @Test func textComparisonsFold() throws {
    #expect(try h.names("meeting", eq("host", s("zhang"))) == ["E"])
    #expect(try h.names("meeting", eq("host", s("ＺＨＡＮＧ"))) == ["E"])
    #expect(try h.names("meeting", eq("city", s("臨汾"))) == ["A", "B"])
    #expect(try h.names("meeting", eq("kind", s("推进会"))) == ["A", "E"])
  }

  @Test func placeFieldsResolveThroughTheGazetteer() throws {
    #expect(try h.names("meeting", eq("city", s("临汾"))) == ["A", "B"])
    #expect(try h.names("meeting", eq("county", s("尧都"))) == ["A"])
    #expect(try h.names("meeting", p("city", .inList([s("临汾"), s("运城市")], negated: false))) == ["A", "B", "C"])
  }

  @Test func wrongLevelMatchesNothingWithANote() throws {
    let r = try h.run(query(.find(distinct: false), "meeting", where: eq("city", s("尧都"))))
    #expect(r.rows.isEmpty)
    #expect(r.notes.count == 1)
    #expect(r.notes.first?.contains("county = \"尧都\"") == true)
  }

  @Test func sharedNamesMatchAllWithANote() throws {
    let r = try h.run(query(.find(distinct: false), "meeting", where: eq("county", s("朝阳")), show: ["name"]))
    #expect(r.rows == [[.text("E")], [.text("F")]])
    #expect(r.notes.first?.contains("北京市朝阳区") == true)
    #expect(r.notes.first?.contains("吉林省长春市朝阳区") == true)
  }

  @Test func virtualPlaceFindsFactsAnywhereInside() throws {
    #expect(try h.names("meeting", eq("place", s("临汾"))) == ["A", "B"])
    #expect(try h.names("meeting", eq("place", s("山西"))) == ["A", "B", "C"])
    #expect(try h.names("meeting", eq("place", s("尧都"))) == ["A"])
    #expect(try h.names("meeting", cmp("place", .notEqual, s("山西"))) == ["E", "F"])
  }

  @Test func unknownPlacesFallBackToSuffixInsensitiveText() throws {
    let plain = Harness(meetings, places: NoPlaces())
    #expect(try plain.names("meeting", eq("city", s("临汾"))) == ["A", "B"])
    #expect(try plain.names("meeting", eq("city", s("临汾市"))) == ["A", "B"])
    #expect(try plain.names("meeting", eq("place", s("运城"))) == ["C"])
  }

  @Test func nullsFollowSQL() throws {
    #expect(try h.names("meeting", cmp("city", .notEqual, s("临汾"))) == ["C", "E", "F"])
    #expect(try h.names("meeting", not(eq("city", s("临汾")))) == ["C", "E", "F"])
    #expect(try h.names("meeting", p("city", .isNull(negated: false))) == ["D"])
    #expect(try h.names("meeting", p("host", .isNull(negated: true))) == ["A", "B", "C", "E"])
    #expect(try h.names("meeting", p("place", .isNull(negated: false))) == ["D"])
    #expect(try h.names("meeting", not(eq("host", s("王宏伟")) || eq("city", s("北京")))) == ["B"])
  }

  @Test func datePeriods() throws {
    #expect(try h.names("meeting", eq("date", month(2019, 5))) == ["A", "E"])
    #expect(try h.names("meeting", cmp("date", .greaterOrEqual, month(2019, 5))) == ["A", "B", "E", "F"])
    #expect(try h.names("meeting", cmp("date", .greater, month(2019, 5))) == ["B", "F"])
    #expect(try h.names("meeting", cmp("date", .less, month(2019, 6))) == ["A", "E"])
    #expect(try h.names("meeting", cmp("date", .lessOrEqual, day(2019, 5, 20))) == ["A"])
    #expect(try h.names("meeting", p("date", .between(year(2019), year(2020)))) == ["A", "B", "E", "F"])
    #expect(try h.names("meeting", eq("date", n(2020))) == ["F"])
  }

  @Test func datesWithoutAYear() throws {
    #expect(try h.names("meeting", eq("date", s("--05-20"))) == ["C"])
    #expect(try h.names("meeting", p("date", .like(s("%-05-20"), negated: false))) == ["A", "C"])
    #expect(try h.names("meeting", cmp("date", .notEqual, month(2019, 5))) == ["B", "F"])
    #expect(try h.names("meeting", eq("date", day(2019, 5, 20))) == ["A"])
    #expect(try h.names("meeting", nil, order: [("date", false)]) == ["A", "E", "B", "F", "C", "D"])
    #expect(try h.names("meeting", nil, order: [("date", true)]) == ["F", "B", "E", "A", "C", "D"])
  }

  @Test func moneyComparesOnlyInItsCurrency() throws {
    #expect(try h.names("project", cmp("investment", .greater, lit(.money(8e8, currency: nil), "8亿"))) == ["P1", "P5"])
    #expect(try h.names("project", cmp("investment", .greater, lit(.money(1e8, currency: "USD"), "1亿美元"))) == ["P2"])
    #expect(try h.names("project", cmp("investment", .notEqual, n(1e9))) == ["P3", "P5"])
    #expect(try h.names("project", p("investment", .between(n(5e8), n(1e9)))) == ["P1", "P3"])
  }

  @Test func percentAndMoneyOnQuantities() throws {
    #expect(try h.names("indicator", cmp("value", .greater, lit(.percent(5)))) == ["GDP增速"])
    #expect(try h.names("indicator", cmp("value", .greater, n(5))) == ["GDP增速", "GDP", "人口"])
    #expect(try h.names("indicator", cmp("value", .greaterOrEqual, lit(.money(1e10, currency: nil)))) == ["GDP"])
    #expect(try h.names("indicator", cmp("value", .less, lit(.money(1e10, currency: nil)))) == [])
  }

  @Test func areasCompareInSquareMetres() throws {
    #expect(try h.names("project", cmp("area", .greater, lit(.area(5000 * 666.6667), "5000亩"))) == ["P3"])
    #expect(try h.names("project", cmp("area", .greater, lit(.area(5100 * 666.6667), "5100亩"))) == [])
  }

  @Test func literalKindsMustFitTheField() {
    let d = h.diagnostic(query(.find(distinct: false), "meeting", where: cmp("date", .greater, lit(.money(1e9, currency: nil), "10亿"))))
    #expect(d?.range == 100..<110)
    #expect(d?.message.contains("date") == true)
    #expect(h.diagnostic(query(.find(distinct: false), "project", where: cmp("investment", .greater, lit(.percent(7.6)))))?.range == 100..<110)
    #expect(h.diagnostic(query(.find(distinct: false), "meeting", where: cmp("city", .greater, s("x")))) != nil)
    #expect(h.diagnostic(query(.find(distinct: false), "meeting", where: p("date", .contains(s("5"), negated: false)))) != nil)
  }

  @Test func unknownNamesSuggestTheClosest() {
    let f = h.diagnostic(query(.find(distinct: false), "meeting", where: eq("cty", s("临汾"))))
    #expect(f?.hint == "did you mean 'city'?")
    #expect(f?.range == 0..<3)
    let e = h.diagnostic(query(.find(distinct: false), "meetnig"))
    #expect(e?.hint == "did you mean 'meeting'?")
    #expect(h.diagnostic(query(.find(distinct: false), "meetings")) == nil)
    #expect(h.diagnostic(query(.find(distinct: false), "Meeting", show: ["NAME"])) == nil)
  }

  @Test func containsAndLike() throws {
    #expect(try h.names("meeting", p("attendees", .contains(s("宏"), negated: false))) == ["A"])
    // C's empty list is null (as `is null` and SQL say), so `not contains` skips it.
    #expect(try h.names("meeting", p("attendees", .contains(s("王"), negated: true))) == ["B"])
    #expect(try h.names("meeting", eq("attendees", s("李四"))) == ["A"])
    #expect(try h.names("meeting", p("kind", .like(s("%会"), negated: false))) == ["A", "B", "C", "E"])
    #expect(try h.names("meeting", p("kind", .like(s("推_会"), negated: false))) == ["A", "E"])
    #expect(try h.names("meeting", p("host", .contains(s("ZH"), negated: false))) == ["E"])
  }

  @Test func inLists() throws {
    #expect(try h.names("meeting", p("host", .inList([s("王宏伟"), s("李四")], negated: false))) == ["A", "B", "C"])
    #expect(try h.names("meeting", p("host", .inList([s("王宏伟")], negated: true))) == ["B", "E"])
  }

  @Test func parametersAreBoundNotPasted() throws {
    #expect(try h.column(query(.find(distinct: false), "meeting", where: eq("city", lit(.parameter(1)))), "name", ["临汾"]) == ["A", "B"])
    #expect(try h.column(query(.find(distinct: false), "meeting", where: eq("host", lit(.parameter(1)))), "name", ["\" or 1=1"]) == [])
    #expect(try h.column(query(.find(distinct: false), "project", where: cmp("investment", .greater, lit(.parameter(1)))), "name", [.integer(1_000_000_000)]) == ["P5"])
    #expect(h.diagnostic(query(.find(distinct: false), "meeting", where: eq("city", lit(.parameter(2))))) != nil)
  }

  @Test func subqueries() throws {
    let sub = query(.find(distinct: false), "meeting", where: eq("host", s("王宏伟")), show: ["attendees"])
    #expect(try h.names("person", p("name", .inQuery(sub, negated: false))) == ["王宏伟", "李四"])
    #expect(try h.names("person", p("name", .inQuery(sub, negated: true))) == ["张三", "赵六"])
    let bad = query(.find(distinct: false), "meeting")
    #expect(h.diagnostic(query(.find(distinct: false), "person", where: p("name", .inQuery(bad, negated: false)))) != nil)
  }

  @Test func countsAndGroups() throws {
    #expect(try h.run(query(.count(distinct: nil), "meeting")).rows == [[.integer(6)]])
    #expect(try h.run(query(.count(distinct: nil), "meeting", where: eq("city", s("临汾")))).rows == [[.integer(2)]])
    let byCity = try h.run(query(.count(distinct: nil), "meeting", by: ["city"]))
    #expect(byCity.columns.map(\.name) == ["city", "count"])
    #expect(byCity.rows.first == [.text("临汾市"), .integer(2)])
    #expect(byCity.rows.count == 5)
    #expect(byCity.rows.contains([.null, .integer(1)]))
    let byPerson = try h.run(query(.count(distinct: nil), "meeting", by: ["attendees"]))
    #expect(Set(byPerson.rows) == [[.text("王宏伟"), .integer(1)], [.text("李四"), .integer(1)], [.text("张三"), .integer(1)], [.null, .integer(4)]])  // C's [] is null
    #expect(try h.run(query(.count(distinct: nm("host")), "meeting")).rows == [[.integer(3)]])
    let two = try h.run(query(.count(distinct: nil), "meeting", where: eq("province", s("山西")), by: ["city", "host"], order: [("count", true), ("host", false)]))
    #expect(two.rows.count == 3)
    #expect(two.columns.map(\.name) == ["city", "host", "count"])
  }

  @Test func aggregatesKeepCurrenciesApart() throws {
    let r = try h.run(query(.aggregate(.sum, nm("investment")), "project"))
    #expect(r.columns.map(\.name) == ["sum"])
    // Per currency, as GROUP BY "currency": projects without a currency (and amount) are the null group.
    #expect(Set(r.rows) == [[.number(3e9)], [.number(2e9)], [.null]])
    let units = try #require(r.columns[0].units)
    #expect(Set(units.compactMap { $0 }) == ["CNY", "USD"])
    let byCounty = try h.run(query(.aggregate(.max, nm("investment")), "project", where: eq("currency", s("cny")), by: ["county"]))
    #expect(byCounty.rows == [[.text("绛县"), .number(5e8)], [.text("尧都区"), .number(1.5e9)]] ||
            byCounty.rows == [[.text("尧都区"), .number(1.5e9)], [.text("绛县"), .number(5e8)]])
    let avg = try h.run(query(.aggregate(.avg, nm("value")), "indicator", where: eq("unit", s("人"))))
    #expect(avg.rows == [[.number(200)]])
    // Money sums per currency (GROUP BY currency): no rows, no currency, no row.
    #expect(try h.run(query(.aggregate(.sum, nm("investment")), "project", where: eq("name", s("none")))).rows.isEmpty)
    #expect(try h.run(query(.aggregate(.max, nm("area")), "project", where: eq("name", s("none")))).rows == [[.null]])
  }

  @Test func distinctAndOrder() throws {
    let r = try h.run(query(.find(distinct: true), "meeting", show: ["city"]))
    #expect(r.rows == [[.text("临汾市")], [.text("运城市")], [.null], [.text("北京市")], [.text("长春市")]])
    let ordered = try h.column(query(.find(distinct: false), "meeting", order: [("host", false)], limit: 10), "host")
    #expect(ordered.last == .null)
    #expect(ordered.filter { $0 == .text("王宏伟") }.count == 2)
    #expect(try h.names("meeting", nil, order: [("date", true)], limit: 2) == ["F", "B"])
  }

  @Test func findWithoutShowReturnsEveryField() throws {
    let r = try h.run(query(.find(distinct: false), "project", where: eq("name", s("P2"))))
    #expect(r.columns.map(\.name) == Schema.fields(of: .project).map(\.name))
    let inv = try #require(r.columns.first { $0.name == "investment" })
    #expect(inv.units == ["USD"])
  }
}
