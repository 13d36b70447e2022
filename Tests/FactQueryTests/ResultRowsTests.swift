import Testing
import NewsFacts
@testable import FactQuery

/// The result layout: values kept by column, read as rows by position or by column name.
@Suite struct ResultRowsTests {
  static let columns = [ResultColumn(name: "name", kind: .text), ResultColumn(name: "n", kind: .integer)]

  @Test func rowsReadByPositionAndByColumnName() {
    let rs = ResultSet(columns: Self.columns, rows: [[.text("甲"), .integer(1)], [.text("乙"), .integer(2)]])
    #expect(rs.rows.count == 2)
    #expect(rs.rows.byColumn == [[.text("甲"), .text("乙")], [.integer(1), .integer(2)]])
    #expect(rs.rows[1][0] == .text("乙"))
    #expect(rs.rows[1]["n"] == .integer(2))
    #expect(rs.rows[0]["name"] == .text("甲"))
    #expect(rs.rows[0]["missing"] == .null)
    #expect(rs.rows.map(\.values) == [[.text("甲"), .integer(1)], [.text("乙"), .integer(2)]])
    #expect(rs.rows.arrays == [[.text("甲"), .integer(1)], [.text("乙"), .integer(2)]])
  }

  @Test func raggedRowsArePaddedWithNull() {
    let rows = ResultRows([[.integer(1)], [.integer(2), .text("x")]])
    #expect(rows.arrays == [[.integer(1), .null], [.integer(2), .text("x")]])
  }

  @Test func noRowsEqualNoRowsWhateverTheColumns() {
    let none = ResultSet(columns: Self.columns, rows: ResultRows(byColumn: [[], []], count: 0)).rows
    #expect(none == [])
    #expect(none.hashValue == ([] as ResultRows).hashValue)
    #expect(none != [[.text("甲"), .integer(1)]])
  }

  @Test func rowsWithoutColumnsKeepTheirCount() {
    let rs = ResultSet(columns: [], rows: [[], [], []])
    #expect(rs.rows.count == 3)
    #expect(rs.rows.allSatisfy { $0.isEmpty })
  }

  @Test func equalityIsByValuesNotColumnNames() {
    let named = ResultSet(columns: Self.columns, rows: [[.text("甲"), .integer(1)]]).rows
    let literal: ResultRows = [[.text("甲"), .integer(1)]]
    #expect(named == literal)
    #expect(named.hashValue == literal.hashValue)
    #expect(named != [[.text("甲"), .integer(2)]])
    #expect(named != [[.text("甲"), .integer(1)], [.text("甲"), .integer(1)]])
    #expect(named[0] == [.text("甲"), .integer(1)])
    #expect(Set([named[0], literal[0]]).count == 1)
  }
}
