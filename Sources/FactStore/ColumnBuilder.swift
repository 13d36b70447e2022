import Glibc
import NewsFacts
import NewsText

/// The conversions of `StoreBuilder`: values of the wrong shape for a field are converted
/// where the meaning is plain and dropped otherwise.
enum Convert {
  static func text(_ v: Value) -> String? {
    switch v {
    case .null: return nil
    case .text(let s): return s
    case .list(let xs): return xs.isEmpty ? nil : xs.joined(separator: "、")
    default: return v.description
    }
  }

  static func list(_ v: Value) -> [String]? {
    switch v {
    case .null: return nil
    case .list(let xs): return xs
    case .text(let s): return [s]
    default: return [v.description]
    }
  }

  static func number(_ v: Value) -> Double? {
    switch v {
    case .integer(let i): return Double(i)
    case .number(let d): return d.isNaN ? nil : d
    case .text(let s): return Double(s)
    default: return nil
    }
  }

  static func date(_ v: Value) -> FactDate? {
    switch v {
    case .date(let d): return d
    case .text(let s): return FactDate(iso: s)
    default: return nil
    }
  }

  static func span(_ v: Value) -> (Int, Int)? {
    if case .span(let a, let b) = v { return (a, b) }
    return nil
  }
}

/// Distinct texts: the committed ones in the frozen dictionary (pinyin order, shared with the
/// snapshot), the ones added since in arrival order until `sort()` merges them in. Only the
/// values added since the last commit are kept here (as UTF-8 in one buffer, found through an
/// open-addressing table of their byte hashes); committed values are found through the frozen
/// dictionary's folded look-up, so after a commit the builder holds nothing the snapshot does
/// not.
///
/// Values are told apart by their UTF-8 bytes, not by `String` equality (canonical
/// equivalence, whose hashing normalises non-ASCII text to NFC at every look-up: most of what
/// adding a fact cost). For extracted text the two agree: the normaliser maps compatibility
/// forms (full-width letters, Kangxi radicals, compatibility ideographs) to one scalar each and
/// Chinese characters have no canonical decompositions. They differ only for a Latin letter
/// written decomposed (`e` + U+0301) beside the same letter precomposed — the normaliser does
/// not compose to NFC — and there bytes are what the store always used: the frozen
/// dictionary's `code(exactly:)` and the folded look-up of `where` compare bytes, so a
/// `String`-keyed batch merged such spellings only until its commit, and showed the row the
/// other spelling. Now each spelling keeps its own code, the same before and after a commit.
struct DictionaryBuilder: Sendable {
  /// The committed values: codes `0..<frozen.count`.
  var frozen = TextDictionary.empty
  /// Values added since, numbered in arrival order: code `frozen.count + i` is value `i`.
  var pending = ByteInterner()

  /// Committed and pending values.
  var count: Int { frozen.count + pending.count }

  @inline(__always)
  mutating func code(_ s: String) -> UInt32 {
    if let c = s.utf8.withContiguousStorageIfAvailable({ code(utf8: $0, s) }) { return c }
    var copy = s
    return copy.withUTF8 { code(utf8: $0, s) }
  }

  /// The code of the value whose UTF-8 is `u` (`s` itself, for the frozen look-up).
  mutating func code(utf8 u: UnsafeBufferPointer<UInt8>, _ s: String) -> UInt32 {
    let h = ByteHash.hash(u)
    switch pending.find(u, hash: h) {
    case .found(let i):
      return UInt32(frozen.count + i)
    case .absent(let slot):
      if frozen.count > 0, let c = frozen.code(exactly: s) { return c }
      return UInt32(frozen.count) + pending.insert(u, hash: h, slot: slot)
    }
  }

  /// The folded values of the merged dictionary `values` (string `k` is string `order[k]` of
  /// the old values, then the new ones): the old exceptions and the new values that folding
  /// changes (`newChanged`), in the new order.
  static func exceptions(_ order: [UInt32], old: FoldedValues, newChanged: Bitmap, values: StringTable) -> FoldedValues {
    let oldCount = old.count
    var changed = Bitmap(count: order.count)
    for (k, c) in order.enumerated() {
      let i = Int(c)
      if i < oldCount ? old.isChanged(i) : newChanged[i - oldCount] { changed[k] = true }
    }
    return FoldedValues(values: values, changed: changed)
  }

  /// Merges the pending values into the frozen dictionary; returns old code → new code when
  /// codes moved, nil when they did not.
  ///
  /// Each pending value's pinyin sort key (`Pinyin.writeSortKey`, bytes compared with
  /// `memcmp`; its order is `TextDictionary.before`, and values are distinct, so keys are too)
  /// and whether folding changes it are found in one pass over its bytes, the keys all into
  /// one flat buffer; the committed values' keys are made one at a time during the merge.
  mutating func sort() -> [UInt32]? {
    let pendingBytes = pending.bytes, pendingEnds = pending.ends
    let m = pendingEnds.count
    guard m > 0 else { return nil }
    let old = frozen.count
    let n = old + m
    let total = pendingBytes.count
    var keyEnds = [Int](repeating: 0, count: m)
    var newChanged = Bitmap(count: m)
    var foldChanged = false
    let keyBytes = [UInt8](unsafeUninitializedCapacity: Pinyin.sortKeyCapacity(utf8Count: total) + 4 * m) { kb, kc in
      pendingBytes.withUnsafeBufferPointer { src in
        var k = 0, start = 0
        for i in 0..<m {
          let end = Int(pendingEnds[i])
          let text = UnsafeBufferPointer(start: src.baseAddress.map { $0 + start }, count: end - start)
          let r = Pinyin.writeSortKey(text, key: kb.baseAddress! + k)
          k += r.keyCount
          if r.foldChanged { foldChanged = true; newChanged[i] = true }
          keyEnds[i] = k
          start = end
        }
        kc = k
      }
    }
    var order: [UInt32] = []
    order.reserveCapacity(n)
    keyBytes.withUnsafeBufferPointer { kb in
      keyEnds.withUnsafeBufferPointer { ke in
        let base = kb.baseAddress!
        @inline(__always) func key(_ i: Int) -> (UnsafePointer<UInt8>, Int) {
          let s = i == 0 ? 0 : ke[i - 1]
          return (base + s, ke[i] - s)
        }
        // Key bytes 0..<8 and 8..<16 of each value as big-endian words (zeros past a shorter
        // key): words that differ order as the keys do (at the first differing byte both keys
        // have a byte, or the shorter key has ended there and is a prefix of the other, whose
        // byte is then not zero), so most comparisons are one or two of words, not a `memcmp`
        // call; keys whose first sixteen bytes agree are compared from byte 16 on.
        @inline(__always) func word(_ p: UnsafePointer<UInt8>, _ l: Int, _ from: Int) -> UInt64 {
          if from &+ 8 <= l { return UInt64(bigEndian: UnsafeRawPointer(p).loadUnaligned(fromByteOffset: from, as: UInt64.self)) }
          var h: UInt64 = 0
          for k in from..<(from &+ 8) { h = h << 8 | (k < l ? UInt64(p[k]) : 0) }
          return h
        }
        let heads = [UInt64](unsafeUninitializedCapacity: 2 * m) { hb, hc in
          for i in 0..<m {
            let (p, l) = key(i)
            hb[2 &* i] = word(p, l, 0)
            hb[2 &* i &+ 1] = word(p, l, 8)
          }
          hc = 2 * m
        }
        var fresh = Array(0..<m)
        heads.withUnsafeBufferPointer { hd in
          fresh.sort { a, b in
            let ha = hd[2 &* a], hb = hd[2 &* b]
            if ha != hb { return ha < hb }
            let ha2 = hd[2 &* a &+ 1], hb2 = hd[2 &* b &+ 1]
            if ha2 != hb2 { return ha2 < hb2 }
            // the first sixteen bytes agree: a key of at most sixteen bytes is then a prefix of
            // the other
            let (pa, la) = key(a), (pb, lb) = key(b)
            if la <= 16 || lb <= 16 { return la < lb }
            return ByteOrder.less(pa + 16, la &- 16, pb + 16, lb &- 16)
          }
        }
        // Merge the sorted old codes 0..<old with the sorted new ones (pending index + old).
        var scratch = [UInt8](repeating: 0, count: 64)
        var oldLength = 0
        func oldKey(_ i: Int) {
          frozen.values.withUTF8(i) { u in
            let need = Pinyin.sortKeyCapacity(utf8Count: u.count)
            if scratch.count < need { scratch = [UInt8](repeating: 0, count: need * 2) }
            oldLength = scratch.withUnsafeMutableBufferPointer { sk in
              Pinyin.writeSortKey(u, key: sk.baseAddress!).keyCount
            }
          }
        }
        var i = 0, j = 0
        if old > 0 { oldKey(0) }
        while i < old && j < m {
          let (pn, ln) = key(fresh[j])
          let newFirst = scratch.withUnsafeBufferPointer { ByteOrder.less(pn, ln, $0.baseAddress!, oldLength) }
          if newFirst {
            order.append(UInt32(old + fresh[j])); j += 1
          } else {
            order.append(UInt32(i)); i += 1
            if i < old { oldKey(i) }
          }
        }
        while i < old { order.append(UInt32(i)); i += 1 }
        while j < m { order.append(UInt32(old + fresh[j])); j += 1 }
      }
    }
    var moved = false
    for (k, c) in order.enumerated() where Int(c) != k { moved = true; break }
    let values = StringTable.gather(order, old: frozen.values, new: pendingBytes, newEnds: pendingEnds).codedIfLong()
    let folded = foldChanged || !frozen.folded.isIdentity
      ? DictionaryBuilder.exceptions(order, old: frozen.folded, newChanged: newChanged, values: values)
      : FoldedValues(values: values, changed: Bitmap(count: 0))
    frozen = TextDictionary(values: values, folded: folded)
    pending = ByteInterner()
    guard moved else { return nil }
    var perm = [UInt32](repeating: 0, count: n)
    for (k, c) in order.enumerated() { perm[Int(c)] = UInt32(k) }
    return perm
  }
}

/// The hash of the pending-values table: eight bytes at a time, each word folded in by a
/// 64×64→128-bit multiply (high ^ low), so a long sentence costs a few instructions per word.
enum ByteHash {
  @inline(__always)
  static func mix(_ x: UInt64) -> UInt64 {
    let m = x.multipliedFullWidth(by: 0x9E37_79B9_7F4A_7C15)
    return m.high ^ m.low
  }

  static func hash(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
    let n = b.count
    var h: UInt64 = 0xA076_1D64_78BD_642F ^ UInt64(n)
    guard let p = b.baseAddress, n > 0 else { return mix(h) }
    let raw = UnsafeRawPointer(p)
    var i = 0
    while i + 8 <= n {
      h = mix(h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
      i += 8
    }
    if i < n {
      // the last n - i (1…7) bytes as a little-endian word, from at most three loads
      let r = n &- i
      var w: UInt64
      if n >= 8 {
        // the word ending at the last byte, its first 8 - r bytes (hashed already) shifted out
        w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)) >> (8 &* UInt64(8 &- r))
      } else if r >= 4 {
        // two overlapping 4-byte words: the overlap is the same bytes in the same places
        let lo = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt32.self)))
        let hi = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self)))
        w = lo | hi << (8 &* UInt64(r &- 4))
      } else {
        // one to three bytes: first, middle, last (repeats land on themselves)
        w = UInt64(p[i]) | UInt64(p[i &+ r >> 1]) << (8 &* UInt64(r >> 1)) | UInt64(p[n &- 1]) << (8 &* UInt64(r &- 1))
      }
      h = mix(h ^ w ^ 0xE703_7ED1_A0B4_28DB)
    }
    return mix(h ^ 0x8EBC_6AF0_9C88_C6E3)
  }
}

/// Byte-string order: `memcmp` over the common length, then the shorter first.
enum ByteOrder {
  @inline(__always)
  static func less(_ a: UnsafePointer<UInt8>, _ la: Int, _ b: UnsafePointer<UInt8>, _ lb: Int) -> Bool {
    let c = memcmp(a, b, min(la, lb))
    return c != 0 ? c < 0 : la < lb
  }
}

/// A text or place column being built: one code per row, `TextColumn.null` when unknown.
struct TextColumnBuilder: Sendable {
  var dictionary = DictionaryBuilder()
  var codes: [UInt32] = []
  var nulls = 0

  mutating func append(_ s: String?) {
    if let s { codes.append(dictionary.code(s)) } else { codes.append(TextColumn.null); nulls += 1 }
  }

  mutating func commit() -> TextColumn {
    if let perm = dictionary.sort() {
      codes.withUnsafeMutableBufferPointer { p in
        for i in p.indices where p[i] != TextColumn.null { p[i] = perm[Int(p[i])] }
      }
    }
    codes = codes.exactCapacity()
    let dict = dictionary.frozen
    let index = Postings(codeCount: dict.count, codes: codes)
    return TextColumn(codes: codes, dictionary: dict, index: index, nulls: nulls)
  }
}

/// A list-of-text column being built: offsets into one element array of codes.
struct ListColumnBuilder: Sendable {
  var dictionary = DictionaryBuilder()
  var offsets: [Int32] = [0]
  var elements: [UInt32] = []
  var present = Bitmap(count: 0)
  var nulls = 0

  /// Appends one row's list; an empty list is stored as unknown (null), so `is null`,
  /// grouping and export treat `[]` and a missing list alike.
  mutating func append(_ v: [String]?) {
    if let v, !v.isEmpty {
      for s in v { elements.append(dictionary.code(s)) }
      present.append(true)
    } else {
      present.append(false)
      nulls += 1
    }
    offsets.append(Int32(truncatingIfNeeded: elements.count))
  }

  mutating func commit() -> ListColumn {
    if let perm = dictionary.sort() {
      elements.withUnsafeMutableBufferPointer { p in
        for i in p.indices { p[i] = perm[Int(p[i])] }
      }
    }
    offsets = offsets.exactCapacity()
    elements = elements.exactCapacity()
    present.shrink()
    let dict = dictionary.frozen
    let index = Postings(codeCount: dict.count, offsets: offsets, elements: elements)
    return ListColumn(offsets: offsets, elements: elements, present: present, dictionary: dict, index: index, nulls: nulls)
  }
}

/// A numeric column being built; the sorted order of committed rows is kept and merged with
/// the new rows at the next commit. While every row holds a value and the values ascend with
/// the row (ids, article numbers), the order stays implied and costs nothing.
struct NumberColumnBuilder: Sendable {
  let isInteger: Bool
  var values: [Double] = []
  var present = Bitmap(count: 0)
  var sorted = SortedRows([])
  var sortedRows = 0

  init(isInteger: Bool) { self.isInteger = isInteger }

  mutating func append(_ v: Double?) {
    if let v, !v.isNaN { values.append(v); present.append(true) } else { values.append(0); present.append(false) }
  }

  mutating func commit() -> NumberColumn {
    values = values.exactCapacity()
    present.shrink()
    if sortedRows < values.count {
      let vs = values
      var stillImplied = sorted.isImplied && sorted.count == sortedRows
      if stillImplied {
        for r in sortedRows..<vs.count where !present[r] || (r > 0 && vs[r] < vs[r - 1]) { stillImplied = false; break }
      }
      if stillImplied {
        sorted = SortedRows(impliedCount: vs.count)
      } else {
        var fresh: [UInt32] = []
        for r in sortedRows..<values.count where present[r] { fresh.append(UInt32(r)) }
        fresh.sort { a, b in
          let x = vs[Int(a)], y = vs[Int(b)]
          return x < y || (x == y && a < b)
        }
        sorted = SortedRows(SortedMerge.merge(Array(sorted), fresh) { a, b in
          let x = vs[Int(a)], y = vs[Int(b)]
          return x < y || (x == y && a < b)
        })
      }
      sortedRows = values.count
    }
    return NumberColumn(values: values, present: present, sorted: sorted, isInteger: isInteger)
  }
}

/// A date column being built (ordinals), with the sorted order merged at each commit.
struct DateColumnBuilder: Sendable {
  var ordinals: [Int32] = []
  var sorted: [UInt32] = []
  var sortedRows = 0

  mutating func append(_ d: FactDate?) {
    ordinals.append(d.map(DateColumn.ordinal) ?? DateColumn.null)
  }

  mutating func commit() -> DateColumn {
    ordinals = ordinals.exactCapacity()
    if sortedRows < ordinals.count {
      let os = ordinals
      var fresh: [UInt32] = []
      for r in sortedRows..<os.count where os[r] != DateColumn.null { fresh.append(UInt32(r)) }
      fresh.sort { a, b in
        let x = os[Int(a)], y = os[Int(b)]
        return x < y || (x == y && a < b)
      }
      sorted = SortedMerge.merge(sorted, fresh) { a, b in
        let x = os[Int(a)], y = os[Int(b)]
        return x < y || (x == y && a < b)
      }
      sortedRows = os.count
    }
    sorted = sorted.exactCapacity()
    return DateColumn(ordinals: ordinals, sorted: sorted)
  }
}

/// A span column being built.
struct SpanColumnBuilder: Sendable {
  var starts: [Int32] = []
  var ends: [Int32] = []
  var present = Bitmap(count: 0)

  mutating func append(_ v: (Int, Int)?) {
    if let v { starts.append(Int32(clamping: v.0)); ends.append(Int32(clamping: v.1)); present.append(true) } else { starts.append(0); ends.append(0); present.append(false) }
  }

  mutating func commit() -> SpanColumn {
    starts = starts.exactCapacity()
    ends = ends.exactCapacity()
    present.shrink()
    return SpanColumn(starts: starts, ends: ends, present: present)
  }
}

enum SortedMerge {
  /// Merges two arrays each sorted by `less`.
  static func merge(_ a: [UInt32], _ b: [UInt32], _ less: (UInt32, UInt32) -> Bool) -> [UInt32] {
    if b.isEmpty { return a }
    if a.isEmpty { return b }
    var out: [UInt32] = []
    out.reserveCapacity(a.count + b.count)
    var i = 0, j = 0
    while i < a.count && j < b.count {
      if less(b[j], a[i]) { out.append(b[j]); j += 1 } else { out.append(a[i]); i += 1 }
    }
    if i < a.count { out.append(contentsOf: a[i...]) }
    if j < b.count { out.append(contentsOf: b[j...]) }
    return out
  }
}
