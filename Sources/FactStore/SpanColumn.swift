import NewsFacts

/// A span column: `[start, end)` code-point offsets per row; `present` marks rows with one.
public struct SpanColumn: Sendable {
  public let starts: [Int]
  public let ends: [Int]
  public let present: Bitmap
  public let statistics: ColumnStatistics

  init(starts: [Int], ends: [Int], present: Bitmap) {
    self.starts = starts
    self.ends = ends
    self.present = present
    let n = present.setCount
    statistics = ColumnStatistics(rows: starts.count, distinct: n, nulls: starts.count - n, min: .null, max: .null)
  }

  public func value(_ row: Int) -> Value {
    present[row] ? .span(starts[row], ends[row]) : .null
  }
}
