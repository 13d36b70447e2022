import NewsQ

/// Builders for syntax trees, so SQL tests read like the statements they stand for
/// (the parser is another helper's; these tests do not depend on it).
enum AST {
  static func name(_ s: String) -> Name { Name(s, 0..<s.unicodeScalars.count) }
  static func lit(_ v: LiteralValue, _ text: String? = nil) -> Literal {
    let t: String
    switch v {
    case .string(let s): t = "\"\(s)\""
    case .number(let d): t = Value.format(d)
    case .parameter(let n): t = "$\(n)"
    default: t = text ?? "literal"
    }
    return Literal(v, text: text ?? t, range: 0..<1)
  }
  static func s(_ x: String) -> Literal { lit(.string(x)) }
  static func num(_ d: Double) -> Literal { lit(.number(d)) }
  static func day(_ y: Int, _ m: Int, _ d: Int) -> Literal {
    let f = FactDate(year: y, month: m, day: d)
    return lit(.date(DateLiteral(first: f, last: f, precision: .day)), f.description)
  }
  static func month(_ y: Int, _ m: Int) -> Literal {
    lit(.date(DateLiteral(first: FactDate(year: y, month: m, day: 1),
                          last: FactDate(year: y, month: m, day: FactDate.daysIn(month: m, year: y)), precision: .month)), "\(y)-\(m)")
  }
  static func year(_ y: Int) -> Literal {
    lit(.date(DateLiteral(first: FactDate(year: y, month: 1, day: 1), last: FactDate(year: y, month: 12, day: 31), precision: .year)), "\(y)")
  }
  static func p(_ field: String, _ test: PredicateTest) -> Expr {
    .predicate(Predicate(field: name(field), test: test, range: 0..<1))
  }
  static func cmp(_ field: String, _ op: ComparisonOperator, _ l: Literal) -> Expr { p(field, .compare(op, l)) }

  static func query(_ kind: QueryKind, _ entity: String, where filter: Expr? = nil, show: [String]? = nil,
                    by: [String]? = nil, order: [(String, Bool)]? = nil, limit: (Int, Int)? = nil) -> Query {
    Query(kind: kind, entity: name(entity), filter: filter, show: show?.map(name), groupBy: by?.map(name),
          orderBy: order?.map { OrderKey(key: name($0.0), descending: $0.1) },
          limit: limit.map { Limit(count: $0.0, offset: $0.1, range: 0..<1) }, range: 0..<1)
  }
  static func find(_ entity: String, where filter: Expr? = nil, show: [String]? = nil, order: [(String, Bool)]? = nil,
                   limit: (Int, Int)? = nil, distinct: Bool = false) -> Statement {
    .query(query(.find(distinct: distinct), entity, where: filter, show: show, order: order, limit: limit))
  }
}
