import Glibc
import Synchronization

/// The distinct texts of a column, each once, in pinyin order: code `i` is `values[i]`, so
/// comparing codes compares texts. `lookup` finds codes by folded text (臨汾 and 临汾 alike).
///
/// Values are a `StringTable` (one byte buffer, coded when they are long texts), folded
/// values a bit per value (set where folding changes it; such a value is folded again when
/// read), and the look-up is an open-addressing table of codes built by the first lookup: a
/// distinct text costs its bytes and a few more.
public struct TextDictionary: Sendable {
  /// Code → value as written.
  public let values: StringTable
  /// Code → folded value (繁→简, half-width, lowercase).
  public let folded: FoldedValues
  /// Folded value → codes whose folded value it is, ascending.
  public let lookup: FoldedLookup

  /// A dictionary with no values.
  static let empty = TextDictionary(sortedValues: [], folded: [])

  /// Builds a dictionary of the distinct `texts`, sorted in pinyin order, ties by code point.
  init(_ texts: Set<String>) {
    let sorted = texts.sorted(by: TextDictionary.before)
    self.init(sortedValues: sorted, folded: sorted.map(TextOrder.fold))
  }

  /// A dictionary of values already in `before` order, with their folded forms.
  init(sortedValues: [String], folded: [String]) {
    let v = StringTable(sortedValues)
    self.init(values: v, folded: FoldedValues(values: v, folded: folded))
  }

  /// A dictionary of tables already in `before` order.
  init(values: StringTable, folded: FoldedValues) {
    self.values = values
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

  /// Codes whose folded value contains `needle` (already folded), ascending: one `memchr`
  /// pass over the folded values' shared buffer, each hit mapped to its value by binary
  /// search and kept when it lies inside that value.
  public func codes(foldedContaining needle: String) -> [UInt32] {
    var n = needle
    if n.utf8.isEmpty { return (0..<UInt32(count)).map { $0 } }
    return n.withUTF8 { folded.codes(containing: $0) }
  }

  /// The first offset at or after `from` where the `n` bytes at `needle` occur in the `count`
  /// bytes at `base`: `memchr` for the needle's last byte (in CJK a continuation byte, rarer
  /// than a lead byte), then `memcmp` of the whole needle ending there.
  static func find(_ needle: UnsafePointer<UInt8>, _ n: Int, in base: UnsafePointer<UInt8>, _ count: Int, from: Int) -> Int? {
    let last = Int32(needle[n - 1])
    var p = from + n - 1
    while p < count {
      guard let hit = memchr(base + p, last, count - p) else { return nil }
      let end = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
      let start = end - (n - 1)
      if memcmp(base + start, needle, n) == 0 { return start }
      p = end + 1
    }
    return nil
  }

  /// The code of exactly `text` (as written), if the dictionary holds it.
  func code(exactly text: String) -> UInt32? {
    guard let cs = lookup[TextOrder.fold(text)] else { return nil }
    return cs.first { values.equals(Int($0), text) }
  }
}

/// Folded value → the codes whose folded value it is, ascending.
///
/// The table is built on the first lookup, not with the dictionary: hashing every value of
/// every column is most of what decoding a cached snapshot would cost, and a statement looks up
/// only the columns it names. The build runs once under a lock, so a lookup may come from any
/// thread.
public struct FoldedLookup: Sendable {
  private let storage: LazyFoldedTable

  init(_ folded: FoldedValues) { storage = LazyFoldedTable(folded) }

  /// The codes of folded value `f`, ascending; nil when no value folds to it.
  public subscript(_ f: String) -> [UInt32]? { storage.table[f] }

  /// Whether the table has been built (by a lookup).
  var isBuilt: Bool { storage.isBuilt }

  /// Bytes held by the table, building it if no lookup did yet: what the store costs once it
  /// is queried.
  var byteSize: Int { storage.table.byteSize }
}

/// The folded values and, once a lookup asked, their table.
final class LazyFoldedTable: Sendable {
  let folded: FoldedValues
  private let built = Mutex<FoldedTable?>(nil)

  init(_ folded: FoldedValues) { self.folded = folded }

  /// The table, built now if no lookup built it yet.
  var table: FoldedTable {
    built.withLock { t in
      if let t { return t }
      let made = FoldedTable(folded)
      t = made
      return made
    }
  }

  var isBuilt: Bool { built.withLock { $0 != nil } }
}

/// The table of a `FoldedLookup`: an open-addressing table of the first code of each folded
/// value (hash of its UTF-8 bytes, linear probing), and the further codes of folded values
/// shared by several codes.
struct FoldedTable: Sendable {
  /// Code + 1 of the first code of a folded value; 0 is an empty slot (when codes need more
  /// than 16 bits; else `narrowSlots` holds them).
  private let slots: [UInt32]
  /// The slots in 16 bits, when every code + 1 fits.
  private let narrowSlots: [UInt16]
  private let slotCount: Int
  /// The folded values the slots point into.
  private let folded: FoldedValues
  /// First code → the further codes with the same folded value.
  private let more: [UInt32: [UInt32]]

  init(_ folded: FoldedValues) {
    self.folded = folded
    var size = 8
    while size < folded.count + folded.count / 4 { size <<= 1 }  // at most 80% full
    var slots = [UInt32](repeating: 0, count: folded.count == 0 ? 0 : size)
    var more: [UInt32: [UInt32]] = [:]
    let mask = size - 1
    // each value's hash, so a probe compares values (decoding and folding a coded one) only
    // when their hashes agree
    var hashes = [Int](repeating: 0, count: folded.count)
    for i in 0..<folded.count {
      let h = folded.withUTF8(i) { FoldedTable.hash($0) }
      hashes[i] = h
      var s = h & mask
      while true {
        let c = slots[s]
        if c == 0 { slots[s] = UInt32(i + 1); break }
        let same = hashes[Int(c - 1)] == h && folded.withUTF8(Int(c - 1)) { a in folded.withUTF8(i) { a.elementsEqual($0) } }
        if same { more[c - 1, default: []].append(UInt32(i)); break }
        s = (s + 1) & mask
      }
    }
    slotCount = slots.count
    if folded.count < Int(UInt16.max) {
      narrowSlots = slots.map { UInt16(truncatingIfNeeded: $0) }
      self.slots = []
    } else {
      narrowSlots = []
      self.slots = slots
    }
    self.more = more
  }

  @inline(__always)
  private func slot(_ s: Int) -> UInt32 { slots.isEmpty ? UInt32(narrowSlots[s]) : slots[s] }

  /// `ByteHash` of the bytes (eight at a time; a byte-at-a-time hash of every folded value was
  /// most of what building the table cost, besides folding).
  @inline(__always)
  static func hash(_ b: UnsafeBufferPointer<UInt8>) -> Int {
    Int(truncatingIfNeeded: ByteHash.hash(b) & 0x7fff_ffff_ffff_ffff)
  }

  /// The codes of folded value `f`, ascending; nil when no value folds to it.
  subscript(_ f: String) -> [UInt32]? {
    guard slotCount > 0 else { return nil }
    var f = f
    return f.withUTF8 { u -> [UInt32]? in
      let mask = slotCount - 1
      var s = FoldedTable.hash(u) & mask
      while true {
        let c = slot(s)
        if c == 0 { return nil }
        if folded.withUTF8(Int(c - 1), { $0.elementsEqual(u) }) {
          guard let rest = more[c - 1] else { return [c - 1] }
          return [c - 1] + rest
        }
        s = (s + 1) & mask
      }
    }
  }

  /// Bytes held by the slots and the shared-value lists (the folded values are the
  /// dictionary's).
  var byteSize: Int {
    var n = slots.bufferBytes + narrowSlots.bufferBytes
    for (_, v) in more { n += 48 + v.capacity * 4 }
    return n
  }
}

/// Code → ascending row ids, stored flat: rows of code `c` are `rows[start[c]..<start[c+1]]`.
/// When every code has exactly one row (sentences, names unique per row), `start` is implied
/// (`start[c] == c`) and kept empty.
public struct Postings: Sendable {
  /// Where each code's rows start in `rows` (and the end); empty when implied.
  public let start: [Int32]
  public let rows: [UInt32]
  /// Whether every code has exactly one row (`start` implied).
  public let isOneRowPerCode: Bool

  /// Drops `counts` (the running starts) when each code has exactly one row.
  private init(counts: [Int32], rows: [UInt32]) {
    var one = counts.count == rows.count + 1
    if one { for (i, s) in counts.enumerated() where Int(s) != i { one = false; break } }
    start = one ? [] : counts
    self.rows = rows
    isOneRowPerCode = one
  }

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
    self.init(counts: counts, rows: flat)
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
    self.init(counts: counts, rows: flat)
  }

  /// The rows holding `code`, ascending.
  @inline(__always)
  public func rows(of code: UInt32) -> ArraySlice<UInt32> {
    let c = Int(code)
    if isOneRowPerCode { return c >= 0 && c < rows.count ? rows[c..<c + 1] : [] }
    guard c >= 0, c + 1 < start.count else { return [] }
    return rows[Int(start[c])..<Int(start[c + 1])]
  }

  /// How many rows hold `code`.
  @inline(__always)
  public func count(of code: UInt32) -> Int {
    let c = Int(code)
    if isOneRowPerCode { return c >= 0 && c < rows.count ? 1 : 0 }
    guard c >= 0, c + 1 < start.count else { return 0 }
    return Int(start[c + 1] - start[c])
  }
}
