/// "Did you mean …?" for misspelt names: the candidate at the smallest edit distance, when
/// it is close enough to be a likely typo. (Private fallback until Syntax/Suggest lands.)
enum NameSuggestion {
  static func closest(_ name: String, among candidates: [String]) -> String? {
    let a = Array(name.lowercased().unicodeScalars)
    var best: (String, Int)? = nil
    for c in candidates {
      let d = distance(a, Array(c.unicodeScalars))
      if d < (best?.1 ?? Int.max) { best = (c, d) }
    }
    guard let (c, d) = best else { return nil }
    let limit = max(1, min(3, a.count / 3 + 1))
    return d <= limit ? c : nil
  }

  private static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var prev = Array(0...b.count)
    var cur = prev
    for i in 1...a.count {
      cur[0] = i
      for j in 1...b.count {
        cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      swap(&prev, &cur)
    }
    return prev[b.count]
  }
}
