import NewsFacts
import NewsText

/// Small helpers over arrays of Unicode scalars: the extractor works on scalars, never on
/// `Character`, so it stays fast on large corpora.
enum Scalars {
  /// CJK unified ideographs (basic block and extension A, plus compatibility ideographs).
  @inline(__always)
  static func isHan(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    return (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0xF900 && v <= 0xFAFF)
      || (v >= 0x20000 && v <= 0x2FA1F)
  }

  @inline(__always)
  static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }

  /// Punctuation that ends a clause: a name or a title never runs across it.
  @inline(__always)
  static func isClauseBreak(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x3002, 0xFF0C, 0x002C, 0xFF1B, 0x003B, 0xFF1A, 0x003A, 0xFF01, 0x0021, 0xFF1F, 0x003F,
         0x000A, 0x000D, 0x2026:
      return true
    default: return false
    }
  }

  /// Sentence-final punctuation.
  @inline(__always)
  static func isSentenceEnd(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x3002, 0xFF01, 0x0021, 0xFF1F, 0x003F, 0x000A: return true
    default: return false
    }
  }

  /// The enumeration comma 、.
  static let dun: Unicode.Scalar = "、"

  /// Quote marks of every style news uses.
  @inline(__always)
  static func isQuote(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x201C, 0x201D, 0x2018, 0x2019, 0x0022, 0x0027, 0x300C, 0x300D, 0x300E, 0x300F, 0x300A, 0x300B:
      return true
    default: return false
    }
  }

  /// Turns a string into scalars.
  static func of(_ s: String) -> [Unicode.Scalar] { Array(s.unicodeScalars) }

  /// The scalars of a whole text, decoded straight from its UTF-8 (a `String` holds valid
  /// UTF-8; a truncated tail still ends the loop safely).
  static func decode(_ text: String) -> [Unicode.Scalar] {
    var text = text
    return text.withUTF8 { bytes -> [Unicode.Scalar] in
      let n = bytes.count
      return [Unicode.Scalar](unsafeUninitializedCapacity: n) { out, count in
        var i = 0
        var k = 0
        while i < n {
          let b0 = UInt32(bytes[i])
          let len = b0 < 0x80 ? 1 : (b0 < 0xE0 ? 2 : (b0 < 0xF0 ? 3 : 4))
          guard i &+ len <= n else { out[k] = "\u{FFFD}"; k &+= 1; break }
          var v: UInt32
          switch len {
          case 1: v = b0
          case 2: v = (b0 & 0x1F) << 6 | UInt32(bytes[i &+ 1] & 0x3F)
          case 3: v = (b0 & 0x0F) << 12 | UInt32(bytes[i &+ 1] & 0x3F) << 6 | UInt32(bytes[i &+ 2] & 0x3F)
          default:
            v = (b0 & 0x07) << 18 | UInt32(bytes[i &+ 1] & 0x3F) << 12 | UInt32(bytes[i &+ 2] & 0x3F) << 6
              | UInt32(bytes[i &+ 3] & 0x3F)
          }
          i &+= len
          out[k] = Unicode.Scalar(v) ?? "\u{FFFD}"
          k &+= 1
        }
        count = k
      }
    }
  }

  /// A string from a slice of scalars (clamped to bounds).
  static func string(_ s: [Unicode.Scalar], _ r: Range<Int>) -> String {
    let lo = max(0, min(r.lowerBound, s.count)), hi = max(lo, min(r.upperBound, s.count))
    guard hi > lo else { return "" }
    // UTF-8 bytes first, into a buffer on the stack (at most 4 per scalar), then one copy into
    // the string. The bytes encode scalars, so they are valid UTF-8 by construction: the
    // string is built without the validation `String(unsafeUninitializedCapacity:)` or
    // `String(decoding:)` does (which cost several times the encoding for CJK text).
    return s.withUnsafeBufferPointer { src in
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: (hi - lo) &* 4) { buf in
        var n = 0
        var high: UInt32 = 0
        for k in lo..<hi {
          let v = src[k].value
          high |= v
          if v < 0x80 {
            buf[n] = UInt8(truncatingIfNeeded: v); n &+= 1
          } else if v < 0x800 {
            buf[n] = UInt8(truncatingIfNeeded: 0xC0 | (v >> 6)); buf[n &+ 1] = UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F)); n &+= 2
          } else if v < 0x10000 {
            buf[n] = UInt8(truncatingIfNeeded: 0xE0 | (v >> 12)); buf[n &+ 1] = UInt8(truncatingIfNeeded: 0x80 | ((v >> 6) & 0x3F))
            buf[n &+ 2] = UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F)); n &+= 3
          } else {
            buf[n] = UInt8(truncatingIfNeeded: 0xF0 | (v >> 18)); buf[n &+ 1] = UInt8(truncatingIfNeeded: 0x80 | ((v >> 12) & 0x3F))
            buf[n &+ 2] = UInt8(truncatingIfNeeded: 0x80 | ((v >> 6) & 0x3F)); buf[n &+ 3] = UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F)); n &+= 4
          }
        }
        return TrustedUTF8.string(UnsafeBufferPointer(rebasing: buf[0..<n]), isASCII: high < 0x80)
      }
    }
  }

  /// Whether `word` occurs in `s` starting at `i`.
  @inline(__always)
  static func has(_ s: [Unicode.Scalar], at i: Int, _ word: [Unicode.Scalar]) -> Bool {
    guard i >= 0, i + word.count <= s.count else { return false }
    for k in 0..<word.count where s[i + k] != word[k] { return false }
    return true
  }

  /// `has` for a word whose first scalar is known to be `s[i]` (a word list's group).
  @inline(__always)
  static func hasAfterFirst(_ s: [Unicode.Scalar], at i: Int, _ word: [Unicode.Scalar]) -> Bool {
    guard i >= 0, i + word.count <= s.count else { return false }
    var k = 1
    while k < word.count {
      if s[i &+ k] != word[k] { return false }
      k &+= 1
    }
    return true
  }

  /// Whether `word` ends exactly at `end` (exclusive).
  @inline(__always)
  static func hasEnding(_ s: [Unicode.Scalar], at end: Int, _ word: [Unicode.Scalar]) -> Bool {
    has(s, at: end - word.count, word)
  }

  /// First index ≥ `from` and < `to` where `word` starts, if any.
  static func find(_ s: [Unicode.Scalar], _ word: [Unicode.Scalar], from: Int, to: Int) -> Int? {
    guard !word.isEmpty else { return nil }
    let start = max(0, from)
    let last = min(to, s.count) - word.count
    guard start <= last else { return nil }
    let w0 = word[0].value
    let m = word.count
    // The first scalar looked for four positions at a time (one vector compare), through buffer
    // pointers: most positions of a long range hold no candidate at all.
    return s.withUnsafeBufferPointer { b -> Int? in
      word.withUnsafeBufferPointer { w -> Int? in
        let raw = UnsafeRawPointer(b.baseAddress!)
        let first = SIMD4<UInt32>(repeating: w0)
        var i = start
        while i <= last {
          if i &+ 3 <= last
            && !any(raw.loadUnaligned(fromByteOffset: i &* 4, as: SIMD4<UInt32>.self) .== first)
          {
            i &+= 4
            continue
          }
          if b[i].value == w0 {
            var k = 1
            while k < m && b[i &+ k] == w[k] { k &+= 1 }
            if k == m { return i }
          }
          i &+= 1
        }
        return nil
      }
    }
  }

  /// Whether any of `words` occurs in `s[r]`.
  static func contains(_ s: [Unicode.Scalar], _ r: Range<Int>, anyOf words: [[Unicode.Scalar]]) -> Bool {
    for w in words where find(s, w, from: r.lowerBound, to: r.upperBound) != nil { return true }
    return false
  }
}

/// A set of scalars tested without hashing: a bit per BMP scalar, a small set beyond.
struct ScalarBits: Sendable {
  private var bits = [UInt64](repeating: 0, count: 1024)
  private var astral: Set<UInt32> = []

  init<S: Sequence<Unicode.Scalar>>(_ scalars: S) {
    for c in scalars { insert(c) }
  }

  mutating func insert(_ c: Unicode.Scalar) {
    let v = c.value
    if v < 65536 { bits[Int(v >> 6)] |= 1 << UInt64(v & 63) } else { astral.insert(v) }
  }

  @inline(__always) func contains(_ c: Unicode.Scalar) -> Bool {
    let v = c.value
    if v < 65536 { return bits[Int(v >> 6)] & (1 << UInt64(v & 63)) != 0 }
    return astral.contains(v)
  }
}

/// A short list of words tested at a position in list order, with a bitset of first scalars so
/// most positions cost one bit test: for one-pass scans of a sentence.
struct WordSet: Sendable {
  let words: [[Unicode.Scalar]]
  private let firsts: ScalarBits
  /// The words grouped by first scalar (list order kept in each group): a position whose
  /// scalar starts some word is tested against those words only.
  private let slots: ScalarSlots
  private let groups: [[[Unicode.Scalar]]]

  init(_ list: [String]) {
    words = list.map(Scalars.of).filter { !$0.isEmpty }
    firsts = ScalarBits(words.compactMap(\.first))
    var slots = ScalarSlots(capacity: 16)
    var groups: [[[Unicode.Scalar]]] = []
    for w in words {
      let k = Int(slots.slot(inserting: w[0]))
      if k == groups.count { groups.append([]) }
      groups[k].append(w)
    }
    self.slots = slots
    self.groups = groups
  }

  /// The words of the list starting with `s[i]` (the caller tested the first-scalar bit).
  @inline(__always) private func group(_ c: Unicode.Scalar) -> [[Unicode.Scalar]]? {
    let k = slots.slot(c)
    return k < 0 ? nil : groups[Int(k)]
  }

  /// The first word of the list that starts at `i`.
  @inline(__always) func first(_ s: [Unicode.Scalar], at i: Int) -> [Unicode.Scalar]? {
    guard i >= 0, i < s.count, firsts.contains(s[i]), let g = group(s[i]) else { return nil }
    for w in g where Scalars.hasAfterFirst(s, at: i, w) { return w }
    return nil
  }

  /// Whether a word of the list starts at `i`.
  @inline(__always) func starts(_ s: [Unicode.Scalar], at i: Int) -> Bool { first(s, at: i) != nil }

  /// Whether a word of the list starts at `i` and ends by `end`.
  @inline(__always) func starts(_ s: [Unicode.Scalar], at i: Int, within end: Int) -> Bool {
    guard i >= 0, i < s.count, firsts.contains(s[i]), let g = group(s[i]) else { return false }
    for w in g where i + w.count <= end && Scalars.hasAfterFirst(s, at: i, w) { return true }
    return false
  }

  /// Whether a word of the list lies wholly inside `s[r]`.
  func occurs(in s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
    var i = max(0, r.lowerBound)
    let end = min(r.upperBound, s.count)
    while i < end {
      if firsts.contains(s[i]), let g = group(s[i]) {
        for w in g where i + w.count <= end && Scalars.hasAfterFirst(s, at: i, w) { return true }
      }
      i += 1
    }
    return false
  }
}

/// Scalars mapped to small slot numbers without `Hasher`: open addressing over a power-of-two
/// table with a multiplicative hash, so a lookup costs a multiply and a probe or two.
struct ScalarSlots: Sendable {
  private var keys: [UInt32]
  private var slots: [Int32]
  private var shift: UInt32
  private var mask: Int
  private(set) var count = 0

  init(capacity: Int) {
    var bits: UInt32 = 4
    while (1 << bits) < capacity * 2 { bits += 1 }
    keys = [UInt32](repeating: UInt32.max, count: 1 << bits)
    slots = [Int32](repeating: -1, count: 1 << bits)
    shift = 32 - bits
    mask = (1 << bits) - 1
  }

  @inline(__always) private func home(_ v: UInt32) -> Int { Int((v &* 0x9E37_79B1) >> shift) }

  /// The slot of `c`, or -1.
  @inline(__always) func slot(_ c: Unicode.Scalar) -> Int32 {
    let v = c.value
    var h = home(v)
    while true {
      let k = keys[h]
      if k == v { return slots[h] }
      if k == UInt32.max { return -1 }
      h = (h &+ 1) & mask
    }
  }

  /// The slot of `c`, given the next free number when `c` is new (the table never fills: it
  /// is sized for `capacity` keys and grows past that).
  mutating func slot(inserting c: Unicode.Scalar) -> Int32 {
    let existing = slot(c)
    if existing >= 0 { return existing }
    if (count + 1) * 2 > keys.count {
      var bigger = ScalarSlots(capacity: keys.count)
      for (k, s) in zip(keys, slots) where k != UInt32.max { bigger.put(k, s) }
      self = bigger
    }
    let s = Int32(count)
    put(c.value, s)
    return s
  }

  private mutating func put(_ v: UInt32, _ s: Int32) {
    var h = home(v)
    while keys[h] != UInt32.max { h = (h &+ 1) & mask }
    keys[h] = v
    slots[h] = s
    count += 1
  }
}

/// A word list matched by longest prefix at a position: candidates grouped by first (and by
/// last) scalar through hash-free slot tables, with bitsets so most positions are rejected
/// without any lookup.
struct WordList: Sendable {
  private var firstSlots = ScalarSlots(capacity: 16)
  private var lastSlots = ScalarSlots(capacity: 16)
  private var byFirst: [[[Unicode.Scalar]]] = []
  /// Per first-scalar group, the index in the list given to `init` of each word (same order).
  private var idsByFirst: [[Int]] = []
  private var byLast: [[[Unicode.Scalar]]] = []
  /// Per last-scalar group, beside each word: its length above bit 32 and its second-to-last
  /// scalar below (all ones for a one-scalar word), so most candidates are rejected on one
  /// load without reaching the word.
  private var byLastKeys: [[UInt64]] = []
  private var firsts = ScalarBits([])
  private var lasts = ScalarBits([])
  private(set) var words: Set<String> = []

  init(_ list: [String]) {
    for (id, w) in list.enumerated() {
      let sc = Array(w.unicodeScalars)
      guard let f = sc.first, let l = sc.last, !words.contains(w) else { continue }
      let fs = Int(firstSlots.slot(inserting: f))
      if fs == byFirst.count { byFirst.append([]); idsByFirst.append([]) }
      byFirst[fs].append(sc)
      idsByFirst[fs].append(id)
      let ls = Int(lastSlots.slot(inserting: l))
      if ls == byLast.count { byLast.append([]) }
      byLast[ls].append(sc)
      firsts.insert(f)
      lasts.insert(l)
      words.insert(w)
    }
    // longest first (stable, so the ids stay with their words)
    for k in byFirst.indices {
      let order = byFirst[k].indices.sorted { a, b in
        byFirst[k][a].count != byFirst[k][b].count ? byFirst[k][a].count > byFirst[k][b].count : a < b
      }
      byFirst[k] = order.map { byFirst[k][$0] }
      idsByFirst[k] = order.map { idsByFirst[k][$0] }
    }
    for k in byLast.indices { byLast[k].sort { $0.count > $1.count } }
    byLastKeys = byLast.map { group in
      group.map { w in UInt64(w.count) << 32 | UInt64(w.count >= 2 ? w[w.count - 2].value : UInt32.max) }
    }
  }

  /// Whether some word of the list starts with `c` (a bit test: the cheap first filter).
  @inline(__always) func mayStart(with c: Unicode.Scalar) -> Bool { firsts.contains(c) }

  /// Length of the longest word starting at `i`, or 0.
  @inline(__always) func match(_ s: [Unicode.Scalar], at i: Int) -> Int {
    guard i >= 0, i < s.count, firsts.contains(s[i]) else { return 0 }
    return matchCandidates(s, at: i)
  }

  private func matchCandidates(_ s: [Unicode.Scalar], at i: Int) -> Int {
    let k = firstSlots.slot(s[i])
    guard k >= 0 else { return 0 }
    for w in byFirst[Int(k)] where Scalars.hasAfterFirst(s, at: i, w) { return w.count }
    return 0
  }

  /// The longest word starting at `i` as its length and its index in the list given to `init`
  /// (the first index of a word listed twice); nil when none starts there.
  @inline(__always) func matchWithIndex(_ s: [Unicode.Scalar], at i: Int) -> (length: Int, index: Int)? {
    guard i >= 0, i < s.count, firsts.contains(s[i]) else { return nil }
    let k = firstSlots.slot(s[i])
    guard k >= 0 else { return nil }
    let group = byFirst[Int(k)]
    for j in group.indices where Scalars.hasAfterFirst(s, at: i, group[j]) { return (group[j].count, idsByFirst[Int(k)][j]) }
    return nil
  }

  /// Length of the longest word (at most `maxLength`) ending exactly at `end`, or 0.
  @inline(__always) func matchEnding(_ s: [Unicode.Scalar], at end: Int, maxLength: Int = 8) -> Int {
    guard end >= 1, end <= s.count, lasts.contains(s[end - 1]) else { return 0 }
    return matchEndingCandidates(s, at: end, maxLength: maxLength)
  }

  private func matchEndingCandidates(_ s: [Unicode.Scalar], at end: Int, maxLength: Int) -> Int {
    let k = lastSlots.slot(s[end - 1])
    guard k >= 0 else { return 0 }
    // (compared from the end: the last scalar is known equal, and most candidates differ in
    // the one before it, which the keys hold)
    let pen: UInt32 = end >= 2 ? s[end - 2].value : UInt32.max
    let keys = byLastKeys[Int(k)]
    for j in keys.indices {
      let key = keys[j]
      let p = UInt32(truncatingIfNeeded: key)
      guard p == pen || p == UInt32.max else { continue }
      let n = Int(key >> 32)
      guard n <= maxLength && end - n >= 0 else { continue }
      if n <= 2 { return n }
      let w = byLast[Int(k)][j]
      var i = n - 3
      var at = end - 3
      while i >= 0 && s[at] == w[i] { i -= 1; at -= 1 }
      if i < 0 { return n }
    }
    return 0
  }

  /// Whether a word of exactly `length` scalars starts at `i`.
  func matches(_ s: [Unicode.Scalar], at i: Int, length: Int) -> Bool {
    guard i >= 0, i < s.count, firsts.contains(s[i]) else { return false }
    let k = firstSlots.slot(s[i])
    guard k >= 0 else { return false }
    for w in byFirst[Int(k)] where w.count == length && Scalars.has(s, at: i, w) { return true }
    return false
  }

  func contains(_ w: String) -> Bool { words.contains(w) }
}

/// A string hashed and compared by its UTF-8 bytes. `String`'s own hashing and comparison
/// normalise non-ASCII text to NFC (for Chinese keys that costs far more than the look-up); the
/// extractor's strings come from normalised text or from the gazetteer's tables, so equal words
/// have equal bytes. Only a Latin name written once with a decomposed accent and once precomposed
/// (the normaliser does not compose to NFC) stays two keys, as the store keeps them two values.
struct Utf8Key: Hashable, Sendable {
  let string: String

  init(_ string: String) { self.string = string }

  func hash(into hasher: inout Hasher) {
    if let done: Void = string.utf8.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) {
      return done
    }
    for b in string.utf8 { hasher.combine(b) }
  }

  static func == (a: Utf8Key, b: Utf8Key) -> Bool { Scalars.sameBytes(a.string, b.string) }
}

extension Scalars {
  /// Whether two strings have the same UTF-8 bytes (no Unicode normalisation).
  static func sameBytes(_ a: String, _ b: String) -> Bool {
    guard a.utf8.count == b.utf8.count else { return false }
    if let r = a.utf8.withContiguousStorageIfAvailable({ x in
      b.utf8.withContiguousStorageIfAvailable { y in
        for k in 0..<x.count where x[k] != y[k] { return false }
        return true
      }
    }), let same = r {
      return same
    }
    return a.utf8.elementsEqual(b.utf8)
  }

  /// Whether two optional strings are both nil or have the same UTF-8 bytes.
  static func sameBytes(_ a: String?, _ b: String?) -> Bool {
    switch (a, b) {
    case (nil, nil): return true
    case let (x?, y?): return sameBytes(x, y)
    default: return false
    }
  }

  /// Whether `s[r]` (clamped) ends with `word`.
  @inline(__always)
  static func hasSuffix(_ s: [Unicode.Scalar], _ r: Range<Int>, _ word: [Unicode.Scalar]) -> Bool {
    r.count >= word.count && hasEnding(s, at: r.upperBound, word)
  }

  /// Whether `s[r]` starts with `word`.
  @inline(__always)
  static func hasPrefix(_ s: [Unicode.Scalar], _ r: Range<Int>, _ word: [Unicode.Scalar]) -> Bool {
    r.count >= word.count && has(s, at: r.lowerBound, word)
  }
}

/// A place hashed and compared by the UTF-8 bytes of its fields (see `Utf8Key`).
struct PlaceKey: Hashable {
  let ref: PlaceRef

  func hash(into hasher: inout Hasher) {
    hasher.combine(Utf8Key(ref.code ?? ref.name))
    hasher.combine(ref.level)
  }

  static func == (a: PlaceKey, b: PlaceKey) -> Bool {
    let x = a.ref, y = b.ref
    return x.level == y.level && Scalars.sameBytes(x.code, y.code) && Scalars.sameBytes(x.name, y.name)
      && Scalars.sameBytes(x.country, y.country) && Scalars.sameBytes(x.province, y.province)
      && Scalars.sameBytes(x.city, y.city) && Scalars.sameBytes(x.county, y.county)
  }
}

/// Texts of one document, given as scalar ranges of it, numbered in the order they were added
/// and found again by their scalars: a rule that keys its facts by a name compares the
/// document's scalars instead of making (and hashing) the name's string for every candidate.
/// A short list is searched in order; past 32 texts a table by hash of the scalars takes over.
struct ScalarRangeIndex {
  private var ranges: [Range<Int>] = []
  private var byHash: [UInt64: [Int]] = [:]

  /// How many texts were added.
  var count: Int { ranges.count }

  /// FNV-1a over the scalar values of `s[r]`.
  private static func hash(_ s: [Unicode.Scalar], _ r: Range<Int>) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for k in r { h = (h ^ UInt64(s[k].value)) &* 0x100_0000_01b3 }
    return h
  }

  @inline(__always)
  private static func same(_ s: [Unicode.Scalar], _ a: Range<Int>, _ b: Range<Int>) -> Bool {
    guard a.count == b.count else { return false }
    var i = a.lowerBound, j = b.lowerBound
    while i < a.upperBound {
      if s[i] != s[j] { return false }
      i &+= 1; j &+= 1
    }
    return true
  }

  /// The number of the text added earlier whose scalars equal `s[r]`, or nil.
  func find(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Int? {
    if ranges.count <= 32 {
      for k in ranges.indices where Self.same(s, ranges[k], r) { return k }
      return nil
    }
    guard let ks = byHash[Self.hash(s, r)] else { return nil }
    for k in ks where Self.same(s, ranges[k], r) { return k }
    return nil
  }

  /// Adds `s[r]` (not found before) as number `count`.
  mutating func add(_ s: [Unicode.Scalar], _ r: Range<Int>) {
    ranges.append(r)
    if ranges.count > 32 {
      if byHash.isEmpty {
        for (k, x) in ranges.enumerated() { byHash[Self.hash(s, x), default: []].append(k) }
      } else {
        byHash[Self.hash(s, r), default: []].append(ranges.count - 1)
      }
    }
  }
}
