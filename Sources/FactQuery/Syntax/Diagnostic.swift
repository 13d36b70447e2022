/// A problem in a statement, anchored to the text that caused it.
///
/// `range` is in Unicode-scalar offsets into the statement text; `rendered` turns it into
/// `SOURCE:LINE:COL: error: message`, the line, and a caret line measured in terminal cells.
public struct Diagnostic: Error, Hashable, Sendable {
  public var message: String
  public var hint: String?
  public var range: SourceRange
  /// Extra information that is not an error (e.g. "朝阳 matches 3 divisions: …").
  public var notes: [String]

  public init(_ message: String, at range: SourceRange, hint: String? = nil, notes: [String] = []) {
    self.message = message
    self.range = range
    self.hint = hint
    self.notes = notes
  }
}
