import NewsFacts
import NewsText

extension ComparisonOperator {
  /// The operator that holds exactly when this one fails on a non-null value.
  var inverted: ComparisonOperator {
    switch self {
    case .equal: return .notEqual
    case .notEqual: return .equal
    case .less: return .greaterOrEqual
    case .lessOrEqual: return .greater
    case .greater: return .lessOrEqual
    case .greaterOrEqual: return .less
    }
  }
}

extension SQLTranslation {
  /// Chinese unit names `indicator.unit` uses for money, by ISO code.
  static let currencyUnits: [String: String] = [
    "CNY": "元", "USD": "美元", "EUR": "欧元", "JPY": "日元", "GBP": "英镑", "HKD": "港元",
  ]

  /// The literal's value, with `$N` replaced by the N-th parameter.
  func resolve(_ lit: Literal) throws(Diagnostic) -> LiteralValue {
    guard case .parameter(let n) = lit.value else { return lit.value }
    guard n >= 1, n <= parameters.count else {
      throw Diagnostic("no value for $\(n)", at: lit.range, hint: "\(parameters.count) parameter\(parameters.count == 1 ? "" : "s") given")
    }
    switch parameters[n - 1] {
    case .text(let s): return .string(s)
    case .integer(let i): return .number(Double(i))
    case .number(let d): return .number(d)
    case .date(let d): return .date(DateLiteral(first: d, last: d, precision: .day))
    default: throw Diagnostic("$\(n) must be a text, number or date", at: lit.range)
    }
  }

  func mismatch(_ f: FieldSpec, _ lit: Literal) -> Diagnostic {
    Diagnostic("cannot compare \(f.name) with \(lit.text)", at: lit.range, hint: "\(f.name) holds \(SQLTranslation.describe(f.kind))")
  }

  static func describe(_ k: FieldKind) -> String {
    switch k {
    case .text: return "text"
    case .place: return "place names"
    case .integer, .number: return "numbers"
    case .money: return "amounts of money (10亿, 4亿美元)"
    case .quantity: return "numbers with a unit (10亿元, 7.6%)"
    case .area: return "areas (5100亩, 12.4平方公里)"
    case .date: return "dates (2019-05-20, 2019-05, 2019)"
    case .textList: return "lists of text"
    case .span: return "offsets"
    }
  }

  func number(_ d: Double, _ lit: Literal) throws(Diagnostic) -> String {
    guard d.isFinite else { throw Diagnostic("\(lit.text) is not a finite number", at: lit.range) }
    return SQLText.number(d)
  }

  /// The text a literal stands for when compared with a text, place or list field, folded as
  /// newsq folds it (繁→简, full-width → ASCII, Latin lower case): the exported facts are stored
  /// simplified and half-width, so `city = "臨汾市"` must become `"city" = '临汾市'`.
  func textOperand(_ v: LiteralValue, _ lit: Literal) -> String {
    switch v {
    case .string(let s): return Fold.fold(s)
    case .number(let d): return SQLText.number(d)
    case .date(let d) where d.precision == .day: return d.first.description
    default: return Fold.fold(lit.text)
    }
  }

  /// A number for a numeric field, and the currency or unit guard that must hold with it.
  func numericOperand(_ f: FieldSpec, _ v: LiteralValue, _ lit: Literal) throws(Diagnostic) -> (value: String, guard: String?) {
    switch (f.kind, v) {
    case (.integer, .number(let d)), (.number, .number(let d)), (.area, .number(let d)), (.area, .area(let d)),
         (.quantity, .number(let d)):
      return (try number(d, lit), nil)
    case (.integer, .date(let d)) where d.precision == .year, (.number, .date(let d)) where d.precision == .year:
      return (String(d.first.year ?? 0), nil)
    case (.money(let cf), .money(let a, let cur)):
      return (try number(a, lit), "\(col(cf)) = \(SQLText.string(cur ?? "CNY"))")
    case (.money(let cf), .number(let d)):
      return (try number(d, lit), "\(col(cf)) = 'CNY'")
    case (.quantity(let uf), .money(let a, let cur)):
      let code = cur ?? "CNY"
      return (try number(a, lit), "\(col(uf)) = \(SQLText.string(SQLTranslation.currencyUnits[code] ?? code))")
    case (.quantity(let uf), .percent(let p)):
      return (try number(p, lit), "\(col(uf)) = '%'")
    case (.quantity(let uf), .area(let a)):
      return (try number(a, lit), "\(col(uf)) = '平方米'")
    default:
      throw mismatch(f, lit)
    }
  }

  /// A date literal for a date field: a period, a quoted ISO day or `--MM-DD`, or a bare year.
  func dateOperand(_ f: FieldSpec, _ v: LiteralValue, _ lit: Literal) throws(Diagnostic) -> DateLiteral {
    switch v {
    case .date(let d): return d
    case .string(let s):
      guard let d = FactDate(iso: s) else {
        throw Diagnostic("'\(s)' is not a date", at: lit.range, hint: "dates are written 2019-05-20, 2019-05, 2019 or \"--07-18\"")
      }
      return DateLiteral(first: d, last: d, precision: .day)
    case .number(let d) where d == d.rounded() && d >= 1 && d <= 9999:
      let y = Int(d)
      return DateLiteral(first: FactDate(year: y, month: 1, day: 1), last: FactDate(year: y, month: 12, day: 31), precision: .year)
    default:
      throw mismatch(f, lit)
    }
  }

  static func textTest(_ expr0: String, _ op: ComparisonOperator, _ s: String, _ dialect: SQLDialect) -> String {
    let expr = SQLText.widthFolded(expr0, for: [s], dialect: dialect)
    return SQLText.hasLatinLetters(s)
      ? "lower(\(expr)) \(op.rawValue) \(SQLText.string(SQLText.lowered(s)))"
      : "\(expr) \(op.rawValue) \(SQLText.string(s))"
  }

  mutating func predicate(_ p: Predicate, negated: Bool, depth: Int) throws(Diagnostic) -> SQLCondition {
    if p.field.text.lowercased() == "place", Schema.field("place", of: entity) == nil {
      return try placeAnywhere(p, negated: negated)
    }
    let f = try field(p.field)
    switch p.test {
    case .isNull(let neg):
      return isNull(f, wantNull: neg == negated)
    case .compare(let op, let lit):
      return try compare(f, negated ? op.inverted : op, lit, predicate: p)
    case .between(let a, let b):
      return try between(f, a, b, negated: negated)
    case .inList(let lits, let neg):
      return try inList(f, lits, negated: neg != negated, predicate: p)
    case .inQuery(let q, let neg):
      return try inQuery(f, q, negated: neg != negated, depth: depth)
    case .contains(let lit, let neg):
      return try match(f, lit, negated: neg != negated, pattern: false)
    case .like(let lit, let neg):
      return try match(f, lit, negated: neg != negated, pattern: true)
    }
  }

  func isNull(_ f: FieldSpec, wantNull: Bool) -> SQLCondition {
    let c = col(f.name)
    if f.kind == .textList {
      let length = dialect == .duckdb ? "len(\(c))" : "json_array_length(\(c))"
      return wantNull ? .any([.atom("\(c) IS NULL"), .atom("\(length) = 0")]) : .all([.atom("\(c) IS NOT NULL"), .atom("\(length) > 0")])
    }
    return .atom("\(c) IS \(wantNull ? "" : "NOT ")NULL")
  }

  mutating func compare(_ f: FieldSpec, _ op: ComparisonOperator, _ lit: Literal, predicate p: Predicate) throws(Diagnostic) -> SQLCondition {
    let v = try resolve(lit)
    let c = col(f.name)
    switch f.kind {
    case .text:
      return .atom(SQLTranslation.textTest(c, op, textOperand(v, lit), dialect))
    case .place(let level):
      guard op == .equal || op == .notEqual else {
        throw Diagnostic("place fields compare with =, != and in", at: p.range, hint: "use like for a pattern")
      }
      return placeCondition(f.name, level: level, names: [textOperand(v, lit)], equal: op == .equal)
    case .integer, .number, .money, .quantity, .area:
      let (value, guardSQL) = try numericOperand(f, v, lit)
      let cond = SQLCondition.atom("\(c) \(op.rawValue) \(value)")
      return guardSQL.map { .all([cond, .atom($0)]) } ?? cond
    case .date:
      let d = try dateOperand(f, v, lit)
      return try dateCompare(c, op, d, lit)
    case .textList:
      guard op == .equal || op == .notEqual else {
        throw Diagnostic("a list compares with =, !=, in, contains and like", at: p.range)
      }
      let s = textOperand(v, lit)
      let d = dialect
      let test = { (e: String) in SQLTranslation.textTest(e, .equal, s, d) }
      return op == .equal ? .atom(anyElement(f.name, test)) : noElement(f.name, test)
    case .span:
      throw Diagnostic("span cannot be compared", at: p.range)
    }
  }

  func dateCompare(_ c: String, _ op: ComparisonOperator, _ d: DateLiteral, _ lit: Literal) throws(Diagnostic) -> SQLCondition {
    let known = SQLCondition.atom("\(c) >= '0000-01-01'")
    if d.yearUnknown {
      guard op == .equal || op == .notEqual else {
        throw Diagnostic("a date without a year only compares with = and !=", at: lit.range, hint: "it fails every range comparison, like null")
      }
      return .atom("\(c) \(op.rawValue) \(SQLText.string(d.first.description))")
    }
    let first = SQLText.string(d.first.description), last = SQLText.string(d.last.description)
    let day = d.first == d.last
    switch op {
    case .equal: return .atom(day ? "\(c) = \(first)" : "\(c) BETWEEN \(first) AND \(last)")
    case .notEqual: return .all([.atom(day ? "\(c) != \(first)" : "\(c) NOT BETWEEN \(first) AND \(last)"), known])
    case .less: return .all([.atom("\(c) < \(first)"), known])
    case .lessOrEqual: return .all([.atom("\(c) <= \(last)"), known])
    case .greater: return .atom("\(c) > \(last)")
    case .greaterOrEqual: return .atom("\(c) >= \(first)")
    }
  }

  func between(_ f: FieldSpec, _ a: Literal, _ b: Literal, negated: Bool) throws(Diagnostic) -> SQLCondition {
    let c = col(f.name)
    let not = negated ? "NOT " : ""
    let va = try resolve(a), vb = try resolve(b)
    switch f.kind {
    case .date:
      let da = try dateOperand(f, va, a), db = try dateOperand(f, vb, b)
      if da.yearUnknown || db.yearUnknown {
        throw Diagnostic("a date without a year fails every range comparison", at: da.yearUnknown ? a.range : b.range)
      }
      let cond = SQLCondition.atom("\(c) \(not)BETWEEN \(SQLText.string(da.first.description)) AND \(SQLText.string(db.last.description))")
      return negated ? .all([cond, .atom("\(c) >= '0000-01-01'")]) : cond
    case .integer, .number, .money, .quantity, .area:
      let (x, gx) = try numericOperand(f, va, a), (y, gy) = try numericOperand(f, vb, b)
      guard gx == gy else {
        throw Diagnostic("between needs both ends in the same currency or unit", at: a.range.lowerBound..<b.range.upperBound)
      }
      let cond = SQLCondition.atom("\(c) \(not)BETWEEN \(x) AND \(y)")
      return gx.map { .all([cond, .atom($0)]) } ?? cond
    case .text:
      let ta = textOperand(va, a), tb = textOperand(vb, b)
      return .atom("\(SQLText.widthFolded(c, for: [ta, tb], dialect: dialect)) \(not)BETWEEN \(SQLText.string(textOperand(va, a))) AND \(SQLText.string(textOperand(vb, b)))")
    default:
      throw Diagnostic("between needs a number, date or text field; \(f.name) holds \(SQLTranslation.describe(f.kind))", at: a.range)
    }
  }

  mutating func inList(_ f: FieldSpec, _ lits: [Literal], negated: Bool, predicate p: Predicate) throws(Diagnostic) -> SQLCondition {
    guard !lits.isEmpty else { return .atom(negated ? "1 = 1" : "1 = 0") }
    let c = col(f.name)
    let not = negated ? "NOT " : ""
    var values: [LiteralValue] = []
    for l in lits { values.append(try resolve(l)) }
    let texts = zip(values, lits).map { textOperand($0, $1) }
    switch f.kind {
    case .place(let level):
      return placeCondition(f.name, level: level, names: texts, equal: !negated)
    case .text:
      let c = SQLText.widthFolded(c, for: texts, dialect: dialect)
      if texts.contains(where: SQLText.hasLatinLetters) {
        return .atom("lower(\(c)) \(not)IN (\(texts.map { SQLText.string(SQLText.lowered($0)) }.joined(separator: ", ")))")
      }
      return .atom("\(c) \(not)IN (\(texts.map(SQLText.string).joined(separator: ", ")))")
    case .integer, .number, .money, .quantity, .area:
      var operands: [(value: String, guard: String?)] = []
      for (v, l) in zip(values, lits) { operands.append(try numericOperand(f, v, l)) }
      if Set(operands.map { $0.guard ?? "" }).count == 1 {
        let cond = SQLCondition.atom("\(c) \(not)IN (\(operands.map(\.value).joined(separator: ", ")))")
        return operands[0].guard.map { .all([cond, .atom($0)]) } ?? cond
      }
      let parts = operands.map { o in
        SQLCondition.all([.atom("\(c) \(negated ? "!=" : "=") \(o.value)")] + (o.guard.map { [.atom($0)] } ?? []))
      }
      return negated ? .all(parts) : .any(parts)
    case .date:
      var parts: [SQLCondition] = []
      for (v, l) in zip(values, lits) {
        parts.append(try dateCompare(c, negated ? .notEqual : .equal, try dateOperand(f, v, l), l))
      }
      return negated ? .all(parts) : .any(parts)
    case .textList:
      let latin = texts.contains(where: SQLText.hasLatinLetters)
      let list = texts.map { SQLText.string(latin ? SQLText.lowered($0) : $0) }.joined(separator: ", ")
      let d = dialect
      let test = { (e0: String) in
        let e = SQLText.widthFolded(e0, for: texts, dialect: d)
        return latin ? "lower(\(e)) IN (\(list))" : "\(e) IN (\(list))"
      }
      return negated ? noElement(f.name, test) : .atom(anyElement(f.name, test))
    case .span:
      throw Diagnostic("span cannot be compared", at: p.range)
    }
  }

  mutating func inQuery(_ f: FieldSpec, _ q: Query, negated: Bool, depth: Int) throws(Diagnostic) -> SQLCondition {
    let sub = try query(q, depth: depth + 1, asSubquery: true)
    switch f.kind {
    case .textList:
      let test = { (e: String) in "\(e) IN (\(sub))" }
      return negated ? noElement(f.name, test) : .atom(anyElement(f.name, test))
    case .span:
      throw Diagnostic("span cannot be compared", at: q.range)
    default:
      return .atom("\(col(f.name)) \(negated ? "NOT " : "")IN (\(sub))")
    }
  }

  /// `contains` (a substring, wildcards taken literally) or `like` (a pattern with `%` and `_`).
  mutating func match(_ f: FieldSpec, _ lit: Literal, negated: Bool, pattern: Bool) throws(Diagnostic) -> SQLCondition {
    let s = textOperand(try resolve(lit), lit)
    let pat = SQLText.string(pattern ? s : "%" + SQLText.likeEscaped(s) + "%")
    let escape = pattern ? "" : " ESCAPE '\\'"
    let op = dialect == .duckdb && SQLText.hasLatinLetters(s) ? "ILIKE" : "LIKE"
    // A pattern's `%` and `_` match any character, full-width or not: only its other characters fold.
    let literal = pattern ? String(s.unicodeScalars.filter { $0 != "%" && $0 != "_" }) : s
    let d = dialect
    let test = { (e: String) in "\(SQLText.widthFolded(e, for: [literal], dialect: d)) \(op) \(pat)\(escape)" }
    switch f.kind {
    case .date:
      return .atom("\(col(f.name)) \(negated ? "NOT " : "")\(op) \(pat)\(escape)")
    case .text, .place:
      return .atom("\(SQLText.widthFolded(col(f.name), for: [literal], dialect: dialect)) \(negated ? "NOT " : "")\(op) \(pat)\(escape)")
    case .textList:
      return negated ? noElement(f.name, test) : .atom(anyElement(f.name, test))
    default:
      throw Diagnostic("\(pattern ? "like" : "contains") needs a text or list field; \(f.name) holds \(SQLTranslation.describe(f.kind))", at: lit.range)
    }
  }

  /// A place field against place names: resolved full names at the field's level when a
  /// resolver knows them, else equality for full names and a prefix match for short ones.
  func placeCondition(_ name: String, level: PlaceLevel?, names: [String], equal: Bool) -> SQLCondition {
    let c = col(name)
    var exact: [String] = [], prefixes: [String] = []
    func add(_ s: String) { if !exact.contains(s) { exact.append(s) } }
    for s in names {
      let refs = places.resolve(s)
      if !refs.isEmpty {
        if let level {
          for r in refs where r.level == level { add(r.name) }
        } else {
          add(s)
          for r in refs { add(r.name) }
        }
      } else if SQLText.looksLikeFullPlaceName(s) {
        add(s)
      } else {
        prefixes.append(s)
      }
    }
    var parts: [SQLCondition] = []
    if exact.count == 1 {
      parts.append(.atom("\(c) \(equal ? "=" : "!=") \(SQLText.string(exact[0]))"))
    } else if exact.count > 1 {
      parts.append(.atom("\(c) \(equal ? "" : "NOT ")IN (\(exact.map(SQLText.string).joined(separator: ", ")))"))
    }
    for p in prefixes {
      parts.append(.atom("\(c) \(equal ? "" : "NOT ")LIKE \(SQLText.string(SQLText.likeEscaped(p) + "%")) ESCAPE '\\'"))
    }
    if parts.isEmpty { return .atom(equal ? "1 = 0" : "\(c) IS NOT NULL") }
    return equal ? .any(parts) : .all(parts)
  }

  /// The virtual field `place`: the fact lies anywhere inside the named places.
  func placeAnywhere(_ p: Predicate, negated: Bool) throws(Diagnostic) -> SQLCondition {
    let hierarchy = Schema.hierarchyFields.filter { Schema.field($0, of: entity) != nil }
    func anywhere(_ s: String) -> [SQLCondition] {
      let refs = places.resolve(s)
      var parts: [String] = []
      func add(_ x: String) { if !parts.contains(x) { parts.append(x) } }
      if !refs.isEmpty {
        for r in refs where hierarchy.contains(r.level.rawValue) {
          add("\(col(r.level.rawValue)) = \(SQLText.string(r.name))")
        }
      } else {
        for h in hierarchy {
          if h == "country" || SQLText.looksLikeFullPlaceName(s) {
            add("\(col(h)) = \(SQLText.string(s))")
          } else {
            add("\(col(h)) LIKE \(SQLText.string(SQLText.likeEscaped(s) + "%")) ESCAPE '\\'")
          }
        }
      }
      return parts.map(SQLCondition.atom)
    }
    func finish(_ parts: [SQLCondition], want: Bool) -> SQLCondition {
      if parts.isEmpty { return .atom(want ? "1 = 0" : "1 = 1") }
      let cond = SQLCondition.any(parts)
      return want ? cond : .atom("NOT (\(cond.sql))")
    }
    switch p.test {
    case .compare(let op, let lit) where op == .equal || op == .notEqual:
      return finish(anywhere(textOperand(try resolve(lit), lit)), want: (op == .equal) != negated)
    case .inList(let lits, let neg):
      var parts: [SQLCondition] = []
      for l in lits { parts += anywhere(textOperand(try resolve(l), l)) }
      return finish(parts, want: neg == negated)
    case .isNull(let neg):
      let wantNull = neg == negated
      let parts = hierarchy.map { SQLCondition.atom("\(col($0)) IS \(wantNull ? "" : "NOT ")NULL") }
      return wantNull ? .all(parts) : .any(parts)
    default:
      throw Diagnostic("place takes =, !=, in and is null", at: p.range, hint: "compare city, county or province for other tests")
    }
  }
}
