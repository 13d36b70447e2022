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

  /// Room `writeSortKey` needs for `n` bytes of UTF-8: 7 per scalar and 4 of separators, which
  /// it returns as the key, and 1 more it may write past them.
  @inline(__always)
  public static func sortKeyCapacity(utf8Count n: Int) -> Int { 7 &* n &+ 5 }

  /// Most bytes `writeSortKey` writes of folded text for `n` bytes of UTF-8 (a scalar's fold
  /// is never more than twice its own length).
  @inline(__always)
  public static func foldedCapacity(utf8Count n: Int) -> Int { 2 &* n }

  /// `sortKey` as bytes, written at `key`, and the folded text (`Fold.fold`) as UTF-8, written
  /// at `folded`, from one pass over the UTF-8 text `s` (valid UTF-8, as a `String`'s bytes are).
  /// Returns the lengths written and whether folding changed anything.
  ///
  /// The key is `sortKey`'s elements in big-endian bytes: the primary weights and their
  /// terminating 0 three bytes each, the tone weights and theirs one byte each, the code points
  /// (+1) three bytes each. Two keys' order as bytes (`memcmp`, then the shorter first) is the
  /// order of the `sortKey`s: the first element where two keys differ lies in the primary
  /// section or, when the primaries agree, at the same place in equally long keys, and there
  /// both keys have an element of the same width at the same offset. Sorting many values needs
  /// neither an array per value nor a `String` (`DictionaryBuilder.sort` in FactStore).
  public static func writeSortKey(
    _ s: UnsafeBufferPointer<UInt8>, key: UnsafeMutablePointer<UInt8>, folded: UnsafeMutablePointer<UInt8>
  ) -> (keyCount: Int, foldedCount: Int, foldChanged: Bool) {
    let count = s.count
    guard let p = s.baseAddress, count > 0 else {
      key[0] = 0; key[1] = 0; key[2] = 0; key[3] = 0
      return (4, 0, false)
    }
    var n = 0
    for i in 0..<count where p[i] & 0xC0 != 0x80 { n &+= 1 }
    let t = PinyinTable.shared
    let idx = PinyinPlaceNames.Index.shared
    let tones = key + (3 &* n &+ 3)
    let points = tones + (n &+ 1)
    var f = 0
    var changed = false
    var hits = 0
    var override = false
    var i = 0
    var k = 0
    while i < count {
      let v = UTF8Decoding.next(p, &i)
      let u = Unicode.Scalar(v) ?? "\u{FFFD}"
      let fv = Fold.fold(u).value
      let primary: UInt32
      var tone: UInt8 = 1
      if ScalarClass.isIdeograph(v) {
        let s0 = t.syllable(fv)
        let syl = s0 != 0 ? s0 : t.syllable(v)
        primary = syl != 0 ? 0x20_0000 &+ UInt32(t.rank[syl]) : 0x30_0000 &+ v
        tone = 1 &+ t.tone[syl]
      } else {
        primary = 1 &+ fv
      }
      if v >= 0x3400 {
        // as `PinyinPlaceNames.mayApply`: two members of an override phrase in a row
        if idx.isMember(fv) { hits &+= 1; if hits >= 2 { override = true } } else { hits = 0 }
      }
      let pk = key + 3 &* k
      pk[0] = UInt8(truncatingIfNeeded: primary >> 16)
      pk[1] = UInt8(truncatingIfNeeded: primary >> 8)
      pk[2] = UInt8(truncatingIfNeeded: primary)
      tones[k] = tone
      let cp = v &+ 1
      let pt = points + 3 &* k
      pt[0] = UInt8(truncatingIfNeeded: cp >> 16)
      pt[1] = UInt8(truncatingIfNeeded: cp >> 8)
      pt[2] = UInt8(truncatingIfNeeded: cp)
      if fv != v { changed = true }
      f &+= writeUTF8(fv, folded + f)
      k &+= 1
    }
    let pEnd = key + 3 &* n
    pEnd[0] = 0; pEnd[1] = 0; pEnd[2] = 0
    tones[n] = 0
    if override {
      // An override phrase may apply (`PinyinPlaceNames.keys`): the folded scalars, read back
      // from the folded bytes, are matched against the phrases and the scalars they cover get
      // the phrase's readings (the phrases are all Chinese characters).
      withUnsafeTemporaryAllocation(of: UInt32.self, capacity: n) { fs in
        var j = 0, q = 0
        while q < f {
          let v = UTF8Decoding.next(UnsafePointer(folded), &q)
          fs[j] = v
          j &+= 1
        }
        PinyinPlaceNames.forEachOverride(UnsafeBufferPointer(fs)) { at, syl in
          writeOverride(at: at, syllable: syl, key: key, tones: tones, points: points, table: t)
        }
      }
    }
    return (7 &* n &+ 4, f, changed)
  }

  /// `writeSortKey(_:key:folded:)` without the folded text: the same key bytes at `key` (room
  /// for `sortKeyCapacity(utf8Count: s.count)`), their count, and whether folding changes `s`.
  ///
  /// Each scalar's weights are one load from a table made once (`PinyinSortWeights`), and the
  /// scalars are counted (for where the sections start) eight bytes at a time; only a text
  /// where the first scalar of a place-name override phrase is followed by the second of one
  /// folds its scalars again, for the phrases.
  public static func writeSortKey(
    _ s: UnsafeBufferPointer<UInt8>, key: UnsafeMutablePointer<UInt8>
  ) -> (keyCount: Int, foldChanged: Bool) {
    let count = s.count
    guard let p = s.baseAddress, count > 0 else {
      key[0] = 0; key[1] = 0; key[2] = 0; key[3] = 0
      return (4, false)
    }
    let n = scalarCount(p, count)
    let tones = key + (3 &* n &+ 3)
    let points = tones + (n &+ 1)
    let (all, override) = PinyinSortWeights.shared.table.withUnsafeBufferPointer { tb -> (UInt32, Bool) in
      let table = tb.baseAddress!
      var all: UInt32 = 0
      var candidate = false
      var after: UInt32 = 0
      var i = 0
      var k = 0
      while i < count {
        let v = UTF8Decoding.next(p, &i)
        var w = v < 0x1_0000 ? table[Int(v)] : 0
        if w == 0 {
          // past the plane, or a surrogate (not well-formed: weighed as U+FFFD, as `sortKey` does)
          w = Unicode.Scalar(v) != nil ? PinyinSortWeights.word(v) : PinyinSortWeights.word(0xFFFD) | PinyinSortWeights.changed
        }
        all |= w
        // an override phrase can match only where a phrase's first scalar is followed by a
        // phrase's second one
        candidate = candidate || (after & w) != 0
        after = (w & PinyinSortWeights.first) << 1
        // the three bytes of each weight as one four-byte store: the fourth lands where the
        // next scalar's weight (or the section's end) is written after it
        let primary = w & PinyinSortWeights.primaryMask
        UnsafeMutableRawPointer(key + 3 &* k).storeBytes(of: (primary << 8).bigEndian, as: UInt32.self)
        tones[k] = UInt8(truncatingIfNeeded: (w >> PinyinSortWeights.toneShift) & 7)
        UnsafeMutableRawPointer(points + 3 &* k).storeBytes(of: ((v &+ 1) << 8).bigEndian, as: UInt32.self)
        k &+= 1
      }
      return (all, candidate)
    }
    let pEnd = key + 3 &* n
    pEnd[0] = 0; pEnd[1] = 0; pEnd[2] = 0
    tones[n] = 0
    if override { applyOverrides(key: key, tones: tones, points: points, count: n) }
    return (7 &* n &+ 4, all & PinyinSortWeights.changed != 0)
  }

  /// The number of scalars in the well-formed UTF-8 `p[0..<count]`: the bytes that are not
  /// continuation bytes (`10xxxxxx`), counted a word at a time.
  @inline(__always)
  static func scalarCount(_ p: UnsafePointer<UInt8>, _ count: Int) -> Int {
    let raw = UnsafeRawPointer(p)
    var n = 0, i = 0
    while i &+ 8 <= count {
      let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      // a byte starts a scalar when its top bit is clear or the next one is set
      n &+= ((~w >> 7 | w >> 6) & 0x0101_0101_0101_0101).nonzeroBitCount
      i &+= 8
    }
    while i < count { if p[i] & 0xC0 != 0x80 { n &+= 1 }; i &+= 1 }
    return n
  }

  /// Gives the scalars an override phrase covers the phrase's readings in a key written by
  /// `writeSortKey` (`n` scalars; the code point section holds each scalar + 1).
  static func applyOverrides(key: UnsafeMutablePointer<UInt8>, tones: UnsafeMutablePointer<UInt8>,
                             points: UnsafeMutablePointer<UInt8>, count n: Int) {
    let t = PinyinTable.shared
    withUnsafeTemporaryAllocation(of: UInt32.self, capacity: n) { fs in
      for j in 0..<n {
        let pt = points + 3 &* j
        let v = (UInt32(pt[0]) << 16 | UInt32(pt[1]) << 8 | UInt32(pt[2])) &- 1
        fs[j] = Fold.fold(Unicode.Scalar(v) ?? "\u{FFFD}").value
      }
      PinyinPlaceNames.forEachOverride(UnsafeBufferPointer(fs)) { at, syl in
        writeOverride(at: at, syllable: syl, key: key, tones: tones, points: points, table: t)
      }
    }
  }

  /// Gives scalar `at` of a key written by `writeSortKey` the override phrase's reading `syl`
  /// (0: none, the scalar's code point orders it), when the scalar is an ideograph; the code
  /// point section holds each scalar + 1.
  @inline(__always)
  static func writeOverride(at: Int, syllable syl: UInt16, key: UnsafeMutablePointer<UInt8>,
                            tones: UnsafeMutablePointer<UInt8>, points: UnsafeMutablePointer<UInt8>,
                            table t: PinyinTable) {
    let pt = points + 3 &* at
    let v = (UInt32(pt[0]) << 16 | UInt32(pt[1]) << 8 | UInt32(pt[2])) &- 1
    guard ScalarClass.isIdeograph(v) else { return }
    let primary: UInt32 = syl != 0 ? 0x20_0000 &+ UInt32(t.rank[Int(syl)]) : 0x30_0000 &+ v
    let pk = key + 3 &* at
    pk[0] = UInt8(truncatingIfNeeded: primary >> 16)
    pk[1] = UInt8(truncatingIfNeeded: primary >> 8)
    pk[2] = UInt8(truncatingIfNeeded: primary)
    tones[at] = 1 &+ t.tone[Int(syl)]
  }

  /// Writes the UTF-8 bytes of scalar value `v` at `out`; returns how many.
  @inline(__always)
  static func writeUTF8(_ v: UInt32, _ out: UnsafeMutablePointer<UInt8>) -> Int {
    if v < 0x80 {
      out[0] = UInt8(truncatingIfNeeded: v)
      return 1
    } else if v < 0x800 {
      out[0] = UInt8(truncatingIfNeeded: 0xC0 | v >> 6)
      out[1] = UInt8(truncatingIfNeeded: 0x80 | v & 0x3F)
      return 2
    } else if v < 0x10000 {
      out[0] = UInt8(truncatingIfNeeded: 0xE0 | v >> 12)
      out[1] = UInt8(truncatingIfNeeded: 0x80 | (v >> 6) & 0x3F)
      out[2] = UInt8(truncatingIfNeeded: 0x80 | v & 0x3F)
      return 3
    } else {
      out[0] = UInt8(truncatingIfNeeded: 0xF0 | v >> 18)
      out[1] = UInt8(truncatingIfNeeded: 0x80 | (v >> 12) & 0x3F)
      out[2] = UInt8(truncatingIfNeeded: 0x80 | (v >> 6) & 0x3F)
      out[3] = UInt8(truncatingIfNeeded: 0x80 | v & 0x3F)
      return 4
    }
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
