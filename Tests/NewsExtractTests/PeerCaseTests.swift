import Foundation
import Testing
import NewsFacts
@testable import NewsExtract

/// The development half of the peer cases (JioNLP, cn2an, cpca): every case passes or is in
/// `allowed` with the reason newsq differs on purpose. Agreement per file is printed and may
/// not drop below `floors`.
@Suite struct PeerCaseTests {
  /// Minimum passing cases per file (raise as the recognisers improve).
  static let floors: [String: Int] = ["time": 58, "money": 37, "numeral": 108, "location": 51]

  static func load(_ name: String) throws -> [[String: Any]] {
    let url = try #require(Bundle.module.url(forResource: "Fixtures/peer-cases/\(name)", withExtension: "jsonl"))
    let text = try String(contentsOf: url, encoding: .utf8)
    return text.split(separator: "\n").compactMap {
      try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
    }
  }

  /// NFKC for the characters the peer inputs use: full-width ASCII and the ideographic space.
  static func normalise(_ s: String) -> [Unicode.Scalar] {
    s.unicodeScalars.map { c in
      if (0xFF01...0xFF5E).contains(c.value) { return Unicode.Scalar(c.value - 0xFEE0) ?? c }
      if c.value == 0x3000 { return " " }
      return c
    }
  }

  static func baseDate(_ any: Any?) -> FactDate? {
    if let s = any as? String, s.utf8.count >= 10, let d = FactDate(iso: String(s.prefix(10))) { return d }
    if let a = any as? [Int] {
      return FactDate(year: a.first, month: a.count > 1 ? a[1] : 1, day: a.count > 2 ? a[2] : 1)
    }
    if let d = any as? [String: Int], let y = d["year"] {
      return FactDate(year: y, month: d["month"] ?? 1, day: d["day"] ?? 1)
    }
    return nil
  }

  struct Tally {
    var pass = 0, allowed = 0
    var failures: [String] = []
    mutating func check(_ input: String, _ ok: Bool, _ detail: @autoclosure () -> String) {
      if ok { pass += 1 } else if PeerCaseTests.allowed[input] != nil { allowed += 1 } else { failures.append("\(input): \(detail())") }
    }
    func report(_ file: String, total: Int) {
      print("peer \(file): \(pass)/\(total) agree, \(allowed) allow-listed, \(failures.count) failing")
      for f in failures { print("  FAIL \(f)") }
    }
  }

  // MARK: time

  static func timeCheck(_ c: [String: Any]) -> (Bool, String) {
    let input = c["input"] as? String ?? ""
    let text = normalise(input)
    let base = baseDate(c["time_base"])
    let found = NumericRecognizers.mentions(in: text, base: base).filter { $0.kind == .time }
    if let list = c["expected"] as? [[String: Any]] {
      let want = list.map { "\($0["text"] ?? "")@\(($0["offset"] as? [Int])?.first ?? -1)" }
      let got = found.map { "\($0.text)@\($0.range.lowerBound)" }
      return (want == got, "want \(want) got \(got)")
    }
    guard let exp = c["expected"] as? [String: Any], let t = exp["time"] as? [String], t.count == 2,
          t[0].count >= 10, t[1].count >= 10 else { return (false, "shape not a span") }
    let want = "\(t[0].prefix(10))..\(t[1].prefix(10))"
    guard let m = found.first, case .time(let s) = m.value else { return (false, "want \(want), got none") }
    let got = "\(s.from)..\(s.to)"
    return (got == want, "want \(want) got \(got) (\(m.text))")
  }

  @Test func time() throws {
    let cases = try Self.load("time")
    var tally = Tally()
    for c in cases {
      let (ok, why) = Self.timeCheck(c)
      tally.check(c["input"] as? String ?? "", ok, why)
    }
    tally.report("time.jsonl", total: cases.count)
    #expect(tally.failures.isEmpty)
    #expect(tally.pass >= Self.floors["time"] ?? 0)
  }

  // MARK: money

  static let currencyNames: [String: String] = [
    "元": "CNY", "美元": "USD", "欧元": "EUR", "日元": "JPY", "港元": "HKD", "新台币": "TWD", "泰铢": "THB", "英镑": "GBP",
  ]

  static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= max(0.006, abs(b) * 1e-9) }

  @Test func money() throws {
    let cases = try Self.load("money")
    var tally = Tally()
    for c in cases {
      let input = c["input"] as? String ?? ""
      let found = NumericRecognizers.mentions(in: Self.normalise(input), base: nil).filter { $0.kind == .money }
      if let list = c["expected"] as? [[String: Any]] {
        let want = list.map { "\($0["text"] ?? "")@\(($0["offset"] as? [Int])?.first ?? -1)" }
        let got = found.map { "\($0.text)@\($0.range.lowerBound)" }
        tally.check(input, want == got, "want \(want) got \(got)")
        continue
      }
      guard let exp = c["expected"] as? [String: Any] else { tally.check(input, false, "shape"); continue }
      if exp["error"] != nil {
        tally.check(input, found.isEmpty, "want no money, got \(found.map(\.text))")
        continue
      }
      guard let m = found.first, case .money(let v, let low, let high, let cur, let bound) = m.value else {
        tally.check(input, false, "want money, got none"); continue
      }
      let wantCur = Self.currencyNames[exp["case"] as? String ?? ""] ?? "?"
      var ok = cur == wantCur
      let def = exp["definition"] as? String ?? ""
      if let s = exp["num"] as? String, let n = Double(s) {
        ok = ok && v.map { Self.close($0, n) } == true
        let wantBound: Bound = def == "accurate" ? .exact : def == "blur+" ? .atLeast : def == "blur-" ? .atMost : .about
        ok = ok && bound == wantBound
      } else if let r = exp["num"] as? [String], r.count == 2, let a = Double(r[0]), let b = Double(r[1]) {
        // newsq writes 3000多 as 3000, at least, where jionlp gives [3000, 4000].
        let asRange = low.map { Self.close($0, a) } == true && high.map { Self.close($0, b) } == true
        let asMore = v.map { Self.close($0, a) } == true && bound == .atLeast
        ok = ok && (asRange || asMore)
      } else { ok = false }
      tally.check(input, ok, "got \(m.jsonObject(input: 0)) want \(exp)")
    }
    tally.report("money.jsonl", total: cases.count)
    #expect(tally.failures.isEmpty)
    #expect(tally.pass >= Self.floors["money"] ?? 0)
  }

  // MARK: numeral

  @Test func numeral() throws {
    let cases = try Self.load("numeral")
    var tally = Tally()
    for c in cases {
      let input = c["input"] as? String ?? ""
      let task = c["task"] as? String ?? ""
      let mode = c["mode"] as? String ?? ""
      if task.hasSuffix("parse_time") {
        let (ok, why) = Self.timeCheck(c)
        tally.check(input, ok, why)
        continue
      }
      if task.hasSuffix("transform") {
        tally.check(input, false, "transform")
        continue
      }
      // Amounts with 元/圆 are money in newsq.
      if input.contains("元") || input.contains("圆") {
        let m = NumericRecognizers.mentions(in: Self.normalise(input), base: nil).first { $0.kind == .money }
        var got: Double? = nil
        if let m, case .money(let v, _, _, _, _) = m.value { got = v }
        if let e = c["expected"] as? Double {
          tally.check(input, got.map { Self.close($0, e) } == true, "money \(String(describing: got)) want \(e)")
        } else {
          tally.check(input, false, "money where cn2an raises")
        }
        continue
      }
      let got = mode.hasPrefix("strict") ? ChineseNumber.parse(input) : ChineseNumber.parseLenient(input)
      if let e = c["expected"] as? Double {
        tally.check(input, got.map { Self.close($0, e) } == true, "\(mode): got \(String(describing: got)) want \(e)")
      } else if let s = c["expected"] as? String, let e = Double(s) {
        tally.check(input, got.map { Self.close($0, e) } == true, "\(mode): got \(String(describing: got)) want \(s)")
      } else {
        tally.check(input, got == nil, "\(mode): got \(String(describing: got)) want an error")
      }
    }
    tally.report("numeral.jsonl", total: cases.count)
    #expect(tally.failures.isEmpty)
    #expect(tally.pass >= Self.floors["numeral"] ?? 0)
  }

  // MARK: location

  static func placeRows(_ text: String) -> [PlaceRef] {
    let ms = PlaceRecognizer.mentions(in: normalise(text), context: PlaceContext())
    // Adjacent mentions form one address; each address reports its most specific division.
    var rows: [[PlaceRef]] = []
    var lastEnd = -1
    for m in ms {
      guard case .place(let p) = m.value, p.level <= .county else { continue }
      if m.range.lowerBound == lastEnd, !rows.isEmpty { rows[rows.count - 1].append(p) } else { rows.append([p]) }
      lastEnd = m.range.upperBound
    }
    return rows.compactMap { row in row.max { $0.level < $1.level } }
  }

  static func agree(_ p: PlaceRef?, province: String?, city: String?, county: String?, code: String?) -> Bool {
    guard let p else { return province == nil && city == nil && county == nil }
    let wantCity = city == "市辖区" ? province : city
    if p.province != province { return false }
    if (p.level == .province ? nil : p.city) != wantCity && !(p.level == .county && p.city == p.province && wantCity == nil) { return false }
    if (p.level == .county ? p.county : nil) != county { return false }
    if let code, let pc = p.code, code != pc { return false }
    return true
  }

  @Test func location() throws {
    let cases = try Self.load("location")
    var tally = Tally()
    for c in cases {
      let input = c["input"] as? String ?? ""
      let rows = Self.placeRows(input)
      guard let exp = c["expected"] as? [String: Any] else { tally.check(input, false, "shape"); continue }
      var ok: Bool
      if let list = exp["rows_prefix"] as? [[String: Any]] {
        ok = rows.count == (exp["row_count"] as? Int ?? list.count)
        for (n, r) in list.enumerated() where n < rows.count {
          ok = ok && Self.agree(rows[n], province: r["省"] as? String, city: r["市"] as? String, county: r["区"] as? String, code: nil)
        }
      } else if exp["省"] != nil || exp.keys.contains("省") {
        let code = exp["adcode"] as? String
        ok = Self.agree(rows.first, province: exp["省"] as? String, city: exp["市"] as? String, county: exp["区"] as? String,
                        code: code.map { $0.hasSuffix("0000") || $0.hasSuffix("00") && rows.first?.level == .city ? $0 : $0 })
      } else {
        ok = Self.agree(rows.first, province: exp["province"] as? String, city: exp["city"] as? String,
                        county: exp["county"] as? String, code: nil)
      }
      tally.check(input, ok, "got \(rows.map { "\($0.province ?? "-")/\($0.city ?? "-")/\($0.county ?? "-") \($0.code ?? "")" })")
    }
    tally.report("location.jsonl", total: cases.count)
    #expect(tally.failures.isEmpty)
    #expect(tally.pass >= Self.floors["location"] ?? 0)
  }

  /// Cases where newsq differs on purpose, keyed by input, with the reason.
  static let allowed: [String: String] = {
    var a: [String: String] = [:]
    // aboutmore
    for i in ["大约十多欧元"] { a[i] = "约 and 多 together: newsq keeps the prefix's bound (about) and the figure as written" }
    // bare
    for i in ["10亿", "三百万", "小于40万"] { a[i] = "an amount without a currency word (10亿, 三百万, 小于40万) is a number in newsq, not money" }
    // clock
    for i in ["13:20~次日05:40", "15:37", "35:37", "9~12点半", "上个礼拜天", "下个星期一", "下午6:42:02", "下午三点", "今天", "今天下午1点10分到3点", "今天十一点半", "全天", "夜里12点", "当日午夜", "明天下午七八点", "昨晚8时35分", "是一个十一点的事", "晚上5点", "晚上8点许", "本日", "现在"] { a[i] = "a clock time or a day/week relative to now (今天, 下周六, 15:37): newsq reads dated days, months and periods; hours are consumed but not kept" }
    // coarse
    for i in ["11世纪初", "2005年首月", "2023年三月的第二周", "2023年第十天早上8点", "2025年第一天早上8点半", "20世纪60年代前期", "4周后", "70年第8个月", "上一周", "上上周", "下下下周一", "下周周六", "二零二零年五月第一周", "今年三月第三周", "明年七月第2周", "本月第2周", "这一年", "这周"] { a[i] = "centuries, decades, weeks of a month, ordinal days or months (11世纪初, 第二周, 首月): too rare in news to read" }
    // colloq
    for i in ["1月3", "4月前4天", "二月十五", "他在10月22出生", "十月31", "四月十三"] { a[i] = "a day without 日/号 (1月3, 四月十三, 10月22) is colloquial and ambiguous in running text; newsq needs the suffix" }
    // dotrange
    for i in ["2008.03-2009"] { a[i] = "2008.03 is also a decimal number; newsq reads dotted dates only with a day" }
    // dur
    for i in ["13天—8周", "20多个月之后", "2621.2小时", "27分钟7秒", "35,000个钟头", "36天5小时30分", "3年以前", "3年半以后", "4周", "4周年", "5个交易日之后", "90日", "一分钟半以前", "一年半以前", "三十年以上", "两万四千到3万秒", "两个半月以前", "两天之前", "两年半", "五个季度", "俩礼拜", "半小时以后", "四个多星期", "每个工作日9点", "每个星期天早上9点一刻", "每周三", "每周六上午9点到11点", "每周工作日9点", "每天晚上8点——9点", "每年", "每年春节", "第三天起", "过两天"] { a[i] = "a duration or a recurrence (4周, 每周三), not a point or period of time: newsq's time mentions are dated spans" }
    // fin
    for i in ["根据财税2016 36号文"] { a[i] = "a bare year in a document number (财税2016 36号文) is not a time" }
    // future
    for i in ["3月8号", "8号晚上9点"] { a[i] = "jionlp moves a past month/day to next year relative to time_base; newsq keeps the base year for a bare date (news reports the past)" }
    // hmt
    for i in ["台湾省屏东县屏东市太原1路84号", "香港九龙半岛清水湾香港科技大学"] { a[i] = "Hong Kong, Macao and Taiwan are known at province level only (NBS publishes no codes below)" }
    // isotime
    for i in ["2018-12-1209:03", "2021-09-0910:09"] { a[i] = "a date glued to a clock time without a space (2018-12-1209:03): not seen in news; newsq needs a separator" }
    // k
    for i in ["10~15k元", "我们薪酬能给到10k~15k。"] { a[i] = "the k suffix (15k) is salary slang, not news usage" }
    // list
    for i in ["9月10号，11号，12号，13号"] { a[i] = "a list of days (9月10号，11号，…): newsq gives one mention per day" }
    // liuzhou
    for i in ["柳州地区忻城县"] { a[i] = "柳州地区 was dissolved in 2002; newsq reads 柳州 as today's 柳州市 and 忻城县 on its own" }
    // lunar
    for i in ["2012年正月初8", "20年小寒", "26年除夕晚上6点半", "农历元宵", "农历十月", "冬季", "去年元旦", "去年春节到元宵节", "大前年七夕节半夜11点", "大前年七夕节半夜1点", "廿一", "教师节", "明年腊月", "闰4月"] { a[i] = "lunar calendar, festivals and solar terms (农历, 春节, 小寒): not in newsq's calendar" }
    // mixed
    for i in ["100万三千", "1万600", "200亿零四千230", "三万元欧元"] { a[i] = "mixed Arabic and Chinese digits after a unit (1万600) or a currency written twice (三万元欧元): rejected rather than guessed" }
    // money11
    for i in ["壹拾壹元", "壹拾壹圆"] { a[i] = "壹拾壹元 is money (11 CNY) in newsq; cn2an's strict mode rejects the currency suffix" }
    // near
    for i in ["近700万元"] { a[i] = "product.md: 近 means about (jionlp reads it as at most)" }
    // offset
    for i in ["15个工作日内", "17天后", "17钟头后", "20天后", "3个多月以来", "3年半前", "3年多以来", "4个星期之后", "60小时前", "60日内", "8月初前", "一个半小时后", "一刻钟后", "一天半以来", "一年半后", "七年半后", "七年后", "三个季度后", "三年前", "下月15号下午6点前", "两个半月以内", "你十一点过去了是不是？", "前天中午到明天晚上", "前天后半夜", "十个多月后", "半小时前", "大后天上午10点", "大大后天", "最近10分钟", "未来5年内", "未来七十二小时内", "第七年", "过去5分钟", "过去的一年", "近三月"] { a[i] = "an offset from now (三年前, 20天后, 未来5年内, 以来 after a duration): news gives dates; not reported" }
    // open
    for i in ["2025年前", "二〇一九年5月8日起", "二十几年前", "去年到现在", "明年6月之前", "明年初之前"] { a[i] = "an open end (起, 之前, 年前, 到现在): newsq keeps the dated part and does not invent an end from the clock" }
    // relq
    for i in ["上个季度", "下下个季度"] { a[i] = "a quarter relative to now (上个季度, 下下个季度): not reported" }
    // spaces
    for i in ["报账金额在1 万(含)-5 万元之间的交由上级批复。", "新台币 177.1 亿元"] { a[i] = "spaces inside numbers are removed by NewsText normalisation before recognition; the recogniser takes normalised text" }
    // transform
    for i in ["2024年前三季度GDP增速6.6%", "一个大西瓜切两半", "一九九八年", "三季度", "两个", "两岸关系", "今天股价上涨了百分之八", "创业板指九月九日早盘低开百分之一点五七", "小王的生日是二零零一年三月四日", "巅峰赛两千分", "廿二日，日出东方", "抛出去的硬币为正面的概率是二分之一", "电话零零三，数量十二个，二〇〇二年", "编号负零一，数值一二点三零", "零下四摄氏度", "零年零月肆拾日"] { a[i] = "cn2an.transform rewrites a sentence; newsq does not rewrite text, its typed readings are tested by the other cases" }
    // umap
    for i in ["吉林省北京市鼓楼区"] { a[i] = "cpca was given a user map (鼓楼区 → 南京); without it 鼓楼区 is ambiguous and newsq leaves it unresolved" }
    // vague
    for i in ["三五百块", "四五千块钱", "数十亿元人民币"] { a[i] = "vague amounts (数十亿, 三五百, 四五千) are not given a value rather than guessed" }
    // yearless
    for i in ["1985到89年9月", "2020至2025年前", "三三年"] { a[i] = "a two-digit or digit-by-digit year without a month (三三年) or a year range with a bare first year (2020至2025年, 1985到89年) is ambiguous with counts" }
    return a
  }()
}
