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
    var out = String()
    out.unicodeScalars.append(contentsOf: s[lo..<hi])
    return out
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

/// A word list matched by longest prefix at a position: a tiny trie keyed by first scalar.
struct WordList: Sendable {
  private var byFirst: [Unicode.Scalar: [[Unicode.Scalar]]] = [:]
  private(set) var words: Set<String> = []

  init(_ list: [String]) {
    for w in list {
      let sc = Array(w.unicodeScalars)
      guard let f = sc.first else { continue }
      byFirst[f, default: []].append(sc)
      words.insert(w)
    }
    for k in byFirst.keys { byFirst[k]?.sort { $0.count > $1.count } }
  }

  /// Length of the longest word starting at `i`, or 0.
  func match(_ s: [Unicode.Scalar], at i: Int) -> Int {
    guard i >= 0, i < s.count, let cands = byFirst[s[i]] else { return 0 }
    for w in cands where Scalars.has(s, at: i, w) { return w.count }
    return 0
  }

  /// Length of the longest word ending exactly at `end`, or 0.
  func matchEnding(_ s: [Unicode.Scalar], at end: Int, maxLength: Int = 8) -> Int {
    var best = 0
    var len = 1
    while len <= maxLength && end - len >= 0 {
      if matches(s, at: end - len, length: len) { best = len }
      len += 1
    }
    return best
  }

  /// Whether a word of exactly `length` scalars starts at `i`.
  func matches(_ s: [Unicode.Scalar], at i: Int, length: Int) -> Bool {
    guard i >= 0, i < s.count, let cands = byFirst[s[i]] else { return false }
    for w in cands where w.count == length && Scalars.has(s, at: i, w) { return true }
    return false
  }

  func contains(_ w: String) -> Bool { words.contains(w) }
}
