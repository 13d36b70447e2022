/// What a field holds and therefore how literals compare with it.
public enum FieldKind: Sendable, Hashable {
  /// Free text; comparisons fold 繁→简, full-width and Latin case on both sides.
  case text
  /// A place name compared through the gazetteer. `level` is the division level the
  /// field holds (`nil` for fields such as `venue` or `to` that hold any level).
  case place(level: PlaceLevel?)
  /// A whole number (ids, counts).
  case integer
  /// A plain decimal number.
  case number
  /// An amount of money in base units (yuan, dollars …); its currency is in `currencyField`.
  /// A literal without a currency is CNY and only matches rows in the same currency.
  case money(currencyField: String)
  /// A measured value whose unit (元, %, 人 …) is in `unitField`; a percent literal only
  /// matches rows whose unit is `%`, a money literal only rows in yuan.
  case quantity(unitField: String)
  /// An area in square metres.
  case area
  /// A calendar day, possibly without a year (`--07-18`).
  case date
  /// A list of texts (attendees, titles, docs).
  case textList
  /// A `[start, end)` range of code-point offsets into the original document.
  case span

  /// True for kinds stored as text dictionaries (text, place).
  public var isText: Bool {
    switch self {
    case .text, .place: return true
    default: return false
    }
  }

  /// True for kinds compared as numbers.
  public var isNumeric: Bool {
    switch self {
    case .integer, .number, .money, .quantity, .area: return true
    default: return false
    }
  }
}

/// The level of a place, from a country down to a village.
public enum PlaceLevel: String, Sendable, Hashable, CaseIterable, Comparable {
  case country, province, city, county, township, village

  public static func < (a: PlaceLevel, b: PlaceLevel) -> Bool {
    allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
  }
}
