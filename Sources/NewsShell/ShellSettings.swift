import NewsQ

/// The settings dot commands change (`.mode`, `.headers`, `.nullvalue`, `.maxrows`, `.width`,
/// `.timer`) plus the command-line switches that behave the same way.
public struct ShellSettings: Sendable, Hashable {
  public var format: OutputFormat = .table
  public var headers = true
  public var nullValue = ""
  /// Rows shown in table output before "N more rows"; nil shows all (`.maxrows 0`).
  public var maxRows: Int? = nil
  public var widths: [Int] = []
  public var timer = false
  /// `--echo`: print each statement before its result.
  public var echo = false
  /// `--keep-going`: scripts go on after a failing statement.
  public var keepGoing = false
  /// `--csv-bom`: a UTF-8 BOM before the first CSV written to each output.
  public var csvBOM = false
  public init() {}

  /// The `.maxrows` default on a terminal.
  public static let terminalMaxRows = 100
}

/// How a session's statement sources are named in errors.
public enum SourceName {
  public static let stdin = "<stdin>"
  /// `<command-line>` for a single `-c`, `<command-line>#N` when there are several.
  public static func commandLine(index: Int, of count: Int) -> String {
    count > 1 ? "<command-line>#\(index)" : "<command-line>"
  }
}
