/// Operations on selection vectors: ascending arrays of row ids.
public enum RowIDs {
  /// Rows in both `a` and `b` (both ascending). Gallops when one side is much shorter.
  public static func intersect(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
    if a.count > b.count { return intersect(b, a) }
    var out: [UInt32] = []
    out.reserveCapacity(a.count)
    if a.isEmpty { return out }
    if b.count / 32 > a.count {
      var lo = 0
      for x in a {
        var hi = b.count
        while lo < hi {
          let mid = (lo + hi) >> 1
          if b[mid] < x { lo = mid + 1 } else { hi = mid }
        }
        if lo < b.count, b[lo] == x { out.append(x) }
      }
      return out
    }
    var i = 0, j = 0
    while i < a.count && j < b.count {
      let x = a[i], y = b[j]
      if x == y { out.append(x); i += 1; j += 1 } else if x < y { i += 1 } else { j += 1 }
    }
    return out
  }

  /// Rows in `a` or `b` (both ascending), each once.
  public static func union(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
    var out: [UInt32] = []
    out.reserveCapacity(a.count + b.count)
    var i = 0, j = 0
    while i < a.count && j < b.count {
      let x = a[i], y = b[j]
      if x == y { out.append(x); i += 1; j += 1 } else if x < y { out.append(x); i += 1 } else { out.append(y); j += 1 }
    }
    if i < a.count { out.append(contentsOf: a[i...]) }
    if j < b.count { out.append(contentsOf: b[j...]) }
    return out
  }

  /// Sorts ids ascending and drops duplicates, in place.
  public static func normalize(_ ids: inout [UInt32]) {
    ids.sort()
    guard ids.count > 1 else { return }
    var w = 1
    for r in 1..<ids.count where ids[r] != ids[w - 1] {
      ids[w] = ids[r]
      w += 1
    }
    ids.removeLast(ids.count - w)
  }
}
