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
public struct ResultSet: Sendable, Hashable {
  public var columns: [ResultColumn]
  public var rows: [[Value]]
  /// Notes for the user that are not errors (ambiguous place names and the like).
  public var notes: [String]
  public init(columns: [ResultColumn], rows: [[Value]], notes: [String] = []) { self.columns = columns; self.rows = rows; self.notes = notes }
}
