import Testing
import NewsFacts
@testable import FactStore

/// Snapshots find a table, and fact coding writes an entity, by `Entity.ordinal`: it must be
/// the position in `allCases`, which orders the tables.
@Suite struct EntityOrdinalTests {
  @Test func ordinalIsThePositionInAllCases() {
    for (i, e) in Entity.allCases.enumerated() { #expect(e.ordinal == i, "\(e)") }
    #expect(Entity.allCases.sorted() == Entity.allCases)
  }

  @Test func snapshotTablesAreTheirEntities() {
    var b = StoreBuilder()
    b.add(Fact(.visit, ["id": .integer(1), "purpose": "调研"]))
    let s = b.freeze()
    for e in Entity.allCases { #expect(s.table(e).rowCount == (e == .visit ? 1 : 0), "\(e)") }
  }
}
