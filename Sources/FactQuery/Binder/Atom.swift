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

/// Membership in many ranges without a scan per row: the binder leaves an `in` list's ranges
/// sorted and disjoint, so a row's value is found by bisection (an `in` of n values over m rows
/// costs O(m log n), not O(m·n)).
struct RangeSet<Bound: Comparable> {
  private let ranges: [(lo: Bound, hi: Bound, loInclusive: Bool, hiInclusive: Bool)]
  private let sorted: Bool

  init(_ ranges: [(lo: Bound, hi: Bound, loInclusive: Bool, hiInclusive: Bool)]) {
    self.ranges = ranges
    var ok = true
    for i in ranges.indices.dropFirst() where !(ranges[i - 1].hi < ranges[i].lo) { ok = false; break }
    sorted = ok
  }

  @inline(__always)
  func contains(_ v: Bound) -> Bool {
    if !sorted || ranges.count < 8 {
      for r in ranges where Self.holds(r, v) { return true }
      return false
    }
    // The last range whose lower end is at most v.
    var lo = 0, hi = ranges.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if ranges[mid].lo <= v { lo = mid + 1 } else { hi = mid }
    }
    return lo > 0 && Self.holds(ranges[lo - 1], v)
  }

  @inline(__always)
  static func holds(_ r: (lo: Bound, hi: Bound, loInclusive: Bool, hiInclusive: Bool), _ v: Bound) -> Bool {
    (r.loInclusive ? v >= r.lo : v > r.lo) && (r.hiInclusive ? v <= r.hi : v < r.hi)
  }
}

extension RangeSet where Bound == Double {
  init(_ ranges: [NumberRange]) {
    self.init(ranges.map { (lo: $0.lo, hi: $0.hi, loInclusive: $0.loInclusive, hiInclusive: $0.hiInclusive) })
  }
}

extension RangeSet where Bound == Int32 {
  init(_ ranges: [ClosedRange<Int32>]) {
    self.init(ranges.map { (lo: $0.lowerBound, hi: $0.upperBound, loInclusive: true, hiInclusive: true) })
  }
}
