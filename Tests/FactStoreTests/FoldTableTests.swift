import Testing
import NewsText
@testable import FactStore

/// `FoldedValues.bmpFolds` (made from the scalars folding may change, not by folding all of
/// them) must be the fold of every scalar of the plane that folds into it, 0 for the others.
@Suite struct FoldTableTests {
  @Test func tableIsTheFoldOfEveryScalar() {
    let map = FoldedValues.bmpFolds
    #expect(map.count == 0x10000)
    var wrong: [String] = []
    for v in 0..<UInt32(0x10000) {
      let expected: UInt16
      if let s = Unicode.Scalar(v) {
        let f = Fold.fold(s).value
        expected = f < 0x10000 && f != 0 ? UInt16(f) : 0
      } else {
        expected = 0
      }
      if map[Int(v)] != expected { wrong.append(String(v, radix: 16)) }
    }
    #expect(wrong.isEmpty, "\(wrong.count) entries differ, first \(wrong.prefix(8))")
  }
}
