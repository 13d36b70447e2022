import Synchronization

/// The distinct texts of a column, each once, in pinyin order: code `i` is `values[i]`, so
/// comparing codes compares texts. `lookup` finds codes by folded text (臨汾 and 临汾 alike).
public struct TextDictionary: Sendable {
  /// Code → value as written.
  public let values: [String]
  /// Code → folded value (繁→简, half-width, lowercase).
  public let folded: [String]
  /// Folded value → codes whose folded value it is, ascending.
  public let lookup: FoldedLookup

  /// Builds a dictionary of the distinct `texts`, sorted in pinyin order, ties by code point.
  init(_ texts: Set<String>) {
    let sorted = texts.sorted(by: TextDictionary.before)
    self.init(sortedValues: sorted, folded: sorted.map(TextOrder.fold))
  }

  /// A dictionary of values already in `before` order, with their folded forms.
  init(sortedValues: [String], folded: [String]) {
    values = sortedValues
    self.folded = folded
    lookup = FoldedLookup(folded)
  }

  /// The dictionary order: pinyin order, ties by code point.
  static func before(_ a: String, _ b: String) -> Bool {
    if TextOrder.less(a, b) { return true }
    if TextOrder.less(b, a) { return false }
    return TextOrder.codePointLess(a, b)
  }

  /// The number of distinct values.
  public var count: Int { values.count }

  /// Codes of `text` after folding; empty when absent.
  public func codes(folding text: String) -> [UInt32] {
    lookup[TextOrder.fold(text)] ?? []
  }
}

/// Folded value → the codes whose folded value it is, ascending. Most folded values belong to
/// one code, so those are kept without an array of their own (one hash entry per value).
///
/// The hash tables are built on the first lookup, not with the dictionary: hashing every value
/// of every column is most of what decoding a cached snapshot would cost, and a statement looks
/// up only the columns it names. The build runs once under a lock, so a lookup may come from
/// any thread.
public struct FoldedLookup: Sendable {
  private let storage: LazyFoldedTables

  init(_ folded: [String]) { storage = LazyFoldedTables(folded) }

  /// The codes of folded value `f`, ascending; nil when no value folds to it.
  public subscript(_ f: String) -> [UInt32]? { storage.tables[f] }

  /// Whether the hash tables have been built (by a lookup).
  var isBuilt: Bool { storage.isBuilt }

  /// Bytes held by the tables (estimate: hash slots plus out-of-line key storage), building
  /// them if no lookup did yet: what the store costs once it is queried.
  var byteSize: Int { storage.tables.byteSize }
}

/// The folded values and, once a lookup asked, their hash tables.
final class LazyFoldedTables: Sendable {
  let folded: [String]
  private let built = Mutex<FoldedTables?>(nil)

  init(_ folded: [String]) { self.folded = folded }

  /// The tables, built now if no lookup built them yet.
  var tables: FoldedTables {
    built.withLock { t in
      if let t { return t }
      let made = FoldedTables(folded)
      t = made
      return made
    }
  }

  var isBuilt: Bool { built.withLock { $0 != nil } }
}

/// The hash tables of a `FoldedLookup`.
struct FoldedTables: Sendable {
  /// The first (or only) code of each folded value.
  private let first: [String: UInt32]
  /// Further codes of folded values shared by several codes.
  private let more: [String: [UInt32]]

  init(_ folded: [String]) {
    var first: [String: UInt32] = [:]
    first.reserveCapacity(folded.count)
    var more: [String: [UInt32]] = [:]
    for (i, f) in folded.enumerated() {
      if first[f] == nil { first[f] = UInt32(i) } else { more[f, default: []].append(UInt32(i)) }
    }
    self.first = first
    self.more = more
  }

  subscript(_ f: String) -> [UInt32]? {
    guard let c = first[f] else { return nil }
    guard let rest = more[f] else { return [c] }
    return [c] + rest
  }

  var byteSize: Int {
    var n = first.capacity * (MemoryLayout<String>.stride + MemoryLayout<UInt32>.stride) + first.capacity / 8
    for (_, v) in more { n += 48 + v.capacity * 4 }
    return n
  }
}

/// Code → ascending row ids, stored flat: rows of code `c` are `rows[start[c]..<start[c+1]]`.
public struct Postings: Sendable {
  public let start: [Int32]
  public let rows: [UInt32]

  /// The index of a text column: `codes[row]` is the row's code or `TextColumn.null`.
  init(codeCount: Int, codes: [UInt32]) {
    var counts = [Int32](repeating: 0, count: codeCount + 1)
    var total = 0
    for c in codes where c != TextColumn.null && Int(c) < codeCount { counts[Int(c) + 1] &+= 1; total += 1 }
    for i in 0..<codeCount { counts[i + 1] &+= counts[i] }
    var next = counts
    var flat = [UInt32](repeating: 0, count: total)
    for (row, c) in codes.enumerated() where c != TextColumn.null && Int(c) < codeCount {
      flat[Int(next[Int(c)])] = UInt32(truncatingIfNeeded: row)
      next[Int(c)] &+= 1
    }
    start = counts
    rows = flat
  }

  /// The index of a list column: each row listed once under every code its list holds.
  init(codeCount: Int, offsets: [Int32], elements: [UInt32]) {
    var counts = [Int32](repeating: 0, count: codeCount + 1)
    // lastRow[c]: the last row counted for code c (+1), so a row repeating a code counts once.
    var lastRow = [UInt32](repeating: 0, count: codeCount)
    let rowCount = offsets.count - 1
    var total = 0
    for row in 0..<max(0, rowCount) {
      for k in Int(offsets[row])..<Int(offsets[row + 1]) {
        let c = Int(elements[k])
        guard c < codeCount, lastRow[c] != UInt32(row + 1) else { continue }
        lastRow[c] = UInt32(row + 1)
        counts[c + 1] &+= 1
        total += 1
      }
    }
    for i in 0..<codeCount { counts[i + 1] &+= counts[i]; lastRow[i] = 0 }
    var next = counts
    var flat = [UInt32](repeating: 0, count: total)
    for row in 0..<max(0, rowCount) {
      for k in Int(offsets[row])..<Int(offsets[row + 1]) {
        let c = Int(elements[k])
        guard c < codeCount, lastRow[c] != UInt32(row + 1) else { continue }
        lastRow[c] = UInt32(row + 1)
        flat[Int(next[c])] = UInt32(row)
        next[c] &+= 1
      }
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
