/// Chinese numerals to numbers: `两千三百` → 2300, `一百零一` → 101, `壹仟玖佰` → 1900,
/// `零点一` → 0.1, `负十` → -10, `廿二` → 22.
public enum ChineseNumber {
  /// Strict reading of a whole string: positional numerals with their units as an official
  /// document writes them. Rejects digit strings (`一二三`), abbreviations (`三万五`, `一百二`),
  /// a missing or redundant 零 (`一百十一`, `十万零一千`), Arabic digits and empty input.
  public static func parse(_ s: String) -> Double? {
    let sc = Array(s.unicodeScalars)
    guard let r = read(sc, 0..<sc.count, strict: true), r.end == sc.count else { return nil }
    return r.value
  }

  /// Lenient reading of a whole string, as people write in news: abbreviations (`三万五` →
  /// 35000), digit strings (`一九九八` → 1998), Arabic digits with units (`57.06万`, `1.2万亿`).
  public static func parseLenient(_ s: String) -> Double? {
    let sc = Array(s.unicodeScalars)
    let minus = sc.first == "-"
    if let r = NumberToken.scan(sc, at: minus ? 1 : 0, allowBareUnits: true), r.end == sc.count {
      return minus ? -r.value : r.value
    }
    return nil
  }

  static func digit(_ s: Unicode.Scalar) -> Int? {
    switch s {
    case "零", "〇", "○": return 0
    case "一", "壹", "幺": return 1
    case "二", "两", "兩", "贰", "貳": return 2
    case "三", "叁", "參": return 3
    case "四", "肆": return 4
    case "五", "伍": return 5
    case "六", "陆", "陸": return 6
    case "七", "柒": return 7
    case "八", "捌": return 8
    case "九", "玖": return 9
    default: return nil
    }
  }

  static func unit(_ s: Unicode.Scalar) -> Double? {
    switch s {
    case "十", "拾": return 10
    case "百", "佰": return 100
    case "千", "仟": return 1000
    case "万", "萬": return 10_000
    case "亿", "億": return 100_000_000
    default: return nil
    }
  }

  static func isNumeral(_ s: Unicode.Scalar) -> Bool {
    digit(s) != nil || unit(s) != nil || s == "廿" || s == "卅"
  }

  struct Reading {
    var value: Double
    var end: Int
    /// Digit string without units (一九九八).
    var digitString: Bool
    var digits: Int
    var hasUnit: Bool
    /// Broke a strict rule (abbreviation, missing or redundant 零).
    var loose: Bool
  }

  /// Reads Chinese numerals from `range.lowerBound` as far as they parse; nil when nothing does.
  static func read(_ t: [Unicode.Scalar], _ range: Range<Int>, strict: Bool, bareUnits: Bool = false) -> Reading? {
    var i = range.lowerBound
    let end = range.upperBound
    var negative = false
    if i < end, t[i] == "负" { negative = true; i += 1 }
    let start = i
    var yi = 0.0, wan = 0.0, section = 0.0
    var pending: Int? = nil
    var lastUnit = 1e12
    var zero = false
    var loose = false
    var any = false
    var digitCount = 0
    // Digits since the last unit (一二三百 has three): a count, no array per reading.
    var seqCount = 0
    var hasUnit = false
    var lastGood = i
    var valueAtGood = 0.0
    func current() -> Double { yi + wan + section + Double(pending ?? 0) }
    while i < end {
      let s = t[i]
      if let d = digit(s) {
        digitCount += 1
        seqCount += 1
        if d == 0 {
          if pending != nil && !hasUnit { pending = pending.map { $0 &* 10 }; i += 1; lastGood = i; valueAtGood = current(); any = true; continue }
          zero = true
          any = true
          i += 1
          if !hasUnit && pending == nil { lastGood = i; valueAtGood = current() }
          continue
        }
        if pending != nil {
          if hasUnit { break }  // 十四五: a digit after a digit in a positional numeral
          guard digitCount < 19 else { break }
          pending = (pending ?? 0) &* 10 &+ d
        } else {
          pending = d
        }
        any = true
        i += 1
        lastGood = i
        valueAtGood = current()
        continue
      }
      if s == "廿" || s == "卅" {
        guard pending == nil, lastUnit > 10 else { break }
        section += s == "廿" ? 20 : 30
        lastUnit = 10; hasUnit = true; any = true; zero = false
        i += 1; lastGood = i; valueAtGood = current(); continue
      }
      if let u = unit(s) {
        if seqCount > 1 && !hasUnit { break }  // 一二三百
        if u < 10_000 {
          var d = pending
          if d == nil {
            if u == 10 && !any {
              d = 1  // 十一, 十万
            } else if u == 10 && zero {
              d = 1  // 一千零十
            } else if u == 10 && !strict {
              d = 1; loose = true  // 一百十一
            } else if bareUnits && !any {
              d = 1  // 百亿
            } else {
              break
            }
          }
          guard u < lastUnit else { break }
          if zero && lastUnit / u == 10 { loose = true }
          if !zero && lastUnit < 1e12 && lastUnit / u > 10 { loose = true }
          section += Double(d ?? 0) * u
          lastUnit = u
        } else if u == 10_000 {
          if pending == nil && section == 0 && !(bareUnits && !any) { break }
          if wan != 0 { break }
          let base = section + Double(pending ?? (section == 0 ? 1 : 0))
          wan = base * u
          section = 0
          lastUnit = 10_000
        } else {
          if pending == nil && section == 0 && wan == 0 && !(bareUnits && !any) { break }
          let base = wan + section + Double(pending ?? (section == 0 && wan == 0 ? 1 : 0))
          yi = (yi + base) * u
          wan = 0; section = 0
          lastUnit = 10_000
        }
        pending = nil
        zero = false
        hasUnit = true
        any = true
        seqCount = 0
        i += 1
        lastGood = i
        valueAtGood = current()
        continue
      }
      break
    }
    // A trailing bare digit after a unit: 三万五 (abbreviation) or 一百零一 (after 零).
    if let p = pending, hasUnit, lastGood == i, !zero, lastUnit > 10 {
      // An abbreviation: the digit takes the unit below the last one (三万五, 一百二).
      let below = lastUnit == 10_000 ? 1000 : lastUnit / 10
      valueAtGood = yi + wan + section + Double(p) * below
      loose = true
    }
    guard any, lastGood > start else { return nil }
    var value = valueAtGood
    var digitString = !hasUnit && digitCount > 1
    var endPos = lastGood
    // Digit strings: 一九九八 → 1998; a leading 零 is kept as a digit.
    if !hasUnit {
      var v = 0.0
      var k = start
      while k < endPos, let d = digit(t[k]) { v = v * 10 + Double(d); k += 1 }
      value = v
      digitString = endPos - start > 1
    }
    // Decimal part: 点 and digits.
    if endPos < end, t[endPos] == "点", endPos + 1 < end, digit(t[endPos + 1]) != nil, !digitString || endPos - start == 1 || !strict {
      var k = endPos + 1
      var scale = 0.1
      var frac = 0.0
      var lastDigit = 0
      while k < end, let d = digit(t[k]) { frac += Double(d) * scale; scale /= 10; lastDigit = d; k += 1 }
      if strict && lastDigit == 0 { loose = true }
      value += frac
      endPos = k
      digitString = false
      if !strict, k < end, let u = unit(t[k]), u >= 10_000 {
        value *= u; endPos = k + 1
        if endPos < end, t[endPos] == "亿", u == 10_000 { value *= 1e8; endPos += 1 }
      }
    }
    if strict && (loose || digitString) { return nil }
    if negative { value = -value }
    return Reading(value: value, end: endPos, digitString: digitString, digits: digitCount, hasUnit: hasUnit, loose: loose)
  }
}

/// One number as written in text: Arabic (`100.06`, `233,333,333`, `57.06万`, `3千万亿`) or
/// Chinese (`两千三百`, `一九九八`, `五十七点零六万`).
struct NumberToken {
  var value: Double
  var end: Int
  var chinese: Bool
  var digitString: Bool
  var hasUnit: Bool
  /// Arabic integer digits before any decimal point (for years).
  var intDigits: Int
  /// The product of the units after an Arabic figure (万亿 → 1e12), 1 when none.
  var unitProduct: Double = 1

  static func isASCIIDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }

  /// The number starting at `i`, or nil. `allowBareUnits` lets a numeral begin with a unit
  /// (`百亿` → 1e10), which only money and percentages may.
  static func scan(_ t: [Unicode.Scalar], at i: Int, allowBareUnits: Bool = false) -> NumberToken? {
    guard i < t.count else { return nil }
    if isASCIIDigit(t[i]) {
      var k = i
      var v = 0.0
      var digits = 0
      while k < t.count {
        let s = t[k]
        if isASCIIDigit(s) {
          v = v * 10 + Double(s.value - 48); digits += 1; k += 1
        } else if s == ",", digits > 0, k + 3 < t.count,
                  (1...3).allSatisfy({ isASCIIDigit(t[k + $0]) }),
                  k + 4 >= t.count || !isASCIIDigit(t[k + 4]) {
          k += 1
        } else { break }
      }
      if k + 1 < t.count, t[k] == ".", isASCIIDigit(t[k + 1]) {
        k += 1
        var scale = 0.1
        while k < t.count, isASCIIDigit(t[k]) { v += Double(t[k].value - 48) * scale; scale /= 10; k += 1 }
      }
      var hasUnit = false
      var product = 1.0
      while k < t.count, let u = ChineseNumber.unit(t[k]) {
        // 10万, 3千万亿; but not 3十 in running text
        if u == 10 && !hasUnit { break }
        v *= u; product *= u; k += 1; hasUnit = true
      }
      return NumberToken(value: v, end: k, chinese: false, digitString: false, hasUnit: hasUnit, intDigits: digits, unitProduct: product)
    }
    guard ChineseNumber.isNumeral(t[i]) || t[i] == "负" else { return nil }
    guard let r = ChineseNumber.read(t, i..<t.count, strict: false, bareUnits: allowBareUnits) else { return nil }
    // The trailing unit run of a Chinese numeral, for ranges (七千到九千亿 → both in 亿).
    var product = 1.0
    var k = r.end - 1
    while k >= i, let u = ChineseNumber.unit(t[k]), u >= 10_000 { product *= u; k -= 1 }
    return NumberToken(value: r.value, end: r.end, chinese: true, digitString: r.digitString,
                       hasUnit: r.hasUnit, intDigits: r.digits, unitProduct: product)
  }
}
