import NewsFacts

/// Field accuracy: for an extracted fact matched to a key entry, which of the fields the key
/// fills did the extractor get right. A field the key leaves null is not scored (the text
/// does not say, or a reader could go either way); the key's notes say which.
enum FieldChecks {
  /// The fields scored per entity, in report order.
  static func fields(of entity: Entity) -> [String] {
    switch entity {
    case .article: return ["date", "source", "author", "province", "city", "county"]
    case .meeting: return ["date", "kind", "province", "city", "county", "venue", "host", "attendees"]
    case .person: return ["titles", "province", "city", "county"]
    case .place: return ["country", "province", "city", "county"]
    case .project: return ["investment", "bound", "area", "province", "city", "county"]
    case .indicator: return ["year", "bound", "province", "city", "county"]
    case .visit: return ["date", "end_date", "who", "country", "province", "city", "county"]
    }
  }

  /// nil when the key does not fill `field` (not scored); otherwise whether `got` is right.
  static func check(_ field: String, key: Fact, got: Fact) -> Bool? {
    switch field {
    case "date", "end_date":
      guard let k = key.date(field) else { return nil }
      return got.date(field) == k
    case "year":
      guard let k = key.number(field) else { return nil }
      return got.number(field) == k
    case "investment":
      guard let k = key.number(field) else { return nil }
      guard let g = got.number(field) else { return false }
      let kc = key.text("currency") ?? "CNY", gc = got.text("currency") ?? "CNY"
      return TextFold.same(kc, gc) && Quantity.close(k, g)
    case "area":
      guard let k = key.number(field) else { return nil }
      guard let g = got.number(field) else { return false }
      return Quantity.close(k, g)
    case "bound":
      // A key without an amount has no bound to score.
      guard key.has(field), key.has("investment") || key.has("value") else { return nil }
      return TextFold.same(key.text(field) ?? "exact", got.text(field) ?? "exact")
    case "titles":
      let k = key.list(field)
      guard !k.isEmpty else { return nil }
      let g = got.list(field)
      // Every title the reader noted is contained in some extracted title: 尧都区委书记 ⊇ 区委书记.
      return k.allSatisfy { kt in g.contains { TextFold.fold($0).contains(TextFold.fold(kt)) } }
    case "attendees", "who":
      let k = Set(key.list(field).map(TextFold.fold))
      guard !k.isEmpty else { return nil }
      let g = Set(got.list(field).map(TextFold.fold))
      return Double(k.intersection(g).count) / Double(k.union(g).count) >= 0.5
    case "venue":
      guard let k = key.text(field) else { return nil }
      guard let g = got.text(field) else { return false }
      return TextFold.placeStem(k) == TextFold.placeStem(g) || TextFold.overlaps(k, g, minimum: 2)
    default:
      guard let k = key.text(field) else { return nil }
      guard let g = got.text(field) else { return false }
      return TextFold.same(k, g)
    }
  }
}
