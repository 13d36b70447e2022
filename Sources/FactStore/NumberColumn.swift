import NewsFacts

/// A numeric column (integer, number, money, quantity, area): values as Double, a bitmap of
/// rows that hold one, and the rows holding a value sorted by it (ties in row order), so
/// ranges are answered by binary search.
public final class NumberColumn: Sendable {
  public let values: [Double]
  public let present: Bitmap
  /// Rows with a value, ascending by value, ties by row id (implied for ids and other
  /// columns whose values ascend with the row).
  public let sorted: SortedRows
  /// Whether the field holds whole numbers (results show them as integers).
  public let isInteger: Bool
  public let statistics: ColumnStatistics

  /// `sorted` holds the rows with a value, ascending by value, ties by row id.
  convenience init(values: [Double], present: Bitmap, sorted: [UInt32], isInteger: Bool) {
    self.init(values: values, present: present, sorted: SortedRows(sorted), isInteger: isInteger)
  }

  /// `sorted` holds the rows with a value, ascending by value, ties by row id.
  init(values: [Double], present: Bitmap, sorted: SortedRows, isInteger: Bool) {
    var distinct = 0
    var prev: Double? = nil
    for r in sorted where values[Int(r)] != prev { distinct += 1; prev = values[Int(r)] }
    self.values = values
    self.present = present
    self.sorted = sorted
    self.isInteger = isInteger
    func value(_ d: Double) -> Value {
      if isInteger, let i = Int64(exactly: d) { return .integer(i) }
      return .number(d)
    }
    statistics = ColumnStatistics(rows: values.count, distinct: distinct, nulls: values.count - sorted.count,
                                  min: sorted.first.map { value(values[Int($0)]) } ?? .null,
                                  max: sorted.last.map { value(values[Int($0)]) } ?? .null)
  }

  /// The value of `row` as a result value, `.null` when unknown.
  public func value(_ row: Int) -> Value {
    guard present[row] else { return .null }
    let d = values[row]
    if isInteger, let i = Int64(exactly: d) { return .integer(i) }
    return .number(d)
  }

  /// Positions in `sorted` of the values in `lo...hi` (bounds optionally exclusive).
  public func sortedRange(lo: Double, loInclusive: Bool, hi: Double, hiInclusive: Bool) -> Range<Int> {
    let a = lowerBound { loInclusive ? $0 < lo : $0 <= lo }
    let b = lowerBound { hiInclusive ? $0 <= hi : $0 < hi }
    return a..<max(a, b)
  }

  /// First position in `sorted` whose value does not satisfy `before`.
  private func lowerBound(_ before: (Double) -> Bool) -> Int {
    var lo = 0, hi = sorted.count
    while lo < hi {
      let mid = (lo + hi) >> 1
      if before(values[Int(sorted[mid])]) { lo = mid + 1 } else { hi = mid }
    }
    return lo
  }
}
