import NewsFacts

/// One step of a plan. Row steps produce ascending row ids (selection vectors); group steps
/// produce groups with counts or aggregates; `project` turns row ids into result rows.
public enum PlanOperator: Sendable, Hashable {
  /// Every row of the entity, in document order.
  case scan(Entity)
  /// Rows whose value has one of the atom's codes, from the equality index.
  case indexLookup(Atom)
  /// Rows whose number or date lies in the atom's range, from the sorted order.
  case rangeScan(Atom)
  /// Rows in every child.
  case intersect
  /// Rows in any child.
  case union
  /// Rows of child 0 for which the condition holds; children 1… are subqueries.
  case filter(BoolExpr)
  /// `count E` without a condition: the table's row count, no rows touched.
  case rowCount(Entity)
  /// `count E where f = …` answered from index sizes, no rows touched.
  case indexCount(Atom)
  /// Counts the ids of its child.
  case count
  /// `count E by f` without a condition: one group per index entry, no rows touched.
  case indexGroupCount(FieldRef)
  /// Groups the child's rows by fields, counting rows (or distinct values of a field).
  case groupCount(by: [FieldRef], distinct: FieldRef?)
  /// `sum|avg|min|max f of E [by …]` over the child's rows; money and quantities also
  /// group by their currency or unit, so amounts in different units never mix.
  case aggregate(AggregateFunction, FieldRef, by: [FieldRef])
  /// Orders groups.
  case sortGroups([OrderSpec])
  /// Orders rows (stable: ties keep document order).
  case sort([OrderSpec])
  /// The first `k` rows in order, kept in a heap.
  case topK([OrderSpec], k: Int)
  /// Drops rows whose shown values repeat an earlier row's.
  case distinct([FieldRef])
  /// Skips `offset` rows (or groups) and keeps `count`.
  case limit(Int, offset: Int)
  /// Turns row ids into result rows of the fields.
  case project([FieldRef])
}

/// A node of a plan: an operator, its inputs, an estimate of the rows it yields, and an id
/// (its position in pre-order) under which `explain analyze` records what it did.
public struct PlanNode: Sendable, Hashable {
  public var id: Int
  public var op: PlanOperator
  public var estimate: Int
  public var children: [PlanNode]
  public init(id: Int = 0, _ op: PlanOperator, estimate: Int, children: [PlanNode] = []) {
    self.id = id
    self.op = op
    self.estimate = estimate
    self.children = children
  }

  /// Whether this is a filter with subqueries over a whole table, which the executor plans
  /// again once the subqueries' values are known (`name in (…)` becomes an index lookup).
  var isReplannedWithSubqueryValues: Bool {
    guard case .filter = op, children.count > 1, case .scan = children[0].op else { return false }
    return true
  }

  /// Numbers the nodes in pre-order from `next`.
  mutating func number(from next: inout Int) {
    id = next
    next += 1
    for i in children.indices { children[i].number(from: &next) }
  }

  /// How many nodes the tree holds.
  public var nodeCount: Int { 1 + children.reduce(0) { $0 + $1.nodeCount } }
}

/// A planned query: its root and what it returns.
public struct QueryPlan: Sendable, Hashable {
  public var entity: Entity
  public var root: PlanNode
  var kind: BoundKind
  /// The fields `find` returns (empty for counts and aggregates).
  public var show: [FieldRef]
  public var groupBy: [FieldRef]
}

/// What `explain analyze` measured at one node.
public struct NodeMetrics: Sendable, Hashable {
  /// Rows (or groups) the node yielded.
  public var rows: Int = 0
  /// Rows whose column values the node read.
  public var touched: Int = 0
  /// Time spent in the node and its inputs, nanoseconds.
  public var nanoseconds: Int64 = 0
  public init() {}
}

/// A statement ready to run: a query plan, an explain, a `why`, or an action the engine
/// carries out itself (`export`, `explain sql`).
public struct PlannedStatement: Sendable, Hashable, CustomStringConvertible {
  public enum Action: Sendable, Hashable {
    case query(QueryPlan)
    case explain(QueryPlan, analyze: Bool)
    /// `explain sql`: translated by the renderer, not run.
    case explainSQL(Query)
    case why(Entity, id: Int64, range: SourceRange)
    case export(path: String, range: SourceRange)
  }
  public var action: Action
  /// Notes for the user, carried into `ResultSet.notes`.
  public var notes: [String]

  /// The plan as `explain` prints it (empty for statements without one).
  public var description: String {
    switch action {
    case .query(let p), .explain(let p, _): return PlanText.lines(p.root, metrics: nil).joined(separator: "\n")
    default: return ""
    }
  }
}
