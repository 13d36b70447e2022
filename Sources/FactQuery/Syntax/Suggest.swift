/// "Did you mean …?" for misspelled keywords, entities, fields and dot commands.
public enum Suggest {
  /// The word of `among` closest to `word` by edit distance (insertions, deletions,
  /// substitutions and swaps of neighbours), ignoring Latin case; nil when none is close.
  ///
  /// "Close" is relative to length: one edit for words up to four letters, two up to eight,
  /// three beyond — so `fnd` → `find`, `wehre` → `where`, `atendees` → `attendees`, but `x`
  /// suggests nothing. An exact (case-insensitive) match returns that candidate. Ties go to
  /// the earlier candidate. Long input (over 64 scalars) suggests nothing, cheaply.
  public static func closest(_ word: String, among candidates: [String]) -> String? {
    let w = lowered(word)
    guard !w.isEmpty, w.count <= 64 else { return nil }
    let limit = w.count <= 4 ? 1 : (w.count <= 8 ? 2 : 3)
    var best: (String, Int)? = nil
    for candidate in candidates {
      let c = lowered(candidate)
      guard abs(c.count - w.count) <= limit, c.count <= 64 else { continue }
      let d = distance(w, c)
      if d == 0 { return candidate }
      if d <= limit, d < c.count, best.map({ d < $0.1 }) ?? true { best = (candidate, d) }
    }
    return best?.0
  }

  static func lowered(_ s: String) -> [Unicode.Scalar] {
    s.unicodeScalars.map { $0.value >= 0x41 && $0.value <= 0x5A ? Unicode.Scalar($0.value + 32) ?? $0 : $0 }
  }

  /// Optimal-string-alignment distance (Damerau–Levenshtein without repeated edits of a substring).
  static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var before = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d = min(d, before[j - 2] + 1) }
        current[j] = d
      }
      (before, previous, current) = (previous, current, before)
    }
    return previous[b.count]
  }
}
