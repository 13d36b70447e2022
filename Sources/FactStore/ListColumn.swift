import NewsFacts

/// A list-of-text column: each row's elements are `elements[offsets[r]..<offsets[r+1]]`, codes
/// into one dictionary shared by the column; the index maps a code to the ascending rows
/// whose list holds it (each row once).
public final class ListColumn: Sendable {
  public let offsets: [Int32]
  public let elements: [UInt32]
  /// Rows that hold a list (possibly empty); a clear bit is an unknown list.
  public let present: Bitmap
  public let dictionary: TextDictionary
  public let index: Postings
  public let statistics: ColumnStatistics

  init(offsets: [Int32], elements: [UInt32], present: Bitmap, dictionary dict: TextDictionary, index: Postings, nulls: Int) {
    self.offsets = offsets
    self.elements = elements
    self.present = present
    dictionary = dict
    self.index = index
    statistics = ColumnStatistics(rows: present.count, distinct: dict.count, nulls: nulls,
                                  min: dict.values.first.map { .text($0) } ?? .null,
                                  max: dict.values.last.map { .text($0) } ?? .null)
  }

  /// The element codes of `row` (empty for an empty or unknown list).
  @inline(__always)
  public func codes(_ row: Int) -> ArraySlice<UInt32> {
    elements[Int(offsets[row])..<Int(offsets[row + 1])]
  }

  /// The list of `row` as written, `nil` when unknown.
  public func list(_ row: Int) -> [String]? {
    guard present[row] else { return nil }
    return codes(row).map { dictionary.values[Int($0)] }
  }
}
