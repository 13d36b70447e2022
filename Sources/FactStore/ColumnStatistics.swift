import NewsFacts

/// What the planner knows about a column without reading it: rows, distinct values, nulls,
/// smallest and largest value (`.null` when the column is empty).
public struct ColumnStatistics: Sendable, Hashable {
  public var rows: Int
  public var distinct: Int
  public var nulls: Int
  public var min: Value
  public var max: Value
  public init(rows: Int, distinct: Int, nulls: Int, min: Value, max: Value) {
    self.rows = rows
    self.distinct = distinct
    self.nulls = nulls
    self.min = min
    self.max = max
  }
}
