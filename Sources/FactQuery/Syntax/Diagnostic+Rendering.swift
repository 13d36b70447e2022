/// Where a diagnostic points, and how it prints: `SOURCE:LINE:COL: error: message`, the line,
/// a caret line under the offending text, then `hint:` and `note:` lines.
extension Diagnostic {
  /// The start of `range` in `source`: 1-based line, 1-based column in terminal cells (a Chinese
  /// character is two, a tab one, invisible format characters none) and the scalar offset.
  public func location(in source: String) -> (line: Int, column: Int, offset: Int) {
    let scalars = Array(source.unicodeScalars)
    let offset = max(0, min(range.lowerBound, scalars.count))
    var line = 1
    var lineStart = 0
    for i in 0..<offset where scalars[i] == "\n" {
      line += 1
      lineStart = i + 1
    }
    var column = 1
    for s in scalars[lineStart..<offset] where s != "\r" { column += DiagnosticText.cells(s) }
    return (line, column, offset)
  }

  /// The same diagnostic pointing `delta` scalars further on: for a statement cut out of a
  /// script at `StatementChunk.offset`, `shifted(by: chunk.offset)` points into the script.
  public func shifted(by delta: Int) -> Diagnostic {
    var d = self
    d.range = (range.lowerBound &+ delta)..<max(range.lowerBound &+ delta, range.upperBound &+ delta)
    return d
  }

  /// The diagnostic as the command line prints it, lines joined by `\n`, no trailing newline:
  ///
  ///     report.q:3:27: error: expected a value after '='
  ///     find meeting where city = 临汾
  ///                               ^^^^
  ///     hint: strings are quoted: "临汾"
  ///
  /// `lineOffset` is added to the line (a statement that starts on line 7 of a script passes 6).
  /// The caret line mirrors tabs so carets line up in any terminal; control characters in the
  /// echoed line show as U+FFFD and bidi marks are dropped, so the echo cannot reorder or
  /// drive the terminal. Lines over 160 cells are cut to a window around the caret. With
  /// `color`, `error` is bold red (ANSI); callers pass it only for a terminal without NO_COLOR.
  public func rendered(source: String, sourceName: String, lineOffset: Int = 0, color: Bool = false) -> String {
    let scalars = Array(source.unicodeScalars)
    let (line, column, offset) = location(in: source)
    var lineStart = offset
    while lineStart > 0, scalars[lineStart - 1] != "\n" { lineStart -= 1 }
    var lineEnd = offset
    while lineEnd < scalars.count, scalars[lineEnd] != "\n" { lineEnd += 1 }
    if lineEnd > lineStart, scalars[lineEnd - 1] == "\r" { lineEnd -= 1 }
    let caretEnd = max(offset, min(range.upperBound, lineEnd))

    // A window of at most ~160 cells around the caret.
    var from = lineStart, to = lineEnd
    if lineEnd - lineStart > 80, DiagnosticText.cells(scalars[lineStart..<min(lineEnd, lineStart + 161)]) > 160 {
      var cells = 0
      from = offset
      while from > lineStart, cells < 60 { from -= 1; cells += DiagnosticText.cells(scalars[from]) }
      cells = 0
      to = offset
      while to < lineEnd, cells < 100 { cells += DiagnosticText.cells(scalars[to]); to += 1 }
    }
    var echo = from > lineStart ? "…" : ""
    var caret = from > lineStart ? " " : ""
    for i in from..<to {
      let s = scalars[i]
      let width = DiagnosticText.cells(s)
      if s == "\t" {
        echo.unicodeScalars.append(s)
      } else if s.value < 0x20 || (s.value >= 0x7F && s.value < 0xA0) {
        echo.unicodeScalars.append("\u{FFFD}")
      } else if width > 0 {
        echo.unicodeScalars.append(s)
      } else if s.properties.generalCategory != .format {
        echo.unicodeScalars.append(s)
      }
      if i < offset {
        if s == "\t" { caret += "\t" } else { caret += String(repeating: " ", count: width) }
      }
    }
    if to < lineEnd { echo += "…" }
    let marked = DiagnosticText.cells(scalars[offset..<min(caretEnd, to)])
    caret += String(repeating: "^", count: max(1, marked))

    let error = color ? "\u{1B}[1;31merror\u{1B}[0m" : "error"
    var out = "\(sourceName):\(line &+ lineOffset):\(column): \(error): \(message)\n\(echo)\n\(caret)"
    if let hint { out += "\nhint: \(hint)" }
    for note in notes { out += "\nnote: \(note)" }
    return out
  }
}

/// Display widths for rendering, through the one file that knows them.
enum DiagnosticText {
  static func cells(_ s: Unicode.Scalar) -> Int { CellWidth.cells(s) }
  static func cells(_ s: ArraySlice<Unicode.Scalar>) -> Int { CellWidth.cells(s) }
}
