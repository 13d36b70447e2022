import NewsFacts

/// One entity's facts as columns, in `Schema.fields(of:)` order. Row ids are positions in
/// document order (the order facts were added). A class, immutable: a statement takes it from
/// the snapshot with one reference count, not a copy of every column reference.
public final class Table: Sendable {
  public let entity: Entity
  public let rowCount: Int
  public let fields: [FieldSpec]
  public let columns: [Column]
  /// Later sources of a row beyond its own provenance fields (merged persons), by row.
  public let moreSources: SourceLists
  private let fieldIndex: [String: Int]

  init(entity: Entity, rowCount: Int, columns: [Column], moreSources: SourceLists) {
    self.entity = entity
    self.rowCount = rowCount
    fields = Schema.fields(of: entity)
    self.columns = columns
    self.moreSources = moreSources
    var m: [String: Int] = [:]
    m.reserveCapacity(fields.count)
    for (i, f) in fields.enumerated() { m[f.name] = i }
    fieldIndex = m
  }

  /// The position of field `name` (lowercase), if the entity has it.
  public func fieldPosition(_ name: String) -> Int? { fieldIndex[name] }

  /// The column of field `name`, if the entity has it.
  public func column(_ name: String) -> Column? {
    fieldIndex[name].map { columns[$0] }
  }

  /// Statistics of field `name`.
  public func statistics(_ name: String) -> ColumnStatistics? { column(name)?.statistics }

  /// The fact at `row`, rebuilt from the columns (for `why` and tests; allocates).
  public func fact(at row: Int) -> Fact {
    var f = Fact(entity)
    for i in fields.indices { f.setValue(columns[i].value(row), at: i) }
    f.moreSources = moreSources[UInt32(row)] ?? []
    return f
  }
}
