import BenchSupport
import NewsQ

/// Recall of extracted facts against the generator's truth, with simple key rules:
/// meeting — same doc and (same month-day or same host); visit — same doc and same month-day;
/// project — same doc and same investment and currency; indicator — same doc and same value;
/// person — same name and city, and the same county unless the extracted one has none. Each extracted fact matches at most one planted fact.
struct Recall {
  static func monthDay(_ s: String?) -> String? {
    guard let s, s.utf8.count >= 5 else { return nil }
    return String(s.unicodeScalars.suffix(5))
  }
  static func close(_ a: Double?, _ b: Double?) -> Bool {
    guard let a, let b else { return false }
    return abs(a - b) <= max(1e-6, abs(b) * 1e-6)
  }

  /// Per entity: (planted, found).
  static func measure(engine: Engine, truthPath: String) -> [(String, Int, Int)] {
    guard let bytes = readFile(truthPath) else { return [] }
    var truth: [String: [JSON]] = [:]
    // Lines split on the byte 10 (splitting a `String` walks grapheme clusters: minutes at 1M facts).
    for line in bytes.split(separator: 10) {
      var p = JSONParser(bytes: line)
      if let j = p.parse(), let e = j["entity"]?.string { truth[e, default: []].append(j) }
    }
    var out: [(String, Int, Int)] = []
    for e in ["meeting", "person", "project", "indicator", "visit"] {
      let planted = truth[e] ?? []
      guard let entity = Entity(name: e), let rs = allFacts(engine, entity) else { out.append((e, planted.count, 0)); continue }
      func col(_ n: String) -> Int? { rs.columns.firstIndex { $0.name == n } }
      func get(_ row: [Value], _ n: String) -> Value { col(n).flatMap { $0 < row.count ? row[$0] : nil } ?? .null }
      // Extracted rows grouped by the key that must match exactly (doc, or name|county).
      var pool: [String: [[Value]]] = [:]
      for row in rs.rows.arrays {
        let key = e == "person" ? Canonical.text(get(row, "name")) + "|" + Canonical.text(get(row, "city")) : Canonical.text(get(row, "doc"))
        pool[key, default: []].append(row)
      }
      var found = 0
      for t in planted {
        let key = e == "person" ? (t["name"]?.string ?? "") + "|" + (t["city"]?.string ?? "") : (t["doc"]?.string ?? "")
        guard var rows = pool[key], !rows.isEmpty else { continue }
        let hit = rows.firstIndex { row in
          switch e {
          case "person":
            let c = Canonical.text(get(row, "county"))
            return c.isEmpty || c == (t["county"]?.string ?? "")
          case "meeting":
            return monthDay(t["date"]?.string) == monthDay(Canonical.text(get(row, "date")))
              || (t["host"]?.string != nil && t["host"]?.string == get(row, "host").text)
          case "visit": return monthDay(t["date"]?.string) == monthDay(Canonical.text(get(row, "date")))
          case "project":
            return close(get(row, "investment").double, t["investment"]?.double)
              && (get(row, "currency").text ?? "CNY") == (t["currency"]?.string ?? "CNY")
          default: return close(get(row, "value").double, t["value"]?.double)
          }
        }
        if let h = hit { rows.remove(at: h); pool[key] = rows; found += 1 }
      }
      out.append((e, planted.count, found))
    }
    return out
  }
}
