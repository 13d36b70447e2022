/// Width of text in terminal cells, for aligning tables and placing carets under Chinese text.
///
/// East Asian Wide and Fullwidth characters (CJK ideographs and punctuation, kana, Hangul,
/// full-width forms) and emoji take 2 cells; combining marks, zero-width characters, ZWJ,
/// variation selectors, bidi marks and C0/C1 controls take 0; everything else takes 1.
public enum DisplayWidth {
  /// Cells of one scalar on its own.
  public static func cells(_ u: Unicode.Scalar) -> Int {
    let v = u.value
    if v < 0x7F { return v < 0x20 ? 0 : 1 }
    if v < 0xA0 { return 0 }
    if v < 0x300 { return v == 0xAD ? 0 : 1 }
    if isZero(u) { return 0 }
    if isWide(v) { return 2 }
    if v >= 0x1F000 && u.properties.isEmojiPresentation { return 2 }
    if v >= 0x2300 && v < 0x2C00 && u.properties.isEmojiPresentation { return 2 }
    return 1
  }

  /// Cells of a string, treating emoji sequences as terminals do: a ZWJ joins the next emoji into
  /// the previous one, VS16 (U+FE0F) makes a text-style emoji wide, a regional-indicator pair
  /// (a flag) takes 2.
  public static func cells(_ s: String) -> Int {
    var total = 0
    var afterZWJ = false
    var lastWidth = 0
    var pendingRegional = false
    for u in s.unicodeScalars {
      let v = u.value
      if v == 0x200D { afterZWJ = true; continue }
      if v == 0xFE0F {
        if lastWidth == 1 { total &+= 1; lastWidth = 2 }
        continue
      }
      var w = cells(u)
      if afterZWJ && w > 0 {
        afterZWJ = false
        if w == 2 || u.properties.isEmoji { continue }
      }
      afterZWJ = false
      if v >= 0x1F1E6 && v <= 0x1F1FF {
        if pendingRegional { pendingRegional = false; w = 0 } else { pendingRegional = true; w = 2 }
      } else {
        pendingRegional = false
      }
      if w > 0 { lastWidth = w }
      total &+= w
    }
    return total
  }

  /// `s` cut to at most `toCells` cells; when anything is cut the result ends with `…` (which
  /// counts as one cell and is included in the limit). Zero-width scalars stay with their base.
  public static func truncate(_ s: String, toCells limit: Int) -> String {
    if limit <= 0 { return "" }
    if cells(s) <= limit { return s }
    var out = String.UnicodeScalarView()
    var used = 0
    var pending = String.UnicodeScalarView()
    var afterZWJ = false
    for u in s.unicodeScalars {
      let w = cells(u)
      if w == 0 || afterZWJ {
        afterZWJ = u.value == 0x200D
        if !out.isEmpty || !pending.isEmpty { pending.append(u) }
        continue
      }
      if used &+ w > limit &- 1 { break }
      out.append(contentsOf: pending)
      pending = String.UnicodeScalarView()
      out.append(u)
      used &+= w
    }
    out.append(contentsOf: pending.filter { cells($0) == 0 && $0.value != 0x200D })
    out.append("…")
    return String(out)
  }

  @inline(__always)
  static func isZero(_ u: Unicode.Scalar) -> Bool {
    let v = u.value
    if (v >= 0x200B && v <= 0x200F) || (v >= 0x2028 && v <= 0x202E) || (v >= 0x2060 && v <= 0x206F)
      || (v >= 0xFE00 && v <= 0xFE0F) || v == 0xFEFF || (v >= 0xE0000 && v <= 0xE0FFF)
      || (v >= 0x1160 && v <= 0x11FF) || (v >= 0xD7B0 && v <= 0xD7FF)
    {
      return true
    }
    switch u.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format, .control: return true
    default: return false
    }
  }

  @inline(__always)
  static func isWide(_ v: UInt32) -> Bool {
    if v < 0x1100 { return false }
    if v <= 0x115F { return true }
    if v < 0x2E80 {
      return v == 0x2329 || v == 0x232A || v == 0x231A || v == 0x231B || (v >= 0x23E9 && v <= 0x23EC)
        || v == 0x23F0 || v == 0x23F3 || v == 0x25FD || v == 0x25FE || v == 0x2B1B || v == 0x2B1C
        || v == 0x2B50 || v == 0x2B55
    }
    if v <= 0x303E { return true }
    if v >= 0x3041 && v <= 0x33FF { return true }
    if v >= 0x3400 && v <= 0x4DBF { return true }
    if v >= 0x4E00 && v <= 0x9FFF { return true }
    if v >= 0xA000 && v <= 0xA4CF { return true }
    if v >= 0xA960 && v <= 0xA97F { return true }
    if v >= 0xAC00 && v <= 0xD7A3 { return true }
    if v >= 0xF900 && v <= 0xFAFF { return true }
    if v >= 0xFE10 && v <= 0xFE19 { return true }
    if v >= 0xFE30 && v <= 0xFE6F { return true }
    if v >= 0xFF00 && v <= 0xFF60 { return true }
    if v >= 0xFFE0 && v <= 0xFFE6 { return true }
    if v >= 0x16FE0 && v <= 0x18CFF { return true }
    if v >= 0x1B000 && v <= 0x1B2FF { return true }
    if v >= 0x1F200 && v <= 0x1F2FF { return true }
    if v >= 0x20000 && v <= 0x3FFFD { return true }
    return false
  }
}
