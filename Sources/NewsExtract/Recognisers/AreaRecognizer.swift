/// Areas in square metres: `5100亩` (1亩 = 10000/15 m²), `12.4平方公里`, `3公顷`, `200平方米`,
/// `2万平方米`. The unit is kept as written.
enum AreaRecognizer {
  static let units: [(String, Double)] = [
    ("亩", 10_000.0 / 15.0), ("平方公里", 1e6), ("平方千米", 1e6), ("平方米", 1), ("平米", 1),
    ("㎡", 1), ("公顷", 1e4), ("km²", 1e6), ("m²", 1),
  ]
  static let unitWords = Lexicon.words(units.map(\.0))

  /// `token` is `NumberToken.scan(t, at: i)`, read once by the caller for every family.
  static func match(_ t: [Unicode.Scalar], at i: Int, token: NumberToken?) -> (end: Int, value: MentionValue)? {
    guard let n = token else { return nil }
    var k = n.end
    var more = false
    if k < t.count, t[k] == "余" || t[k] == "多" { k += 1; more = true }
    guard let u = Lexicon.longest(t, at: k, unitWords) else { return nil }
    _ = more
    let (name, factor) = units[u.index]
    // 亩 factors divide exactly: value * 10000 / 15.
    let v = name == "亩" ? n.value * 10_000 / 15 : n.value * factor
    return (u.end, .area(v, unit: name))
  }
}
