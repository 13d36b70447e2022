import Testing
import NewsFacts
import FactStore
@testable import FactQuery

// A differential test: random facts, random statements written as TEXT, and a plain
// row-at-a-time reference evaluator written only for this test.
//
// The generator builds each statement twice from the same random choices: as text for the
// engine (`Parser.parse` → `Planner.plan` → `Executor.run`), spelling literals in the many
// ways the language allows (10亿, 1000000000, 15亿元, 5100亩, 3.4平方公里, 2019年5月, "--07-18",
// 臨汾, ＧＤＰ …), and as a `DExpr`/`DStatement` holding the generator's own values, which the
// reference evaluates over `[Fact]` directly. The reference never sees the engine's syntax
// tree, binder or literal parser; it shares only the text collation (TextOrder: folding and
// pinyin order) and the test gazetteer.

// MARK: random facts

private let counties: [(county: String, city: String, province: String)] = [
  ("尧都区", "临汾市", "山西省"), ("洪洞县", "临汾市", "山西省"), ("绛县", "运城市", "山西省"),
  ("小店区", "太原市", "山西省"), ("朝阳区", "北京市", "北京市"), ("朝阳区", "长春市", "吉林省"),
]
private let people = ["王宏伟", "李四", "张三", "赵六", "Zhang", "ZHANG"]
private let kinds = ["推进会", "座谈会", "常委会", "Plenary", "plenary"]
private let titles = ["区委书记", "区委副书记", "县长", "市长", "Secretary"]
private let docs = ["a.txt", "b.txt", "c.txt"]

/// What a field holds, as the generator and the reference see it (not the engine's schema).
enum FieldClass: Equatable {
  case text, list, date, integer, money, area, quantity, span
  case placeLevel(String)  // a hierarchy field: country, province, city, county
  case placeFree           // venue, to: a place at any level, as written
  case placeAny            // the virtual field `place`
}

struct Gen {
  var rng: SplitMix
  mutating func int(_ n: Int) -> Int { Int(rng.next() % UInt64(max(1, n))) }
  mutating func chance(_ p: Int) -> Bool { int(100) < p }
  mutating func pick<T>(_ xs: [T]) -> T { xs[int(xs.count)] }

  mutating func place(_ f: inout Fact, country: Bool = false) {
    if country, chance(20) { f["country"] = .text(pick(["日本", "中国"])); return }
    guard chance(85) else { return }
    let c = pick(counties)
    if chance(90) { f["county"] = .text(c.county) }
    f["city"] = .text(c.city)
    if chance(90) { f["province"] = .text(c.province) }
    if country, chance(50) { f["country"] = .text("中国") }
  }

  mutating func date() -> Value {
    if chance(10) { return .null }
    let y: Int? = chance(15) ? nil : 2018 + int(3)
    return .date(FactDate(year: y, month: 1 + int(12), day: 1 + int(28)))
  }

  mutating func list(_ from: [String]) -> Value {
    guard chance(80) else { return .null }
    var xs: [String] = []
    for _ in 0..<int(4) { xs.append(pick(from)) }
    return .list(xs)
  }

  /// Provenance fields every extracted fact carries (sometimes missing, as in hand-added facts).
  mutating func provenance(_ f: inout Fact) {
    if chance(80) { f["doc"] = .text(pick(docs)) }
    if chance(80) { f["article"] = .integer(Int64(1 + int(5))) }
    if chance(50) { f["evidence"] = .text(pick(["临汾市召开会议", "GDP增长7.6%", "王宏伟主持"])) }
    if chance(50) { f["span"] = .span(int(100), 100 + int(100)) }
  }

  mutating func facts() -> [Fact] {
    var out: [Fact] = []
    for i in 0..<(40 + int(60)) {
      var f = Fact(.meeting, ["id": .integer(Int64(i + 1)), "name": .text("会议\(int(30))")])
      if chance(85) { f["kind"] = .text(pick(kinds)) }
      if chance(80) { f["host"] = .text(pick(people)) }
      f["date"] = date()
      place(&f)
      if chance(30) { f["venue"] = .text(pick(["尧都区", "临汾市", "北京", "人民大会堂", "朝阳区"])) }
      f["attendees"] = list(people)
      provenance(&f)
      out.append(f)
    }
    for i in 0..<(10 + int(30)) {
      var f = Fact(.project, ["id": .integer(Int64(i + 1)), "name": .text("项目\(i)")])
      if chance(85) { f["investment"] = .number(pick([1e8, 5e8, 1e9, 1.5e9, 2e9, 3e9])) }
      if chance(85) { f["currency"] = .text(pick(["CNY", "CNY", "USD"])) }
      if chance(60) { f["bound"] = .text(pick(["exact", "about", "at least"])) }
      if chance(50) { f["area"] = .number(pick([200, 2000, 20_000, 1_000_000, 3_400_000])) }
      place(&f)
      provenance(&f)
      out.append(f)
    }
    for i in 0..<(10 + int(20)) {
      var f = Fact(.indicator, ["id": .integer(Int64(i + 1)), "name": .text(pick(["GDP", "GDP增速", "人口"]))])
      if chance(90) { f["value"] = .number(pick([5, 7.6, 200, 1e10, 2e10])) }
      if chance(90) { f["unit"] = .text(pick(["%", "元", "人"])) }
      if chance(50) { f["period"] = .text(pick(["2019年", "2024年前三季度"])) }
      if chance(50) { f["year"] = .integer(Int64(2018 + int(3))) }
      place(&f)
      provenance(&f)
      out.append(f)
    }
    for (i, p) in people.enumerated() where chance(70) {
      var f = Fact(.person, ["id": .integer(Int64(i + 1)), "name": .text(p)])
      f["titles"] = list(titles)
      f["docs"] = list(docs)
      place(&f)
      provenance(&f)
      out.append(f)
    }
    for i in 0..<(5 + int(15)) {
      var f = Fact(.article, ["id": .integer(Int64(i + 1)), "title": .text(pick(["临汾新闻", "尧都区召开推进会", "GDP增速"]))])
      f["date"] = date()
      if chance(80) { f["source"] = .text(pick(["临汾日报", "山西日报", "人民网"])) }
      if chance(50) { f["author"] = .text(pick(people)) }
      place(&f)
      if chance(80) { f["doc"] = .text(pick(docs)) }
      out.append(f)
    }
    for (i, c) in counties.enumerated() where chance(80) {
      var f = Fact(.place, ["id": .integer(Int64(i + 1)), "name": .text(c.county), "full_name": .text(c.county),
                            "level": .text("county"), "country": .text("中国"), "province": .text(c.province),
                            "city": .text(c.city), "county": .text(c.county)])
      if chance(70) { f["code"] = .text(pick(["141002", "110105", "220104"])) }
      if chance(80) { f["mentions"] = .integer(Int64(1 + int(9))) }
      out.append(f)
    }
    for i in 0..<(5 + int(15)) {
      var f = Fact(.visit, ["id": .integer(Int64(i + 1))])
      f["who"] = list(people)
      if chance(80) { f["to"] = .text(pick(["日本", "临汾", "尧都区", "北京市", "朝阳区"])) }
      place(&f, country: true)
      f["date"] = date()
      if chance(40) { f["end_date"] = date() }
      if chance(50) { f["purpose"] = .text(pick(["考察", "招商", "Investment"])) }
      provenance(&f)
      out.append(f)
    }
    return out
  }

  // MARK: fields

  static let common: [(String, FieldClass)] = [("id", .integer), ("doc", .text), ("article", .integer), ("evidence", .text), ("span", .span)]
  static let located: [(String, FieldClass)] = [("province", .placeLevel("province")), ("city", .placeLevel("city")),
                                                 ("county", .placeLevel("county")), ("place", .placeAny)]

  static let fields: [Entity: [(String, FieldClass)]] = [
    .meeting: common + located + [("name", .text), ("kind", .text), ("host", .text), ("attendees", .list), ("date", .date),
                                  ("venue", .placeFree)],
    .project: common + located + [("name", .text), ("investment", .money), ("currency", .text), ("bound", .text), ("area", .area)],
    .indicator: common + located + [("name", .text), ("value", .quantity), ("unit", .text), ("period", .text), ("year", .integer)],
    .person: common + located + [("name", .text), ("titles", .list), ("docs", .list)],
    .article: [("id", .integer), ("doc", .text), ("title", .text), ("date", .date), ("source", .text), ("author", .text)] + located,
    .place: [("id", .integer), ("name", .text), ("full_name", .text), ("level", .text), ("code", .text), ("mentions", .integer),
             ("country", .placeLevel("country"))] + located,
    .visit: common + located + [("who", .list), ("to", .placeFree), ("country", .placeLevel("country")), ("date", .date),
                                ("end_date", .date), ("purpose", .text)],
  ]

  static func fieldClass(_ e: Entity, _ name: String) -> FieldClass {
    fields[e]?.first { $0.0 == name }?.1 ?? .text
  }

  /// Fields of `e` that hold one orderable value (for `order by`, `show`, `by`).
  static func scalars(_ e: Entity) -> [String] {
    (fields[e] ?? []).compactMap { f, c in
      switch c {
      case .list, .span, .placeAny: return nil
      default: return f
      }
    }
  }

  static func numeric(_ e: Entity) -> [String] {
    (fields[e] ?? []).compactMap { f, c in
      switch c {
      case .integer, .money, .area, .quantity: return f
      default: return nil
      }
    }
  }

  // MARK: literals: the generator's value and how it is written

  static func quoted(_ s: String, single: Bool) -> String { single ? "'\(s)'" : "\"\(s)\"" }

  mutating func str(_ s: String) -> Literal {
    Literal(.string(s), text: Gen.quoted(s, single: chance(20)), range: 0..<0)
  }

  static func fmt(_ d: Double) -> String {
    d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : "\(d)"
  }

  mutating func number(_ d: Double) -> Literal { Literal(.number(d), text: Gen.fmt(d), range: 0..<0) }

  /// A CNY amount (currency nil) or another currency, spelled with 万/亿, 元, a code or as a bare number.
  mutating func money(_ v: Double, currency: String?) -> Literal {
    if let c = currency {
      let unit = c == "USD" ? pick(["美元", "美金", "USD", "usd"]) : pick(["欧元", "EUR"])
      return Literal(.money(v, currency: c), text: Gen.fmt(v / 1e8) + "亿" + unit, range: 0..<0)
    }
    switch int(5) {
    case 0: return Literal(.number(v), text: Gen.fmt(v), range: 0..<0)
    case 1: return Literal(.money(v, currency: nil), text: Gen.fmt(v / 1e4) + "万", range: 0..<0)
    case 2: return Literal(.money(v, currency: "CNY"), text: Gen.fmt(v / 1e8) + pick(["亿元", "亿人民币", "亿CNY"]), range: 0..<0)
    case 3: return Literal(.number(v), text: v >= 1e9 ? Gen.fmt(v / 1e9) + "e9" : Gen.fmt(v / 1e8) + "e8", range: 0..<0)
    default: return Literal(.money(v, currency: nil), text: Gen.fmt(v / 1e8) + "亿", range: 0..<0)
    }
  }

  /// An area in m², written in one of its exact spellings.
  mutating func area() -> Literal {
    let (m2, spellings): (Double, [String]) = pick([
      (200, ["200平方米", "200平米"]),
      (2000, ["3亩", "2000平方米"]),
      (20_000, ["2公顷", "2万平方米", "30亩"]),
      (1_000_000, ["1平方公里", "1平方千米", "100公顷", "1500亩"]),
      (3_400_000, ["5100亩", "3.4平方公里", "340公顷"]),
    ])
    if chance(15) { return number(m2) }
    return Literal(.area(m2), text: pick(spellings), range: 0..<0)
  }

  mutating func day(_ y: Int, _ m: Int, _ d: Int) -> Literal {
    let f = FactDate(year: y, month: m, day: d)
    let text: String
    switch int(3) {
    case 0: text = "\(y)年\(m)月\(d)日"
    case 1: text = String(f.description.map { $0 == "-" ? "/" : $0 })
    default: text = f.description
    }
    return Literal(.date(DateLiteral(first: f, last: f, precision: .day)), text: text, range: 0..<0)
  }

  mutating func month(_ y: Int, _ m: Int) -> Literal {
    let first = FactDate(year: y, month: m, day: 1)
    let last = FactDate(year: y, month: m, day: FactDate.daysIn(month: m, year: y))
    let text = chance(30) ? "\(y)年\(m)月" : String(first.description.prefix(7))
    return Literal(.date(DateLiteral(first: first, last: last, precision: .month)), text: text, range: 0..<0)
  }

  mutating func year(_ y: Int) -> Literal {
    if chance(50) { return Literal(.number(Double(y)), text: String(y), range: 0..<0) }
    let v = DateLiteral(first: FactDate(year: y, month: 1, day: 1), last: FactDate(year: y, month: 12, day: 31), precision: .year)
    return Literal(.date(v), text: "\(y)年", range: 0..<0)
  }

  mutating func dateLiteral() -> Literal {
    let y = 2018 + int(3)
    switch int(3) {
    case 0: return day(y, 1 + int(12), 1 + int(28))
    case 1: return month(y, 1 + int(12))
    default: return year(y)
    }
  }

  mutating func textValue(_ field: String) -> String {
    switch field {
    case "name": return pick(["会议1", "会议2", "项目3", "GDP", "gdp", "ＧＤＰ增速", "人口", "无", "王宏伟", "尧都区"])
    case "kind": return pick(kinds + ["ＰＬＥＮＡＲＹ", "会", "座談會"])
    case "host", "author", "attendees", "who": return pick(people + ["zhang", "张", "王宏偉"])
    case "titles": return pick(titles + ["區委書記", "secretary", "书记"])
    case "docs", "doc": return pick(docs + ["A.TXT", "d.txt"])
    case "currency": return pick(["CNY", "usd", "EUR"])
    case "unit": return pick(["%", "元", "人", "％"])
    case "bound": return pick(["exact", "ABOUT", "at least"])
    case "period": return pick(["2019年", "2024年前三季度", "2019"])
    case "title": return pick(["临汾新闻", "臨汾新聞", "GDP增速", "不存在"])
    case "source": return pick(["临汾日报", "山西日報", "人民网"])
    case "level": return pick(["county", "City"])
    case "code": return pick(["141002", "110105", "999999"])
    case "full_name": return pick(["尧都区", "朝阳区", "绛县"])
    case "evidence": return pick(["临汾市召开会议", "王宏伟主持", "无"])
    case "purpose": return pick(["考察", "招商", "investment"])
    default: return pick(["临汾", "临汾市", "臨汾", "尧都", "尧都区", "堯都區", "朝阳", "山西", "运城", "太原市", "绛县",
                          "北京", "不存在", "日本", "中国", "人民大会堂"])
    }
  }

  mutating func op() -> ComparisonOperator { pick([.equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual]) }

  // MARK: predicates

  mutating func predicate(_ e: Entity, subqueries: Bool = true) -> DExpr {
    let (f, c) = pick(Gen.fields[e] ?? [])
    if chance(8) || c == .span { return .pred(f, .isNull(negated: chance(50))) }
    if subqueries, c == .text || c == .list, chance(6) {
      let inner: Entity = pick([.meeting, .person, .article, .visit, .indicator])
      let shown = (Gen.fields[inner] ?? []).filter { $0.1 == .text || $0.1 == .list }.map(\.0)
      return .pred(f, .inQuery(inner, chance(70) ? predicate(inner, subqueries: false) : nil, show: pick(shown), negated: chance(30)))
    }
    switch c {
    case .text:
      switch int(7) {
      case 0: return .pred(f, .contains(str(String(textValue(f).unicodeScalars.prefix(1 + int(2)))), negated: chance(30)))
      case 1: return .pred(f, .like(str(pick(["%会", "会议_", "%a%", "G%", "%", "%区%", "_"])), negated: chance(30)))
      case 2: return .pred(f, .inList((0..<(1 + int(3))).map { _ in str(textValue(f)) }, negated: chance(40)))
      case 3: return .pred(f, .compare(pick([.less, .lessOrEqual, .greater, .greaterOrEqual]), str(textValue(f))))
      case 4: return .pred(f, .between(str(textValue(f)), str(textValue(f))))
      default: return .pred(f, .compare(pick([.equal, .notEqual]), str(textValue(f))))
      }
    case .list:
      switch int(4) {
      case 0: return .pred(f, .contains(str(pick(["王", "Zh", "四", "zhang", "书记", "副", ".txt"])), negated: chance(30)))
      case 1: return .pred(f, .inList([str(textValue(f)), str(textValue(f))], negated: chance(40)))
      case 2: return .pred(f, .like(str(pick(["王%", "%a%", "_四", "%书记", "%.TXT"])), negated: chance(30)))
      default: return .pred(f, .compare(pick([.equal, .notEqual]), str(textValue(f))))
      }
    case .date:
      switch int(6) {
      case 0: return .pred(f, .between(year(2018 + int(2)), year(2019 + int(2))))
      case 1: return .pred(f, .compare(pick([.equal, .notEqual]), str(FactDate(year: nil, month: 1 + int(12), day: 1 + int(28)).description)))
      case 2: return .pred(f, .like(str(pick(["%-05-%", "2019%", "--%", "%-1_"])), negated: chance(30)))
      default: return .pred(f, .compare(op(), dateLiteral()))
      }
    case .integer:
      let top = f == "year" ? 2018 + int(3) : int(f == "id" ? 60 : 10)
      if chance(15) { return .pred(f, .inList([number(Double(top)), number(Double(int(20)))], negated: chance(40))) }
      if chance(15) { return .pred(f, .between(number(Double(top)), number(Double(top + int(5))))) }
      return .pred(f, .compare(op(), number(Double(top))))
    case .money:
      let v = pick([1e8, 5e8, 1e9, 1.5e9, 2e9])
      if chance(15) { return .pred(f, .between(money(v, currency: nil), money(v * 2, currency: nil))) }
      if chance(15) { return .pred(f, .inList([money(v, currency: nil), money(pick([1e8, 3e9]), currency: nil)], negated: chance(40))) }
      return .pred(f, .compare(op(), money(v, currency: chance(25) ? pick(["USD", "EUR"]) : nil)))
    case .area:
      if chance(15) { return .pred(f, .between(area(), area())) }
      return .pred(f, .compare(op(), area()))
    case .quantity:
      let l: Literal
      switch int(3) {
      case 0: let p = pick([5, 7.6, 10]); l = Literal(.percent(p), text: Gen.fmt(p) + "%", range: 0..<0)
      case 1: l = number(pick([5, 200, 1e10]))
      default: l = money(pick([1e10, 2e10]), currency: nil)
      }
      return .pred(f, .compare(op(), l))
    case .placeLevel, .placeFree:
      switch int(6) {
      case 0: return .pred(f, .inList([str(textValue(f)), str(textValue(f))], negated: chance(40)))
      case 1: return .pred(f, .contains(str(pick(["临", "区", "朝阳"])), negated: chance(30)))
      default: return .pred(f, .compare(pick([.equal, .notEqual]), str(textValue(f))))
      }
    case .placeAny:
      if chance(20) { return .pred(f, .inList([str(textValue(f)), str(textValue(f))], negated: chance(40))) }
      return .pred(f, .compare(pick([.equal, .notEqual]), str(textValue(f))))
    case .span:
      return .pred(f, .isNull(negated: chance(50)))
    }
  }

  mutating func expr(_ e: Entity, depth: Int = 0) -> DExpr {
    if depth >= 3 || chance(45) { return predicate(e) }
    switch int(5) {
    case 0: return .not(expr(e, depth: depth + 1))
    case 1, 2: return .and(expr(e, depth: depth + 1), expr(e, depth: depth + 1))
    default: return .or(expr(e, depth: depth + 1), expr(e, depth: depth + 1))
    }
  }
}

// MARK: the generator's statements

/// A predicate test with the generator's literals (value and spelling).
enum DTest {
  case isNull(negated: Bool)
  case compare(ComparisonOperator, Literal)
  case inList([Literal], negated: Bool)
  case between(Literal, Literal)
  case contains(Literal, negated: Bool)
  case like(Literal, negated: Bool)
  /// `field [not] in (find E where … show g)`.
  case inQuery(Entity, DExpr?, show: String, negated: Bool)
}

indirect enum DExpr {
  case pred(String, DTest)
  case and(DExpr, DExpr)
  case or(DExpr, DExpr)
  case not(DExpr)
}

enum DKind {
  case find(distinct: Bool)
  case count(distinct: String?)
  case aggregate(AggregateFunction, String)
}

struct DStatement {
  var kind: DKind
  var entity: Entity
  var filter: DExpr?
  var show: [String] = []
  var by: [String] = []
  var order: [(String, Bool)] = []
  var limit: Int?
  var offset = 0
}

/// Writes a statement as a user would: keywords in any case, plurals, `<>`, extra parentheses,
/// clauses in any order, line breaks and comments.
struct Writer {
  var g: Gen

  mutating func kw(_ s: String) -> String {
    switch g.int(6) {
    case 0: return s.uppercased()
    case 1: return s.prefix(1).uppercased() + s.dropFirst()
    default: return s
    }
  }

  mutating func space() -> String { g.pick([" ", " ", " ", "  ", "\n", " \t"]) }

  mutating func opText(_ op: ComparisonOperator) -> String {
    let s: String
    switch op {
    case .equal: s = "="
    case .notEqual: s = g.chance(30) ? "<>" : "!="
    case .less: s = "<"
    case .lessOrEqual: s = "<="
    case .greater: s = ">"
    case .greaterOrEqual: s = ">="
    }
    return g.chance(15) ? s : " \(s) "
  }

  mutating func field(_ f: String) -> String { g.chance(10) ? f.uppercased() : f }

  mutating func test(_ f: String, _ t: DTest) -> String {
    let name = field(f)
    switch t {
    case .isNull(let n): return "\(name) \(kw("is")) \(n ? kw("not") + " " : "")\(kw("null"))"
    case .compare(let op, let l): return name + opText(op) + l.text
    case .inList(let ls, let n): return "\(name) \(n ? kw("not") + " " : "")\(kw("in")) (\(ls.map(\.text).joined(separator: g.pick([", ", ",", " , "]))))"
    case .between(let a, let b): return "\(name) \(kw("between")) \(a.text) \(kw("and")) \(b.text)"
    case .contains(let l, let n): return "\(name) \(n ? kw("not") + " " : "")\(kw("contains")) \(l.text)"
    case .like(let l, let n): return "\(name) \(n ? kw("not") + " " : "")\(kw("like")) \(l.text)"
    case .inQuery(let e, let w, let show, let n):
      let sub = kw("find") + " " + e.rawValue + (w.map { " " + kw("where") + " " + expr($0) } ?? "") + " " + kw("show") + " " + field(show)
      return "\(name) \(n ? kw("not") + " " : "")\(kw("in")) (\(sub))"
    }
  }

  /// Parentheses only where precedence needs them (or at random): `not` > `and` > `or`.
  mutating func expr(_ e: DExpr) -> String {
    let s: String
    switch e {
    case .pred(let f, let t): s = test(f, t)
    case .not(let a):
      if case .pred = a { s = kw("not") + " " + expr(a) } else { s = kw("not") + " (" + expr(a) + ")" }
    case .and(let a, let b):
      func side(_ x: DExpr, _ w: inout Writer) -> String {
        if case .or = x { return "(" + w.expr(x) + ")" }
        return w.expr(x)
      }
      s = side(a, &self) + space() + kw("and") + " " + side(b, &self)
    case .or(let a, let b):
      s = expr(a) + space() + kw("or") + " " + expr(b)
    }
    return g.chance(8) ? "(\(s))" : s
  }

  mutating func statement(_ st: DStatement) -> String {
    let entity = g.chance(30) ? st.entity.plural : (g.chance(10) ? st.entity.rawValue.uppercased() : st.entity.rawValue)
    var head: String
    switch st.kind {
    case .find(let d): head = kw("find") + (d ? " " + kw("distinct") : "")
    case .count(nil): head = kw("count")
    case .count(let f?): head = "\(kw("count")) \(kw("distinct")) \(field(f)) \(kw("of"))"
    case .aggregate(let fn, let f): head = "\(kw(fn.rawValue)) \(field(f)) \(kw("of"))"
    }
    var clauses: [String] = []
    if let w = st.filter { clauses.append(kw("where") + " " + expr(w)) }
    if !st.show.isEmpty { clauses.append(kw("show") + " " + st.show.map { field($0) }.joined(separator: ", ")) }
    if !st.by.isEmpty { clauses.append(kw("by") + " " + st.by.map { field($0) }.joined(separator: ", ")) }
    if !st.order.isEmpty {
      let keys = st.order.map { k, desc in field(k) + (desc ? " " + kw("desc") : (g.chance(30) ? " " + kw("asc") : "")) }
      clauses.append(kw("order") + " " + kw("by") + " " + keys.joined(separator: ", "))
    }
    if let n = st.limit { clauses.append(kw("limit") + " \(n)" + (st.offset > 0 ? " \(kw("offset")) \(st.offset)" : "")) }
    if g.chance(30) { clauses.shuffle(using: &g.rng) }
    var text = head + " " + entity
    for c in clauses { text += space() + c }
    if g.chance(20) { text += ";" }
    if g.chance(10) { text += " -- a comment" }
    return text
  }
}

// MARK: the reference evaluator

struct Reference {
  let byEntity: [Entity: [Fact]]
  let places: TestPlaces

  init(facts: [Fact], places: TestPlaces) {
    // An empty list is null, as the store keeps it (one rule for `is null`, `not`, grouping).
    let stored = facts.map { f in
      var g = f
      for (k, v) in f.fields { if case .list(let xs) = v, xs.isEmpty { g.fields[k] = nil } }
      return g
    }
    byEntity = Dictionary(grouping: stored, by: \.entity)
    self.places = places
  }

  func rows(_ e: Entity) -> [Fact] { byEntity[e] ?? [] }

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

  /// Pinyin order of folded text, ties by code point.
  static func textLess(_ a: String, _ b: String) -> Bool {
    TextOrder.less(a, b) || (!TextOrder.less(b, a) && TextOrder.codePointLess(a, b))
  }

  static func currencyNames(_ c: String) -> Set<String> {
    switch c {
    case "USD": return ["usd", "美元"]
    case "EUR": return ["eur", "欧元"]
    default: return ["cny", "rmb", "人民币", "元"]
    }
  }

  /// The three-valued truth of `x` on `f`: nil is unknown.
  func eval(_ x: DExpr, _ f: Fact) -> Bool? {
    switch x {
    case .and(let a, let b):
      let l = eval(a, f), r = eval(b, f)
      if l == false || r == false { return false }
      return l == true && r == true ? true : nil
    case .or(let a, let b):
      let l = eval(a, f), r = eval(b, f)
      if l == true || r == true { return true }
      return l == false && r == false ? false : nil
    case .not(let a):
      return eval(a, f).map { !$0 }
    case .pred(let name, let t):
      return predicate(name, t, f)
    }
  }

  static func anyOf(_ results: [Bool?], negated: Bool) -> Bool? {
    if results.contains(true) { return !negated }
    return results.contains(where: { $0 == nil }) ? nil : negated
  }

  func predicate(_ name: String, _ t: DTest, _ f: Fact) -> Bool? {
    let c = Gen.fieldClass(f.entity, name)
    if c == .placeAny {
      switch t {
      case .isNull(let neg): return placeLevels(f.entity).allSatisfy { f[$0].isNull } != neg
      case .compare(let op, let l):
        let r = placeAnywhere(l, f)
        return op == .notEqual ? r.map { !$0 } : r
      case .inList(let ls, let neg): return Reference.anyOf(ls.map { placeAnywhere($0, f) }, negated: neg)
      default: return nil
      }
    }
    let v = f[name]
    switch t {
    case .isNull(let neg):
      return v.isNull != neg
    case .compare(let op, let l):
      if op == .notEqual { return compare(name, c, .equal, l, f).map { !$0 } }
      return compare(name, c, op, l, f)
    case .inList(let ls, let neg):
      return Reference.anyOf(ls.map { compare(name, c, .equal, $0, f) }, negated: neg)
    case .between(let a, let b):
      let lo = compare(name, c, .greaterOrEqual, a, f), hi = compare(name, c, .lessOrEqual, b, f)
      if lo == nil || hi == nil { return nil }
      return lo == true && hi == true
    case .contains(let l, let neg):
      guard case .string(let s) = l.value else { return nil }
      switch v {
      case .text(let t): return Reference.contains(t, s) != neg
      case .list(let xs): return xs.contains { Reference.contains($0, s) } != neg
      default: return nil
      }
    case .inQuery(let e, let w, let show, let neg):
      var values: [String] = []
      for r in rows(e) where w.map({ eval($0, r) == true }) ?? true {
        switch r[show] {
        case .text(let t): values.append(t)
        case .list(let xs): values += xs
        default: break
        }
      }
      if values.isEmpty { return v.isNull ? nil : neg }
      return Reference.anyOf(values.map { compare(name, c, .equal, Literal(.string($0), text: $0, range: 0..<0), f) }, negated: neg)
    case .like(let l, let neg):
      guard case .string(let s) = l.value else { return nil }
      switch v {
      case .text(let t): return Reference.like(t, s) != neg
      case .list(let xs): return xs.contains { Reference.like($0, s) } != neg
      case .date(let d): return Reference.like(d.description, s) != neg
      default: return nil
      }
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

  func compare(_ name: String, _ c: FieldClass, _ op: ComparisonOperator, _ l: Literal, _ f: Fact) -> Bool? {
    let v = f[name]
    if v.isNull { return nil }
    switch c {
    case .placeLevel(let level):
      guard case .string(let s) = l.value, case .text(let t) = v else { return nil }
      let refs = places.resolve(s)
      if refs.isEmpty { return Reference.placeMatch(t, s) }
      return refs.contains { $0.level.rawValue == level && Reference.placeMatch(t, $0.name) }
    case .placeFree:
      guard case .string(let s) = l.value, case .text(let t) = v else { return nil }
      return Reference.placeMatch(t, s) || places.resolve(s).contains { Reference.placeMatch(t, $0.name) }
    case .date:
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
    case .money, .quantity:
      guard let x = v.double else { return nil }
      let unit = f[c == .money ? "currency" : "unit"].text.map(Reference.fold)
      let amount: Double
      switch l.value {
      case .number(let d):
        amount = d
        if c == .money { guard let unit, Reference.currencyNames("CNY").contains(unit) else { return nil } }
      case .money(let d, let cur):
        amount = d
        guard let unit, Reference.currencyNames(cur ?? "CNY").contains(unit) else { return nil }
      case .percent(let d):
        amount = d
        guard c == .quantity, unit == "%" else { return nil }
      default: return nil
      }
      return Reference.order(x, op, amount)
    case .integer, .area:
      guard let x = v.double else { return nil }
      switch l.value {
      case .number(let d), .area(let d): return Reference.order(x, op, d)
      default: return nil
      }
    case .text, .list:
      guard case .string(let s) = l.value else { return nil }
      let b = Reference.fold(s)
      func test(_ t: String) -> Bool {
        let a = Reference.fold(t)
        switch op {
        case .equal: return a == b
        case .notEqual: return a != b
        case .less: return Reference.textLess(a, b)
        case .lessOrEqual: return a == b || Reference.textLess(a, b)
        case .greater: return a != b && !Reference.textLess(a, b)
        case .greaterOrEqual: return !Reference.textLess(a, b)
        }
      }
      switch v {
      case .text(let t): return test(t)
      case .list(let xs): return xs.contains(where: test)
      default: return nil
      }
    case .span, .placeAny:
      return nil
    }
  }

  static func placeMatch(_ value: String, _ name: String) -> Bool {
    let a = fold(value), b = fold(name)
    return a == b || bare(a) == bare(b)
  }

  func placeLevels(_ e: Entity) -> [String] {
    ["country", "province", "city", "county"].filter { Gen.fieldClass(e, $0) == .placeLevel($0) }
  }

  /// `place = s`: located anywhere inside the places `s` names, at the levels the entity has.
  func placeAnywhere(_ l: Literal, _ f: Fact) -> Bool? {
    guard case .string(let s) = l.value else { return nil }
    let levels = placeLevels(f.entity)
    let refs = places.resolve(s)
    var tests: [(String, String)] = []
    if refs.isEmpty { tests = levels.map { ($0, s) } } else {
      for r in refs where levels.contains(r.level.rawValue) { tests.append((r.level.rawValue, r.name)) }
    }
    if tests.isEmpty { tests = [("city", "\u{0}")] }
    var result: Bool? = false
    var columns: [String: Bool?] = [:]
    for (col, name) in tests {
      let r: Bool? = f[col].text.map { Reference.placeMatch($0, name) }
      if let prev = columns[col] { columns[col] = (prev == true || r == true) ? true : r } else { columns[col] = r }
    }
    for (_, r) in columns {
      if r == true { result = true; break }
      if r == nil { result = nil }
    }
    return result
  }

  // MARK: shapes

  static func rank(_ v: Value) -> Int {
    switch v {
    case .null: return 2
    case .date(let d) where d.year == nil: return 1
    default: return 0
    }
  }

  static func less(_ a: Value, _ b: Value) -> Bool {
    switch (a, b) {
    case (.text(let x), .text(let y)): return textLess(x, y)
    case (.date(let x), .date(let y)): return (x.year ?? 0, x.month, x.day) < (y.year ?? 0, y.month, y.day)
    default: return (a.double ?? 0) < (b.double ?? 0)
    }
  }

  /// -1, 0, 1 with nulls (and dates without a year) last in either direction.
  static func compareForOrder(_ a: Value, _ b: Value, descending: Bool) -> Int {
    let ra = rank(a), rb = rank(b)
    if ra != rb { return ra < rb ? -1 : 1 }
    if a == b { return 0 }
    if less(a, b) { return descending ? 1 : -1 }
    if less(b, a) { return descending ? -1 : 1 }
    return 0
  }
}

// MARK: the test

@Suite struct DifferentialTests {
  /// One random statement over `e`: its shape, the expected rows by the reference, and
  /// whether their order is part of the answer.
  static func statement(_ g: inout Gen, _ e: Entity, _ ref: Reference) -> (kind: String, st: DStatement, expected: [[Value]], ordered: Bool) {
    let filter: DExpr? = g.chance(90) ? g.expr(e) : nil
    let kept = ref.rows(e).filter { r in filter.map { ref.eval($0, r) == true } ?? true }
    let scalars = Gen.scalars(e)
    var st = DStatement(kind: .find(distinct: false), entity: e, filter: filter)
    switch g.int(8) {
    case 0, 1:
      if g.chance(60) {
        for _ in 0..<(1 + g.int(3)) {
          let f = g.pick(scalars)
          if !st.show.contains(f) { st.show.append(f) }
        }
      }
      if g.chance(60) { st.order = (0..<(1 + g.int(2))).map { _ in (g.pick(scalars), g.chance(50)) } }
      if !st.order.isEmpty, g.chance(50) { st.limit = 1 + g.int(8); if g.chance(30) { st.offset = g.int(5) } }
      var sorted = Array(kept.enumerated())
      if !st.order.isEmpty {
        let keys = st.order
        sorted.sort { a, b in
          for (k, desc) in keys {
            let c = Reference.compareForOrder(a.element[k], b.element[k], descending: desc)
            if c != 0 { return c < 0 }
          }
          return a.offset < b.offset
        }
      }
      let cols = st.show.isEmpty ? ["id"] : st.show
      var expected = sorted.map { r in cols.map { r.element[$0] } }
      if let limit = st.limit { expected = Array(expected.dropFirst(st.offset).prefix(limit)) }
      return (st.show.isEmpty ? "find" : "find show", st, expected, true)
    case 2:
      st.kind = .count(distinct: nil)
      return ("count", st, [[.integer(Int64(kept.count))]], true)
    case 3:
      st.kind = .count(distinct: nil)
      let lists = (Gen.fields[e] ?? []).filter { $0.1 == .list }.map(\.0)
      st.by = g.chance(30) && !lists.isEmpty ? [g.pick(lists)] : (0..<(1 + g.int(2))).map { _ in g.pick(scalars) }
      if st.by.count == 2, st.by[0] == st.by[1] { st.by.removeLast() }
      var counts: [[Value]: Int] = [:]
      var firstSeen: [[Value]] = []
      for r in kept {
        var keys: [[Value]] = [[]]
        for b in st.by {
          switch r[b] {
          case .list(let xs):
            var seen = Set<String>()
            let elems = xs.filter { seen.insert($0).inserted }
            keys = keys.flatMap { k in elems.map { k + [.text($0)] } }
          case let v: keys = keys.map { $0 + [v] }
          }
        }
        for k in keys {
          if counts[k] == nil { firstSeen.append(k) }
          counts[k, default: 0] += 1
        }
      }
      // Largest count first, then the groups ascending (nulls last); `order by count asc` reverses the counts.
      let ascending = g.chance(20)
      if ascending { st.order = [("count", false)] }
      let groups = firstSeen.sorted { a, b in
        let ca = counts[a] ?? 0, cb = counts[b] ?? 0
        if ca != cb { return ascending ? ca < cb : ca > cb }
        for i in 0..<a.count {
          let c = Reference.compareForOrder(a[i], b[i], descending: false)
          if c != 0 { return c < 0 }
        }
        return false
      }
      var expected = groups.map { $0 + [.integer(Int64(counts[$0] ?? 0))] }
      if g.chance(20) { st.limit = 1 + g.int(4); expected = Array(expected.prefix(st.limit ?? 0)) }
      return ("count by", st, expected, true)
    case 4:
      let candidates = (Gen.fields[e] ?? []).filter { $0.1 != .span && $0.1 != .placeAny }.map(\.0)
      let f = g.pick(candidates)
      st.kind = .count(distinct: f)
      var seen = Set<Value>()
      for r in kept {
        switch r[f] {
        case .list(let xs): for x in xs { seen.insert(.text(x)) }
        case .null: break
        case let v: seen.insert(v)
        }
      }
      return ("count distinct", st, [[.integer(Int64(seen.count))]], true)
    case 5:
      st.kind = .find(distinct: true)
      st.show = [g.pick(scalars)]
      if g.chance(40) { st.show.append(g.pick(scalars)) }
      if st.show.count == 2, st.show[0] == st.show[1] { st.show.removeLast() }
      var seen = Set<[Value]>()
      var expected: [[Value]] = []
      for r in kept {
        let row = st.show.map { r[$0] }
        if seen.insert(row).inserted { expected.append(row) }
      }
      return ("find distinct", st, expected, true)
    default:
      let numeric = Gen.numeric(e)
      let dates = (Gen.fields[e] ?? []).filter { $0.1 == .date }.map(\.0)
      var fn = g.pick(AggregateFunction.allCases)
      var field = g.pick(numeric)
      if !dates.isEmpty, g.chance(15) { field = g.pick(dates); fn = g.pick([.min, .max]) }
      st.kind = .aggregate(fn, field)
      let unit: String? = Gen.fieldClass(e, field) == .money ? "currency" : (Gen.fieldClass(e, field) == .quantity ? "unit" : nil)
      if g.chance(50) { st.by = [g.pick(scalars.filter { $0 != field })] }
      // SQL's GROUP BY (by fields, then the currency or unit): every group of the kept rows,
      // its value null when no row has one; dates without a year are no value.
      var groups: [[Value]: [Value]] = [:]
      for r in kept {
        let key = st.by.map { r[$0] } + [unit.map { r[$0] } ?? .null]
        var xs = groups[key] ?? []
        if case .date(let d) = r[field], d.year == nil {
        } else if !r[field].isNull {
          xs.append(r[field])
        }
        groups[key] = xs
      }
      var expected = groups.map { k, xs -> [Value] in
        let value: Value
        if xs.isEmpty {
          value = .null
        } else if case .date = xs[0] {
          let sorted = xs.sorted { Reference.compareForOrder($0, $1, descending: false) < 0 }
          value = (fn == .min ? sorted.first : sorted.last) ?? .null
        } else {
          let ds = xs.compactMap(\.double)
          let v: Double
          switch fn {
          case .sum: v = ds.reduce(0, +)
          case .avg: v = ds.reduce(0, +) / Double(ds.count)
          case .min: v = ds.min() ?? 0
          case .max: v = ds.max() ?? 0
          }
          let integer = Gen.fieldClass(e, field) == .integer
          value = integer && fn != .avg ? .integer(Int64(v)) : .number(v)
        }
        return k + [value]
      }
      if st.by.isEmpty && unit == nil && expected.isEmpty { expected = [[.null, .null]] }
      return ("aggregate", st, expected, false)
    }
  }

  /// The predicate forms and clauses a statement uses, for the report.
  static func forms(_ st: DStatement) -> Set<String> {
    var out = Set<String>()
    func walk(_ e: DExpr) {
      switch e {
      case .and(let a, let b): out.insert("and"); walk(a); walk(b)
      case .or(let a, let b): out.insert("or"); walk(a); walk(b)
      case .not(let a): out.insert("not"); walk(a)
      case .pred(let f, let t):
        if f == "place" { out.insert("place") }
        switch t {
        case .isNull: out.insert("is null")
        case .compare(let op, _): out.insert(op == .equal || op == .notEqual ? "equality" : "range")
        case .inList: out.insert("in")
        case .between: out.insert("between")
        case .contains: out.insert("contains")
        case .like: out.insert("like")
        case .inQuery(_, let w, _, _): out.insert("subquery"); if let w { walk(w) }
        }
      }
    }
    if let w = st.filter { walk(w) }
    if !st.order.isEmpty { out.insert("order by") }
    if st.limit != nil { out.insert("limit") }
    return out
  }

  @Test func randomStatementsAgreeWithTheReference() throws {
    var checked: [String: Int] = [:]
    var failures: [String] = []
    let places = TestPlaces()
    let entities: [Entity] = [.meeting, .meeting, .meeting, .project, .project, .indicator, .indicator, .person, .article, .place, .visit]
    var forms: [String: Int] = [:]
    for seed in 1...10 as ClosedRange<UInt64> {
      var g = Gen(rng: SplitMix(seed &* 7919))
      var w = Writer(g: Gen(rng: SplitMix(seed &* 104_729)))
      let facts = g.facts()
      let h = Harness(facts, places: places)
      let ref = Reference(facts: facts, places: places)
      for _ in 0..<1000 {
        let e = g.pick(entities)
        let (kind, st, expected, ordered) = DifferentialTests.statement(&g, e, ref)
        let text = w.statement(st)
        checked[kind, default: 0] += 1
        for form in DifferentialTests.forms(st) { forms[form, default: 0] += 1 }
        let result: ResultSet
        do {
          let parsed = try Parser.parse(text)
          let plan = try Planner.plan(parsed, context: h.context)
          result = try Executor.run(plan, context: h.context)
        } catch {
          if failures.count < 10 { failures.append("\(kind) seed \(seed): \(text)\n threw \(error)") }
          continue
        }
        var actual = result.rows.arrays
        if case .find(distinct: false) = st.kind, st.show.isEmpty {
          let id = result.columns.firstIndex { $0.name == "id" } ?? 0
          actual = result.rows.map { id < $0.count ? [$0[id]] : [] }
        }
        if case .aggregate = st.kind {
          // Put each row's currency or unit before the value, as the reference groups them.
          let units = result.columns.last?.units
          actual = result.rows.enumerated().map { i, row in
            Array(row.dropLast()) + [units.flatMap { $0[i] }.map { .text($0) } ?? .null, row.last ?? .null]
          }
        }
        let same = ordered ? actual == expected : Set(actual) == Set(expected) && actual.count == expected.count
        if !same, failures.count < 10 {
          failures.append("\(kind) seed \(seed): \(text)\n expected \(expected)\n actual   \(actual)")
        }
      }
    }
    let total = checked.values.reduce(0, +)
    print("differential: \(total) statements checked: " + checked.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
    print("differential: statements using " + forms.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
    #expect(total >= 10_000)
    let report = "\(failures.count) disagreements:\n" + failures.prefix(6).joined(separator: "\n")
    #expect(failures.isEmpty, Comment(rawValue: report))
  }
}
