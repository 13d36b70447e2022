/// The parsed pinyin table, built once on first use from `PinyinData.swift`.
final class PinyinTable: Sendable {
  static let shared = PinyinTable()

  /// Toneless syllables (ASCII, `ü` as `v`) by syllable index; index 0 is "".
  let toneless: [String]
  /// All toneless syllables.
  let known: Set<String>
  /// Rank of the toneless syllable in alphabetical order (1-based) by syllable index.
  let rank: [UInt16]
  /// Tone 1…5 by syllable index.
  let tone: [UInt8]
  /// First code point covered by `index`.
  let base: UInt32
  /// Syllable index per code point from `base` (0 = no reading).
  let index: [UInt16]

  private init() {
    var toneless: [String] = [""]
    var rank: [UInt16] = [0]
    var tone: [UInt8] = [0]
    var last = ""
    var r: UInt16 = 0
    for word in pinyinSyllableData.split(separator: " ") {
      let bytes = Array(word.utf8)
      guard let t = bytes.last, t >= 0x31, t <= 0x35 else { continue }
      let syllable = String(decoding: bytes.dropLast(), as: UTF8.self)
      if syllable != last { r &+= 1; last = syllable }
      toneless.append(syllable)
      rank.append(r)
      tone.append(t - 0x30)
    }
    self.toneless = toneless
    self.known = Set(toneless.dropFirst())
    self.rank = rank
    self.tone = tone

    // Lines: "HHHH:" + two base-64 digits per code point.
    var entries: [(UInt32, [UInt16])] = []
    var lo = UInt32.max
    var hi: UInt32 = 0
    for line in pinyinReadingData.utf8.split(separator: 0x0A) {
      guard line.count > 5 else { continue }
      var start: UInt32 = 0
      var it = line.startIndex
      while it < line.endIndex, line[it] != 0x3A {
        start = start &* 16 &+ UInt32(Self.hex(line[it]))
        it = line.index(after: it)
      }
      it = line.index(after: it)
      var values: [UInt16] = []
      while it < line.endIndex {
        let a = line[it]
        it = line.index(after: it)
        guard it < line.endIndex else { break }
        let b = line[it]
        it = line.index(after: it)
        values.append(UInt16(Self.digit(a)) << 6 | UInt16(Self.digit(b)))
      }
      lo = min(lo, start)
      hi = max(hi, start &+ UInt32(values.count))
      entries.append((start, values))
    }
    if lo > hi { lo = 0; hi = 0 }
    var index = [UInt16](repeating: 0, count: Int(hi - lo))
    for (start, values) in entries {
      for (k, v) in values.enumerated() { index[Int(start - lo) + k] = v }
    }
    self.base = lo
    self.index = index
  }

  private static func hex(_ c: UInt8) -> UInt8 {
    switch c {
    case 0x30...0x39: return c - 0x30
    case 0x41...0x46: return c - 0x41 + 10
    case 0x61...0x66: return c - 0x61 + 10
    default: return 0
    }
  }

  private static func digit(_ c: UInt8) -> UInt8 {
    switch c {
    case 0x30...0x39: return c - 0x30
    case 0x41...0x5A: return c - 0x41 + 10
    case 0x61...0x7A: return c - 0x61 + 36
    case 0x2D: return 62
    default: return 63
    }
  }

  /// Syllable index of the first reading of `v`, 0 when none.
  @inline(__always)
  func syllable(_ v: UInt32) -> Int {
    guard v >= base else { return 0 }
    let k = Int(v &- base)
    guard k < index.count else { return 0 }
    return Int(index[k])
  }

  /// Whether `syllable` (ASCII, toneless, `v` for ü) is a known syllable.
  func isSyllable(_ syllable: String) -> Bool { known.contains(syllable) }
}
