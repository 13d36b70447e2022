import Testing
@testable import FactQuery
import NewsFacts

/// Parses `text` as a query statement, failing the test otherwise.
func query(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Query? {
  do {
    if case .query(let q) = try Parser.parse(text) { return q }
    Issue.record("not a query: \(text)", sourceLocation: sourceLocation)
  } catch {
    Issue.record("\(text): \(error.message)", sourceLocation: sourceLocation)
  }
  return nil
}

/// The diagnostic `text` fails with (or a recorded issue when it parses).
func failure(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Diagnostic? {
  do {
    _ = try Parser.parse(text)
    Issue.record("parsed but should fail: \(text)", sourceLocation: sourceLocation)
  } catch {
    return error
  }
  return nil
}

/// A predicate's test, for a where clause that is a single predicate.
func onlyPredicate(_ q: Query?) -> Predicate? {
  if case .predicate(let p)? = q?.filter { return p }
  return nil
}

/// The number of predicates and the depth of an expression tree (iterative: safe on any size).
func shape(_ e: Expr) -> (leaves: Int, depth: Int) {
  var stack: [(Expr, Int)] = [(e, 1)]
  var leaves = 0, depth = 0
  while let (x, d) = stack.popLast() {
    depth = max(depth, d)
    switch x {
    case .and(let a, let b), .or(let a, let b): stack.append((a, d + 1)); stack.append((b, d + 1))
    case .not(let a, _): stack.append((a, d + 1))
    case .predicate: leaves += 1
    }
  }
  return (leaves, depth)
}

@Suite struct ParserTests {
  @Test func findWithWhere() throws {
    let q = try #require(query(#"find meeting where city="临汾""#))
    #expect(q.kind == .find(distinct: false))
    #expect(q.entity.text == "meeting")
    #expect(q.entity.range == 5..<12)
    let p = try #require(onlyPredicate(q))
    #expect(p.field.text == "city")
    guard case .compare(.equal, let lit) = p.test else { Issue.record("\(p.test)"); return }
    #expect(lit.value == .string("临汾"))
    #expect(lit.text == "\"临汾\"")
    #expect(lit.range == 24..<28)
    #expect(p.range == 19..<28)
    #expect(q.range == 0..<28)
  }

  @Test func everyStatementOfTheContract() throws {
    let statements = [
      #"find meeting where city="临汾""#,
      #"find meeting where city = "临汾" and date >= 2019-05-01 order by date desc limit 5"#,
      #"find person where titles contains "书记" and place = "晋中" show name, titles, county"#,
      "find project where investment > 10亿 order by investment desc",
      #"find person where name in (find meeting where host = "王宏伟" show attendees)"#,
      "count meeting by city",
      #"count distinct host of meeting where province = "山西""#,
      #"sum investment of project where place = "仪征" by county"#,
      #"explain find meeting where city = "临汾""#,
      "why meeting 3",
      #"export "out/facts""#,
    ]
    for s in statements {
      #expect(throws: Never.self, "\(s)") { try Parser.parse(s) }
    }
  }

  @Test func clausesInAnyOrder() throws {
    let a = try #require(query(#"find meeting limit 5 order by date desc where city = "临汾" show name, date"#))
    #expect(a.limit?.count == 5)
    #expect(a.orderBy?.first?.key.text == "date")
    #expect(a.orderBy?.first?.descending == true)
    #expect(a.show?.map(\.text) == ["name", "date"])
    #expect(a.filter != nil)
    let b = try #require(query("count meeting order by count desc by city, kind limit 3 offset 6"))
    #expect(b.groupBy?.map(\.text) == ["city", "kind"])
    #expect(b.limit == Limit(count: 3, offset: 6, range: 48..<64))
  }

  @Test func keywordsAreCaseInsensitiveAndNamesKeepTheirSpelling() throws {
    let q = try #require(query(#"FIND Meetings WHERE City = "临汾" ORDER BY Date ASC"#))
    #expect(q.entity.text == "Meetings")
    #expect(onlyPredicate(q)?.field.text == "City")
    #expect(q.orderBy?.first?.descending == false)
  }

  @Test func kinds() throws {
    #expect(query("find distinct person")?.kind == .find(distinct: true))
    #expect(query("count meeting")?.kind == .count(distinct: nil))
    let c = try #require(query("count distinct host of meeting"))
    guard case .count(let f?) = c.kind else { Issue.record("\(c.kind)"); return }
    #expect(f.text == "host")
    for fn in AggregateFunction.allCases {
      let q = try #require(query("\(fn.rawValue) investment of project by county"))
      guard case .aggregate(let got, let field) = q.kind else { Issue.record("\(q.kind)"); continue }
      #expect(got == fn)
      #expect(field.text == "investment")
      #expect(q.entity.text == "project")
    }
  }

  @Test func explainWhyExport() throws {
    guard case .explain(.plan, let q) = try Parser.parse("explain count meeting") else { Issue.record("explain"); return }
    #expect(q.kind == .count(distinct: nil))
    guard case .explain(.analyze, _) = try Parser.parse("EXPLAIN ANALYZE find meeting") else { Issue.record("analyze"); return }
    guard case .explain(.analyze, _) = try Parser.parse("explain analyse find meeting") else { Issue.record("analyse"); return }
    guard case .explain(.sql, _) = try Parser.parse("explain sql find meeting;") else { Issue.record("sql"); return }
    guard case .why(let e, 3, let r) = try Parser.parse("why meeting 3") else { Issue.record("why"); return }
    #expect(e.text == "meeting")
    #expect(r == 0..<13)
    guard case .export(let path, _) = try Parser.parse(#"export "out/facts";"#) else { Issue.record("export"); return }
    #expect(path == "out/facts")
  }

  @Test func predicateForms() throws {
    func test(_ where_: String) -> PredicateTest? { onlyPredicate(query("find meeting where " + where_))?.test }
    let ops: [(String, ComparisonOperator)] = [("=", .equal), ("==", .equal), ("!=", .notEqual), ("<>", .notEqual), ("<", .less),
                                                ("<=", .lessOrEqual), (">", .greater), (">=", .greaterOrEqual), ("≠", .notEqual)]
    for (text, op) in ops {
      guard case .compare(let got, _)? = test("id \(text) 3") else { Issue.record("\(text)"); continue }
      #expect(got == op, "\(text)")
    }
    guard case .inList(let xs, false)? = test(#"city in ("临汾", '晋中', “太原”)"#) else { Issue.record("in"); return }
    #expect(xs.map(\.value) == [.string("临汾"), .string("晋中"), .string("太原")])
    guard case .inList(_, true)? = test(#"city not in ("临汾")"#) else { Issue.record("not in"); return }
    guard case .inQuery(let sub, true)? = test(#"host not in (find person where name = "王")"#) else { Issue.record("in query"); return }
    #expect(sub.entity.text == "person")
    guard case .between(let lo, let hi)? = test("date between 2019 and 2020-06") else { Issue.record("between"); return }
    #expect(lo.value == .number(2019))
    #expect(lo.text == "2019")
    guard case .date(let d) = hi.value else { Issue.record("date"); return }
    #expect(d.precision == .month)
    #expect(test("host is null") == .isNull(negated: false))
    #expect(test("host IS NOT NULL") == .isNull(negated: true))
    guard case .contains(_, false)? = test(#"attendees contains "王""#) else { Issue.record("contains"); return }
    guard case .contains(_, true)? = test(#"attendees not contains "王""#) else { Issue.record("not contains"); return }
    guard case .like(_, false)? = test(#"date like "--07-%""#) else { Issue.record("like"); return }
    guard case .like(_, true)? = test(#"name not like "%会""#) else { Issue.record("not like"); return }
    guard case .compare(.equal, let p)? = test("city = $2") else { Issue.record("param"); return }
    #expect(p.value == .parameter(2))
  }

  @Test func precedenceNotAndOr() throws {
    // a or b and not c  ==  a or (b and (not c))
    let q = try #require(query("find meeting where a = 1 or b = 2 and not c = 3"))
    guard case .or(.predicate(let a), .and(.predicate(let b), .not(.predicate(let c), let r)))? = q.filter else {
      Issue.record("\(String(describing: q.filter))"); return
    }
    #expect([a.field.text, b.field.text, c.field.text] == ["a", "b", "c"])
    #expect(r == 38..<47)
    let p = try #require(query("find meeting where (a = 1 or b = 2) and c = 3"))
    guard case .and(.or, .predicate)? = p.filter else { Issue.record("\(String(describing: p.filter))"); return }
  }

  @Test func betweenAndIsNotAConjunction() throws {
    let q = try #require(query("find meeting where date between 2019 and 2020 and city = \"临汾\""))
    guard case .and(.predicate(let a), .predicate(let b))? = q.filter else { Issue.record("\(String(describing: q.filter))"); return }
    guard case .between = a.test else { Issue.record("between"); return }
    #expect(b.field.text == "city")
  }

  @Test func longChainsAreBalanced() throws {
    let terms = (0..<20_000).map { "id = \($0)" }.joined(separator: " or ")
    let q = try #require(query("find meeting where " + terms))
    let s = shape(try #require(q.filter))
    #expect(s.leaves == 20_000)
    #expect(s.depth <= 16)
    let ands = (0..<5_000).map { "id != \($0)" }.joined(separator: " and ")
    let r = try #require(query("find meeting where " + ands))
    #expect(shape(try #require(r.filter)).depth <= 14)
  }

  @Test func limits() throws {
    #expect(query("find meeting limit 0")?.limit?.count == 0)
    #expect(query("find meeting limit 9223372036854775807")?.limit?.count == Int.max)
    let big = try #require(failure("find meeting limit 99999999999999999999"))
    #expect(big.message == "99999999999999999999 is too large")
    #expect(big.range == 19..<39)
    #expect(failure("find meeting limit -1")?.message == "limit cannot be negative")
    #expect(failure("find meeting limit 2.5")?.message == "expected a whole number, found '2.5'")
    #expect(failure("find meeting limit 10亿")?.message == "expected a whole number after 'limit'")
    #expect(failure("find meeting limit 5 offset")?.message == "expected a whole number after 'offset'")
  }

  @Test func orderByAggregateNames() throws {
    let q = try #require(query("sum investment of project by county order by sum desc, county"))
    #expect(q.orderBy?.map(\.key.text) == ["sum", "county"])
    #expect(q.orderBy?.map(\.descending) == [true, false])
  }

  @Test func subqueryInsideParentheses() throws {
    let q = try #require(query(#"find person where (name in (find meeting where host = "王宏伟" show attendees) or name = "李")"#))
    guard case .or(.predicate(let p), _)? = q.filter, case .inQuery(let sub, false) = p.test else { Issue.record("shape"); return }
    #expect(sub.show?.map(\.text) == ["attendees"])
  }
}
