/// Substring and `like` matching over Unicode scalars, used once per dictionary entry at
/// bind time (never per row).
enum TextMatch {
  /// Whether `needle` occurs in `haystack` (both already folded).
  static func contains(_ haystack: String, _ needle: String) -> Bool {
    let h = Array(haystack.unicodeScalars), n = Array(needle.unicodeScalars)
    if n.isEmpty { return true }
    if n.count > h.count { return false }
    var i = 0
    while i + n.count <= h.count {
      var k = 0
      while k < n.count && h[i + k] == n[k] { k += 1 }
      if k == n.count { return true }
      i += 1
    }
    return false
  }

  /// SQL `like`: `%` any run of characters, `_` exactly one; everything else literal.
  static func like(_ text: String, _ pattern: String) -> Bool {
    let t = Array(text.unicodeScalars), p = Array(pattern.unicodeScalars)
    var ti = 0, pi = 0
    var starP = -1, starT = 0
    while ti < t.count {
      if pi < p.count && (p[pi] == "_" || (p[pi] != "%" && p[pi] == t[ti])) {
        ti += 1; pi += 1
      } else if pi < p.count && p[pi] == "%" {
        starP = pi; starT = ti; pi += 1
      } else if starP >= 0 {
        pi = starP + 1; starT += 1; ti = starT
      } else {
        return false
      }
    }
    while pi < p.count && p[pi] == "%" { pi += 1 }
    return pi == p.count
  }

  /// Division suffixes dropped for the suffix-insensitive place match (临汾 = 临汾市).
  private static let suffixes = ["特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "省", "市", "区", "县", "旗", "盟"]

  /// `s` without one trailing division suffix, when something remains.
  static func strippingDivisionSuffix(_ s: String) -> String {
    for suf in suffixes where s.hasSuffix(suf) && s.unicodeScalars.count > suf.unicodeScalars.count {
      return String(s.unicodeScalars.dropLast(suf.unicodeScalars.count))
    }
    return s
  }
}
