import NewsFacts

/// How exact an amount is, as the text says: `约` is about, `过`/`余`/`以上` at least, `不到` at most.
public enum Bound: String, Sendable, Hashable {
  case exact, about
  case atLeast = "at least"
  case atMost = "at most"
}

/// A span of days, inclusive; either end may lack a year (`--07-17`) when the text gives none.
public struct TimeSpan: Sendable, Hashable {
  public var from: FactDate
  public var to: FactDate
  public init(from: FactDate, to: FactDate) { self.from = from; self.to = to }
}

/// What a recogniser found, with its reading.
public enum MentionValue: Sendable, Hashable {
  case time(TimeSpan)
  /// `value` for one amount, or `low`/`high` for a range; `currency` is ISO 4217.
  case money(value: Double?, low: Double?, high: Double?, currency: String, bound: Bound)
  case number(Double)
  case percent(Double, bound: Bound)
  /// Square metres, and the unit as written (`亩`).
  case area(Double, unit: String)
  case place(PlaceRef)
  case person(name: String, title: String?)
  case org(String)
}

/// One thing the recognisers saw in a text: what kind, where, and what it means.
public struct Mention: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    case time, money, number, percent, area, place, person, org
  }
  public var kind: Kind
  /// The words as they stand in the text that was recognised.
  public var text: String
  /// Code-point offsets `[start, end)` into the text given to the recogniser.
  public var range: Range<Int>
  public var value: MentionValue

  public init(kind: Kind, text: String, range: Range<Int>, value: MentionValue) {
    self.kind = kind
    self.text = text
    self.range = range
    self.value = value
  }
}
