import NewsFacts

extension Mention {
  /// One JSON object for `newsq mentions` (product.md §1): `kind`, `text`, `input`, `start`,
  /// `end`, then the keys of its kind — time `from`/`to`; money `value` or `low`/`high`,
  /// `currency`, `bound`; number `value`; percent `value`, `bound`; area `value` (m²), `unit`;
  /// place `name`, `full`, `code`, `level`; person `name`, `title`; org `name`. Whole numbers
  /// print without a fraction (`3400000`), unknown values as `null`.
  public func jsonObject(input: Int) -> String {
    var s = "{\"kind\":" + jsonString(kind.rawValue) + ",\"text\":" + jsonString(text)
    s += ",\"input\":\(input),\"start\":\(range.lowerBound),\"end\":\(range.upperBound)"
    switch value {
    case .time(let span):
      s += ",\"from\":" + jsonString(span.from.description) + ",\"to\":" + jsonString(span.to.description)
    case .money(let v, let low, let high, let currency, let bound):
      if let v { s += ",\"value\":" + jsonNumber(v) }
      if low != nil || high != nil {
        s += ",\"low\":" + (low.map(jsonNumber) ?? "null") + ",\"high\":" + (high.map(jsonNumber) ?? "null")
      }
      s += ",\"currency\":" + jsonString(currency) + ",\"bound\":" + jsonString(bound.rawValue)
    case .number(let v):
      s += ",\"value\":" + jsonNumber(v)
    case .percent(let v, let bound):
      s += ",\"value\":" + jsonNumber(v) + ",\"bound\":" + jsonString(bound.rawValue)
    case .area(let v, let unit):
      s += ",\"value\":" + jsonNumber(v) + ",\"unit\":" + jsonString(unit)
    case .place(let p):
      s += ",\"name\":" + jsonString(p.name) + ",\"full\":" + jsonString(p.displayPath)
      s += ",\"code\":" + (p.code.map(jsonString) ?? "null") + ",\"level\":" + jsonString(p.level.rawValue)
    case .person(let name, let title):
      s += ",\"name\":" + jsonString(name) + ",\"title\":" + (title.map(jsonString) ?? "null")
    case .org(let name):
      s += ",\"name\":" + jsonString(name)
    }
    return s + "}"
  }
}

extension PlaceRef {
  /// `山西省临汾市尧都区`, `北京市朝阳区` (a municipality is not written twice), `贾得乡` after its
  /// county; a foreign place as its country then itself (`日本东京`).
  var displayPath: String {
    if code == nil && level <= .city && country != nil {
      return [country, name == country ? nil : name].compactMap { $0 }.joined()
    }
    var parts: [String] = []
    for p in [province, city, county] {
      if let p, parts.last != p { parts.append(p) }
    }
    if level > .county, parts.last != name { parts.append(name) }
    if parts.isEmpty { return name }
    if level <= .county, parts.last != name { parts.append(name) }
    return parts.joined()
  }
}

/// A JSON string literal with the escapes RFC 8259 requires.
func jsonString(_ s: String) -> String {
  var out = "\""
  out.unicodeScalars.reserveCapacity(s.unicodeScalars.count + 2)
  for c in s.unicodeScalars {
    switch c {
    case "\"": out += "\\\""
    case "\\": out += "\\\\"
    case "\n": out += "\\n"
    case "\r": out += "\\r"
    case "\t": out += "\\t"
    default:
      if c.value < 0x20 {
        let hex = String(c.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      } else {
        out.unicodeScalars.append(c)
      }
    }
  }
  return out + "\""
}

/// A JSON number: whole values without `.0`, others in Swift's shortest round-trip form.
func jsonNumber(_ v: Double) -> String {
  guard v.isFinite else { return "null" }
  if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
  // Amounts like 3400000.0000000005 from unit conversions: round to 9 significant decimals.
  let r = (v * 1e6).rounded() / 1e6
  if abs(r - v) < 1e-9 * max(1, abs(v)), r == r.rounded(), abs(r) < 1e15 { return String(Int64(r)) }
  return "\(v)"
}
