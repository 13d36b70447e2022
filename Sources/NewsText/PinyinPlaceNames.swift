/// Readings of polyphonic characters inside place names, where the first (most common)
/// reading is wrong: 重庆 is chóng qìng, not zhòng; 长沙 cháng, not zhǎng; 成都 dū, not dōu.
///
/// Pinyin order and pinyin completion look these phrases up (after folding, so 重慶 matches
/// too) before falling back to each character's first reading.
enum PinyinPlaceNames {
  /// Phrase and its readings, one toneless syllable + tone digit per character.
  static let phrases: [(String, String)] = [
    ("重庆", "chong2 qing4"),
    ("长沙", "chang2 sha1"), ("长春", "chang2 chun1"), ("长治", "chang2 zhi4"), ("长安", "chang2 an1"),
    ("长江", "chang2 jiang1"), ("长城", "chang2 cheng2"), ("长宁", "chang2 ning2"), ("长兴", "chang2 xing1"),
    ("长乐", "chang2 le4"), ("长白", "chang2 bai2"), ("长垣", "chang2 yuan2"), ("长丰", "chang2 feng1"),
    ("长清", "chang2 qing1"), ("长葛", "chang2 ge3"), ("长岭", "chang2 ling3"), ("长汀", "chang2 ting1"),
    ("长寿", "chang2 shou4"), ("长泰", "chang2 tai4"), ("长武", "chang2 wu3"), ("长阳", "chang2 yang2"),
    ("长顺", "chang2 shun4"), ("长海", "chang2 hai3"), ("长沙县", "chang2 sha1 xian4"),
    ("厦门", "xia4 men2"), ("六安", "lu4 an1"), ("六合", "lu4 he2"), ("蚌埠", "beng4 bu4"),
    ("乐清", "yue4 qing1"), ("乐亭", "lao4 ting2"),
    ("成都", "cheng2 du1"), ("京都", "jing1 du1"), ("首都", "shou3 du1"), ("都江堰", "du1 jiang1 yan4"),
    ("都匀", "du1 yun2"), ("都昌", "du1 chang1"), ("都安", "du1 an1"), ("都兰", "du1 lan2"),
    ("洪洞", "hong2 tong2"), ("番禺", "pan1 yu2"), ("单县", "shan4 xian4"), ("蔚县", "yu4 xian4"),
    ("会稽", "kuai4 ji1"), ("解州", "xie4 zhou1"), ("浚县", "xun4 xian4"), ("涡阳", "guo1 yang2"),
    ("铅山", "yan2 shan1"), ("莘庄", "xin1 zhuang1"), ("东阿", "dong1 e1"), ("丽水", "li2 shui3"),
    ("台州", "tai1 zhou1"), ("天台", "tian1 tai1"), ("黄陂", "huang2 pi2"), ("牟平", "mu4 ping2"),
  ]

  struct Entry {
    /// Folded scalars of the phrase after its first one.
    let rest: [UInt32]
    /// Syllable indexes (into `PinyinTable`) per character.
    let keys: [UInt16]
  }

  /// Phrases by their first (folded) scalar, longest first; and every scalar of any phrase.
  final class Index: Sendable {
    static let shared = Index()
    let byFirst: [UInt32: [Entry]]
    let members: Set<UInt32>
    /// `members` of the Basic Multilingual Plane as bits (the test runs per scalar).
    let memberBits: [UInt64]

    private init() {
      let t = PinyinTable.shared
      var indexOf: [String: UInt16] = [:]
      for k in 1..<t.toneless.count { indexOf[t.toneless[k] + String(t.tone[k])] = UInt16(k) }
      var byFirst: [UInt32: [Entry]] = [:]
      var members = Set<UInt32>()
      for (phrase, readings) in PinyinPlaceNames.phrases {
        let scalars = phrase.unicodeScalars.map { Fold.fold($0).value }
        let keys = readings.split(separator: " ").map { indexOf[String($0)] ?? 0 }
        guard let first = scalars.first, keys.count == scalars.count, !keys.contains(0) else { continue }
        byFirst[first, default: []].append(Entry(rest: Array(scalars.dropFirst()), keys: keys))
        members.formUnion(scalars)
      }
      for (k, v) in byFirst { byFirst[k] = v.sorted { $0.rest.count > $1.rest.count } }
      self.byFirst = byFirst
      self.members = members
      var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
      for m in members where m < 0x10000 { bits[Int(m >> 6)] |= 1 << UInt64(m & 63) }
      self.memberBits = bits
    }

    @inline(__always)
    func isMember(_ v: UInt32) -> Bool {
      v < 0x10000 ? memberBits[Int(v >> 6)] & (1 << UInt64(v & 63)) != 0 : members.contains(v)
    }
  }

  /// Whether `s` could contain an override phrase (cheap: one set look-up per scalar).
  static func mayApply(_ s: String) -> Bool {
    let idx = Index.shared
    var hits = 0
    for u in s.unicodeScalars where u.value >= 0x3400 {
      if idx.isMember(Fold.fold(u).value) { hits &+= 1; if hits >= 2 { return true } } else { hits = 0 }
    }
    return false
  }

  /// Syllable index per scalar of `s`: an override phrase's reading where one matches,
  /// otherwise the character's first reading (0 where there is none).
  static func keys(_ s: String) -> [UInt16] {
    let t = PinyinTable.shared
    let scalars = Array(s.unicodeScalars)
    let folded = scalars.map { Fold.fold($0).value }
    var out = [UInt16](repeating: 0, count: scalars.count)
    var covered = [Bool](repeating: false, count: scalars.count)
    folded.withUnsafeBufferPointer { f in
      forEachOverride(f) { i, k in out[i] = k; covered[i] = true }
    }
    for i in scalars.indices where !covered[i] && ScalarClass.isIdeograph(scalars[i].value) {
      let k = t.syllable(folded[i])
      out[i] = UInt16(truncatingIfNeeded: k != 0 ? k : t.syllable(scalars[i].value))
    }
    return out
  }

  /// Calls `body(i, k)` for each scalar `i` of the folded scalars `folded` that an override
  /// phrase covers, with `k` its syllable index. Phrases are matched from the left, the longest
  /// first at each place; a match skips the scalars it covers.
  static func forEachOverride(_ folded: UnsafeBufferPointer<UInt32>, _ body: (Int, UInt16) -> Void) {
    let idx = Index.shared
    let count = folded.count
    var i = 0
    while i < count {
      if idx.isMember(folded[i]), let entries = idx.byFirst[folded[i]] {
        var matched = false
        for e in entries {
          guard i + e.rest.count < count else { continue }
          var ok = true
          for (j, v) in e.rest.enumerated() where folded[i + 1 + j] != v { ok = false; break }
          if ok {
            for (j, k) in e.keys.enumerated() { body(i + j, k) }
            i += e.keys.count
            matched = true
            break
          }
        }
        if matched { continue }
      }
      i += 1
    }
  }
}
