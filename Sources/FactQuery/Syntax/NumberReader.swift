import NewsFacts

/// Reads a number literal with its unit glued on, as people write them in Chinese news.
///
/// | written | value |
/// | --- | --- |
/// | `42`, `3.5`, `1e9`, `-2` | `.number` |
/// | `10亿`, `1.5万`, `3千万`, `2万亿` (十 百 千 万 亿 multiply, and combine) | `.money(…, currency: nil)` |
/// | `10亿元`, `4亿美元`, `3欧元`, `5港元`/`5港币`, `7日元`, `2英镑`, `9人民币`, `1亿USD` | `.money(…, currency: ISO code)` |
/// | `7.6%` | `.percent(7.6)` |
/// | `5100亩` (1 亩 = 10000/15 m²), `3公顷` (1e4), `12.4平方公里`/`平方千米` (1e6), `200平方米`/`平米`, `2万平方米` | `.area(m²)` |
/// | `2019-05-20`, `2019-5-20`, `2019/05/20`, `2019年5月20日` | `.date`, a day |
/// | `2019-05`, `2019年5月` | `.date`, a whole month |
/// | `2019年` | `.date`, a whole year |
///
/// A bare `2019` stays `.number(2019)`: the parser cannot know the field. The binder reads a
/// `.number` whose `Literal.text` is exactly four ASCII digits as the whole year when it is
/// compared with a date field (`date = 2019`, `between 2019 and 2020`).
/// An unknown unit (`1.5万人`) or an impossible day (`2019-02-30`) is an error at the literal.
struct NumberReader {
  let folded: [Unicode.Scalar]
  let start: Int
  private(set) var end: Int

  init(folded: [Unicode.Scalar], start: Int) {
    self.folded = folded
    self.start = start
    self.end = start
  }

  static let currencies: [(String, String)] = [
    ("人民币", "CNY"), ("美元", "USD"), ("美金", "USD"), ("欧元", "EUR"), ("港元", "HKD"), ("港币", "HKD"),
    ("日元", "JPY"), ("英镑", "GBP"), ("元", "CNY"),
  ]
  static let asciiCurrencies: [String: String] = [
    "cny": "CNY", "rmb": "CNY", "usd": "USD", "eur": "EUR", "hkd": "HKD", "jpy": "JPY", "gbp": "GBP",
  ]
  static let areas: [(String, Double)] = [
    ("平方公里", 1e6), ("平方千米", 1e6), ("平方米", 1), ("平米", 1), ("公顷", 1e4), ("亩", 10_000.0 / 15.0),
  ]
  static let multipliers: [Unicode.Scalar: Double] = ["十": 10, "百": 100, "千": 1e3, "万": 1e4, "亿": 1e8]
  static let unitHint = "units: 万 亿 (multiply), 元 美元 欧元 港元 日元 英镑, %, 亩 公顷 平方公里 平方米"

  private func at(_ i: Int) -> Unicode.Scalar? { i < folded.count ? folded[i] : nil }
  private func digit(_ i: Int) -> Bool { at(i).map(Lexer.isDigit) ?? false }

  private func matches(_ word: String, at i: Int) -> Bool {
    var j = i
    for s in word.unicodeScalars {
      guard at(j) == s else { return false }
      j += 1
    }
    return true
  }

  /// Reads digits from `i`; returns the value (nil on overflow) and where they end.
  private func integer(from i: Int, maxDigits: Int = 18) -> (Int?, Int) {
    var j = i, n = 0
    while j < folded.count, Lexer.isDigit(folded[j]) {
      if j - i >= maxDigits { n = -1 }
      if n >= 0 { n = n * 10 + Int(folded[j].value - 48) }
      j += 1
    }
    return (j > i && n >= 0 ? n : nil, j)
  }

  mutating func read() -> (range: SourceRange, result: Result<LiteralValue, Diagnostic>) {
    var i = start
    if at(i) == "-" || at(i) == "+" { i += 1 }
    let intStart = i
    while digit(i) { i += 1 }
    let intDigits = i - intStart
    if i == start + 4, intDigits == 4 {
      if let sep = at(i), sep == "-" || sep == "/", digit(i + 1) { return isoDate(separator: sep) }
      if at(i) == "年" { return chineseDate() }
    }
    if at(i) == ".", digit(i + 1) {
      i += 1
      while digit(i) { i += 1 }
    }
    if let e = at(i), e == "e" || e == "E" {
      if digit(i + 1) { i += 2 } else if let s = at(i + 1), s == "+" || s == "-", digit(i + 2) { i += 3 }
      while digit(i) { i += 1 }
    }
    let value: Double
    if i == intStart + intDigits, intDigits <= 15, let n = integer(from: intStart).0 {
      // Plain digits (the common case: ids, limits, years): exact without parsing text.
      value = at(start) == "-" ? -Double(n) : Double(n)
    } else {
      var numberText = text(start..<i)
      if numberText.first == "+" { numberText.removeFirst() }
      guard let parsed = Double(numberText), parsed.isFinite else {
        return fail(start..<skipWord(from: i), "number \(numberText) is out of range", hint: nil)
      }
      value = parsed
    }
    // Nothing glued on (the end, a blank, a parenthesis …): a plain number.
    guard let after = at(i), after.value >= 0x80 || Lexer.isWordScalar(after) || after == "%" else {
      end = i
      return (start..<i, .success(.number(value)))
    }
    // Percent.
    if at(i) == "%" {
      i += 1
      return finish(i, .percent(value))
    }
    // Multipliers: 万, 亿, 千万, 万亿 …
    var multiplier = 1.0
    var multiplied = false
    while let m = at(i).flatMap({ NumberReader.multipliers[$0] }) {
      multiplier *= m
      multiplied = true
      i += 1
    }
    let amount = value * multiplier
    guard amount.isFinite else { return fail(start..<skipWord(from: i), "number is out of range", hint: nil) }
    for (name, code) in NumberReader.currencies where matches(name, at: i) {
      return finish(i + name.unicodeScalars.count, .money(amount, currency: code))
    }
    for (name, factor) in NumberReader.areas where matches(name, at: i) {
      return finish(i + name.unicodeScalars.count, .area(amount * factor))
    }
    if let s = at(i), Lexer.isASCIILetter(s) {
      var j = i
      var word = ""
      while let c = at(j), Lexer.isASCIILetter(c) {
        word.unicodeScalars.append(Unicode.Scalar(c.value | 0x20) ?? c)
        j += 1
      }
      if let code = NumberReader.asciiCurrencies[word] { return finish(j, .money(amount, currency: code)) }
    }
    if at(i) == "%", multiplied {
      return fail(start..<skipWord(from: i + 1), "a percentage cannot have 万 or 亿", hint: "write percent points: 7.6%")
    }
    return finish(i, multiplied ? .money(amount, currency: nil) : .number(value))
  }

  /// Ends the literal at `i`, unless word characters are glued on (an unknown unit).
  private mutating func finish(_ i: Int, _ value: LiteralValue) -> (range: SourceRange, result: Result<LiteralValue, Diagnostic>) {
    if let s = at(i), Lexer.isWordScalar(s) || s == "%" {
      let stop = skipWord(from: i)
      let unit = text(i..<stop)
      return fail(start..<stop, "unknown unit '\(unit)'", hint: NumberReader.unitHint)
    }
    end = i
    return (start..<i, .success(value))
  }

  private func skipWord(from i: Int) -> Int {
    var j = i
    while let s = at(j), Lexer.isWordScalar(s) || s == "%" || s == "." || s == "-" && digit(j + 1) { j += 1 }
    return j
  }

  private mutating func fail(_ range: SourceRange, _ message: String, hint: String?) -> (range: SourceRange, result: Result<LiteralValue, Diagnostic>) {
    end = range.upperBound
    return (range, .failure(Diagnostic(message, at: range, hint: hint)))
  }

  private func text(_ range: Range<Int>) -> String {
    folded.withUnsafeBufferPointer { Lexer.string($0[range]) }
  }

  /// `2019-05-20`, `2019-05`, `2019/05/20`.
  private mutating func isoDate(separator: Unicode.Scalar) -> (range: SourceRange, result: Result<LiteralValue, Diagnostic>) {
    let (year, _) = integer(from: start)
    var i = start + 5
    let (month, afterMonth) = integer(from: i, maxDigits: 3)
    i = afterMonth
    var day: Int? = nil
    if at(i) == separator, digit(i + 1) {
      let (d, afterDay) = integer(from: i + 1, maxDigits: 3)
      day = d
      i = afterDay
    }
    return date(year: year, month: month, day: day, dayWritten: day != nil, endingAt: i)
  }

  /// `2019年`, `2019年5月`, `2019年5月20日` (or `号`).
  private mutating func chineseDate() -> (range: SourceRange, result: Result<LiteralValue, Diagnostic>) {
    let (year, _) = integer(from: start)
    var i = start + 5
    guard digit(i) else {
      guard let y = year else { return fail(start..<i, "malformed date", hint: nil) }
      let value = DateLiteral(first: FactDate(year: y, month: 1, day: 1), last: FactDate(year: y, month: 12, day: 31), precision: .year)
      return finish(i, .date(value))
    }
    let (month, afterMonth) = integer(from: i, maxDigits: 3)
    guard at(afterMonth) == "月" else { return fail(start..<skipWord(from: afterMonth), "malformed date", hint: "write 2019年5月20日 or 2019-05-20") }
    i = afterMonth + 1
    var day: Int? = nil
    if digit(i) {
      let (d, afterDay) = integer(from: i, maxDigits: 3)
      guard let mark = at(afterDay), mark == "日" || mark == "号" else {
        return fail(start..<skipWord(from: afterDay), "malformed date", hint: "write 2019年5月20日 or 2019-05-20")
      }
      day = d
      i = afterDay + 1
    }
    return date(year: year, month: month, day: day, dayWritten: day != nil, endingAt: i)
  }

  private mutating func date(year: Int?, month: Int?, day: Int?, dayWritten: Bool, endingAt i: Int) -> (range: SourceRange, result: Result<LiteralValue, Diagnostic>) {
    if let s = at(i), Lexer.isWordScalar(s) || s == "-" || s == "/" {
      return fail(start..<skipWord(from: i), "malformed date '\(text(start..<skipWord(from: i)))'", hint: "dates are written 2019-05-20, 2019-05 or 2019")
    }
    let written = text(start..<i)
    guard let y = year, let m = month, (1...12).contains(m) else {
      return fail(start..<i, "no such month: \(written)", hint: "months run from 01 to 12")
    }
    let days = FactDate.daysIn(month: m, year: y)
    if dayWritten {
      guard let d = day, (1...days).contains(d) else {
        return fail(start..<i, "no such day: \(written)", hint: nil)
      }
      let day = FactDate(year: y, month: m, day: d)
      return finish(i, .date(DateLiteral(first: day, last: day, precision: .day)))
    }
    let value = DateLiteral(first: FactDate(year: y, month: m, day: 1), last: FactDate(year: y, month: m, day: days), precision: .month)
    return finish(i, .date(value))
  }
}
