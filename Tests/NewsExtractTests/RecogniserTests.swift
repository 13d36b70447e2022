import Foundation
import Testing
import NewsFacts
@testable import NewsExtract

func numeric(_ s: String, base: FactDate? = nil) -> [Mention] {
  NumericRecognizers.mentions(in: Array(s.unicodeScalars), base: base)
}

func span(_ s: String, base: FactDate? = nil) -> String? {
  for m in numeric(s, base: base) { if case .time(let t) = m.value { return "\(t.from)..\(t.to)" } }
  return nil
}

let base2024 = FactDate(year: 2024, month: 12, day: 31)

@Suite struct RecogniserTests {
  /// Passing over a lone Chinese numeral before an ideograph no family reads after a figure
  /// changes nothing: the numeric mentions with and without the skip are the same, for every
  /// ideograph after 一, 十 and 百 and a sample after the other numerals, alone, after a prefix
  /// word (约) and after an ordinal (第), with and without a base date and an earlier month.
  @Test func loneNumeralSkipChangesNothing() {
    let numerals = Array("零〇○一壹幺二两兩贰貳三叁參四肆五伍六陆陸七柒八捌九玖十拾百佰千仟万萬亿億廿卅".unicodeScalars)
    let common = Set("一十百".unicodeScalars)
    var skipped = 0
    for c in numerals {
      let step = common.contains(c) ? 1 : 17
      var text = Array("2024年7月17日，".unicodeScalars)
      var v: UInt32 = 0x4E00
      while v < 0xA000 {
        if let d = Unicode.Scalar(v) {
          text += ["约", c, d, "，", c, d, "。", "第", c, d, "、"]
          if !Lexicon.afterNumeral.contains(d) { skipped += 1 }
        }
        v += UInt32(step)
      }
      for base in [nil, base2024] {
        var a = TimeRecognizer(base: base)
        var b = TimeRecognizer(base: base)
        let fast = NumericRecognizers.mentions(in: text, time: &a, skipLoneNumerals: true)
        let full = NumericRecognizers.mentions(in: text, time: &b, skipLoneNumerals: false)
        #expect(fast == full, "after \(c)")
      }
    }
    #expect(skipped > 10_000)
  }

  @Test func times() {
    #expect(span("7月17日") == "--07-17..--07-17")
    #expect(span("7月17日", base: base2024) == "2024-07-17..2024-07-17")
    #expect(span("5月16日至19日", base: base2024) == "2024-05-16..2024-05-19")
    #expect(span("2024年前三季度") == "2024-01-01..2024-09-30")
    #expect(span("1至11月", base: base2024) == "2024-01-01..2024-11-30")
    #expect(span("2024年1-11月") == "2024-01-01..2024-11-30")
    #expect(span("上半年", base: base2024) == "2024-01-01..2024-06-30")
    #expect(span("去年", base: base2024) == "2023-01-01..2023-12-31")
    #expect(span("去年") == nil)
    #expect(span("今年以来", base: FactDate(year: 2022, month: 7, day: 18)) == "2022-01-01..2022-07-18")
    #expect(span("二〇一九年") == "2019-01-01..2019-12-31")
    #expect(span("2025-01-06 08:52:14") == "2025-01-06..2025-01-06")
    #expect(span("2019年5月20日") == "2019-05-20..2019-05-20")
    let list = numeric("7月17日、18日", base: base2024)
    #expect(list.map(\.text) == ["7月17日", "18日"])
    // The year carries within a sentence, not past it.
    let carry = numeric("2024年，前三季度GDP增长。前三季度", base: FactDate(year: 2025, month: 1, day: 6))
    let spans = carry.compactMap { m -> String? in if case .time(let t) = m.value { return "\(t.from)" } else { return nil } }
    #expect(spans == ["2024-01-01", "2024-01-01", "2025-01-01"])
  }

  func money(_ s: String) -> MentionValue? { numeric(s).first { $0.kind == .money }?.value }

  @Test func amounts() {
    #expect(money("投资100.06亿元") == .money(value: 10_006_000_000, low: nil, high: nil, currency: "CNY", bound: .exact))
    #expect(money("4亿美元") == .money(value: 400_000_000, low: nil, high: nil, currency: "USD", bound: .exact))
    #expect(money("过百亿元") == .money(value: 1e10, low: nil, high: nil, currency: "CNY", bound: .atLeast))
    #expect(money("约2亿元") == .money(value: 2e8, low: nil, high: nil, currency: "CNY", bound: .about))
    #expect(money("3-5亿元") == .money(value: nil, low: 3e8, high: 5e8, currency: "CNY", bound: .exact))
    #expect(money("壹仟玖佰圆") == .money(value: 1900, low: nil, high: nil, currency: "CNY", bound: .exact))
    #expect(money("2000余元") == .money(value: 2000, low: nil, high: nil, currency: "CNY", bound: .atLeast))
    #expect(money("不到1万元") == .money(value: 10000, low: nil, high: nil, currency: "CNY", bound: .atMost))
    #expect(money("基站总数是10000") == nil)
    #expect(numeric("两千三百").first?.value == .number(2300))
    #expect(numeric("57.06万人").first?.value == .number(570_600))
    #expect(numeric("一九九八").first?.value == .number(1998))
    #expect(numeric("三千余").first?.value == .number(3000))
    #expect(numeric("十四五规划").isEmpty)
    #expect(numeric("统一思想，一一落实").isEmpty)
    #expect(numeric("百分之七十").first?.value == .percent(70, bound: .exact))
    #expect(numeric("80%以上").first?.value == .percent(80, bound: .atLeast))
    #expect(numeric("增长6.6%").first?.text == "6.6%")
    #expect(numeric("5100亩").first?.jsonObject(input: 0).contains("\"value\":3400000,") == true)
    #expect(numeric("12.4平方公里").first?.value == .area(12_400_000, unit: "平方公里"))
    #expect(numeric("3公顷").first?.value == .area(30_000, unit: "公顷"))
    #expect(ChineseNumber.parse("一百零一") == 101)
    #expect(ChineseNumber.parse("三万五") == nil)
    #expect(ChineseNumber.parseLenient("三万五") == 35_000)
  }

  @Test func jsonShape() {
    let m = Mention(kind: .place, text: "尧都区", range: 3..<6, value: .place(Gazetteer.shared.resolve("尧都区")[0]))
    #expect(m.jsonObject(input: 2) == #"{"kind":"place","text":"尧都区","input":2,"start":3,"end":6,"name":"尧都区","full":"山西省临汾市尧都区","code":"141002","level":"county"}"#)
    let q = Mention(kind: .org, text: "a\"b\\\n", range: 0..<5, value: .org("a\"b\\\n"))
    #expect(q.jsonObject(input: 0).hasSuffix(#""name":"a\"b\\\n"}"#))
    let bj = Gazetteer.shared.resolve("朝阳区").first { $0.province == "北京市" }
    #expect(bj?.displayPath == "北京市朝阳区")
    #expect(jsonNumber(7.6) == "7.6" && jsonNumber(1e10) == "10000000000")
  }

  /// Throughput on the seeds repeated (meaningful in a release build: `swift test -c release`).
  @Test func throughput() throws {
    let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../seeds")
    let files = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
    var text = ""
    for f in files.sorted() where f.hasSuffix(".txt") {
      text += (try? String(contentsOf: dir.appendingPathComponent(f), encoding: .utf8)) ?? ""
    }
    try #require(!text.isEmpty)
    var big: [Unicode.Scalar] = []
    let once = Array(text.unicodeScalars)
    while big.count < 1_000_000 { big.append(contentsOf: once) }
    let bytes = Double(String(String.UnicodeScalarView(big)).utf8.count)
    _ = Gazetteer.shared
    var t0 = Date()
    let places = PlaceRecognizer.mentions(in: big, context: PlaceContext())
    let pt = Date().timeIntervalSince(t0)
    t0 = Date()
    let nums = NumericRecognizers.mentions(in: big, base: nil)
    let nt = Date().timeIntervalSince(t0)
    print(String(format: "throughput: places %.1f MB/s (%d), numeric %.1f MB/s (%d) on %.1f MB", bytes / pt / 1e6, places.count,
                 bytes / nt / 1e6, nums.count, bytes / 1e6))
    #expect(places.count > 0 && nums.count > 0)
  }
}
