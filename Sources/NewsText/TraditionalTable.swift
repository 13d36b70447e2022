/// The parsed OpenCC t2s character table, built once on first use from `TraditionalData.swift`.
/// Folding a statement's literal needs only this; the phrase table (`TraditionalPhrases`) is
/// built separately, on first use by the normaliser, so start-up does not pay for it.
final class TraditionalTable: Sendable {
  static let shared = TraditionalTable()

  /// Direct map for the BMP ideograph area U+3400…U+9FFF: simplified value, 0 where unchanged.
  let bmp: [UInt32]
  /// Everything else (compatibility ideographs, other planes).
  let other: [UInt32: UInt32]
  /// Bit per BMP scalar outside the direct map: is it a key of `other`? (Chinese punctuation
  /// is common and never one: a bit test instead of a hashed look-up.)
  let otherBits: [UInt64]

  static let bmpBase: UInt32 = 0x3400
  static let bmpEnd: UInt32 = 0xA000

  private init() {
    var bmp = [UInt32](repeating: 0, count: Int(Self.bmpEnd - Self.bmpBase))
    var other: [UInt32: UInt32] = [:]
    var pending: UInt32 = 0
    for u in traditionalCharacterData.unicodeScalars where u.value != 0x0A {
      if pending == 0 {
        pending = u.value
        continue
      }
      if pending != u.value {
        if pending >= Self.bmpBase && pending < Self.bmpEnd {
          bmp[Int(pending - Self.bmpBase)] = u.value
        } else {
          other[pending] = u.value
        }
      }
      pending = 0
    }
    self.bmp = bmp
    self.other = other
    var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
    for key in other.keys where key < 0x10000 { bits[Int(key >> 6)] |= 1 << UInt64(key & 63) }
    self.otherBits = bits
  }

  /// The simplified form of a traditional scalar, or nil when it has none.
  @inline(__always)
  func simplified(_ v: UInt32) -> UInt32? {
    if v >= Self.bmpBase && v < Self.bmpEnd {
      let s = bmp[Int(v &- Self.bmpBase)]
      return s == 0 ? nil : s
    }
    if v < 0x2E80 { return nil }
    if v < 0x10000 && otherBits[Int(v >> 6)] & (1 << UInt64(v & 63)) == 0 { return nil }
    return other[v]
  }
}

/// OpenCC's t2s phrases (TSPhrases), where the character map would choose wrongly.
final class TraditionalPhrases: Sendable {
  static let shared = TraditionalPhrases()

  /// Bit per BMP scalar: does some phrase start with it?
  let phraseStarts: [UInt64]
  /// Phrases by first scalar, longest first.
  let phrases: [UInt32: [(from: [Unicode.Scalar], to: [Unicode.Scalar])]]

  private init() {
    var phrases: [UInt32: [(from: [Unicode.Scalar], to: [Unicode.Scalar])]] = [:]
    for line in traditionalPhraseData.split(separator: "\n") {
      let parts = line.split(separator: "\t")
      guard parts.count == 2 else { continue }
      let from = Array(parts[0].unicodeScalars)
      let to = Array(parts[1].unicodeScalars)
      guard let first = from.first, from.count >= 2 else { continue }
      phrases[first.value, default: []].append((from, to))
    }
    for key in phrases.keys {
      phrases[key]?.sort { $0.from.count > $1.from.count }
    }
    self.phrases = phrases
    var starts = [UInt64](repeating: 0, count: 0x10000 / 64)
    for key in phrases.keys where key < 0x10000 { starts[Int(key >> 6)] |= 1 << UInt64(key & 63) }
    self.phraseStarts = starts
  }

  /// Whether a phrase may start with `v` (cheap test before the dictionary).
  @inline(__always)
  func mayStartPhrase(_ v: UInt32) -> Bool {
    if v >= 0x10000 { return phrases[v] != nil }
    return phraseStarts[Int(v >> 6)] & (1 << UInt64(v & 63)) != 0
  }


  /// The phrase (and its replacement) starting at `i` in `scalars`, longest match, if any.
  func phrase<C: RandomAccessCollection>(in scalars: C, at i: C.Index) -> (length: Int, to: [Unicode.Scalar])?
  where C.Element == Unicode.Scalar {
    guard let candidates = phrases[scalars[i].value] else { return nil }
    let available = scalars.distance(from: i, to: scalars.endIndex)
    for c in candidates where c.from.count <= available {
      var j = i
      var ok = true
      for u in c.from {
        if scalars[j] != u { ok = false; break }
        j = scalars.index(after: j)
      }
      if ok { return (c.from.count, c.to) }
    }
    return nil
  }
}
