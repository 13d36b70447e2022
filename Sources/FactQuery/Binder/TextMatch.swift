/// Substring and `like` matching over Unicode scalars, used once per dictionary entry at
/// bind time (never per row).
enum TextMatch {
  /// Whether `needle` occurs in `haystack` (both already folded). Compares UTF-8 bytes: in
  /// valid UTF-8 a byte match starts and ends on scalar boundaries, so it is the scalar match.
  static func contains(_ haystack: String, _ needle: String) -> Bool {
    if let r = haystack.utf8.withContiguousStorageIfAvailable({ h in
      needle.utf8.withContiguousStorageIfAvailable { n in contains(h, n) }
    }), let hit = r {
      return hit
    }
    return contains(Array(haystack.utf8)[...], Array(needle.utf8)[...])
  }

  private static func contains<H: RandomAccessCollection, N: RandomAccessCollection>(_ h: H, _ n: N) -> Bool
  where H.Element == UInt8, N.Element == UInt8, H.Index == Int, N.Index == Int {
    let nc = n.count, hc = h.count
    if nc == 0 { return true }
    if nc > hc { return false }
    let first = n[n.startIndex]
    var i = h.startIndex
    let last = h.startIndex + hc - nc
    while i <= last {
      if h[i] == first {
        var k = 1
        while k < nc && h[i + k] == n[n.startIndex + k] { k += 1 }
        if k == nc { return true }
      }
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

  /// Every string `v` with `strippingDivisionSuffix(v) == bare`: `bare` itself when it has no
  /// suffix to drop, and `bare` followed by each suffix that stripping takes off again (not
  /// 区 after a stem ending in 自治, which strips as 自治区).
  static func unstripping(_ bare: String) -> [String] {
    var out: [String] = []
    if strippingDivisionSuffix(bare).utf8.elementsEqual(bare.utf8) { out.append(bare) }
    for suf in suffixes {
      let v = bare + suf
      if strippingDivisionSuffix(v).utf8.elementsEqual(bare.utf8) { out.append(v) }
    }
    return out
  }

  /// `s` without one trailing division suffix, when something remains (compared as UTF-8
  /// bytes: a byte suffix that is a whole string is a scalar suffix).
  static func strippingDivisionSuffix(_ s: String) -> String {
    let u = s.utf8
    for suf in suffixes {
      let v = suf.utf8
      guard u.count > v.count else { continue }
      if u.suffix(v.count).elementsEqual(v) {
        return String(decoding: u.dropLast(v.count), as: UTF8.self)
      }
    }
    return s
  }
}
