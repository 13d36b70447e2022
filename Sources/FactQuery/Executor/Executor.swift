import FactStore
import NewsFacts

/// Runs planned statements over a snapshot. Works on selection vectors (ascending row ids)
/// and column arrays; rows become values only when a result is built.
public enum Executor {
  /// Runs `p`. With `analyze`, an `explain` is run and measured even when planned without
  /// `analyze` (queries are unaffected). `export` and `explain sql` belong to the engine and
  /// are refused here.
  public static func run(_ p: PlannedStatement, context: QueryContext, analyze: Bool = false) throws(QueryError) -> ResultSet {
    var result: ResultSet
    switch p.action {
    case .query(let q):
      var ex = Execution(context: context, nodeCount: q.root.nodeCount, measure: false)
      result = try ex.result(q.root, entity: q.entity, kind: q.kind)
    case .explain(let q, let a):
      var metrics: [NodeMetrics]? = nil
      if a || analyze {
        var ex = Execution(context: context, nodeCount: q.root.nodeCount, measure: true)
        _ = try ex.result(q.root, entity: q.entity, kind: q.kind)
        metrics = ex.metrics
      }
      let lines = PlanText.lines(q.root, metrics: metrics)
      result = ResultSet(columns: [ResultColumn(name: "plan", kind: .text)], rows: lines.map { [.text($0)] })
    case .why(let e, let id, let range):
      result = try Executor.why(e, id: id, range: range, context: context)
    case .explainSQL(let q):
      throw .diagnostic(Diagnostic("explain sql is translated by the engine, not run", at: q.range))
    case .export(_, let range):
      throw .diagnostic(Diagnostic("export is carried out by the engine", at: range))
    }
    result.notes = p.notes
    return result
  }

  /// The plan lines of `explain analyze` for a query plan, with what each node did.
  public static func analyze(_ q: QueryPlan, context: QueryContext) throws(QueryError) -> (ResultSet, [NodeMetrics]) {
    var ex = Execution(context: context, nodeCount: q.root.nodeCount, measure: true)
    let r = try ex.result(q.root, entity: q.entity, kind: q.kind)
    return (r, ex.metrics)
  }
}

/// The state of one run: the context, and per-node measurements for `explain analyze`.
struct Execution {
  let context: QueryContext
  var metrics: [NodeMetrics]
  let measure: Bool

  init(context: QueryContext, nodeCount: Int, measure: Bool) {
    self.context = context
    self.metrics = Array(repeating: NodeMetrics(), count: nodeCount)
    self.measure = measure
  }

  /// What a node yields.
  enum Output {
    case rows([UInt32])
    case groups(Groups)
    case result(ResultSet)
  }

  /// Polls for cancellation every 4,096 rows of a loop (an atomic load: cheap at that rate).
  @inline(__always)
  func checkCancelled(_ i: Int) throws(QueryError) {
    if i & 0xFFF == 0, context.isCancelled() { throw .cancelled }
  }

  /// Sorts `items` by `less`, polling for cancellation every 4,096 comparisons. Once cancelled,
  /// every comparison answers "not less" (a valid order: all equal), so the sort ends quickly
  /// and `.cancelled` is thrown.
  static func sort<T>(_ items: inout [T], isCancelled: () -> Bool, by less: (T, T) -> Bool) throws(QueryError) {
    var comparisons = 0
    var stopped = false
    items.sort { a, b in
      if stopped { return false }
      comparisons &+= 1
      if comparisons & 0xFFF == 0, isCancelled() { stopped = true; return false }
      return less(a, b)
    }
    if stopped { throw .cancelled }
  }

  /// Runs a query's plan and builds its result.
  mutating func result(_ root: PlanNode, entity: Entity, kind: BoundKind) throws(QueryError) -> ResultSet {
    let table = context.snapshot.table(entity)
    switch try eval(root, table) {
    case .result(let r): return r
    case .groups(let g): return g.resultSet(table: table)
    case .rows(let ids):
      return ResultSet(columns: [ResultColumn(name: "id", kind: .integer)],
                       rows: ids.map { [table.columns[0].value(Int($0))] })
    }
  }

  mutating func rows(_ n: PlanNode, _ t: Table) throws(QueryError) -> [UInt32] {
    if case .rows(let ids) = try eval(n, t) { return ids }
    return []
  }

  mutating func groups(_ n: PlanNode, _ t: Table) throws(QueryError) -> Groups {
    if case .groups(let g) = try eval(n, t) { return g }
    return Groups(fields: [])
  }

  mutating func eval(_ n: PlanNode, _ t: Table) throws(QueryError) -> Output {
    if context.isCancelled() { throw .cancelled }
    let start = measure ? ContinuousClock.now : nil
    var touched = 0
    let out: Output
    switch n.op {
    case .scan:
      if context.isCancelled() { throw .cancelled }
      out = .rows((0..<UInt32(truncatingIfNeeded: t.rowCount)).map { $0 })
    case .indexLookup(let a):
      let ids = lookup(a, t)
      touched = ids.count
      out = .rows(ids)
    case .rangeScan(let a):
      let ids = rangeScan(a, t)
      touched = ids.count
      out = .rows(ids)
    case .intersect:
      var parts: [[UInt32]] = []
      for c in n.children { parts.append(try rows(c, t)) }
      parts.sort { $0.count < $1.count }
      var acc = parts.first ?? []
      for p in parts.dropFirst() { acc = RowIDs.intersect(acc, p) }
      out = .rows(acc)
    case .union:
      var acc: [UInt32] = []
      for c in n.children { acc = RowIDs.union(acc, try rows(c, t)) }
      out = .rows(acc)
    case .filter(let x):
      guard let input = n.children.first else { out = .rows([]); break }
      var expr = x
      if n.children.count > 1 {
        var values: [[Value]] = [[]]
        for c in n.children.dropFirst() { values.append(try subqueryValues(c)) }
        var binder = Binder(context: context, parameters: [])
        expr = Execution.substitute(x, values, &binder)
        if n.isReplannedWithSubqueryValues {
          // The subqueries' values are known now: find the rows as the planner would have,
          // had it known them, instead of testing each row.
          var planner = SelectionPlanner(est: Estimator(table: t), subplans: [])
          let ids = try rows(Execution.unmeasured(planner.plan(expr)), t)
          touched = ids.count
          out = .rows(ids)
          break
        }
      }
      let ids = try rows(input, t)
      touched = ids.count
      out = .rows(try select(expr, ids, t))
    case .rowCount:
      out = .groups(Groups.single(count: t.rowCount))
    case .indexCount(let a):
      var total = 0
      if case .codes(let f, let codes, _, _) = a, f.position >= 0, f.position < t.columns.count {
        switch t.columns[f.position] {
        case .text(let c): total = codes.reduce(0) { $0 + c.index.count(of: $1) }
        case .list(let c): total = codes.reduce(0) { $0 + c.index.count(of: $1) }
        default: break
        }
      }
      out = .groups(Groups.single(count: total))
    case .count:
      let ids = try rows(n.children[0], t)
      out = .groups(Groups.single(count: ids.count))
    case .indexGroupCount(let f):
      out = .groups(Groups.fromIndex(f, t.columns[f.position]))
    case .groupCount(let by, let distinct):
      let ids = try rows(n.children[0], t)
      touched = ids.count
      if let g = try denseGroupCount(ids, by: by, distinct: distinct, t) { out = .groups(g) } else {
        out = .groups(try groupCount(ids, by: by, distinct: distinct, t))
      }
    case .aggregate(let fn, let f, let by):
      let ids = try rows(n.children[0], t)
      touched = ids.count
      if let g = try denseAggregate(ids, fn, f, by: by, t) { out = .groups(g) } else {
        out = .groups(try aggregate(ids, fn, f, by: by, t))
      }
    case .sortGroups(let keys):
      var g = try groups(n.children[0], t)
      try g.sort(keys, isCancelled: context.isCancelled)
      out = .groups(g)
    case .limit(let count, let offset):
      switch try eval(n.children[0], t) {
      case .rows(let ids): out = .rows(Array(ids.dropFirst(offset).prefix(count)))
      case .groups(var g): g.keep(offset: offset, count: count); out = .groups(g)
      case .result(let r): out = .result(r)
      }
    case .sort(let keys):
      var ids = try rows(n.children[0], t)
      touched = ids.count
      try sortRows(&ids, keys, t)
      out = .rows(ids)
    case .topK(let keys, let k):
      if !measure, let top = try lazyTopK(n.children[0], keys, k, t) {
        out = .rows(top)
        break
      }
      let ids = try rows(n.children[0], t)
      touched = ids.count
      out = .rows(try topK(ids, keys, k, t))
    case .distinct(let fields):
      let ids = try rows(n.children[0], t)
      touched = ids.count
      out = .rows(distinct(ids, fields, t))
    case .project(let fields):
      let ids = try rows(n.children[0], t)
      touched = ids.count
      out = .result(project(ids, fields, t))
    }
    if let start, n.id >= 0, n.id < metrics.count {
      let d = ContinuousClock.now - start
      let (s, a) = d.components
      metrics[n.id].nanoseconds = s * 1_000_000_000 + a / 1_000_000_000
      metrics[n.id].touched = touched
      switch out {
      case .rows(let ids): metrics[n.id].rows = ids.count
      case .groups(let g): metrics[n.id].rows = g.count
      case .result(let r): metrics[n.id].rows = r.rows.count
      }
    }
    return out
  }

  /// The values of a subquery's single column. A text or list column yields each distinct
  /// value once, read from the dictionary codes of the selected rows (no value is built per
  /// row); other columns go through the whole result.
  mutating func subqueryValues(_ root: PlanNode) throws(QueryError) -> [Value] {
    guard case .project(let fields) = root.op, let f = fields.first else { return [] }
    let table = context.snapshot.table(f.entity)
    if f.position >= 0, f.position < table.columns.count, let input = root.children.first {
      switch table.columns[f.position] {
      case .text(let c):
        let ids = try rows(input, table)
        var codes: [UInt32] = []
        codes.reserveCapacity(ids.count)
        for r in ids where c.codes[Int(r)] != TextColumn.null { codes.append(c.codes[Int(r)]) }
        return Execution.distinct(codes, among: c.dictionary.count).map { .text(c.dictionary.values[Int($0)]) }
      case .list(let c):
        let ids = try rows(input, table)
        var codes: [UInt32] = []
        for r in ids where c.present[Int(r)] { codes.append(contentsOf: c.codes(Int(r))) }
        return Execution.distinct(codes, among: c.dictionary.count).map { .text(c.dictionary.values[Int($0)]) }
      default:
        break
      }
    }
    let r = try result(root, entity: f.entity, kind: .find(distinct: false))
    return r.rows.byColumn.first.map(Array.init) ?? []
  }

  /// The distinct values of `codes` (each below `count`), ascending: marked in a flag per code
  /// when there are many, sorted when few.
  static func distinct(_ codes: [UInt32], among count: Int) -> [UInt32] {
    if codes.count * 16 < count {
      var s = codes
      s.sort()
      var out: [UInt32] = []
      for c in s where out.last != c { out.append(c) }
      return out
    }
    var seen = [Bool](repeating: false, count: count)
    for c in codes { seen[Int(c)] = true }
    var out: [UInt32] = []
    for (i, b) in seen.enumerated() where b { out.append(UInt32(i)) }
    return out
  }

  /// `n` with every node numbered -1: planned while running, so `explain analyze` keeps the
  /// metrics of the plan it printed.
  static func unmeasured(_ n: PlanNode) -> PlanNode {
    PlanNode(id: -1, n.op, estimate: n.estimate, children: n.children.map(unmeasured))
  }

  /// `x` with each subquery atom replaced by the test of its values.
  static func substitute(_ x: BoolExpr, _ values: [[Value]], _ binder: inout Binder) -> BoolExpr {
    switch x {
    case .atom(.subquery(let f, let slot, let neg)):
      return binder.bindValues(f, slot < values.count ? values[slot] : [], negated: neg)
    case .atom: return x
    case .and(let xs): return .and(xs.map { substitute($0, values, &binder) })
    case .or(let xs): return .or(xs.map { substitute($0, values, &binder) })
    }
  }
}
