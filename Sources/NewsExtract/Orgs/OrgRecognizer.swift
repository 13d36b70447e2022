import NewsFacts

/// Finds organisations: companies (`…有限公司`, `…集团`) and government bodies that start with a
/// place (`绛县经济开发区党工委`, `仪征市人民政府`, `…局`, `…管委会`).
public enum OrgRecognizer {
  static let companySuffixes = WordList(["有限责任公司", "股份有限公司", "有限公司", "分公司", "公司", "集团", "银行", "研究院"])
  static let bodySuffixes = WordList([
    "党工委", "管委会", "委员会", "常委会", "人民政府", "政府", "人民法院", "人民检察院", "检察院", "法院",
    "局", "厅", "办公室", "医院", "大学", "学院", "中心", "纪委", "监委", "组织部", "宣传部", "统战部",
  ])

  static let breaks: Set<Unicode.Scalar> = ["了", "的", "和", "与", "及", "在", "对", "把", "被", "将", "向", "从", "等", "为", "是", "到", "赴"]

  /// Organisation mentions (`.org(name)`) in text order; `places` are the text's place mentions.
  public static func mentions(in s: [Unicode.Scalar], places: [Mention]) -> [Mention] {
    let n = s.count
    guard n > 1 else { return [] }
    var placeAt = [Int32](repeating: -1, count: n)
    for p in places where p.range.lowerBound >= 0 && p.range.upperBound <= n {
      for k in p.range { placeAt[k] = Int32(p.range.lowerBound) }
    }
    var found: [Range<Int>] = []
    for e in 1...n {
      var L = companySuffixes.matchEnding(s, at: e, maxLength: 6)
      var company = L > 0
      if L == 0 { L = bodySuffixes.matchEnding(s, at: e, maxLength: 6); company = false }
      guard L > 0 else { continue }
      let suffixStart = e - L
      var j = suffixStart
      var startsWithPlace = false
      while j > 0 && e - j < 24 {
        if placeAt[j - 1] >= 0 { j = Int(placeAt[j - 1]); startsWithPlace = true; continue }
        let c = s[j - 1]
        guard Scalars.isHan(c) else { break }
        if Titles.stops.matchEnding(s, at: j, maxLength: 3) > 0 || Self.breaks.contains(c) { break }
        if Titles.core.matchEnding(s, at: j, maxLength: 6) > 0 { break }
        startsWithPlace = false
        j -= 1
      }
      // a place right at the start counts, even when the loop stopped on a word after it
      if j < n && placeAt[j] == Int32(j) { startsWithPlace = true }
      let bodyLen = suffixStart - j
      if company ? bodyLen >= 2 : (startsWithPlace && bodyLen >= 2) {
        found.append(j..<e)
      }
    }
    // keep the longest of overlapping candidates
    found.sort { $0.lowerBound != $1.lowerBound ? $0.lowerBound < $1.lowerBound : $0.count > $1.count }
    var out: [Mention] = []
    var lastEnd = -1
    for r in found {
      if r.lowerBound < lastEnd {
        if let last = out.last, r.lowerBound == last.range.lowerBound, r.upperBound > last.range.upperBound {
          out.removeLast()
        } else { continue }
      }
      let name = Scalars.string(s, r)
      out.append(Mention(kind: .org, text: name, range: r, value: .org(name)))
      lastEnd = r.upperBound
    }
    return out
  }
}
