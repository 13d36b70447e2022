import NewsFacts

/// Collects facts and freezes them into a `Snapshot`.
///
/// Facts keep the order they were added (document order). A fact without an `id` gets the
/// largest id of its entity plus one. Values of the wrong shape for a field are converted
/// where the meaning is plain (an integer in a decimal field, a text in a list field, an ISO
/// text in a date field) and dropped otherwise; fields outside the schema are ignored.
///
/// Facts are not kept: each is appended into typed column builders as it arrives (texts
/// dictionary-coded, numbers and dates as plain arrays), so a builder of 10M facts holds
/// columns, not 10M field dictionaries. `commit()` freezes what is there into a snapshot that
/// shares the builder's arrays; adding more and committing again costs the new rows plus one
/// linear pass to rebuild the indexes.
public struct StoreBuilder: Sendable {
  private var tables: [TableBuilder]

  public init() {
    tables = Entity.allCases.map { TableBuilder(entity: $0) }
  }

  private static func position(_ e: Entity) -> Int { Entity.allCases.firstIndex(of: e) ?? 0 }

  /// Adds one fact.
  public mutating func add(_ fact: Fact) { tables[Self.position(fact.entity)].add(fact) }

  /// Adds facts in order.
  public mutating func add(contentsOf more: [Fact]) {
    for f in more { add(f) }
  }

  /// Rows added so far, all tables together.
  public var rowCount: Int { tables.reduce(0) { $0 + $1.rowCount } }

  /// Rows added so far to the table of `entity`.
  public func rowCount(of entity: Entity) -> Int { tables[Self.position(entity)].rowCount }

  /// Every fact added so far, in order, per entity, rebuilt from the columns (ids as given;
  /// allocates: tests and debugging only).
  public func facts(of entity: Entity) -> [Fact] {
    var copy = self
    let t = copy.commit().table(entity)
    let missing = Set(tables[Self.position(entity)].missingIDs)
    return (0..<t.rowCount).map { r in
      var f = t.fact(at: r)
      if missing.contains(UInt32(r)) { f["id"] = .null }
      return f
    }
  }

  /// Builds the columns, indexes and statistics of every table (the builder is unchanged).
  public func freeze() -> Snapshot {
    var copy = self
    return copy.commit()
  }

  /// Freezes the facts so far into a snapshot that shares this builder's storage (the text
  /// dictionaries are put in pinyin order in place). The tables named in `prepending` start
  /// with the given facts, followed by the rows added here for that entity: the engine's
  /// merged persons and places, which change as documents arrive.
  public mutating func commit(prepending: [Entity: [Fact]] = [:]) -> Snapshot {
    var out: [Table] = []
    out.reserveCapacity(tables.count)
    for i in tables.indices {
      if let facts = prepending[tables[i].entity] {
        var t = TableBuilder(entity: tables[i].entity)
        for f in facts { t.add(f) }
        t.append(tables[i])
        out.append(t.commit())
      } else {
        out.append(tables[i].commit())
      }
    }
    return Snapshot(tables: out)
  }
}

/// One entity's table being built: a column builder per schema field.
struct TableBuilder: Sendable {
  let entity: Entity
  let fields: [FieldSpec]
  private let fieldIndex: [String: Int]
  private let idColumn: Int?
  private var columns: [ColumnBuilder]
  private(set) var rowCount = 0
  /// Rows added without an id; they get ids after the largest at commit.
  private(set) var missingIDs: [UInt32] = []
  private var maxID: Int64 = 0
  private var moreSources: [UInt32: [Source]] = [:]

  init(entity: Entity) {
    self.entity = entity
    fields = Schema.fields(of: entity)
    var m: [String: Int] = [:]
    m.reserveCapacity(fields.count)
    for (i, f) in fields.enumerated() { m[f.name] = i }
    fieldIndex = m
    idColumn = m["id"]
    columns = fields.map { ColumnBuilder(kind: $0.kind) }
  }

  mutating func add(_ fact: Fact) {
    let row = UInt32(truncatingIfNeeded: rowCount)
    for i in columns.indices {
      let name = fields[i].name
      if i == idColumn {
        let v = Convert.number(fact[name]).flatMap { Int64(exactly: $0.rounded()) }
        if let v { maxID = max(maxID, v); columns[i].append(.integer(v)) } else { missingIDs.append(row); columns[i].append(.null) }
      } else {
        columns[i].append(fact.fields[name] ?? .null)
      }
    }
    if !fact.moreSources.isEmpty { moreSources[row] = fact.moreSources }
    rowCount += 1
  }

  /// Appends the rows of `other` (same entity) after these, by rebuilding them as facts.
  mutating func append(_ other: TableBuilder) {
    guard other.rowCount > 0 else { return }
    var o = other
    let t = o.commit()
    let missing = Set(other.missingIDs)
    for r in 0..<t.rowCount {
      var f = t.fact(at: r)
      if missing.contains(UInt32(r)) { f["id"] = .null }
      add(f)
    }
  }

  mutating func commit() -> Table {
    var cols: [Column] = []
    cols.reserveCapacity(columns.count)
    for i in columns.indices {
      if i == idColumn, !missingIDs.isEmpty, case .number(var b) = columns[i] {
        // Ids for rows without one: after the largest given id, in row order (on a copy, so a
        // later fact with a larger id moves them, as when everything is rebuilt).
        var next = maxID
        for r in missingIDs {
          next = next < Int64.max ? next + 1 : next
          b.values[Int(r)] = Double(next)
          b.present[Int(r)] = true
        }
        b.sorted = SortedRows([])
        b.sortedRows = 0
        cols.append(.number(b.commit()))
      } else {
        cols.append(columns[i].commit())
      }
    }
    return Table(entity: entity, rowCount: rowCount, columns: cols, moreSources: moreSources)
  }
}
