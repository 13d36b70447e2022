import NewsFacts

/// Times, money, numbers, percentages and areas in normalised text (simplified, half-width
/// digits), in one left-to-right pass: at each position every family tries a match, the longest
/// wins (time, then money, percent, area, number on ties), and the scan goes on after it, so
/// mentions are in text order and never overlap (a money mention swallows the number inside it).
public enum NumericRecognizers {
  /// Mentions of kinds time, money, number, percent and area. `base` is "today" for relative
  /// expressions (今年, 去年, 上个月) and the year of a bare `7月17日`; without it those stay
  /// yearless (`--07-17`) and purely relative ones (去年) are not reported.
  public static func mentions(in text: [Unicode.Scalar], base: FactDate?) -> [Mention] {
    var time = TimeRecognizer(base: base)
    return mentions(in: text, time: &time)
  }

  /// The same with a caller-held `TimeRecognizer`, to carry `lastExplicitYear` across calls.
  public static func mentions(in text: [Unicode.Scalar], time: inout TimeRecognizer) -> [Mention] {
    mentions(in: text, time: &time, skipLoneNumerals: true)
  }

  /// `skipLoneNumerals`: a lone Chinese numeral before an ideograph that no family reads after
  /// a figure (一步, 六稳, 四风) is passed over without trying the families, whose answer there
  /// is always nothing (see `Lexicon.afterNumeral`); false tries them (for tests).
  static func mentions(in text: [Unicode.Scalar], time: inout TimeRecognizer, skipLoneNumerals: Bool) -> [Mention] {
    var out: [Mention] = []
    var i = 0
    let n = text.count
    // The tables once, outside the loop: a static read per position costs a lazy-init check
    // and a retain/release of their storage.
    let startBits = Lexicon.startBits
    let numeralBits = Lexicon.numeralBits
    let relativeTimeWords = Lexicon.relativeTimeWords
    let stops = Lexicon.stopBytes
    while i < n {
      // Positions whose scalar starts nothing and ends no sentence, in a tight loop.
      var ended = false
      i = text.withUnsafeBufferPointer { t in
        stops.withUnsafeBufferPointer { b in
          var j = i
          while j < n {
            let v = t[j].value
            if v < 0x10000 && b[Int(v)] != 0 {
              if TimeRecognizer.isSentenceEnd(t[j]) { ended = true; j &+= 1; continue }
              break
            }
            j &+= 1
          }
          return j
        }
      }
      if ended { time.sentenceEnded() }
      guard i < n else { break }
      let c = text[i]
      guard startBits.contains(c) else { i += 1; continue }
      if skipLoneNumerals && i + 1 < n && !NumberToken.isASCIIDigit(c) && ChineseNumber.isNumeral(c) {
        let d = text[i + 1].value
        if d >= 0x3400 && d < 0xA000 && !Lexicon.afterNumeral.contains(text[i + 1]) {
          i += 1
          continue
        }
      }
      // Everything but a relative time word (去年, 上半年) needs a numeral close by: the prefix
      // words (约, 超过, 人民币 …) are common characters, so reject cheaply before any family.
      if !numeralBits.contains(c) && relativeTimeWords.match(text, at: i) == 0 {
        var k = i + 1
        let lim = min(n, i + 5)
        while k < lim && !numeralBits.contains(text[k]) { k += 1 }
        if k >= lim { i += 1; continue }
      }
      // The longest family wins (the earlier on ties); only the winner's value is built into a
      // mention (no copy of each candidate's value on the way).
      let tm = time.match(text, at: i)
      let money = MoneyRecognizer.match(text, at: i)
      let token = NumberToken.scan(text, at: i)
      let percent = PercentRecognizer.match(text, at: i, token: token)
      let area = AreaRecognizer.match(text, at: i, token: token)
      var bestEnd = i
      var bestKind = Mention.Kind.number
      if let t = tm, t.end > bestEnd { bestEnd = t.end; bestKind = .time }
      if let m = money, m.end > bestEnd { bestEnd = m.end; bestKind = .money }
      if let p = percent, p.end > bestEnd { bestEnd = p.end; bestKind = .percent }
      if let a = area, a.end > bestEnd { bestEnd = a.end; bestKind = .area }
      if bestEnd > i {
        let value: MentionValue
        switch bestKind {
        case .time:
          let t = tm!
          time.commit(t)
          value = .time(t.span)
        case .money: value = money!.value
        case .percent: value = percent!.value
        default: value = area!.value
        }
        out.append(Mention(kind: bestKind, text: Lexicon.string(text, i..<bestEnd), range: i..<bestEnd, value: value))
        i = bestEnd
        continue
      }
      if let num = NumberRecognizer.match(text, at: i, token: token) {
        out.append(Mention(kind: .number, text: Lexicon.string(text, i..<num.end), range: i..<num.end, value: .number(num.value)))
        i = num.end
        continue
      }
      // Skip the rest of a numeral run that nothing accepted (十四五, 一二三).
      if NumberToken.isASCIIDigit(c) || ChineseNumber.isNumeral(c) {
        i += 1
        while i < n, NumberToken.isASCIIDigit(text[i]) || ChineseNumber.isNumeral(text[i]) || text[i] == "." { i += 1 }
        continue
      }
      i += 1
    }
    return out
  }
}

/// Plain numbers: Arabic (`2300`, `57.06万`) and Chinese (`两千三百`, `一九九八`, `三千余`).
enum NumberRecognizer {
  /// `token` is `NumberToken.scan(t, at: i)`, read once by the caller for every family.
  static func match(_ t: [Unicode.Scalar], at i: Int, token: NumberToken?) -> (value: Double, end: Int)? {
    if i > 0 {
      let p = t[i - 1]
      // Inside an identifier (G20, 5G) or another number.
      if NumberToken.isASCIIDigit(p) || Lexicon.isASCIILetter(p) || (p == "." && i > 1 && NumberToken.isASCIIDigit(t[i - 2])) { return nil }
      if ChineseNumber.isNumeral(p) && ChineseNumber.isNumeral(t[i]) { return nil }
      if (p == "数" || p == "几") && ChineseNumber.isNumeral(t[i]) { return nil }
    }
    guard let tok = token else { return nil }
    var end = tok.end
    if tok.chinese {
      let len = end - i
      if len < 2 { return nil }
      if tok.digitString && len < 4 && !(end < t.count && t[end] == "年") { return nil }
      if end < t.count, ChineseNumber.isNumeral(t[end]) { return nil }
      // Words, not numbers: 一一, 万一 are filtered above; 千万 (must) has no digit.
      if !tok.hasUnit && !tok.digitString && len < 2 { return nil }
    } else if end < t.count, Lexicon.isASCIILetter(t[end]) {
      return nil
    }
    if end < t.count, t[end] == "余" || t[end] == "多" { end += 1 }
    return (tok.value, end)
  }
}

/// Word lists and small helpers shared by the numeric recognisers.
enum Lexicon {
  static func string(_ t: [Unicode.Scalar], _ r: Range<Int>) -> String { Scalars.string(t, r) }

  static func isASCIILetter(_ s: Unicode.Scalar) -> Bool {
    (s.value >= 65 && s.value <= 90) || (s.value >= 97 && s.value <= 122)
  }

  /// The end of the longest word of `words` at `i` (the first of the list on equal lengths).
  @inline(__always)
  static func longest(_ t: [Unicode.Scalar], at i: Int, _ words: Words) -> (end: Int, index: Int)? {
    // (most positions start no word: that test inline, the search out of line)
    guard i >= 0, i < t.count, words.firsts.contains(t[i]) else { return nil }
    return longestStarting(t, at: i, words)
  }

  /// `longest` at a position whose scalar starts some word.
  @inline(never)
  static func longestStarting(_ t: [Unicode.Scalar], at i: Int, _ words: Words) -> (end: Int, index: Int)? {
    var bestLen = 0
    var bestIndex = -1
    let flat = words.flat, starts = words.starts
    for n in 0..<(starts.count - 1) {
      let a = starts[n], len = starts[n + 1] - a
      guard len > bestLen, i + len <= t.count, flat[a] == t[i] else { continue }
      var ok = true
      var k = 1
      while k < len {
        if t[i + k] != flat[a + k] { ok = false; break }
        k += 1
      }
      if ok { bestLen = len; bestIndex = n }
    }
    return bestIndex >= 0 ? (i + bestLen, bestIndex) : nil
  }

  /// A word list laid out flat for `longest`: no per-word arrays to retain in the loop, and
  /// a bitset of first scalars that rejects most positions at once.
  struct Words: Sendable {
    let flat: [Unicode.Scalar]
    /// Word n is `flat[starts[n]..<starts[n + 1]]`.
    let starts: [Int]
    let firsts: ScalarBits

    init(_ list: [String]) {
      var flat: [Unicode.Scalar] = []
      var starts = [0]
      var firsts = ScalarBits([])
      for w in list {
        flat.append(contentsOf: w.unicodeScalars)
        starts.append(flat.count)
        if let f = w.unicodeScalars.first { firsts.insert(f) }
      }
      self.flat = flat
      self.starts = starts
      self.firsts = firsts
    }
  }

  static func words(_ list: [String]) -> Words { Words(list) }

  /// Words before an amount and the bound they give.
  static let prefixBounds: [(String, Bound)] = [
    ("约", .about), ("大约", .about), ("近", .about), ("将近", .about), ("接近", .about), ("大概", .about),
    ("过", .atLeast), ("超", .atLeast), ("超过", .atLeast), ("逾", .atLeast), ("多达", .atLeast),
    ("至少", .atLeast), ("不少于", .atLeast), ("不低于", .atLeast), ("高达", .atLeast), ("突破", .atLeast),
    ("不到", .atMost), ("不足", .atMost), ("少于", .atMost), ("小于", .atMost), ("低于", .atMost),
    ("不超过", .atMost), ("最多", .atMost),
  ]
  static let prefixWords = words(prefixBounds.map(\.0))

  /// Words after an amount and the bound they give.
  static let suffixBounds: [(String, Bound)] = [
    ("左右", .about), ("上下", .about), ("以上", .atLeast), ("之多", .atLeast), ("多", .atLeast),
    ("余", .atLeast), ("以下", .atMost), ("以内", .atMost),
  ]
  static let suffixWords = words(suffixBounds.map(\.0))

  /// `(含)` written after an amount in rules and tenders.
  static let inclusive = words(["(含)", "（含）"])

  static let connectors = words(["至", "到", "-", "—", "–", "~", "～", "－", "——", "--", "－－"])

  static let startBits = ScalarBits(startScalars)
  /// Every scalar that a family may read right after a lone Chinese numeral: the first scalars
  /// of the words written after a figure (currencies, units, bounds, connectors, `(含)`), the
  /// time words (年 季 月 日 号), the percent forms (分 of 百分之, 个 of 个百分点), the decimal
  /// 点, and the numerals themselves. After any other ideograph no family can match.
  static let afterNumeral: ScalarBits = {
    var words = MoneyRecognizer.suffixCurrencies.map(\.0) + AreaRecognizer.units.map(\.0)
    words += suffixBounds.map(\.0) + prefixBounds.map(\.0)
    words += ["至", "到", "-", "—", "–", "~", "～", "－", "(含)", "（含）"]
    words += ["年", "季", "月", "日", "号", "份", "分", "个", "点", "%", "％", "‰", "余", "多", "许", "时", "半"]
    var scalars = words.compactMap(\.unicodeScalars.first)
    scalars += "零〇○一壹幺二两兩贰貳三叁參四肆五伍六陆陸七柒八捌九玖十拾百佰千仟万萬亿億廿卅".unicodeScalars
    return ScalarBits(scalars)
  }()
  /// Byte per BMP scalar, 1 when it starts a mention (`startScalars`) or ends a sentence (all
  /// are BMP): the scan between mentions reads one byte per scalar, no bit arithmetic.
  static let stopBytes: [UInt8] = {
    var bytes = [UInt8](repeating: 0, count: 0x10000)
    for u in startScalars.union("。！？\n!?；".unicodeScalars) where u.value < 0x10000 {
      bytes[Int(u.value)] = 1
    }
    return bytes
  }()
  /// ASCII digits and Chinese numerals (digits, units, 廿, 卅).
  static let numeralBits = ScalarBits(
    (48...57).compactMap(Unicode.Scalar.init) + "零〇○一壹幺二两兩贰貳三叁參四肆五伍六陆陸七柒八捌九玖十拾百佰千仟万萬亿億廿卅".unicodeScalars)
  /// Time words that start a mention without any numeral (今年, 上半年, 年底).
  static let relativeTimeWords = WordList(TimeRecognizer.startWords.filter { $0.unicodeScalars.count >= 2 })
  static let startScalars: Set<Unicode.Scalar> = {
    var s = Set<Unicode.Scalar>()
    for v in 48...57 { if let u = Unicode.Scalar(v) { s.insert(u) } }
    for c in "零〇○一壹幺二两兩贰貳三叁參四肆五伍六六陆陸七柒八捌九玖十拾百佰千仟万萬亿億廿卅" .unicodeScalars { s.insert(c) }
    for w in prefixBounds { if let f = w.0.unicodeScalars.first { s.insert(f) } }
    for w in MoneyRecognizer.prefixCurrencies { if let f = w.0.unicodeScalars.first { s.insert(f) } }
    for w in TimeRecognizer.startWords { if let f = w.unicodeScalars.first { s.insert(f) } }
    return s
  }()
}
