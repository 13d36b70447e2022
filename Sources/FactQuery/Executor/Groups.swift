import FactStore
import NewsFacts

/// Groups built by counting or aggregating: one key (encoded parts of the `by` fields, plus
/// the unit part for money and quantities) with its count and aggregate value.
struct Groups {
  var keys: [GroupKey] = []
  var counts: [Int] = []
  var values: [Double?] = []
  /// Number of `by` fields; the unit part (when `hasUnit`) follows them.
  var byCount: Int { fields.count }
  var hasUnit: Bool { unitField != nil }
  /// The `by` fields.
  var fields: [FieldRef]
  /// The aggregate computed, nil for counts.
  var aggregate: (AggregateFunction, FieldRef)?
  /// The currency or unit field grouped on after the `by` fields (money and quantities).
  var unitField: FieldRef?
  var count: Int { keys.count }

  init(fields: [FieldRef], aggregate: (AggregateFunction, FieldRef)? = nil, unitField: FieldRef? = nil) {
    self.fields = fields
    self.aggregate = aggregate
    self.unitField = unitField
  }

  static func single(count: Int) -> Groups {
    var g = Groups(fields: [])
    g.keys = [GroupKey()]
    g.counts = [count]
    g.values = [nil]
    return g
  }

  /// The rules for an aggregate without `by`, whichever path built it: the currencies or units
  /// in their order (unknown last), not as met; with no unit either, one row (a null aggregate)
  /// even when nothing matched.
  mutating func finishUngroupedAggregate(isCancelled: () -> Bool) throws(QueryError) {
    guard fields.isEmpty else { return }
    if unitField != nil {
      try sort([], isCancelled: isCancelled)
    } else if keys.isEmpty {
      keys = [GroupKey()]
      counts = [0]
      values = [nil]
    }
  }

  /// `count E by f` straight from the index: one group per code, plus the nulls.
  static func fromIndex(_ f: FieldRef, _ col: Column) -> Groups {
    var g = Groups(fields: [f])
    let index: Postings
    let dictSize: Int
    switch col {
    case .text(let c): index = c.index; dictSize = c.dictionary.count
    case .list(let c): index = c.index; dictSize = c.dictionary.count
    default: return g
    }
    for code in 0..<dictSize {
      let n = index.count(of: UInt32(code))
      guard n > 0 else { continue }
      var k = GroupKey()
      k.a = UInt64(code)
      g.keys.append(k)
      g.counts.append(n)
      g.values.append(nil)
    }
    let nulls = col.statistics.nulls
    if nulls > 0 {
      var k = GroupKey()
      k.a = KeyEncoding.null
      g.keys.append(k)
      g.counts.append(nulls)
      g.values.append(nil)
    }
    return g
  }

  mutating func keep(offset: Int, count: Int) {
    let lo = min(offset, keys.count)
    let hi = lo + min(count, keys.count - lo)
    keys = Array(keys[lo..<hi])
    counts = Array(counts[lo..<hi])
    values = Array(values[lo..<hi])
  }

  /// Orders the groups by `specs`, then by every key part ascending (nulls last).
  mutating func sort(_ specs: [OrderSpec], isCancelled: () -> Bool) throws(QueryError) {
    let isDate = fields.map { if case .date = $0.kind { return true } else { return false } }
    let parts = byCount + (hasUnit ? 1 : 0)
    let ks = keys, cs = counts, vs = values
    var order = Array(0..<keys.count)
    try Execution.sort(&order, isCancelled: isCancelled) { x, y in
      for s in specs {
        switch s.target {
        case .count:
          if cs[x] != cs[y] { return (cs[x] < cs[y]) != s.descending }
        case .aggregate:
          switch (vs[x], vs[y]) {
          case (nil, nil): break
          case (nil, _): return false
          case (_, nil): return true
          case (let a?, let b?): if a != b { return (a < b) != s.descending }
          }
        case .field(let f):
          guard let i = fields.firstIndex(of: f) else { continue }
          let c = KeyEncoding.compare(ks[x][i], ks[y][i], isDate: isDate[i], descending: s.descending)
          if c != 0 { return c < 0 }
        }
      }
      for i in 0..<parts {
        let c = KeyEncoding.compare(ks[x][i], ks[y][i], isDate: i < isDate.count && isDate[i], descending: false)
        if c != 0 { return c < 0 }
      }
      return x < y
    }
    keys = order.map { ks[$0] }
    counts = order.map { cs[$0] }
    values = order.map { vs[$0] }
  }

  /// The groups as result rows: the `by` fields, then `count` or the aggregate (with each
  /// row's currency or unit for money and quantities).
  func resultSet(table: Table) -> ResultSet {
    var columns: [ResultColumn] = fields.map { f in
      if case .textList = f.kind { return ResultColumn(name: f.name, kind: .text) }
      return ResultColumn(name: f.name, kind: f.kind)
    }
    var rows: [[Value]] = []
    rows.reserveCapacity(keys.count)
    let cols = fields.map { table.columns[$0.position] }
    for (g, k) in keys.enumerated() {
      var row: [Value] = []
      row.reserveCapacity(fields.count + 1)
      for (i, c) in cols.enumerated() { row.append(KeyEncoding.value(k[i], c)) }
      if let (fn, f) = aggregate {
        if let v = values[g] {
          switch f.kind {
          case .date: row.append(.date(DateColumn.date(Int32(clamping: Int64(v)))))
          case .integer where fn != .avg: row.append(Int64(exactly: v).map { .integer($0) } ?? .number(v))
          default: row.append(.number(v))
          }
        } else {
          row.append(.null)
        }
      } else {
        row.append(.integer(Int64(counts[g])))
      }
      rows.append(row)
    }
    if let (fn, f) = aggregate {
      var kind = f.kind
      if fn == .avg, kind == .integer { kind = .number }
      var units: [String?]? = nil
      if hasUnit, let uf = unitField, uf.position >= 0, uf.position < table.columns.count {
        let uc = table.columns[uf.position]
        units = keys.map { KeyEncoding.value($0[byCount], uc).text }
      }
      columns.append(ResultColumn(name: fn.rawValue, kind: kind, units: units))
    } else {
      columns.append(ResultColumn(name: "count", kind: .integer))
    }
    return ResultSet(columns: columns, rows: rows)
  }
}
