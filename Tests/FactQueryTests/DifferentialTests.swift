import Testing
import NewsFacts
import FactStore
@testable import FactQuery

// A differential test: random facts, random statements, and a plain row-at-a-time reference
// evaluator written only for this test. The reference reads `[Fact]` directly and interprets
// literals itself; it shares only the text collation (TextOrder) and the test gazetteer.

// MARK: random facts

private let counties: [(county: String, city: String, province: String)] = [
  ("尧都区", "临汾市", "山西省"), ("洪洞县", "临汾市", "山西省"), ("绛县", "运城市", "山西省"),
  ("小店区", "太原市", "山西省"), ("朝阳区", "北京市", "北京市"), ("朝阳区", "长春市", "吉林省"),
]
private let people = ["王宏伟", "李四", "张三", "赵六", "Zhang", "ZHANG"]
private let kinds = ["推进会", "座谈会", "常委会", "Plenary", "plenary"]

struct Gen {
  var rng: SplitMix
  mutating func int(_ n: Int) -> Int { Int(rng.next() % UInt64(max(1, n))) }
  mutating func chance(_ p: Int) -> Bool { int(100) < p }
  mutating func pick<T>(_ xs: [T]) -> T { xs[int(xs.count)] }

  mutating func place(_ f: inout Fact) {
    guard chance(85) else { return }
    let c = pick(counties)
    if chance(90) { f["county"] = .text(c.county) }
    f["city"] = .text(c.city)
    if chance(90) { f["province"] = .text(c.province) }
  }

  mutating func date() -> Value {
    if chance(10) { return .null }
    let y: Int? = chance(15) ? nil : 2018 + int(3)
    return .date(FactDate(year: y, month: 1 + int(12), day: 1 + int(28)))
  }

  mutating func facts() -> [Fact] {
    var out: [Fact] = []
    let n = 40 + int(60)
    for i in 0..<n {
      var f = Fact(.meeting, ["id": .integer(Int64(i + 1)), "name": .text("会议\(int(30))")])
      if chance(85) { f["kind"] = .text(pick(kinds)) }
      if chance(80) { f["host"] = .text(pick(people)) }
      f["date"] = date()
      place(&f)
      if chance(80) {
        var xs: [String] = []
        for _ in 0..<int(4) { xs.append(pick(people)) }
        f["attendees"] = .list(xs)
      }
      out.append(f)
    }
    for i in 0..<(10 + int(30)) {
      var f = Fact(.project, ["id": .integer(Int64(i + 1)), "name": .text("项目\(i)")])
      if chance(85) { f["investment"] = .number(pick([1e8, 5e8, 1e9, 1.5e9, 2e9, 3e9])) }
      if chance(85) { f["currency"] = .text(pick(["CNY", "CNY", "USD"])) }
      if chance(50) { f["area"] = .number(pick([666_667.0, 3_400_000, 200])) }
      place(&f)
      out.append(f)
    }
    for i in 0..<(10 + int(20)) {
      var f = Fact(.indicator, ["id": .integer(Int64(i + 1)), "name": .text(pick(["GDP", "GDP增速", "人口"]))])
      if chance(90) { f["value"] = .number(pick([5, 7.6, 200, 1e10, 2e10])) }
      if chance(90) { f["unit"] = .text(pick(["%", "元", "人"])) }
      place(&f)
      out.append(f)
    }
    for (i, p) in people.enumerated() where chance(70) {
      out.append(Fact(.person, ["id": .integer(Int64(i + 1)), "name": .text(p)]))
    }
    return out
  }

  // MARK: random statements

  enum FieldClass { case text, list, date, id, money, area, quantity, placeLevel, placeAny }

  static let fields: [Entity: [(String, FieldClass)]] = [
    .meeting: [("name", .text), ("kind", .text), ("host", .text), ("attendees", .list), ("date", .date), ("id", .id),
               ("city", .placeLevel), ("county", .placeLevel), ("province", .placeLevel), ("place", .placeAny)],
    .project: [("name", .text), ("investment", .money), ("currency", .text), ("area", .area), ("id", .id),
               ("county", .placeLevel), ("place", .placeAny)],
    .indicator: [("name", .text), ("value", .quantity), ("unit", .text), ("id", .id), ("city", .placeLevel)],
  ]

  mutating func textLiteral(_ field: String) -> String {
    switch field {
    case "name": return pick(["会议1", "会议2", "项目3", "GDP", "gdp", "人口", "无"])
    case "kind": return pick(kinds + ["ＰＬＥＮＡＲＹ", "会"])
    case "host", "attendees": return pick(people + ["zhang", "张"])
    case "currency": return pick(["CNY", "usd", "EUR"])
    case "unit": return pick(["%", "元", "人", "％"])
    default: return pick(["临汾", "临汾市", "尧都", "尧都区", "朝阳", "山西", "运城", "太原市", "绛县", "北京", "不存在", "日本"])
    }
  }

  mutating func dateLiteral() -> Literal {
    let y = 2018 + int(3)
    switch int(4) {
    case 0: return day(y, 1 + int(12), 1 + int(28))
    case 1: return month(y, 1 + int(12))
    case 2: return year(y)
    default: return n(Double(y))
    }
  }

  mutating func op() -> ComparisonOperator { pick([.equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual]) }

  mutating func predicate(_ e: Entity) -> Expr {
    let (f, c) = pick(Gen.fields[e] ?? [])
    if chance(8) { return p(f, .isNull(negated: chance(50))) }
    switch c {
    case .text:
      switch int(5) {
      case 0: return p(f, .contains(s(String(textLiteral(f).unicodeScalars.prefix(1 + int(2)))), negated: chance(30)))
      case 1: return p(f, .like(s(pick(["%会", "会议_", "%a%", "G%", "%"])), negated: chance(30)))
      case 2: return p(f, .inList((0..<(1 + int(3))).map { _ in s(textLiteral(f)) }, negated: chance(40)))
      default: return cmp(f, pick([.equal, .notEqual]), s(textLiteral(f)))
      }
    case .list:
      switch int(4) {
      case 0: return p(f, .contains(s(pick(["王", "Zh", "四", "zhang"])), negated: chance(30)))
      case 1: return p(f, .inList([s(textLiteral(f)), s(textLiteral(f))], negated: chance(40)))
      case 2: return p(f, .like(s(pick(["王%", "%a%", "_四"])), negated: chance(30)))
      default: return cmp(f, pick([.equal, .notEqual]), s(textLiteral(f)))
      }
    case .date:
      switch int(6) {
      case 0: return p(f, .between(year(2018 + int(2)), year(2019 + int(2))))
      case 1: return cmp(f, pick([.equal, .notEqual]), s(FactDate(year: nil, month: 1 + int(12), day: 1 + int(28)).description))
      case 2: return p(f, .like(s(pick(["%-05-%", "2019%", "--%", "%-1_"])), negated: chance(30)))
      default: return cmp(f, op(), dateLiteral())
      }
    case .id:
      if chance(20) { return p(f, .inList([n(Double(int(20))), n(Double(int(20)))], negated: chance(40))) }
      return cmp(f, op(), n(Double(int(60))))
    case .money:
      let v = pick([1e8, 5e8, 1e9, 1.5e9, 2e9])
      let l: Literal
      switch int(3) {
      case 0: l = lit(.money(v, currency: nil))
      case 1: l = lit(.money(v, currency: "USD"))
      default: l = n(v)
      }
      if chance(15) { return p(f, .between(lit(.money(v, currency: nil)), lit(.money(v * 2, currency: nil)))) }
      return cmp(f, op(), l)
    case .area:
      return cmp(f, op(), pick([lit(.area(pick([200, 666_667, 3_400_000, 1e6]))), n(pick([200, 1e6]))]))
    case .quantity:
      let l = pick([lit(.percent(pick([5, 7.6, 10]))), n(pick([5, 200, 1e10])), lit(.money(pick([1e10, 2e10]), currency: nil))])
      return cmp(f, op(), l)
    case .placeLevel:
      if chance(20) { return p(f, .inList([s(textLiteral(f)), s(textLiteral(f))], negated: chance(40))) }
      return cmp(f, pick([.equal, .notEqual]), s(textLiteral(f)))
    case .placeAny:
      return cmp(f, pick([.equal, .notEqual]), s(textLiteral(f)))
    }
  }

  mutating func expr(_ e: Entity, depth: Int = 0) -> Expr {
    if depth >= 3 || chance(45) { return predicate(e) }
    switch int(5) {
    case 0: return not(expr(e, depth: depth + 1))
    case 1, 2: return expr(e, depth: depth + 1) && expr(e, depth: depth + 1)
    default: return expr(e, depth: depth + 1) || expr(e, depth: depth + 1)
    }
  }
}

// MARK: the reference evaluator

struct Reference {
  let facts: [Fact]
  let places: TestPlaces

  func rows(_ e: Entity) -> [Fact] { facts.filter { $0.entity == e } }

  static func fold(_ s: String) -> String { TextOrder.fold(s) }

  static func bare(_ s: String) -> String {
    for suffix in ["省", "市", "区", "县"] where s.hasSuffix(suffix) && s.unicodeScalars.count > 1 {
      return String(s.unicodeScalars.dropLast())
    }
    return s
  }

  static func sameText(_ a: String, _ b: String) -> Bool { fold(a) == fold(b) }

  static func contains(_ h: String, _ n: String) -> Bool {
    let hs = Array(fold(h).unicodeScalars), ns = Array(fold(n).unicodeScalars)
    if ns.isEmpty { return true }
    guard hs.count >= ns.count else { return false }
    for i in 0...(hs.count - ns.count) where Array(hs[i..<(i + ns.count)]) == ns { return true }
    return false
  }

  /// `like`, by plain recursion.
  static func like(_ t: String, _ p: String) -> Bool {
    func go(_ t: ArraySlice<Unicode.Scalar>, _ p: ArraySlice<Unicode.Scalar>) -> Bool {
      guard let c = p.first else { return t.isEmpty }
      if c == "%" { return (0...t.count).contains { go(t.dropFirst($0), p.dropFirst()) } }
      guard let x = t.first else { return false }
      return (c == "_" || c == x) && go(t.dropFirst(), p.dropFirst())
    }
    return go(ArraySlice(Array(fold(t).unicodeScalars)), ArraySlice(Array(fold(p).unicodeScalars)))
  }

  static func currencyNames(_ c: String) -> Set<String> {
    c == "USD" ? ["usd", "美元"] : ["cny", "rmb", "人民币", "元"]
  }

  /// The three-valued truth of `x` on `f`: nil is unknown.
  func eval(_ x: Expr, _ f: Fact) -> Bool? {
    switch x {
    case .and(let a, let b):
      let l = eval(a, f), r = eval(b, f)
      if l == false || r == false { return false }
      return l == true && r == true ? true : nil
    case .or(let a, let b):
      let l = eval(a, f), r = eval(b, f)
      if l == true || r == true { return true }
      return l == false && r == false ? false : nil
    case .not(let a, _):
      return eval(a, f).map { !$0 }
    case .predicate(let p):
      return predicate(p, f)
    }
  }

  func predicate(_ p: Predicate, _ f: Fact) -> Bool? {
    let name = p.field.text
    if name == "place" { return placeAnywhere(p, f) }
    let v = f[name]
    switch p.test {
    case .isNull(let neg): return v.isNull != neg
    case .compare(let op, let l):
      if op == .notEqual { return compare(name, .equal, l, f).map { !$0 } }
      return compare(name, op, l, f)
    case .inList(let ls, let neg):
      var any = false, unknown = false
      for l in ls {
        switch compare(name, .equal, l, f) {
        case true?: any = true
        case nil: unknown = true
        default: break
        }
      }
      if any { return !neg }
      return unknown ? nil : neg
    case .between(let a, let b):
      let lo = compare(name, .greaterOrEqual, a, f), hi = compare(name, .lessOrEqual, b, f)
      if lo == nil || hi == nil { return nil }
      return lo == true && hi == true
    case .contains(let l, let neg):
      guard case .string(let s) = l.value else { return nil }
      switch v {
      case .text(let t): return Reference.contains(t, s) != neg
      case .list(let xs): return xs.contains { Reference.contains($0, s) } != neg
      default: return nil
      }
    case .like(let l, let neg):
      guard case .string(let s) = l.value else { return nil }
      switch v {
      case .text(let t): return Reference.like(t, s) != neg
      case .list(let xs): return xs.contains { Reference.like($0, s) } != neg
      case .date(let d): return Reference.like(d.description, s) != neg
      default: return nil
      }
    case .inQuery:
      return nil
    }
  }

  static func order(_ a: Double, _ op: ComparisonOperator, _ b: Double) -> Bool {
    switch op {
    case .equal: return a == b
    case .notEqual: return a != b
    case .less: return a < b
    case .lessOrEqual: return a <= b
    case .greater: return a > b
    case .greaterOrEqual: return a >= b
    }
  }

  func compare(_ name: String, _ op: ComparisonOperator, _ l: Literal, _ f: Fact) -> Bool? {
    let v = f[name]
    if v.isNull { return nil }
    switch (name, f.entity) {
    case ("city", _), ("county", _), ("province", _):
      guard case .string(let s) = l.value, case .text(let t) = v else { return nil }
      let refs = places.resolve(s)
      if refs.isEmpty { return Reference.placeMatch(t, s) }
      return refs.contains { $0.level.rawValue == name && Reference.placeMatch(t, $0.name) }
    case ("date", _):
      guard case .date(let d) = v else { return nil }
      var first: FactDate, last: FactDate
      switch l.value {
      case .string(let s):
        guard let x = FactDate(iso: s), x.year == nil, op == .equal else { return nil }
        return d.year == nil && d.month == x.month && d.day == x.day
      case .date(let dl): first = dl.first; last = dl.last
      case .number(let y): first = FactDate(year: Int(y), month: 1, day: 1); last = FactDate(year: Int(y), month: 12, day: 31)
      default: return nil
      }
      guard let dy = d.year, let fy = first.year, let ly = last.year else { return nil }
      let x = (dy, d.month, d.day), a = (fy, first.month, first.day), b = (ly, last.month, last.day)
      switch op {
      case .equal: return a <= x && x <= b
      case .notEqual: return !(a <= x && x <= b)
      case .less: return x < a
      case .lessOrEqual: return x <= b
      case .greater: return x > b
      case .greaterOrEqual: return x >= a
      }
    case ("investment", _), ("value", _):
      guard let x = v.double else { return nil }
      let unitField = name == "investment" ? "currency" : "unit"
      let unit = f[unitField].text.map(Reference.fold)
      var amount: Double
      switch l.value {
      case .number(let d):
        amount = d
        if name == "investment" { guard let unit, Reference.currencyNames("CNY").contains(unit) else { return nil } }
      case .money(let d, let c):
        amount = d
        guard let unit, Reference.currencyNames(c ?? "CNY").contains(unit) else { return nil }
      case .percent(let d):
        amount = d
        guard name == "value", unit == "%" else { return nil }
      default: return nil
      }
      return Reference.order(x, op, amount)
    case ("id", _), ("area", _):
      guard let x = v.double else { return nil }
      switch l.value {
      case .number(let d), .area(let d): return Reference.order(x, op, d)
      default: return nil
      }
    default:
      guard case .string(let s) = l.value else { return nil }
      switch v {
      case .text(let t): return op == .equal ? Reference.sameText(t, s) : nil
      case .list(let xs): return op == .equal ? xs.contains { Reference.sameText($0, s) } : nil
      default: return nil
      }
    }
  }

  static func placeMatch(_ value: String, _ name: String) -> Bool {
    let a = fold(value), b = fold(name)
    return a == b || bare(a) == bare(b)
  }

  func placeAnywhere(_ p: Predicate, _ f: Fact) -> Bool? {
    let levels = ["province", "city", "county"]
    if case .isNull(let neg) = p.test { return levels.allSatisfy { f[$0].isNull } != neg }
    guard case .compare(let op, let l) = p.test, case .string(let s) = l.value else { return nil }
    let refs = places.resolve(s)
    var tests: [(String, String)] = []
    if refs.isEmpty { tests = levels.map { ($0, s) } } else {
      for r in refs where levels.contains(r.level.rawValue) { tests.append((r.level.rawValue, r.name)) }
    }
    if tests.isEmpty { tests = [("city", "\u{0}")] }
    var result: Bool? = false
    var columns: [String: Bool?] = [:]
    for (col, name) in tests {
      let v = f[col].text
      let r: Bool? = v.map { Reference.placeMatch($0, name) }
      if let prev = columns[col] { columns[col] = (prev == true || r == true) ? true : r } else { columns[col] = r }
    }
    for (_, r) in columns {
      if r == true { result = true; break }
      if r == nil { result = nil }
    }
    if op == .notEqual { return result.map { !$0 } }
    return result
  }

  // MARK: shapes

  static func key(_ v: Value) -> (Int, Value) {
    switch v {
    case .null: return (2, v)
    case .date(let d) where d.year == nil: return (1, v)
    default: return (0, v)
    }
  }

  static func less(_ a: Value, _ b: Value) -> Bool {
    switch (a, b) {
    case (.text(let x), .text(let y)):
      if TextOrder.less(x, y) { return true }
      if TextOrder.less(y, x) { return false }
      return TextOrder.codePointLess(x, y)
    case (.date(let x), .date(let y)): return (x.year ?? 0, x.month, x.day) < (y.year ?? 0, y.month, y.day)
    default: return (a.double ?? 0) < (b.double ?? 0)
    }
  }

  /// -1, 0, 1 with nulls (and dates without a year) last in either direction.
  static func compareForOrder(_ a: Value, _ b: Value, descending: Bool) -> Int {
    let (ca, _) = key(a), (cb, _) = key(b)
    if ca != cb { return ca < cb ? -1 : 1 }
    if a == b { return 0 }
    if less(a, b) { return descending ? 1 : -1 }
    if less(b, a) { return descending ? -1 : 1 }
    return 0
  }
}

// MARK: the test

@Suite struct DifferentialTests {
  @Test func randomStatementsAgreeWithTheReference() throws {
    var checked: [String: Int] = [:]
    var failures: [String] = []
    let places = TestPlaces()
    for seed in 1...10 as ClosedRange<UInt64> {
      var g = Gen(rng: SplitMix(seed &* 7919))
      let facts = g.facts()
      let h = Harness(facts, places: places)
      let ref = Reference(facts: facts, places: places)
      for _ in 0..<1000 {
        let e: Entity = g.pick([.meeting, .meeting, .project, .indicator])
        let filter: Expr? = g.chance(90) ? g.expr(e) : nil
        let rows = ref.rows(e)
        let kept = rows.filter { r in filter.map { ref.eval($0, r) == true } ?? true }
        let shape = g.int(7)
        var q: Query
        var expected: [[Value]]
        var kind: String
        var ordered = true
        switch shape {
        case 0, 1:
          kind = "find"
          let keys: [(String, Bool)] = g.chance(50) ? [(g.pick(["id", "name", e == .meeting ? "date" : "id"]), g.chance(50))] : []
          let limit: Int? = keys.isEmpty || g.chance(50) ? nil : 1 + g.int(8)
          q = query(.find(distinct: false), e.rawValue, where: filter, show: g.chance(50) ? ["id"] : nil,
                    order: keys.isEmpty ? nil : keys, limit: limit)
          var sorted = Array(kept.enumerated())
          if let (k, desc) = keys.first {
            sorted.sort { a, b in
              let c = Reference.compareForOrder(a.element[k], b.element[k], descending: desc)
              return c != 0 ? c < 0 : a.offset < b.offset
            }
          }
          expected = sorted.map { [$0.element["id"]] }
          if let limit { expected = Array(expected.prefix(limit)) }
        case 2:
          kind = "count"
          q = query(.count(distinct: nil), e.rawValue, where: filter)
          expected = [[.integer(Int64(kept.count))]]
        case 3:
          kind = "count by"
          let by = g.pick(e == .meeting ? ["city", "host", "attendees", "kind"] : ["county", "name"])
          q = query(.count(distinct: nil), e.rawValue, where: filter, by: [by])
          var counts: [Value: Int] = [:]
          for r in kept {
            switch r[by] {
            case .list(let xs): for x in Set(xs) { counts[.text(x), default: 0] += 1 }
            case let v: counts[v, default: 0] += 1
            }
          }
          expected = counts.map { [$0.key, .integer(Int64($0.value))] }
          ordered = false
        case 4:
          kind = "count distinct"
          let f = g.pick(e == .meeting ? ["host", "attendees", "city"] : ["name", "county"])
          q = query(.count(distinct: nm(f)), e.rawValue, where: filter)
          var seen = Set<String>()
          for r in kept {
            switch r[f] {
            case .list(let xs): seen.formUnion(xs)
            case .text(let t): seen.insert(t)
            default: break
            }
          }
          expected = [[.integer(Int64(seen.count))]]
        case 5:
          kind = "find distinct"
          let f = g.pick(e == .meeting ? ["host", "city", "kind"] : ["name", "county"])
          q = query(.find(distinct: true), e.rawValue, where: filter, show: [f])
          var seen = Set<Value>()
          expected = []
          for r in kept where seen.insert(r[f]).inserted { expected.append([r[f]]) }
        default:
          kind = "aggregate"
          let (field, unit): (String, String?) = e == .meeting ? ("id", nil) : e == .project ? ("investment", "currency") : ("value", "unit")
          let fn = g.pick(AggregateFunction.allCases)
          let by: String? = g.chance(50) ? (e == .meeting ? "city" : "county") : nil
          q = query(.aggregate(fn, nm(field)), e.rawValue, where: filter, by: by.map { [$0] })
          var groups: [[Value]: [Double]] = [:]
          for r in kept {
            guard let x = r[field].double else { continue }
            groups[[by.map { r[$0] } ?? .null, unit.map { r[$0] } ?? .null], default: []].append(x)
          }
          expected = groups.map { k, xs in
            let v: Double
            switch fn {
            case .sum: v = xs.reduce(0, +)
            case .avg: v = xs.reduce(0, +) / Double(xs.count)
            case .min: v = xs.min() ?? 0
            case .max: v = xs.max() ?? 0
            }
            let value: Value = field == "id" && fn != .avg ? .integer(Int64(v)) : .number(v)
            return (by == nil ? [] : [k[0]]) + [k[1], value]
          }
          if by == nil && expected.isEmpty { expected = [[.null, .null]] }
          ordered = false
        }
        checked[kind, default: 0] += 1
        let result: ResultSet
        do { result = try h.run(q) } catch {
          failures.append("\(kind): \(q) threw \(error)")
          continue
        }
        var actual: [[Value]]
        switch kind {
        case "find": actual = result.rows.map { [$0[0]] }
        case "aggregate":
          let units = result.columns.last?.units
          actual = result.rows.enumerated().map { i, row in
            Array(row.dropLast()) + [units?[i].map { .text($0) } ?? .null, row.last ?? .null]
          }
          if units == nil { actual = actual.map { row in
            var r = row
            if case .aggregate(_, let f) = q.kind, f.text == "id" { r[r.count - 2] = .null }
            return r
          } }
        default: actual = result.rows
        }
        let same = ordered ? actual == expected : Set(actual) == Set(expected) && actual.count == expected.count
        if !same, failures.count < 10 {
          failures.append("\(kind) seed \(seed): \(q)\n expected \(expected)\n actual   \(actual)")
        }
        if !same, failures.count >= 10 { break }
        if kind == "count by", same {
          let counts = actual.compactMap { if case .integer(let c) = $0.last { return c } else { return nil } }
          #expect(counts == counts.sorted(by: >), "count by: largest count first")
        }
      }
    }
    let total = checked.values.reduce(0, +)
    print("differential: \(total) statements checked: " + checked.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
    #expect(total >= 10_000)
    let report = "\(failures.count) disagreements:\n" + failures.prefix(5).joined(separator: "\n")
    #expect(failures.isEmpty, Comment(rawValue: report))
  }
}
