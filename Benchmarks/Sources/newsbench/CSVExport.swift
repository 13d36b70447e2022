import BenchSupport
import Glibc
import NewsQ

/// The benchmark's own export, used until `export "DIR"` lands (and for directly generated
/// facts): one RFC 4180 CSV per entity, columns as product.md §2, lists as JSON arrays.
struct CSVExport {
  let dir: String
  var writers: [Entity: FileWriter] = [:]

  init(dir: String) { self.dir = dir; makeDirectories(dir) }

  static func columns(_ e: Entity) -> [String] { Schema.fields(of: e).map(\.name) }

  mutating func writer(_ e: Entity) -> FileWriter? {
    if let w = writers[e] { return w }
    guard let w = FileWriter(dir + "/" + e.rawValue + ".csv") else { return nil }
    w.write(CSVExport.columns(e).joined(separator: ",") + "\r\n")
    writers[e] = w
    return w
  }

  static func field(_ v: Value) -> String {
    let s = Canonical.text(v)
    if case .number(let d) = v { return Value.format(d) }
    if s.utf8.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }) {
      var q = "\""
      for c in s.unicodeScalars { if c == "\"" { q += "\"\"" } else { q.unicodeScalars.append(c) } }
      return q + "\""
    }
    return s
  }

  mutating func write(_ f: Fact) {
    guard let w = writer(f.entity) else { return }
    w.write(CSVExport.columns(f.entity).map { CSVExport.field(f[$0]) }.joined(separator: ",") + "\r\n")
  }

  mutating func write(_ e: Entity, _ rs: ResultSet) {
    guard let w = writer(e) else { return }
    let cols = CSVExport.columns(e)
    let idx = cols.map { c in rs.columns.firstIndex { $0.name == c } }
    for row in rs.rows {
      w.write(idx.map { k in k.flatMap { $0 < row.count ? CSVExport.field(row[$0]) : nil } ?? "" }.joined(separator: ",") + "\r\n")
    }
  }

  mutating func close() {
    for e in Entity.allCases where writers[e] == nil { _ = writer(e) }
    for w in writers.values { w.close() }
    writers = [:]
  }
}

/// Every fact of `entity` with every field, through the query language.
func allFacts(_ engine: Engine, _ e: Entity) -> ResultSet? {
  return try? engine.run("find \(e.rawValue) show " + CSVExport.columns(e).joined(separator: ", "))
}

/// Exports through the `export` statement when it works, else through `find … show …`.
func exportFacts(_ engine: Engine, to dir: String) -> String {
  makeDirectories(dir)
  if (try? engine.run("export \"\(dir)\"")) != nil, access(dir + "/meeting.csv", F_OK) == 0 { return "export statement" }
  var out = CSVExport(dir: dir)
  for e in Entity.allCases { if let rs = allFacts(engine, e) { out.write(e, rs) } }
  out.close()
  return "benchmark CSV writer (export statement not available)"
}
