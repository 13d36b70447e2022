/// Percentages: `7.6%`, `百分之七十`, `80%以上` (80, at least), `约3%`, `2个百分点` (percent points).
enum PercentRecognizer {
  static let hundredths = Array("百分之".unicodeScalars)
  static let points = Array("个百分点".unicodeScalars)

  /// `token` is `NumberToken.scan(t, at: i)`, read once by the caller for every family.
  static func match(_ t: [Unicode.Scalar], at i: Int, token: NumberToken?) -> (end: Int, value: MentionValue)? {
    var k = i
    var bound = Bound.exact
    if let p = Lexicon.longest(t, at: k, Lexicon.prefixWords) {
      bound = Lexicon.prefixBounds[p.index].1
      k = p.end
    }
    var value: Double
    if k + 3 <= t.count, t[k] == "百" && t[k + 1] == "分" && t[k + 2] == "之" {
      guard let n = NumberToken.scan(t, at: k + 3) else { return nil }
      value = n.value
      k = n.end
    } else {
      guard let n = k == i ? token : NumberToken.scan(t, at: k) else { return nil }
      value = n.value
      k = n.end
      if k < t.count, t[k] == "%" || t[k] == "％" || t[k] == "‰" {
        if t[k] == "‰" { value /= 10 }
        k += 1
      } else if k + 4 <= t.count, t[k] == "个" && t[k + 1] == "百" && t[k + 2] == "分" && t[k + 3] == "点" {
        k += 4
      } else if k + 3 <= t.count, t[k] == "百" && t[k + 1] == "分" && t[k + 2] == "点" {
        k += 3
      } else {
        return nil
      }
    }
    if let s = Lexicon.longest(t, at: k, Lexicon.suffixWords), s.end - k == 2 {
      let b = Lexicon.suffixBounds[s.index].1
      if bound == .exact || bound == b { bound = b; k = s.end }
    }
    return (k, .percent(value, bound: bound))
  }
}
