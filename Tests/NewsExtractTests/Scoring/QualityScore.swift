import NewsFacts

/// Counts for one entity over one or more documents.
///
/// - `keyed`: regular (non-optional) key entries; `found`: those matched by an extracted fact.
/// - `extracted`: facts the extractor produced; of them `matched` found a regular entry,
///   `duplicates` describe an already-found regular entry again, `neutral` match only optional
///   entries, `wrong` match nothing in the key.
/// - recall = found / keyed; precision = (matched + duplicates) / (extracted − neutral).
///   A duplicate is not an invention, so precision does not punish it, but the table shows it.
struct EntityScore: Sendable, Equatable {
  var keyed = 0
  var found = 0
  var extracted = 0
  var matched = 0
  var duplicates = 0
  var neutral = 0
  var wrong = 0
  /// field → (right, scored)
  var fields: [String: (right: Int, total: Int)] = [:]
  /// Key entries not found and extracted facts matching nothing, for the report.
  var missing: [String] = []
  var invented: [String] = []

  /// nil when there is nothing to measure (no regular key entry).
  var recall: Double? { keyed == 0 ? nil : Double(found) / Double(keyed) }
  /// nil when the extractor said nothing that the key could judge.
  var precision: Double? {
    let judged = extracted - neutral
    return judged == 0 ? nil : Double(matched + duplicates) / Double(judged)
  }

  static func + (a: EntityScore, b: EntityScore) -> EntityScore {
    var s = a
    s.keyed += b.keyed; s.found += b.found; s.extracted += b.extracted; s.matched += b.matched
    s.duplicates += b.duplicates; s.neutral += b.neutral; s.wrong += b.wrong
    for (f, v) in b.fields {
      let old = s.fields[f] ?? (0, 0)
      s.fields[f] = (old.right + v.right, old.total + v.total)
    }
    s.missing += b.missing; s.invented += b.invented
    return s
  }

  static func == (a: EntityScore, b: EntityScore) -> Bool {
    a.keyed == b.keyed && a.found == b.found && a.extracted == b.extracted && a.matched == b.matched
      && a.duplicates == b.duplicates && a.neutral == b.neutral && a.wrong == b.wrong
      && a.fields.mapValues { [$0.right, $0.total] } == b.fields.mapValues { [$0.right, $0.total] }
  }
}

/// Scores extracted facts against an answer key.
enum QualityScorer {
  /// One document: per entity, greedy one-to-one assignment of extracted facts to key entries
  /// by descending match score (ties: regular entries first, then key order, then extraction
  /// order), then precision/recall counts and field accuracy over regular matches.
  static func score(key entries: [KeyEntry], facts: [Fact]) -> [Entity: EntityScore] {
    var result: [Entity: EntityScore] = [:]
    for entity in Entity.allCases {
      let keys = entries.filter { $0.entity == entity }
      let got = facts.filter { $0.entity == entity }
      result[entity] = score(entity, keys: keys, got: got)
    }
    return result
  }

  static func score(_ entity: Entity, keys: [KeyEntry], got: [Fact]) -> EntityScore {
    var s = EntityScore()
    s.keyed = keys.filter { !$0.optional }.count
    s.extracted = got.count
    var pairs: [(score: Double, g: Int, k: Int)] = []
    var scores = Array(repeating: Array(repeating: 0.0, count: keys.count), count: got.count)
    for (gi, g) in got.enumerated() {
      for (ki, k) in keys.enumerated() {
        let v = Matching.score(key: k, got: g)
        scores[gi][ki] = v
        if v > 0 { pairs.append((v, gi, ki)) }
      }
    }
    pairs.sort { a, b in
      if a.score != b.score { return a.score > b.score }
      let ao = keys[a.k].optional, bo = keys[b.k].optional
      if ao != bo { return !ao }
      if a.k != b.k { return a.k < b.k }
      return a.g < b.g
    }
    var keyTaken = Array(repeating: false, count: keys.count)
    var gotTaken = Array(repeating: -1, count: got.count)
    for p in pairs where !keyTaken[p.k] && gotTaken[p.g] < 0 {
      keyTaken[p.k] = true
      gotTaken[p.g] = p.k
    }
    for (gi, g) in got.enumerated() {
      let k = gotTaken[gi]
      if k >= 0 {
        if keys[k].optional { s.neutral += 1; continue }
        s.matched += 1
        s.found += 1
        for field in FieldChecks.fields(of: entity) {
          guard let ok = FieldChecks.check(field, key: keys[k].fact, got: g) else { continue }
          let old = s.fields[field] ?? (0, 0)
          s.fields[field] = (old.right + (ok ? 1 : 0), old.total + 1)
        }
      } else {
        let hits = keys.indices.filter { scores[gi][$0] > 0 }
        if hits.contains(where: { !keys[$0].optional }) {
          s.duplicates += 1
        } else if !hits.isEmpty {
          s.neutral += 1
        } else {
          s.wrong += 1
          s.invented.append(describe(g))
        }
      }
    }
    for (ki, k) in keys.enumerated() where !k.optional && !keyTaken[ki] {
      s.missing.append(describe(k.fact))
    }
    return s
  }

  /// A short label for reports: the fact's name-like field and date.
  static func describe(_ f: Fact) -> String {
    let name: String
    switch f.entity {
    case .article: name = f.text("title") ?? "?"
    case .place: name = (f.text("full_name") ?? f.text("name") ?? "?") + "/" + (f.text("level") ?? "?")
    case .indicator: name = (f.text("name") ?? "?") + "=" + (f.text("value") ?? "?") + (f.text("unit") ?? "")
    case .visit: name = f.list("who").joined(separator: "、") + "→" + (f.text("to") ?? "?")
    default: name = f.text("name") ?? "?"
    }
    if let d = f.date("date") { return name + " " + d.description }
    return name
  }
}
