import FactStore
import NewsFacts

/// Predicate rules (product.md §3), decided here:
/// - text `=`/`in` fold both sides; `<`… compare folded text in pinyin order.
/// - lists: `=`/`in` hold when some element equals; `contains` when some element contains
///   the text as a substring (`titles contains "书记"` finds 区委副书记); `like` when some
///   element matches.
/// - place fields take `=`, `!=`, `in` through the resolver; `contains`/`like` compare
///   them as plain text; ordering comparisons are errors.
/// - every atom is unknown on a null field, so `!=` and `not` skip nulls.
extension Binder {
  /// The virtual field `place` of located entities.
  static func placeField(_ entity: Entity) -> FieldRef {
    FieldRef(entity: entity, position: -1, name: "place", kind: .place(level: nil))
  }

  mutating func bindPredicate(_ p: Predicate, entity: Entity, negated neg: Bool) throws(Diagnostic) -> BoolExpr {
    let f: FieldRef
    if p.field.text.lowercased() == "place", Schema.field("place", of: entity) == nil, Binder.hasPlace(entity) {
      f = Binder.placeField(entity)
    } else {
      f = try field(p.field, of: entity)
    }
    switch p.test {
    case .isNull(let n):
      return isNull(f, negated: n != neg)
    case .compare(let op, let l):
      return try compare(f, op, l, negated: neg)
    case .inList(let ls, let n):
      let eff = n != neg
      var parts: [BoolExpr] = []
      for l in ls { parts.append(try compare(f, .equal, l, negated: eff)) }
      if parts.isEmpty { return emptyAtom(f, negated: eff) }
      return Binder.combine(parts, isAnd: eff)
    case .inQuery(let q, let n):
      var sub = Binder(context: context, parameters: parameters, depth: depth + 1)
      let plan = try Planner.planQuery(q, binder: &sub)
      notes.append(contentsOf: sub.notes)
      guard case .find = plan.kind, plan.show.count == 1 else {
        throw Diagnostic("a subquery must find exactly one field", at: q.range, hint: "find … show name")
      }
      subplans.append(plan.root)
      return .atom(.subquery(f, slot: subplans.count, negated: n != neg))
    case .between(let a, let b):
      return try between(f, a, b, negated: neg, range: p.range)
    case .contains(let l, let n):
      let s = TextOrder.fold(try text(of: l))
      return try textMatch(f, l, negated: n != neg, op: "contains", substring: s) { TextMatch.contains($0, s) }
    case .like(let l, let n):
      let s = TextOrder.fold(try text(of: l))
      if case .date = f.kind { return likeDate(f, s, negated: n != neg) }
      return try textMatch(f, l, negated: n != neg, op: "like") { TextMatch.like($0, s) }
    }
  }

  func field(named name: String, _ entity: Entity) -> FieldRef {
    let fields = Schema.fields(of: entity)
    let i = fields.firstIndex { $0.name == name } ?? 0
    return FieldRef(entity: entity, position: i, name: fields[i].name, kind: fields[i].kind)
  }

  func column(_ f: FieldRef) -> Column? {
    let t = context.snapshot.table(f.entity)
    guard f.position >= 0, f.position < t.columns.count else { return nil }
    return t.columns[f.position]
  }

  /// The dictionary codes of `f` whose folded value satisfies `test` (or contains `substring`).
  func codes(_ f: FieldRef, substring: String? = nil, where test: (String) -> Bool) -> [UInt32] {
    guard let d = column(f)?.dictionary else { return [] }
    if let substring { return d.codes(foldedContaining: substring) }
    var out: [UInt32] = []
    for (i, s) in d.folded.enumerated() where test(s) { out.append(UInt32(i)) }
    return out
  }

  /// An atom testing `f` against `codes`, with the values explain prints.
  func codesAtom(_ f: FieldRef, _ codes: [UInt32], negated: Bool) -> BoolExpr {
    var c = codes
    RowIDs.normalize(&c)
    let d = column(f)?.dictionary
    let shown = c.prefix(Binder.shownLimit).map { d?.values[Int($0)] ?? "" }
    return .atom(.codes(f, codes: c, shown: Array(shown), negated: negated))
  }

  func isNull(_ f: FieldRef, negated: Bool) -> BoolExpr {
    guard f.position < 0 else { return .atom(.isNull(f, negated: negated)) }
    let cols = Schema.hierarchyFields.filter { Schema.field($0, of: f.entity) != nil }.map { field(named: $0, f.entity) }
    // `place is null`: no level known; `place is not null`: some level known.
    return Binder.combine(cols.map { .atom(.isNull($0, negated: negated)) }, isAnd: !negated)
  }

  mutating func compare(_ f: FieldRef, _ op0: ComparisonOperator, _ l: Literal, negated neg0: Bool) throws(Diagnostic) -> BoolExpr {
    var op = op0, neg = neg0
    if op == .notEqual { op = .equal; neg.toggle() }
    if f.position < 0 {
      guard op == .equal else { throw Diagnostic("place takes =, != and in", at: l.range) }
      return try placeAnywhere(f, l, negated: neg)
    }
    switch f.kind {
    case .text:
      let s = TextOrder.fold(try text(of: l))
      if op == .equal { return codesAtom(f, column(f)?.dictionary?.lookup[s] ?? [], negated: neg) }
      return codesAtom(f, codes(f) { v in Binder.order(v, op, s) }, negated: neg)
    case .textList:
      guard op == .equal else {
        throw Diagnostic("lists take =, !=, in, contains and like", at: l.range, hint: "\(f.name) contains \(l.text)")
      }
      let s = TextOrder.fold(try text(of: l))
      return codesAtom(f, column(f)?.dictionary?.lookup[s] ?? [], negated: neg)
    case .place(let level):
      guard op == .equal else {
        throw Diagnostic("place fields take =, != and in", at: l.range)
      }
      return try placeEquals(f, level: level, l, negated: neg)
    case .integer, .number, .money, .quantity, .area:
      let (v, units) = try numeric(f, l)
      let r: NumberRange
      switch op {
      case .equal, .notEqual: r = NumberRange(lo: v, hi: v)
      case .less: r = NumberRange(hi: v, hiInclusive: false)
      case .lessOrEqual: r = NumberRange(hi: v)
      case .greater: r = NumberRange(lo: v, loInclusive: false)
      case .greaterOrEqual: r = NumberRange(lo: v)
      }
      return withUnits(f, units, .atom(.numbers(f, ranges: [r], negated: neg)))
    case .date:
      switch try dateOperand(f, l) {
      case .exact(let o):
        guard op == .equal else {
          throw Diagnostic("a date without a year only compares with = and !=", at: l.range, hint: "or use like \"%-07-18\"")
        }
        return .atom(.dates(f, ranges: [o...o], knownOnly: false, negated: neg))
      case .period(let a, let b):
        let top = DateColumn.unknownYearBase - 1
        let lo: Int32, hi: Int32
        switch op {
        case .equal, .notEqual: (lo, hi) = (a, b)
        case .less: (lo, hi) = (0, DateColumn.previousDay(a))
        case .lessOrEqual: (lo, hi) = (0, b)
        case .greater: (lo, hi) = (DateColumn.nextDay(b), top)
        case .greaterOrEqual: (lo, hi) = (a, top)
        }
        return .atom(.dates(f, ranges: lo <= hi ? [lo...hi] : [], knownOnly: true, negated: neg))
      }
    case .span:
      throw Diagnostic("span only takes 'is null'", at: l.range)
    }
  }

  /// The number atom of a money or quantity field, and'ed with its unit test: a row in
  /// another currency or unit is unknown, so negation keeps the unit test positive.
  func withUnits(_ f: FieldRef, _ units: [String]?, _ e: BoolExpr) -> BoolExpr {
    guard let units else { return e }
    let unitField: String
    switch f.kind {
    case .money(let c): unitField = c
    case .quantity(let u): unitField = u
    default: return e
    }
    let uf = field(named: unitField, f.entity)
    let wanted = Set(units.map(TextOrder.fold))
    return .and([codesAtom(uf, codes(uf) { wanted.contains($0) }, negated: false), e])
  }

  /// Text order for `<`, `<=`, `>`, `>=` on folded values (pinyin, then code point).
  static func order(_ v: String, _ op: ComparisonOperator, _ s: String) -> Bool {
    let lt = TextOrder.less(v, s) || (!TextOrder.less(s, v) && TextOrder.codePointLess(v, s))
    let gt = v != s && !lt
    switch op {
    case .less: return lt
    case .lessOrEqual: return !gt
    case .greater: return gt
    case .greaterOrEqual: return !lt
    case .equal: return v == s
    case .notEqual: return v != s
    }
  }

  mutating func between(_ f: FieldRef, _ a: Literal, _ b: Literal, negated: Bool, range: SourceRange) throws(Diagnostic) -> BoolExpr {
    switch f.kind {
    case .integer, .number, .money, .quantity, .area:
      let (x, ux) = try numeric(f, a)
      let (y, uy) = try numeric(f, b)
      if let ux, let uy, ux != uy { throw Diagnostic("between needs two values of the same unit", at: b.range) }
      return withUnits(f, ux ?? uy, .atom(.numbers(f, ranges: [NumberRange(lo: x, hi: y)], negated: negated)))
    case .date:
      guard case .period(let x, _) = try dateOperand(f, a) else {
        throw Diagnostic("a date without a year only compares with = and !=", at: a.range)
      }
      guard case .period(_, let y) = try dateOperand(f, b) else {
        throw Diagnostic("a date without a year only compares with = and !=", at: b.range)
      }
      return .atom(.dates(f, ranges: x <= y ? [x...y] : [], knownOnly: true, negated: negated))
    case .text:
      let x = TextOrder.fold(try text(of: a)), y = TextOrder.fold(try text(of: b))
      return codesAtom(f, codes(f) { Binder.order($0, .greaterOrEqual, x) && Binder.order($0, .lessOrEqual, y) }, negated: negated)
    default:
      throw Diagnostic("between needs a number, date or text field; '\(f.name)' is \(Binder.kindName(f.kind))", at: range)
    }
  }

  /// `substring`: the folded text of a `contains`, found by a scan of the dictionary's bytes.
  func textMatch(_ f: FieldRef, _ l: Literal, negated: Bool, op: String, substring: String? = nil,
                 _ test: (String) -> Bool) throws(Diagnostic) -> BoolExpr {
    switch f.kind {
    case .text, .place, .textList:
      if f.position < 0 {
        let cols = Schema.hierarchyFields.filter { Schema.field($0, of: f.entity) != nil }.map { field(named: $0, f.entity) }
        return Binder.combine(cols.map { codesAtom($0, codes($0, substring: substring, where: test), negated: negated) }, isAnd: negated)
      }
      return codesAtom(f, codes(f, substring: substring, where: test), negated: negated)
    default:
      throw Diagnostic("\(op) needs a text or list field; '\(f.name)' is \(Binder.kindName(f.kind))", at: l.range)
    }
  }

  /// `date like "2019-05-%"`: the dates whose ISO form matches, including dates without a year.
  func likeDate(_ f: FieldRef, _ pattern: String, negated: Bool) -> BoolExpr {
    var ranges: [ClosedRange<Int32>] = []
    if case .date(let c)? = column(f) {
      var prev = DateColumn.null
      for r in c.sorted {
        let o = c.ordinals[Int(r)]
        if o == prev { continue }
        prev = o
        if TextMatch.like(DateColumn.date(o).description, pattern) { ranges.append(o...o) }
      }
    }
    return .atom(.dates(f, ranges: ranges, knownOnly: false, negated: negated))
  }

  /// `field in (values)` for values a subquery returned: each value as a literal; values
  /// that cannot compare with the field are skipped.
  mutating func bindValues(_ f: FieldRef, _ values: [Value], negated: Bool) -> BoolExpr {
    if let atom = textValuesAtom(f, values, negated: negated) { return atom }
    var lits: [Literal] = []
    var seen = Set<Value>()
    for v in values where seen.insert(v).inserted {
      switch v {
      case .text(let s): lits.append(Literal(.string(s), text: s, range: 0..<0))
      case .integer(let i): lits.append(Literal(.number(Double(i)), text: String(i), range: 0..<0))
      case .number(let d): lits.append(Literal(.number(d), text: Value.format(d), range: 0..<0))
      case .date(let d): lits.append(Literal(.string(d.description), text: d.description, range: 0..<0))
      case .list(let xs): for s in xs { lits.append(Literal(.string(s), text: s, range: 0..<0)) }
      case .null, .span: break
      }
    }
    var parts: [BoolExpr] = []
    for l in lits {
      if let e = try? compare(f, .equal, l, negated: negated) { parts.append(e) }
    }
    if parts.isEmpty { return emptyAtom(f, negated: negated) }
    return Binder.combine(parts, isAnd: negated)
  }

  /// `in` over a subquery's text values on a text or list field: one atom of the union of
  /// each value's codes, with the values shown as merging one `=` atom per value shows them —
  /// the same atom `compare` and `combine` make, without a literal, an atom and a merge per
  /// value (a subquery's column may hold thousands). Nil for other fields and values.
  func textValuesAtom(_ f: FieldRef, _ values: [Value], negated: Bool) -> BoolExpr? {
    guard f.position >= 0, let d = column(f)?.dictionary else { return nil }
    switch f.kind {
    case .text, .textList: break
    default: return nil
    }
    var all: [UInt32] = []
    var shown: [String] = []
    func add(_ s: String) {
      guard var codes = d.lookup[TextOrder.fold(s)] else { return }
      RowIDs.normalize(&codes)
      for c in codes.prefix(Binder.shownLimit) where shown.count < Binder.shownLimit {
        let v = d.values[Int(c)]
        if !shown.contains(v) { shown.append(v) }
      }
      all.append(contentsOf: codes)
    }
    for v in values {
      switch v {
      case .text(let s): add(s)
      case .list(let xs): for s in xs { add(s) }
      case .null: continue
      default: return nil
      }
    }
    RowIDs.normalize(&all)
    return .atom(.codes(f, codes: all, shown: shown, negated: negated))
  }

  /// An atom no row satisfies (its negation: every row with a value).
  func emptyAtom(_ f0: FieldRef, negated: Bool) -> BoolExpr {
    let f = f0.position < 0 ? field(named: "city", f0.entity) : f0
    switch f.kind {
    case .integer, .number, .money, .quantity, .area: return .atom(.numbers(f, ranges: [], negated: negated))
    case .date: return .atom(.dates(f, ranges: [], knownOnly: false, negated: negated))
    case .span: return .atom(.isNull(f, negated: !negated))
    case .text, .place, .textList: return codesAtom(f, [], negated: negated)
    }
  }
}
