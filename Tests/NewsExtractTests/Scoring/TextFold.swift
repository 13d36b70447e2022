import Foundation
import Synchronization

/// Folds text the way a reader compares it: traditional → simplified, full-width → half-width,
/// the stray pinyin conversion tools leave after characters (`質(zhì)`) removed, Latin case
/// folded, and everything but letters and digits dropped (spaces from PDF wrapping, quotes,
/// 、，：). The judge uses Foundation's ICU transforms, never the extractor's own normaliser,
/// so a bug there cannot hide itself.
enum TextFold {
  private static let cache = Mutex<[String: String]>([:])
  private static let pinyin = try! NSRegularExpression(pattern: "\\([A-Za-z\\u00C0-\\u024F\\u0300-\\u036F]{1,8}\\)")

  static func fold(_ s: String) -> String {
    if let hit = cache.withLock({ $0[s] }) { return hit }
    var t = s.applyingTransform(StringTransform("Hant-Hans"), reverse: false) ?? s
    t = t.applyingTransform(.fullwidthToHalfwidth, reverse: false) ?? t
    t = pinyin.stringByReplacingMatches(in: t, range: NSRange(t.startIndex..., in: t), withTemplate: "")
    var out = String.UnicodeScalarView()
    for u in t.lowercased().unicodeScalars where u.properties.isAlphabetic || u.properties.numericType != nil {
      out.append(u)
    }
    let folded = String(out)
    cache.withLock { $0[s] = folded }
    return folded
  }

  /// Dice coefficient of the two folded texts' character multisets: 2·|a∩b| / (|a|+|b|).
  /// 1 for equal texts, 0 for texts sharing no character; order-insensitive, so a name
  /// written with extra words around it still scores high.
  static func dice(_ a: String, _ b: String) -> Double {
    let x = Array(fold(a).unicodeScalars), y = Array(fold(b).unicodeScalars)
    guard !x.isEmpty || !y.isEmpty else { return 1 }
    var counts: [Unicode.Scalar: Int] = [:]
    for u in x { counts[u, default: 0] += 1 }
    var common = 0
    for u in y { if let n = counts[u], n > 0 { counts[u] = n - 1; common += 1 } }
    return 2 * Double(common) / Double(x.count + y.count)
  }

  /// True when the folded texts are equal.
  static func same(_ a: String, _ b: String) -> Bool { fold(a) == fold(b) }

  /// True when one folded text contains the other and the shorter has at least `minimum`
  /// characters (so 市 never "contains" a name).
  static func overlaps(_ a: String, _ b: String, minimum: Int = 2) -> Bool {
    let x = fold(a), y = fold(b)
    let (short, long) = x.unicodeScalars.count <= y.unicodeScalars.count ? (x, y) : (y, x)
    return short.unicodeScalars.count >= minimum && long.contains(short)
  }

  /// A place name without its level suffix (仪征市 → 仪征, 江苏省 → 江苏), for comparing a
  /// place as written with an official name.
  static func placeStem(_ s: String) -> String {
    var f = fold(s)
    for suffix in ["自治县", "自治州", "街道", "省", "市", "县", "区", "乡", "镇", "村"] where f.hasSuffix(suffix) && f.count > suffix.count + 1 {
      f.removeLast(suffix.count)
      break
    }
    return f
  }
}
