/// Amounts of money: `100.06亿元`, `4亿美元`, `过百亿元` (1e10, at least), `约2亿元`, `3-5亿元`,
/// `壹仟玖佰圆`, `一百二十三元1角1分`, `港币两千九百六十元`, `2000余元`, `50万元(含)以上`.
///
/// An amount needs a currency word before or after it: a bare `10亿` is a number. `多`/`余`
/// after the figure give a lower bound (3000多欧元 → 3000, at least), not a range.
enum MoneyRecognizer {
  /// Currency words written after an amount, with their ISO 4217 code.
  static let suffixCurrencies: [(String, String)] = [
    ("元", "CNY"), ("圆", "CNY"), ("块", "CNY"), ("块钱", "CNY"), ("元钱", "CNY"), ("元人民币", "CNY"),
    ("人民币", "CNY"), ("元整", "CNY"), ("元正", "CNY"), ("圆整", "CNY"),
    ("美元", "USD"), ("美金", "USD"), ("欧元", "EUR"), ("日元", "JPY"), ("英镑", "GBP"),
    ("港元", "HKD"), ("港币", "HKD"), ("澳元", "AUD"), ("加元", "CAD"), ("韩元", "KRW"),
    ("卢布", "RUB"), ("泰铢", "THB"), ("新台币", "TWD"), ("澳门元", "MOP"), ("澳门币", "MOP"),
    ("新加坡元", "SGD"), ("瑞士法郎", "CHF"), ("法郎", "CHF"), ("卢比", "INR"), ("林吉特", "MYR"),
    ("越南盾", "VND"), ("新西兰元", "NZD"),
  ]
  static let suffixWords = Lexicon.words(suffixCurrencies.map(\.0))

  /// Currency words written before an amount.
  static let prefixCurrencies: [(String, String)] = [
    ("人民币", "CNY"), ("港币", "HKD"), ("港元", "HKD"), ("美元", "USD"), ("欧元", "EUR"),
    ("日元", "JPY"), ("新台币", "TWD"), ("英镑", "GBP"),
  ]
  static let prefixWords = Lexicon.words(prefixCurrencies.map(\.0))

  static func match(_ t: [Unicode.Scalar], at i: Int) -> (end: Int, value: MentionValue)? {
    var k = i
    var bound = Bound.exact
    if let p = Lexicon.longest(t, at: k, Lexicon.prefixWords) {
      bound = Lexicon.prefixBounds[p.index].1
      k = p.end
    }
    var currency: String? = nil
    if let c = Lexicon.longest(t, at: k, prefixWords) {
      currency = prefixCurrencies[c.index].1
      k = c.end
    }
    guard let first = NumberToken.scan(t, at: k, allowBareUnits: true) else { return nil }
    // 数十亿, 几百万: a vague amount, not the figure after 数/几.
    if first.chinese, k > 0, t[k - 1] == "数" || t[k - 1] == "几" { return nil }
    // A bare unit alone (百, 万) must be followed by more: 百亿元 yes, 千万 no.
    if first.chinese && first.end - k == 1 && !first.hasUnit && first.value < 1 { return nil }
    k = first.end
    var low = first.value
    var high: Double? = nil
    k = skipInclusive(t, k)
    // Range: 3-5亿元, 1万元--5万元, 从8500到3万港元, 七千到九千亿元.
    if let c = Lexicon.longest(t, at: k, Lexicon.connectors),
       let second = NumberToken.scan(t, at: c.end, allowBareUnits: false) {
      // The first figure takes the second's big unit when it is smaller than the second's
      // bare figure: 3-5亿 → 3亿..5亿, 七千到九千亿; but 8500到3万 stays 8500..30000.
      var l = low
      let bare = second.value / second.unitProduct
      if second.unitProduct > first.unitProduct && first.value < bare {
        l = first.value * second.unitProduct / first.unitProduct
      }
      if second.value >= l {
        low = l
        high = second.value
        k = second.end
      }
    } else if let cur = Lexicon.longest(t, at: k, suffixWords),
              let c = Lexicon.longest(t, at: cur.end, Lexicon.connectors),
              let second = NumberToken.scan(t, at: c.end, allowBareUnits: false) {
      // 1万元--5万元: the currency after each amount.
      let after = second.end
      if let cur2 = Lexicon.longest(t, at: after, suffixWords), suffixCurrencies[cur2.index].1 == suffixCurrencies[cur.index].1,
         second.value >= low {
        high = second.value
        k = after
      }
    }
    // 多/余 between figure and unit or currency: 10多万元, 3000多欧元, 2000余元.
    if high == nil, k < t.count, t[k] == "多" || t[k] == "余" {
      var j = k + 1
      var mult = 1.0
      while j < t.count, let u = ChineseNumber.unit(t[j]), u >= 100 { mult *= u; j += 1 }
      if Lexicon.longest(t, at: j, suffixWords) != nil {
        low *= mult
        if bound == .exact { bound = .atLeast }
        k = j
      }
    }
    var end = k
    if let c = Lexicon.longest(t, at: k, suffixWords) {
      currency = suffixCurrencies[c.index].1 == "CNY" ? (currency ?? "CNY") : suffixCurrencies[c.index].1
      end = c.end
      // 角 and 分 after 元/块: 一百二十三元1角1分, 一百三十五块六角七分钱.
      // (the currency word is 元, 块 or 圆 alone: compared as a scalar, no string made)
      if c.end - k == 1, t[k] == "元" || t[k] == "块" || t[k] == "圆", high == nil {
        var j = end
        var extra = 0.0
        for (u, scale) in [("角" as Unicode.Scalar, 0.1), ("分", 0.01)] {
          if let d = NumberToken.scan(t, at: j), d.value < 10, d.end < t.count, t[d.end] == u {
            extra += d.value * scale
            j = d.end + 1
          }
        }
        if j > end {
          low += extra
          end = j
          if end < t.count, t[end] == "钱" { end += 1 }
        }
      }
    } else if currency == nil {
      return nil
    }
    guard let cur = currency else { return nil }
    end = skipInclusive(t, end)
    if let s = Lexicon.longest(t, at: end, Lexicon.suffixWords) {
      let b = Lexicon.suffixBounds[s.index].1
      if bound == .exact || bound == b { bound = b; end = s.end }
    }
    let value: MentionValue = high.map {
      .money(value: nil, low: low, high: $0, currency: cur, bound: bound)
    } ?? .money(value: low, low: nil, high: nil, currency: cur, bound: bound)
    return (end, value)
  }

  static func skipInclusive(_ t: [Unicode.Scalar], _ k: Int) -> Int {
    Lexicon.longest(t, at: k, Lexicon.inclusive)?.end ?? k
  }
}
