import Testing
import NewsFacts
@testable import NewsExtract

/// `PlaceRecognizer.contextMayChange`: a second scan with a context is skipped only when it
/// would find exactly what the scan without one found.
@Suite struct PlaceContextSkipTests {
  static let contexts: [PlaceContext] = [
    PlaceContext(province: "北京市", city: "北京市"),
    PlaceContext(province: "吉林省", city: "长春市"),
    PlaceContext(province: "山西省", city: "临汾市", county: "尧都区"),
    PlaceContext(province: "山西省", city: "临汾市", county: "吉县"),
    PlaceContext(province: "辽宁省", city: "丹东市", county: "振兴区"),
    PlaceContext(province: "江苏省", city: "南通市"),
    PlaceContext(province: "河南省", city: "信阳市", county: "固始县"),
    PlaceContext(province: "山西省"),
  ]

  static let texts: [String] = [
    "朝阳区召开会议。",
    "尧都区委书记到贾得乡调研，又到北席村。",
    "吉县县长到乡宁县考察。",
    "乡村振兴工作会议在振兴区召开。",
    "通海港区建设加快。",
    "固始县委书记到陈淋子镇调研。",
    "陈淋子镇党委书记在固始县开会。",
    "贾得乡位于尧都区。",
    "今天天气很好，没有地名。",
  ]

  /// Every text against every context: when the check says the context changes nothing, the
  /// scan with it finds the same mentions; and it does let some scans be skipped, and flags
  /// the texts a context does change.
  @Test func skipOnlyWhenSame() throws {
    var inputs = Self.texts
    inputs += try Seeds.all().map(\.1)
    var skipped = 0, changed = 0
    for text in inputs {
      let s = Recognition.normalize(text).scalars
      var matches = PlaceMatches(count: s.count)
      let plain = PlaceRecognizer.mentions(in: s, context: PlaceContext(), matches: &matches)
      for c in Self.contexts {
        let with = PlaceRecognizer.mentions(in: s, context: c)
        if !PlaceRecognizer.contextMayChange(s, context: c, matches: matches) {
          skipped += 1
          #expect(with == plain, "\(text.prefix(20)) in \(c)")
        }
        if with != plain { changed += 1 }
      }
    }
    #expect(skipped > 0)
    #expect(changed > 0)
  }

  /// A scan with a context records nothing: its matches never allow a skip.
  @Test func contextScanAllowsNoSkip() {
    let s = Recognition.normalize("今天天气很好。").scalars
    var matches = PlaceMatches(count: s.count)
    _ = PlaceRecognizer.mentions(in: s, context: Self.contexts[0], matches: &matches)
    #expect(PlaceRecognizer.contextMayChange(s, context: Self.contexts[1], matches: matches))
  }
}
