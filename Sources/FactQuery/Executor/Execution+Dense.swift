import FactStore
import NewsFacts

/// Grouping by text columns without hashing: a group's slot is the tuple of its dictionary
/// codes read as one mixed-radix number (a column's null is its last digit), so counts and
/// sums live in flat arrays. Used when every `by` part is a scalar text or place column and the
/// slots fit `DenseKeys.limit`; other groupings take the hashed path of `Execution+Group`.
/// Groups come out in order of first appearance, as from the hashed path.
struct DenseKeys {
  /// At most this many slots (arrays of counts and sums of this length are allocated).
  static let limit = 1 << 16
  let codes: [[UInt32]]
  let radix: [Int]
  let size: Int

  init?(_ fields: [FieldRef], _ t: Table) {
    var codes: [[UInt32]] = []
    var radix: [Int] = []
    var size = 1
    for f in fields {
      guard f.position >= 0, f.position < t.columns.count, case .text(let c) = t.columns[f.position] else { return nil }
      codes.append(c.codes)
      radix.append(c.dictionary.count + 1)
      let (p, o) = size.multipliedReportingOverflow(by: c.dictionary.count + 1)
      guard !o, p <= DenseKeys.limit else { return nil }
      size = p
    }
    self.codes = codes
    self.radix = radix
    self.size = size
  }

  /// The slot of `row`.
  @inline(__always)
  func slot(_ row: Int) -> Int {
    var s = 0
    for j in codes.indices {
      let k = codes[j][row]
      s = s * radix[j] + (k == TextColumn.null ? radix[j] - 1 : Int(k))
    }
    return s
  }

  /// The group key of a slot (text keys are dictionary codes, `KeyEncoding.null` for null).
  func key(_ slot: Int) -> GroupKey {
    var k = GroupKey()
    var s = slot
    for j in codes.indices.reversed() {
      let d = s % radix[j]
      s /= radix[j]
      k[j] = d == radix[j] - 1 ? KeyEncoding.null : UInt64(d)
    }
    return k
  }
}

extension Execution {
  /// `count E [where …] by` text fields, or `count distinct f of E` for a text `f` with no
  /// `by`, through dense arrays; nil when the fields do not allow it.
  func denseGroupCount(_ ids: [UInt32], by: [FieldRef], distinct: FieldRef?, _ t: Table) throws(QueryError) -> Groups? {
    if let d = distinct {
      guard by.isEmpty, d.position >= 0, d.position < t.columns.count, case .text(let c) = t.columns[d.position] else { return nil }
      var seen = [Bool](repeating: false, count: c.dictionary.count)
      var n = 0
      let codes = c.codes
      for (i, r) in ids.enumerated() {
        try checkCancelled(i)
        let k = codes[Int(r)]
        if k != TextColumn.null, !seen[Int(k)] { seen[Int(k)] = true; n += 1 }
      }
      var g = Groups.single(count: n)
      g.fields = by
      return g
    }
    guard !by.isEmpty, let dk = DenseKeys(by, t) else { return nil }
    var counts = [Int](repeating: 0, count: dk.size)
    var order: [Int] = []
    for (i, r) in ids.enumerated() {
      try checkCancelled(i)
      let s = dk.slot(Int(r))
      if counts[s] == 0 { order.append(s) }
      counts[s] += 1
    }
    var g = Groups(fields: by)
    g.keys.reserveCapacity(order.count)
    for s in order {
      g.keys.append(dk.key(s))
      g.counts.append(counts[s])
      g.values.append(nil)
    }
    return g
  }

  /// `sum|avg|min|max f of E [by …]` for a numeric `f` grouped by text fields (and the
  /// currency or unit of money and quantities), through dense arrays; nil when not possible.
  /// Values are added in row order, so sums equal the hashed path's to the last bit.
  func denseAggregate(_ ids: [UInt32], _ fn: AggregateFunction, _ f: FieldRef, by: [FieldRef], _ t: Table) throws(QueryError) -> Groups? {
    guard f.position >= 0, f.position < t.columns.count, case .number(let col) = t.columns[f.position] else { return nil }
    var unitField: FieldRef? = nil
    switch f.kind {
    case .money(let u), .quantity(let u):
      if let p = t.fieldPosition(u) { unitField = FieldRef(entity: t.entity, position: p, name: u, kind: t.fields[p].kind) }
    default: break
    }
    let parts = by + (unitField.map { [$0] } ?? [])
    guard let dk = DenseKeys(parts, t) else { return nil }
    // A slot exists for every row met (a group whose rows hold no value keeps a null
    // aggregate, as in SQL); counts, sums and bounds cover the values only.
    var seen = [Bool](repeating: false, count: dk.size)
    var counts = [Int](repeating: 0, count: dk.size)
    var sums = [Double](repeating: 0, count: dk.size)
    var lows = [Double](repeating: 0, count: dk.size)
    var highs = [Double](repeating: 0, count: dk.size)
    var order: [Int] = []
    let values = col.values
    for (i, r) in ids.enumerated() {
      try checkCancelled(i)
      let row = Int(r)
      let s = dk.slot(row)
      if !seen[s] { seen[s] = true; order.append(s) }
      guard col.present[row] else { continue }
      let v = values[row]
      if counts[s] == 0 {
        lows[s] = v
        highs[s] = v
      } else {
        lows[s] = Swift.min(lows[s], v)
        highs[s] = Swift.max(highs[s], v)
      }
      counts[s] += 1
      sums[s] += v
    }
    var g = Groups(fields: by, aggregate: (fn, f), unitField: unitField)
    for s in order {
      g.keys.append(dk.key(s))
      g.counts.append(counts[s])
      guard counts[s] > 0 else { g.values.append(nil); continue }
      switch fn {
      case .sum: g.values.append(sums[s])
      case .avg: g.values.append(sums[s] / Double(counts[s]))
      case .min: g.values.append(lows[s])
      case .max: g.values.append(highs[s])
      }
    }
    try g.finishUngroupedAggregate(isCancelled: context.isCancelled)
    return g
  }
}
