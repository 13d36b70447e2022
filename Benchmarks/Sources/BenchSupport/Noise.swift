/// The damage real news files carry: traditional characters, stray pinyin after characters
/// (`質(zhì)`), spaces from PDF extraction inside words and numbers, hard line breaks.
public enum Noise {
  static let s2t: [Unicode.Scalar: Unicode.Scalar] = {
    var m: [Unicode.Scalar: Unicode.Scalar] = [:]
    let s = Array(simplifiedTraditionalPairs.unicodeScalars.filter { $0 != "\n" })
    var i = 0
    while i + 1 < s.count { m[s[i]] = s[i + 1]; i += 2 }
    return m
  }()

  static let pinyin: [Unicode.Scalar: String] = {
    var m: [Unicode.Scalar: String] = [:]
    for line in pinyinTable.split(separator: "\n") {
      var it = line.unicodeScalars.makeIterator()
      guard let c = it.next() else { continue }
      m[c] = String(line.unicodeScalars.dropFirst())
    }
    return m
  }()

  /// Every character that has a traditional form, converted.
  public static func traditional(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    for c in text.unicodeScalars { out.append(s2t[c] ?? c) }
    return String(out)
  }

  /// After about `rate` of the Chinese characters, its reading in brackets: `质(zhì)`.
  public static func strayPinyin(_ text: String, rate: Double, _ r: inout SplitMix64) -> String {
    var out = ""
    for c in text.unicodeScalars {
      out.unicodeScalars.append(c)
      if c.value >= 0x4E00, c.value <= 0x9FFF, r.chance(rate), let p = pinyin[c] { out += "(" + p + ")" }
    }
    return out
  }

  /// Spaces inside words and numbers and line breaks in mid-sentence, as PDF text comes out.
  public static func pdf(_ text: String, rate: Double, _ r: inout SplitMix64) -> String {
    var out = ""
    var col = 0
    var wrap = r.int(30...70)
    for c in text.unicodeScalars {
      out.unicodeScalars.append(c)
      if c == "\n" { col = 0; continue }
      col += 1
      if col >= wrap { out += r.chance(0.5) ? "\n" : "\n\n"; col = 0; wrap = r.int(30...70); continue }
      let cjk = c.value >= 0x4E00 && c.value <= 0x9FFF
      let digit = c.value >= 48 && c.value <= 57
      if (cjk || digit), r.chance(rate) { out += r.chance(0.8) ? " " : "  " }
    }
    return out
  }
}
