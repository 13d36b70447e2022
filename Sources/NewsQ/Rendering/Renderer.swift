/// The output formats of product.md §1.
public enum OutputFormat: String, Sendable, Hashable, CaseIterable {
  case table, csv, json, jsonl, markdown
}

/// How results are rendered: the shell's `.headers`, `.nullvalue`, `.maxrows`, `.width` and
/// the terminal it writes to.
public struct RenderOptions: Sendable, Hashable {
  public var headers = true
  public var nullValue = ""
  /// Rows shown before "N more rows"; nil shows all.
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
public enum Renderer {
  /// Renders `result` as `format` (contract stub; the real renderer lands with the render work).
  public static func render(_ result: ResultSet, as format: OutputFormat, options: RenderOptions = RenderOptions()) -> String {
    result.rows.map { $0.map(\.description).joined(separator: "\t") }.joined(separator: "\n") + "\n"
  }
}
