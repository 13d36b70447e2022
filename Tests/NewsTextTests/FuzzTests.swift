import Testing
import NewsText

@Suite struct FuzzTests {
  /// Random text built from the characters the rules react to: offsets stay ordered and in
  /// range, segmentation ranges stay inside the text, nothing traps.
  @Test func randomTextNeverBreaksTheMap() {
    let pool = Array("临汾質量(zhì)（ǎ）?\u{FFFD} \u{3000}\n\r,;:!?\"**第60亿元。，“”摄本报讯记者 ##-ＧＤＰ１２a".unicodeScalars)
    var g = SystemRandomNumberGenerator()
    for _ in 0..<400 {
      let n = Int.random(in: 0..<120, using: &g)
      var view = String.UnicodeScalarView()
      for _ in 0..<n { view.append(pool[Int.random(in: 0..<pool.count, using: &g)]) }
      let text = String(view)
      let norm = Normalizer.normalize(text)
      #expect(norm.count <= norm.originalCount)
      var previous = -1
      for i in 0..<norm.count {
        let o = norm.originalOffset(i)
        #expect(o > previous && o < norm.originalCount)
        previous = o
      }
      for a in Segmenter.articles(in: norm) {
        #expect(a.range.lowerBound >= 0 && a.range.upperBound <= norm.count)
        for p in a.body {
          for s in Segmenter.sentences(in: norm, range: p) {
            #expect(s.lowerBound >= p.lowerBound && s.upperBound <= p.upperBound)
            _ = norm.originalRange(s)
          }
        }
      }
      _ = Pinyin.sortKey(text)
      _ = DisplayWidth.truncate(text, toCells: 7)
    }
  }
}
