/// The pinyin table: static tables in `PinyinData.swift` (written by
/// `scripts/gen_text_tables.py`), read in place, so nothing is parsed or built at start-up.
final class PinyinTable: Sendable {
  static let shared = PinyinTable()

  /// Bytes per record of `pinyinSyllableTable`: six letters, tone, two rank digits.
  static let recordSize = 9

  /// Number of syllable indices (index 0 included).
  static var syllableCount: Int { pinyinSyllableTable.utf8CodeUnitCount / recordSize }

  @inline(__always)
  static func record(_ k: Int) -> UnsafePointer<UInt8> { pinyinSyllableTable.utf8Start + recordSize * k }

  /// Toneless syllables (ASCII, `ü` as `v`) by syllable index; index 0 is "".
  struct Toneless: RandomAccessCollection, Sendable {
    var startIndex: Int { 0 }
    var endIndex: Int { PinyinTable.syllableCount }
    subscript(k: Int) -> String {
      let p = PinyinTable.record(k)
      var n = 0
      while n < 6 && p[n] != UInt8(ascii: ".") { n += 1 }
      return String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
    }
  }

  /// Rank of the toneless syllable in alphabetical order (1-based) by syllable index.
  struct Ranks: Sendable {
    @inline(__always) subscript(k: Int) -> UInt16 {
      let p = PinyinTable.record(k)
      return UInt16(p[7] &- 48) << 6 | UInt16(p[8] &- 48)
    }
  }

  /// Tone 1…5 by syllable index (0 for index 0).
  struct Tones: Sendable {
    @inline(__always) subscript(k: Int) -> UInt8 { PinyinTable.record(k)[6] &- 48 }
  }

  let toneless = Toneless()
  let rank = Ranks()
  let tone = Tones()

  private init() {}

  /// Syllable index of the first reading of `v`, 0 when none.
  @inline(__always)
  func syllable(_ v: UInt32) -> Int {
    guard v >= pinyinIndexBase else { return 0 }
    let k = Int(v &- pinyinIndexBase)
    guard k < pinyinIndexTable.utf8CodeUnitCount / 2 else { return 0 }
    let p = pinyinIndexTable.utf8Start + 2 * k
    return Int(p[0] &- 48) << 6 | Int(p[1] &- 48)
  }

  /// Whether `syllable` (ASCII, toneless, `v` for ü) is a known syllable: binary search over
  /// the table, which is sorted by toneless syllable.
  func isSyllable(_ syllable: String) -> Bool {
    let key = Array(syllable.utf8)
    guard !key.isEmpty, key.count <= 6 else { return false }
    let base = pinyinSyllableTable.utf8Start
    var lo = 1
    var hi = pinyinSyllableTable.utf8CodeUnitCount / Self.recordSize
    while lo < hi {
      let mid = (lo + hi) >> 1
      let p = base + Self.recordSize * mid
      var c = 0
      var k = 0
      while true {
        let a: Int = k < 6 && p[k] != UInt8(ascii: ".") ? Int(p[k]) : -1
        let b: Int = k < key.count ? Int(key[k]) : -1
        if a != b { c = a < b ? -1 : 1; break }
        if a < 0 { break }
        k += 1
      }
      if c == 0 { return true }
      if c < 0 { lo = mid + 1 } else { hi = mid }
    }
    return false
  }
}
