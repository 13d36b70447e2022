import Dispatch
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

  /// Adds one fact.
  public mutating func add(_ fact: Fact) { tables[fact.entity.ordinal].add(fact) }

  /// Adds one fact as if its `id` were `id` and its article numbers (an integer `article` and
  /// those of `moreSources`) were moved on by `articleBase`: a document's facts numbered as the
  /// corpus numbers them, without copying each fact to change it.
  public mutating func add(_ fact: Fact, id: Int64, articleBase: Int64) {
    tables[fact.entity.ordinal].add(fact, id: id, articleBase: articleBase)
  }

  /// Adds facts in order.
  public mutating func add(contentsOf more: [Fact]) {
    for f in more { add(f) }
  }

  /// Rows added so far, all tables together.
  public var rowCount: Int { tables.reduce(0) { $0 + $1.rowCount } }

  /// Rows added so far to the table of `entity`.
  public func rowCount(of entity: Entity) -> Int { tables[entity.ordinal].rowCount }

  /// Every fact added so far, in order, per entity, rebuilt from the columns (ids as given;
  /// allocates: tests and debugging only).
  public func facts(of entity: Entity) -> [Fact] {
    var copy = self
    let t = copy.commit().table(entity)
    let missing = Set(tables[entity.ordinal].missingIDs)
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

  /// Facts to put first in a table at a commit, each with the id to give it and the amount to
  /// move its article numbers on by (as `add(_:id:articleBase:)` takes them).
  public struct Prepended: Sendable {
    var facts: [Fact] = []
    /// Per fact, nil to keep its own id.
    var ids: [Int64?] = []
    var articleBases: [Int64] = []

    /// No facts.
    public init() {}

    /// Facts as they are (their own ids and article numbers).
    public init(_ facts: [Fact]) {
      self.facts = facts
      ids = Array(repeating: nil, count: facts.count)
      articleBases = Array(repeating: 0, count: facts.count)
    }

    /// Appends `fact`, to be numbered `id` with its article numbers moved on by `articleBase`.
    public mutating func append(_ fact: Fact, id: Int64, articleBase: Int64) {
      facts.append(fact)
      ids.append(id)
      articleBases.append(articleBase)
    }

    /// Makes room for `n` facts.
    public mutating func reserveCapacity(_ n: Int) {
      facts.reserveCapacity(n)
      ids.reserveCapacity(n)
      articleBases.reserveCapacity(n)
    }

    /// The number of facts.
    public var count: Int { facts.count }
    /// Whether there are no facts.
    public var isEmpty: Bool { facts.isEmpty }
  }

  /// Freezes the facts so far into a snapshot that shares this builder's storage (the text
  /// dictionaries are put in pinyin order in place). The tables named in `prepending` start
  /// with the given facts, followed by the rows added here for that entity: the engine's
  /// merged persons and places, which change as documents arrive.
  ///
  /// Tables are independent, so a builder of many rows freezes them on all cores (the larger
  /// first, so the last one started is small); the snapshot is the same either way.
  public mutating func commit(prepending: [Entity: [Fact]] = [:]) -> Snapshot {
    commit(prepending: prepending.mapValues { Prepended($0) })
  }

  /// `commit(prepending:)` with the prepended facts numbered as they are added (no copy of a
  /// fact to change its id or articles first).
  public mutating func commit(prepending: [Entity: Prepended]) -> Snapshot {
    let n = tables.count
    var weights: [Int] = []
    weights.reserveCapacity(n)
    for t in tables { weights.append((t.rowCount + (prepending[t.entity]?.count ?? 0)) * t.fields.count) }
    var out = [Table?](repeating: nil, count: n)
    if weights.reduce(0, +) < StoreBuilder.parallelWeight {
      for i in 0..<n { out[i] = StoreBuilder.commit(&tables[i], prepending: prepending[tables[i].entity]) }
    } else {
      let order = (0..<n).sorted { weights[$0] > weights[$1] }
      tables.withUnsafeMutableBufferPointer { tb in
        out.withUnsafeMutableBufferPointer { ob in
          // each iteration touches only its own table and slot
          nonisolated(unsafe) let tb = tb, ob = ob
          DispatchQueue.concurrentPerform(iterations: n) { k in
            let i = order[k]
            ob[i] = StoreBuilder.commit(&tb[i], prepending: prepending[tb[i].entity])
          }
        }
      }
    }
    return Snapshot(tables: out.map { $0! })
  }

  /// Rows × fields below which a commit freezes its tables one after another (waking other
  /// cores costs more than a small store's freeze).
  static let parallelWeight = 20_000

  /// Freezes one table; with `rows`, a table of those facts followed by the rows of `table`.
  private static func commit(_ table: inout TableBuilder, prepending rows: Prepended?) -> Table {
    guard let rows else { return table.commit() }
    var t = TableBuilder(entity: table.entity)
    for k in rows.facts.indices { t.add(rows.facts[k], id: rows.ids[k], articleBase: rows.articleBases[k]) }
    t.append(table)
    return t.commit()
  }
}

/// One entity's table being built: a typed column builder per schema field.
///
/// The builders live in one array per type (`slots` says which array and index each field
/// uses), so appending a value mutates its builder in place: no enum payload taken out and put
/// back per value.
struct TableBuilder: Sendable {
  /// Where a field's builder is: the array of its type and the index in it.
  enum Slot: Sendable {
    case text(Int), list(Int), number(Int), date(Int), span(Int)
  }

  let entity: Entity
  let fields: [FieldSpec]
  private let idColumn: Int?
  private let articleColumn: Int?
  private let slots: [Slot]
  private var texts: [TextColumnBuilder] = []
  private var lists: [ListColumnBuilder] = []
  private var numbers: [NumberColumnBuilder] = []
  private var dates: [DateColumnBuilder] = []
  private var spans: [SpanColumnBuilder] = []
  private(set) var rowCount = 0
  /// Rows added without an id; they get ids after the largest at commit.
  private(set) var missingIDs: [UInt32] = []
  private var maxID: Int64 = 0
  private var moreSources = SourceListsBuilder()

  init(entity: Entity) {
    self.entity = entity
    fields = Schema.fields(of: entity)
    idColumn = fields.firstIndex { $0.name == "id" }
    articleColumn = fields.firstIndex { $0.name == "article" }
    var slots: [Slot] = []
    slots.reserveCapacity(fields.count)
    for f in fields {
      switch f.kind {
      case .text, .place: slots.append(.text(texts.count)); texts.append(TextColumnBuilder())
      case .textList: slots.append(.list(lists.count)); lists.append(ListColumnBuilder())
      case .integer: slots.append(.number(numbers.count)); numbers.append(NumberColumnBuilder(isInteger: true))
      case .number, .money, .quantity, .area: slots.append(.number(numbers.count)); numbers.append(NumberColumnBuilder(isInteger: false))
      case .date: slots.append(.date(dates.count)); dates.append(DateColumnBuilder())
      case .span: slots.append(.span(spans.count)); spans.append(SpanColumnBuilder())
      }
    }
    self.slots = slots
  }

  mutating func add(_ fact: Fact) { add(fact, id: nil, articleBase: 0) }

  /// Adds `fact`, with `id` in place of its own when given and an integer `article` (and the
  /// articles of `moreSources`) moved on by `articleBase`.
  mutating func add(_ fact: Fact, id: Int64?, articleBase: Int64) {
    let row = UInt32(truncatingIfNeeded: rowCount)
    // Facts of this table's entity hold their values by schema position, as the columns are.
    let positional = fact.entity == entity
    for i in slots.indices {
      // Texts, most of the fields, straight from the fact's values: no copy of the value to
      // change (the id and article columns may be replaced, a fact of another entity is read
      // by name).
      if positional && i != idColumn && i != articleColumn, case .text(let k) = slots[i] {
        texts[k].append(Convert.text(fact.value(at: i)))
        continue
      }
      // (a given id replaces the fact's own, which is then not read)
      var v: Value
      if i == idColumn, let id { v = .integer(id) } else { v = positional ? fact.value(at: i) : fact[fields[i].name] }
      if i == articleColumn, articleBase != 0, case .integer(let a) = v { v = .integer(a + articleBase) }
      switch slots[i] {
      case .text(let k): texts[k].append(Convert.text(v))
      case .list(let k): lists[k].append(Convert.list(v))
      case .number(let k):
        if i == idColumn {
          if let id = Convert.number(v).flatMap({ Int64(exactly: $0.rounded()) }) {
            maxID = max(maxID, id)
            numbers[k].append(Double(id))
          } else {
            missingIDs.append(row)
            numbers[k].append(nil)
          }
        } else {
          numbers[k].append(Convert.number(v))
        }
      case .date(let k): dates[k].append(Convert.date(v))
      case .span(let k): spans[k].append(Convert.span(v))
      }
    }
    if !fact.moreSources.isEmpty { moreSources.append(row: row, fact.moreSources, articleBase: articleBase) }
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
    cols.reserveCapacity(slots.count)
    for i in slots.indices {
      switch slots[i] {
      case .text(let k): cols.append(.text(texts[k].commit()))
      case .list(let k): cols.append(.list(lists[k].commit()))
      case .number(let k):
        if i == idColumn, !missingIDs.isEmpty {
          // Ids for rows without one: after the largest given id, in row order (on a copy, so a
          // later fact with a larger id moves them, as when everything is rebuilt).
          var b = numbers[k]
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
          cols.append(.number(numbers[k].commit()))
        }
      case .date(let k): cols.append(.date(dates[k].commit()))
      case .span(let k): cols.append(.span(spans[k].commit()))
      }
    }
    return Table(entity: entity, rowCount: rowCount, columns: cols, moreSources: moreSources.commit())
  }
}
