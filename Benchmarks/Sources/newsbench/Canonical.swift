import BenchSupport
import NewsQ

/// Canonical text of values, shared with scripts/bench_peers.py so results compare row by row:
/// null → "", whole numbers without a fraction, other numbers with two decimals, lists as
/// compact JSON arrays, spans as `[a,b]`.
enum Canonical {
  static func text(_ v: Value) -> String {
    switch v {
    case .null: return ""
    case .text(let s): return s
    case .integer(let i): return String(i)
    case .number(let d): return number(d)
    case .date(let d): return d.description
    case .list(let xs): return JSON.array(xs.map { .string($0) }).text
    case .span(let a, let b): return "[\(a),\(b)]"
    }
  }

  static func number(_ d: Double) -> String {
    guard d.isFinite else { return "" }
    let r = d.rounded()
    if abs(d - r) < 1e-6, abs(r) < 9e15 { return String(Int64(r)) }
    let c = Int64((d * 100).rounded())
    let sign = c < 0 ? "-" : ""
    let a = c.magnitude
    let frac = a % 100
    return sign + String(a / 100) + "." + (frac < 10 ? "0" : "") + String(frac)
  }

  /// Row count and FNV-1a of the sorted canonical lines the mode selects.
  static func fingerprint(_ rs: ResultSet, mode: String) -> (rows: Int, hash: String) {
    if mode == "#" { return (rs.rows.count, "") }
    if rs.rows.isEmpty { return (0, String(fnv1a(""), radix: 16)) }
    var lines: [String] = []
    lines.reserveCapacity(rs.rows.count)
    if mode == "*" {
      for row in rs.rows { lines.append(row.map(text).joined(separator: "\t")) }
    } else {
      guard let k = rs.columns.firstIndex(where: { $0.name == mode }) else { return (rs.rows.count, "no column \(mode)") }
      for row in rs.rows { lines.append(k < row.count ? text(row[k]) : "") }
    }
    lines.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for (i, l) in lines.enumerated() {
      if i > 0 { h = fnv1a("\n", h) }
      h = fnv1a(l, h)
    }
    return (rs.rows.count, String(h, radix: 16))
  }
}
