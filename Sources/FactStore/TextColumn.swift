import NewsFacts

/// A text or place column: one dictionary code per row (`TextColumn.null` when unknown),
/// the dictionary in pinyin order, and the equality index code → ascending rows.
public final class TextColumn: Sendable {
  /// The code of a row without a value.
  public static let null: UInt32 = .max
  public let codes: [UInt32]
  public let dictionary: TextDictionary
  public let index: Postings
  public let statistics: ColumnStatistics

  init(codes: [UInt32], dictionary dict: TextDictionary, index: Postings, nulls: Int) {
    self.codes = codes
    dictionary = dict
    self.index = index
    statistics = ColumnStatistics(rows: codes.count, distinct: dict.count, nulls: nulls,
                                  min: dict.values.first.map { .text($0) } ?? .null,
                                  max: dict.values.last.map { .text($0) } ?? .null)
  }

  /// The value of `row`, `nil` when unknown.
  @inline(__always)
  public func text(_ row: Int) -> String? {
    let c = codes[row]
    return c == TextColumn.null ? nil : dictionary.values[Int(c)]
  }
}
