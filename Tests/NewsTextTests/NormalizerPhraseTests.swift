@testable import NewsText
import Testing

/// Traditional phrases (OpenCC t2s) in the normaliser's first pass: the dictionary is searched
/// only where a phrase's first two scalars stand, which must find every phrase it found before.
@Suite struct NormalizerPhraseTests {
  /// Every phrase of the dictionary, whose replacement differs from converting it character by
  /// character, normalised on its own, after text and before text, becomes its replacement.
  @Test func everyPhraseIsReplacedWhereverItStands() {
    let table = TraditionalTable.shared
    var checked = 0
    for (_, list) in TraditionalPhrases.shared.phrases {
      for c in list where c.from.count == c.to.count && c.from.count >= 2 {
        let from = String(String.UnicodeScalarView(c.from))
        let to = String(String.UnicodeScalarView(c.to))
        let byCharacter = String(String.UnicodeScalarView(c.from.map { u in
          table.simplified(u.value).flatMap(Unicode.Scalar.init) ?? u
        }))
        guard byCharacter != to else { continue }
        for (text, expected) in [(from, to), ("。" + from, "。" + to), (from + "。", to + "。")] {
          let n = Normalizer.normalize(text)
          #expect(n.string == expected, "\(from)")
        }
        checked += 1
        if checked >= 400 { return }
      }
    }
    #expect(checked > 0)
  }

  /// The second-scalar bits hold the second scalar of every phrase.
  @Test func secondScalarsOfEveryPhraseAreMarked() {
    for (_, list) in TraditionalPhrases.shared.phrases {
      for c in list {
        #expect(Normalizer.mayContinuePhrase(c.from[1].value, Normalizer.phraseSeconds))
      }
    }
  }
}
