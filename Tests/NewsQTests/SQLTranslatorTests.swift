import Testing
@testable import NewsQ
@testable import FactQuery

private typealias A = AST

private func sql(_ st: Statement, _ params: [Value] = [], _ dialect: SQLDialect = .duckdb,
                 places: any PlaceResolver = NoPlaces()) throws -> String {
  try SQLTranslator.translate(st, parameters: params, dialect: dialect, places: places)
}

/// A resolver with a handful of real divisions, as the gazetteer would answer.
struct TestPlaces: PlaceResolver {
  func resolve(_ name: String) -> [PlaceRef] {
    switch name {
    case "临汾", "临汾市", "臨汾":
      return [PlaceRef(name: "临汾市", level: .city, code: "141000", country: "中国", province: "山西省", city: "临汾市")]
    case "尧都", "尧都区":
      return [PlaceRef(name: "尧都区", level: .county, code: "141002", country: "中国", province: "山西省", city: "临汾市", county: "尧都区")]
    case "山西":
      return [PlaceRef(name: "山西省", level: .province, code: "140000", country: "中国", province: "山西省")]
    case "朝阳区":
      return [PlaceRef(name: "朝阳区", level: .county, code: "110105", province: "北京市", city: "北京市", county: "朝阳区"),
              PlaceRef(name: "朝阳区", level: .county, code: "220104", province: "吉林省", city: "长春市", county: "朝阳区")]
    default: return []
    }
  }
}

@Suite struct SQLTranslatorTests {
  @Test func findWithShowOrderLimit() throws {
    let st = A.find("meeting", where: .and(A.cmp("city", .equal, A.s("临汾市")), A.cmp("date", .greaterOrEqual, A.day(2019, 5, 1))),
                    show: ["name", "date"], order: [("date", true)], limit: (5, 10))
    #expect(try sql(st) == """
      SELECT "name", "date"
      FROM meeting
      WHERE "city" = '临汾市' AND "date" >= '2019-05-01'
      ORDER BY CASE WHEN "date" IS NULL THEN 2 WHEN "date" LIKE '--%' THEN 1 ELSE 0 END, "date" DESC NULLS LAST, "id"
      LIMIT 5 OFFSET 10;
      """)
  }

  @Test func findEverythingInDocumentOrder() throws {
    #expect(try sql(A.find("meetings")) == "SELECT *\nFROM meeting\nORDER BY \"id\";")
    #expect(try sql(A.find("Person", show: ["name"], distinct: true)) == "SELECT DISTINCT \"name\"\nFROM person;")
  }

  @Test func countsAndAggregates() throws {
    #expect(try sql(.query(A.query(.count(distinct: nil), "meeting"))) == "SELECT COUNT(*) AS \"count\"\nFROM meeting;")
    #expect(try sql(.query(A.query(.count(distinct: nil), "meeting", by: ["city"]))) == """
      SELECT "city", COUNT(*) AS "count"
      FROM meeting
      GROUP BY "city"
      ORDER BY "count" DESC NULLS LAST, "city" ASC NULLS LAST;
      """)
    #expect(try sql(.query(A.query(.count(distinct: A.name("host")), "meeting", where: A.cmp("province", .equal, A.s("山西省"))))) == """
      SELECT COUNT(DISTINCT "host") AS "count"
      FROM meeting
      WHERE "province" = '山西省';
      """)
    #expect(try sql(.query(A.query(.aggregate(.sum, A.name("investment")), "project", by: ["county"], order: [("sum", false)], limit: (3, 0)))) == """
      SELECT "county", "currency", SUM("investment") AS "sum"
      FROM project
      GROUP BY "county", "currency"
      ORDER BY "sum" ASC NULLS LAST
      LIMIT 3;
      """)
    // Money and quantities sum per currency or unit, as in newsq; grouped aggregates come in
    // the order of their groups.
    #expect(try sql(.query(A.query(.aggregate(.avg, A.name("value")), "indicator", by: ["city"]))) == """
      SELECT "city", "unit", AVG("value") AS "avg"
      FROM indicator
      GROUP BY "city", "unit"
      ORDER BY "city" ASC NULLS LAST, "unit" ASC NULLS LAST;
      """)
    #expect(try sql(.query(A.query(.aggregate(.sum, A.name("investment")), "project", by: ["currency"]))) == """
      SELECT "currency", SUM("investment") AS "sum"
      FROM project
      GROUP BY "currency"
      ORDER BY "currency" ASC NULLS LAST;
      """)
    #expect(try sql(.query(A.query(.aggregate(.max, A.name("area")), "project", by: ["city"]))) == """
      SELECT "city", MAX("area") AS "max"
      FROM project
      GROUP BY "city"
      ORDER BY "city" ASC NULLS LAST;
      """)
    #expect(try sql(.query(A.query(.aggregate(.max, A.name("date")), "meeting"))) ==
      "SELECT MAX(CASE WHEN \"date\" >= '0000-01-01' THEN \"date\" END) AS \"max\"\nFROM meeting;")
    #expect(throws: Diagnostic.self) { try sql(.query(A.query(.aggregate(.sum, A.name("name")), "project"))) }
  }

  @Test func groupByListCountsElements() throws {
    #expect(try sql(.query(A.query(.count(distinct: nil), "meeting", by: ["attendees"]))) == """
      SELECT "e1" AS "attendees", COUNT(*) AS "count"
      FROM meeting, unnest(CASE WHEN len(meeting."attendees") > 0 THEN list_distinct(meeting."attendees") ELSE [NULL] END) AS "g1"("e1")
      GROUP BY "e1"
      ORDER BY "count" DESC NULLS LAST, "e1" ASC NULLS LAST;
      """)
    #expect(try sql(.query(A.query(.count(distinct: nil), "meeting", where: A.cmp("city", .equal, A.s("临汾市")), by: ["attendees"])), [], .sqlite) == """
      SELECT "g1".value AS "attendees", COUNT(*) AS "count"
      FROM meeting, json_each(CASE WHEN json_array_length(meeting."attendees") > 0 THEN meeting."attendees" ELSE '[null]' END) AS "g1"
      WHERE meeting."city" = '临汾市'
      GROUP BY "g1".value
      ORDER BY "count" DESC NULLS LAST, "g1".value ASC NULLS LAST;
      """)
  }

  @Test func moneyPercentAreaLiterals() throws {
    let tenYi = A.lit(.money(1e9, currency: nil), "10亿")
    #expect(try sql(A.find("project", where: A.cmp("investment", .greater, tenYi), order: [("investment", true)])) == """
      SELECT *
      FROM project
      WHERE "investment" > 1000000000 AND "currency" = 'CNY'
      ORDER BY "investment" DESC NULLS LAST, "id";
      """)
    let usd = A.lit(.money(4e8, currency: "USD"), "4亿美元")
    #expect(try sql(A.find("project", where: A.cmp("investment", .greaterOrEqual, usd))).contains(#"WHERE "investment" >= 400000000 AND "currency" = 'USD'"#))
    // Under not, the currency guard stays: a USD project never matches a CNY literal.
    #expect(try sql(A.find("project", where: .not(A.cmp("investment", .greater, tenYi), range: 0..<1))).contains(#"WHERE "investment" <= 1000000000 AND "currency" = 'CNY'"#))
    #expect(try sql(A.find("indicator", where: A.cmp("value", .greater, A.lit(.percent(7.6), "7.6%")))).contains(#"WHERE "value" > 7.6 AND "unit" = '%'"#))
    #expect(try sql(A.find("indicator", where: A.cmp("value", .greater, tenYi))).contains(#"WHERE "value" > 1000000000 AND "unit" = '元'"#))
    #expect(try sql(A.find("project", where: A.cmp("area", .greater, A.lit(.area(3_400_000), "5100亩")))).contains(#"WHERE "area" > 3400000"#))
    #expect(try sql(A.find("project", where: A.p("investment", .between(A.lit(.money(1e8, currency: nil), "1亿"), tenYi)))).contains(#"WHERE "investment" BETWEEN 100000000 AND 1000000000 AND "currency" = 'CNY'"#))
    // Kinds that do not compare are errors, pointing at the literal.
    let err = #expect(throws: Diagnostic.self) { try sql(A.find("meeting", where: A.cmp("date", .greater, tenYi))) }
    #expect(err?.message == "cannot compare date with 10亿")
    #expect(throws: Diagnostic.self) { try sql(A.find("project", where: A.cmp("investment", .greater, A.lit(.percent(5), "5%")))) }
  }

  @Test func datePeriodsAndUnknownYears() throws {
    func whereOf(_ e: Expr) throws -> String {
      let s = try sql(A.find("meeting", where: e))
      return String(s.split(separator: "\n")[2])
    }
    #expect(try whereOf(A.cmp("date", .equal, A.month(2019, 5))) == #"WHERE "date" BETWEEN '2019-05-01' AND '2019-05-31'"#)
    #expect(try whereOf(A.cmp("date", .greater, A.month(2019, 5))) == #"WHERE "date" > '2019-05-31'"#)
    #expect(try whereOf(A.cmp("date", .greaterOrEqual, A.month(2019, 5))) == #"WHERE "date" >= '2019-05-01'"#)
    #expect(try whereOf(A.cmp("date", .less, A.day(2019, 5, 20))) == #"WHERE "date" < '2019-05-20' AND "date" >= '0000-01-01'"#)
    #expect(try whereOf(A.p("date", .between(A.year(2019), A.year(2020)))) == #"WHERE "date" BETWEEN '2019-01-01' AND '2020-12-31'"#)
    #expect(try whereOf(A.cmp("date", .equal, A.s("--07-18"))) == #"WHERE "date" = '--07-18'"#)
    #expect(try whereOf(A.cmp("date", .notEqual, A.year(2019))) == #"WHERE "date" NOT BETWEEN '2019-01-01' AND '2019-12-31' AND "date" >= '0000-01-01'"#)
    #expect(throws: Diagnostic.self) { try whereOf(A.cmp("date", .less, A.s("--07-18"))) }
    #expect(throws: Diagnostic.self) { try whereOf(A.cmp("date", .less, A.s("昨天"))) }
  }

  @Test func predicatesOfEveryShape() throws {
    func whereOf(_ e: Expr, _ entity: String = "meeting", _ d: SQLDialect = .duckdb) throws -> String {
      let s = try sql(A.find(entity, where: e), [], d)
      return String(s.split(separator: "\n")[2])
    }
    #expect(try whereOf(A.p("host", .inList([A.s("王宏伟"), A.s("李明")], negated: false))) == #"WHERE "host" IN ('王宏伟', '李明')"#)
    #expect(try whereOf(A.p("host", .inList([A.s("王宏伟")], negated: true))) == #"WHERE "host" NOT IN ('王宏伟')"#)
    #expect(try whereOf(A.p("host", .isNull(negated: false))) == #"WHERE "host" IS NULL"#)
    #expect(try whereOf(A.p("host", .isNull(negated: true))) == #"WHERE "host" IS NOT NULL"#)
    #expect(try whereOf(A.p("attendees", .isNull(negated: false))) == #"WHERE "attendees" IS NULL OR len("attendees") = 0"#)
    #expect(try whereOf(A.p("name", .contains(A.s("50%_增长"), negated: false))) == #"WHERE "name" LIKE '%50\%\_增长%' ESCAPE '\'"#)
    #expect(try whereOf(A.p("name", .like(A.s("%推进会"), negated: true))) == #"WHERE "name" NOT LIKE '%推进会'"#)
    #expect(try whereOf(A.cmp("name", .equal, A.s("GDP")), "indicator") == #"WHERE lower("name") = 'gdp'"#)
    #expect(try whereOf(A.p("name", .contains(A.s("gdp"), negated: false)), "indicator") == #"WHERE "name" ILIKE '%gdp%' ESCAPE '\'"#)
    #expect(try whereOf(A.p("name", .contains(A.s("gdp"), negated: false)), "indicator", .sqlite) == #"WHERE "name" LIKE '%gdp%' ESCAPE '\'"#)
    #expect(try whereOf(A.p("titles", .contains(A.s("书记"), negated: false)), "person") ==
      #"WHERE EXISTS (SELECT 1 FROM unnest(person."titles") AS "l1"("e1") WHERE "e1" LIKE '%书记%' ESCAPE '\')"#)
    #expect(try whereOf(A.p("titles", .contains(A.s("书记"), negated: false)), "person", .sqlite) ==
      #"WHERE EXISTS (SELECT 1 FROM json_each(person."titles") AS "l1" WHERE "l1".value LIKE '%书记%' ESCAPE '\')"#)
    #expect(try whereOf(A.cmp("attendees", .equal, A.s("李明"))) ==
      #"WHERE EXISTS (SELECT 1 FROM unnest(meeting."attendees") AS "l1"("e1") WHERE "e1" = '李明')"#)
    // or inside and gets parentheses; not is pushed down (De Morgan).
    let e: Expr = .and(.or(A.cmp("kind", .equal, A.s("推进会")), A.cmp("kind", .equal, A.s("座谈会"))), .not(A.cmp("host", .equal, A.s("王宏伟")), range: 0..<1))
    #expect(try whereOf(e) == #"WHERE ("kind" = '推进会' OR "kind" = '座谈会') AND "host" != '王宏伟'"#)
    let n: Expr = .not(.and(A.cmp("kind", .equal, A.s("推进会")), A.cmp("host", .equal, A.s("王"))), range: 0..<1)
    #expect(try whereOf(n) == #"WHERE "kind" != '推进会' OR "host" != '王'"#)
    #expect(try whereOf(A.cmp("name", .equal, A.s("李'明"))) == #"WHERE "name" = '李''明'"#)
    // Unknown fields and entities are diagnosed with the name's range.
    let bad = #expect(throws: Diagnostic.self) { try whereOf(A.cmp("cty", .equal, A.s("x"))) }
    #expect(bad?.message == "no field 'cty' on meeting")
    #expect(throws: Diagnostic.self) { try sql(A.find("meetingz")) }
  }

  @Test func placesWithAndWithoutAResolver() throws {
    func whereOf(_ e: Expr, _ entity: String = "meeting", places: any PlaceResolver = NoPlaces()) throws -> String {
      String(try sql(A.find(entity, where: e), places: places).split(separator: "\n")[2])
    }
    #expect(try whereOf(A.cmp("city", .equal, A.s("临汾"))) == #"WHERE "city" LIKE '临汾%' ESCAPE '\'"#)
    #expect(try whereOf(A.cmp("city", .equal, A.s("临汾市"))) == #"WHERE "city" = '临汾市'"#)
    #expect(try whereOf(A.cmp("city", .equal, A.s("臨汾")), places: TestPlaces()) == #"WHERE "city" = '临汾市'"#)
    // A name of the wrong level matches nothing.
    #expect(try whereOf(A.cmp("city", .equal, A.s("尧都")), places: TestPlaces()) == #"WHERE 1 = 0"#)
    #expect(try whereOf(A.cmp("county", .equal, A.s("朝阳区")), places: TestPlaces()) == #"WHERE "county" = '朝阳区'"#)
    #expect(try whereOf(A.cmp("place", .equal, A.s("临汾")), places: TestPlaces()) == #"WHERE "city" = '临汾市'"#)
    #expect(try whereOf(A.cmp("place", .equal, A.s("临汾"))) ==
      #"WHERE "province" LIKE '临汾%' ESCAPE '\' OR "city" LIKE '临汾%' ESCAPE '\' OR "county" LIKE '临汾%' ESCAPE '\'"#)
    #expect(try whereOf(A.p("place", .inList([A.s("山西"), A.s("尧都")], negated: false)), places: TestPlaces()) ==
      #"WHERE "province" = '山西省' OR "county" = '尧都区'"#)
    #expect(try whereOf(A.p("city", .inList([A.s("临汾"), A.s("运城市")], negated: true)), places: TestPlaces()) ==
      #"WHERE "city" NOT IN ('临汾市', '运城市')"#)
    #expect(throws: Diagnostic.self) { try whereOf(A.cmp("city", .greater, A.s("临汾"))) }
  }

  /// Literals are folded as newsq folds them: the exported facts are simplified and half-width.
  @Test func literalsAreFoldedLikeNewsq() throws {
    func whereOf(_ e: Expr, _ entity: String = "meeting", _ dialect: SQLDialect = .duckdb) throws -> String {
      String(try sql(A.find(entity, where: e), [], dialect).split(separator: "\n")[2])
    }
    #expect(try whereOf(A.cmp("city", .equal, A.s("臨汾市"))) == #"WHERE "city" = '临汾市'"#)
    #expect(try whereOf(A.cmp("name", .equal, A.s("縣委書記會議"))) == #"WHERE "name" = '县委书记会议'"#)
    #expect(try whereOf(A.p("name", .contains(A.s("會議"), negated: false))) == #"WHERE "name" LIKE '%会议%' ESCAPE '\'"#)
    #expect(try whereOf(A.p("name", .like(A.s("%區%"), negated: true))) == #"WHERE "name" NOT LIKE '%区%'"#)
    #expect(try whereOf(A.p("attendees", .inList([A.s("王宏偉"), A.s("李四")], negated: false))).contains("IN ('王宏伟', '李四')"))
    // Full-width letters fold to ASCII, then Latin case is folded on both sides.
    #expect(try whereOf(A.cmp("name", .equal, A.s("ＧＤＰ增速")), "indicator") == #"WHERE lower("name") = 'gdp增速'"#)
    #expect(try whereOf(A.p("name", .contains(A.s("ＧＤＰ"), negated: false)), "indicator") == #"WHERE "name" ILIKE '%gdp%' ESCAPE '\'"#)
    // Extracted text keeps Chinese full-width punctuation: a literal holding such a mark folds
    // the column too; ASCII letters and digits, which the normaliser always folds, do not.
    #expect(try whereOf(A.cmp("purpose", .equal, A.s("参观考察，寻求对接")), "visit") ==
      #"WHERE translate("purpose", '，', ',') = '参观考察,寻求对接'"#)
    #expect(try whereOf(A.p("title", .contains(A.s("正言轩:高质量"), negated: false)), "article") ==
      #"WHERE translate("title", '：', ':') LIKE '%正言轩:高质量%' ESCAPE '\'"#)
    #expect(try whereOf(A.p("title", .inList([A.s("甲（乙）"), A.s("丙?")], negated: false)), "article") ==
      #"WHERE translate("title", '（）？', '()?') IN ('甲(乙)', '丙?')"#)
    #expect(try whereOf(A.cmp("purpose", .equal, A.s("考察,寻求")), "visit", .sqlite) ==
      #"WHERE replace("purpose", '，', ',') = '考察,寻求'"#)
    #expect(try whereOf(A.p("name", .like(A.s("%2019年%"), negated: false))) == #"WHERE "name" LIKE '%2019年%'"#)
    // Place literals fold before the no-resolver rules see them.
    #expect(try whereOf(A.cmp("county", .equal, A.s("堯都區"))) == #"WHERE "county" = '尧都区'"#)
  }

  @Test func subqueries() throws {
    let inner = A.query(.find(distinct: false), "meeting", where: A.cmp("host", .equal, A.s("王宏伟")), show: ["attendees"])
    let st = A.find("person", where: A.p("name", .inQuery(inner, negated: false)))
    #expect(try sql(st) == """
      SELECT *
      FROM person
      WHERE "name" IN (SELECT "e1" FROM meeting, unnest(meeting."attendees") AS "g1"("e1") WHERE meeting."host" = '王宏伟' AND "e1" IS NOT NULL)
      ORDER BY "id";
      """)
    let scalar = A.query(.find(distinct: false), "project", where: A.cmp("investment", .greater, A.lit(.money(1e9, currency: nil), "10亿")), show: ["county"])
    #expect(try sql(A.find("meeting", where: A.p("county", .inQuery(scalar, negated: true))), [], .sqlite).contains(
      #"WHERE "county" NOT IN (SELECT "county" FROM project WHERE "investment" > 1000000000 AND "currency" = 'CNY' AND "county" IS NOT NULL)"#))
    let noShow = A.query(.find(distinct: false), "meeting")
    #expect(throws: Diagnostic.self) { try sql(A.find("person", where: A.p("name", .inQuery(noShow, negated: false)))) }
  }

  @Test func parametersAreBoundAsLiterals() throws {
    let st = A.find("meeting", where: .and(A.cmp("host", .equal, A.lit(.parameter(1))), A.cmp("date", .greaterOrEqual, A.lit(.parameter(2)))))
    let s = try sql(st, ["王宏伟'; --", .date(FactDate(year: 2019, month: 5, day: 1))])
    #expect(s.contains(#"WHERE translate("host", '；', ';') = '王宏伟''; --' AND "date" >= '2019-05-01'"#))
    let missing = #expect(throws: Diagnostic.self) { try sql(st, ["临汾市"]) }
    #expect(missing?.message == "no value for $2")
  }

  @Test func whyExplainAndExport() throws {
    #expect(try sql(.why(entity: A.name("meeting"), id: 3, range: 0..<1)) == "SELECT *\nFROM meeting\nWHERE \"id\" = 3;")
    #expect(try sql(.explain(.sql, A.query(.count(distinct: nil), "person"))) == "SELECT COUNT(*) AS \"count\"\nFROM person;")
    #expect(throws: Diagnostic.self) { try sql(.export(path: "out", range: 0..<1)) }
  }

  @Test func deepAndWideConditionsDoNotTrap() throws {
    var e = A.cmp("host", .equal, A.s("主持0"))
    for i in 1..<20_000 { e = .or(e, A.cmp("host", .equal, A.s("主持\(i)"))) }
    let s = try sql(A.find("meeting", where: e))
    #expect(s.hasSuffix("\"host\" = '主持19999'\nORDER BY \"id\";"))
    var deep = A.cmp("host", .equal, A.s("x"))
    for _ in 0..<5_000 { deep = .not(deep, range: 0..<1) }
    #expect(throws: Diagnostic.self) { try sql(A.find("meeting", where: deep)) }
  }
}
