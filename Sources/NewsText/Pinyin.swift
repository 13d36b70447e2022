/// Pinyin order and pinyin look-ups, from the first (most common) reading of each character.
///
/// Chinese users expect names in dictionary order (安徽 < 北京 < 重庆), not code-point order.
/// Comparison is in three levels, like a collation: (1) toneless syllables (non-Chinese scalars
/// come before Chinese ones and compare case-insensitively, folded), (2) tones, (3) code points.
public enum Pinyin {
  /// Key weight of one scalar at the primary level (always > 0).
  @inline(__always)
  static func primary(_ u: Unicode.Scalar, _ t: PinyinTable) -> UInt32 {
    let v = u.value
    if ScalarClass.isIdeograph(v) {
      let s = t.syllable(Fold.fold(u).value)
      let k = s != 0 ? s : t.syllable(v)
      if k != 0 { return 0x20_0000 &+ UInt32(t.rank[k]) }
      return 0x30_0000 &+ v
    }
    return 1 &+ Fold.fold(u).value
  }

  /// Primary weight with the syllable index already known (0: none), as place-name overrides give.
  @inline(__always)
  static func primary(_ u: Unicode.Scalar, key k: UInt16, _ t: PinyinTable) -> UInt32 {
    guard ScalarClass.isIdeograph(u.value) else { return 1 &+ Fold.fold(u).value }
    return k != 0 ? 0x20_0000 &+ UInt32(t.rank[Int(k)]) : 0x30_0000 &+ u.value
  }

  @inline(__always)
  static func secondary(_ u: Unicode.Scalar, key k: UInt16) -> UInt32 {
    guard ScalarClass.isIdeograph(u.value) else { return 1 }
    return 1 &+ UInt32(PinyinTable.shared.tone[Int(k)])
  }

  @inline(__always)
  static func secondary(_ u: Unicode.Scalar, _ t: PinyinTable) -> UInt32 {
    guard ScalarClass.isIdeograph(u.value) else { return 1 }
    let s = t.syllable(Fold.fold(u).value)
    let k = s != 0 ? s : t.syllable(u.value)
    return 1 &+ UInt32(t.tone[k])
  }

  /// Pinyin order: `less("安徽", "北京")`, `less("北京", "重庆")`; equal pinyin falls back to tones,
  /// then to code points. Consistent with `sortKey`.
  public static func less(_ a: String, _ b: String) -> Bool {
    if PinyinPlaceNames.mayApply(a) || PinyinPlaceNames.mayApply(b) {
      return sortKey(a).lexicographicallyPrecedes(sortKey(b))
    }
    let t = PinyinTable.shared
    for level in 0..<3 {
      var i = a.unicodeScalars.makeIterator()
      var j = b.unicodeScalars.makeIterator()
      while true {
        let x = i.next()
        let y = j.next()
        guard let x else {
          if y == nil { break }
          return true
        }
        guard let y else { return false }
        let wx: UInt32
        let wy: UInt32
        switch level {
        case 0: wx = primary(x, t); wy = primary(y, t)
        case 1: wx = secondary(x, t); wy = secondary(y, t)
        default: wx = x.value; wy = y.value
        }
        if wx != wy { return wx < wy }
      }
    }
    return false
  }

  /// A key whose lexicographic order is `less`: primary weights, 0, tone weights, 0, code points + 1.
  public static func sortKey(_ s: String) -> [UInt32] {
    let t = PinyinTable.shared
    var key: [UInt32] = []
    key.reserveCapacity(s.unicodeScalars.count * 3 + 2)
    if PinyinPlaceNames.mayApply(s) {
      let keys = PinyinPlaceNames.keys(s)
      for (i, u) in s.unicodeScalars.enumerated() { key.append(primary(u, key: keys[i], t)) }
      key.append(0)
      for (i, u) in s.unicodeScalars.enumerated() { key.append(secondary(u, key: keys[i])) }
    } else {
      for u in s.unicodeScalars { key.append(primary(u, t)) }
      key.append(0)
      for u in s.unicodeScalars { key.append(secondary(u, t)) }
    }
    key.append(0)
    for u in s.unicodeScalars { key.append(u.value &+ 1) }
    return key
  }

  /// Toneless syllables of the Chinese characters of `s` (first reading), `ü` written `v`:
  /// `syllables("临汾市") == ["lin", "fen", "shi"]`. Characters without a reading are skipped;
  /// runs of ASCII letters and digits are kept as one lower-cased element.
  public static func syllables(_ s: String) -> [String] {
    let t = PinyinTable.shared
    let overrides = PinyinPlaceNames.mayApply(s) ? PinyinPlaceNames.keys(s) : nil
    var out: [String] = []
    var word = String.UnicodeScalarView()
    for (i, u) in s.unicodeScalars.enumerated() {
      let f = Fold.fold(u)
      if f.value < 0x80 && (ScalarClass.isASCIILetter(f.value) || ScalarClass.isASCIIDigit(f.value)) {
        word.append(f)
        continue
      }
      if !word.isEmpty { out.append(String(word)); word = String.UnicodeScalarView() }
      guard ScalarClass.isIdeograph(u.value) else { continue }
      var k = overrides.map { Int($0[i]) } ?? t.syllable(f.value)
      if k == 0 { k = t.syllable(u.value) }
      if k != 0 { out.append(t.toneless[k]) }
    }
    if !word.isEmpty { out.append(String(word)) }
    return out
  }

  /// Initials of each Chinese character (first letter of its first reading) and each ASCII word:
  /// `initials("临汾市") == "lfs"`.
  public static func initials(_ s: String) -> String {
    var out = String.UnicodeScalarView()
    for syl in syllables(s) {
      if let f = syl.unicodeScalars.first { out.append(f) }
    }
    return String(out)
  }

  /// The toneless first reading of one character, nil when it has none.
  public static func syllable(_ u: Unicode.Scalar) -> String? {
    let t = PinyinTable.shared
    var k = t.syllable(Fold.fold(u).value)
    if k == 0 { k = t.syllable(u.value) }
    return k == 0 ? nil : t.toneless[k]
  }

  /// Whether `syllable` (ASCII, toneless, `v` for ü) is a pinyin syllable of some character.
  public static func isSyllable(_ syllable: String) -> Bool {
    PinyinTable.shared.isSyllable(syllable)
  }
}
