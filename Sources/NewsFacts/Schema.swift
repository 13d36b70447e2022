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
