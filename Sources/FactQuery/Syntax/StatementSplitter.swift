/// One statement (or dot command) cut out of a script or a pipe.
public struct StatementChunk: Sendable, Hashable {
  /// The statement from its first token to its last, without the `;` that ended it and
  /// without comments around it (comments inside stay). A dot command: the whole line from
  /// the `.`, trailing blanks removed.
  public var text: String
  /// The 1-based line of the script where `text` starts.
  public var line: Int
  /// The Unicode-scalar offset in the script where `text` starts: shift a diagnostic with
  /// `Diagnostic.shifted(by: offset)` and render it against the whole script to point into it.
  public var offset: Int
  /// True for a `.command` line, which the shell runs itself.
  public var isDotCommand: Bool

  public init(text: String, line: Int, offset: Int, isDotCommand: Bool) {
    self.text = text
    self.line = line
    self.offset = offset
    self.isDotCommand = isDotCommand
  }
}

/// Cuts scripts and piped input into statements (product.md §3 "When a statement ends").
///
/// A statement ends at `;`, or at the end of a line when it is complete: no quote or
/// parenthesis open, and its last token is not one that needs more (`where`, `and`, `or`,
/// `not`, `in`, `by`, `show`, `of`, `order`, `limit`, `between`, `is`, `contains`, `like`,
/// `distinct`, `find`, `explain` …, a comparison operator, a comma or `(`). Even then, a line
/// that begins with `where`, `and`, `or`, `order`, `limit`, `offset`, `show` or `by` continues
/// it, unless a blank line comes between (comment lines do not break the continuation).
/// A `.` as the first thing of a statement makes the rest of that line a dot command.
/// Comments and blank lines outside statements produce nothing; an unfinished statement at
/// the end is still returned, so the parser can say what is missing.
public enum StatementSplitter {
  public static func split(_ script: String) -> [StatementChunk] {
    var scanner = StatementScanner(script)
    scanner.run()
    return scanner.chunks
  }
}

/// Whether typed text is ready to run: what the prompt asks before choosing `...>`.
///
/// SQLite's `complete.c` idea on this language's tokens: true when nothing is open and the
/// last statement (after any `;`) does not end in a word or operator that needs more. Blank
/// or comment-only text and dot commands are complete (there is nothing more to wait for).
public enum Completeness {
  public static func isComplete(_ text: String) -> Bool {
    var scanner = StatementScanner(text)
    scanner.run()
    return scanner.lastWasComplete
  }
}

/// The state machine behind `StatementSplitter` and `Completeness`.
struct StatementScanner {
  struct Pending {
    var start: Int
    var line: Int
    var end: Int
    var depth = 0
    var last: Token
    var unterminated = false

    var isComplete: Bool {
      if unterminated || depth > 0 { return false }
      switch last.kind {
      case .comparison, .comma, .leftParen: return false
      case .word: return !Keywords.needMore.contains(last.text)
      default: return true
      }
    }
  }

  var lexer: Lexer
  var chunks: [StatementChunk] = []
  var lastWasComplete = true
  private var pending: Pending? = nil
  private var lineCursor = (offset: 0, line: 1)

  init(_ text: String) { lexer = Lexer(text) }

  /// The 1-based line of `offset`; offsets must not decrease between calls.
  private mutating func line(of offset: Int) -> Int {
    var (i, line) = lineCursor
    while i < offset, i < lexer.source.count {
      if lexer.source[i] == "\n" { line += 1 }
      i += 1
    }
    lineCursor = (i, line)
    return line
  }

  private mutating func emit() {
    guard let p = pending else { return }
    chunks.append(StatementChunk(text: lexer.written(p.start..<p.end), line: p.line, offset: p.start, isDotCommand: false))
    pending = nil
  }

  /// Whether the blanks and comments between `from` and `to` cross a line end, and whether
  /// they hold a blank line.
  private func gap(from: Int, to: Int) -> (newline: Bool, blankLine: Bool) {
    var newlines = 0
    var content = true
    var blank = false
    var i = from
    while i < to {
      let s = lexer.source[i]
      if s == "\n" {
        if newlines > 0, !content { blank = true }
        newlines += 1
        content = false
      } else if !Lexer.isBlank(s) {
        content = true
      }
      i += 1
    }
    return (newlines > 0, blank)
  }

  mutating func run() {
    let source = lexer.source
    while true {
      lexer.skipTrivia()
      let p = lexer.position
      if pending == nil, p < source.count, lexer.folded[p] == "." {
        var end = p
        while end < source.count, source[end] != "\n" { end += 1 }
        var trimmed = end
        while trimmed > p, Lexer.isBlank(source[trimmed - 1]) { trimmed -= 1 }
        chunks.append(StatementChunk(text: lexer.written(p..<trimmed), line: line(of: p), offset: p, isDotCommand: true))
        lexer.position = end
        lastWasComplete = true
        continue
      }
      let token = lexer.next()
      if var current = pending {
        let g = gap(from: current.end, to: token.range.lowerBound)
        let continues = token.kind == .word && Keywords.continuesLine.contains(token.text) && !g.blankLine
        if token.kind != .end, g.newline, current.isComplete, !continues {
          emit()
          lexer.position = token.range.lowerBound
          continue
        }
        if token.kind == .end {
          lastWasComplete = current.isComplete
          emit()
          return
        }
        if token.kind == .semicolon {
          emit()
          lastWasComplete = true
          continue
        }
        current.end = token.range.upperBound
        current.last = token
        if token.kind == .leftParen { current.depth += 1 }
        if token.kind == .rightParen, current.depth > 0 { current.depth -= 1 }
        if token.kind == .unterminatedString { current.unterminated = true }
        pending = current
      } else {
        switch token.kind {
        case .end:
          return
        case .semicolon:
          continue
        default:
          var started = Pending(start: token.range.lowerBound, line: line(of: token.range.lowerBound), end: token.range.upperBound, last: token)
          if token.kind == .leftParen { started.depth = 1 }
          if token.kind == .unterminatedString { started.unterminated = true }
          pending = started
          lastWasComplete = false
        }
      }
    }
  }
}
