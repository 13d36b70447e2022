import Testing
@testable import NewsText

/// The table-driven `Pinyin.writeSortKey(_:key:)` (what the store sorts its dictionaries by)
/// must write exactly the key bytes of `writeSortKey(_:key:folded:)`, which is checked against
/// `sortKey` and `less` in `PinyinByteKeyTests`, and report the same fold change.
@Suite struct PinyinSortWeightsTests {
  /// Key bytes and fold change of `s` from both writers.
  func both(_ s: String) -> (fast: [UInt8], slow: [UInt8], fastChanged: Bool, slowChanged: Bool) {
    let bytes = Array(s.utf8)
    let cap = Pinyin.sortKeyCapacity(utf8Count: bytes.count)
    var k1 = [UInt8](repeating: 0xAA, count: cap), k2 = [UInt8](repeating: 0x55, count: cap)
    var folded = [UInt8](repeating: 0, count: max(1, Pinyin.foldedCapacity(utf8Count: bytes.count)))
    let (r1, r2) = bytes.withUnsafeBufferPointer { b in
      let r1 = k1.withUnsafeMutableBufferPointer { Pinyin.writeSortKey(b, key: $0.baseAddress!) }
      let r2 = k2.withUnsafeMutableBufferPointer { k in
        folded.withUnsafeMutableBufferPointer { f in Pinyin.writeSortKey(b, key: k.baseAddress!, folded: f.baseAddress!) }
      }
      return (r1, r2)
    }
    return (Array(k1[0..<r1.keyCount]), Array(k2[0..<r2.keyCount]), r1.foldChanged, r2.foldChanged)
  }

  /// Every entry of the table made in bulk is the word made scalar by scalar.
  @Test func tableIsWordByWord() {
    let table = PinyinSortWeights.shared.table
    #expect(table.count == 0x10000)
    var wrong: [String] = []
    for v in 0..<UInt32(0x10000) where table[Int(v)] != PinyinSortWeights.word(v) {
      wrong.append(String(v, radix: 16))
    }
    #expect(wrong.isEmpty, "\(wrong.count) entries differ, first \(wrong.prefix(8))")
  }

  /// The words say what the scalar-by-scalar functions say: primary and tone weights as
  /// `Pinyin.primary` / `secondary`, the fold change as `Fold.fold`.
  @Test func wordsAgreeWithWeights() {
    let t = PinyinTable.shared
    for v: UInt32 in [0x41, 0x61, 0x31, 0x3000, 0x3001, 0x3007, 0xFF21, 0xFF0C, 0x4E2D, 0x81E8, 0x91CD, 0x9577, 0xF900, 0x20000, 0x2A6D6, 0xE9, 0xB7] {
      let u = Unicode.Scalar(v)!
      let w = PinyinSortWeights.word(v)
      #expect(w & PinyinSortWeights.primaryMask == Pinyin.primary(u, t), "\(v)")
      #expect((w >> PinyinSortWeights.toneShift) & 7 == Pinyin.secondary(u, t), "\(v)")
      #expect((w & PinyinSortWeights.changed != 0) == (Fold.fold(u) != u), "\(v)")
    }
  }

  /// Texts of every kind: the byte-key samples, each joined with others (overrides meeting
  /// other text on both sides), traditional forms, punctuation, other planes.
  @Test func keysAreThoseOfTheFoldingWriter() {
    var texts = PinyinByteKeyTests.samples
    texts += ["臨汾市ＧＤＰ增長", "　全角　空格", "ABC臺灣", "長沙縣", "重慶市", "廈門大學", "“长沙”", "长，沙", "长a沙",
              "乐清乐亭", "天台台州", "都都江堰", "长长沙", "重重庆", "蚌埠蚌埠", "𠀀长沙", "长沙𠀀", "東阿縣東阿", "〇长沙"]
    for a in PinyinByteKeyTests.samples.prefix(30) {
      for b in PinyinByteKeyTests.samples.suffix(30) { texts.append(a + b) }
    }
    var differ: [String] = []
    for s in texts {
      let r = both(s)
      if r.fast != r.slow || r.fastChanged != r.slowChanged { differ.append(s) }
    }
    #expect(differ.isEmpty, "\(differ.prefix(8))")
  }

  /// Texts made of scalars drawn from the whole range (a fixed generator, so a failure repeats).
  @Test func keysAgreeOnDrawnScalars() {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state >> 33
    }
    // the phrase scalars often, so overrides are met
    let phraseScalars = Array(PinyinPlaceNames.Index.shared.members)
    var differ: [String] = []
    for _ in 0..<3000 {
      var s = String.UnicodeScalarView()
      for _ in 0..<(1 + Int(next() % 12)) {
        let pick = next() % 8
        let v: UInt32
        switch pick {
        case 0: v = UInt32(next() % 0x80)
        case 1: v = UInt32(0x4E00 + next() % 0x5200)
        case 2: v = phraseScalars[Int(next() % UInt64(phraseScalars.count))]
        case 3: v = UInt32(0x3400 + next() % 0x6C00)
        case 4: v = UInt32(0xF900 + next() % 0x700)
        case 5: v = UInt32(next() % 0x10000)
        case 6: v = UInt32(0x20000 + next() % 0x2A00)
        default: v = UInt32(next() % 0x110000)
        }
        if let u = Unicode.Scalar(v) { s.append(u) }
      }
      let text = String(s)
      let r = both(text)
      if r.fast != r.slow || r.fastChanged != r.slowChanged {
        differ.append(text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
      }
    }
    #expect(differ.isEmpty, "\(differ.prefix(5))")
  }
}

/// `Fold.changingScalars` must hold every scalar `Fold.fold` changes (tables of folds are made
/// from it).
@Suite struct FoldChangingScalarsTests {
  @Test func everyChangedScalarIsListed() {
    let listed = Set(Fold.changingScalars())
    var missing: [String] = []
    for v in UInt32(0)..<0x11_0000 {
      guard let u = Unicode.Scalar(v), Fold.fold(u) != u else { continue }
      if !listed.contains(v) { missing.append(String(v, radix: 16)) }
    }
    #expect(missing.isEmpty, "\(missing.prefix(8))")
    #expect(listed.contains(0x41) && listed.contains(0xFF21) && listed.contains(0x81E8))
  }
}
