import NewsFacts

/// A column of a result: its name and, for fields, what it holds (renderers use the kind to
/// right-align numbers and show money as 100.06亿元).
public struct ResultColumn: Sendable, Hashable {
  public var name: String
  public var kind: FieldKind?
  /// For money and quantity columns: each row's unit (`CNY`, `USD`, `%`, `元` …), nil when unknown.
  public var units: [String?]?
  public init(name: String, kind: FieldKind?, units: [String?]? = nil) { self.name = name; self.kind = kind; self.units = units }
}

/// The rows a statement returns, typed, with their column names.
///
///     for row in result.rows { print(row["name"], row["date"]) }
public struct ResultSet: Sendable, Hashable {
  /// The columns, in order; fixed when the result is made (rows read their names from it).
  public let columns: [ResultColumn]
  public let rows: ResultRows
  /// Notes for the user that are not errors (ambiguous place names and the like).
  public var notes: [String]

  /// A result of `rows`, each holding one value per column (a shorter row is padded with null).
  public init(columns: [ResultColumn], rows: [[Value]], notes: [String] = []) {
    self.init(columns: columns, rows: ResultRows(rows), notes: notes)
  }

  /// A result of `rows` (their column names are taken from `columns`).
  public init(columns: [ResultColumn], rows: ResultRows, notes: [String] = []) {
    self.columns = columns
    self.rows = ResultRows(byColumn: rows.byColumn, count: rows.count, columns: columns)
    self.notes = notes
  }
}

/// The rows of a result, kept column by column (`ResultValues`: text and lists as codes into
/// the store's dictionaries), as the executor reads them from the store's columns, instead of an
/// array per row: a result of thousands of rows is a handful of allocations, not thousands. Read
/// row by row as `ResultRow`s; equal when their values are, whatever the column names.
public struct ResultRows: RandomAccessCollection, Sendable, Hashable, ExpressibleByArrayLiteral {
  /// `byColumn[j][i]`: the value of row `i` in column `j`.
  public let byColumn: [ResultValues]
  /// The number of rows (a result may have rows and no columns).
  public let count: Int
  /// The result's columns, for `row["name"]` (shared, not copied).
  let columns: [ResultColumn]

  /// Rows of columns, each `count` long.
  init(byColumn: [ResultValues], count: Int, columns: [ResultColumn] = []) {
    self.byColumn = byColumn
    self.count = count
    self.columns = columns
  }

  /// The rows `rows`, each one value per column; rows shorter than the longest are padded with
  /// null (the column layout has no ragged rows).
  public init(_ rows: [[Value]]) {
    let width = rows.reduce(0) { Swift.max($0, $1.count) }
    var columns: [ResultValues] = []
    columns.reserveCapacity(width)
    for j in 0..<width { columns.append(ResultValues(rows.map { j < $0.count ? $0[j] : .null })) }
    self.init(byColumn: columns, count: rows.count)
  }

  public init(arrayLiteral rows: [Value]...) { self.init(rows) }

  public var startIndex: Int { 0 }
  public var endIndex: Int { count }
  public subscript(i: Int) -> ResultRow {
    precondition(i >= 0 && i < count, "row index out of range")
    return ResultRow(byColumn: byColumn, index: i, columns: columns)
  }

  /// Every row as an array of its values.
  public var arrays: [[Value]] { map(\.values) }

  /// Equal when they hold the same rows (no rows equal no rows, whatever the columns).
  public static func == (a: ResultRows, b: ResultRows) -> Bool {
    a.count == b.count && (a.count == 0 || a.byColumn == b.byColumn)
  }

  public func hash(into h: inout Hasher) {
    h.combine(count)
    if count > 0 { h.combine(byColumn) }
  }
}

/// One row of a result: its values in column order, read by position (`row[0]`) or by column
/// name (`row["name"]`, null for a name the result does not have). Equal to another row, or to
/// an array literal, when the values are.
public struct ResultRow: RandomAccessCollection, Sendable, Hashable, ExpressibleByArrayLiteral, CustomStringConvertible {
  let byColumn: [ResultValues]
  let index: Int
  let columns: [ResultColumn]

  init(byColumn: [ResultValues], index: Int, columns: [ResultColumn]) {
    self.byColumn = byColumn
    self.index = index
    self.columns = columns
  }

  /// A row of `values` (no column names).
  public init(_ values: [Value]) { self.init(byColumn: values.map { ResultValues([$0]) }, index: 0, columns: []) }

  public init(arrayLiteral values: Value...) { self.init(values) }

  public var startIndex: Int { 0 }
  public var endIndex: Int { byColumn.count }
  public subscript(j: Int) -> Value { byColumn[j][index] }

  /// The value in the column named `name`, null when the result has no such column.
  public subscript(name: String) -> Value {
    guard let j = columns.firstIndex(where: { $0.name == name }), j < byColumn.count else { return .null }
    return byColumn[j][index]
  }

  /// The values, in column order.
  public var values: [Value] { Array(self) }

  public var description: String { values.description }

  public static func == (a: ResultRow, b: ResultRow) -> Bool { a.elementsEqual(b) }

  public func hash(into h: inout Hasher) {
    h.combine(count)
    for v in self { h.combine(v) }
  }
}
