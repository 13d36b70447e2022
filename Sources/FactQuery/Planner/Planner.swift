import FactStore
import NewsFacts

/// Turns a parsed statement into a plan: binds names and literals, estimates how many rows
/// each condition keeps, answers equality and place tests from the index and intersects
/// them, ranges from sorted order, `order by … limit` as a top-k, and counts from index
/// sizes where no row needs reading.
public enum Planner {
  public static func plan(_ s: Statement, context: QueryContext, parameters: [Value] = []) throws(Diagnostic) -> PlannedStatement {
    var binder = Binder(context: context, parameters: parameters)
    let action: PlannedStatement.Action
    switch s {
    case .query(let q):
      action = .query(try planQuery(q, binder: &binder))
    case .explain(let mode, let q):
      let p = try planQuery(q, binder: &binder)
      action = mode == .sql ? .explainSQL(q) : .explain(p, analyze: mode == .analyze)
    case .why(let name, let id, let range):
      action = .why(try binder.entity(name), id: id, range: range)
    case .export(let path, let range):
      action = .export(path: path, range: range)
    }
    var notes: [String] = []
    for n in binder.notes where !notes.contains(n) { notes.append(n) }
    return PlannedStatement(action: action, notes: notes)
  }

  static func planQuery(_ q: Query, binder: inout Binder) throws(Diagnostic) -> QueryPlan {
    let b = try binder.bind(q)
    let table = binder.context.snapshot.table(b.entity)
    var sp = SelectionPlanner(est: Estimator(table: table), subplans: b.subplans)
    let selection = sp.plan(b.filter)
    var root: PlanNode
    let limitNode: (Int) -> PlanNode? = { est in
      b.limit.map { PlanNode(.limit($0.count, offset: $0.offset), estimate: min(est, $0.count)) }
    }
    func wrap(_ n: PlanNode?, _ child: PlanNode) -> PlanNode {
      guard var n else { return child }
      n.children = [child]
      return n
    }
    switch b.kind {
    case .find(let distinct):
      var node = selection
      if distinct {
        if !b.order.isEmpty { node = PlanNode(.sort(b.order), estimate: node.estimate, children: [node]) }
        node = PlanNode(.distinct(b.show), estimate: node.estimate, children: [node])
        node = wrap(limitNode(node.estimate), node)
      } else if !b.order.isEmpty, let l = b.limit {
        let (k, o) = l.offset.addingReportingOverflow(l.count)
        let kk = o ? Int.max : k
        node = PlanNode(.topK(b.order, k: kk), estimate: min(node.estimate, kk), children: [node])
        node = wrap(limitNode(node.estimate), node)
      } else {
        if !b.order.isEmpty { node = PlanNode(.sort(b.order), estimate: node.estimate, children: [node]) }
        node = wrap(limitNode(node.estimate), node)
      }
      root = PlanNode(.project(b.show), estimate: node.estimate, children: [node])
    case .count(let distinct):
      if b.groupBy.isEmpty {
        if distinct == nil, b.filter == nil {
          root = PlanNode(.rowCount(b.entity), estimate: 1)
        } else if distinct == nil, case .atom(let a)? = b.filter, Planner.countableFromIndex(a, table) {
          root = PlanNode(.indexCount(a), estimate: 1)
        } else if let d = distinct {
          root = PlanNode(.groupCount(by: [], distinct: d), estimate: 1, children: [selection])
        } else {
          root = PlanNode(.count, estimate: 1, children: [selection])
        }
        root = wrap(limitNode(1), root)
      } else {
        let groups = Planner.groupEstimate(b.groupBy, table)
        if distinct == nil, b.filter == nil, b.groupBy.count == 1, Planner.isDictionaryColumn(b.groupBy[0], table) {
          root = PlanNode(.indexGroupCount(b.groupBy[0]), estimate: groups)
        } else {
          root = PlanNode(.groupCount(by: b.groupBy, distinct: distinct), estimate: min(groups, selection.estimate), children: [selection])
        }
        let order = b.order.isEmpty ? [OrderSpec(target: .count, descending: true)] : b.order
        root = PlanNode(.sortGroups(order), estimate: root.estimate, children: [root])
        root = wrap(limitNode(root.estimate), root)
      }
    case .aggregate(let fn, let f):
      let groups = b.groupBy.isEmpty ? 1 : min(Planner.groupEstimate(b.groupBy, table), selection.estimate)
      root = PlanNode(.aggregate(fn, f, by: b.groupBy), estimate: groups, children: [selection])
      if !b.groupBy.isEmpty || !b.order.isEmpty {
        let order = b.order.isEmpty ? b.groupBy.map { OrderSpec(target: .field($0), descending: false) } : b.order
        root = PlanNode(.sortGroups(order), estimate: root.estimate, children: [root])
      }
      root = wrap(limitNode(root.estimate), root)
    }
    var next = 0
    root.number(from: &next)
    let show: [FieldRef]
    if case .find = b.kind { show = b.show } else { show = [] }
    return QueryPlan(entity: b.entity, root: root, kind: b.kind, show: show, groupBy: b.groupBy)
  }

  static func isDictionaryColumn(_ f: FieldRef, _ table: Table) -> Bool {
    guard f.position >= 0, f.position < table.columns.count else { return false }
    switch table.columns[f.position] {
    case .text, .list: return true
    default: return false
    }
  }

  /// Whether a count of the atom's rows is the sum of its index entries (no row counted twice).
  static func countableFromIndex(_ a: Atom, _ table: Table) -> Bool {
    guard case .codes(let f, let codes, _, false) = a, f.position >= 0, f.position < table.columns.count else { return false }
    switch table.columns[f.position] {
    case .text: return true
    case .list: return codes.count <= 1
    default: return false
    }
  }

  static func groupEstimate(_ by: [FieldRef], _ table: Table) -> Int {
    var n = 1
    for f in by where f.position >= 0 && f.position < table.columns.count {
      let s = table.columns[f.position].statistics
      n = n.multipliedReportingOverflow(by: s.distinct + (s.nulls > 0 ? 1 : 0)).partialValue
    }
    return max(0, n)
  }
}
