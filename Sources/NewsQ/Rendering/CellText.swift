import FactQuery
import NewsFacts

/// How one value reads in a table or markdown cell: money in 亿/万, percent with `%`, lists
/// joined with `、`. Machine formats (csv, json, jsonl) never use this: they keep base units.
///
/// Rules (one place, so table and markdown agree):
/// - money (`.money` columns; `.quantity` rows whose unit is a currency such as 元 or 美元):
///   at least 1e12 → `万亿`, at least 1e8 → `亿`, at least 1e4 → `万`, else plain, each with up to
///   two decimals and trailing zeros trimmed, then the currency's Chinese name:
///   `100.06亿元`, `350万元`, `800元`, `4亿美元`, `2.5万欧元`; an unknown code is written after a
///   space (`3万 THB`). A rounded amount that reaches 10000 moves up a tier (`1亿元`, not `10000万元`).
///   A money column with no unit for a row is taken as CNY (the literal default of product.md §3).
/// - percent (`.quantity` rows with unit `%`): `7.6%`.
/// - area (`.area`, square metres): kept in m², written `800平方米`, `340万平方米` with the same tiers,
///   because 亩 and 公顷 would need the reader to know which one the text used.
/// - other numbers: shortest exact form, whole numbers without `.0`.
/// - lists: `、`-joined; dates ISO; spans `[start, end]`; null: `RenderOptions.nullValue`.
enum CellText {
  /// Chinese names of the currencies newsq extracts, by ISO 4217 code.
  static let currencyNames: [String: String] = [
    "CNY": "元", "RMB": "元", "USD": "美元", "EUR": "欧元", "JPY": "日元", "GBP": "英镑",
    "HKD": "港元", "MOP": "澳门元", "TWD": "新台币", "KRW": "韩元", "AUD": "澳元", "CAD": "加元",
    "SGD": "新加坡元", "RUB": "卢布", "CHF": "瑞士法郎", "INR": "卢比", "NZD": "新西兰元",
  ]

  /// The ISO code of a unit written as a currency (`元` → CNY, `USD` → USD), nil for other units.
  static func currencyCode(ofUnit unit: String) -> String? {
    if currencyNames[unit] != nil { return unit }
    switch unit {
    case "元", "人民币", "人民币元": return "CNY"
    case "美元": return "USD"
    case "欧元": return "EUR"
    case "日元": return "JPY"
    case "英镑": return "GBP"
    case "港元", "港币": return "HKD"
    default: return nil
    }
  }

  /// `100.06亿元`, `350万元`, `800元`, `4亿美元`.
  static func money(_ amount: Double, currency: String?) -> String {
    let code = currency ?? "CNY"
    let name = currencyNames[code] ?? (" " + code)
    return tiered(amount) + name
  }

  /// `340万平方米`.
  static func area(_ squareMetres: Double) -> String {
    tiered(squareMetres) + "平方米"
  }

  /// `7.6%`.
  static func percent(_ points: Double) -> String {
    guard points.isFinite else { return Value.format(points) }
    return decimal(points, places: 2) + "%"
  }

  /// An amount in 万亿/亿/万 with up to two decimals.
  static func tiered(_ x: Double) -> String {
    guard x.isFinite else { return Value.format(x) }
    let m = abs(x)
    let tiers: [(Double, String)] = [(1e12, "万亿"), (1e8, "亿"), (1e4, "万"), (1, "")]
    var i = tiers.firstIndex { m >= $0.0 } ?? 3
    // 99,999,999 would read 10000万: move up a tier when rounding reaches the next one.
    while i > 0, i < tiers.count, (m / tiers[i].0 * 100).rounded() >= 1_000_000, tiers[i - 1].0 / tiers[i].0 == 1e4 {
      i -= 1
    }
    let (scale, suffix) = tiers[i]
    return (x < 0 ? "-" : "") + decimal(m / scale, places: 2) + suffix
  }

  /// `x` with at most `places` decimals, trailing zeros trimmed (`100.06`, `350`, `0.5`).
  static func decimal(_ x: Double, places: Int) -> String {
    guard x.isFinite else { return Value.format(x) }
    var factor = 1.0
    for _ in 0..<places { factor *= 10 }
    let scaled = (abs(x) * factor).rounded()
    // Beyond 2^53 there are no decimals left to show.
    guard scaled < 9e15 else { return Value.format(x) }
    let n = Int64(scaled)
    let f = Int64(factor)
    let whole = n / f
    var frac = n % f
    var digits = places
    while digits > 0, frac % 10 == 0 { frac /= 10; digits -= 1 }
    var s = (x < 0 && n != 0 ? "-" : "") + String(whole)
    if digits > 0 {
      var fs = String(frac)
      while fs.count < digits { fs = "0" + fs }
      s += "." + fs
    }
    return s
  }

  /// What the column holds, for formatting and alignment.
  enum Style { case plain, money, quantity, area, numeric }

  static func style(of column: ResultColumn, rows: ResultRows, index: Int) -> Style {
    switch column.kind {
    case .money: return .money
    case .quantity: return .quantity
    case .area: return .area
    case .integer, .number: return .numeric
    case .none:
      // Computed columns (count, sum …) have no kind: numeric when every value is a number.
      var sawNumber = false
      guard index < rows.byColumn.count else { return .plain }
      for v in rows.byColumn[index] {
        switch v {
        case .null: continue
        case .integer, .number: sawNumber = true
        default: return .plain
        }
      }
      return sawNumber ? .numeric : .plain
    default: return .plain
    }
  }

  /// The cell text of `value` in row `row` of `column` (before escaping for the format).
  static func display(_ value: Value, style: Style, column: ResultColumn, row: Int, nullValue: String) -> String {
    let unit: String? = {
      guard let units = column.units, row >= 0, row < units.count else { return nil }
      return units[row]
    }()
    switch value {
    case .null: return nullValue
    case .integer, .number:
      let d = value.double ?? 0
      // NaN and infinities are not amounts: shown like null, as json writes them.
      guard d.isFinite else { return nullValue }
      switch style {
      case .money:
        return money(d, currency: unit.map { currencyCode(ofUnit: $0) ?? $0 })
      case .quantity:
        guard let unit else { return number(value) }
        if unit == "%" { return percent(d) }
        if let code = currencyCode(ofUnit: unit) { return money(d, currency: code) }
        return number(value)
      case .area:
        return area(d)
      case .plain, .numeric:
        return number(value)
      }
    case .text(let s): return s
    case .date(let d): return d.description
    case .list(let xs): return xs.joined(separator: "、")
    case .span(let a, let b): return "[\(a), \(b)]"
    }
  }

  static func number(_ v: Value) -> String {
    switch v {
    case .integer(let i): return String(i)
    case .number(let d): return Value.format(d)
    default: return v.description
    }
  }
}
