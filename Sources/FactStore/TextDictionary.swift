/// The distinct texts of a column, each once, in pinyin order: code `i` is `values[i]`, so
/// comparing codes compares texts. `lookup` finds codes by folded text (臨汾 and 临汾 alike).
public struct TextDictionary: Sendable {
  /// Code → value as written.
  public let values: [String]
  /// Code → folded value (繁→简, half-width, lowercase).
  public let folded: [String]
  /// Folded value → codes whose folded value it is, ascending.
  public let lookup: [String: [UInt32]]

  /// Builds a dictionary of the distinct `texts`, sorted in pinyin order, ties by code point.
  init(_ texts: Set<String>) {
    let sorted = texts.sorted { a, b in
      if TextOrder.less(a, b) { return true }
      if TextOrder.less(b, a) { return false }
      return TextOrder.codePointLess(a, b)
    }
    values = sorted
    folded = sorted.map(TextOrder.fold)
    var map: [String: [UInt32]] = [:]
    for (i, f) in folded.enumerated() { map[f, default: []].append(UInt32(i)) }
    lookup = map
  }

  /// The number of distinct values.
  public var count: Int { values.count }

  /// Codes of `text` after folding; empty when absent.
  public func codes(folding text: String) -> [UInt32] {
    lookup[TextOrder.fold(text)] ?? []
  }
}

/// Code → ascending row ids, stored flat: rows of code `c` are `rows[start[c]..<start[c+1]]`.
public struct Postings: Sendable {
  public let start: [Int32]
  public let rows: [UInt32]

  init(codeCount: Int, pairs: [(code: UInt32, row: UInt32)]) {
    var counts = [Int32](repeating: 0, count: codeCount + 1)
    for p in pairs { counts[Int(p.code) + 1] += 1 }
    for i in 0..<codeCount { counts[i + 1] += counts[i] }
    var next = counts
    var flat = [UInt32](repeating: 0, count: pairs.count)
    for p in pairs {
      let k = Int(next[Int(p.code)])
      flat[k] = p.row
      next[Int(p.code)] += 1
    }
    start = counts
    rows = flat
  }

  /// The rows holding `code`, ascending.
  @inline(__always)
  public func rows(of code: UInt32) -> ArraySlice<UInt32> {
    let c = Int(code)
    guard c >= 0, c + 1 < start.count else { return [] }
    return rows[Int(start[c])..<Int(start[c + 1])]
  }

  /// How many rows hold `code`.
  @inline(__always)
  public func count(of code: UInt32) -> Int {
    let c = Int(code)
    guard c >= 0, c + 1 < start.count else { return 0 }
    return Int(start[c + 1] - start[c])
  }
}
