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
    let less = Execution.rowLess(keys, t)
    if k <= 0 { return [] }
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
  /// quantity columns.
  func project(_ ids: [UInt32], _ fields: [FieldRef], _ t: Table) -> ResultSet {
    var columns: [ResultColumn] = []
    for f in fields {
      var units: [String?]? = nil
      switch f.kind {
      case .money(let u), .quantity(let u):
        if let uc = t.column(u), case .text(let c) = uc { units = ids.map { c.text(Int($0)) } }
      default: break
      }
      columns.append(ResultColumn(name: f.name, kind: f.kind, units: units))
    }
    let cols = fields.map { t.columns[$0.position] }
    var rows: [[Value]] = []
    rows.reserveCapacity(ids.count)
    for r in ids { rows.append(cols.map { $0.value(Int(r)) }) }
    return ResultSet(columns: columns, rows: rows)
  }
}
