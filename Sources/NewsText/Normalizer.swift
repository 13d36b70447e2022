/// Normalisation of Chinese news text for recognisers, keeping a map to the original.
///
/// Every change either deletes original scalars or replaces one by one, so the offset map is
/// exact. In order:
/// 1. `\r\n` → `\n`, lone `\r` → `\n`; zero-width characters and bidi marks removed;
///    U+3000, no-break and other fixed-width spaces → space.
/// 2. Full-width ASCII forms (digits, letters, ％＋－．／ …) → ASCII (NFKC for these forms), except
///    the full-width punctuation Chinese text uses as its own (，：；？！（）), which stays.
/// 3. Traditional → simplified (OpenCC phrases first, then characters); Kangxi radicals and
///    compatibility ideographs (⼯ for 工) → the unified ideograph.
/// 4. Stray pinyin left by conversion tools after a character (`質(zhì)` → `质`, `(ǎ)`):
///    a parenthesised syllable right after a CJK character, with a tone mark or matching the
///    character's reading.
/// 5. Spaces that PDF extraction left inside words and numbers (see `SpaceRepair`), and line
///    breaks that split a paragraph across pages; markdown `**` emphasis inside Chinese text.
/// 6. ASCII `, ; : ! ?` and paired `"` inside Chinese text → ，；：！？“”, so recognisers see one form.
public enum Normalizer {
  /// Normalises `original` (already decoded).
  public static func normalize(_ original: String) -> NormalizedText {
    normalize(scalars: scalars(of: original))
  }

  /// Normalises `original` and gives, besides, the UTF-8 offset in `original` where each of its
  /// scalars starts, and its byte count at the end (one more entry than scalars): both come out
  /// of the one decoding pass, for a caller that cuts original text by scalar offsets.
  public static func normalizeWithUTF8Starts(_ original: String) -> (text: NormalizedText, utf8Starts: [Int]) {
    var starts: [Int] = []
    let src = scalars(of: original, utf8Starts: &starts)
    return (normalize(scalars: src), starts)
  }

  /// Normalises the scalars of a decoded original.
  static func normalize(scalars src: [Unicode.Scalar]) -> NormalizedText {
    var s: [Unicode.Scalar] = []
    var o: [Int32] = []
    firstPass(src, &s, &o)
    var repair = SpaceRepair(scalars: s)
    s = []
    repair.run()
    let fixed = repair.scalars
    let m = fixed.count
    // Most documents lose nothing in the repairs: their scalars and origins stand as they are.
    if !repair.anyDeleted {
      return NormalizedText(scalars: fixed, origins: o, originalCount: src.count)
    }
    var kept = 0
    let outS: [Unicode.Scalar]
    let outO: [Int32]
    // Kept scalars and their origins, written in place (one pass, no per-element append).
    (outS, outO) = repair.deleted.withUnsafeBufferPointer { del in
      fixed.withUnsafeBufferPointer { fx in
        o.withUnsafeBufferPointer { ob in
          let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: m) { sb, sc in
            var w = 0
            for k in 0..<m where !del[k] { sb[w] = fx[k]; w &+= 1 }
            sc = w
            kept = w
          }
          let origins = [Int32](unsafeUninitializedCapacity: kept) { obuf, oc in
            var w = 0
            for k in 0..<m where !del[k] { obuf[w] = ob[k]; w &+= 1 }
            oc = w
          }
          return (scalars, origins)
        }
      }
    }
    return NormalizedText(scalars: outS, origins: outO, originalCount: src.count)
  }

  /// The scalars of `text`, decoded straight from its UTF-8.
  static func scalars(of text: String) -> [Unicode.Scalar] {
    var text = text
    return text.withUTF8 { bytes -> [Unicode.Scalar] in
      let n = bytes.count
      return [Unicode.Scalar](unsafeUninitializedCapacity: n) { out, count in
        var i = 0
        var k = 0
        while i < n {
          // A `String`'s storage is valid UTF-8: every value decoded is a scalar.
          out[k] = unsafeBitCast(UTF8Decoding.next(bytes.baseAddress!, &i), to: Unicode.Scalar.self)
          k &+= 1
        }
        count = k
      }
    }
  }

  /// `scalars(of:)`, also writing into `starts` the UTF-8 offset where each scalar starts and
  /// the byte count at the end.
  static func scalars(of text: String, utf8Starts starts: inout [Int]) -> [Unicode.Scalar] {
    var text = text
    return text.withUTF8 { bytes -> [Unicode.Scalar] in
      let n = bytes.count
      var decoded = 0
      let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: n) { out, count in
        starts = [Int](unsafeUninitializedCapacity: n + 1) { st, stCount in
          var i = 0
          var k = 0
          if let p = bytes.baseAddress {
            // (three-byte sequences first: Chinese text is mostly made of them)
            while i < n {
              st[k] = i
              let b0 = UInt32(p[i])
              let v: UInt32
              if b0 &- 0xE0 < 0x10 {
                v = (b0 & 0x0F) << 12 | UInt32(p[i &+ 1] & 0x3F) << 6 | UInt32(p[i &+ 2] & 0x3F)
                i &+= 3
              } else if b0 < 0x80 {
                v = b0
                i &+= 1
              } else {
                v = UTF8Decoding.next(p, &i)
              }
              out[k] = unsafeBitCast(v, to: Unicode.Scalar.self)
              k &+= 1
            }
          }
          st[k] = n
          stCount = k + 1
          decoded = k
        }
        count = decoded
      }
      return scalars
    }
  }

  /// Full-width punctuation kept as is: ！（），：；？
  @inline(__always)
  static func keepsFullWidth(_ v: UInt32) -> Bool {
    v == 0xFF01 || v == 0xFF08 || v == 0xFF09 || v == 0xFF0C || v == 0xFF1A || v == 0xFF1B || v == 0xFF1F
  }

  /// Character-level pass: line ends, invisible characters, full-width forms, 繁→简, stray pinyin.
  /// Writes straight into buffers sized for the input: the common scalar (plain simplified
  /// Chinese, ASCII) costs two table reads and two stores.
  static func firstPass(_ src: [Unicode.Scalar], _ s: inout [Unicode.Scalar], _ o: inout [Int32]) {
    let n = src.count
    // Phrases map to replacements of their own length (OpenCC t2s); the slack only guards
    // against a longer one, which is then skipped for the character map.
    let capacity = n + 64
    var written = 0
    var outS: [Unicode.Scalar] = []
    let outO = [Int32](unsafeUninitializedCapacity: capacity) { ob, oc in
      outS = [Unicode.Scalar](unsafeUninitializedCapacity: capacity) { sb, sc in
        written = fill(src, sb, ob)
        sc = written
      }
      oc = written
    }
    s = outS
    o = outO
  }

  /// `firstPass` into `sb`/`ob` (capacity at least `src.count`); returns the count written.
  private static func fill(_ src: [Unicode.Scalar], _ sb: UnsafeMutableBufferPointer<Unicode.Scalar>,
                           _ ob: UnsafeMutableBufferPointer<Int32>) -> Int {
    let table = TraditionalTable.shared
    let phrases = TraditionalPhrases.shared
    let seconds = phraseSeconds
    let capacity = min(sb.count, ob.count)
    let flag = phraseStartFlag
    return src.withUnsafeBufferPointer { S in
      cjkSteps.withUnsafeBufferPointer { cjk in
        let n = S.count
        var i = 0
        var k = 0
        @inline(__always) func put(_ u: Unicode.Scalar, _ at: Int) {
          sb[k] = u
          ob[k] = Int32(truncatingIfNeeded: at)
          k &+= 1
        }
        while i < n {
          let u = S[i]
          let v = u.value
          // CJK ideographs first (most of the text): one table read says whether the scalar
          // stays as it is, starts a phrase, or maps to another.
          let c = v &- TraditionalTable.bmpBase
          if c < TraditionalTable.bmpEnd &- TraditionalTable.bmpBase {
            let e = cjk[Int(c)]
            if e == 0 { put(u, i); i &+= 1; continue }
            if e & flag != 0, i + 1 < n, mayContinuePhrase(S[i + 1].value, seconds),
              let p = phrases.phrase(in: src, at: i), k + p.to.count <= capacity {
              for (j, r) in p.to.enumerated() { put(r, i + min(j, p.length - 1)) }
              i += p.length
              continue
            }
            let m = e & ~flag
            if m != 0, let r = Unicode.Scalar(m) { put(r, i) } else { put(u, i) }
            i += 1; continue
          }
          if v < 0x80 {
            if v == 0x0D {
              if i + 1 < n && S[i + 1].value == 0x0A { i += 1; continue }
              put("\n", i); i += 1; continue
            }
            if (v == 0x28 || v == 0x3F), let end = strayPinyinEnd(src, i, previous: k > 0 ? sb[k - 1] : nil) {
              if v == 0x3F { put(u, i) }
              i = end
              continue
            }
            put(u, i); i += 1; continue
          }
          switch v {
          case 0x200B, 0x200C, 0x200E, 0x200F, 0xFEFF, 0x00AD, 0x2060, 0x202A...0x202E, 0x2066...0x2069:
            i += 1; continue
          case 0x3000, 0x00A0, 0x2002...0x200A, 0x202F, 0x205F:
            put(" ", i); i += 1; continue
          case 0xFF08, 0xFFFD:
            if let end = strayPinyinEnd(src, i, previous: k > 0 ? sb[k - 1] : nil) {
              if v == 0xFFFD { put(u, i) }
              i = end
              continue
            }
          case 0xFF01...0xFF5E where !keepsFullWidth(v):
            put(Unicode.Scalar(UInt8(truncatingIfNeeded: v &- 0xFEE0)), i); i += 1; continue
          default:
            break
          }
          if v >= 0x2E80 {
            if phrases.mayStartPhrase(v), i + 1 < n, mayContinuePhrase(S[i + 1].value, seconds),
              let p = phrases.phrase(in: src, at: i), k + p.to.count <= capacity {
              for (j, r) in p.to.enumerated() { put(r, i + min(j, p.length - 1)) }
              i += p.length
              continue
            }
            if let m = table.simplified(v), let r = Unicode.Scalar(m) {
              put(r, i); i += 1; continue
            }
          }
          put(u, i); i += 1
        }
        return k
      }
    }
  }

  /// Per CJK ideograph (U+3400..<U+A000): its simplified form (0 when it stays) with
  /// `phraseStartFlag` set when an OpenCC phrase starts with it (no scalar reaches that bit).
  static let cjkSteps: [UInt32] = {
    var steps = TraditionalTable.shared.bmp
    let starts = TraditionalPhrases.shared.phraseStarts
    let base = TraditionalTable.bmpBase
    for w in Int(base >> 6)..<Int(TraditionalTable.bmpEnd >> 6) where starts[w] != 0 {
      for bit in 0..<64 where starts[w] & (1 << UInt64(bit)) != 0 {
        steps[w * 64 + bit - Int(base)] |= phraseStartFlag
      }
    }
    return steps
  }()

  /// The bit of `cjkSteps` that marks a phrase start.
  static let phraseStartFlag: UInt32 = 0x8000_0000

  /// Bit per BMP scalar: is it the second scalar of some phrase? Every phrase has two scalars
  /// at least, so a phrase start followed by any other scalar (or by nothing) starts none, and
  /// the phrase dictionary is not searched (most phrase starts in simplified text are such).
  static let phraseSeconds: [UInt64] = {
    var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
    for (_, list) in TraditionalPhrases.shared.phrases {
      for c in list where c.from.count >= 2 {
        let v = c.from[1].value
        if v < 0x10000 { bits[Int(v >> 6)] |= 1 << UInt64(v & 63) }
      }
    }
    return bits
  }()

  /// Whether `v` may be the second scalar of a phrase (scalars beyond the BMP are not sorted out).
  @inline(__always)
  static func mayContinuePhrase(_ v: UInt32, _ seconds: [UInt64]) -> Bool {
    v >= 0x10000 || seconds[Int(v >> 6)] & (1 << UInt64(v & 63)) != 0
  }

  /// When `src[i]` opens a stray pinyin annotation — `(zhì)` / `（zhì）` right after a CJK
  /// character, or `?jī)` where a converter swallowed the character and the `(` — returns the
  /// index just after it; otherwise nil.
  static func strayPinyinEnd(_ src: [Unicode.Scalar], _ i: Int, previous: Unicode.Scalar?) -> Int? {
    let v = src[i].value
    let lost = v == 0x3F || v == 0xFFFD
    if lost {
      // `?` + toned syllable + `)`: the `(` was eaten together with the character.
      guard let p = previous, ScalarClass.isIdeograph(p) || p.value == 0x3F || p.value == 0xFFFD else { return nil }
    } else {
      guard let p = previous, ScalarClass.isIdeograph(p) || p.value == 0x3F || p.value == 0xFFFD else { return nil }
    }
    var j = i + 1
    var syllable = String.UnicodeScalarView()
    var toned = false
    var letters = 0
    while j < src.count && letters <= 7 {
      let c = src[j].value
      if c == 0x29 || c == 0xFF09 { break }
      if c >= 0x61 && c <= 0x7A {
        syllable.append(src[j])
      } else if let (base, tone) = tonedVowel(c) {
        syllable.append(base)
        if tone { toned = true }
      } else if c >= 0x31 && c <= 0x35 && letters > 0 && j + 1 < src.count
        && (src[j + 1].value == 0x29 || src[j + 1].value == 0xFF09)
      {
        toned = true
      } else {
        return nil
      }
      letters += 1
      j += 1
    }
    guard j < src.count, letters > 0, letters <= 7 else { return nil }
    let close = src[j].value
    if lost {
      guard close == 0x29, toned else { return nil }
    } else if v == 0x28 {
      guard close == 0x29 else { return nil }
    } else {
      guard close == 0xFF09 else { return nil }
    }
    let text = String(syllable)
    guard Pinyin.isSyllable(text) else { return nil }
    if !toned {
      guard let p = previous, Pinyin.syllable(p) == text else { return nil }
    }
    return j + 1
  }

  /// A vowel with a tone mark (or ü) → its ASCII base (`v` for ü) and whether it carries a tone.
  static func tonedVowel(_ c: UInt32) -> (Unicode.Scalar, Bool)? {
    switch c {
    case 0x101, 0xE1, 0x1CE, 0xE0: return ("a", true)
    case 0x113, 0xE9, 0x11B, 0xE8: return ("e", true)
    case 0x12B, 0xED, 0x1D0, 0xEC: return ("i", true)
    case 0x14D, 0xF3, 0x1D2, 0xF2: return ("o", true)
    case 0x16B, 0xFA, 0x1D4, 0xF9: return ("u", true)
    case 0x1D6, 0x1D8, 0x1DA, 0x1DC: return ("v", true)
    case 0xFC: return ("v", false)
    case 0xEA: return ("e", false)
    case 0x144, 0x148, 0x1F9: return ("n", true)
    case 0x1E3F: return ("m", true)
    default: return nil
    }
  }
}
