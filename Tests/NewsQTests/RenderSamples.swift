import NewsQ

/// Result sets the render and export tests share: Chinese text, money in several currencies,
/// quantities with units, lists, nulls, unknown-year dates, long cells, emoji and characters
/// every format has to escape.
enum RenderSamples {
  static let meetings = ResultSet(
    columns: [
      ResultColumn(name: "id", kind: .integer),
      ResultColumn(name: "name", kind: .text),
      ResultColumn(name: "kind", kind: .text),
      ResultColumn(name: "date", kind: .date),
      ResultColumn(name: "city", kind: .place(level: .city)),
      ResultColumn(name: "county", kind: .place(level: .county)),
      ResultColumn(name: "host", kind: .text),
      ResultColumn(name: "attendees", kind: .textList),
    ],
    rows: [
      [1, "全区优化营商环境推进会", "推进会", .date(FactDate(year: 2019, month: 5, day: 20)), "临汾市", "尧都区", "王宏伟", .list(["李明", "张建华"])],
      [2, "县委常委会", "常委会", .date(FactDate(year: nil, month: 7, day: 18)), "运城市", "绛县", .null, .list([])],
      [3, "Investment forum 2024", "座谈会", .null, .null, .null, "Zhang Wei", .list(["Anna", "王芳"])],
    ])

  static let projects = ResultSet(
    columns: [
      ResultColumn(name: "name", kind: .text),
      ResultColumn(name: "investment", kind: .money(currencyField: "currency"), units: ["CNY", "CNY", "USD", "CNY", "EUR", nil, "CNY"]),
      ResultColumn(name: "currency", kind: .text),
      ResultColumn(name: "area", kind: .area),
    ],
    rows: [
      ["智能制造产业园", .number(10_006_000_000), "CNY", .number(3_400_000)],
      ["污水处理厂提标改造", .integer(3_500_000), "CNY", .null],
      ["新能源电池项目", .number(400_000_000), "USD", .number(12_400_000)],
      ["便民服务点", .integer(800), "CNY", .number(200)],
      ["中德合作园", .number(25_000), "EUR", .null],
      ["未知币种项目", .number(99_999_999), .null, .null],
      ["负数修正", .number(-1_234_567.8), "CNY", .number(0.5)],
    ])

  static let indicators = ResultSet(
    columns: [
      ResultColumn(name: "name", kind: .text),
      ResultColumn(name: "value", kind: .quantity(unitField: "unit"), units: ["元", "%", "人", nil, "元"]),
      ResultColumn(name: "unit", kind: .text),
      ResultColumn(name: "period", kind: .text),
      ResultColumn(name: "year", kind: .integer),
    ],
    rows: [
      ["GDP", .number(125_680_000_000), "元", "2024年前三季度", 2024],
      ["GDP增速", .number(7.6), "%", "2024年前三季度", 2024],
      ["常住人口", .integer(954_000), "人", "2023年末", 2023],
      ["城镇化率", .number(0.1 + 0.2), .null, .null, .null],
      ["一般公共预算收入", .number(.nan), "元", "上半年", .null],
    ])

  static let awkward = ResultSet(
    columns: [
      ResultColumn(name: "id", kind: .integer),
      ResultColumn(name: "evidence", kind: .text),
      ResultColumn(name: "span", kind: .span),
      ResultColumn(name: "docs", kind: .textList),
    ],
    rows: [
      [1, "他说：\"项目, 今年开工\"\n第二行\t制表", .span(0, 12), .list(["a,b.txt", "引号\"名.txt"])],
      [2, "竖线 | 和反斜杠 \\ 还有 😀🎉 表情", .span(13, 40), .list(["emoji😀.md"])],
      [3, "分隔符\u{2028}行\u{2029}段 e\u{301}", .span(41, 43), .null],
      [4, .text(String(repeating: "这是一句很长的证据句子，", count: 6)), .span(44, 200), .list(["长.txt"])],
    ])

  static let countByCity = ResultSet(
    columns: [ResultColumn(name: "city", kind: .place(level: .city)), ResultColumn(name: "count", kind: nil)],
    rows: [["临汾市", 12], ["运城市", 3], [.null, 1]])

  static let single = ResultSet(columns: [ResultColumn(name: "count", kind: nil)], rows: [[42]])

  static let empty = ResultSet(
    columns: [ResultColumn(name: "id", kind: .integer), ResultColumn(name: "name", kind: .text)], rows: [])

  static let all: [(String, ResultSet)] = [
    ("meetings", meetings), ("projects", projects), ("indicators", indicators),
    ("awkward", awkward), ("count_by_city", countByCity), ("single", single), ("empty", empty),
  ]
}
