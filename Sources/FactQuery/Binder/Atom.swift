import FactStore
import NewsFacts

/// An inclusive-or-exclusive interval of numbers (`-inf`/`+inf` for open ends).
public struct NumberRange: Sendable, Hashable {
  public var lo: Double
  public var loInclusive: Bool
  public var hi: Double
  public var hiInclusive: Bool
  public init(lo: Double = -.infinity, loInclusive: Bool = true, hi: Double = .infinity, hiInclusive: Bool = true) {
    self.lo = lo
    self.loInclusive = loInclusive
    self.hi = hi
    self.hiInclusive = hiInclusive
  }
  @inline(__always)
  public func contains(_ v: Double) -> Bool {
    (loInclusive ? v >= lo : v > lo) && (hiInclusive ? v <= hi : v < hi)
  }
}

/// One resolved test on one column: the leaves of a bound `where`.
///
/// Every atom is *unknown* (neither true nor false) on a row whose field is null, so a
/// negated atom holds exactly on rows that have a value and fail the positive test; with
/// `not` pushed down to the atoms this is SQL's three-valued logic.
public enum Atom: Sendable, Hashable {
  /// Text, place or list column: the value (for lists, some element) has one of `codes`
  /// (dictionary codes, ascending). `shown` holds the first few values, for explain.
  case codes(FieldRef, codes: [UInt32], shown: [String], negated: Bool)
  /// Numeric column: the value lies in one of `ranges`.
  case numbers(FieldRef, ranges: [NumberRange], negated: Bool)
  /// Date column: the ordinal lies in one of `ranges`. With `knownOnly`, dates without a
  /// year are unknown (they fail every period comparison, negated or not).
  case dates(FieldRef, ranges: [ClosedRange<Int32>], knownOnly: Bool, negated: Bool)
  /// `is null` (or `is not null` when negated).
  case isNull(FieldRef, negated: Bool)
  /// `field [not] in (query)`: the values of the filter node's child `slot`, bound at run time.
  case subquery(FieldRef, slot: Int, negated: Bool)

  public var field: FieldRef {
    switch self {
    case .codes(let f, _, _, _), .numbers(let f, _, _), .dates(let f, _, _, _), .isNull(let f, _), .subquery(let f, _, _): return f
    }
  }

  public var isNegated: Bool {
    switch self {
    case .codes(_, _, _, let n), .numbers(_, _, let n), .dates(_, _, _, let n), .isNull(_, let n), .subquery(_, _, let n): return n
    }
  }
}

/// A bound `where` in negation normal form: `not` lives only inside atoms.
public indirect enum BoolExpr: Sendable, Hashable {
  case atom(Atom)
  case and([BoolExpr])
  case or([BoolExpr])

  /// Every atom of the expression, left to right.
  var atoms: [Atom] {
    switch self {
    case .atom(let a): return [a]
    case .and(let xs), .or(let xs): return xs.flatMap { $0.atoms }
    }
  }
}
