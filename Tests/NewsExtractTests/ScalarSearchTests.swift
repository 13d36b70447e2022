@testable import NewsExtract
import Testing

/// `Scalars.find` (first scalar tested four positions at a time) and `Scalars.string` (UTF-8
/// built without re-validation) against plain reference versions, on every range of small
/// texts so that each alignment of the vector steps and every UTF-8 length are hit.
@Suite struct ScalarSearchTests {
  /// First index in `from..<to` where `word` starts and ends by `to` (or the end), position by position.
  static func naiveFind(_ s: [Unicode.Scalar], _ word: [Unicode.Scalar], from: Int, to: Int) -> Int? {
    guard !word.isEmpty else { return nil }
    let end = min(to, s.count)
    var i = max(0, from)
    while i + word.count <= end {
      if Array(s[i..<(i + word.count)]) == word { return i }
      i += 1
    }
    return nil
  }

  static let texts: [[Unicode.Scalar]] = [
    "会议会议召开会议，会。会议",
    "项目项项目目项目",
    "aaaaaaaaab",
    "县县县县县县县县县县县县县市",
    "𠀀a県é𠀀𠀀 项目",
  ].map { Array($0.unicodeScalars) }

  static let words: [[Unicode.Scalar]] = ["会议", "会", "项目", "项目目", "ab", "a", "县市", "𠀀𠀀", "市", "议召", "无"]
    .map { Array($0.unicodeScalars) }

  @Test func findAgreesWithAPositionByPositionSearch() {
    for s in Self.texts {
      for w in Self.words {
        for from in -1...(s.count + 1) {
          for to in from...(s.count + 2) {
            #expect(Scalars.find(s, w, from: from, to: to) == Self.naiveFind(s, w, from: from, to: to))
          }
        }
      }
    }
  }

  @Test func findOfNothingIsNil() {
    #expect(Scalars.find(Self.texts[0], [], from: 0, to: 10) == nil)
    #expect(Scalars.find([], Self.words[0], from: 0, to: 10) == nil)
  }

  @Test func stringIsTheScalarsOfItsRange() {
    let s = Array("a é 県 𠀀 ¢€😀 x".unicodeScalars)
    for lo in -1...(s.count + 1) {
      for hi in lo...(s.count + 2) {
        let a = max(0, min(lo, s.count)), b = max(a, min(hi, s.count))
        var view = String.UnicodeScalarView()
        view.append(contentsOf: s[a..<b])
        let built = Scalars.string(s, lo..<hi)
        #expect(built == String(view))
        #expect(Array(built.utf8) == Array(String(view).utf8))
      }
    }
  }

  @Test func longStringsAreWholeAndEqualToTheirDecodedBytes() {
    let text = String(repeating: "会议在县政府召开，投资100亿元😀。", count: 40)
    let s = Array(text.unicodeScalars)
    let built = Scalars.string(s, 0..<s.count)
    #expect(built == text)
    #expect(built.utf8.count == text.utf8.count)
    #expect(Scalars.string(s, 3..<5) == "县政")
  }
}
