import Testing
@testable import FactQuery
import NewsFacts

/// The value of the literal in `find x where f = LITERAL`.
func literal(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> LiteralValue? {
  guard let p = onlyPredicate(query("find x where f = " + text, sourceLocation: sourceLocation)),
        case .compare(_, let l) = p.test else { return nil }
  return l.value
}

func money(_ text: String) -> (Double, String?)? {
  if case .money(let v, let c)? = literal(text) { return (v, c) }
  return nil
}

func close(_ a: Double?, _ b: Double) -> Bool {
  guard let a else { return false }
  return abs(a - b) <= abs(b) * 1e-12
}

@Suite struct LiteralTests {
  @Test func plainNumbers() {
    #expect(literal("42") == .number(42))
    #expect(literal("3.5") == .number(3.5))
    #expect(literal("1e9") == .number(1e9))
    #expect(literal("2.5E-3") == .number(0.0025))
    #expect(literal("-7") == .number(-7))
    #expect(literal("１２") == .number(12))  // full-width digits
  }

  @Test func moneyMultipliersAndCurrencies() {
    #expect(close(money("10亿")?.0, 1e9))
    #expect(money("10亿")?.1 == nil)
    #expect(close(money("1.5万")?.0, 15_000))
    #expect(close(money("3千")?.0, 3_000))
    #expect(close(money("2万亿")?.0, 2e12))
    #expect(close(money("3千万")?.0, 3e7))
    let cases: [(String, Double, String)] = [
      ("10亿元", 1e9, "CNY"), ("4亿美元", 4e8, "USD"), ("2欧元", 2, "EUR"), ("5亿港元", 5e8, "HKD"),
      ("5亿港币", 5e8, "HKD"), ("100万日元", 1e6, "JPY"), ("3英镑", 3, "GBP"), ("800元", 800, "CNY"),
      ("1亿USD", 1e8, "USD"), ("7万人民币", 7e4, "CNY"),
    ]
    for (text, value, currency) in cases {
      let m = money(text)
      #expect(close(m?.0, value), "\(text)")
      #expect(m?.1 == currency, "\(text)")
    }
  }

  @Test func percentAndArea() {
    #expect(literal("7.6%") == .percent(7.6))
    #expect(literal("80％") == .percent(80))
    func area(_ t: String) -> Double? { if case .area(let v)? = literal(t) { return v }; return nil }
    #expect(close(area("5100亩"), 3_400_000))
    #expect(close(area("3公顷"), 30_000))
    #expect(close(area("12.4平方公里"), 12_400_000))
    #expect(close(area("2平方千米"), 2_000_000))
    #expect(close(area("200平方米"), 200))
    #expect(close(area("200平米"), 200))
    #expect(close(area("1.5万平方米"), 15_000))
    #expect(close(area("1万亩"), 10_000 * 10_000 / 15))
  }

  @Test func dates() throws {
    func date(_ t: String) -> DateLiteral? { if case .date(let d)? = literal(t) { return d }; return nil }
    let day = try #require(date("2019-05-20"))
    #expect(day.first == FactDate(year: 2019, month: 5, day: 20))
    #expect(day.last == day.first)
    #expect(day.precision == .day)
    let month = try #require(date("2019-02"))
    #expect(month.first == FactDate(year: 2019, month: 2, day: 1))
    #expect(month.last == FactDate(year: 2019, month: 2, day: 28))
    #expect(month.precision == .month)
    #expect(date("2020-02")?.last.day == 29)
    #expect(date("2019/5/20")?.first == FactDate(year: 2019, month: 5, day: 20))
    #expect(date("2019年5月20日")?.first == FactDate(year: 2019, month: 5, day: 20))
    #expect(date("2019年5月")?.precision == .month)
    let year = try #require(date("2019年"))
    #expect(year.precision == .year)
    #expect(year.first == FactDate(year: 2019, month: 1, day: 1))
    #expect(year.last == FactDate(year: 2019, month: 12, day: 31))
    #expect(year.yearUnknown == false)
    // A bare year stays a number; the binder reads four digits as a year for date fields.
    #expect(literal("2019") == .number(2019))
    // `--07-18` is a string when quoted, matched by the binder.
    #expect(literal(#""--07-18""#) == .string("--07-18"))
  }

  @Test func impossibleDatesAndUnknownUnits() {
    #expect(failure("find x where d = 2019-02-30")?.message == "no such day: 2019-02-30")
    #expect(failure("find x where d = 2019-13")?.message == "no such month: 2019-13")
    let unit = failure("find x where v > 1.5万人")
    #expect(unit?.message == "unknown unit '人'")
    #expect(unit?.range == 17..<22)
    #expect(unit?.hint?.contains("亩") == true)
    #expect(failure("find x where v > 5万%")?.message == "a percentage cannot have 万 or 亿")
    #expect(failure("find x where v > 1e999")?.message.hasPrefix("number 1e999 is out of range") == true)
  }

  @Test func strings() {
    #expect(literal(#""临汾""#) == .string("临汾"))
    #expect(literal("'临汾'") == .string("临汾"))
    #expect(literal(#""say ""hi""""#) == .string(#"say "hi""#))
    #expect(literal("'it''s'") == .string("it's"))
    #expect(literal(#""C:\out\""#) == .string(#"C:\out\"#))
    #expect(literal("“临汾”") == .string("临汾"))
    #expect(literal("‘临汾’") == .string("临汾"))
    #expect(literal("「臨汾」") == .string("臨汾"))
    #expect(literal("＂临汾＂") == .string("临汾"))
    #expect(literal("\"a -- b\"") == .string("a -- b"))
    #expect(literal("\"line\nbreak\"") == .string("line\nbreak"))
  }

  @Test func parameters() {
    #expect(literal("$1") == .parameter(1))
    #expect(literal("$12") == .parameter(12))
    #expect(failure("find x where f = $0")?.message == "no parameter $0")
    #expect(failure("find x where f = $")?.message == "expected a number after '$'")
  }

  @Test func literalTextIsAsWritten() throws {
    let p = try #require(onlyPredicate(query("find x where f >= １０亿元")))
    guard case .compare(.greaterOrEqual, let l) = p.test else { Issue.record("\(p.test)"); return }
    #expect(l.text == "１０亿元")
    #expect(l.range == 18..<22)
  }
}
