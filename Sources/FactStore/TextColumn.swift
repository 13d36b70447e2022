import NewsFacts

/// A text or place column: one dictionary code per row (`TextColumn.null` when unknown),
/// the dictionary in pinyin order, and the equality index code → ascending rows.
public struct TextColumn: Sendable {
  /// The code of a row without a value.
  public static let null: UInt32 = .max
  public let codes: [UInt32]
  public let dictionary: TextDictionary
  public let index: Postings
  public let statistics: ColumnStatistics

  init(_ values: [String?]) {
    let dict = TextDictionary(Set(values.compactMap { $0 }))
    var codeOf: [String: UInt32] = [:]
    for (i, v) in dict.values.enumerated() { codeOf[v] = UInt32(i) }
    var codes = [UInt32](repeating: TextColumn.null, count: values.count)
    var pairs: [(code: UInt32, row: UInt32)] = []
    pairs.reserveCapacity(values.count)
    for (row, v) in values.enumerated() {
      guard let v, let c = codeOf[v] else { continue }
      codes[row] = c
      pairs.append((c, UInt32(row)))
    }
    self.codes = codes
    dictionary = dict
    index = Postings(codeCount: dict.count, pairs: pairs)
    let nulls = values.count - pairs.count
    statistics = ColumnStatistics(rows: values.count, distinct: dict.count, nulls: nulls,
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
