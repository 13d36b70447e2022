import FactQuery
import NewsFacts

/// The output formats of product.md §1.
public enum OutputFormat: String, Sendable, Hashable, CaseIterable {
  case table, csv, json, jsonl, markdown
}

/// How results are rendered: the shell's `.headers`, `.nullvalue`, `.maxrows`, `.width` and
/// the terminal it writes to.
public struct RenderOptions: Sendable, Hashable {
  /// Header row in table, markdown and csv. Off also drops the table's `N rows` footer, so a
  /// script gets a bare value; the `N more rows` line stays (rows are never cut silently).
  public var headers = true
  /// What a null shows as in table and markdown (csv writes an empty field, json `null`).
  public var nullValue = ""
  /// Rows shown before "N more rows" in table and markdown; nil or 0 shows all. csv, json and
  /// jsonl are for programs and always carry every row.
  public var maxRows: Int? = nil
  /// Fixed column widths in cells from `.width`; 0 or missing means automatic.
  public var widths: [Int] = []
  /// The terminal's width in cells; wider tables shorten their widest columns with `…`.
  public var terminalWidth: Int? = nil
  public var csvBOM = false
  /// `find` without `show`: all fields in csv/json/jsonl, main fields in table/markdown.
  public var mainColumnsOnly: [String]? = nil
  public init() {}
}

/// Turns a result into text in one of the output formats. Pure: never prints.
///
/// - table: box drawing, widths in terminal cells, numbers right-aligned, money as `100.06亿元`,
///   a footer with the row count (see `CellText` for every display rule).
/// - csv: RFC 4180 with CRLF, optional BOM, base units, lists as JSON array text.
/// - json: one array of row objects; jsonl: one object per line; base units, `null` for nulls.
/// - markdown: a pipe table formatted like the table.
/// Notes of the result (`ResultSet.notes`) are not rendered: the caller shows them (on stderr in
/// the shell), so machine formats stay parseable.
public enum Renderer {
  /// Renders `result` as `format`. The text ends with a newline unless it is empty.
  public static func render(_ result: ResultSet, as format: OutputFormat, options: RenderOptions = RenderOptions()) -> String {
    switch format {
    case .table: return TableRenderer.render(result, options: options)
    case .markdown: return MarkdownRenderer.render(result, options: options)
    case .csv: return String(decoding: csv(result, options: options), as: UTF8.self)
    case .json: return String(decoding: json(result), as: UTF8.self)
    case .jsonl: return String(decoding: jsonLines(result), as: UTF8.self)
    }
  }

  /// The plan lines of `explain`, one node per line, as they are printed.
  public static func renderPlan(_ lines: [String]) -> String {
    lines.map { $0 + "\n" }.joined()
  }

  /// RFC 4180 bytes: header row (unless `headers` is off), CRLF line ends, optional BOM.
  static func csv(_ result: ResultSet, options: RenderOptions) -> [UInt8] {
    var out: [UInt8] = []
    if options.csvBOM { out.append(contentsOf: CSVText.bom) }
    if options.headers { CSVText.appendRecord(result.columns.map(\.name), to: &out) }
    var fields: [String] = []
    for row in result.rows {
      fields.removeAll(keepingCapacity: true)
      for i in result.columns.indices { fields.append(CSVText.field(i < row.count ? row[i] : .null)) }
      CSVText.appendRecord(fields, to: &out)
    }
    return out
  }

  /// One JSON array of row objects, one object per line: `[{…},\n{…}]`.
  static func json(_ result: ResultSet) -> [UInt8] {
    let names = result.columns.map(\.name)
    var out: [UInt8] = [UInt8(ascii: "[")]
    for (i, row) in result.rows.enumerated() {
      if i > 0 { out.append(contentsOf: [UInt8(ascii: ","), 0x0A]) }
      JSONText.appendObject(names: names, row: row, to: &out)
    }
    out.append(contentsOf: [UInt8(ascii: "]"), 0x0A])
    return out
  }

  /// One JSON object per line.
  static func jsonLines(_ result: ResultSet) -> [UInt8] {
    let names = result.columns.map(\.name)
    var out: [UInt8] = []
    for row in result.rows {
      JSONText.appendObject(names: names, row: row, to: &out)
      out.append(0x0A)
    }
    return out
  }
}
