import NewsFacts

/// Conditions of `where`: `or` < `and` < `not` < parentheses and predicates.
extension ParserState {
  mutating func expression() throws(Diagnostic) -> Expr {
    var terms = [try conjunction()]
    while at("or") {
      advance()
      terms.append(try conjunction())
    }
    return ParserState.balanced(terms[...], or: true)
  }

  mutating func conjunction() throws(Diagnostic) -> Expr {
    var terms = [try negation()]
    while at("and") {
      advance()
      terms.append(try negation())
    }
    return ParserState.balanced(terms[...], or: false)
  }

  /// A chain `a or b or c …` as a balanced tree: depth log2(n), not n.
  static func balanced(_ terms: ArraySlice<Expr>, or: Bool) -> Expr {
    if terms.count == 1, let only = terms.first { return only }
    let mid = terms.startIndex + terms.count / 2
    let left = balanced(terms[terms.startIndex..<mid], or: or)
    let right = balanced(terms[mid..<terms.endIndex], or: or)
    return or ? .or(left, right) : .and(left, right)
  }

  mutating func negation() throws(Diagnostic) -> Expr {
    var starts: [Int] = []
    while at("not") {
      starts.append(token.range.lowerBound)
      try enter()
      advance()
    }
    var e = try primary()
    for start in starts.reversed() {
      e = .not(e, range: start..<previousEnd)
      leave()
    }
    return e
  }

  mutating func primary() throws(Diagnostic) -> Expr {
    if token.kind == .leftParen {
      try enter()
      advance()
      let e = try expression()
      guard token.kind == .rightParen else {
        throw error("expected ')' after the condition", hint: token.kind == .end ? nil : "conditions are joined with 'and' or 'or'")
      }
      advance()
      leave()
      return e
    }
    if token.kind == .end || Keywords.isReserved(token) || token.kind == .rightParen {
      throw error("expected a condition \(afterPrevious)", hint: "for example: city = \"临汾\"")
    }
    return .predicate(try predicate())
  }

  mutating func predicate() throws(Diagnostic) -> Predicate {
    let field = try fieldName()
    let start = field.range.lowerBound
    let test: PredicateTest
    switch token.kind {
    case .comparison(let op):
      let opToken = token
      advance()
      if at("null") {
        let fix = op == .notEqual ? "is not null" : "is null"
        throw error("a comparison with null is never true", hint: "write: \(field.text) \(fix)")
      }
      test = .compare(op, try value(after: opToken))
    case .word:
      var negated = false
      if at("not") {
        advance()
        negated = true
        guard at("in") || at("contains") || at("like") else {
          let hint = at("null") ? "write: \(field.text) is not null" : (at("between") ? "write: not (\(field.text) between … and …)" : nil)
          throw error("expected 'in', 'contains' or 'like' after 'not'", hint: hint)
        }
      }
      let verb = token
      switch verb.text {
      case "in":
        advance()
        test = try inTest(negated: negated)
      case "contains":
        advance()
        test = .contains(try value(after: verb), negated: negated)
      case "like":
        advance()
        test = .like(try value(after: verb), negated: negated)
      case "between":
        advance()
        let low = try value(after: verb)
        try expectWord("and", "expected 'and' after the first value of 'between'", hint: "\(field.text) between 2019 and 2020")
        let high = try value(after: previous ?? verb)
        test = .between(low, high)
      case "is":
        advance()
        let not = accept("not")
        try expectWord("null", "expected 'null' after '\(not ? "is not" : "is")'", hint: "\(field.text) is null")
        test = .isNull(negated: not)
      default:
        let hint = Suggest.closest(verb.text, among: Keywords.predicateWords).map { "did you mean '\($0)'?" }
          ?? "operators: = != < <= > >=, in (…), between … and …, is null, contains, like"
        throw error("expected an operator after '\(field.text)', found \(describe(verb))", hint: hint)
      }
    default:
      throw error("expected an operator after '\(field.text)'", hint: "operators: = != < <= > >=, in (…), between … and …, is null, contains, like")
    }
    return Predicate(field: field, test: test, range: start..<previousEnd)
  }

  mutating func inTest(negated: Bool) throws(Diagnostic) -> PredicateTest {
    let open = try expect(.leftParen, "expected '(' after 'in'", hint: "city in (\"临汾\", \"晋中\")")
    if token.kind == .word, Keywords.queries.contains(token.text) {
      try enter(weight: ParserState.subqueryWeight)
      let sub = try query()
      _ = try expect(.rightParen, "expected ')' after the subquery")
      leave(weight: ParserState.subqueryWeight)
      return .inQuery(sub, negated: negated)
    }
    if token.kind == .rightParen {
      throw error("expected a value in the list", hint: "city in (\"临汾\", \"晋中\")")
    }
    var values: [Literal] = []
    var after = open
    repeat {
      values.append(try value(after: after))
      after = token
    } while acceptComma()
    guard token.kind == .rightParen else {
      throw error("expected ')' after the list", hint: token.kind == .end ? nil : "values in a list are separated by ','")
    }
    advance()
    return .inList(values, negated: negated)
  }

  /// A literal value after `op` (for messages).
  mutating func value(after op: Token) throws(Diagnostic) -> Literal {
    // Built only for a message.
    var opText: String { "'" + written(op.range) + "'" }
    switch token.kind {
    case .string:
      let l = Literal(.string(token.text), text: written(token.range), range: token.range)
      advance()
      return l
    case .literal:
      guard let v = token.literal else { throw error("expected a value after \(opText)") }
      let l = Literal(v, text: written(token.range), range: token.range)
      advance()
      return l
    case .bareText:
      throw error("expected a value after \(opText), found \(describe(token))", hint: "strings are quoted: \"\(token.text)\"")
    case .word where !Keywords.isReserved(token):
      throw error("expected a value after \(opText), found \(describe(token))", hint: "strings are quoted: \"\(written(token.range))\"")
    default:
      var hint: String? = nil
      // `date = --07-18`: the `--` started a comment.
      var i = op.range.upperBound
      while i < lexer.folded.count, Lexer.isBlank(lexer.folded[i]), lexer.folded[i] != "\n" { i += 1 }
      if lexer.scalar(at: i) == "-", lexer.scalar(at: i + 1) == "-", lexer.scalar(at: i + 2).map(Lexer.isDigit) == true {
        hint = "'--' starts a comment; a date without a year is quoted: \"--07-18\""
      }
      throw error("expected a value after \(opText)", hint: hint)
    }
  }
}
