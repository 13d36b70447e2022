/// Row ids in the order of a column's values. Stored as an array, or implied when every row
/// holds a value and the values already ascend with the row id (ids, article numbers): then
/// position `i` is row `i` and nothing is stored.
public struct SortedRows: Sendable, RandomAccessCollection, Equatable, ExpressibleByArrayLiteral {
  /// The rows, when not implied.
  public let stored: [UInt32]
  /// The row count when implied, -1 when `stored` holds the rows.
  private let implied: Int

  /// `rows` as given; implied (and not kept) when they are exactly `0..<rows.count`.
  public init(_ rows: [UInt32]) {
    var identity = true
    for (i, r) in rows.enumerated() where Int(r) != i { identity = false; break }
    if identity { self.init(stored: [], implied: rows.count) } else { self.init(stored: rows, implied: -1) }
  }

  /// Rows `0..<count`, in row order.
  public init(impliedCount count: Int) { self.init(stored: [], implied: count) }

  private init(stored: [UInt32], implied: Int) {
    self.stored = stored
    self.implied = implied
  }

  public init(arrayLiteral elements: UInt32...) { self.init(elements) }

  /// Whether position `i` is row `i` for every position.
  public var isImplied: Bool { implied >= 0 }

  public var startIndex: Int { 0 }
  public var endIndex: Int { implied >= 0 ? implied : stored.count }

  @inline(__always)
  public subscript(i: Int) -> UInt32 { implied >= 0 ? UInt32(truncatingIfNeeded: i) : stored[i] }

  public static func == (a: SortedRows, b: SortedRows) -> Bool {
    if a.isImplied && b.isImplied { return a.count == b.count }
    return a.elementsEqual(b)
  }

  /// Bytes held (none when implied).
  var byteSize: Int { stored.bufferBytes }
}
