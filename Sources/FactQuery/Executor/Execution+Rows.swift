import FactStore
import NewsFacts

extension Execution {
  /// A comparison of rows by `keys`, ties in document order.
  static func rowLess(_ keys: [OrderSpec], _ t: Table) -> (UInt32, UInt32) -> Bool {
    let specs: [(Column, Bool, Bool)] = keys.compactMap { s in
      guard case .field(let f) = s.target, f.position >= 0, f.position < t.columns.count else { return nil }
      if case .date = f.kind { return (t.columns[f.position], true, s.descending) }
      return (t.columns[f.position], false, s.descending)
    }
    return { a, b in
      for (col, isDate, desc) in specs {
        let c = KeyEncoding.compare(KeyEncoding.key(col, Int(a)), KeyEncoding.key(col, Int(b)), isDate: isDate, descending: desc)
        if c != 0 { return c < 0 }
      }
      return a < b
    }
  }

  func sortRows(_ ids: inout [UInt32], _ keys: [OrderSpec], _ t: Table) throws(QueryError) {
    try Execution.sort(&ids, isCancelled: context.isCancelled, by: Execution.rowLess(keys, t))
  }

  /// The first `k` rows in order, through a heap of `k` (the worst on top).
  func topK(_ ids: [UInt32], _ keys: [OrderSpec], _ k: Int, _ t: Table) throws(QueryError) -> [UInt32] {
    if k <= 0 { return [] }
    if keys.count == 1, k < ids.count, case .field(let f) = keys[0].target, f.position >= 0, f.position < t.columns.count,
       let out = try sortedTopK(ids, t.columns[f.position], descending: keys[0].descending, k, rowCount: t.rowCount) {
      return out
    }
    let less = Execution.rowLess(keys, t)
    if k >= ids.count {
      var all = ids
      try Execution.sort(&all, isCancelled: context.isCancelled, by: less)
      return all
    }
    var heap: [UInt32] = []
    heap.reserveCapacity(k)
    func siftUp(_ i0: Int) {
      var i = i0
      while i > 0 {
        let p = (i - 1) / 2
        if less(heap[p], heap[i]) { heap.swapAt(p, i); i = p } else { break }
      }
    }
    func siftDown(_ i0: Int) {
      var i = i0
      while true {
        let l = 2 * i + 1, r = l + 1
        var m = i
        if l < heap.count && less(heap[m], heap[l]) { m = l }
        if r < heap.count && less(heap[m], heap[r]) { m = r }
        if m == i { return }
        heap.swapAt(i, m)
        i = m
      }
    }
    for (i, r) in ids.enumerated() {
      try checkCancelled(i)
      if heap.count < k {
        heap.append(r)
        siftUp(heap.count - 1)
      } else if less(r, heap[0]) {
        heap[0] = r
        siftDown(0)
      }
    }
    heap.sort(by: less)
    return heap
  }

  /// The first `k` of `ids` by one number or date key, read off the column's sorted order
  /// instead of comparing rows: the walk stops after `k` members of `ids`. Ties keep row
  /// order, nulls come last and dates without a year after dated ones in either direction
  /// (`KeyEncoding.compare`). Nil when the column has no sorted order or `ids` is too sparse
  /// for the walk to pay (a heap over `ids` is cheaper then).
  func sortedTopK(_ ids: [UInt32], _ col: Column, descending: Bool, _ k: Int, rowCount: Int) throws(QueryError) -> [UInt32]? {
    guard let w = Execution.sortedWalk(col) else { return nil }
    guard ids.count.multipliedReportingOverflow(by: 16).partialValue >= w.n else { return nil }
    var member = [UInt64](repeating: 0, count: (rowCount + 63) >> 6)
    for r in ids where Int(r) < rowCount { member[Int(r) >> 6] |= 1 << UInt64(r & 63) }
    var out = try walk(w, descending: descending, k) { p throws(QueryError) in
      let r = w.at(p)
      return member[Int(r) >> 6] & (1 << UInt64(r & 63)) != 0
    }
    if out.count < k {
      for r in ids where w.isNull(Int(r)) {
        out.append(r)
        if out.count == k { break }
      }
    }
    return out
  }

  /// A column's sorted order as the top-k walk reads it: positions, the row at a position,
  /// the segments walked one after the other (dated before year-less dates), equal values and
  /// unknown values.
  struct SortedWalk {
    let n: Int
    let at: (Int) -> UInt32
    let segments: [Range<Int>]
    let same: (UInt32, UInt32) -> Bool
    let isNull: (Int) -> Bool
  }

  static func sortedWalk(_ col: Column) -> SortedWalk? {
    switch col {
    case .number(let c):
      let sr = c.sorted
      let vs = c.values
      return SortedWalk(n: sr.count, at: { sr[$0] }, segments: [0..<sr.count],
                        same: { vs[Int($0)] == vs[Int($1)] }, isNull: { !c.present[$0] })
    case .date(let c):
      let ds = c.sorted
      let n = ds.count
      let os = c.ordinals
      var lo = 0, hi = n
      while lo < hi {
        let mid = (lo + hi) >> 1
        if os[Int(ds[mid])] < DateColumn.unknownYearBase { lo = mid + 1 } else { hi = mid }
      }
      return SortedWalk(n: n, at: { ds[$0] }, segments: [0..<lo, lo..<n],
                        same: { os[Int($0)] == os[Int($1)] }, isNull: { os[$0] == DateColumn.null })
    default:
      return nil
    }
  }

  /// The first `k` rows of the walk (runs of equal values in row order, backwards when
  /// descending) whose position passes `isMember`.
  func walk(_ w: SortedWalk, descending: Bool, _ k: Int,
            isMember: (Int) throws(QueryError) -> Bool) throws(QueryError) -> [UInt32] {
    var out: [UInt32] = []
    out.reserveCapacity(k)
    var steps = 0
    for seg in w.segments where out.count < k {
      if descending {
        // Backwards by runs of equal values, each run in row order.
        var hi = seg.upperBound
        while hi > seg.lowerBound && out.count < k {
          var lo = hi - 1
          while lo > seg.lowerBound && w.same(w.at(lo - 1), w.at(hi - 1)) { lo -= 1 }
          for p in lo..<hi where try isMember(p) {
            out.append(w.at(p))
            if out.count == k { break }
          }
          steps += hi - lo
          if steps > 0xFFF { steps = 0; if context.isCancelled() { throw .cancelled } }
          hi = lo
        }
      } else {
        for p in seg {
          try checkCancelled(p)
          if try isMember(p) {
            out.append(w.at(p))
            if out.count == k { break }
          }
        }
      }
    }
    return out
  }

  /// `order by <number or date> limit k` over a selection that is dense in the table, without
  /// building the selection: the column's sorted order is walked from the top and the
  /// selection's condition is tested on blocks of 1,024 positions as the walk reaches them.
  /// Nil (the caller builds the selection) when the selection is not a plain condition, is
  /// sparse, or the walk finds fewer than `k` rows with a value.
  mutating func lazyTopK(_ child: PlanNode, _ keys: [OrderSpec], _ k: Int, _ t: Table) throws(QueryError) -> [UInt32]? {
    guard k > 0, keys.count == 1, case .field(let f) = keys[0].target, f.position >= 0, f.position < t.columns.count,
          let cond = Execution.condition(of: child),
          let w = Execution.sortedWalk(t.columns[f.position]),
          child.estimate.multipliedReportingOverflow(by: 16).partialValue >= w.n else { return nil }
    let block = 1024
    var member = [UInt64](repeating: 0, count: (t.rowCount + 63) >> 6)
    var evaluated = [Bool](repeating: false, count: (w.n + block - 1) / block)
    var ex = self
    let out = try walk(w, descending: keys[0].descending, k) { p throws(QueryError) in
      let b = p / block
      if !evaluated[b] {
        var rows = (b * block..<min(w.n, (b + 1) * block)).map { w.at($0) }
        rows.sort()
        var hit = rows
        if let x = cond { hit = try ex.select(x, rows, t) }
        for r in hit { member[Int(r) >> 6] |= 1 << UInt64(r & 63) }
        evaluated[b] = true
      }
      let r = w.at(p)
      return member[Int(r) >> 6] & (1 << UInt64(r & 63)) != 0
    }
    return out.count == k ? out : nil
  }

  /// The condition a selection subtree stands for: `.some(nil)` for every row (a scan),
  /// nil when the subtree is not made of lookups, range scans, intersections, unions and
  /// filters without subqueries.
  static func condition(of n: PlanNode) -> BoolExpr?? {
    switch n.op {
    case .scan: return .some(nil)
    case .indexLookup(let a), .rangeScan(let a): return .atom(a)
    case .intersect, .union:
      var parts: [BoolExpr] = []
      for c in n.children {
        guard let x = condition(of: c) else { return nil }
        guard let e = x else {
          if case .union = n.op { return .some(nil) }
          continue
        }
        parts.append(e)
      }
      if parts.isEmpty { return .some(nil) }
      if case .union = n.op { return .or(parts) }
      return .and(parts)
    case .filter(let x):
      guard n.children.count == 1, let inner = condition(of: n.children[0]) else { return nil }
      guard let e = inner else { return x }
      return .and([e, x])
    default:
      return nil
    }
  }

  /// Rows whose values of `fields` differ from every earlier row's (first one kept).
  func distinct(_ ids: [UInt32], _ fields: [FieldRef], _ t: Table) -> [UInt32] {
    var seen = Set<[UInt64]>()
    var out: [UInt32] = []
    let cols = fields.map { t.columns[$0.position] }
    for r in ids {
      var key: [UInt64] = []
      key.reserveCapacity(cols.count)
      for c in cols {
        if case .list(let l) = c {
          key.append(l.present[Int(r)] ? UInt64(l.codes(Int(r)).count) : KeyEncoding.null)
          for e in l.codes(Int(r)) { key.append(UInt64(e)) }
        } else if case .span(let s) = c {
          key.append(s.present[Int(r)] ? UInt64(truncatingIfNeeded: s.starts[Int(r)]) : KeyEncoding.null)
          key.append(UInt64(truncatingIfNeeded: s.ends[Int(r)]))
        } else {
          key.append(KeyEncoding.key(c, Int(r)))
        }
      }
      if seen.insert(key).inserted { out.append(r) }
    }
    return out
  }

  /// Result rows of `fields` for `ids`, with each row's currency or unit for money and
  /// quantity columns. Made column by column (each column's storage read in one tight loop, no
  /// per-value dispatch on the column's kind): text and lists as their codes, other values
  /// straight into the result's column arrays; no array per row, no string per value.
  func project(_ ids: [UInt32], _ fields: [FieldRef], _ t: Table) -> ResultSet {
    var columns: [ResultColumn] = []
    for f in fields {
      var units: [String?]? = nil
      switch f.kind {
      case .money(let u), .quantity(let u):
        if let uc = t.column(u), case .text(let c) = uc {
          // A handful of units (CNY, USD, 万元 …): each built once.
          let codes = c.codes
          var cache = CodeStrings(c.dictionary.values, expected: ids.count)
          units = ids.map { r in
            let k = codes[Int(r)]
            return k == TextColumn.null ? nil : cache.string(k)
          }
        }
      default: break
      }
      columns.append(ResultColumn(name: f.name, kind: f.kind, units: units))
    }
    let values: [ResultValues] = fields.map { f in
      guard f.position >= 0, f.position < t.columns.count else {
        return ResultValues([Value](repeating: .null, count: ids.count))
      }
      return Execution.values(t.columns[f.position], ids)
    }
    return ResultSet(columns: columns, rows: ResultRows(byColumn: values, count: ids.count))
  }

  /// The values of `col` at `ids`, in order: text and lists as codes into the column's
  /// dictionary (decoded when read), numbers, dates and spans as values.
  static func values(_ col: Column, _ ids: [UInt32]) -> ResultValues {
    switch col {
    case .text(let c):
      let codes = c.codes
      if ids.count > 1 && TextValues.repeats(c.statistics) {
        var cache = CodeStrings(c.dictionary.values, expected: ids.count)
        let at = ids.map { r in
          let k = codes[Int(r)]
          return k == TextColumn.null ? k : cache.position(k)
        }
        return ResultValues(strings: cache.built, at: at)
      }
      return ResultValues(table: c.dictionary.values, codes: ids.map { codes[Int($0)] })
    case .list(let c):
      let offsets = c.offsets, elements = c.elements
      var bounds: [Int32] = []
      bounds.reserveCapacity(ids.count + 1)
      var picked: [UInt32] = []
      for r in ids {
        let row = Int(r)
        let present = c.present[row]
        bounds.append(ResultValues.listBound(picked.count, present: present))
        if present { picked.append(contentsOf: elements[Int(offsets[row])..<Int(offsets[row + 1])]) }
      }
      bounds.append(ResultValues.listBound(picked.count, present: true))
      return ResultValues(table: c.dictionary.values, bounds: bounds, elements: picked)
    case .number(let c):
      let values = c.values, integer = c.isInteger
      return filled(ids) { r in
        guard c.present[r] else { return .null }
        let d = values[r]
        if integer, let n = Int64(exactly: d) { return .integer(n) }
        return .number(d)
      }
    case .date(let c):
      let ordinals = c.ordinals
      return filled(ids) { r in
        let o = ordinals[r]
        return o == DateColumn.null ? .null : .date(DateColumn.date(o))
      }
    case .span(let c):
      let starts = c.starts, ends = c.ends
      return filled(ids) { r in c.present[r] ? .span(Int(starts[r]), Int(ends[r])) : .null }
    }
  }

  /// The value of each row of `ids`, made straight into the result's array (no growth, no copy).
  @inline(__always)
  static func filled(_ ids: [UInt32], _ value: (Int) -> Value) -> ResultValues {
    let n = ids.count
    return ResultValues([Value](unsafeUninitializedCapacity: n) { out, count in
      for (i, r) in ids.enumerated() { out.initializeElement(at: i, to: value(Int(r))) }
      count = n
    })
  }
}
