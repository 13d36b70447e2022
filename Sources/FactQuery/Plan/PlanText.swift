import FactStore
import NewsFacts

/// The printed form of plans: one node per line, children indented by two spaces, each with
/// its estimated rows and, for `explain analyze`, what it actually did.
public enum PlanText {
  public static func lines(_ root: PlanNode, metrics: [NodeMetrics]?) -> [String] {
    var out: [String] = []
    var stack: [(PlanNode, Int)] = [(root, 0)]
    while let (n, depth) = stack.popLast() {
      var line = String(repeating: "  ", count: depth) + label(n.op)
      if n.isReplannedWithSubqueryValues { line += " — planned again with the subqueries' values" }
      var extra = ["est \(n.estimate)"]
      if let metrics, n.id >= 0, n.id < metrics.count {
        let m = metrics[n.id]
        extra.append("actual \(m.rows)")
        extra.append("touched \(m.touched)")
        extra.append("time " + millis(m.nanoseconds))
      }
      line += " (" + extra.joined(separator: ", ") + ")"
      out.append(line)
      for c in n.children.reversed() { stack.append((c, depth + 1)) }
    }
    return out
  }

  static func millis(_ ns: Int64) -> String {
    let us = (ns + 500) / 1000
    let frac = us % 1000
    return "\(us / 1000).\(frac < 10 ? "00" : frac < 100 ? "0" : "")\(frac) ms"
  }

  public static func label(_ op: PlanOperator) -> String {
    switch op {
    case .scan(let e): return "Scan \(e.rawValue)"
    case .indexLookup(let a): return "IndexLookup " + atom(a)
    case .rangeScan(let a): return "RangeScan " + atom(a)
    case .intersect: return "Intersect"
    case .union: return "Union"
    case .filter(let x): return "Filter " + expr(x, top: true)
    case .rowCount(let e): return "RowCount \(e.rawValue)"
    case .indexCount(let a): return "IndexCount " + atom(a)
    case .count: return "Count"
    case .indexGroupCount(let f): return "IndexGroupCount \(f)"
    case .groupCount(let by, let d):
      return "GroupCount by [\(by.map(\.name).joined(separator: ", "))]" + (d.map { " distinct \($0.name)" } ?? "")
    case .aggregate(let fn, let f, let by):
      return "Aggregate \(fn.rawValue)(\(f.name))" + (by.isEmpty ? "" : " by [\(by.map(\.name).joined(separator: ", "))]")
    case .sortGroups(let keys): return "SortGroups " + keys.map(\.description).joined(separator: ", ")
    case .sort(let keys): return "Sort " + keys.map(\.description).joined(separator: ", ")
    case .topK(let keys, let k): return "TopK " + keys.map(\.description).joined(separator: ", ") + ", k=\(k)"
    case .distinct(let fs): return "Distinct [\(fs.map(\.name).joined(separator: ", "))]"
    case .limit(let n, let o): return o == 0 ? "Limit \(n)" : "Limit \(n) offset \(o)"
    case .project(let fs): return "Project [\(fs.map(\.name).joined(separator: ", "))]"
    }
  }

  static func expr(_ x: BoolExpr, top: Bool = false) -> String {
    switch x {
    case .atom(let a): return atom(a)
    case .and(let xs):
      let s = xs.map { expr($0) }.joined(separator: " and ")
      return top ? s : "(\(s))"
    case .or(let xs):
      let s = xs.map { expr($0) }.joined(separator: " or ")
      return top ? s : "(\(s))"
    }
  }

  public static func atom(_ a: Atom) -> String {
    switch a {
    case .codes(let f, let codes, let shown, let neg):
      var items = shown.map { $0 }
      if codes.count > shown.count { items.append("… \(codes.count) values") }
      return "\(f) \(neg ? "∉" : "∈") {\(items.joined(separator: ", "))}"
    case .numbers(let f, let ranges, let neg):
      let s = ranges.map { range($0) }
      return ranges.count == 1 ? (neg ? "not (\(f) \(s[0]))" : "\(f) \(s[0])")
                               : (neg ? "not " : "") + "(" + s.map { "\(f) \($0)" }.joined(separator: " or ") + ")"
    case .dates(let f, let ranges, _, let neg):
      let s = ranges.map { dateRange($0) }
      if ranges.isEmpty { return "\(f) \(neg ? "∉" : "∈") {}" }
      return ranges.count == 1 ? (neg ? "not (\(f) \(s[0]))" : "\(f) \(s[0])")
                               : (neg ? "not " : "") + "(" + s.map { "\(f) \($0)" }.joined(separator: " or ") + ")"
    case .isNull(let f, let neg): return "\(f) is \(neg ? "not " : "")null"
    case .subquery(let f, let slot, let neg): return "\(f) \(neg ? "not in" : "in") (subquery \(slot))"
    }
  }

  static func range(_ r: NumberRange) -> String {
    let lo = Value.format(r.lo), hi = Value.format(r.hi)
    if r.lo == r.hi { return "= \(lo)" }
    if r.lo == -.infinity { return (r.hiInclusive ? "<= " : "< ") + hi }
    if r.hi == .infinity { return (r.loInclusive ? ">= " : "> ") + lo }
    if r.loInclusive && r.hiInclusive { return "between \(lo) and \(hi)" }
    return "in \(r.loInclusive ? "[" : "(")\(lo), \(hi)\(r.hiInclusive ? "]" : ")")"
  }

  static func dateRange(_ r: ClosedRange<Int32>) -> String {
    let lo = r.lowerBound, hi = r.upperBound
    let top = DateColumn.unknownYearBase - 1
    if lo == hi { return "= \(DateColumn.date(lo))" }
    if lo <= 0 { return "<= \(DateColumn.date(hi))" }
    if hi >= top { return ">= \(DateColumn.date(lo))" }
    return "between \(DateColumn.date(lo)) and \(DateColumn.date(hi))"
  }
}
