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

  /// A string from a slice of scalars (clamped to bounds).
  static func string(_ s: [Unicode.Scalar], _ r: Range<Int>) -> String {
    let lo = max(0, min(r.lowerBound, s.count)), hi = max(lo, min(r.upperBound, s.count))
    guard hi > lo else { return "" }
    // UTF-8 bytes first: much faster than appending scalars to a String one by one
    return String(unsafeUninitializedCapacity: (hi - lo) * 4) { buf in
      var n = 0
      for k in lo..<hi {
        let v = s[k].value
        if v < 0x80 {
          buf[n] = UInt8(v); n += 1
        } else if v < 0x800 {
          buf[n] = UInt8(0xC0 | (v >> 6)); buf[n + 1] = UInt8(0x80 | (v & 0x3F)); n += 2
        } else if v < 0x10000 {
          buf[n] = UInt8(0xE0 | (v >> 12)); buf[n + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
          buf[n + 2] = UInt8(0x80 | (v & 0x3F)); n += 3
        } else {
          buf[n] = UInt8(0xF0 | (v >> 18)); buf[n + 1] = UInt8(0x80 | ((v >> 12) & 0x3F))
          buf[n + 2] = UInt8(0x80 | ((v >> 6) & 0x3F)); buf[n + 3] = UInt8(0x80 | (v & 0x3F)); n += 4
        }
      }
      return n
    }
  }

  /// Whether `word` occurs in `s` starting at `i`.
  @inline(__always)
  static func has(_ s: [Unicode.Scalar], at i: Int, _ word: [Unicode.Scalar]) -> Bool {
    guard i >= 0, i + word.count <= s.count else { return false }
    for k in 0..<word.count where s[i + k] != word[k] { return false }
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
    var i = max(0, from)
    let last = min(to, s.count) - word.count
    while i <= last {
      if s[i] == word[0] && has(s, at: i, word) { return i }
      i += 1
    }
    return nil
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

/// A word list matched by longest prefix at a position: a tiny trie keyed by first scalar,
/// with bitsets of first and last scalars so most positions are rejected without hashing.
struct WordList: Sendable {
  private var byFirst: [Unicode.Scalar: [[Unicode.Scalar]]] = [:]
  private var byLast: [Unicode.Scalar: [[Unicode.Scalar]]] = [:]
  private var firsts = ScalarBits([])
  private var lasts = ScalarBits([])
  private(set) var words: Set<String> = []

  init(_ list: [String]) {
    for w in list {
      let sc = Array(w.unicodeScalars)
      guard let f = sc.first, let l = sc.last, !words.contains(w) else { continue }
      byFirst[f, default: []].append(sc)
      byLast[l, default: []].append(sc)
      firsts.insert(f)
      lasts.insert(l)
      words.insert(w)
    }
    for k in byFirst.keys { byFirst[k]?.sort { $0.count > $1.count } }
    for k in byLast.keys { byLast[k]?.sort { $0.count > $1.count } }
  }

  /// Length of the longest word starting at `i`, or 0.
  func match(_ s: [Unicode.Scalar], at i: Int) -> Int {
    guard i >= 0, i < s.count, firsts.contains(s[i]), let cands = byFirst[s[i]] else { return 0 }
    for w in cands where Scalars.has(s, at: i, w) { return w.count }
    return 0
  }

  /// Length of the longest word (at most `maxLength`) ending exactly at `end`, or 0.
  func matchEnding(_ s: [Unicode.Scalar], at end: Int, maxLength: Int = 8) -> Int {
    guard end >= 1, end <= s.count, lasts.contains(s[end - 1]), let cands = byLast[s[end - 1]] else { return 0 }
    for w in cands where w.count <= maxLength && end - w.count >= 0 && Scalars.has(s, at: end - w.count, w) { return w.count }
    return 0
  }

  /// Whether a word of exactly `length` scalars starts at `i`.
  func matches(_ s: [Unicode.Scalar], at i: Int, length: Int) -> Bool {
    guard i >= 0, i < s.count, firsts.contains(s[i]), let cands = byFirst[s[i]] else { return false }
    for w in cands where w.count == length && Scalars.has(s, at: i, w) { return true }
    return false
  }

  func contains(_ w: String) -> Bool { words.contains(w) }
}
