/// One field of an entity: its name, what it holds, and whether table views show it.
public struct FieldSpec: Sendable, Hashable {
  public var name: String
  public var kind: FieldKind
  /// Shown by `find` in table and markdown output when no `show` is given.
  public var isMain: Bool

  public init(_ name: String, _ kind: FieldKind, main: Bool = false) {
    self.name = name
    self.kind = kind
    self.isMain = main
  }
}

/// The contract of product.md §2: every entity's fields, in display order.
///
/// Every entity starts with `id` and ends with the provenance fields `doc`, `article`,
/// `evidence` and `span`, so any fact can be traced back to its sentence.
public enum Schema {
  /// The fields of `entity`, in the order results show them.
  public static func fields(of entity: Entity) -> [FieldSpec] {
    table[entity]!
  }

  /// The field called `name` (case-insensitive) on `entity`, if any.
  public static func field(_ name: String, of entity: Entity) -> FieldSpec? {
    let lower = name.lowercased()
    return table[entity]!.first { $0.name == lower }
  }

  /// How many fields `entity` has.
  @inline(__always)
  public static func fieldCount(of entity: Entity) -> Int { FieldPositions.shared.counts[entity.ordinal] }

  /// The position of field `name` (exactly as written: lowercase) in `fields(of: entity)`, nil
  /// when the entity has no such field. A hash of the name's few bytes and one string
  /// comparison: cheaper than a `Dictionary` look-up, which `Fact` makes at every access.
  @inline(__always)
  public static func position(of name: String, in entity: Entity) -> Int? {
    FieldPositions.shared.position(of: name, in: entity)
  }

  /// The provenance fields every extracted fact carries.
  public static let provenanceFields = ["doc", "article", "evidence", "span"]

  /// Place fields that carry a division's official full name, filled upward.
  public static let hierarchyFields = ["country", "province", "city", "county"]

  private static func make(_ own: [FieldSpec]) -> [FieldSpec] {
    [FieldSpec("id", .integer, main: true)] + own + [
      FieldSpec("doc", .text),
      FieldSpec("article", .integer),
      FieldSpec("evidence", .text),
      FieldSpec("span", .span),
    ]
  }

  private static let located: [FieldSpec] = [
    FieldSpec("province", .place(level: .province)),
    FieldSpec("city", .place(level: .city), main: true),
    FieldSpec("county", .place(level: .county), main: true),
  ]

  private static let table: [Entity: [FieldSpec]] = [
    .article: make([
      FieldSpec("title", .text, main: true),
      FieldSpec("date", .date, main: true),
      FieldSpec("source", .text, main: true),
      FieldSpec("author", .text),
    ] + located),
    .meeting: make([
      FieldSpec("name", .text, main: true),
      FieldSpec("kind", .text, main: true),
      FieldSpec("date", .date, main: true),
    ] + located + [
      FieldSpec("venue", .place(level: nil)),
      FieldSpec("host", .text, main: true),
      FieldSpec("attendees", .textList),
    ]),
    .person: make([
      FieldSpec("name", .text, main: true),
      FieldSpec("titles", .textList, main: true),
    ] + located + [
      FieldSpec("docs", .textList),
    ]),
    .place: make([
      FieldSpec("name", .text, main: true),
      FieldSpec("full_name", .text, main: true),
      FieldSpec("level", .text, main: true),
      FieldSpec("code", .text),
      FieldSpec("country", .place(level: .country)),
      FieldSpec("province", .place(level: .province)),
      FieldSpec("city", .place(level: .city)),
      FieldSpec("county", .place(level: .county)),
      FieldSpec("mentions", .integer, main: true),
    ]),
    .project: make([
      FieldSpec("name", .text, main: true),
      FieldSpec("investment", .money(currencyField: "currency"), main: true),
      FieldSpec("currency", .text),
      FieldSpec("bound", .text),
      FieldSpec("area", .area),
    ] + located),
    .indicator: make([
      FieldSpec("name", .text, main: true),
      FieldSpec("value", .quantity(unitField: "unit"), main: true),
      FieldSpec("unit", .text, main: true),
      FieldSpec("bound", .text),
      FieldSpec("period", .text, main: true),
      FieldSpec("year", .integer),
    ] + located),
    .visit: make([
      FieldSpec("who", .textList, main: true),
      FieldSpec("to", .place(level: nil), main: true),
      FieldSpec("country", .place(level: .country)),
    ] + located + [
      FieldSpec("date", .date, main: true),
      FieldSpec("end_date", .date),
      FieldSpec("purpose", .text),
    ]),
  ]
}

/// A field name looked up once: a fact reads or writes the field through it with one array
/// read (its position in the fact's entity), where a name is hashed and compared at every
/// access. Rules keep keys in `static let`s; names outside the schema work too (kept by name).
public struct FieldKey: Sendable, Hashable {
  /// The field name (lowercase, as in `Schema`).
  public let name: String
  /// The name's global number in `FieldPositions`, -1 when no entity has the field.
  let number: Int
  /// The field's position in each entity, 8 bits per `Entity.ordinal` (0xFF: none), so a
  /// look-up is a shift (no access to the shared table, its lazy initialisation included).
  let packed: UInt64

  public init(_ name: String) {
    self.name = name
    let t = FieldPositions.shared
    number = t.number(of: name) ?? -1
    var packed: UInt64 = ~0
    if number >= 0 {
      for e in Entity.allCases {
        let p = t.positions[e.ordinal * t.names.count + number]
        let byte: UInt64 = p < 0 ? 0xFF : UInt64(p)
        packed = (packed & ~(0xFF << UInt64(e.ordinal * 8))) | (byte << UInt64(e.ordinal * 8))
      }
    }
    self.packed = packed
  }

  /// The position of the field in `Schema.fields(of: entity)`, nil when `entity` has none.
  @inline(__always)
  public func position(in entity: Entity) -> Int? {
    let p = Int(truncatingIfNeeded: (packed &>> UInt64(entity.ordinal &* 8)) & 0xFF)
    return p == 0xFF ? nil : p
  }

  public static let id = FieldKey("id")
  public static let doc = FieldKey("doc")
  public static let article = FieldKey("article")
  public static let evidence = FieldKey("evidence")
  public static let span = FieldKey("span")
  public static let name = FieldKey("name")
  public static let fullName = FieldKey("full_name")
  public static let code = FieldKey("code")
  public static let country = FieldKey("country")
  public static let province = FieldKey("province")
  public static let city = FieldKey("city")
  public static let county = FieldKey("county")
  public static let titles = FieldKey("titles")
  public static let docs = FieldKey("docs")
  public static let mentions = FieldKey("mentions")
  public static let title = FieldKey("title")
  public static let date = FieldKey("date")
  public static let source = FieldKey("source")
  public static let author = FieldKey("author")
  public static let kind = FieldKey("kind")
  public static let venue = FieldKey("venue")
  public static let host = FieldKey("host")
  public static let attendees = FieldKey("attendees")
  public static let investment = FieldKey("investment")
  public static let currency = FieldKey("currency")
  public static let bound = FieldKey("bound")
  public static let area = FieldKey("area")
  public static let value = FieldKey("value")
  public static let unit = FieldKey("unit")
  public static let period = FieldKey("period")
  public static let year = FieldKey("year")
  public static let level = FieldKey("level")
  public static let who = FieldKey("who")
  public static let to = FieldKey("to")
  public static let endDate = FieldKey("end_date")
  public static let purpose = FieldKey("purpose")
}

/// Every field name of the schema with a global number, an open-addressing table of the names
/// by a hash of their bytes, and per entity the position of each numbered name.
final class FieldPositions: Sendable {
  static let shared = FieldPositions()

  /// Global number → name.
  let names: [String]
  /// Slot → global number + 1 (0: empty); `slots.count` is a power of two.
  let slots: [Int16]
  /// `positions[entity.ordinal * names.count + number]`: position in the entity's fields, or -1.
  let positions: [Int8]
  /// Fields per entity, by ordinal.
  let counts: [Int]

  private init() {
    var names: [String] = []
    var number: [String: Int] = [:]
    for e in Entity.allCases {
      for f in Schema.fields(of: e) where number[f.name] == nil {
        number[f.name] = names.count
        names.append(f.name)
      }
    }
    var size = 16
    while size < names.count * 4 { size <<= 1 }
    var slots = [Int16](repeating: 0, count: size)
    for (k, name) in names.enumerated() {
      var at = FieldPositions.hash(name) & (size - 1)
      while slots[at] != 0 { at = (at + 1) & (size - 1) }
      slots[at] = Int16(k + 1)
    }
    var positions = [Int8](repeating: -1, count: Entity.allCases.count * names.count)
    var counts: [Int] = []
    for e in Entity.allCases {
      let fields = Schema.fields(of: e)
      counts.append(fields.count)
      for (i, f) in fields.enumerated() { positions[e.ordinal * names.count + number[f.name]!] = Int8(i) }
    }
    self.names = names
    self.slots = slots
    self.positions = positions
    self.counts = counts
  }

  /// A hash of the UTF-8 bytes of `s` (field names are short ASCII).
  @inline(__always)
  static func hash(_ s: String) -> Int {
    var h: UInt32 = 2_166_136_261
    for b in s.utf8 { h = (h ^ UInt32(b)) &* 16_777_619 }
    return Int(h ^ (h >> 15))
  }

  /// The global number of field `name`, nil when no entity has it.
  func number(of name: String) -> Int? {
    let mask = slots.count - 1
    var at = FieldPositions.hash(name) & mask
    while true {
      let k = Int(slots[at])
      if k == 0 { return nil }
      if names[k - 1] == name { return k - 1 }
      at = (at + 1) & mask
    }
  }

  @inline(__always)
  func position(of name: String, in entity: Entity) -> Int? {
    let mask = slots.count - 1
    var at = FieldPositions.hash(name) & mask
    while true {
      let k = Int(slots[at])
      if k == 0 { return nil }
      if names[k - 1] == name {
        let p = positions[entity.ordinal * names.count + k - 1]
        return p < 0 ? nil : Int(p)
      }
      at = (at + 1) & mask
    }
  }
}
