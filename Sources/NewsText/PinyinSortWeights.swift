/// What `Pinyin.writeSortKey` needs of one scalar, packed in a word: the primary weight
/// (`Pinyin.primary`, bits 0…21), the tone weight (`Pinyin.secondary`, bits 22…24), whether
/// the folded scalar is the first scalar of a place-name override phrase (bit 27) or the
/// second one (bit 28), and whether folding changes the scalar (bit 26). Bit 31 marks a word
/// as made (a table entry of 0: not there, made on the spot).
///
/// `table` holds the words of the Basic Multilingual Plane (256 KB), made once per process
/// on first use: a sort key then costs a table load per character instead of the chained
/// folding, syllable, rank, tone and membership look-ups of each scalar.
final class PinyinSortWeights: Sendable {
  static let shared = PinyinSortWeights()

  static let made: UInt32 = 1 << 31
  static let first: UInt32 = 1 << 27
  static let second: UInt32 = 1 << 28
  static let changed: UInt32 = 1 << 26
  static let primaryMask: UInt32 = 0x3F_FFFF
  static let toneShift: UInt32 = 22

  /// The second scalars of the override phrases (folded).
  static let seconds: Set<UInt32> = Set(PinyinPlaceNames.Index.shared.byFirst.values.joined().compactMap(\.rest.first))

  /// The word of every BMP scalar (0 for the surrogate code points, which are no scalars).
  let table: [UInt32]

  /// The word of scalar value `v`, made from the tables one by one (the reference for `table`,
  /// and the way for scalars past the plane); 0 when `v` is no scalar.
  static func word(_ v: UInt32) -> UInt32 {
    guard let u = Unicode.Scalar(v) else { return 0 }
    let t = PinyinTable.shared
    let fv = Fold.fold(u).value
    var w = made
    if ScalarClass.isIdeograph(v) {
      let s0 = t.syllable(fv)
      let syl = s0 != 0 ? s0 : t.syllable(v)
      w |= syl != 0 ? 0x20_0000 &+ UInt32(t.rank[syl]) : 0x30_0000 &+ v
      w |= UInt32(1 &+ t.tone[syl]) << toneShift
    } else {
      w |= 1 &+ fv
      w |= 1 << toneShift
    }
    let idx = PinyinPlaceNames.Index.shared
    if idx.isMember(fv) {
      if idx.byFirst[fv] != nil { w |= first }
      if seconds.contains(fv) { w |= second }
    }
    if fv != v { w |= changed }
    return w
  }

  private init() {
    let made = Self.made, tone1: UInt32 = 1 << Self.toneShift
    // Most scalars fold to themselves and are no ideographs: primary 1 + v, tone 1. The others
    // (what folding changes, the ideographs, the override members) are made one by one.
    var table = [UInt32](unsafeUninitializedCapacity: 0x10000) { b, n in
      for v in 0..<0x10000 { b[v] = made | tone1 | UInt32(truncatingIfNeeded: v &+ 1) }
      for v in 0xD800..<0xE000 { b[v] = 0 }
      n = 0x10000
    }
    var redo = Fold.changingScalars().filter { $0 < 0x10000 }
    redo.append(0x3007)
    redo.append(contentsOf: 0xF900...0xFAFF)
    let trad = TraditionalTable.shared
    // the phrases' scalars are all in the plane (and ideographs)
    for v in PinyinPlaceNames.Index.shared.members where v < 0x10000 { redo.append(v) }
    for v in redo { table[Int(v)] = Self.word(v) }
    // The ideographs of the two big blocks that folding leaves alone: their syllable, rank and
    // tone straight from the table (as `word` makes them, without folding again).
    let t = PinyinTable.shared
    for range in [0x3400...0x4DBF, 0x4E00...0x9FFF] as [ClosedRange<UInt32>] {
      for v in range where trad.bmp[Int(v &- TraditionalTable.bmpBase)] == 0 {
        let syl = t.syllable(v)
        var w = made | UInt32(1 &+ t.tone[syl]) << Self.toneShift
        w |= syl != 0 ? 0x20_0000 &+ UInt32(t.rank[syl]) : 0x30_0000 &+ v
        table[Int(v)] = w | (table[Int(v)] & (Self.first | Self.second))
      }
    }
    self.table = table
  }
}
