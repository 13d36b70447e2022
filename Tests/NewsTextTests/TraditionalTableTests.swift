import Testing
@testable import NewsText

/// The 繁→简 character table as the normaliser and folding use it: every pair of OpenCC's
/// TSCharacters (first candidate) converts, alone and inside text.
@Suite struct TraditionalTableTests {
  /// The (traditional, simplified) pairs of the embedded table that differ.
  static let pairs: [(Unicode.Scalar, Unicode.Scalar)] = {
    var out: [(Unicode.Scalar, Unicode.Scalar)] = []
    var pending: Unicode.Scalar? = nil
    for u in traditionalCharacterData.unicodeScalars where u != "\n" {
      if let t = pending {
        if t != u { out.append((t, u)) }
        pending = nil
      } else {
        pending = u
      }
    }
    return out
  }()

  @Test func everyPairOfTheTableConverts() {
    #expect(Self.pairs.count > 3000)
    var wrong: [String] = []
    for (t, s) in Self.pairs {
      let text = String(String.UnicodeScalarView([t]))
      let n = Normalizer.normalize("甲" + text + "乙").string
      if n != "甲" + String(String.UnicodeScalarView([s])) + "乙" || Fold.fold(t) != s || Simplified.simplify(t) != s {
        wrong.append(text + "→" + n)
      }
    }
    #expect(wrong.isEmpty, "not converted: \(wrong.prefix(20))")
  }

  /// 軒 and 碼 (a differential test reported them kept) are keys of TSCharacters: they convert.
  @Test func xuanAndMaConvertInText() {
    #expect(Normalizer.normalize("正言軒:临汾密碼").string == "正言轩：临汾密码")
    #expect(Fold.fold("正言軒:臨汾密碼") == Fold.fold("正言轩：临汾密码"))
    #expect(Fold.fold("軒碼") == "轩码")
  }
}
