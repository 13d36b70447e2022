import FactStore
import NewsFacts

extension Execution {
  /// How one `by` field yields key parts for a row: one part for a scalar (null included),
  /// one per distinct element for a list, and one null part for an unknown or empty list
  /// (like a scalar null), so grouping by a list counts each row once per value it holds.
  enum KeyPart {
    case scalar(Column)
    case list(ListColumn)
  }

  static func keyParts(_ fields: [FieldRef], _ t: Table) -> [KeyPart] {
    fields.map { f in
      let col = t.columns[f.position]
      if case .list(let l) = col { return .list(l) }
      return .scalar(col)
    }
  }

  /// Whether `row` of `l` has elements to group on (else it falls in the null group).
  @inline(__always)
  static func hasElements(_ l: ListColumn, _ row: Int) -> Bool {
    l.present[row] && !l.codes(row).isEmpty
  }

  /// Calls `body` with each key of `row`: the combinations of its fields' parts.
  @inline(__always)
  static func forEachKey(_ row: Int, _ parts: [KeyPart], _ counters: inout [Int], _ body: (GroupKey) -> Void) {
    var allScalar = true
    for p in parts { if case .list = p { allScalar = false; break } }
    var key = GroupKey()
    if allScalar {
      for (i, p) in parts.enumerated() { if case .scalar(let c) = p { key[i] = KeyEncoding.key(c, row) } }
      body(key)
      return
    }
    // Odometer over the list fields' elements.
    for i in counters.indices { counters[i] = 0 }
    while true {
      var repeated = false
      for (i, p) in parts.enumerated() {
        switch p {
        case .scalar(let c): key[i] = KeyEncoding.key(c, row)
        case .list(let l):
          if !hasElements(l, row) { key[i] = KeyEncoding.null } else {
            let xs = l.codes(row)
            let x = xs[xs.startIndex + counters[i]]
            key[i] = UInt64(x)
            // A name listed twice still counts its row once.
            if xs[xs.startIndex..<(xs.startIndex + counters[i])].contains(x) { repeated = true }
          }
        }
      }
      if !repeated { body(key) }
      var i = parts.count - 1
      while i >= 0 {
        if case .list(let l) = parts[i], hasElements(l, row) {
          counters[i] += 1
          if counters[i] < l.codes(row).count { break }
          counters[i] = 0
        }
        i -= 1
      }
      if i < 0 { return }
    }
  }

  /// `count [distinct f of] E by …` over `ids`.
  func groupCount(_ ids: [UInt32], by: [FieldRef], distinct: FieldRef?, _ t: Table) throws(QueryError) -> Groups {
    var g = Groups(fields: by)
    let parts = Execution.keyParts(by, t)
    var counters = [Int](repeating: 0, count: by.count)
    var slot: [GroupKey: Int] = [:]
    var sets: [Set<UInt64>] = []
    let dpart = distinct.map { Execution.keyParts([$0], t)[0] }
    if by.isEmpty {
      g.keys = [GroupKey()]
      g.counts = [0]
      g.values = [nil]
      slot[GroupKey()] = 0
      sets = [[]]
    }
    for (i, r) in ids.enumerated() {
      try checkCancelled(i)
      let row = Int(r)
      Execution.forEachKey(row, parts, &counters) { k in
        let s: Int
        if let x = slot[k] { s = x } else {
          s = g.keys.count
          slot[k] = s
          g.keys.append(k)
          g.counts.append(0)
          g.values.append(nil)
          if dpart != nil { sets.append([]) }
        }
        switch dpart {
        case nil: g.counts[s] += 1
        case .scalar(let c)?:
          let v = KeyEncoding.key(c, row)
          if v != KeyEncoding.null { sets[s].insert(v) }
        case .list(let l)?:
          for e in l.codes(row) { sets[s].insert(UInt64(e)) }
        }
      }
    }
    if dpart != nil { for i in g.counts.indices { g.counts[i] = sets[i].count } }
    return g
  }

  /// `sum|avg|min|max f of E [by …]` over `ids`, as SQL's `GROUP BY`: every group of the
  /// selected rows is kept, and rows without a value (null, or a date without a year) add
  /// nothing to it, so a group with no values answers null. Money and quantities also group
  /// by their currency or unit column (yuan and dollars never add up), so without `by` they
  /// answer one row per currency (none when no row is selected); any other aggregate without
  /// `by` answers exactly one row.
  func aggregate(_ ids: [UInt32], _ fn: AggregateFunction, _ f: FieldRef, by: [FieldRef], _ t: Table) throws(QueryError) -> Groups {
    var unitField: FieldRef? = nil
    switch f.kind {
    case .money(let u), .quantity(let u):
      if let p = t.fieldPosition(u) { unitField = FieldRef(entity: t.entity, position: p, name: u, kind: t.fields[p].kind) }
    default: break
    }
    var g = Groups(fields: by, aggregate: (fn, f), unitField: unitField)
    let parts = Execution.keyParts(by + (unitField.map { [$0] } ?? []), t)
    var counters = [Int](repeating: 0, count: parts.count)
    var slot: [GroupKey: Int] = [:]
    var sums: [Double] = []
    let col = t.columns[f.position]
    for (i, r) in ids.enumerated() {
      try checkCancelled(i)
      let row = Int(r)
      var value: Double? = nil
      switch col {
      case .number(let c):
        if c.present[row] { value = c.values[row] }
      case .date(let c):
        let o = c.ordinals[row]
        if o != DateColumn.null && o < DateColumn.unknownYearBase { value = Double(o) }
      default: break
      }
      Execution.forEachKey(row, parts, &counters) { k in
        let s: Int
        if let x = slot[k] { s = x } else {
          s = g.keys.count
          slot[k] = s
          g.keys.append(k)
          g.counts.append(0)
          g.values.append(nil)
          sums.append(0)
        }
        guard let v = value else { return }
        g.counts[s] += 1
        sums[s] += v
        switch fn {
        case .min: g.values[s] = Swift.min(g.values[s] ?? v, v)
        case .max: g.values[s] = Swift.max(g.values[s] ?? v, v)
        default: break
        }
      }
    }
    for s in g.keys.indices where g.counts[s] > 0 {
      switch fn {
      case .sum: g.values[s] = sums[s]
      case .avg: g.values[s] = sums[s] / Double(g.counts[s])
      default: break
      }
    }
    try g.finishUngroupedAggregate(isCancelled: context.isCancelled)
    return g
  }
}
