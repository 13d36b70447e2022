/// A calendar day whose year may be unknown (`--07-18` in ISO 8601's form).
///
/// News often writes `7月17日` with the year only implied; extraction never guesses it
/// from the clock, so such dates keep `year == nil`, sort last and fail range comparisons.
public struct FactDate: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var year: Int?
  public var month: Int
  public var day: Int

  public init(year: Int?, month: Int, day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses `YYYY-MM-DD` or `--MM-DD`; nil for anything else or an impossible day.
  public init?(iso: String) {
    let parts = iso.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
    func num(_ s: Substring.UTF8View.SubSequence) -> Int? {
      guard !s.isEmpty, s.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
      return s.reduce(0) { $0 * 10 + Int($1 - 48) }
    }
    if parts.count == 3, parts[0].count == 4, let y = num(parts[0]), let m = num(parts[1]), let d = num(parts[2]) {
      self.init(year: y, month: m, day: d)
    } else if parts.count == 4, parts[0].isEmpty, parts[1].isEmpty, let m = num(parts[2]), let d = num(parts[3]) {
      self.init(year: nil, month: m, day: d)
    } else {
      return nil
    }
    guard month >= 1, month <= 12, day >= 1, day <= FactDate.daysIn(month: month, year: year) else { return nil }
  }

  /// Days in a month; February has 29 when the year is unknown or a leap year.
  public static func daysIn(month: Int, year: Int?) -> Int {
    switch month {
    case 2:
      guard let y = year else { return 29 }
      return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// A sortable integer: `YYYYMMDD`, with unknown years after every known one.
  public var ordinal: Int32 {
    Int32((year ?? 99_999) * 10_000 + month * 100 + day)
  }

  /// ISO form: `2024-07-17`, or `--07-17` when the year is unknown.
  public var description: String {
    let mm = month < 10 ? "0\(month)" : "\(month)"
    let dd = day < 10 ? "0\(day)" : "\(day)"
    guard let y = year else { return "--\(mm)-\(dd)" }
    var ys = String(y)
    while ys.count < 4 { ys = "0" + ys }
    return "\(ys)-\(mm)-\(dd)"
  }

  public static func < (a: FactDate, b: FactDate) -> Bool { a.ordinal < b.ordinal }
}

/// A field's value in a fact or a result row.
public enum Value: Sendable, Hashable, CustomStringConvertible {
  case null
  case text(String)
  case integer(Int64)
  case number(Double)
  case date(FactDate)
  case list([String])
  /// Code-point offsets `[start, end)` into the decoded original document.
  case span(Int, Int)

  public var isNull: Bool {
    if case .null = self { return true }
    return false
  }

  /// The text, if this is a text value.
  public var text: String? {
    if case .text(let s) = self { return s }
    return nil
  }

  /// The value as a Double, if numeric.
  public var double: Double? {
    switch self {
    case .integer(let i): return Double(i)
    case .number(let d): return d
    default: return nil
    }
  }

  /// A plain rendering without quotes: what a table cell shows before money formatting.
  public var description: String {
    switch self {
    case .null: return ""
    case .text(let s): return s
    case .integer(let i): return String(i)
    case .number(let d): return Value.format(d)
    case .date(let d): return d.description
    case .list(let xs): return xs.joined(separator: "、")
    case .span(let a, let b): return "[\(a), \(b)]"
    }
  }

  /// Formats a double without a trailing `.0` for whole numbers (`1e10` → `10000000000`).
  public static func format(_ d: Double) -> String {
    if d.isFinite, d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
    return String(d)
  }
}

/// One extracted (or directly added) fact: an entity and its field values by name.
///
/// Fields not set are null. `id` is assigned by the store when absent; extracted facts also
/// carry the provenance fields `doc`, `article`, `evidence` and `span`.
///
/// The values of the entity's schema fields are kept by position (`Schema.fields(of:)`) in one
/// small array, found by name through `Schema.position(of:in:)`, which costs far less than
/// hashing the name into a dictionary (and a dictionary growing field by field rehashes them
/// all); names outside the schema, rare, are kept in a dictionary beside it. `fields` shows
/// both as one dictionary.
public struct Fact: Sendable, Hashable {
  public var entity: Entity {
    didSet {
      guard entity != oldValue else { return }
      let all = Fact.fields(entity: oldValue, values: values, extra: extra)
      values = Fact.nulls(entity)
      extra = [:]
      for (k, v) in all { self[k] = v }
    }
  }
  /// Values by schema position; `.null` where unset.
  @usableFromInline var values: [Value]
  /// Values of names outside the schema (never null).
  private var extra: [String: Value]
  /// Further places the fact was found, beyond the first (whose provenance is in `fields`):
  /// every later mention of a merged person, say. `why` lists them all.
  public var moreSources: [Source]

  public init(_ entity: Entity, _ fields: [String: Value] = [:], moreSources: [Source] = []) {
    self.entity = entity
    self.values = Fact.nulls(entity)
    self.extra = [:]
    self.moreSources = moreSources
    // (most facts start empty: no dictionary iteration set up for nothing)
    if !fields.isEmpty { for (k, v) in fields { self[k] = v } }
  }

  @inline(__always)
  private static func nulls(_ e: Entity) -> [Value] {
    let n = Schema.fieldCount(of: e)
    guard n > 0, n <= nullBlock.count else { return [Value](repeating: .null, count: n) }
    // `.null` carries no payload (nothing to retain): its bytes are copied from a block of
    // nulls, where `init(repeating:count:)` copies the enum case by case (a third of the cost
    // of a new fact).
    return [Value](unsafeUninitializedCapacity: n) { buf, count in
      nullBlock.withUnsafeBufferPointer { src in
        UnsafeMutableRawPointer(buf.baseAddress!).copyMemory(from: src.baseAddress!, byteCount: n * MemoryLayout<Value>.stride)
      }
      count = n
    }
  }

  /// Nulls to copy a new fact's values from (more than any entity has fields).
  private static let nullBlock = [Value](repeating: .null, count: 32)

  private static func fields(entity: Entity, values: [Value], extra: [String: Value]) -> [String: Value] {
    var out = extra
    let specs = Schema.fields(of: entity)
    for (i, v) in values.enumerated() where !v.isNull { out[specs[i].name] = v }
    return out
  }

  /// Every field that holds a value, by name.
  public var fields: [String: Value] {
    get { Fact.fields(entity: entity, values: values, extra: extra) }
    set {
      values = Fact.nulls(entity)
      extra = [:]
      for (k, v) in newValue { self[k] = v }
    }
  }

  public subscript(_ name: String) -> Value {
    get {
      if let i = Schema.position(of: name, in: entity) { return values[i] }
      return extra[name] ?? .null
    }
    set {
      if let i = Schema.position(of: name, in: entity) {
        values[i] = newValue
      } else {
        extra[name] = newValue.isNull ? nil : newValue
      }
    }
  }

  /// The value of the field `key` (a name looked up once), `.null` when unset.
  public subscript(_ key: FieldKey) -> Value {
    @inline(__always) get {
      if let i = key.position(in: entity) { return values[i] }
      return extra[key.name] ?? .null
    }
    @inline(__always) set {
      if let i = key.position(in: entity) {
        values[i] = newValue
      } else {
        extra[key.name] = newValue.isNull ? nil : newValue
      }
    }
  }

  /// The value of the field at `position` in `Schema.fields(of: entity)` (`.null` when unset).
  @inlinable @inline(__always)
  public func value(at position: Int) -> Value { values[position] }

  /// Sets the field at `position` in `Schema.fields(of: entity)`.
  @inline(__always)
  public mutating func setValue(_ v: Value, at position: Int) { values[position] = v }

  /// Calls `body` with each field that holds a value: schema fields in schema order, then the
  /// others (in no particular order).
  public func forEachField(_ body: (String, Value) throws -> Void) rethrows {
    let specs = Schema.fields(of: entity)
    for (i, v) in values.enumerated() where !v.isNull { try body(specs[i].name, v) }
    for (k, v) in extra { try body(k, v) }
  }

  /// How many fields hold a value.
  public var fieldCount: Int {
    var n = extra.count
    for v in values where !v.isNull { n += 1 }
    return n
  }
}

extension Value: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral {
  public init(stringLiteral value: String) { self = .text(value) }
  public init(integerLiteral value: Int64) { self = .integer(value) }
  public init(floatLiteral value: Double) { self = .number(value) }
}

/// Where a fact was found: document, article, the sentence and its code-point span in the
/// decoded original document.
public struct Source: Sendable, Hashable {
  public var doc: String
  public var article: Int64
  public var evidence: String
  public var span: Range<Int>
  public init(doc: String, article: Int64, evidence: String, span: Range<Int>) {
    self.doc = doc
    self.article = article
    self.evidence = evidence
    self.span = span
  }
}
