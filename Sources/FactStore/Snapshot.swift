import NewsFacts

/// An immutable set of tables, one per entity. Statements read a snapshot while a later load
/// builds the next one, so no lock is held while a query runs.
public final class Snapshot: Sendable {
  private let tables: [Table]

  /// A snapshot with every table empty.
  public static let empty = StoreBuilder().freeze()

  init(tables: [Table]) { self.tables = tables }

  /// The table of `entity`.
  public func table(_ entity: Entity) -> Table {
    tables[entity.ordinal]
  }

  /// The distinct values of a text, place or list field, in pinyin order (for completion).
  public func distinctValues(_ entity: Entity, _ field: String) -> [String] {
    (table(entity).column(field.lowercased())?.dictionary?.values).map(Array.init) ?? []
  }

  /// Bytes held by every table (columns, dictionaries, indexes): what the store costs in
  /// memory, counted from its structures rather than the process's resident size.
  public var byteSize: Int {
    var n = 0
    for t in tables { n += t.byteSize }
    return n
  }

  /// Rows per entity.
  public var tableSizes: [(Entity, Int)] { tables.map { ($0.entity, $0.rowCount) } }
}
