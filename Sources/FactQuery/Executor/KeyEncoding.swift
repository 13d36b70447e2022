import FactStore
import NewsFacts

/// Values encoded as order-preserving `UInt64`s, so sorting and grouping compare integers:
/// text by dictionary code (pinyin order), numbers by an order-preserving bit pattern, dates
/// by ordinal. `null` is `UInt64.max` and sorts last.
enum KeyEncoding {
  static let null = UInt64.max

  @inline(__always)
  static func number(_ d: Double) -> UInt64 {
    let bits = (d == 0 ? 0.0 : d).bitPattern
    return bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
  }

  @inline(__always)
  static func decodeNumber(_ k: UInt64) -> Double {
    Double(bitPattern: k & (1 << 63) != 0 ? k & ~(1 << 63) : ~k)
  }

  @inline(__always)
  static func date(_ o: Int32) -> UInt64 { UInt64(Int64(o) - Int64(Int32.min)) }

  static let unknownYear = date(DateColumn.unknownYearBase)

  /// The key of `row` in a scalar column; for a list, its first element.
  @inline(__always)
  static func key(_ col: Column, _ row: Int) -> UInt64 {
    switch col {
    case .text(let c):
      let code = c.codes[row]
      return code == TextColumn.null ? null : UInt64(code)
    case .number(let c): return c.present[row] ? number(c.values[row]) : null
    case .date(let c):
      let o = c.ordinals[row]
      return o == DateColumn.null ? null : date(o)
    case .list(let c):
      let xs = c.codes(row)
      return xs.first.map { UInt64($0) } ?? null
    case .span(let c): return c.present[row] ? UInt64(truncatingIfNeeded: max(0, c.starts[row])) : null
    }
  }

  /// The result value of a key of `col`.
  static func value(_ k: UInt64, _ col: Column) -> Value {
    if k == null { return .null }
    switch col {
    case .text(let c): return Int(k) < c.dictionary.count ? .text(c.dictionary.values[Int(k)]) : .null
    case .list(let c): return Int(k) < c.dictionary.count ? .text(c.dictionary.values[Int(k)]) : .null
    case .number(let c):
      let d = decodeNumber(k)
      if c.isInteger, let i = Int64(exactly: d) { return .integer(i) }
      return .number(d)
    case .date: return .date(DateColumn.date(Int32(truncatingIfNeeded: Int64(k) + Int64(Int32.min))))
    case .span: return .null
    }
  }

  /// Compares two keys: nulls last and dates without a year after dated ones, whatever the
  /// direction; otherwise ascending or descending.
  @inline(__always)
  static func compare(_ x: UInt64, _ y: UInt64, isDate: Bool, descending: Bool) -> Int {
    if x == y { return 0 }
    let cx = x == null ? 2 : (isDate && x >= unknownYear ? 1 : 0)
    let cy = y == null ? 2 : (isDate && y >= unknownYear ? 1 : 0)
    if cx != cy { return cx < cy ? -1 : 1 }
    let lt = x < y
    return (lt != descending) ? -1 : 1
  }
}

/// A group's key: up to four parts stored inline (no allocation per row), more in `rest`.
struct GroupKey: Hashable {
  var a: UInt64 = 0, b: UInt64 = 0, c: UInt64 = 0, d: UInt64 = 0
  var rest: [UInt64] = []

  subscript(_ i: Int) -> UInt64 {
    get {
      switch i {
      case 0: return a
      case 1: return b
      case 2: return c
      case 3: return d
      default: return i - 4 < rest.count ? rest[i - 4] : 0
      }
    }
    set {
      switch i {
      case 0: a = newValue
      case 1: b = newValue
      case 2: c = newValue
      case 3: d = newValue
      default:
        while rest.count <= i - 4 { rest.append(0) }
        rest[i - 4] = newValue
      }
    }
  }
}
