import Testing
import NewsFacts
@testable import NewsExtract

func numeric(_ s: String, base: FactDate? = nil) -> [Mention] {
  NumericRecognizers.mentions(in: Array(s.unicodeScalars), base: base)
}

func json(_ s: String, base: FactDate? = nil) -> [String] {
  numeric(s, base: base).map { $0.jsonObject(input: 0) }
}

func span(_ s: String, base: FactDate? = nil) -> String? {
  for m in numeric(s, base: base) { if case .time(let t) = m.value { return "\(t.from)..\(t.to)" } }
  return nil
}

let base2024 = FactDate(year: 2024, month: 12, day: 31)

@Suite struct RecogniserTests {
  @Test func dump() {
    for s in ["7月17日，尧都区委书记崔绍民", "5月16日至19日", "7月17日、18日", "2024年前三季度GDP增速6.6%", "1至11月", "2024年1-11月",
              "上半年", "去年", "今年以来", "二〇一九年", "2025-01-06 08:52:14", "2019年5月20日", "100.06亿元", "4亿美元", "过百亿元",
              "约2亿元", "3-5亿元", "壹仟玖佰圆", "57.06万元", "1.2万亿元", "两千三百", "57.06万人", "一九九八", "三千余", "百分之七十", "80%以上",
              "增长6.6%", "5100亩", "12.4平方公里", "3公顷", "200平方米", "2万平方米", "2024年，前三季度全区GDP", "十四五规划", "一二三产融合"] {
      print(s, json(s, base: base2024))
    }
  }
}
