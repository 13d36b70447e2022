import Testing
@testable import NewsText

/// The static pinyin tables hold exactly what the readable tables (`pinyinSyllableData`,
/// `pinyinReadingData`) say: if one is regenerated without the other, these fail.
@Suite struct PinyinTableTests {
  /// The readable syllable list: (toneless, tone) by syllable index, index 0 empty.
  func syllables() -> [(String, UInt8)] {
    var out: [(String, UInt8)] = [("", 0)]
    for word in pinyinSyllableData.split(separator: " ") {
      out.append((String(word.dropLast()), UInt8(String(word.last!))!))
    }
    return out
  }

  @Test func syllablesToneAndRankMatchTheReadableList() {
    let t = PinyinTable.shared
    let list = syllables()
    #expect(t.toneless.count == list.count)
    #expect(list.count > 1_000)
    var rank: UInt16 = 0
    var last = ""
    for (k, (syl, tone)) in list.enumerated() where k > 0 {
      if syl != last { rank += 1; last = syl }
      #expect(t.toneless[k] == syl, "\(k)")
      #expect(t.tone[k] == tone, "\(k)")
      #expect(t.rank[k] == rank, "\(k)")
      #expect(t.isSyllable(syl), "\(syl)")
    }
    for s in ["", "x", "zhuangg", "qv", "abc", "ZHONG", "zhon"] { #expect(!t.isSyllable(s), "\(s)") }
  }

  @Test func everyCodePointReadsAsTheReadableTable() {
    let t = PinyinTable.shared
    var expected: [UInt32: Int] = [:]
    func digit(_ c: UInt8) -> Int {
      switch c {
      case 0x30...0x39: return Int(c) - 0x30
      case 0x41...0x5A: return Int(c) - 0x41 + 10
      case 0x61...0x7A: return Int(c) - 0x61 + 36
      case 0x2D: return 62
      default: return 63
      }
    }
    for line in pinyinReadingData.split(separator: "\n") {
      let parts = line.split(separator: ":")
      guard parts.count == 2, let start = UInt32(parts[0], radix: 16) else { continue }
      let b = Array(parts[1].utf8)
      var k = 0
      while k + 1 < b.count {
        let v = digit(b[k]) << 6 | digit(b[k + 1])
        if v != 0 { expected[start + UInt32(k / 2)] = v }
        k += 2
      }
    }
    #expect(expected.count > 20_000)
    for v in UInt32(0)..<0x11000 { #expect(t.syllable(v) == (expected[v] ?? 0), "U+\(String(v, radix: 16))") }
    #expect(Pinyin.syllables("临汾市") == ["lin", "fen", "shi"])
  }
}
