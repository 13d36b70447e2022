import NewsFacts

/// What can stand at the cursor: the grammar's answer, which the engine turns into candidates
/// from the schema and the store.
public enum CompletionSite: Sendable, Hashable {
  /// One of these keywords (lowercase). At the start of a statement this is the statement
  /// words; a dot command may stand there too (its prefix would begin with `.`).
  case keyword([String])
  /// An entity name.
  case entity
  /// A field of the entity (nil when the entity is not written yet: `sum |`).
  case field(Entity?)
  /// A value of `field` (lowercase as written) on the entity. When the character before the
  /// prefix is a quote, the user is inside a string: insert the bare value; otherwise quote it.
  case value(entity: Entity?, field: String)
  /// A dot command name (the prefix includes the `.`).
  case dotCommand
  /// A file or directory path (`.read`, `.load`, `.output`, `.once`, `export "…`).
  case path
  /// Nothing to offer (a number, an id, inside a comment).
  case none
}

/// Finds the completion site of a cursor position in a line of input.
public enum CompletionAnalyzer {
  /// The site at `cursor` (a Unicode-scalar offset into `line`, clamped) and the range of the
  /// word being typed there, which candidates replace: the letters before the cursor, or the
  /// text after an open quote. Text after the cursor is ignored.
  public static func analyse(_ line: String, cursor: Int) -> (site: CompletionSite, prefix: Range<Int>) {
    let scalars = Array(line.unicodeScalars)
    let c = max(0, min(cursor, scalars.count))
    var head = String.UnicodeScalarView()
    head.append(contentsOf: scalars[0..<c])
    var lexer = Lexer(String(head))
    var tokens: [Token] = []
    while true {
      let t = lexer.next()
      tokens.append(t)
      if t.kind == .end { break }
    }

    // The statement the cursor is in starts after the last ';'.
    var first = 0
    for (i, t) in tokens.enumerated() where t.kind == .semicolon { first = i + 1 }
    let statementStart = first < tokens.count && first > 0 ? tokens[first - 1].range.upperBound : 0

    // A dot command: `.` first in the statement.
    var s = statementStart
    while s < c, Lexer.isBlank(lexer.folded[s]) { s += 1 }
    if s < c, lexer.folded[s] == "." {
      var wordEnd = s
      while wordEnd < c, !Lexer.isBlank(scalars[wordEnd]) { wordEnd += 1 }
      if wordEnd == c { return (.dotCommand, s..<c) }
      var argStart = c
      while argStart > wordEnd, !Lexer.isBlank(scalars[argStart - 1]) { argStart -= 1 }
      let command = String(String.UnicodeScalarView(scalars[(s + 1)..<wordEnd])).lowercased()
      switch command {
      case "read", "load", "output", "once", "open", "cd", "import": return (.path, argStart..<c)
      case "mode": return (.keyword(["table", "csv", "json", "jsonl", "markdown"]), argStart..<c)
      case "headers", "timer", "echo": return (.keyword(["on", "off"]), argStart..<c)
      case "schema": return (.entity, argStart..<c)
      default: return (.none, argStart..<c)
      }
    }

    var context = Array(tokens[first...].dropLast())  // without .end
    var prefix = c..<c
    var inString = false
    if let last = context.last, last.range.upperBound == c {
      switch last.kind {
      case .word, .bareText:
        prefix = last.range
        context.removeLast()
      case .unterminatedString:
        prefix = (last.range.lowerBound + 1)..<c
        inString = true
        context.removeLast()
      case .literal, .invalid:
        prefix = last.range
        context.removeLast()
      default:
        break
      }
    }
    // Inside a comment: nothing.
    if !inString {
      var lineStart = c
      while lineStart > statementStart, scalars[lineStart - 1] != "\n" { lineStart -= 1 }
      if CompletionAnalyzer.endsInComment(lexer.folded, from: lineStart, to: c) { return (.none, c..<c) }
    }
    var walker = CompletionWalker()
    for t in context { walker.step(t) }
    let site = walker.site
    if inString {
      switch site {
      case .value, .path: return (site, prefix)
      default: return (.none, prefix)
      }
    }
    return (site, prefix)
  }

  /// True when `--` outside a string opens a comment that runs to `to`.
  static func endsInComment(_ folded: [Unicode.Scalar], from: Int, to: Int) -> Bool {
    var i = from
    var quote: Unicode.Scalar? = nil
    while i < to {
      let s = folded[i]
      if let q = quote {
        if s == q || (q == "”" && s == "“") { quote = nil }
      } else if s == "\"" || s == "'" {
        quote = s
      } else if s == "“" {
        quote = "”"
      } else if s == "-", i + 1 < to, folded[i + 1] == "-" {
        return true
      }
      i += 1
    }
    return false
  }
}

/// Walks the tokens before the cursor, tracking what the grammar expects next.
struct CompletionWalker {
  enum Expect: Equatable {
    case statement, explainMode, entity, aggregateField, of, clause, field, op(String), value(String)
    case valueOrQuery(String), listNext(String), afterValue, betweenLow(String), betweenAnd(String)
    case null, nullOrNot, listField, orderBy, afterOrderKey, limit, afterLimit, id, path, nothing
  }
  /// A query, a parenthesised condition or an `in (…)` list.
  struct Frame {
    var entity: Entity? = nil
    var isFind = true
    /// The field of an open `in (…)` list.
    var inList: String? = nil
    /// Clause whose field list is open (`show`, `by`, `order`).
    var listClause = ""
  }

  var expect = Expect.statement
  var frames = [Frame()]
  private var afterWhy = false

  var frame: Frame {
    get { frames.last ?? Frame() }
    set { if frames.isEmpty { frames = [newValue] } else { frames[frames.count - 1] = newValue } }
  }

  var clauses: [String] { frame.isFind ? Keywords.findClauses : Keywords.countClauses }

  var site: CompletionSite {
    switch expect {
    case .statement: return .keyword(Keywords.statements)
    case .explainMode: return .keyword(["analyze", "sql"] + Keywords.queries)
    case .entity: return .entity
    case .aggregateField: return .field(nil)
    case .of: return .keyword(["of"])
    case .clause: return .keyword(clauses)
    case .field, .listField: return .field(frame.entity)
    case .op: return .keyword(Keywords.predicateWords)
    case .value(let f), .valueOrQuery(let f), .betweenLow(let f): return .value(entity: frame.entity, field: f)
    case .afterValue: return .keyword(["and", "or"] + clauses)
    case .betweenAnd: return .keyword(["and"])
    case .null: return .keyword(["null"])
    case .nullOrNot: return .keyword(["not", "null"])
    case .orderBy: return .keyword(["by"])
    case .afterOrderKey: return .keyword(["asc", "desc"] + clauses)
    case .afterLimit: return .keyword(["offset"] + clauses.filter { $0 != "limit" })
    case .listNext, .limit, .id, .nothing: return .none
    case .path: return .path
    }
  }

  mutating func startQuery(_ verb: String) {
    frame.isFind = verb == "find"
    frame.entity = nil
    frame.inList = nil
    frame.listClause = ""
    expect = verb == "find" || verb == "count" ? .entity : .aggregateField
  }

  mutating func step(_ t: Token) {
    let word = t.kind == .word ? t.text : ""
    switch expect {
    case .statement:
      switch word {
      case "explain": expect = .explainMode
      case "why": expect = .entity; afterWhy = true
      case "export": expect = .path
      case _ where Keywords.queries.contains(word): startQuery(word)
      default: expect = .nothing
      }
    case .explainMode:
      if word == "analyze" || word == "analyse" || word == "sql" { return }
      if Keywords.queries.contains(word) { startQuery(word) } else { expect = .nothing }
    case .entity:
      if word == "distinct" {
        if !frame.isFind { expect = .aggregateField }
        return
      }
      guard t.kind == .word else { expect = .nothing; return }
      frame.entity = Entity(name: word)
      expect = afterWhy ? .id : .clause
      afterWhy = false
    case .aggregateField:
      expect = t.kind == .word ? .of : .nothing
    case .of:
      expect = word == "of" ? .entity : .nothing
    case .clause, .afterValue, .afterOrderKey, .afterLimit:
      clause(t, word)
    case .field:
      if t.kind == .leftParen {
        var group = frame
        group.inList = nil
        frames.append(group)
      } else if word == "not" {
        return
      } else if t.kind == .word {
        expect = .op(word)
      } else {
        expect = .nothing
      }
    case .op(let f):
      switch t.kind {
      case .comparison: expect = .value(f)
      case .word:
        switch word {
        case "not": return
        case "in": expect = .valueOrQuery(f)
        case "contains", "like": expect = .value(f)
        case "between": expect = .betweenLow(f)
        case "is": expect = .nullOrNot
        default: expect = .nothing
        }
      default: expect = .nothing
      }
    case .valueOrQuery(let f):
      guard t.kind == .leftParen else { expect = .nothing; return }
      var list = frame
      list.inList = f
      frames.append(list)
      expect = .value(f)
    case .value(let f):
      if t.kind == .word, Keywords.queries.contains(word), frame.inList != nil {
        startQuery(word)  // a subquery: its own entity and clauses, closed by ')'
        return
      }
      guard t.kind == .string || t.kind == .literal else { expect = .nothing; return }
      expect = frame.inList != nil ? .listNext(f) : .afterValue
    case .betweenLow(let f):
      expect = t.kind == .string || t.kind == .literal ? .betweenAnd(f) : .nothing
    case .listNext(let f):
      if t.kind == .comma {
        expect = .value(f)
      } else if t.kind == .rightParen, frames.count > 1 {
        frames.removeLast()
        expect = .afterValue
      } else {
        expect = .nothing
      }
    case .betweenAnd(let f):
      if word == "and" {
        expect = .value(f)
        var plain = frame
        plain.inList = nil
        frame = plain
      } else {
        expect = .nothing
      }
    case .null:
      expect = word == "null" ? .afterValue : .nothing
    case .nullOrNot:
      expect = word == "not" ? .null : (word == "null" ? .afterValue : .nothing)
    case .listField:
      guard t.kind == .word else { expect = .nothing; return }
      expect = frame.listClause == "order" ? .afterOrderKey : .clause
    case .orderBy:
      if word == "by" {
        frame.listClause = "order"
        expect = .listField
      } else {
        expect = .nothing
      }
    case .limit:
      expect = t.kind == .literal ? .afterLimit : .nothing
    case .id, .path, .nothing:
      expect = .nothing
    }
  }

  /// After an entity or a finished clause item: a clause word, `and`/`or`, `,` or `)`.
  private mutating func clause(_ t: Token, _ word: String) {
    if t.kind == .rightParen, frames.count > 1 {
      frames.removeLast()
      expect = .afterValue
      return
    }
    if t.kind == .comma, !frame.listClause.isEmpty, expect != .afterValue {
      expect = .listField
      return
    }
    switch word {
    case "and", "or":
      expect = expect == .afterValue ? .field : .nothing
    case "where":
      frame.listClause = ""
      expect = .field
    case "show", "by":
      frame.listClause = word
      expect = .listField
    case "order":
      expect = .orderBy
    case "limit", "offset":
      frame.listClause = ""
      expect = .limit
    case "asc", "desc":
      expect = expect == .afterOrderKey ? .clause : .nothing
    default:
      expect = .nothing
    }
  }
}
