import NewsFacts

/// A piece of a `WHERE` clause and how tightly it binds, so parentheses appear only where needed.
struct SQLCondition {
  enum Precedence: Int { case or = 0, and = 1, atom = 2 }
  var sql: String
  var precedence: Precedence

  static func atom(_ s: String) -> SQLCondition { SQLCondition(sql: s, precedence: .atom) }

  static func all(_ parts: [SQLCondition]) -> SQLCondition {
    if parts.count == 1 { return parts[0] }
    return SQLCondition(sql: parts.map { $0.precedence == .or ? "(\($0.sql))" : $0.sql }.joined(separator: " AND "), precedence: .and)
  }

  static func any(_ parts: [SQLCondition]) -> SQLCondition {
    if parts.count == 1 { return parts[0] }
    return SQLCondition(sql: parts.map { $0.precedence == .and ? "(\($0.sql))" : $0.sql }.joined(separator: " OR "), precedence: .or)
  }

  var parenthesised: String { precedence == .atom ? sql : "(\(sql))" }
}

/// The state of one translation: parameters, dialect, places and the query scope being written.
struct SQLTranslation {
  let parameters: [Value]
  let dialect: SQLDialect
  let places: any PlaceResolver
  /// Fresh alias numbers for list joins (`"g1"`, `"l2"` …).
  var aliases = 0
  /// The entity of the query being written, and whether columns must be qualified (joins present).
  var entity: Entity = .article
  var qualify = false

  static let maxDepth = 64
  static let aggregateNames: Set<String> = ["count", "sum", "avg", "min", "max"]

  init(parameters: [Value], dialect: SQLDialect, places: any PlaceResolver) {
    self.parameters = parameters
    self.dialect = dialect
    self.places = places
  }

  // MARK: names

  func entity(_ name: Name) throws(Diagnostic) -> Entity {
    guard let e = Entity(name: name.text) else {
      throw Diagnostic("no entity '\(name.text)'", at: name.range,
                       hint: "entities: " + Entity.allCases.map(\.rawValue).joined(separator: ", "))
    }
    return e
  }

  func field(_ name: Name) throws(Diagnostic) -> FieldSpec {
    guard let f = Schema.field(name.text, of: entity) else {
      throw Diagnostic("no field '\(name.text)' on \(entity.rawValue)", at: name.range,
                       hint: "fields: " + Schema.fields(of: entity).map(\.name).joined(separator: ", "))
    }
    return f
  }

  func col(_ name: String) -> String {
    qualify ? "\(entity.rawValue).\(SQLText.identifier(name))" : SQLText.identifier(name)
  }

  mutating func nextAlias() -> Int {
    aliases += 1
    return aliases
  }

  /// A join that turns each element of list field `name` into a row; returns the join text and
  /// the element's expression. With `keepRows` (grouping, and `count distinct` of a list) each
  /// distinct element is one row and a row whose list is null or empty gives one NULL element,
  /// as newsq groups it; without, rows without elements drop out.
  mutating func elementJoin(_ name: String, keepRows: Bool = false) -> (join: String, element: String) {
    let n = nextAlias()
    let list = "\(entity.rawValue).\(SQLText.identifier(name))"
    switch dialect {
    case .duckdb:
      let source = keepRows ? "CASE WHEN len(\(list)) > 0 THEN list_distinct(\(list)) ELSE [NULL] END" : list
      return (", unnest(\(source)) AS \"g\(n)\"(\"e\(n)\")", "\"e\(n)\"")
    case .sqlite:
      let source = keepRows ? "CASE WHEN json_array_length(\(list)) > 0 THEN \(list) ELSE '[null]' END" : list
      return (", json_each(\(source)) AS \"g\(n)\"", "\"g\(n)\".value")
    }
  }

  /// "Some element of list field `name` satisfies `test`".
  mutating func anyElement(_ name: String, _ test: (String) -> String) -> String {
    let n = nextAlias()
    let list = "\(entity.rawValue).\(SQLText.identifier(name))"
    switch dialect {
    case .duckdb: return "EXISTS (SELECT 1 FROM unnest(\(list)) AS \"l\(n)\"(\"e\(n)\") WHERE \(test("\"e\(n)\"")))"
    case .sqlite: return "EXISTS (SELECT 1 FROM json_each(\(list)) AS \"l\(n)\" WHERE \(test("\"l\(n)\".value")))"
    }
  }

  /// "No element satisfies `test`", for a list that is there (a null list is unknown, as in newsq).
  mutating func noElement(_ name: String, _ test: (String) -> String) -> SQLCondition {
    .all([.atom("\(col(name)) IS NOT NULL"), .atom("NOT " + anyElement(name, test))])
  }

  // MARK: queries

  mutating func query(_ q: Query, depth: Int, asSubquery: Bool) throws(Diagnostic) -> String {
    guard depth < SQLTranslation.maxDepth else {
      throw Diagnostic("the statement nests too deeply to translate", at: q.range)
    }
    let outer = (entity, qualify)
    defer { (entity, qualify) = outer }
    entity = try self.entity(q.entity)
    qualify = false
    let table = entity.rawValue

    // Groups first: a list group (or count distinct of a list) joins its elements.
    var joins = ""
    var groups: [(name: String, expr: String)] = []
    var listGroups = false
    for g in q.groupBy ?? [] where try field(g).kind == .textList { listGroups = true }
    var distinctOfList = false
    if case .count(let d?) = q.kind, try field(d).kind == .textList { distinctOfList = true }
    var showsList = false
    if asSubquery, case .find = q.kind, let show = q.show, show.count == 1, try field(show[0]).kind == .textList { showsList = true }
    qualify = listGroups || distinctOfList || showsList
    // Sums of money and quantities also group by their currency or unit, as newsq's do.
    var unitName: String? = nil
    if case .aggregate(_, let name) = q.kind {
      switch try field(name).kind {
      case .money(let u), .quantity(let u):
        if !(q.groupBy ?? []).contains(where: { $0.text.lowercased() == u }) { unitName = u }
      default: break
      }
    }
    for g in q.groupBy ?? [] {
      let f = try field(g)
      if f.kind == .textList {
        let (join, element) = elementJoin(f.name, keepRows: true)
        joins += join
        groups.append((f.name, element))
      } else if f.kind == .span {
        throw Diagnostic("cannot group by span", at: g.range)
      } else {
        groups.append((f.name, col(f.name)))
      }
    }
    if let u = unitName { groups.append((u, col(u))) }
    let groupSelect = groups.map { $0.expr == col($0.name) && !qualify ? $0.expr : "\($0.expr) AS \(SQLText.identifier($0.name))" }

    var select: [String]
    var distinct = false
    var outputName: String? = nil
    var subqueryColumn: String? = nil
    switch q.kind {
    case .find(let d):
      distinct = d
      if q.groupBy != nil, let g = q.groupBy?.first {
        throw Diagnostic("find takes no by", at: g.range, hint: "use count … by")
      }
      if let show = q.show {
        if asSubquery && show.count != 1 {
          throw Diagnostic("a subquery shows exactly one field", at: q.range, hint: "add show with one field, e.g. show name")
        }
        select = []
        for s in show {
          let f = try field(s)
          if asSubquery && f.kind == .textList {
            let (join, element) = elementJoin(f.name)
            joins += join
            select.append(element)
            subqueryColumn = element
          } else {
            select.append(col(f.name))
            subqueryColumn = col(f.name)
          }
        }
      } else {
        if asSubquery {
          throw Diagnostic("a subquery shows exactly one field", at: q.range, hint: "add show with one field, e.g. show name")
        }
        select = ["*"]
      }
    case .count(let d):
      outputName = "count"
      if let d {
        let f = try field(d)
        var expr = col(f.name)
        if f.kind == .textList {
          let (join, element) = elementJoin(f.name, keepRows: true)
          joins += join
          expr = element
        }
        select = groupSelect + ["COUNT(DISTINCT \(expr)) AS \"count\""]
      } else {
        select = groupSelect + ["COUNT(*) AS \"count\""]
      }
    case .aggregate(let fn, let name):
      outputName = fn.rawValue
      let f = try field(name)
      var expr = col(f.name)
      switch f.kind {
      case .integer, .number, .money, .quantity, .area: break
      case .date where fn == .min || fn == .max:
        expr = "CASE WHEN \(expr) >= '0000-01-01' THEN \(expr) END"
      case .text, .place:
        guard fn == .min || fn == .max else {
          throw Diagnostic("\(fn.rawValue) needs a numeric field; \(f.name) is text", at: name.range)
        }
      default:
        throw Diagnostic("\(fn.rawValue) needs a numeric field; \(f.name) is not one", at: name.range)
      }
      select = groupSelect + ["\(fn.rawValue.uppercased())(\(expr)) AS \(SQLText.identifier(fn.rawValue))"]
    }
    if asSubquery {
      if q.groupBy != nil {
        throw Diagnostic("a subquery with by returns more than one column", at: q.range)
      }
    }

    var conditions: [SQLCondition] = []
    if let filter = q.filter { conditions.append(try expr(filter, negated: false, depth: depth + 1)) }
    if asSubquery, let c = subqueryColumn { conditions.append(.atom("\(c) IS NOT NULL")) }

    // ORDER BY
    var order: [String] = []
    var orderedById = false
    func groupExpr(_ name: String) -> String? { groups.first { $0.name == name }?.expr }
    if let keys = q.orderBy {
      for k in keys {
        let dir = k.descending ? "DESC" : "ASC"
        let lower = k.key.text.lowercased()
        if let out = outputName, lower == out {
          order.append("\(SQLText.identifier(out)) \(dir) NULLS LAST")
          continue
        }
        let f: FieldSpec
        do { f = try field(k.key) } catch {
          if SQLTranslation.aggregateNames.contains(lower) {
            throw Diagnostic("cannot order by \(lower) here", at: k.key.range, hint: outputName.map { "this statement returns \($0)" } ?? "find returns fields, not \(lower)")
          }
          throw error
        }
        var e = col(f.name)
        if outputName != nil {
          guard let g = groupExpr(f.name) else {
            throw Diagnostic("order by \(f.name): not one of the by fields", at: k.key.range)
          }
          e = g
        }
        // Dates: known, then without a year (`--07-18`), then null, whatever the direction.
        if f.kind == .date { order.append("CASE WHEN \(e) IS NULL THEN 2 WHEN \(e) LIKE '--%' THEN 1 ELSE 0 END") }
        if f.kind == .textList && outputName == nil {
          throw Diagnostic("cannot order by the list \(f.name)", at: k.key.range)
        }
        order.append("\(e) \(dir) NULLS LAST")
        if f.name == "id" { orderedById = true }
      }
    } else if let out = outputName, !groups.isEmpty {
      // Counts: largest first; aggregates: by their groups, as newsq orders them.
      if out == "count" { order.append("\(SQLText.identifier(out)) DESC NULLS LAST") }
      order += groups.map { "\($0.expr) ASC NULLS LAST" }
    }
    if case .find(let d) = q.kind, !d, !orderedById, !asSubquery || q.limit != nil {
      order.append(col("id"))  // document order, and the last tie-break
    }

    var clauses: [String] = []
    clauses.append("SELECT " + (distinct ? "DISTINCT " : "") + select.joined(separator: ", "))
    clauses.append("FROM \(table)" + joins)
    if !conditions.isEmpty { clauses.append("WHERE " + SQLCondition.all(conditions).sql) }
    if !groups.isEmpty { clauses.append("GROUP BY " + groups.map(\.expr).joined(separator: ", ")) }
    if !order.isEmpty { clauses.append("ORDER BY " + order.joined(separator: ", ")) }
    if let l = q.limit {
      clauses.append("LIMIT \(max(0, l.count))" + (l.offset > 0 ? " OFFSET \(l.offset)" : ""))
    }
    return clauses.joined(separator: asSubquery ? " " : "\n")
  }

  // MARK: expressions

  mutating func expr(_ e: Expr, negated: Bool, depth: Int) throws(Diagnostic) -> SQLCondition {
    guard depth < SQLTranslation.maxDepth * 8 else {
      throw Diagnostic("the condition nests too deeply to translate", at: 0..<0)
    }
    switch e {
    case .and(let a, let b), .or(let a, let b):
      // Flatten chains of the same operator iteratively (20,000 `or`s must not recurse 20,000 deep).
      var isAnd = false
      if case .and = e { isAnd = true }
      var terms: [Expr] = []
      var stack: [Expr] = [b, a]
      while let x = stack.popLast() {
        switch x {
        case .and(let l, let r) where isAnd: stack.append(r); stack.append(l)
        case .or(let l, let r) where !isAnd: stack.append(r); stack.append(l)
        default: terms.append(x)
        }
      }
      var parts: [SQLCondition] = []
      for t in terms { parts.append(try expr(t, negated: negated, depth: depth + 1)) }
      // not (a and b) = not a or not b.
      return isAnd != negated ? .all(parts) : .any(parts)
    case .not(let x, _):
      return try expr(x, negated: !negated, depth: depth + 1)
    case .predicate(let p):
      return try predicate(p, negated: negated, depth: depth)
    }
  }
}
