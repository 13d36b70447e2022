import Foundation
import Testing
import NewsText
@testable import NewsQ

/// Golden files: Scripts/render/NAME.FORMAT.expected. Set NEWSQ_UPDATE_GOLDEN=1 to rewrite them
/// (then read the diff by eye: columns must line up in a terminal).
private let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .appendingPathComponent("Scripts/render")

private func checkGolden(_ name: String, _ actual: String) throws {
  let url = goldenDirectory.appendingPathComponent(name + ".expected")
  if ProcessInfo.processInfo.environment["NEWSQ_UPDATE_GOLDEN"] == "1" {
    try Data(actual.utf8).write(to: url)
    return
  }
  let expected = try String(decoding: Data(contentsOf: url), as: UTF8.self)
  #expect(actual == expected, "golden \(name) differs")
}

private func ext(_ f: OutputFormat) -> String { f.rawValue }

@Suite struct RenderGoldenTests {
  @Test(arguments: RenderSamples.all.map(\.0))
  func everyFormat(sample: String) throws {
    let result = try #require(RenderSamples.all.first { $0.0 == sample }?.1)
    for format in OutputFormat.allCases {
      try checkGolden("\(sample).\(ext(format))", Renderer.render(result, as: format))
    }
  }

  @Test func optionsVariants() throws {
    var o = RenderOptions()
    o.maxRows = 2
    try checkGolden("projects.maxrows2.table", Renderer.render(RenderSamples.projects, as: .table, options: o))
    try checkGolden("projects.maxrows2.markdown", Renderer.render(RenderSamples.projects, as: .markdown, options: o))
    o = RenderOptions()
    o.terminalWidth = 60
    try checkGolden("awkward.width60.table", Renderer.render(RenderSamples.awkward, as: .table, options: o))
    o = RenderOptions()
    o.headers = false
    for f in [OutputFormat.table, .csv, .markdown] {
      try checkGolden("single.noheader.\(ext(f))", Renderer.render(RenderSamples.single, as: f, options: o))
    }
    o = RenderOptions()
    o.widths = [0, 6, 0, 4]
    o.nullValue = "NULL"
    try checkGolden("meetings.widths.table", Renderer.render(RenderSamples.meetings, as: .table, options: o))
    o = RenderOptions()
    o.mainColumnsOnly = ["id", "name", "date", "host"]
    try checkGolden("meetings.main.table", Renderer.render(RenderSamples.meetings, as: .table, options: o))
    try checkGolden("meetings.main.markdown", Renderer.render(RenderSamples.meetings, as: .markdown, options: o))
  }
}

@Suite struct RenderBehaviourTests {
  /// Every line of a table is the same number of cells wide, whatever the script of its text.
  @Test(arguments: RenderSamples.all.map(\.0))
  func tableLinesLineUp(sample: String) throws {
    let result = try #require(RenderSamples.all.first { $0.0 == sample }?.1)
    for width in [nil, 40, 70] as [Int?] {
      var o = RenderOptions()
      o.terminalWidth = width
      let boxLines = Renderer.render(result, as: .table, options: o)
        .split(separator: "\n").map(String.init).filter { $0.hasPrefix("┌") || $0.hasPrefix("│") || $0.hasPrefix("├") || $0.hasPrefix("└") }
      let widths = Set(boxLines.map { DisplayWidth.cells($0) })
      #expect(widths.count == 1, "\(sample) at \(String(describing: width)): \(widths)")
      if let w = width, let first = widths.first, first > w {
        // Only allowed when even three-cell columns cannot fit.
        #expect(result.columns.count * 6 + 1 > w)
      }
    }
  }

  @Test func moneyTiers() {
    #expect(CellText.money(10_006_000_000, currency: "CNY") == "100.06亿元")
    #expect(CellText.money(3_500_000, currency: "CNY") == "350万元")
    #expect(CellText.money(800, currency: nil) == "800元")
    #expect(CellText.money(400_000_000, currency: "USD") == "4亿美元")
    #expect(CellText.money(25_000, currency: "EUR") == "2.5万欧元")
    #expect(CellText.money(99_999_999, currency: "CNY") == "1亿元")
    #expect(CellText.money(9_999.999, currency: "CNY") == "1万元")
    #expect(CellText.money(2e12, currency: "CNY") == "2万亿元")
    #expect(CellText.money(-1_234_567.8, currency: "CNY") == "-123.46万元")
    #expect(CellText.money(12.345, currency: "CNY") == "12.35元")
    #expect(CellText.money(5, currency: "THB") == "5 THB")
    #expect(CellText.percent(7.6) == "7.6%")
    #expect(CellText.area(3_400_000) == "340万平方米")
  }

  @Test func rowCountFooterAndCut() {
    let t = Renderer.render(RenderSamples.single, as: .table)
    #expect(t.hasSuffix("│ 42 │\n└────┘\n1 row\n") || t.contains("1 row\n"))
    var o = RenderOptions()
    o.maxRows = 5
    let cut = Renderer.render(RenderSamples.projects, as: .table, options: o)
    #expect(cut.contains("2 more rows (.maxrows 0, limit, or $PAGER to see all)"))
    #expect(cut.contains("7 rows"))
    o.maxRows = 0
    #expect(!Renderer.render(RenderSamples.projects, as: .table, options: o).contains("more rows"))
    // Machine formats never drop rows.
    o.maxRows = 1
    #expect(Renderer.render(RenderSamples.projects, as: .jsonl, options: o).split(separator: "\n").count == 7)
  }

  @Test func jsonIsValidAndTyped() throws {
    for (name, result) in RenderSamples.all {
      let text = Renderer.render(result, as: .json)
      let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]]
      let rows = try #require(parsed, "\(name) is not an array of objects")
      #expect(rows.count == result.rows.count)
      for line in Renderer.render(result, as: .jsonl).split(separator: "\n") {
        #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) is [String: Any])
      }
    }
    let rows = try #require(try JSONSerialization.jsonObject(with: Data(Renderer.render(RenderSamples.awkward, as: .json).utf8)) as? [[String: Any]])
    #expect(rows[0]["evidence"] as? String == "他说：\"项目, 今年开工\"\n第二行\t制表")
    #expect(rows[2]["evidence"] as? String == "分隔符\u{2028}行\u{2029}段 e\u{301}")
    #expect(rows[0]["span"] as? [Int] == [0, 12])
    #expect(rows[2]["docs"] is NSNull)
    let text = Renderer.render(RenderSamples.awkward, as: .json)
    #expect(!text.unicodeScalars.contains("\u{2028}") && text.contains("\\u2028"))
    let p = Renderer.render(RenderSamples.projects, as: .jsonl)
    #expect(p.contains("\"investment\":10006000000,"))
    let ind = Renderer.render(RenderSamples.indicators, as: .jsonl)
    #expect(ind.contains("\"value\":null"))  // NaN
    #expect(ind.contains("\"value\":0.30000000000000004"))
  }

  @Test func csvRoundTripsThroughAParser() throws {
    var o = RenderOptions()
    o.csvBOM = true
    let text = Renderer.render(RenderSamples.awkward, as: .csv, options: o)
    #expect(text.utf8.starts(with: [0xEF, 0xBB, 0xBF]))
    let records = parseCSV(String(text.unicodeScalars.dropFirst()))
    #expect(records.count == 5)
    #expect(records[0] == ["id", "evidence", "span", "docs"])
    #expect(records[1][1] == "他说：\"项目, 今年开工\"\n第二行\t制表")
    #expect(records[1][3] == #"["a,b.txt","引号\"名.txt"]"#)
    #expect(records[3][3] == "")
    let p = parseCSV(Renderer.render(RenderSamples.projects, as: .csv))
    #expect(p[1][1] == "10006000000")
  }

  @Test func markdownEscapes() {
    let md = Renderer.render(RenderSamples.awkward, as: .markdown)
    #expect(md.contains("竖线 \\| 和反斜杠 \\\\ 还有"))
    #expect(md.contains("今年开工\"<br>第二行 制表"))
    #expect(md.split(separator: "\n")[1].hasPrefix("| --:"))
  }
}

/// A small RFC 4180 reader for checking the writer.
func parseCSV(_ text: String) -> [[String]] {
  var records: [[String]] = []
  var field = ""
  var record: [String] = []
  var inQuotes = false
  var chars = Array(text.unicodeScalars)[...]
  while let c = chars.popFirst() {
    if inQuotes {
      if c == "\"" {
        if chars.first == "\"" { field.unicodeScalars.append("\""); chars = chars.dropFirst() } else { inQuotes = false }
      } else { field.unicodeScalars.append(c) }
    } else if c == "\"" { inQuotes = true
    } else if c == "," { record.append(field); field = ""
    } else if c == "\r" && chars.first == "\n" {
      chars = chars.dropFirst(); record.append(field); records.append(record); record = []; field = ""
    } else { field.unicodeScalars.append(c) }
  }
  if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
  return records
}
