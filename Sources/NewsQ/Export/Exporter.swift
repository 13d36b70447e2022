import FactQuery
import NewsFacts

/// `export "DIR"` and `--export DIR`: the facts written out for bigger engines.
///
/// For every entity of product.md §2 (entities not given are written empty, so every view of
/// `SQLTranslator.setup` has its file) it writes `ENTITY.csv` (RFC 4180, CRLF, header row of
/// field names, lists and spans as JSON array text, null as an empty field, numbers in base
/// units) and `ENTITY.jsonl` (one JSON object per fact; lists and spans as arrays, dates as
/// strings, null as `null`), plus `schema.json` describing every entity's fields and types.
/// Columns follow `Schema.fields(of:)` order; a value for a field the result lacks is null, and
/// result columns the schema does not know are appended after the schema's. The directory is
/// created with its parents; each file is written to a temporary file beside it and renamed
/// into place, so a reader never sees half a file.
public enum Exporter {
  /// Writes the tables to `directory`; returns the paths written, schema.json last.
  @discardableResult
  public static func export(facts tables: [(Entity, ResultSet)], to directory: String) throws(ExportError) -> [String] {
    try Directories.create(directory)
    let base = directory.isEmpty ? "" : (directory.hasSuffix("/") ? directory : directory + "/")
    var written: [String] = []
    var rowCounts: [Entity: Int] = [:]
    for entity in Entity.allCases {
      let given = tables.filter { $0.0 == entity }.map(\.1)
      let (names, rows) = arrange(entity, given)
      rowCounts[entity] = rows.count
      let csvPath = base + entity.rawValue + ".csv"
      let csv = try AtomicFile(path: csvPath)
      try csv.write { CSVText.appendRecord(names, to: &$0) }
      var fields: [String] = []
      for row in rows {
        fields.removeAll(keepingCapacity: true)
        for v in row { fields.append(CSVText.field(v)) }
        try csv.write { CSVText.appendRecord(fields, to: &$0) }
      }
      try csv.commit()
      written.append(csvPath)

      let jsonlPath = base + entity.rawValue + ".jsonl"
      let jsonl = try AtomicFile(path: jsonlPath)
      for row in rows {
        try jsonl.write {
          JSONText.appendObject(names: names, row: row, to: &$0)
          $0.append(0x0A)
        }
      }
      try jsonl.commit()
      written.append(jsonlPath)
    }
    let schemaPath = base + "schema.json"
    let schema = try AtomicFile(path: schemaPath)
    try schema.write { schemaJSON(rows: rowCounts, into: &$0) }
    try schema.commit()
    written.append(schemaPath)
    // The views `explain sql` assumes, so `duckdb < DIR/duckdb.sql` is ready for its SELECTs.
    let viewsPath = base + "duckdb.sql"
    let views = try AtomicFile(path: viewsPath)
    try views.write { $0.append(contentsOf: Array(SQLTranslator.setup(directory: directory).utf8)) }
    try views.commit()
    written.append(viewsPath)
    return written
  }

  /// The same, from a dictionary of tables.
  @discardableResult
  public static func export(facts tables: [Entity: ResultSet], to directory: String) throws(ExportError) -> [String] {
    try export(facts: tables.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, to: directory)
  }

  /// Column names in schema order (then unknown extras) and rows rearranged to them.
  static func arrange(_ entity: Entity, _ results: [ResultSet]) -> ([String], [[Value]]) {
    var names = Schema.fields(of: entity).map(\.name)
    for r in results {
      for c in r.columns where !names.contains(c.name) { names.append(c.name) }
    }
    var rows: [[Value]] = []
    for r in results {
      let positions: [Int?] = names.map { n in r.columns.firstIndex { $0.name == n } }
      for row in r.rows {
        rows.append(positions.map { p in p.flatMap { $0 < row.count ? row[$0] : nil } ?? .null })
      }
    }
    return (names, rows)
  }

  /// The storage type of a field in the exported files: text, integer, double, date, list, span.
  public static func typeName(_ kind: FieldKind) -> String {
    switch kind {
    case .text, .place: return "text"
    case .integer: return "integer"
    case .number, .money, .quantity, .area: return "double"
    case .date: return "date"
    case .textList: return "list"
    case .span: return "span"
    }
  }

  /// `schema.json`: `{"format": "newsq-export/1", "entities": [{"name", "rows", "csv", "jsonl",
  /// "fields": [{"name", "type", …}]}]}`; fields may add `kind` (place, money, quantity, area),
  /// `level` for places, `currency_field` / `unit_field`, and `main` for the table view's fields.
  static func schemaJSON(rows: [Entity: Int], into out: inout [UInt8]) {
    func raw(_ s: String) { out.append(contentsOf: Array(s.utf8)) }
    func str(_ s: String) { JSONText.append(string: s, to: &out) }
    raw("{\"format\": \"newsq-export/1\",\n \"entities\": [\n")
    for (i, e) in Entity.allCases.enumerated() {
      raw(i > 0 ? ",\n  {" : "  {")
      raw("\"name\": "); str(e.rawValue)
      raw(", \"rows\": \(rows[e] ?? 0)")
      raw(", \"csv\": "); str(e.rawValue + ".csv")
      raw(", \"jsonl\": "); str(e.rawValue + ".jsonl")
      raw(",\n   \"fields\": [")
      for (j, f) in Schema.fields(of: e).enumerated() {
        raw(j > 0 ? ",\n    {" : "\n    {")
        raw("\"name\": "); str(f.name)
        raw(", \"type\": "); str(typeName(f.kind))
        switch f.kind {
        case .place(let level):
          raw(", \"kind\": \"place\"")
          if let level { raw(", \"level\": "); str(level.rawValue) }
        case .money(let cf): raw(", \"kind\": \"money\", \"currency_field\": "); str(cf)
        case .quantity(let uf): raw(", \"kind\": \"quantity\", \"unit_field\": "); str(uf)
        case .area: raw(", \"kind\": \"area\", \"unit\": \"m2\"")
        default: break
        }
        if f.isMain { raw(", \"main\": true") }
        raw("}")
      }
      raw("]}")
    }
    raw("\n]}\n")
  }
}
