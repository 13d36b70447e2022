import FactStore
import NewsFacts

/// The values of one result column. Numbers, dates and spans are held as values. Text and list
/// columns read from the store are held as the rows' codes into the column's dictionary and
/// built when a value is read, as DuckDB's dictionary vectors and Arrow's dictionary arrays do;
/// a column whose values repeat (cities, kinds, hosts) holds each distinct value built once and
/// each row's position among them. A result of thousands of sentences then holds four bytes a
/// row instead of a string each, is made without one allocation per value and freed without
/// one release per value; the dictionary is the store's own, immutable and shared, so it stays
/// valid whatever the engine loads next.
///
/// Reading a text or list value of the store builds it: read each value once where it matters.
public struct ResultValues: RandomAccessCollection, Sendable, Hashable, ExpressibleByArrayLiteral {
  enum Form: UInt8, Sendable { case values, codes, shared, lists }

  let form: Form
  public let count: Int
  /// `.values`: the values.
  let values: [Value]
  /// The other forms' storage, behind one reference: a copy of a column (each row read by
  /// position copies it) retains one object, not five arrays.
  let coded: Coded?

  /// Codes and what they index.
  final class Coded: Sendable {
    /// `.codes`: each row's code into `table`; `.shared`: its position in `strings`;
    /// `TextColumn.null` for no value. `.lists`: the rows' element codes, one row after the
    /// other.
    let codes: [UInt32]
    /// `.codes` and `.lists`: the column's dictionary.
    let table: StringTable
    /// `.shared`: the distinct values, each built once.
    let strings: [String]
    /// `.lists`: row `i`'s element codes are `codes[start(bounds[i])..<start(bounds[i + 1])]`;
    /// a negative `bounds[i]` (`listBound(_:present:)`) marks a null row.
    let bounds: [Int32]

    init(codes: [UInt32], table: StringTable = ResultValues.noTable, strings: [String] = [], bounds: [Int32] = []) {
      self.codes = codes
      self.table = table
      self.strings = strings
      self.bounds = bounds
    }
  }

  private init(_ form: Form, count: Int, values: [Value] = [], coded: Coded? = nil) {
    self.form = form
    self.count = count
    self.values = values
    self.coded = coded
  }

  /// The values `values`, as they are.
  public init(_ values: [Value]) { self.init(.values, count: values.count, values: values) }

  public init(arrayLiteral values: Value...) { self.init(values) }

  /// Text values by code into `table` (`TextColumn.null` is null).
  init(table: StringTable, codes: [UInt32]) { self.init(.codes, count: codes.count, coded: Coded(codes: codes, table: table)) }

  /// Text values by position in `strings` (`TextColumn.null` is null).
  init(strings: [String], at positions: [UInt32]) {
    self.init(.shared, count: positions.count, coded: Coded(codes: positions, strings: strings))
  }

  /// Lists by element code into `table`; `bounds` has one entry more than there are rows, and
  /// `elements` holds the rows' element codes one row after the other.
  init(table: StringTable, bounds: [Int32], elements: [UInt32]) {
    self.init(.lists, count: Swift.max(0, bounds.count - 1), coded: Coded(codes: elements, table: table, bounds: bounds))
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { count }

  public subscript(i: Int) -> Value {
    // `coded` is set for every form but `.values` (read in place, without a retain).
    switch form {
    case .values:
      return values[i]
    case .codes:
      let k = coded.unsafelyUnwrapped.codes[i]
      return k == TextColumn.null ? .null : .text(coded.unsafelyUnwrapped.table[Int(k)])
    case .shared:
      let p = coded.unsafelyUnwrapped.codes[i]
      return p == TextColumn.null ? .null : .text(coded.unsafelyUnwrapped.strings[Int(p)])
    case .lists:
      let c = coded.unsafelyUnwrapped
      guard c.bounds[i] >= 0 else { return .null }
      let lo = Int(c.bounds[i]), hi = ResultValues.start(c.bounds[i + 1])
      return .list(c.codes[lo..<hi].map { c.table[Int($0)] })
    }
  }

  /// Equal when they hold the same values, however each is stored.
  public static func == (a: ResultValues, b: ResultValues) -> Bool {
    a.count == b.count && a.elementsEqual(b)
  }

  public func hash(into h: inout Hasher) {
    h.combine(count)
    for v in self { h.combine(v) }
  }
}

extension ResultValues {
  /// The table of forms without one.
  static let noTable = StringTable([])

  /// The list bounds entry for a row starting at `start`: itself, or `-(start + 1)` when the
  /// row is null (its start kept so the row before it can read its end off either form).
  static func listBound(_ start: Int, present: Bool) -> Int32 {
    present ? Int32(start) : -Int32(start) - 1
  }

  /// Where a row's elements start, from its bounds entry in either form.
  static func start(_ bound: Int32) -> Int { bound >= 0 ? Int(bound) : Int(-(bound + 1)) }
}
