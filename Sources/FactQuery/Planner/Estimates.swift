import FactStore
import NewsFacts

/// Row estimates from statistics, index sizes and sorted orders — never by reading rows.
struct Estimator {
  let table: Table

  var rows: Int { table.rowCount }

  func nonNull(_ f: FieldRef) -> Int {
    guard f.position >= 0, f.position < table.columns.count else { return rows }
    let s = table.columns[f.position].statistics
    return s.rows - s.nulls
  }

  /// Rows the atom holds on.
  func atom(_ a: Atom) -> Int {
    guard a.field.position >= 0, a.field.position < table.columns.count else { return rows / 4 }
    let col = table.columns[a.field.position]
    let positive: Int
    switch (a, col) {
    case (.codes(_, let codes, _, _), .text(let c)):
      positive = codes.reduce(0) { $0 + c.index.count(of: $1) }
    case (.codes(_, let codes, _, _), .list(let c)):
      positive = min(nonNull(a.field), codes.reduce(0) { $0 + c.index.count(of: $1) })
    case (.numbers(_, let ranges, _), .number(let c)):
      positive = min(nonNull(a.field), ranges.reduce(0) { $0 + c.sortedRange(lo: $1.lo, loInclusive: $1.loInclusive, hi: $1.hi, hiInclusive: $1.hiInclusive).count })
    case (.dates(_, let ranges, _, _), .date(let c)):
      positive = min(nonNull(a.field), ranges.reduce(0) { $0 + c.sortedRange($1.lowerBound, $1.upperBound).count })
    case (.isNull(let f, let neg), _):
      return neg ? nonNull(f) : rows - nonNull(f)
    case (.subquery, _):
      return rows / 4
    default:
      positive = 0
    }
    if !a.isNegated { return positive }
    if case .dates(_, _, true, _) = a, case .date(let c) = col {
      return max(0, c.sortedRange(0, DateColumn.unknownYearBase - 1).count - positive)
    }
    return max(0, nonNull(a.field) - positive)
  }

  func expr(_ x: BoolExpr) -> Int {
    guard rows > 0 else { return 0 }
    switch x {
    case .atom(let a): return atom(a)
    case .and(let xs):
      var sel = 1.0
      for c in xs { sel *= Double(expr(c)) / Double(rows) }
      return Int((sel * Double(rows)).rounded(.up))
    case .or(let xs):
      return min(rows, xs.reduce(0) { $0 + expr($1) })
    }
  }
}
