import NewsQ

/// Random *valid* statements over every entity and field, for differential testing against
/// DuckDB (`explain sql` over an export). Literals come from the values the store holds (so
/// predicates select something), plus nearby numbers and dates; each statement is labelled by
/// its kind and the kinds of its predicates so mismatches can be counted and grouped.
///
/// Only forms whose meaning SQL can state exactly are generated (see `SQLTranslator`'s limits):
/// place fields are compared with the full official names the store holds, never by prefix or
/// old names; text sort keys are not used for ordered comparisons; `limit` only follows an order
/// with a unique last key (`id`).
public struct StatementGenerator {
  /// One generated statement and what it exercises.
  public struct Generated: Sendable {
    public var text: String
    /// find, find-show, find-distinct, count, count-by, count-distinct, sum, avg, min, max (+ "-by").
    public var kind: String
    /// One label per predicate: `text=`, `date-between`, `list-contains`, `in-subquery` …
    public var predicates: [String]
    /// The order keys that are numeric/date/id and so must come in the same order.
    public var orderKeys: [String]

    public init(text: String, kind: String = "given", predicates: [String] = [], orderKeys: [String] = []) {
      self.text = text
      self.kind = kind
      self.predicates = predicates
      self.orderKeys = orderKeys
    }
  }

  var state: UInt64
  /// Observed non-null values per entity and field.
  let pools: [Entity: [String: [Value]]]

  /// When set, statements sidestep the differences first reported (Fuzz/README.md, "Differences
  /// found and fixed"; all fixed, kept for triage): aggregates over money/quantity get a
  /// currency/unit guard, grouped aggregates a `FIELD is not null`, `by` a list a `LIST is not null`.
  public var sidestepKnown: Bool

  /// Gathers value pools from `engine` (one `find` per entity).
  public init(seed: UInt64, engine: Engine, sidestepKnown: Bool = false) {
    self.sidestepKnown = sidestepKnown
    state = seed &* 0x9E37_79B9_7F4A_7C15 &+ 1
    var pools: [Entity: [String: [Value]]] = [:]
    for e in Entity.allCases {
      var byField: [String: [Value]] = [:]
      if let rs = try? engine.run("find \(e.rawValue)") {
        for (i, c) in rs.columns.enumerated() {
          var seen = Set<Value>()
          for row in rs.rows where i < row.count && !row[i].isNull && seen.count < 200 {
            if case .list(let l) = row[i], l.isEmpty { continue }
            seen.insert(row[i])
          }
          byField[c.name] = seen.sorted { $0.description < $1.description }
        }
      }
      pools[e] = byField
    }
    self.pools = pools
  }

  mutating func next64() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  mutating func int(_ n: Int) -> Int { n <= 0 ? 0 : Int(next64() % UInt64(n)) }
  mutating func chance(_ p: Double) -> Bool { Double(next64() % 1_000_000) / 1_000_000 < p }
  mutating func pick<T>(_ xs: [T]) -> T? { xs.isEmpty ? nil : xs[int(xs.count)] }

  /// The next random statement.
  public mutating func next() -> Generated {
    let entity = pick(Entity.allCases) ?? .meeting
    let fields = Schema.fields(of: entity)
    var preds: [String] = []
    var clauses: [String] = []
    if chance(0.8) {
      clauses.append("where " + expr(entity, depth: 0, preds: &preds))
    }
    let numeric = fields.filter { $0.kind.isNumeric || $0.kind == .date }
    let groupable = fields.filter { f in
      switch f.kind { case .text, .place, .integer, .date, .textList: return f.name != "evidence"; default: return false }
    }
    var kind: String
    var orderKeys: [String] = []
    var guards: [String] = []
    var head: String
    switch int(10) {
    case 0...3:
      kind = "find"
      head = "find \(entity.rawValue)"
      if chance(0.4) {
        let show = pickSome(fields.map(\.name), max: 3)
        if chance(0.3) {
          kind = "find-distinct"
          head = "find distinct \(entity.rawValue)"
        } else {
          kind = "find-show"
        }
        clauses.append("show " + show.joined(separator: ", "))
        if kind == "find-show", chance(0.4), let key = pick(numeric.map(\.name).filter(show.contains)) {
          let desc = chance(0.5)
          clauses.append("order by \(key)\(desc ? " desc" : ""), id")
          orderKeys = [key]
          if sidestepKnown, Schema.field(key, of: entity)?.kind == .date { guards.append("\(key) is not null") }
          if chance(0.4) { clauses.append("limit \(1 + int(8))" + (chance(0.3) ? " offset \(int(4))" : "")) }
        }
      } else if chance(0.4), let key = pick(numeric.map(\.name)) {
        clauses.append("order by \(key)\(chance(0.5) ? " desc" : ""), id")
        orderKeys = [key, "id"]
        if sidestepKnown, Schema.field(key, of: entity)?.kind == .date { guards.append("\(key) is not null") }
        if chance(0.5) { clauses.append("limit \(1 + int(8))" + (chance(0.3) ? " offset \(int(4))" : "")) }
      } else if chance(0.3) {
        clauses.append("limit \(1 + int(8))")
        orderKeys = ["id"]
      }
    case 4...5:
      kind = "count"
      head = "count \(entity.rawValue)"
      if chance(0.6), let g = pick(groupable) {
        kind = "count-by"
        clauses.append("by \(g.name)")
        if sidestepKnown, g.kind == .textList { guards.append("\(g.name) is not null") }
      }
    case 6:
      kind = "count-distinct"
      let f = pick(groupable.filter { $0.kind != .textList }) ?? fields[0]
      head = "count distinct \(f.name) of \(entity.rawValue)"
    default:
      let aggs = numeric.filter { $0.kind.isNumeric }
      guard let f = pick(aggs) else { return next() }
      let agg = pick(["sum", "avg", "min", "max"]) ?? "sum"
      kind = agg
      head = "\(agg) \(f.name) of \(entity.rawValue)"
      if chance(0.5), let g = pick(groupable.filter { $0.kind != .textList }) {
        kind += "-by"
        clauses.append("by \(g.name)")
        if sidestepKnown { guards.append("\(f.name) is not null") }
      }
      if sidestepKnown {
        switch f.kind {
        case .money(let cf): guards.append("\(cf) = \"CNY\"")
        case .quantity(let uf):
          let units = (pools[entity]?[uf] ?? []).compactMap { $0.text }
          guards.append("\(uf) = \(Self.quote(pick(units) ?? "元"))")
        default: break
        }
      }
    }
    if !guards.isEmpty {
      if let w = clauses.firstIndex(where: { $0.hasPrefix("where ") }) {
        clauses[w] = "where (" + clauses[w].dropFirst(6) + ") and " + guards.joined(separator: " and ")
      } else {
        clauses.insert("where " + guards.joined(separator: " and "), at: 0)
      }
    }
    // Clauses after the entity come in any order.
    if clauses.count > 1, chance(0.3) { clauses.reverse() }
    let text = ([head] + clauses).joined(separator: " ")
    return Generated(text: text, kind: kind, predicates: preds, orderKeys: orderKeys)
  }

  mutating func pickSome(_ xs: [String], max: Int) -> [String] {
    var out: [String] = []
    for _ in 0..<(1 + int(max)) { if let x = pick(xs), !out.contains(x) { out.append(x) } }
    return out
  }

  mutating func expr(_ entity: Entity, depth: Int, preds: inout [String]) -> String {
    if depth < 2 {
      switch int(8) {
      case 0: return "\(expr(entity, depth: depth + 1, preds: &preds)) and \(expr(entity, depth: depth + 1, preds: &preds))"
      case 1: return "(\(expr(entity, depth: depth + 1, preds: &preds)) or \(expr(entity, depth: depth + 1, preds: &preds)))"
      case 2:
        preds.append("not")
        return "not (\(expr(entity, depth: depth + 1, preds: &preds)))"
      default: break
      }
    }
    return predicate(entity, preds: &preds)
  }

  static func quote(_ s: String) -> String {
    if !s.contains("\"") { return "\"" + s + "\"" }
    return "'" + s + "'"
  }

  static func number(_ d: Double) -> String {
    if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
    return Value.format(d)
  }

  mutating func predicate(_ entity: Entity, preds: inout [String]) -> String {
    let fields = Schema.fields(of: entity).filter { $0.name != "evidence" }
    guard let f = pick(fields) else { return "id > 0" }
    let pool = pools[entity]?[f.name] ?? []
    let name = f.name
    if chance(0.08) {
      preds.append("is-null")
      return chance(0.5) ? "\(name) is null" : "\(name) is not null"
    }
    switch f.kind {
    case .text:
      let values: [String] = pool.compactMap { $0.text }
      let v = pick(values) ?? "x"
      switch int(6) {
      case 0: preds.append("text="); return "\(name) = \(Self.quote(v))"
      case 1: preds.append("text!="); return "\(name) != \(Self.quote(v))"
      case 2:
        preds.append("text-in")
        let more = (0..<(1 + int(3))).compactMap { _ in pick(values) }
        return "\(name) \(chance(0.3) ? "not in" : "in") (\(([v] + more).map(Self.quote).joined(separator: ", ")))"
      case 3:
        preds.append("text-contains")
        return "\(name) \(chance(0.2) ? "not contains" : "contains") \(Self.quote(substring(v)))"
      case 4:
        preds.append("text-like")
        return "\(name) like \(Self.quote(substring(v) + "%"))"
      default:
        if entity != .person, name == "name" || name == "host", chance(0.5) {
          preds.append("in-subquery")
          return "\(name) in (find person show name)"
        }
        preds.append("text=")
        return "\(name) = \(Self.quote(v))"
      }
    case .place:
      let values: [String] = pool.compactMap { $0.text }
      let v = pick(values) ?? "北京市"
      switch int(3) {
      case 0: preds.append("place="); return "\(name) = \(Self.quote(v))"
      case 1: preds.append("place!="); return "\(name) != \(Self.quote(v))"
      default:
        preds.append("place-in")
        let more = (0..<(1 + int(2))).compactMap { _ in pick(values) }
        return "\(name) in (\(([v] + more).map(Self.quote).joined(separator: ", ")))"
      }
    case .integer:
      let values: [Int64] = pool.compactMap { if case .integer(let i) = $0 { return i }; return nil }
      let v = (pick(values) ?? 1) + Int64(int(3)) - 1
      switch int(4) {
      case 0:
        preds.append("int-between")
        return "\(name) between \(v) and \(v + Int64(int(10)))"
      case 1:
        preds.append("int-in")
        return "\(name) in (\(v), \(pick(values) ?? 2))"
      default:
        let op = pick(["=", "!=", "<>", "<", "<=", ">", ">="]) ?? "="
        preds.append("int\(op)")
        return "\(name) \(op) \(v)"
      }
    case .number, .money, .quantity, .area:
      let values: [Double] = pool.compactMap { v in
        if case .number(let d) = v { return d }
        if case .integer(let i) = v { return Double(i) }
        return nil
      }
      var v = pick(values) ?? 100
      if chance(0.3) { v = v * (chance(0.5) ? 1.5 : 0.5) }
      var literal = Self.number(v)
      var label = "number"
      switch f.kind {
      case .area: literal += "平方米"; label = "area"
      case .money: label = "money"
      case .quantity:
        // indicator.value: a percent literal compares with percent rows only.
        if chance(0.4) { literal += "%"; label = "percent" } else { label = "quantity" }
      default: break
      }
      if chance(0.2) {
        preds.append("\(label)-between")
        let hi = Self.number(v * 2 + 1) + (literal.hasSuffix("%") ? "%" : literal.hasSuffix("平方米") ? "平方米" : "")
        return "\(name) between \(literal) and \(hi)"
      }
      let op = pick(["=", "!=", "<", "<=", ">", ">="]) ?? ">"
      preds.append("\(label)\(op)")
      return "\(name) \(op) \(literal)"
    case .date:
      let known: [FactDate] = pool.compactMap { if case .date(let d) = $0, d.year != nil { return d }; return nil }
      let unknown: [FactDate] = pool.compactMap { if case .date(let d) = $0, d.year == nil { return d }; return nil }
      if chance(0.1), let u = pick(unknown) {
        preds.append("date-noyear=")
        return "\(name) = \"\(u.description)\""
      }
      let d = pick(known) ?? FactDate(year: 2019, month: 5, day: 20)
      let y = d.year ?? 2019
      let mm = d.month < 10 ? "0\(d.month)" : "\(d.month)"
      let lit: String
      let precision: String
      switch int(3) {
      case 0: lit = d.description; precision = "day"
      case 1: lit = "\(y)-\(mm)"; precision = "month"
      default: lit = "\(y)"; precision = "year"
      }
      if chance(0.2) {
        preds.append("date-between-\(precision)")
        let between = "\(name) between \(lit) and \(y + int(2))"
        return chance(0.2) ? "not (\(between))" : between
      }
      let op = pick(["=", "!=", "<", "<=", ">", ">="]) ?? "="
      preds.append("date\(op)\(precision)")
      return "\(name) \(op) \(lit)"
    case .textList:
      let elements: [String] = pool.flatMap { v -> [String] in if case .list(let l) = v { return l }; return [] }
      let v = pick(elements) ?? "x"
      switch int(3) {
      case 0: preds.append("list-contains"); return "\(name) \(chance(0.2) ? "not contains" : "contains") \(Self.quote(substring(v)))"
      case 1: preds.append("list="); return "\(name) = \(Self.quote(v))"
      default:
        preds.append("list-in")
        return "\(name) in (\(Self.quote(v)), \(Self.quote(pick(elements) ?? "y")))"
      }
    case .span:
      preds.append("is-null")
      return "\(name) is not null"
    }
  }

  /// A short piece of `s` (one to three scalars), for `contains` and `like`.
  mutating func substring(_ s: String) -> String {
    let scalars = Array(s.unicodeScalars)
    guard !scalars.isEmpty else { return "a" }
    let start = int(scalars.count)
    let end = min(scalars.count, start + 1 + int(3))
    var out = String.UnicodeScalarView()
    out.append(contentsOf: scalars[start..<end])
    let t = String(out)
    // `%` and `_` are like wildcards, quotes end the literal: keep the piece plain.
    if t.contains("%") || t.contains("_") || t.contains("\"") || t.contains("'") || t.contains("\\") { return "a" }
    return t
  }
}
