import NewsFacts

/// A span column: `[start, end)` code-point offsets per row (32 bits each: a document's
/// offsets fit), `present` marks rows with one. A class, so copying a `Column` is one retain.
public final class SpanColumn: Sendable {
  public let starts: [Int32]
  public let ends: [Int32]
  public let present: Bitmap
  public let statistics: ColumnStatistics

  init(starts: [Int32], ends: [Int32], present: Bitmap) {
    self.starts = starts
    self.ends = ends
    self.present = present
    let n = present.setCount
    statistics = ColumnStatistics(rows: starts.count, distinct: n, nulls: starts.count - n, min: .null, max: .null)
  }

  public func value(_ row: Int) -> Value {
    present[row] ? .span(Int(starts[row]), Int(ends[row])) : .null
  }
}
