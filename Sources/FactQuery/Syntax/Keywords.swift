/// The words of the language, in one place: the parser, the splitter and completion read them.
public enum Keywords {
  /// Words that start a statement.
  public static let statements = ["find", "count", "sum", "avg", "min", "max", "explain", "why", "export"]
  /// Words that start a query (what `explain` and `in (…)` take).
  public static let queries = ["find", "count", "sum", "avg", "min", "max"]
  /// Clauses of `find`.
  public static let findClauses = ["where", "show", "order", "limit"]
  /// Clauses of `count` and the aggregates.
  public static let countClauses = ["where", "by", "order", "limit"]
  /// Words that may follow a field in a condition.
  public static let predicateWords = ["between", "contains", "in", "is", "like", "not"]
  /// Every keyword, for did-you-mean.
  public static let all = ["find", "count", "sum", "avg", "min", "max", "explain", "analyze", "sql", "why", "export",
                           "distinct", "of", "where", "show", "by", "order", "limit", "offset", "asc", "desc",
                           "and", "or", "not", "in", "between", "is", "null", "contains", "like"]
  /// Words that can never be a field name.
  static let reserved: Set<String> = ["and", "or", "not", "in", "is", "between", "like", "contains", "null", "where",
                                      "show", "by", "order", "limit", "offset", "of", "distinct"]
  /// Whether `token` is one of the `reserved` words. Compares the token's packed bytes
  /// (`Token.key`), so no string is hashed on the parser's path.
  static func isReserved(_ token: Token) -> Bool {
    guard token.kind == .word else { return false }
    if token.key != 0 { return reservedKeys.contains(token.key) }
    return token.text.utf8.count > 8 && reserved.contains(token.text)
  }

  /// `reserved`, packed by `key(_:)` (every reserved word fits; longer ones keep key 0).
  static let reservedKeys: [UInt64] = reserved.map { key($0.utf8) }.filter { $0 != 0 }

  /// The bytes of a word of 1 to 8 ASCII bytes packed into a UInt64, first byte lowest; 0 for
  /// longer or empty words.
  static func key<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
    guard bytes.count > 0, bytes.count <= 8 else { return 0 }
    var k: UInt64 = 0
    var shift: UInt64 = 0
    for b in bytes { k |= UInt64(b) << shift; shift += 8 }
    return k
  }

  /// A statement whose last word is one of these needs more (the prompt continues).
  static let needMore: Set<String> = ["where", "and", "or", "not", "in", "by", "show", "of", "order", "limit", "offset",
                                      "between", "is", "contains", "like", "distinct", "find", "explain", "analyze", "analyse", "sql",
                                      "why", "export"]
  /// A line starting with one of these continues the statement before it (scripts and pipes).
  static let continuesLine: Set<String> = ["where", "and", "or", "order", "limit", "offset", "show", "by"]
  /// Entity names users may type, singular then plural.
  static let entities = ["article", "meeting", "person", "place", "project", "indicator", "visit",
                         "articles", "meetings", "people", "places", "projects", "indicators", "visits"]
}
