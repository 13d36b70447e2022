import Foundation

/// A measured value brought to base units so that `57.06万人`, `570600人` and `570600` with
/// unit `人` compare equal, and `100.06亿元` equals `10006000000` yuan.
struct Quantity: Equatable {
  enum Dimension: Equatable {
    case money(String)   // ISO currency
    case percent
    case area            // m²
    case count           // 人, 个, 项, 位 … (all the same dimension: the value decides)
    case unknown         // no unit given: compares with anything
  }
  var value: Double
  var dimension: Dimension

  private static let multipliers: [(String, Double)] = [
    ("万亿", 1e12), ("亿", 1e8), ("千万", 1e7), ("百万", 1e6), ("十万", 1e5), ("万", 1e4), ("千", 1e3), ("百", 1e2),
  ]
  private static let money: [String: String] = [
    "元": "CNY", "人民币": "CNY", "人民币元": "CNY", "cny": "CNY", "rmb": "CNY",
    "美元": "USD", "usd": "USD", "欧元": "EUR", "eur": "EUR", "日元": "JPY", "英镑": "GBP", "港元": "HKD", "港币": "HKD",
  ]
  private static let areas: [String: Double] = [
    "平方米": 1, "m²": 1, "m2": 1, "㎡": 1, "平方公里": 1e6, "平方千米": 1e6, "km²": 1e6, "km2": 1e6,
    "亩": 2000.0 / 3.0, "公顷": 1e4, "ha": 1e4,
  ]

  /// Reads `value` in `unit` (as the extractor or the key wrote it) into base units.
  init(_ value: Double, unit: String?) {
    var u = (unit ?? "").trimmingCharacters(in: .whitespaces).lowercased()
    var v = value
    if u.isEmpty { self.init(value: v, dimension: .unknown); return }
    if u == "%" || u == "％" || u == "个百分点" || u == "百分点" { self.init(value: v, dimension: .percent); return }
    for (prefix, m) in Quantity.multipliers where u.hasPrefix(prefix) && u.count > prefix.count {
      v *= m
      u.removeFirst(prefix.count)
      break
    }
    if let c = Quantity.money[u] { self.init(value: v, dimension: .money(c)); return }
    if let a = Quantity.areas[u] { self.init(value: v * a, dimension: .area); return }
    self.init(value: v, dimension: .count)
  }

  init(value: Double, dimension: Dimension) {
    self.value = value
    self.dimension = dimension
  }

  /// Same dimension (unknown matches any) and values within `tolerance` (relative).
  func matches(_ other: Quantity, tolerance: Double = 0.005) -> Bool {
    if dimension != .unknown, other.dimension != .unknown, dimension != other.dimension { return false }
    return Quantity.close(value, other.value, tolerance: tolerance)
  }

  static func close(_ a: Double, _ b: Double, tolerance: Double = 0.005) -> Bool {
    if a == b { return true }
    return abs(a - b) <= tolerance * max(abs(a), abs(b))
  }
}
