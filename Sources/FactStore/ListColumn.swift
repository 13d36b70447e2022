import NewsFacts

/// A list-of-text column: each row's elements are `elements[offsets[r]..<offsets[r+1]]`, codes
/// into one dictionary shared by the column; the index maps a code to the ascending rows
/// whose list holds it (each row once).
public struct ListColumn: Sendable {
  public let offsets: [Int32]
  public let elements: [UInt32]
  /// Rows that hold a list (possibly empty); a clear bit is an unknown list.
  public let present: Bitmap
  public let dictionary: TextDictionary
  public let index: Postings
  public let statistics: ColumnStatistics

  init(_ values: [[String]?]) {
    var all = Set<String>()
    for v in values { if let v { all.formUnion(v) } }
    let dict = TextDictionary(all)
    var codeOf: [String: UInt32] = [:]
    for (i, v) in dict.values.enumerated() { codeOf[v] = UInt32(i) }
    var offsets: [Int32] = [0]
    offsets.reserveCapacity(values.count + 1)
    var elements: [UInt32] = []
    var present = Bitmap(count: values.count)
    var pairs: [(code: UInt32, row: UInt32)] = []
    var nulls = 0
    for (row, v) in values.enumerated() {
      if let v {
        present[row] = true
        var seen: [UInt32] = []
        for s in v {
          guard let c = codeOf[s] else { continue }
          elements.append(c)
          if !seen.contains(c) { seen.append(c); pairs.append((c, UInt32(row))) }
        }
      } else {
        nulls += 1
      }
      offsets.append(Int32(truncatingIfNeeded: elements.count))
    }
    self.offsets = offsets
    self.elements = elements
    self.present = present
    dictionary = dict
    index = Postings(codeCount: dict.count, pairs: pairs)
    statistics = ColumnStatistics(rows: values.count, distinct: dict.count, nulls: nulls,
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
