/// A place the gazetteer knows: a Chinese division or a foreign country or city.
public struct PlaceRef: Sendable, Hashable {
  /// Official full name (临汾市, 尧都区, 日本).
  public var name: String
  public var level: PlaceLevel
  /// Statistical code for Chinese divisions (141002), nil for foreign places.
  public var code: String?
  /// The hierarchy above and including this place, as official full names.
  public var country: String?
  public var province: String?
  public var city: String?
  public var county: String?

  public init(name: String, level: PlaceLevel, code: String? = nil, country: String? = nil,
              province: String? = nil, city: String? = nil, county: String? = nil) {
    self.name = name
    self.level = level
    self.code = code
    self.country = country
    self.province = province
    self.city = city
    self.county = county
  }

  /// `山西省临汾市尧都区`: the full path of a Chinese division, or the name of a foreign place.
  public var fullPath: String {
    // A municipality is its own city (北京市朝阳区, not 北京市北京市朝阳区).
    // (appended in place: no array of parts and no `joined`)
    // (names compared by bytes: the gazetteer's names are one spelling each, and `String`'s
    // `==` normalises unequal Chinese text before it answers)
    let c = PlaceRef.sameBytes(city, province) ? nil : city
    if province == nil && c == nil && county == nil {
      var out = country ?? ""
      if !PlaceRef.sameBytes(name, country) { out += name }
      return out
    }
    var path = province ?? ""
    if let c { path += c }
    if let k = county { path += k }
    if level > .county { path += name }
    return path
  }

  /// Whether two optional names are both nil or have the same UTF-8 bytes.
  @inline(__always)
  static func sameBytes(_ a: String?, _ b: String?) -> Bool {
    guard let a, let b else { return a == nil && b == nil }
    return a.utf8.count == b.utf8.count && a.utf8.elementsEqual(b.utf8)
  }
}

/// Resolves a place name as a user types it (short, full, traditional or old) to the places
/// it can mean. The query planner uses it for place fields and `place = …`; the extractor's
/// gazetteer implements it, and tests can supply their own.
public protocol PlaceResolver: Sendable {
  /// Every place `name` can denote, most likely first; empty when unknown.
  func resolve(_ name: String) -> [PlaceRef]
}

/// A resolver that knows nothing; places then compare as plain folded text.
public struct NoPlaces: PlaceResolver {
  public init() {}
  public func resolve(_ name: String) -> [PlaceRef] { [] }
}
