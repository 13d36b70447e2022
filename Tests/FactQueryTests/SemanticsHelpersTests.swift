import Testing
import NewsFacts
import FactStore
@testable import FactQuery

// Builders for syntax trees, so binder/planner/executor tests do not depend on the parser.

func nm(_ s: String) -> Name { Name(s, 0..<s.unicodeScalars.count) }

func lit(_ v: LiteralValue, _ text: String? = nil) -> Literal {
  let t: String
  switch v {
  case .string(let s): t = "\"\(s)\""
  case .number(let d): t = Value.format(d)
  case .money(let d, let c): t = Value.format(d) + (c ?? "")
  case .percent(let d): t = Value.format(d) + "%"
  case .area(let d): t = Value.format(d) + "平方米"
  case .date(let d): t = d.first.description
  case .parameter(let n): t = "$\(n)"
  }
  return Literal(v, text: text ?? t, range: 100..<110)
}

func s(_ x: String) -> Literal { lit(.string(x)) }
func n(_ x: Double) -> Literal { lit(.number(x)) }
func day(_ y: Int, _ m: Int, _ d: Int) -> Literal {
  let f = FactDate(year: y, month: m, day: d)
  return lit(.date(DateLiteral(first: f, last: f, precision: .day)))
}
func month(_ y: Int, _ m: Int) -> Literal {
  lit(.date(DateLiteral(first: FactDate(year: y, month: m, day: 1),
                        last: FactDate(year: y, month: m, day: FactDate.daysIn(month: m, year: y)), precision: .month)))
}
func year(_ y: Int) -> Literal {
  lit(.date(DateLiteral(first: FactDate(year: y, month: 1, day: 1), last: FactDate(year: y, month: 12, day: 31), precision: .year)))
}

func p(_ field: String, _ t: PredicateTest) -> Expr { .predicate(Predicate(field: nm(field), test: t, range: 0..<1)) }
func eq(_ field: String, _ l: Literal) -> Expr { p(field, .compare(.equal, l)) }
func cmp(_ field: String, _ op: ComparisonOperator, _ l: Literal) -> Expr { p(field, .compare(op, l)) }
func not(_ e: Expr) -> Expr { .not(e, range: 0..<1) }
func && (a: Expr, b: Expr) -> Expr { .and(a, b) }
func || (a: Expr, b: Expr) -> Expr { .or(a, b) }

func query(_ kind: QueryKind = .find(distinct: false), _ entity: String, where filter: Expr? = nil, show: [String]? = nil,
           by: [String]? = nil, order: [(String, Bool)]? = nil, limit: Int? = nil, offset: Int = 0) -> Query {
  Query(kind: kind, entity: nm(entity), filter: filter, show: show?.map(nm), groupBy: by?.map(nm),
        orderBy: order?.map { OrderKey(key: nm($0.0), descending: $0.1) },
        limit: limit.map { Limit(count: $0, offset: offset, range: 0..<1) }, range: 0..<1)
}

/// A place resolver the tests fill: short and full names of a few divisions.
struct TestPlaces: PlaceResolver {
  static let shanxi = PlaceRef(name: "山西省", level: .province, code: "140000", country: "中国", province: "山西省")
  static let linfen = PlaceRef(name: "临汾市", level: .city, code: "141000", country: "中国", province: "山西省", city: "临汾市")
  static let yaodu = PlaceRef(name: "尧都区", level: .county, code: "141002", country: "中国", province: "山西省", city: "临汾市", county: "尧都区")
  static let jiangxian = PlaceRef(name: "绛县", level: .county, code: "140826", country: "中国", province: "山西省", city: "运城市", county: "绛县")
  static let chaoyangBJ = PlaceRef(name: "朝阳区", level: .county, code: "110105", country: "中国", province: "北京市", city: "北京市", county: "朝阳区")
  static let chaoyangCC = PlaceRef(name: "朝阳区", level: .county, code: "220104", country: "中国", province: "吉林省", city: "长春市", county: "朝阳区")
  static let xiangyang = PlaceRef(name: "襄阳市", level: .city, code: "420600", country: "中国", province: "湖北省", city: "襄阳市")
  static let japan = PlaceRef(name: "日本", level: .country, country: "日本")

  func resolve(_ name: String) -> [PlaceRef] {
    switch TextOrder.fold(name) {
    case "山西", "山西省": return [Self.shanxi]
    case "临汾", "临汾市": return [Self.linfen]
    case "尧都", "尧都区": return [Self.yaodu]
    case "绛县": return [Self.jiangxian]
    case "朝阳", "朝阳区": return [Self.chaoyangBJ, Self.chaoyangCC]
    case "襄樊", "襄阳", "襄阳市": return [Self.xiangyang]
    case "日本": return [Self.japan]
    default: return []
    }
  }
}

/// Runs a statement over facts and returns the result (or the error).
struct Harness {
  let context: QueryContext

  init(_ facts: [Fact], places: PlaceResolver = TestPlaces()) {
    var b = StoreBuilder()
    b.add(contentsOf: facts)
    context = QueryContext(snapshot: b.freeze(), places: places)
  }

  func run(_ s: Statement, _ parameters: [Value] = []) throws -> ResultSet {
    let plan = try Planner.plan(s, context: context, parameters: parameters)
    return try Executor.run(plan, context: context, analyze: false)
  }

  func run(_ q: Query, _ parameters: [Value] = []) throws -> ResultSet { try run(.query(q), parameters) }

  /// The values of column `name` in each row.
  func column(_ q: Query, _ name: String, _ parameters: [Value] = []) throws -> [Value] {
    let r = try run(q, parameters)
    guard let i = r.columns.firstIndex(where: { $0.name == name }) else { return [] }
    return r.rows.map { $0[i] }
  }

  /// The `name`s of the rows a find returns.
  func names(_ entity: String, _ filter: Expr?, order: [(String, Bool)]? = nil, limit: Int? = nil) throws -> [String] {
    try column(query(.find(distinct: false), entity, where: filter, order: order, limit: limit), "name").map { $0.text ?? "∅" }
  }

  func diagnostic(_ q: Query) -> Diagnostic? {
    do {
      _ = try Planner.plan(.query(q), context: context, parameters: [])
      return nil
    } catch {
      return error
    }
  }

  func plan(_ s: Statement) throws -> PlannedStatement { try Planner.plan(s, context: context, parameters: []) }
}

func fact(_ e: Entity, _ fields: [String: Value]) -> Fact { Fact(e, fields) }
