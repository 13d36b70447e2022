import NewsFacts

/// A span column: `[start, end)` code-point offsets per row; `present` marks rows with one.
public struct SpanColumn: Sendable {
  public let starts: [Int]
  public let ends: [Int]
  public let present: Bitmap
  public let statistics: ColumnStatistics

  init(_ input: [(Int, Int)?]) {
    var s = [Int](repeating: 0, count: input.count), e = s
    var present = Bitmap(count: input.count)
    for (row, v) in input.enumerated() {
      guard let v else { continue }
      s[row] = v.0
      e[row] = v.1
      present[row] = true
    }
    starts = s
    ends = e
    self.present = present
    let n = present.setCount
    statistics = ColumnStatistics(rows: input.count, distinct: n, nulls: input.count - n, min: .null, max: .null)
  }

  public func value(_ row: Int) -> Value {
    present[row] ? .span(starts[row], ends[row]) : .null
  }
}
