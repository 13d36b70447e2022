import NewsFacts

/// What a bound query computes.
enum BoundKind: Sendable, Hashable {
  case find(distinct: Bool)
  case count(distinct: FieldRef?)
  case aggregate(AggregateFunction, FieldRef)
}

/// What an `order by` key names: a field, or the count/aggregate of a grouped query.
public enum OrderTarget: Sendable, Hashable {
  case field(FieldRef)
  case count
  case aggregate(AggregateFunction)
}

/// One `order by` key, bound.
public struct OrderSpec: Sendable, Hashable, CustomStringConvertible {
  public var target: OrderTarget
  public var descending: Bool
  public var description: String {
    let name: String
    switch target {
    case .field(let f): name = f.name
    case .count: name = "count"
    case .aggregate(let a): name = a.rawValue
    }
    return descending ? "\(name) desc" : "\(name) asc"
  }
}

/// A query with every name and literal resolved against a snapshot.
struct BoundQuery: Sendable {
  var entity: Entity
  var kind: BoundKind
  var filter: BoolExpr?
  /// Plans of the subqueries of `filter`; `Atom.subquery(slot:)` counts from 1.
  var subplans: [PlanNode]
  /// The fields `find` returns.
  var show: [FieldRef]
  var groupBy: [FieldRef]
  var order: [OrderSpec]
  var limit: Limit?
}
