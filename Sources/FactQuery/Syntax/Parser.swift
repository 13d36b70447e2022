import NewsFacts

/// Parses one statement of the query language (product.md §3) into a `Statement`.
///
/// Recursive descent, one method per level (`or` < `and` < `not` < primary). Chains of `and`
/// and `or` are read in a loop and built as balanced trees, so 20,000 terms nest only ~15 deep
/// and no later recursive pass can overflow. Parentheses, `not` and subqueries count towards a
/// nesting limit of `Parser.maxDepth` (a subquery counts four levels, so at most 64 nest);
/// deeper text is a "too deeply nested" diagnostic.
/// Errors are thrown at the first problem, with the range of the offending token.
public enum Parser {
  /// How deep parentheses, `not` and subqueries may nest.
  public static let maxDepth = 256

  /// Parses `text` as one statement with an optional trailing `;`.
  public static func parse(_ text: String) throws(Diagnostic) -> Statement {
    var state = ParserState(text)
    return try state.statement()
  }
}

/// The parser's cursor over the token stream (one token of look-ahead).
struct ParserState {
  var lexer: Lexer
  var token: Token
  /// Where the last consumed token ended (errors at the end point just after it).
  var previousEnd = 0
  /// The kind and range of the last consumed token, for "after 'where'" in messages (kept
  /// apart: copying whole tokens at every step costs more than the rest of a short statement).
  var previousKind: Token.Kind? = nil
  var previousRange: SourceRange = 0..<0
  /// The last consumed token's kind and range (its text is not kept).
  var previous: Token? { previousKind.map { Token($0, previousRange) } }
  var depth = 0

  init(_ text: String) {
    lexer = Lexer(text)
    token = lexer.next()
  }

  // MARK: Tokens

  mutating func advance() {
    previousEnd = token.range.upperBound
    previousKind = token.kind
    previousRange = token.range
    token = lexer.next()
  }

  /// True when the current token is the word `keyword`.
  func at(_ keyword: String) -> Bool { token.isWord(keyword) }

  mutating func accept(_ keyword: String) -> Bool {
    guard at(keyword) else { return false }
    advance()
    return true
  }

  /// The text of `range` exactly as written.
  func written(_ range: SourceRange) -> String { lexer.written(range) }

  /// How a token reads in a message: `'where'`, `the end of the statement`.
  func describe(_ t: Token) -> String {
    switch t.kind {
    case .end: return "the end of the statement"
    case .string:
      let s = written(t.range)
      return s.unicodeScalars.count > 24 ? "the string " + String(String.UnicodeScalarView(s.unicodeScalars.prefix(20))) + "…" : "the string " + s
    default:
      let s = written(t.range)
      return s.unicodeScalars.count > 24 ? "'" + String(String.UnicodeScalarView(s.unicodeScalars.prefix(20))) + "…'" : "'" + s + "'"
    }
  }

  /// "after 'where'" for the last consumed token.
  var afterPrevious: String {
    guard let p = previous else { return "at the start" }
    return "after " + describe(p)
  }

  /// The range to blame for a missing token: the current one, or just after the last one at the end.
  var blame: SourceRange {
    token.kind == .end ? previousEnd..<previousEnd : token.range
  }

  /// An error at the current token; a token that is itself a problem reports that instead.
  func error(_ message: String, hint: String? = nil) -> Diagnostic {
    if let p = token.problem { return p }
    return Diagnostic(message, at: blame, hint: hint)
  }

  /// Messages and hints are autoclosures here and below: the text is built only when the
  /// statement is wrong, never on the success path.
  mutating func expect(_ kind: Token.Kind, _ message: @autoclosure () -> String,
                       hint: @autoclosure () -> String? = nil) throws(Diagnostic) -> Token {
    guard token.kind == kind else { throw error(message(), hint: hint()) }
    let t = token
    advance()
    return t
  }

  mutating func expectWord(_ keyword: String, _ message: @autoclosure () -> String,
                           hint: @autoclosure () -> String? = nil) throws(Diagnostic) {
    guard at(keyword) else {
      var h = hint()
      if token.kind == .word, token.text != keyword, Suggest.closest(token.text, among: [keyword]) != nil { h = "did you mean '\(keyword)'?" }
      throw error(message(), hint: h)
    }
    advance()
  }

  /// A subquery costs this many levels: it takes several times the stack of a parenthesis.
  static let subqueryWeight = 4

  mutating func enter(weight: Int = 1) throws(Diagnostic) {
    depth += weight
    if depth > Parser.maxDepth {
      throw Diagnostic("too deeply nested", at: token.range, hint: "at most \(Parser.maxDepth) levels of parentheses, 'not' and subqueries")
    }
  }

  mutating func leave(weight: Int = 1) { depth -= weight }

  // MARK: Statements

  mutating func statement() throws(Diagnostic) -> Statement {
    let result: Statement
    switch token.kind {
    case .word:
      switch token.text {
      case "explain":
        advance()
        var mode = ExplainMode.plan
        if accept("analyze") || accept("analyse") { mode = .analyze } else if accept("sql") { mode = .sql }
        guard Keywords.queries.contains(token.text), token.kind == .word else {
          let near = token.kind == .word ? Suggest.closest(token.text, among: Keywords.queries) : nil
          throw error("expected a query \(afterPrevious)", hint: near.map { "did you mean '\($0)'?" } ?? "explain takes find, count, sum, avg, min or max: explain find meeting")
        }
        result = .explain(mode, try query())
      case "why":
        let start = token.range.lowerBound
        advance()
        let entity = try entityName()
        guard token.kind == .literal, case .number = token.literal else {
          throw error("expected the id of a fact \(afterPrevious)", hint: "ids are in the id column: why \(entity.text) 3")
        }
        let id = try wholeNumber("expected the id of a fact", hint: "ids are in the id column: why \(entity.text) 3")
        result = .why(entity: entity, id: Int64(id), range: start..<previousEnd)
      case "export":
        let start = token.range.lowerBound
        advance()
        guard token.kind == .string else { throw error("expected a quoted path \(afterPrevious)", hint: "export \"out/facts\"") }
        let path = token
        advance()
        result = .export(path: path.text, range: start..<previousEnd)
      default:
        if Keywords.queries.contains(token.text) {
          result = .query(try query())
        } else {
          let hint = Suggest.closest(token.text, among: Keywords.statements).map { "did you mean '\($0)'?" }
            ?? "statements start with find, count, sum, avg, min, max, explain, why or export"
          throw error("unknown statement '\(written(token.range))'", hint: hint)
        }
      }
    case .dot:
      var end = token.range.upperBound
      while end < lexer.source.count, !Lexer.isBlank(lexer.source[end]) { end += 1 }
      throw Diagnostic("'\(written(token.range.lowerBound..<end))' is a shell command, not a statement", at: token.range.lowerBound..<end,
                       hint: "dot commands run at the newsq prompt or in scripts")
    case .end:
      throw error("expected a statement", hint: "for example: find meeting where city = \"临汾\"")
    default:
      throw error("expected a statement, found \(describe(token))", hint: "statements start with find, count, sum, avg, min, max, explain, why or export")
    }
    if token.kind == .semicolon { advance() }
    guard token.kind == .end else {
      if previousKind == .semicolon {
        throw error("unexpected \(describe(token)) after ';'", hint: "give one statement at a time")
      }
      throw error("unexpected \(describe(token)) after the end of the statement")
    }
    return result
  }

  /// A whole number that fits an Int (ids, limits).
  mutating func wholeNumber(_ message: @autoclosure () -> String, hint: @autoclosure () -> String?) throws(Diagnostic) -> Int {
    guard token.kind == .literal, case .number = token.literal else { throw error(message(), hint: hint()) }
    // Read from the folded scalars of the token (no text re-read).
    var n = 0
    var digits = 0
    for i in token.range {
      let v = lexer.folded[i]
      guard Lexer.isDigit(v) else { throw error("expected a whole number, found \(describe(token))", hint: hint()) }
      let (m, o1) = n.multipliedReportingOverflow(by: 10)
      let (a, o2) = m.addingReportingOverflow(Int(v.value - 48))
      if o1 || o2 { throw error("\(token.text) is too large", hint: "the largest allowed is \(Int.max)") }
      n = a
      digits += 1
    }
    guard digits > 0 else { throw error(message(), hint: hint()) }
    advance()
    return n
  }

  // MARK: Queries

  mutating func entityName() throws(Diagnostic) -> Name {
    guard token.kind == .word, !Keywords.isReserved(token) else {
      throw error("expected an entity \(afterPrevious)", hint: "entities: article, meeting, person, place, project, indicator, visit")
    }
    let name = Name(token.textIsWritten ? token.text : written(token.range), token.range)
    advance()
    return name
  }

  mutating func fieldName(_ role: String = "a field name") throws(Diagnostic) -> Name {
    switch token.kind {
    case .word where !Keywords.isReserved(token):
      let name = Name(token.textIsWritten ? token.text : written(token.range), token.range)
      advance()
      return name
    case .bareText:
      throw error("expected \(role) \(afterPrevious), found \(describe(token))",
                  hint: "field names are words such as city or name; values are quoted: \"\(token.text)\"")
    case .string:
      throw error("expected \(role) \(afterPrevious), found \(describe(token))", hint: "field names are not quoted: city = \"临汾\"")
    default:
      throw error("expected \(role) \(afterPrevious)")
    }
  }

  mutating func query() throws(Diagnostic) -> Query {
    let start = token.range.lowerBound
    let kind: QueryKind
    let verb = token.text
    advance()
    switch verb {
    case "find":
      let distinct = accept("distinct")
      kind = .find(distinct: distinct)
    case "count":
      if accept("distinct") {
        let field = try fieldName()
        try expectWord("of", "expected 'of' after the field", hint: "count distinct host of meeting")
        kind = .count(distinct: field)
      } else {
        kind = .count(distinct: nil)
      }
    default:
      let function = AggregateFunction(rawValue: verb) ?? .sum
      let field = try fieldName()
      try expectWord("of", "expected 'of' after the field", hint: "\(verb) \(field.text) of project")
      kind = .aggregate(function, field)
    }
    let entity = try entityName()
    var q = Query(kind: kind, entity: entity, range: start..<start)
    let isFind: Bool
    if case .find = kind { isFind = true } else { isFind = false }
    let allowed = isFind ? Keywords.findClauses : Keywords.countClauses
    var seen: UInt8 = 0  // a bit per clause of `ParserState.clauses`
    while token.kind == .word {
      let clause = token.text
      let clauseRange = token.range
      guard let clauseBit = ParserState.clauses.firstIndex(of: clause).map({ UInt8(1) << $0 }) else {
        let near = Suggest.closest(clause, among: allowed + ["offset"])
        let hint = near.map { "did you mean '\($0)'?" } ?? "conditions start with 'where': find meeting where city = \"临汾\""
        throw error("expected \(ParserState.list(allowed)), found \(describe(token))", hint: hint)
      }
      if clause == "offset" { throw error("'offset' comes after 'limit N'", hint: "limit 10 offset 20") }
      if !allowed.contains(clause) {
        if isFind {
          throw error("'by' does not go with find", hint: "to group, count: count \(entity.text) by city")
        }
        throw error("'show' does not go with \(verb)", hint: "to group, use 'by': \(verb == "count" ? "count" : verb + " …") \(verb == "count" ? entity.text : "of " + entity.text) by city")
      }
      if seen & clauseBit != 0 {
        let hint = clause == "where" ? "combine conditions with 'and' or 'or'" : "give each clause once; separate several fields with ','"
        throw error("'\(clause)' given twice", hint: hint)
      }
      seen |= clauseBit
      advance()
      switch clause {
      case "where":
        q.filter = try expression()
      case "show":
        q.show = try nameList(what: "a field")
      case "by":
        q.groupBy = try nameList(what: "a field")
      case "order":
        try expectWord("by", "expected 'by' after 'order'", hint: "order by date desc")
        var keys: [OrderKey] = []
        repeat {
          let key = try fieldName("a field to order by")
          var descending = false
          if accept("desc") { descending = true } else { _ = accept("asc") }
          keys.append(OrderKey(key: key, descending: descending))
        } while acceptComma()
        q.orderBy = keys
      default:
        let limitStart = clauseRange.lowerBound
        let count = try limitNumber("limit")
        var offset = 0
        if accept("offset") { offset = try limitNumber("offset") }
        q.limit = Limit(count: count, offset: offset, range: limitStart..<previousEnd)
      }
    }
    q.range = start..<previousEnd
    return q
  }

  /// The words that start a clause of a query.
  static let clauses = ["where", "show", "by", "order", "limit", "offset"]

  mutating func limitNumber(_ word: String) throws(Diagnostic) -> Int {
    if token.kind == .literal, case .number(let v) = token.literal, v < 0 {
      throw error("\(word) cannot be negative")
    }
    return try wholeNumber("expected a whole number after '\(word)'", hint: word == "limit" ? "limit 10" : "limit 10 offset 20")
  }

  mutating func acceptComma() -> Bool {
    guard token.kind == .comma else { return false }
    advance()
    return true
  }

  mutating func nameList(what: String) throws(Diagnostic) -> [Name] {
    var names: [Name] = []
    repeat { names.append(try fieldName(what)) } while acceptComma()
    return names
  }

  static func list(_ words: [String]) -> String {
    let quoted = words.map { $0 == "order" ? "'order by'" : "'\($0)'" }
    guard quoted.count > 1 else { return quoted.first ?? "" }
    return quoted.dropLast().joined(separator: ", ") + " or " + (quoted.last ?? "")
  }
}
