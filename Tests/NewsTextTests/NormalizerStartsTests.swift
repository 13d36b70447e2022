import Testing
import NewsText

/// `Normalizer.normalizeWithUTF8Starts`: the same normalised text as `normalize`, and the UTF-8
/// offset of every original scalar, checked against the standard library's own views.
@Suite struct NormalizerStartsTests {
  /// UTF-8 offset of each scalar of `text`, and the byte count at the end, from `String`'s views.
  static func referenceStarts(_ text: String) -> [Int] {
    var out: [Int] = []
    var offset = 0
    for u in text.unicodeScalars {
      out.append(offset)
      offset += String(u).utf8.count
    }
    out.append(offset)
    return out
  }

  static let mixed = [
    "",
    "a",
    "é\u{301}x",
    "臺灣質(zhì)量\r\n第 60 位，  增长 1 4%。",
    "𠀀𪚥 emoji 😀 and ＡＢＣ１２３\u{200B}\u{3000}end",
    "新华社北京5月1日电（记者 王五）\n\n**重点**项目\t开工, 投资\"100\"亿元!",
  ]

  @Test func startsAreEachOriginalScalarsUTF8Offset() {
    for text in Seeds.all + Self.mixed {
      let (n, starts) = Normalizer.normalizeWithUTF8Starts(text)
      #expect(starts == Self.referenceStarts(text))
      #expect(starts.count == n.originalCount + 1)
    }
  }

  @Test func textAndMapAreThoseOfNormalize() {
    for text in Seeds.all + Self.mixed {
      let plain = Normalizer.normalize(text)
      let (n, _) = Normalizer.normalizeWithUTF8Starts(text)
      #expect(n.scalars == plain.scalars)
      #expect(n.originalCount == plain.originalCount)
      for i in 0...n.count { #expect(n.originalOffset(i) == plain.originalOffset(i)) }
    }
  }

  @Test func startsCutTheOriginalAtScalarBoundaries() {
    let text = "臺灣 2024年，質量😀好"
    let (n, starts) = Normalizer.normalizeWithUTF8Starts(text)
    let bytes = Array(text.utf8)
    let scalars = Array(text.unicodeScalars)
    for i in 0..<n.originalCount {
      let piece = String(decoding: bytes[starts[i]..<starts[i + 1]], as: UTF8.self)
      #expect(piece == String(scalars[i]))
    }
  }
}
