import FactStore
import NewsFacts

/// Resolves the names and literals of a query against a snapshot: entity and field names
/// (with "did you mean" hints), literal kinds against field kinds, places through the
/// resolver, parameters from the bound values. Produces a `BoundQuery` whose `where` is in
/// negation normal form, or a `Diagnostic` at the offending text.
struct Binder {
  let context: QueryContext
  let parameters: [Value]
  /// Notes for the user (ambiguous or wrong-level place names).
  var notes: [String] = []
  /// Plans of subqueries met while binding the current `where`.
  var subplans: [PlanNode] = []
  var depth: Int = 0

  init(context: QueryContext, parameters: [Value], depth: Int = 0) {
    self.context = context
    self.parameters = parameters
    self.depth = depth
  }

  // MARK: names

  /// The entity called `name` (singular or plural, any case).
  func entity(_ name: Name) throws(Diagnostic) -> Entity {
    if let e = Binder.singular(name.text) ?? Entity(name: name.text) { return e }
    let all = Entity.allCases.flatMap { [$0.rawValue, $0.plural] }
    let hint = Suggest.closest(name.text, among: all).map { "did you mean '\(Entity(name: $0)?.rawValue ?? $0)'?" }
    throw Diagnostic("no entity '\(name.text)'", at: name.range,
                     hint: hint ?? "entities: " + Entity.allCases.map(\.rawValue).joined(separator: ", "))
  }

  /// The entity named exactly `text` (lowercase singular, as almost always typed), told apart
  /// by its first byte and one comparison; nil otherwise (`Entity(name:)` handles the rest).
  static func singular(_ text: String) -> Entity? {
    let e: Entity
    switch text.utf8.first {
    case UInt8(ascii: "a"): e = .article
    case UInt8(ascii: "m"): e = .meeting
    case UInt8(ascii: "i"): e = .indicator
    case UInt8(ascii: "v"): e = .visit
    case UInt8(ascii: "p"):
      switch text.utf8.count {
      case 5: e = .place
      case 6: e = .person
      default: e = .project
      }
    default: return nil
    }
    return text == e.rawValue ? e : nil
  }

  /// The field called `name` on `entity`.
  func field(_ name: Name, of entity: Entity) throws(Diagnostic) -> FieldRef {
    let lower = name.text.lowercased()
    let fields = Schema.fields(of: entity)
    if let i = fields.firstIndex(where: { $0.name == lower }) {
      return FieldRef(entity: entity, position: i, name: fields[i].name, kind: fields[i].kind)
    }
    var candidates = fields.map(\.name)
    if Binder.hasPlace(entity) { candidates.append("place") }
    let hint = Suggest.closest(lower, among: candidates).map { "did you mean '\($0)'?" }
    if lower == "place" {
      throw Diagnostic("'place' can only be tested in where", at: name.range, hint: "show province, city or county instead")
    }
    throw Diagnostic("\(entity.rawValue) has no field '\(name.text)'", at: name.range,
                     hint: hint ?? "fields: " + candidates.joined(separator: ", "))
  }

  /// Whether `entity` has the hierarchy fields the virtual field `place` searches.
  static func hasPlace(_ entity: Entity) -> Bool {
    Schema.field("city", of: entity) != nil && Schema.field("county", of: entity) != nil
  }

  // MARK: queries

  mutating func bind(_ q: Query) throws(Diagnostic) -> BoundQuery {
    let e = try entity(q.entity)
    var kind: BoundKind
    switch q.kind {
    case .find(let d): kind = .find(distinct: d)
    case .count(let d):
      kind = .count(distinct: try d.map { (n) throws(Diagnostic) in try field(n, of: e) })
    case .aggregate(let fn, let n):
      let f = try field(n, of: e)
      switch f.kind {
      case .integer, .number, .money, .quantity, .area: break
      case .date where fn == .min || fn == .max: break
      default:
        throw Diagnostic("\(fn.rawValue) needs a numeric field; '\(f.name)' is \(Binder.kindName(f.kind))", at: n.range)
      }
      kind = .aggregate(fn, f)
    }
    if case .find = kind, let g = q.groupBy, let first = g.first {
      throw Diagnostic("find takes no 'by'", at: first.range, hint: "count \(e.rawValue) by \(first.text)")
    }
    if case .find = kind {} else if let s = q.show, let first = s.first {
      throw Diagnostic("only find takes 'show'", at: first.range)
    }
    var show: [FieldRef] = []
    if let s = q.show {
      for n in s { show.append(try field(n, of: e)) }
    } else {
      show = Schema.fields(of: e).enumerated().map { FieldRef(entity: e, position: $0.offset, name: $0.element.name, kind: $0.element.kind) }
    }
    var groupBy: [FieldRef] = []
    for n in q.groupBy ?? [] {
      let f = try field(n, of: e)
      if case .span = f.kind { throw Diagnostic("cannot group by a span", at: n.range) }
      groupBy.append(f)
    }
    var order: [OrderSpec] = []
    for k in q.orderBy ?? [] {
      let lower = k.key.text.lowercased()
      let target: OrderTarget
      switch kind {
      case .find:
        target = .field(try field(k.key, of: e))
      case .count:
        if lower == "count" { target = .count } else {
          let f = try field(k.key, of: e)
          guard groupBy.contains(f) else {
            throw Diagnostic("'\(f.name)' is not a group", at: k.key.range, hint: "order by count or a 'by' field")
          }
          target = .field(f)
        }
      case .aggregate(let fn, _):
        if lower == fn.rawValue { target = .aggregate(fn) } else if lower == "count" {
          throw Diagnostic("'count' is not a column of \(fn.rawValue)", at: k.key.range, hint: "order by \(fn.rawValue)")
        } else {
          let f = try field(k.key, of: e)
          guard groupBy.contains(f) else {
            throw Diagnostic("'\(f.name)' is not a group", at: k.key.range, hint: "order by \(fn.rawValue) or a 'by' field")
          }
          target = .field(f)
        }
      }
      order.append(OrderSpec(target: target, descending: k.descending))
    }
    subplans = []
    let filter = try q.filter.map { (x) throws(Diagnostic) in try bindExpr(x, entity: e, negated: false, range: q.range) }
    return BoundQuery(entity: e, kind: kind, filter: filter, subplans: subplans, show: show,
                      groupBy: groupBy, order: order, limit: q.limit)
  }

  // MARK: expressions

  /// Binds `x`, pushing `not` down to the atoms (De Morgan), flattening and/or chains
  /// without recursing along them.
  mutating func bindExpr(_ x: Expr, entity: Entity, negated: Bool, range: SourceRange) throws(Diagnostic) -> BoolExpr {
    guard depth < 200 else { throw Diagnostic("the condition is nested too deeply", at: range) }
    depth += 1
    defer { depth -= 1 }
    var x = x
    var neg = negated
    while case .not(let inner, _) = x { x = inner; neg.toggle() }
    let isAndSyntax: Bool
    switch x {
    case .predicate(let p): return try bindPredicate(p, entity: entity, negated: neg)
    case .and: isAndSyntax = true
    case .or: isAndSyntax = false
    case .not: isAndSyntax = true  // unreachable: nots were stripped above
    }
    var stack = [x]
    var operands: [Expr] = []
    while let y = stack.popLast() {
      switch y {
      case .and(let a, let b) where isAndSyntax: stack.append(b); stack.append(a)
      case .or(let a, let b) where !isAndSyntax: stack.append(b); stack.append(a)
      default: operands.append(y)
      }
    }
    var children: [BoolExpr] = []
    children.reserveCapacity(operands.count)
    for o in operands { children.append(try bindExpr(o, entity: entity, negated: neg, range: range)) }
    return Binder.combine(children, isAnd: isAndSyntax != neg)
  }

  /// `and`/`or` of `children`, flattened, with atoms on the same field merged where the
  /// result is the same: an `or` of positive code sets is one set, an `and` of negated code
  /// sets is one negated set (likewise number and date ranges).
  static func combine(_ children: [BoolExpr], isAnd: Bool) -> BoolExpr {
    var flat: [BoolExpr] = []
    for c in children {
      switch c {
      case .and(let xs) where isAnd: flat.append(contentsOf: xs)
      case .or(let xs) where !isAnd: flat.append(contentsOf: xs)
      default: flat.append(c)
      }
    }
    // Mergeable atoms are gathered per field first and merged once, so an `in` list of n
    // values binds in O(n log n), not O(n²). A condition written twice counts once (a money
    // range with units adds its currency test once per bound). In a conjunction, positive
    // ranges on one field intersect into one atom (`investment >= 5亿 and investment < 20亿`
    // is one range the planner can scan).
    var out: [BoolExpr] = []
    var slot: [String: Int] = [:]
    var pending: [Int: [Atom]] = [:]
    var codeTests: [Int: [Atom]] = [:]
    for c in flat {
      guard case .atom(let a) = c else { out.append(c); continue }
      let key: String
      switch (a, a.isNegated == isAnd) {
      case (.codes(let f, _, _, _), false) where isAnd:
        // Kept apart (a list's elements may match both), but once each.
        if codeTests[f.position]?.contains(a) == true { continue }
        codeTests[f.position, default: []].append(a)
        out.append(c)
        continue
      case (.codes(let f, _, _, _), true): key = "c\(f.position)"
      case (.numbers(let f, _, _), true): key = "n\(f.position)"
      case (.dates(let f, _, let k, _), true): key = "d\(f.position)\(k)"
      case (.numbers(let f, _, _), false) where isAnd: key = "N\(f.position)"
      case (.dates(let f, _, let k, _), false) where isAnd: key = "D\(f.position)\(k)"
      default: out.append(c); continue
      }
      if let i = slot[key] {
        pending[i, default: []].append(a)
      } else {
        slot[key] = out.count
        out.append(c)
      }
    }
    for (i, more) in pending {
      guard case .atom(let first) = out[i] else { continue }
      out[i] = .atom(first.isNegated == isAnd ? merge(first, more) : intersect(first, more))
    }
    if out.count == 1 { return out[0] }
    return isAnd ? .and(out) : .or(out)
  }

  /// `first` with the codes or ranges of `more` (atoms on the same field, same sign) added:
  /// codes sorted without repeats, ranges sorted with overlapping ones joined.
  private static func merge(_ first: Atom, _ more: [Atom]) -> Atom {
    switch first {
    case .codes(let f, let x, var shown, let n):
      var all = x
      for case .codes(_, let y, let sy, _) in more {
        all.append(contentsOf: y)
        for s in sy where shown.count < Binder.shownLimit && !shown.contains(s) { shown.append(s) }
      }
      RowIDs.normalize(&all)
      return .codes(f, codes: all, shown: shown, negated: n)
    case .numbers(let f, let x, let n):
      var all = x
      for case .numbers(_, let y, _) in more { all.append(contentsOf: y) }
      return .numbers(f, ranges: joined(all), negated: n)
    case .dates(let f, let x, let k, let n):
      var all = x
      for case .dates(_, let y, _, _) in more { all.append(contentsOf: y) }
      return .dates(f, ranges: joined(all), knownOnly: k, negated: n)
    default:
      return first
    }
  }

  /// `first` holding only where every one of `more` (positive ranges on the same field) holds
  /// too: each atom's ranges intersected with the next's.
  private static func intersect(_ first: Atom, _ more: [Atom]) -> Atom {
    switch first {
    case .numbers(let f, var ranges, let n):
      for case .numbers(_, let other, _) in more { ranges = intersect(ranges, other) }
      return .numbers(f, ranges: ranges, negated: n)
    case .dates(let f, var ranges, let k, let n):
      for case .dates(_, let other, _, _) in more { ranges = intersect(ranges, other) }
      return .dates(f, ranges: ranges, knownOnly: k, negated: n)
    default:
      return first
    }
  }

  /// The values in both `a` and `b`, in one sweep of the two sorted lists (two `in` lists of
  /// thousands of values intersect in linear time).
  static func intersect(_ a0: [NumberRange], _ b0: [NumberRange]) -> [NumberRange] {
    let a = joined(a0), b = joined(b0)
    var out: [NumberRange] = []
    var i = 0, j = 0
    while i < a.count && j < b.count {
      let x = a[i], y = b[j]
      let (lo, loIn) = x.lo != y.lo ? (x.lo > y.lo ? (x.lo, x.loInclusive) : (y.lo, y.loInclusive)) : (x.lo, x.loInclusive && y.loInclusive)
      let (hi, hiIn) = x.hi != y.hi ? (x.hi < y.hi ? (x.hi, x.hiInclusive) : (y.hi, y.hiInclusive)) : (x.hi, x.hiInclusive && y.hiInclusive)
      out.append(NumberRange(lo: lo, loInclusive: loIn, hi: hi, hiInclusive: hiIn))
      // The range that ends first has met every range it can overlap.
      let xEndsFirst = x.hi < y.hi || (x.hi == y.hi && !x.hiInclusive && y.hiInclusive)
      let yEndsFirst = y.hi < x.hi || (x.hi == y.hi && !y.hiInclusive && x.hiInclusive)
      if xEndsFirst { i += 1 } else if yEndsFirst { j += 1 } else { i += 1; j += 1 }
    }
    return joined(out)
  }

  /// The days in both `a` and `b`, in one sweep of the two sorted lists.
  static func intersect(_ a0: [ClosedRange<Int32>], _ b0: [ClosedRange<Int32>]) -> [ClosedRange<Int32>] {
    let a = joined(a0), b = joined(b0)
    var out: [ClosedRange<Int32>] = []
    var i = 0, j = 0
    while i < a.count && j < b.count {
      let lo = max(a[i].lowerBound, b[j].lowerBound), hi = min(a[i].upperBound, b[j].upperBound)
      if lo <= hi { out.append(lo...hi) }
      if a[i].upperBound < b[j].upperBound { i += 1 } else if b[j].upperBound < a[i].upperBound { j += 1 } else { i += 1; j += 1 }
    }
    return out
  }

  /// Number ranges sorted by their lower end, overlapping ones joined (the same set of values).
  static func joined(_ ranges: [NumberRange]) -> [NumberRange] {
    let sorted = ranges.filter { r in r.lo < r.hi || (r.lo == r.hi && r.loInclusive && r.hiInclusive) }
      .sorted { $0.lo != $1.lo ? $0.lo < $1.lo : ($0.loInclusive && !$1.loInclusive) }
    var out: [NumberRange] = []
    out.reserveCapacity(sorted.count)
    for r in sorted {
      if var last = out.last, r.lo < last.hi || (r.lo == last.hi && (r.loInclusive || last.hiInclusive)) {
        if r.hi > last.hi {
          last.hi = r.hi
          last.hiInclusive = r.hiInclusive
        } else if r.hi == last.hi {
          last.hiInclusive = last.hiInclusive || r.hiInclusive
        }
        out[out.count - 1] = last
      } else {
        out.append(r)
      }
    }
    return out
  }

  /// Date ranges sorted, overlapping or adjacent ones joined.
  static func joined(_ ranges: [ClosedRange<Int32>]) -> [ClosedRange<Int32>] {
    var out: [ClosedRange<Int32>] = []
    for r in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
      if let last = out.last, Int64(r.lowerBound) <= Int64(last.upperBound) + 1 {
        out[out.count - 1] = last.lowerBound...max(last.upperBound, r.upperBound)
      } else {
        out.append(r)
      }
    }
    return out
  }

  /// How many matched values an atom keeps for explain to print.
  static let shownLimit = 8

  static func kindName(_ k: FieldKind) -> String {
    switch k {
    case .text: return "text"
    case .place: return "a place"
    case .integer, .number: return "a number"
    case .money: return "money"
    case .quantity: return "a quantity"
    case .area: return "an area"
    case .date: return "a date"
    case .textList: return "a list"
    case .span: return "a span"
    }
  }
}
