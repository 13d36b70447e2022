import NewsFacts

/// The rules deciding whether an extracted fact is the fact a key entry describes.
///
/// Each rule returns a similarity score: 0 means "not this fact", anything above means a
/// match, and higher scores win when several extracted facts compete for one key entry.
/// The rules test identity only (is this the same meeting?); whether its fields are right is
/// scored separately as field accuracy, so a meeting found with the wrong host counts as found
/// but its host as wrong.
///
/// - article: title overlap (Dice on characters) ≥ 0.5 with the title or an alias.
/// - meeting: compatible dates and name overlap ≥ 0.5 (with the name or an alias); or,
///   when both dates are known and compatible, the same kind. Dates are compatible when both
///   are unknown, or both are known with the same month and day and the years equal or one
///   of them missing (the year itself is scored as field accuracy).
/// - person: the same name.
/// - place: the same level and the same official full name (or an alias); an extracted
///   full name given as a path (山西省临汾市尧都区) also matches its last part.
/// - project: name overlap ≥ 0.5, or one name containing the other (≥ 4 characters).
/// - indicator: values equal within 0.5 % in the same dimension after bringing both to base
///   units (亿元 → 元, 万人 → 人, 亩/平方公里 → m²), and name overlap ≥ 0.5 or containment
///   (names are the reader's words, so aliases are listed in the key: GDP / 地区生产总值).
/// - visit: at least one person in common in `who`, and the same destination: `to` equal or
///   one containing the other after folding (江苏省仪征市 ⊇ 仪征), or failing that the same
///   county (or, for a city-level or foreign destination, the same city or country) — the
///   latter counts half, so the exact destination wins when both exist.
enum Matching {
  static let threshold = 0.5

  static func score(key: KeyEntry, got: Fact) -> Double {
    guard key.entity == got.entity else { return 0 }
    switch key.entity {
    case .article: return article(key, got)
    case .meeting: return meeting(key, got)
    case .person: return person(key, got)
    case .place: return place(key, got)
    case .project: return project(key, got)
    case .indicator: return indicator(key, got)
    case .visit: return visit(key, got)
    }
  }

  /// The best overlap of `got` with the key's `field` or any of its aliases.
  static func nameSimilarity(_ key: KeyEntry, _ field: String, _ got: String?) -> Double {
    guard let got else { return 0 }
    let names = [key.fact.text(field)].compactMap { $0 } + key.aliases
    return names.map { TextFold.dice($0, got) }.max() ?? 0
  }

  static func datesCompatible(_ a: FactDate?, _ b: FactDate?) -> Bool {
    switch (a, b) {
    case (nil, nil): return true
    case let (x?, y?):
      return x.month == y.month && x.day == y.day && (x.year == nil || y.year == nil || x.year == y.year)
    default: return false
    }
  }

  static func article(_ key: KeyEntry, _ got: Fact) -> Double {
    let s = nameSimilarity(key, "title", got.text("title"))
    return s >= threshold ? s : 0
  }

  static func meeting(_ key: KeyEntry, _ got: Fact) -> Double {
    let kd = key.fact.date("date"), gd = got.date("date")
    guard datesCompatible(kd, gd) else { return 0 }
    let s = nameSimilarity(key, "name", got.text("name"))
    if s >= threshold { return 1 + s }
    if kd != nil, let kk = key.fact.text("kind"), let gk = got.text("kind"), TextFold.same(kk, gk) { return 1 }
    return 0
  }

  static func person(_ key: KeyEntry, _ got: Fact) -> Double {
    guard let g = got.text("name") else { return 0 }
    let names = [key.fact.text("name")].compactMap { $0 } + key.aliases
    return names.contains { TextFold.same($0, g) } ? 1 : 0
  }

  static func place(_ key: KeyEntry, _ got: Fact) -> Double {
    guard let kl = key.fact.text("level"), let gl = got.text("level"), TextFold.same(kl, gl) else { return 0 }
    let wanted = ([key.fact.text("full_name")].compactMap { $0 } + key.aliases).map(TextFold.fold)
    let given = [got.text("full_name"), got.text("name")].compactMap { $0 }.map(TextFold.fold)
    for w in wanted where !w.isEmpty {
      for g in given where g == w || (g.hasSuffix(w) && g.count > w.count) { return 1 }
    }
    return 0
  }

  static func project(_ key: KeyEntry, _ got: Fact) -> Double {
    guard let g = got.text("name") else { return 0 }
    var s = nameSimilarity(key, "name", g)
    let names = [key.fact.text("name")].compactMap { $0 } + key.aliases
    if names.contains(where: { TextFold.overlaps($0, g, minimum: 4) }) { s = max(s, 0.75) }
    return s >= threshold ? s : 0
  }

  static func indicator(_ key: KeyEntry, _ got: Fact) -> Double {
    guard let kv = key.fact.number("value"), let gv = got.number("value") else { return 0 }
    let kq = Quantity(kv, unit: key.fact.text("unit")), gq = Quantity(gv, unit: got.text("unit"))
    guard kq.matches(gq) else { return 0 }
    var s = nameSimilarity(key, "name", got.text("name"))
    if let g = got.text("name") {
      let names = [key.fact.text("name")].compactMap { $0 } + key.aliases
      if names.contains(where: { TextFold.overlaps($0, g, minimum: 2) }) { s = max(s, 0.75) }
    }
    return s >= threshold ? 1 + s : 0
  }

  static func visit(_ key: KeyEntry, _ got: Fact) -> Double {
    let kw = Set(key.fact.list("who").map(TextFold.fold)), gw = Set(got.list("who").map(TextFold.fold))
    let common = kw.intersection(gw).count
    guard common > 0 else { return 0 }
    let who = Double(common) / Double(kw.union(gw).count)
    let dest = destination(key.fact, got)
    return dest > 0 ? dest + who : 0
  }

  /// 1 for the same destination as written, 0.5 for the same resolved division, 0 otherwise.
  static func destination(_ key: Fact, _ got: Fact) -> Double {
    if let kt = key.text("to"), let gt = got.text("to") {
      if TextFold.same(kt, gt) || TextFold.overlaps(kt, gt, minimum: 2)
        || TextFold.placeStem(kt) == TextFold.placeStem(gt) { return 1 }
    }
    for field in ["county", "city", "country"] {
      if let k = key.text(field) {
        if let g = got.text(field), TextFold.same(k, g) { return 0.5 }
        return 0
      }
    }
    if let k = key.text("province"), key.text("city") == nil, let g = got.text("province"), got.text("city") == nil,
       TextFold.same(k, g) { return 0.5 }
    return 0
  }
}
