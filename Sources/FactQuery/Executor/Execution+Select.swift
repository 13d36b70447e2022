import FactStore
import NewsFacts

extension Execution {
  /// Rows holding one of the atom's codes, from the equality index (ascending).
  func lookup(_ a: Atom, _ t: Table) -> [UInt32] {
    guard case .codes(let f, let codes, _, _) = a, f.position >= 0, f.position < t.columns.count else { return [] }
    let index: Postings
    var mayRepeat = false
    switch t.columns[f.position] {
    case .text(let c): index = c.index
    case .list(let c): index = c.index; mayRepeat = true
    default: return []
    }
    if codes.count == 1 { return Array(index.rows(of: codes[0])) }
    if codes.count <= 8 {
      // A few ascending runs (临汾 and 临汾市): merged, cheaper than sorting their rows.
      var acc: [UInt32] = []
      for c in codes { acc = RowIDs.union(acc, Array(index.rows(of: c))) }
      return acc
    }
    var out: [UInt32] = []
    out.reserveCapacity(codes.reduce(0) { $0 + index.count(of: $1) })
    for c in codes { out.append(contentsOf: index.rows(of: c)) }
    if mayRepeat { RowIDs.normalize(&out) } else { out.sort() }
    return out
  }

  /// Rows whose number or date lies in the atom's ranges, from the sorted order (ascending).
  func rangeScan(_ a: Atom, _ t: Table) -> [UInt32] {
    guard a.field.position >= 0, a.field.position < t.columns.count else { return [] }
    var out: [UInt32] = []
    switch (a, t.columns[a.field.position]) {
    case (.numbers(_, let ranges, _), .number(let c)):
      for r in ranges { out.append(contentsOf: c.sorted[c.sortedRange(lo: r.lo, loInclusive: r.loInclusive, hi: r.hi, hiInclusive: r.hiInclusive)]) }
    case (.dates(_, let ranges, let knownOnly, _), .date(let c)):
      for r in ranges {
        let hi = knownOnly ? min(r.upperBound, DateColumn.unknownYearBase - 1) : r.upperBound
        if hi < r.lowerBound { continue }
        out.append(contentsOf: c.sorted[c.sortedRange(r.lowerBound, hi)])
      }
    default:
      return []
    }
    RowIDs.normalize(&out)
    return out
  }

  /// The rows of `ids` for which `x` holds (three-valued: unknown rows are dropped).
  mutating func select(_ x: BoolExpr, _ ids: [UInt32], _ t: Table) throws(QueryError) -> [UInt32] {
    switch x {
    case .atom(let a):
      return try atom(a, ids, t)
    case .and(let xs):
      var cur = ids
      for c in xs {
        if cur.isEmpty { break }
        cur = try select(c, cur, t)
      }
      return cur
    case .or(let xs):
      var acc: [UInt32] = []
      var rest = ids
      for c in xs {
        if rest.isEmpty { break }
        let hit = try select(c, rest, t)
        if hit.isEmpty { continue }
        acc = RowIDs.union(acc, hit)
        rest = Execution.difference(rest, hit)
      }
      return acc
    }
  }

  /// `a` minus `b`, both ascending, `b` a subset of `a`.
  static func difference(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
    var out: [UInt32] = []
    out.reserveCapacity(a.count - min(a.count, b.count))
    var j = 0
    for x in a {
      while j < b.count && b[j] < x { j += 1 }
      if j < b.count && b[j] == x { continue }
      out.append(x)
    }
    return out
  }

  /// The rows of `ids` for which the atom is true.
  func atom(_ a: Atom, _ ids: [UInt32], _ t: Table) throws(QueryError) -> [UInt32] {
    let pos = a.field.position
    guard pos >= 0, pos < t.columns.count else { return [] }
    var out: [UInt32] = []
    out.reserveCapacity(ids.count)
    switch (a, t.columns[pos]) {
    case (.codes(_, let codes, _, let neg), .text(let c)):
      var member = [Bool](repeating: false, count: c.dictionary.count)
      for k in codes where Int(k) < member.count { member[Int(k)] = true }
      let cc = c.codes
      for (i, r) in ids.enumerated() {
        try checkCancelled(i)
        let k = cc[Int(r)]
        if k != TextColumn.null && member[Int(k)] != neg { out.append(r) }
      }
    case (.codes(_, let codes, _, let neg), .list(let c)):
      var member = [Bool](repeating: false, count: c.dictionary.count)
      for k in codes where Int(k) < member.count { member[Int(k)] = true }
      for (i, r) in ids.enumerated() {
        try checkCancelled(i)
        let row = Int(r)
        guard c.present[row] else { continue }
        var hit = false
        for k in c.codes(row) where member[Int(k)] { hit = true; break }
        if hit != neg { out.append(r) }
      }
    case (.numbers(_, let ranges, let neg), .number(let c)):
      let vs = c.values
      let set = RangeSet<Double>(ranges)
      for (i, r) in ids.enumerated() {
        try checkCancelled(i)
        let row = Int(r)
        guard c.present[row] else { continue }
        if set.contains(vs[row]) != neg { out.append(r) }
      }
    case (.dates(_, let ranges, let knownOnly, let neg), .date(let c)):
      let os = c.ordinals
      let set = RangeSet<Int32>(ranges)
      for (i, r) in ids.enumerated() {
        try checkCancelled(i)
        let o = os[Int(r)]
        if o == DateColumn.null || (knownOnly && o >= DateColumn.unknownYearBase) { continue }
        if set.contains(o) != neg { out.append(r) }
      }
    case (.isNull(_, let neg), let col):
      for (i, r) in ids.enumerated() {
        try checkCancelled(i)
        if col.isNull(Int(r)) != neg { out.append(r) }
      }
    default:
      break
    }
    return out
  }
}
