import NewsFacts

/// A date column: one ordinal per row (`YYYYMMDD`; unknown years at `unknownYearBase + MMDD`,
/// after every known year; `DateColumn.null` when unknown), and the rows holding a date
/// sorted by it, so periods are answered by binary search.
public final class DateColumn: Sendable {
  public static let null: Int32 = .min
  /// Ordinals at or above this belong to dates without a year (`--MM-DD`).
  public static let unknownYearBase: Int32 = 999_990_000
  public let ordinals: [Int32]
  /// Rows with a date, ascending by ordinal, ties by row id.
  public let sorted: [UInt32]
  public let statistics: ColumnStatistics

  /// The storage ordinal of `d`: years outside 1…9998 are clamped, unknown years sort last.
  public static func ordinal(_ d: FactDate) -> Int32 {
    let m = Int32(min(max(d.month, 0), 99)), day = Int32(min(max(d.day, 0), 99))
    guard let y = d.year else { return unknownYearBase + m * 100 + day }
    return Int32(min(max(y, 1), 9998)) * 10_000 + m * 100 + day
  }

  /// The ordinal of the day before the (known-year) day `o`.
  public static func previousDay(_ o: Int32) -> Int32 {
    let d = date(o)
    guard let y = d.year else { return o - 1 }
    if d.day > 1 { return ordinal(FactDate(year: y, month: d.month, day: d.day - 1)) }
    if d.month > 1 { return ordinal(FactDate(year: y, month: d.month - 1, day: FactDate.daysIn(month: d.month - 1, year: y))) }
    return y > 1 ? ordinal(FactDate(year: y - 1, month: 12, day: 31)) : 0
  }

  /// The ordinal of the day after the (known-year) day `o`.
  public static func nextDay(_ o: Int32) -> Int32 {
    let d = date(o)
    guard let y = d.year else { return o + 1 }
    if d.day < FactDate.daysIn(month: d.month, year: y) { return ordinal(FactDate(year: y, month: d.month, day: d.day + 1)) }
    if d.month < 12 { return ordinal(FactDate(year: y, month: d.month + 1, day: 1)) }
    return y < 9998 ? ordinal(FactDate(year: y + 1, month: 1, day: 1)) : unknownYearBase - 1
  }

  /// The date of an ordinal.
  public static func date(_ o: Int32) -> FactDate {
    if o >= unknownYearBase {
      let md = Int(o - unknownYearBase)
      return FactDate(year: nil, month: md / 100, day: md % 100)
    }
    let v = Int(o)
    return FactDate(year: v / 10_000, month: v / 100 % 100, day: v % 100)
  }

  /// `sorted` holds the rows with a date, ascending by ordinal, ties by row id.
  init(ordinals ords: [Int32], sorted: [UInt32]) {
    var distinct = 0
    var prev = DateColumn.null
    for r in sorted where ords[Int(r)] != prev { distinct += 1; prev = ords[Int(r)] }
    ordinals = ords
    self.sorted = sorted
    statistics = ColumnStatistics(rows: ords.count, distinct: distinct, nulls: ords.count - sorted.count,
                                  min: sorted.first.map { .date(DateColumn.date(ords[Int($0)])) } ?? .null,
                                  max: sorted.last.map { .date(DateColumn.date(ords[Int($0)])) } ?? .null)
  }

  /// Positions in `sorted` of the ordinals in `lo...hi`.
  public func sortedRange(_ lo: Int32, _ hi: Int32) -> Range<Int> {
    func lowerBound(_ before: (Int32) -> Bool) -> Int {
      var a = 0, b = sorted.count
      while a < b {
        let mid = (a + b) >> 1
        if before(ordinals[Int(sorted[mid])]) { a = mid + 1 } else { b = mid }
      }
      return a
    }
    let a = lowerBound { $0 < lo }
    let b = lowerBound { $0 <= hi }
    return a..<max(a, b)
  }

  /// The value of `row`, `.null` when unknown.
  public func value(_ row: Int) -> Value {
    let o = ordinals[row]
    return o == DateColumn.null ? .null : .date(DateColumn.date(o))
  }
}
