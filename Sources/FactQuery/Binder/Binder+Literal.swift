import FactStore
import NewsFacts

/// A literal with parameters substituted.
enum BoundLiteral: Sendable, Hashable {
  case string(String)
  case number(Double)
  case money(Double, currency: String?)
  case percent(Double)
  case area(Double)
  case date(DateLiteral)

  var kindName: String {
    switch self {
    case .string: return "text"
    case .number: return "a number"
    case .money: return "money"
    case .percent: return "a percent"
    case .area: return "an area"
    case .date: return "a date"
    }
  }
}

extension Binder {
  /// The value of `l`, with `$N` replaced by `parameters[N-1]` (text → string, numbers →
  /// number, dates → date), never by pasting text into the statement.
  func literal(_ l: Literal) throws(Diagnostic) -> BoundLiteral {
    switch l.value {
    case .string(let s): return .string(s)
    case .number(let d): return .number(d)
    case .money(let d, let c): return .money(d, currency: c)
    case .percent(let d): return .percent(d)
    case .area(let d): return .area(d)
    case .date(let d): return .date(d)
    case .parameter(let n):
      guard n >= 1, n <= parameters.count else {
        throw Diagnostic("no value for parameter $\(n)", at: l.range,
                         hint: parameters.isEmpty ? "this statement needs parameters" : "\(parameters.count) parameter(s) given")
      }
      switch parameters[n - 1] {
      case .text(let s): return .string(s)
      case .integer(let i): return .number(Double(i))
      case .number(let d): return .number(d)
      case .date(let d):
        if d.year == nil { return .string(d.description) }
        return .date(DateLiteral(first: d, last: d, precision: .day))
      case .null:
        throw Diagnostic("parameter $\(n) is null", at: l.range, hint: "test for null with 'is null'")
      case .list, .span:
        throw Diagnostic("parameter $\(n) must be text, a number or a date", at: l.range)
      }
    }
  }

  /// The literal as text, for text fields: strings as they are, anything else as written.
  func text(of l: Literal) throws(Diagnostic) -> String {
    switch try literal(l) {
    case .string(let s): return s
    case .number(let d): if case .parameter = l.value { return Value.format(d) } else { return l.text }
    case .date(let d): if case .parameter = l.value { return d.first.description } else { return l.text }
    default: return l.text
    }
  }

  func mismatch(_ f: FieldRef, _ l: Literal, _ b: BoundLiteral) -> Diagnostic {
    let hint: String
    switch f.kind {
    case .date: hint = "dates are written 2019-05-20, 2019-05 or 2019"
    case .money: hint = "amounts are written 10亿, 1.5万元 or 4亿美元"
    case .quantity: hint = "values are written 7.6%, 10亿 or 42"
    case .area: hint = "areas are written 5100亩, 12.4平方公里 or 200平方米"
    case .integer, .number: hint = "write a number such as 42"
    default: hint = "write a quoted string"
    }
    return Diagnostic("cannot compare \(f.name) (\(Binder.kindName(f.kind))) with \(l.text) (\(b.kindName))",
                      at: l.range, hint: hint)
  }

  // MARK: numbers

  /// A number for a numeric field and the unit names a row must carry (nil: any unit).
  func numeric(_ f: FieldRef, _ l: Literal) throws(Diagnostic) -> (Double, units: [String]?) {
    let b = try literal(l)
    var plain: Double? = nil
    switch b {
    case .number(let d): plain = d
    case .string(let s): plain = Binder.parseNumber(s)
    case .date(let d) where d.precision == .year: plain = d.first.year.map(Double.init)
    default: break
    }
    switch f.kind {
    case .integer, .number:
      if let p = plain { return (p, nil) }
      if case .money(let d, nil) = b { return (d, nil) }
    case .area:
      if let p = plain { return (p, nil) }
      if case .area(let d) = b { return (d, nil) }
      if case .money(let d, nil) = b { return (d, nil) }
    case .money:
      if let p = plain { return (p, Binder.currencyNames("CNY")) }
      if case .money(let d, let c) = b { return (d, Binder.currencyNames(c ?? "CNY")) }
    case .quantity:
      if let p = plain { return (p, nil) }
      if case .money(let d, let c) = b { return (d, Binder.currencyNames(c ?? "CNY")) }
      if case .percent(let d) = b { return (d, ["%"]) }
      if case .area(let d) = b { return (d, ["平方米", "m²", "㎡", "m2"]) }
    default: break
    }
    throw mismatch(f, l, b)
  }

  /// The unit texts a currency is written with in the currency or unit fields.
  static func currencyNames(_ code: String) -> [String] {
    switch code.uppercased() {
    case "CNY", "RMB": return ["CNY", "RMB", "人民币", "元"]
    case "USD": return ["USD", "美元"]
    case "EUR": return ["EUR", "欧元"]
    case "JPY": return ["JPY", "日元"]
    case "HKD": return ["HKD", "港元", "港币"]
    case "GBP": return ["GBP", "英镑"]
    default: return [code]
    }
  }

  /// A plain decimal number (`42`, `-3.5`, `1e9`), nil for anything else.
  static func parseNumber(_ s: String) -> Double? {
    let t = s.unicodeScalars
    guard !t.isEmpty, t.count < 64,
          t.allSatisfy({ ("0"..."9").contains($0) || $0 == "." || $0 == "-" || $0 == "+" || $0 == "e" || $0 == "E" }),
          let d = Double(s), d.isFinite else { return nil }
    return d
  }

  // MARK: dates

  /// A date literal as a period, or an exact day that may lack its year (quoted `--07-18`).
  enum DateOperand { case period(first: Int32, last: Int32), exact(Int32) }

  func dateOperand(_ f: FieldRef, _ l: Literal) throws(Diagnostic) -> DateOperand {
    let b = try literal(l)
    switch b {
    case .date(let d):
      if d.yearUnknown { return .exact(DateColumn.ordinal(d.first)) }
      return .period(first: DateColumn.ordinal(d.first), last: DateColumn.ordinal(d.last))
    case .number(let n) where n == n.rounded() && n >= 1 && n <= 9998:
      let y = Int(n)
      return .period(first: DateColumn.ordinal(FactDate(year: y, month: 1, day: 1)),
                     last: DateColumn.ordinal(FactDate(year: y, month: 12, day: 31)))
    case .string(let s):
      if let d = FactDate(iso: s) {
        if d.year == nil { return .exact(DateColumn.ordinal(d)) }
        return .period(first: DateColumn.ordinal(d), last: DateColumn.ordinal(d))
      }
      if let p = Binder.parsePeriod(s) { return p }
      throw Diagnostic("'\(s)' is not a date", at: l.range, hint: "dates are written 2019-05-20, 2019-05, 2019 or \"--07-18\"")
    default:
      throw mismatch(f, l, b)
    }
  }

  /// `YYYY` or `YYYY-MM` as a period.
  static func parsePeriod(_ s: String) -> DateOperand? {
    let parts = s.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count <= 2, parts[0].count == 4, let y = Int(parts[0]), y >= 1 else { return nil }
    if parts.count == 1 {
      return .period(first: DateColumn.ordinal(FactDate(year: y, month: 1, day: 1)),
                     last: DateColumn.ordinal(FactDate(year: y, month: 12, day: 31)))
    }
    guard parts[1].count == 2, let m = Int(parts[1]), m >= 1, m <= 12 else { return nil }
    return .period(first: DateColumn.ordinal(FactDate(year: y, month: m, day: 1)),
                   last: DateColumn.ordinal(FactDate(year: y, month: m, day: FactDate.daysIn(month: m, year: y))))
  }
}
