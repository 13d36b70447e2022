import NewsFacts

/// A range of Unicode-scalar offsets into the statement text. Every syntax node has one,
/// so any later stage can point a caret at the words that caused a problem.
public typealias SourceRange = Range<Int>

/// A name as written (entity, field, aggregate), with where it was written.
public struct Name: Sendable, Hashable {
  public var text: String
  public var range: SourceRange
  public init(_ text: String, _ range: SourceRange) { self.text = text; self.range = range }
}

/// One parsed statement.
public enum Statement: Sendable, Hashable {
  case query(Query)
  case explain(ExplainMode, Query)
  case why(entity: Name, id: Int64, range: SourceRange)
  case export(path: String, range: SourceRange)
}

/// `explain`, `explain analyze` or `explain sql`.
public enum ExplainMode: String, Sendable, Hashable { case plan, analyze, sql }

/// The aggregate functions of `sum x of E`.
public enum AggregateFunction: String, Sendable, Hashable, CaseIterable { case sum, avg, min, max }

/// What a query returns.
public enum QueryKind: Sendable, Hashable {
  /// `find [distinct] E`
  case find(distinct: Bool)
  /// `count E` or `count distinct f of E`
  case count(distinct: Name?)
  /// `sum|avg|min|max f of E`
  case aggregate(AggregateFunction, Name)
}

/// `find`, `count` or an aggregate, with its clauses (each at most once, in any order).
public struct Query: Sendable, Hashable {
  public var kind: QueryKind
  public var entity: Name
  public var filter: Expr?
  public var show: [Name]?
  public var groupBy: [Name]?
  public var orderBy: [OrderKey]?
  public var limit: Limit?
  public var range: SourceRange

  public init(kind: QueryKind, entity: Name, filter: Expr? = nil, show: [Name]? = nil,
              groupBy: [Name]? = nil, orderBy: [OrderKey]? = nil, limit: Limit? = nil, range: SourceRange) {
    self.kind = kind
    self.entity = entity
    self.filter = filter
    self.show = show
    self.groupBy = groupBy
    self.orderBy = orderBy
    self.limit = limit
    self.range = range
  }
}

/// `order by key [asc|desc]`; the key is a field or an aggregate name (`count`, `sum` …).
public struct OrderKey: Sendable, Hashable {
  public var key: Name
  public var descending: Bool
  public init(key: Name, descending: Bool) { self.key = key; self.descending = descending }
}

/// `limit N [offset M]`. Values are checked by the parser to fit in Int.
public struct Limit: Sendable, Hashable {
  public var count: Int
  public var offset: Int
  public var range: SourceRange
  public init(count: Int, offset: Int, range: SourceRange) { self.count = count; self.offset = offset; self.range = range }
}

/// A boolean expression of `where`.
public indirect enum Expr: Sendable, Hashable {
  case and(Expr, Expr)
  case or(Expr, Expr)
  case not(Expr, range: SourceRange)
  case predicate(Predicate)
}

/// `field op value`: one test on one field.
public struct Predicate: Sendable, Hashable {
  public var field: Name
  public var test: PredicateTest
  public var range: SourceRange
  public init(field: Name, test: PredicateTest, range: SourceRange) { self.field = field; self.test = test; self.range = range }
}

/// The comparison operators.
public enum ComparisonOperator: String, Sendable, Hashable {
  case equal = "=", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
}

/// What a predicate tests.
public enum PredicateTest: Sendable, Hashable {
  case compare(ComparisonOperator, Literal)
  case inList([Literal], negated: Bool)
  case inQuery(Query, negated: Bool)
  case between(Literal, Literal)
  case isNull(negated: Bool)
  case contains(Literal, negated: Bool)
  case like(Literal, negated: Bool)
}

/// A literal as written, already read into its kind by the parser (units resolved once).
public struct Literal: Sendable, Hashable {
  public var value: LiteralValue
  /// The literal exactly as written.
  public var text: String
  public var range: SourceRange
  public init(_ value: LiteralValue, text: String, range: SourceRange) { self.value = value; self.text = text; self.range = range }
}

/// The kinds of literal of product.md §3.
public enum LiteralValue: Sendable, Hashable {
  /// `"临汾"`, `'临汾'`, `“临汾”`, `‘临汾’`, `「臨汾」` (a quote inside is doubled: `"a ""b"""`;
  /// the value has it once; not yet folded).
  case string(String)
  /// A bare number: `42`, `3.5`, `1e9`, `-2`.
  ///
  /// A bare year `2019` is a `.number` too (the parser cannot know the field's kind): when it
  /// is compared with a date field, the binder reads a `.number` whose `Literal.text` is
  /// exactly four ASCII digits as that whole year (`date = 2019`, `between 2019 and 2020`).
  case number(Double)
  /// `10亿`, `1.5万`, `10亿元`, `4亿美元`: amount in base units; currency ISO code, nil when not written.
  /// A number with a multiplier (十 百 千 万 亿) but no currency is money with a nil currency.
  /// (the binder treats a missing currency as CNY for money fields).
  case money(Double, currency: String?)
  /// `7.6%`: percent points.
  case percent(Double)
  /// `5100亩`, `12.4平方公里`: square metres.
  case area(Double)
  /// A day (`2019-05-20`, `2019/5/20`, `2019年5月20日`), a month (`2019-05`, `2019年5月`) or a
  /// year (`2019年`; a bare `2019` is a `.number`, see there). The parser never makes a date
  /// without a year: `--07-18` unquoted is a comment, and quoted `"--07-18"` is a `.string`
  /// that the binder matches against dates of unknown year.
  case date(DateLiteral)
  /// `$1`: a parameter, bound at run time.
  case parameter(Int)
}

/// A date literal: a whole period from `first` to `last` inclusive.
public struct DateLiteral: Sendable, Hashable {
  public enum Precision: String, Sendable, Hashable { case day, month, year }
  public var first: FactDate
  public var last: FactDate
  public var precision: Precision
  public init(first: FactDate, last: FactDate, precision: Precision) { self.first = first; self.last = last; self.precision = precision }
  /// True for `--MM-DD`, which only equality (as a quoted string) and `like` can match.
  public var yearUnknown: Bool { first.year == nil }
}
