import NewsFacts

/// Collects facts and freezes them into a `Snapshot`.
///
/// Facts keep the order they were added (document order). A fact without an `id` gets the
/// largest id of its entity plus one. Values of the wrong shape for a field are converted
/// where the meaning is plain (an integer in a decimal field, a text in a list field, an ISO
/// text in a date field) and dropped otherwise; fields outside the schema are ignored.
public struct StoreBuilder: Sendable {
  private var facts: [Entity: [Fact]] = [:]

  public init() {}

  /// Adds one fact.
  public mutating func add(_ fact: Fact) { facts[fact.entity, default: []].append(fact) }

  /// Adds facts in order.
  public mutating func add(contentsOf more: [Fact]) {
    for f in more { add(f) }
  }

  /// Every fact added so far, in order, per entity (ids not yet assigned).
  public func facts(of entity: Entity) -> [Fact] { facts[entity] ?? [] }

  /// Builds the columns, indexes and statistics of every table.
  public func freeze() -> Snapshot {
    Snapshot(tables: Entity.allCases.map { StoreBuilder.build($0, facts[$0] ?? []) })
  }

  private static func build(_ entity: Entity, _ facts: [Fact]) -> Table {
    let ids = assignIDs(facts)
    var columns: [Column] = []
    for spec in Schema.fields(of: entity) {
      let name = spec.name
      switch spec.kind {
      case .text, .place:
        columns.append(.text(TextColumn(facts.map { text($0[name]) })))
      case .textList:
        columns.append(.list(ListColumn(facts.map { list($0[name]) })))
      case .integer, .number, .money, .quantity, .area:
        let isInt = spec.kind == .integer
        if name == "id" {
          columns.append(.number(NumberColumn(ids.map { Double($0) }, isInteger: true)))
        } else {
          columns.append(.number(NumberColumn(facts.map { number($0[name]) }, isInteger: isInt)))
        }
      case .date:
        columns.append(.date(DateColumn(facts.map { date($0[name]) })))
      case .span:
        columns.append(.span(SpanColumn(facts.map { span($0[name]) })))
      }
    }
    var more: [UInt32: [Source]] = [:]
    for (row, f) in facts.enumerated() where !f.moreSources.isEmpty { more[UInt32(row)] = f.moreSources }
    return Table(entity: entity, rowCount: facts.count, columns: columns, moreSources: more)
  }

  /// Each fact's id: its own when it has one, else the largest so far plus one.
  private static func assignIDs(_ facts: [Fact]) -> [Int64] {
    var maxID: Int64 = 0
    for f in facts { if let d = number(f["id"]), let i = Int64(exactly: d.rounded()) { maxID = max(maxID, i) } }
    return facts.map { f in
      if let d = number(f["id"]), let i = Int64(exactly: d.rounded()) { return i }
      maxID = maxID < Int64.max ? maxID + 1 : maxID
      return maxID
    }
  }

  private static func text(_ v: Value) -> String? {
    switch v {
    case .null: return nil
    case .text(let s): return s
    case .list(let xs): return xs.isEmpty ? nil : xs.joined(separator: "、")
    default: return v.description
    }
  }

  private static func list(_ v: Value) -> [String]? {
    switch v {
    case .null: return nil
    case .list(let xs): return xs
    case .text(let s): return [s]
    default: return [v.description]
    }
  }

  private static func number(_ v: Value) -> Double? {
    switch v {
    case .integer(let i): return Double(i)
    case .number(let d): return d.isNaN ? nil : d
    case .text(let s): return Double(s)
    default: return nil
    }
  }

  private static func date(_ v: Value) -> FactDate? {
    switch v {
    case .date(let d): return d
    case .text(let s): return FactDate(iso: s)
    default: return nil
    }
  }

  private static func span(_ v: Value) -> (Int, Int)? {
    if case .span(let a, let b) = v { return (a, b) }
    return nil
  }
}
