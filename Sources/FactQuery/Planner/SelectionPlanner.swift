import FactStore
import NewsFacts

/// Chooses how to find the rows a condition keeps: index lookups for code sets (intersected
/// when several are selective), a range scan of the sorted order for one selective range (the
/// driver of a conjunction when it keeps fewer rows than any lookup),
/// unions for `or` when every branch has an index path, and a filter for the rest.
struct SelectionPlanner {
  let est: Estimator
  let subplans: [PlanNode]

  /// A code set is worth intersecting when it is at most this many times the driver's size.
  static let intersectRatio = 16

  mutating func plan(_ x: BoolExpr?) -> PlanNode {
    let scan = PlanNode(.scan(est.table.entity), estimate: est.rows)
    guard let x else { return scan }
    return path(x) ?? filter(x, over: scan)
  }

  /// A plan that avoids a full scan, if there is one.
  func path(_ x: BoolExpr) -> PlanNode? {
    switch x {
    case .atom(let a):
      switch a {
      case .codes(_, let codes, _, false):
        // One code is a copy of its index entry; many codes covering most rows are cheaper
        // to test while scanning than to gather and sort.
        let e = est.atom(a)
        return codes.count == 1 || e * 2 <= est.rows ? PlanNode(.indexLookup(a), estimate: e) : nil
      case .numbers(_, let r, false) where r.count == 1:
        let e = est.atom(a)
        return e * 2 <= est.rows ? PlanNode(.rangeScan(a), estimate: e) : nil
      case .dates(_, let r, _, false) where r.count == 1:
        let e = est.atom(a)
        return e * 2 <= est.rows ? PlanNode(.rangeScan(a), estimate: e) : nil
      default:
        return nil
      }
    case .and(let xs):
      var lookups: [(Int, PlanNode)] = []
      var ranges: [(Int, PlanNode)] = []
      for (i, c) in xs.enumerated() {
        guard let p = path(c) else { continue }
        if case .rangeScan = p.op { ranges.append((i, p)) } else { lookups.append((i, p)) }
      }
      var chosen: [(Int, PlanNode)]
      let bestRange = ranges.min(by: { $0.1.estimate < $1.1.estimate })
      let bestLookup = lookups.min(by: { $0.1.estimate < $1.1.estimate })
      if let range = bestRange, range.1.estimate < bestLookup?.1.estimate ?? .max {
        // A range keeping fewer rows than any lookup drives; the lookups are tested per row.
        chosen = [range]
      } else if let driver = bestLookup {
        let cap = driver.1.estimate.multipliedReportingOverflow(by: SelectionPlanner.intersectRatio)
        chosen = lookups.filter { cap.overflow || $0.1.estimate <= max(cap.partialValue, 64) }
      } else {
        return nil
      }
      chosen.sort { $0.1.estimate < $1.1.estimate }
      var node: PlanNode
      if chosen.count == 1 {
        node = chosen[0].1
      } else {
        var sel = 1.0
        for c in chosen { sel *= Double(c.1.estimate) / Double(max(1, est.rows)) }
        node = PlanNode(.intersect, estimate: Int((sel * Double(est.rows)).rounded(.up)), children: chosen.map(\.1))
      }
      let used = Set(chosen.map(\.0))
      let rest = xs.enumerated().filter { !used.contains($0.offset) }.map(\.element)
      if rest.isEmpty { return node }
      return filter(rest.count == 1 ? rest[0] : .and(rest), over: node)
    case .or(let xs):
      var parts: [PlanNode] = []
      var total = 0
      for c in xs {
        guard let p = path(c) else { return nil }
        parts.append(p)
        total += p.estimate
      }
      guard total * 2 <= est.rows || total <= 64 else { return nil }
      return PlanNode(.union, estimate: min(total, est.rows), children: parts)
    }
  }

  /// A filter of `x` over `input`, with the subqueries `x` uses as further children
  /// (their atoms renumbered to the child positions).
  func filter(_ x: BoolExpr, over input: PlanNode) -> PlanNode {
    var children = [input]
    let rewritten = renumber(x, &children)
    let sel = est.rows == 0 ? 0 : Double(est.expr(x)) / Double(est.rows)
    return PlanNode(.filter(rewritten), estimate: Int((Double(input.estimate) * sel).rounded(.up)), children: children)
  }

  private func renumber(_ x: BoolExpr, _ children: inout [PlanNode]) -> BoolExpr {
    switch x {
    case .atom(.subquery(let f, let slot, let neg)):
      guard slot >= 1, slot <= subplans.count else { return x }
      children.append(subplans[slot - 1])
      return .atom(.subquery(f, slot: children.count - 1, negated: neg))
    case .atom: return x
    case .and(let xs): return .and(xs.map { renumber($0, &children) })
    case .or(let xs): return .or(xs.map { renumber($0, &children) })
    }
  }
}
