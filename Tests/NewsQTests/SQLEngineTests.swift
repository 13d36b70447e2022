import Foundation
import Testing
@testable import NewsQ

private typealias A = AST

/// Runs `explain sql` output in real engines over a real export: DuckDB (when `python3 -c 'import
/// duckdb'` works) over the JSON-lines files, and SQLite (Python's sqlite3) over the CSV files.
/// Skipped when python3 or the engine is missing.
private let runner = #"""
import json, sys, csv
dialect, directory, setup, queries = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
if dialect == "duckdb":
    import duckdb
    con = duckdb.connect()
    con.execute(setup)
else:
    import sqlite3
    con = sqlite3.connect(":memory:")
    con.executescript(setup)
    for entity in ["article", "meeting", "person", "place", "project", "indicator", "visit"]:
        with open(f"{directory}/{entity}.csv", newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        header, body = rows[0], rows[1:]
        marks = ",".join("?" for _ in header)
        con.executemany(f"INSERT INTO {entity} VALUES ({marks})", [[None if v == "" else v for v in r] for r in body])
out = []
for q in queries:
    out.append([list(r) for r in con.execute(q).fetchall()])
print(json.dumps(out, ensure_ascii=False))
"""#

private func python(_ args: [String]) -> (status: Int32, out: String) {
  let p = Process()
  p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  p.arguments = ["python3"] + args
  let pipe = Pipe()
  p.standardOutput = pipe
  p.standardError = FileHandle.nullDevice
  do { try p.run() } catch { return (-1, "") }
  let data = pipe.fileHandleForReading.readDataToEndOfFile()
  p.waitUntilExit()
  return (p.terminationStatus, String(decoding: data, as: UTF8.self))
}

private func available(_ module: String) -> Bool { python(["-c", "import \(module)"]).status == 0 }

private let cases: [(Statement, [[String]])] = {
  let tenYi = A.lit(.money(3e8, currency: nil), "3亿")
  return [
    (A.find("meeting", where: .and(A.cmp("city", .equal, A.s("临汾市")), A.cmp("date", .greaterOrEqual, A.day(2019, 5, 1))), show: ["id"]),
     [["1"], ["3"]]),
    (.query(A.query(.count(distinct: nil), "meeting", by: ["attendees"])),
     [["李明", "3"], ["张建华", "1"], ["王宏伟", "1"], ["null", "1"]]),  // the meeting without attendees: the null group
    (A.find("project", where: A.cmp("investment", .greater, tenYi), show: ["name"], order: [("investment", true)]),
     [["智能制造产业园"], ["港口物流园"]]),
    (A.find("person", where: A.p("titles", .contains(A.s("书记"), negated: false)), show: ["name"]),
     [["王宏伟"], ["张建华"]]),
    (A.find("person", where: A.p("name", .inQuery(A.query(.find(distinct: false), "meeting", where: A.cmp("host", .equal, A.s("王宏伟")), show: ["attendees"]), negated: false)), show: ["name"]),
     [["李明"], ["张建华"]]),
    (A.find("meeting", where: A.cmp("date", .less, A.year(2020)), show: ["id"]),
     [["1"], ["4"]]),
    (A.find("meeting", where: .not(A.cmp("date", .less, A.year(2020)), range: 0..<1), show: ["id"]),
     [["3"]]),
    (.query(A.query(.aggregate(.sum, A.name("investment")), "project", where: A.cmp("currency", .equal, A.s("CNY")), by: ["city"])),
     [["临汾市", "CNY", "10063500000"], ["扬州市", "CNY", "2000000000"]]),  // money sums per currency
    (.query(A.query(.count(distinct: A.name("host")), "meeting")), [["3"]]),
    (A.find("meeting", where: A.cmp("place", .equal, A.s("临汾")), show: ["id"]), [["1"], ["3"]]),
    (A.find("meeting", where: A.p("host", .isNull(negated: false)), show: ["id"]), [["2"]]),
    (A.find("meeting", where: A.p("attendees", .isNull(negated: false)), show: ["id"]), [["2"]]),
    (A.find("meeting", where: A.cmp("date", .equal, A.s("--07-18")), show: ["name"]), [["县委常委会"]]),
    (A.find("meeting", show: ["id"], order: [("date", false)], limit: (3, 1)), [["1"], ["3"], ["2"]]),
  ]
}()

private func normalise(_ v: Any) -> String {
  switch v {
  case let d as Double: return Value.format(d)
  case let i as Int: return String(i)
  case let s as String: return s
  case is NSNull: return "null"
  default: return "\(v)"
  }
}

@Suite struct SQLEngineTests {
  @Test(arguments: SQLDialect.allCases)
  func translationsAnswerTheSameQuestion(dialect: SQLDialect) throws {
    guard available(dialect == .duckdb ? "duckdb" : "sqlite3") else { return }
    let dir = NSTemporaryDirectory() + "newsq-sql-\(getpid())-\(dialect.rawValue)"
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try Exporter.export(facts: ExportSamples.tables, to: dir)
    let queries = try cases.map { try SQLTranslator.translate($0.0, dialect: dialect) }
    let json = String(decoding: try JSONSerialization.data(withJSONObject: queries), as: UTF8.self)
    let (status, out) = python(["-c", runner, dialect.rawValue, dir, SQLTranslator.setup(directory: dir, dialect: dialect), json])
    try #require(status == 0, "the \(dialect) runner failed")
    let results = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[[Any]]])
    for (i, (statement, expected)) in cases.enumerated() {
      let got = results[i].map { $0.map(normalise) }
      #expect(got == expected, "\(dialect): \(queries[i]) — \(statement)")
    }
  }
}
