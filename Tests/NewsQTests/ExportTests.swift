import Foundation
import Testing
@testable import NewsQ

/// A tiny fact set, written through the exporter and read back by parsers and by real engines.
enum ExportSamples {
  static func d(_ y: Int?, _ m: Int, _ day: Int) -> Value { .date(FactDate(year: y, month: m, day: day)) }

  static let meetings = ResultSet(
    columns: ["id", "name", "kind", "date", "province", "city", "county", "host", "attendees", "doc", "evidence", "span"].map {
      ResultColumn(name: $0, kind: Schema.field($0, of: .meeting)?.kind)
    },
    rows: [
      [1, "全区优化营商环境推进会", "推进会", d(2019, 5, 20), "山西省", "临汾市", "尧都区", "王宏伟", .list(["李明", "张建华"]), "a.txt", "他说：\"开会\"，\n好", .span(0, 10)],
      [2, "县委常委会", "常委会", d(nil, 7, 18), "山西省", "运城市", "绛县", .null, .list([]), "a.txt", "x,y", .span(11, 20)],
      [3, "企业家座谈会", "座谈会", d(2020, 1, 2), "山西省", "临汾市", "侯马市", "李明", .list(["王宏伟", "李明"]), "b.txt", "第三句", .span(0, 5)],
      [4, "项目推进座谈会", "座谈会", d(2019, 5, 3), "江苏省", "扬州市", "仪征市", "张建华", .list(["李明"]), "c.txt", "第四句", .span(6, 9)],
    ])

  static let projects = ResultSet(
    columns: ["id", "name", "investment", "currency", "bound", "area", "province", "city", "county"].map {
      ResultColumn(name: $0, kind: Schema.field($0, of: .project)?.kind)
    },
    rows: [
      [1, "智能制造产业园", .number(10_060_000_000), "CNY", "exact", .number(3_400_000), "山西省", "临汾市", "尧都区"],
      [2, "污水处理厂", .integer(3_500_000), "CNY", "about", .null, "山西省", "临汾市", "侯马市"],
      [3, "新能源电池", .number(400_000_000), "USD", "exact", .null, "江苏省", "扬州市", "仪征市"],
      [4, "港口物流园", .number(2_000_000_000), "CNY", "at least", .null, "江苏省", "扬州市", "仪征市"],
    ])

  static let people = ResultSet(
    columns: ["id", "name", "titles", "county"].map { ResultColumn(name: $0, kind: Schema.field($0, of: .person)?.kind) },
    rows: [
      [1, "王宏伟", .list(["区委书记"]), "尧都区"],
      [2, "李明", .list(["副县长", "县政府党组成员"]), "侯马市"],
      [3, "张建华", .list(["县委副书记"]), "仪征市"],
    ])

  static let tables: [(Entity, ResultSet)] = [(.meeting, meetings), (.project, projects), (.person, people)]
}

private func temporaryDirectory(_ name: String) -> String {
  let dir = NSTemporaryDirectory() + "newsq-export-\(getpid())-\(name)-\(UInt32.random(in: 0...UInt32.max))"
  return dir
}

@Suite struct ExportTests {
  @Test func writesEveryEntityAndSchema() throws {
    let base = temporaryDirectory("all")
    let dir = base + "/nested/out"
    defer { try? FileManager.default.removeItem(atPath: base) }
    let written = try Exporter.export(facts: ExportSamples.tables, to: dir)
    #expect(written.count == Entity.allCases.count * 2 + 2)
    let files = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
    #expect(files == (Entity.allCases.flatMap { ["\($0.rawValue).csv", "\($0.rawValue).jsonl"] } + ["schema.json", "duckdb.sql"]).sorted())
    let views = try String(contentsOfFile: dir + "/duckdb.sql", encoding: .utf8)
    #expect(views.contains("CREATE OR REPLACE VIEW meeting AS SELECT * FROM read_json('\(dir)/meeting.jsonl'"))

    // CSV: header = schema fields, RFC 4180 quoting, lists and spans as JSON array text.
    let csv = try String(contentsOfFile: dir + "/meeting.csv", encoding: .utf8)
    let records = parseCSV(csv)
    #expect(records[0] == Schema.fields(of: .meeting).map(\.name))
    #expect(records.count == 5)
    let col = { (name: String) in records[0].firstIndex(of: name) ?? -1 }
    #expect(records[1][col("attendees")] == #"["李明","张建华"]"#)
    #expect(records[1][col("span")] == "[0,10]")
    #expect(records[1][col("evidence")] == "他说：\"开会\"，\n好")
    #expect(records[2][col("date")] == "--07-18")
    #expect(records[2][col("host")] == "")
    #expect(records[1][col("venue")] == "")  // a schema field the input lacked
    #expect(csv.contains("\r\n") && !csv.replacingOccurrences(of: "\r\n", with: "").contains("\r"))

    // JSON lines: one object per fact, typed.
    let lines = try String(contentsOfFile: dir + "/project.jsonl", encoding: .utf8).split(separator: "\n")
    #expect(lines.count == 4)
    let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
    #expect(first["investment"] as? Double == 10_060_000_000)
    #expect(first["venue"] == nil && first["doc"] is NSNull)
    #expect(try String(contentsOfFile: dir + "/visit.jsonl", encoding: .utf8).isEmpty)
    #expect(try String(contentsOfFile: dir + "/visit.csv", encoding: .utf8).hasPrefix("id,who,to,"))

    // schema.json: every entity, every field, with types.
    let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/schema.json"))) as? [String: Any])
    let entities = try #require(schema["entities"] as? [[String: Any]])
    #expect(entities.map { $0["name"] as? String } == Entity.allCases.map(\.rawValue))
    let meeting = try #require(entities.first { $0["name"] as? String == "meeting" })
    #expect(meeting["rows"] as? Int == 4)
    let types = Dictionary(uniqueKeysWithValues: ((meeting["fields"] as? [[String: Any]]) ?? []).map { ($0["name"] as? String ?? "", $0["type"] as? String ?? "") })
    #expect(types["id"] == "integer" && types["date"] == "date" && types["attendees"] == "list" && types["span"] == "span" && types["city"] == "text")
    let project = try #require(entities.first { $0["name"] as? String == "project" })
    #expect(((project["fields"] as? [[String: Any]]) ?? []).first { $0["name"] as? String == "investment" }?["type"] as? String == "double")

    // Nothing temporary is left behind.
    #expect(!files.contains { $0.hasPrefix(".") })
  }

  @Test func failuresNameThePathAndReason() throws {
    let dir = temporaryDirectory("fail")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    FileManager.default.createFile(atPath: dir + "/plain", contents: Data("x".utf8))
    let e1 = #expect(throws: ExportError.self) { try Exporter.export(facts: ExportSamples.tables, to: dir + "/plain/out") }
    #expect(e1?.path == dir + "/plain")
    #expect(e1?.reason == "exists and is not a directory")
    #expect(throws: ExportError.self) { try Exporter.export(facts: ExportSamples.tables, to: dir + "/plain") }
    if getuid() != 0 {
      try FileManager.default.createDirectory(atPath: dir + "/ro", withIntermediateDirectories: true)
      chmod(dir + "/ro", 0o555)
      let e2 = #expect(throws: ExportError.self) { try Exporter.export(facts: ExportSamples.tables, to: dir + "/ro") }
      #expect(e2?.reason == "Permission denied")
      chmod(dir + "/ro", 0o755)
    }
  }

  @Test func overwritesAnEarlierExport() throws {
    let dir = temporaryDirectory("again")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try Exporter.export(facts: ExportSamples.tables, to: dir)
    try Exporter.export(facts: [(.meeting, ExportSamples.meetings)], to: dir)
    #expect(try String(contentsOfFile: dir + "/project.jsonl", encoding: .utf8).isEmpty)
    #expect(try String(contentsOfFile: dir + "/meeting.jsonl", encoding: .utf8).split(separator: "\n").count == 4)
  }
}
