/// One token of a statement, with its range in Unicode-scalar offsets.
///
/// The lexer never throws: problems (an unknown character, an unclosed quote, a number with
/// an unknown unit) become tokens that carry their own diagnostic, so the splitter, the
/// completeness check and completion can read broken text that the parser rejects.
struct Token: Sendable, Hashable {
  enum Kind: Sendable, Hashable {
    /// An ASCII word: a keyword, entity or field name. `text` is lowercased.
    case word
    /// A run of letters that is not all ASCII (`临汾`, `GDP增速`) outside quotes: an unquoted value.
    case bareText
    /// A closed string; `text` is its content with doubled quotes undone.
    case string
    /// A number, money, percent, area, date or parameter literal: see `literal`.
    case literal
    case leftParen, rightParen, comma, semicolon, dot
    case comparison(ComparisonOperator)
    /// A problem the parser reports as soon as it reaches this token (`problem`).
    case invalid
    /// An opening quote with no closing one; runs to the end of the text. `text` is the content so far.
    case unterminatedString
    case end
  }

  var kind: Kind
  var range: SourceRange
  /// Lowercased for words; the content for strings; as written (after full-width folding) otherwise.
  var text: String = ""
  var literal: LiteralValue? = nil
  /// A problem the parser reports as soon as it reaches this token (kept boxed: tokens are
  /// copied at every step and almost never carry one).
  var problem: Diagnostic? {
    get { problemBox?.diagnostic }
    set { problemBox = newValue.map(ProblemBox.init) }
  }
  private var problemBox: ProblemBox? = nil
  /// For words of up to 8 letters: the lowercased bytes packed by `Keywords.key` (0 otherwise),
  /// so keyword tests compare integers.
  var key: UInt64 = 0
  /// Whether `text` is exactly the text as written (a word with no capitals and nothing folded).
  var textIsWritten = false

  init(_ kind: Kind, _ range: SourceRange, text: String = "") {
    self.kind = kind
    self.range = range
    self.text = text
  }

  /// A word token, built in place.
  init(word text: String, _ range: SourceRange, key: UInt64, textIsWritten: Bool) {
    self.kind = .word
    self.range = range
    self.text = text
    self.key = key
    self.textIsWritten = textIsWritten
  }

  /// True for the ASCII word `keyword` (lowercase).
  func isWord(_ keyword: String) -> Bool {
    kind == .word && text == keyword
  }
}

/// A token's diagnostic, boxed.
final class ProblemBox: Sendable, Hashable {
  let diagnostic: Diagnostic
  init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }
  static func == (a: ProblemBox, b: ProblemBox) -> Bool { a.diagnostic == b.diagnostic }
  func hash(into h: inout Hasher) { h.combine(diagnostic) }
}
