import NewsFacts

// TEMPORARY stand-ins for the normaliser/segmenter (helper "text") and the gazetteer and
// numeric recognisers (helper "places"), so the fact rules build and test before those land.
// Crude on purpose; `Recognition` switches to the real APIs and this file goes away.

enum Standin {
  // MARK: normalisation

  private static let tradPairs: [Unicode.Scalar: Unicode.Scalar] = {
    let pairs = "臨临質质發发聞闻網网來来國国時时間间區区縣县長长會会議议書书記记億亿萬万計计與与為为們们這这個个說说經经濟济開开實实進进產产業业現现總总東东門门問问點点對对從从後后員员黨党將将報报導导動动學学頭头領领體体變变類类協协廣广鄉乡鎮镇農农設设質质歷历躍跃增增態态勢势強强長长漢汉習习興兴處处級级區区內内資资環环務务機机構构發发屆届錢钱幣币畝亩畫画線线會会議议項项؟？"
    var m: [Unicode.Scalar: Unicode.Scalar] = [:]
    let sc = Array(pairs.unicodeScalars)
    var i = 0
    while i + 1 < sc.count { m[sc[i]] = sc[i + 1]; i += 2 }
    return m
  }()

  private static func isPinyinLetter(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    return (v >= 0x61 && v <= 0x7A) || (v >= 0xC0 && v <= 0x24F)
  }

  static func normalize(_ text: String) -> NormText {
    let o = Array(text.unicodeScalars)
    var out: [Unicode.Scalar] = [], starts: [Int] = [], ends: [Int] = []
    out.reserveCapacity(o.count); starts.reserveCapacity(o.count); ends.reserveCapacity(o.count)
    var lineStart = 0, lineEnd = 0
    var i = 0
    while i < o.count {
      if i >= lineEnd {
        lineStart = i
        var j = i
        while j < o.count && o[j] != "\n" { j += 1 }
        lineEnd = j + 1
      }
      var c = o[i]
      if c.value == 0xFEFF { i += 1; continue }
      if (c == "(" || c.value == 0xFF08), let last = out.last, Scalars.isHan(last) {
        var j = i + 1
        while j < o.count && j - i <= 8 && isPinyinLetter(o[j]) { j += 1 }
        if j > i + 1, j < o.count, o[j] == ")" || o[j].value == 0xFF09 {
          ends[ends.count - 1] = j + 1
          i = j + 1
          continue
        }
      }
      if c.value >= 0xFF01 && c.value <= 0xFF5E, let h = Unicode.Scalar(c.value - 0xFEE0) {
        // keep Chinese full-width clause punctuation as is; fold digits, letters and symbols
        if !(c.value == 0xFF0C || c.value == 0xFF1B || c.value == 0xFF1A || c.value == 0xFF01 || c.value == 0xFF1F
          || c.value == 0xFF08 || c.value == 0xFF09) { c = h }
      }
      if c.value == 0x3000 { c = " " }
      if c == " " || c == "\t" {
        var j = i
        while j < o.count && (o[j] == " " || o[j] == "\t" || o[j].value == 0x3000) { j += 1 }
        if let p = out.last, j < o.count {
          let n = o[j]
          let pOK = Scalars.isDigit(p) || Scalars.isHan(p) || p == "."
          let nOK = Scalars.isDigit(n) || Scalars.isHan(n) || (n.value >= 0xFF10 && n.value <= 0xFF19)
          let longLine = lineEnd - lineStart > 40
          if pOK && nOK && (Scalars.isDigit(p) || Scalars.isDigit(n) || longLine) { i = j; continue }
        }
      }
      if let s = tradPairs[c] { c = s }
      out.append(c); starts.append(i); ends.append(i + 1)
      i += 1
    }
    return NormText(scalars: out, starts: starts, ends: ends, originalCount: o.count)
  }

  // MARK: segmentation

  private static func lines(_ s: [Unicode.Scalar]) -> [Range<Int>] {
    var out: [Range<Int>] = []
    var i = 0
    while i < s.count {
      var j = i
      while j < s.count && s[j] != "\n" { j += 1 }
      var a = i, b = j
      while a < b && (s[a] == " " || s[a] == "\r" || s[a] == "\t") { a += 1 }
      while b > a && (s[b - 1] == " " || s[b - 1] == "\r" || s[b - 1] == "\t") { b -= 1 }
      if b > a { out.append(a..<b) }
      i = j + 1
    }
    return out
  }

  private static func startsWith(_ s: [Unicode.Scalar], _ r: Range<Int>, _ w: String) -> Bool {
    Scalars.has(s, at: r.lowerBound, Array(w.unicodeScalars)) && r.count >= w.unicodeScalars.count
  }

  private static func containsWord(_ s: [Unicode.Scalar], _ r: Range<Int>, _ w: String) -> Bool {
    Scalars.find(s, Array(w.unicodeScalars), from: r.lowerBound, to: r.upperBound) != nil
  }

  static func articles(_ s: [Unicode.Scalar]) -> [ArticleParts] {
    let ls = lines(s)
    guard !ls.isEmpty else { return [] }
    enum K { case heading, byline, meta, caption, body }
    func kind(_ r: Range<Int>) -> K {
      if startsWith(s, r, "#") { return .heading }
      for w in ["来源", "责任编辑", "版权声明", "编辑:"] where containsWord(s, r, w) { return .meta }
      if r.count >= 10, Scalars.isDigit(s[r.lowerBound]), s[r.lowerBound + 4] == "-" { return .meta }
      if s[r.upperBound - 1] == "摄" { return .caption }
      if startsWith(s, r, "记者") || startsWith(s, r, "本报记者") || startsWith(s, r, "通讯员") { return .byline }
      if r.count >= 2 && r.count <= 4 && r[...].allSatisfy({ Scalars.isHan(s[$0]) }) { return .byline }
      if r.count <= 40, let last = s[r.upperBound - 1] as Unicode.Scalar?,
         !(last == "。" || last == "!" || last == "?" || last == "；" || last == ";" || last == "," || last == "，") {
        return .heading
      }
      return .body
    }
    let kinds = ls.map(kind)
    var starts: [Int] = [0]
    for k in 1..<ls.count {
      let prev = kinds[..<k].last(where: { $0 != .caption })
      let prevBody = prev == .body || (prev == .byline && k >= 2 && kinds[k - 2] == .body)
      if kinds[k] == .heading && startsWith(s, ls[k], "#") && prevBody { starts.append(k); continue }
      if kinds[k] == .heading && prevBody && k + 1 < ls.count && kinds[k + 1] == .byline { starts.append(k) }
    }
    starts.append(ls.count)
    var out: [ArticleParts] = []
    for a in 0..<(starts.count - 1) {
      let idx = Array(starts[a]..<starts[a + 1])
      var parts = ArticleParts(body: ls[idx[0]].lowerBound..<ls[idx[idx.count - 1]].upperBound)
      var seenBody = false
      var bodyStart: Int? = nil
      for k in idx {
        var r = ls[k]
        switch kinds[k] {
        case .heading where !seenBody:
          while r.count > 0 && (s[r.lowerBound] == "#" || s[r.lowerBound] == " ") { r = (r.lowerBound + 1)..<r.upperBound }
          if parts.title == nil { parts.title = r } else { parts.subtitles.append(r) }
        case .byline where parts.byline == nil: parts.byline = r
        case .meta: parts.metaLines.append(r)
        case .caption: parts.captions.append(r)
        default:
          seenBody = true
          if bodyStart == nil { bodyStart = r.lowerBound }
        }
      }
      let end = ls[idx[idx.count - 1]].upperBound
      parts.body = (bodyStart ?? end)..<max(bodyStart ?? end, end)
      out.append(parts)
    }
    return out
  }

  static func sentences(_ s: [Unicode.Scalar], in range: Range<Int>) -> [Range<Int>] {
    var out: [Range<Int>] = []
    var a = max(0, range.lowerBound)
    let hi = min(range.upperBound, s.count)
    var i = a
    func push(_ b: Int) {
      var x = a, y = b
      while x < y && (s[x] == " " || s[x] == "\n" || s[x] == "\r" || s[x] == "\t") { x += 1 }
      while y > x && (s[y - 1] == " " || s[y - 1] == "\n" || s[y - 1] == "\r" || s[y - 1] == "\t") { y -= 1 }
      if y > x { out.append(x..<y) }
    }
    while i < hi {
      let c = s[i]
      if c == "\n" { push(i); a = i + 1 }
      else if c == "。" || c == "！" || c == "？" || c == "!" || c == "?" || c == "；" || c == ";" {
        var j = i + 1
        while j < hi && (s[j] == "”" || s[j] == "\"" || s[j] == "’") { j += 1 }
        push(j); a = j; i = j; continue
      }
      i += 1
    }
    push(hi)
    return out
  }

  // MARK: places

  private static let table: String = """
  山西省|province|14|山西省|||山西
  临汾市|city|1410|山西省|临汾市||临汾
  尧都区|county|141002|山西省|临汾市|尧都区|尧都
  运城市|city|1408|山西省|运城市||运城
  绛县|county|140826|山西省|运城市|绛县|绛县
  晋中市|city|1407|山西省|晋中市||晋中
  榆次区|county|140702|山西省|晋中市|榆次区|榆次
  太谷区|county|140703|山西省|晋中市|太谷区|太谷
  介休市|county|140781|山西省|晋中市|介休市|介休
  和顺县|county|140723|山西省|晋中市|和顺县|和顺
  寿阳县|county|140725|山西省|晋中市|寿阳县|寿阳
  太原市|city|1401|山西省|太原市||太原
  江苏省|province|32|江苏省|||江苏
  扬州市|city|3210|江苏省|扬州市||扬州
  仪征市|county|321081|江苏省|扬州市|仪征市|仪征
  南京市|city|3201|江苏省|南京市||南京
  镇江市|city|3211|江苏省|镇江市||镇江
  安徽省|province|34|安徽省|||安徽
  合肥市|city|3401|安徽省|合肥市||合肥
  浙江省|province|33|浙江省|||浙江
  杭州市|city|3301|浙江省|杭州市||杭州
  余杭区|county|330110|浙江省|杭州市|余杭区|余杭
  湖南省|province|43|湖南省|||湖南
  长沙市|city|4301|湖南省|长沙市||长沙
  浏阳市|county|430181|湖南省|长沙市|浏阳市|浏阳
  四川省|province|51|四川省|||四川
  成都市|city|5101|四川省|成都市||成都
  郫都区|county|510117|四川省|成都市|郫都区|郫都
  广东省|province|44|广东省|||广东
  深圳市|city|4403|广东省|深圳市||深圳
  宝安区|county|440306|广东省|深圳市|宝安区|宝安
  新加坡|country|||||
  德国|country|||||
  """

  private struct Gaz: Sendable {
    var byName: [String: PlaceRef] = [:]
    var words = WordList([])
  }

  private static let gaz: Gaz = {
    var g = Gaz()
    var names: [String] = []
    for line in table.split(separator: "\n") {
      let f = line.split(separator: "|", omittingEmptySubsequences: false).map { String($0).factsTrimmedSpaces }
      guard f.count >= 7, let level = PlaceLevel(rawValue: f[1]) else { continue }
      let ref = PlaceRef(name: f[0], level: level, code: f[2].isEmpty ? nil : f[2],
                         country: level == .country ? f[0] : "中国",
                         province: f[3].isEmpty ? nil : f[3], city: f[4].isEmpty ? nil : f[4],
                         county: f[5].isEmpty ? nil : f[5])
      g.byName[f[0]] = ref; names.append(f[0])
      if f[6].unicodeScalars.count >= 2 && g.byName[f[6]] == nil { g.byName[f[6]] = ref; names.append(f[6]) }
    }
    g.words = WordList(names)
    return g
  }()

  static func places(_ s: [Unicode.Scalar], context: PlaceCtx) -> [Mention] {
    var out: [Mention] = []
    var i = 0
    while i < s.count {
      let n = gaz.words.match(s, at: i)
      if n > 0 {
        let name = Scalars.string(s, i..<(i + n))
        if let ref = gaz.byName[name] {
          out.append(Mention(kind: .place, text: name, range: i..<(i + n), value: .place(ref)))
        }
        i += n
      } else { i += 1 }
    }
    return out
  }

  static func resolve(_ name: String) -> [PlaceRef] {
    gaz.byName[name].map { [$0] } ?? []
  }

  // MARK: numerics

  private static func readInt(_ s: [Unicode.Scalar], _ i: Int) -> (Int, Int)? {
    var j = i, v = 0
    while j < s.count && Scalars.isDigit(s[j]) && j - i < 9 { v = v * 10 + Int(s[j].value - 48); j += 1 }
    return j > i ? (v, j) : nil
  }

  private static func day(_ y: Int?, _ m: Int, _ d: Int) -> FactDate? {
    guard m >= 1, m <= 12, d >= 1, d <= FactDate.daysIn(month: m, year: y) else { return nil }
    return FactDate(year: y, month: m, day: d)
  }

  /// A date or period starting at `i`: returns the end and the span.
  private static func date(_ s: [Unicode.Scalar], _ i: Int, base: FactDate?) -> (Int, TimeSpan)? {
    guard let (a, j) = readInt(s, i), j < s.count else { return nil }
    let by = base?.year
    if s[j] == "-", j - i == 4, let (m, k) = readInt(s, j + 1), k < s.count, s[k] == "-", let (d, e) = readInt(s, k + 1),
       let f = day(a, m, d) {
      return (e, TimeSpan(from: f, to: f))
    }
    var year: Int? = nil
    var k = j
    if s[j] == "年" && j - i == 4 {
      year = a; k = j + 1
      let periods: [(String, Int, Int, Int, Int)] = [("前三季度", 1, 1, 9, 30), ("上半年", 1, 1, 6, 30), ("下半年", 7, 1, 12, 31),
                                                     ("一季度", 1, 1, 3, 31), ("全年", 1, 1, 12, 31)]
      for (w, m1, d1, m2, d2) in periods where Scalars.has(s, at: k, Array(w.unicodeScalars)) {
        if let f = day(a, m1, d1), let t = day(a, m2, d2) { return (k + w.unicodeScalars.count, TimeSpan(from: f, to: t)) }
      }
      guard let (m, k2) = readInt(s, k), k2 < s.count, s[k2] == "月" else {
        if let f = day(a, 1, 1), let t = day(a, 12, 31) { return (k, TimeSpan(from: f, to: t)) }
        return nil
      }
      return monthDay(s, m, k2 + 1, year: year, base: by)
    }
    if s[j] == "月" { return monthDay(s, a, j + 1, year: nil, base: by) }
    return nil
  }

  private static func monthDay(_ s: [Unicode.Scalar], _ m: Int, _ k: Int, year: Int?, base: Int?) -> (Int, TimeSpan)? {
    let y = year ?? base
    guard let (d, e) = readInt(s, k), e < s.count, s[e] == "日", let f = day(y, m, d) else {
      guard let f = day(y, m, 1), let t = day(y, m, FactDate.daysIn(month: m, year: y)) else { return nil }
      return (k, TimeSpan(from: f, to: t))
    }
    var end = e + 1
    var to = f
    if end < s.count, s[end] == "至" || s[end] == "到" || s[end] == "、" || s[end] == "-" {
      if let (x, e2) = readInt(s, end + 1), e2 < s.count {
        if s[e2] == "日", let t = day(y, m, x), x > d { to = t; end = e2 + 1 }
        else if s[e2] == "月", let (d2, e3) = readInt(s, e2 + 1), e3 < s.count, s[e3] == "日", let t = day(y, x, d2) {
          to = t; end = e3 + 1
        }
      }
    }
    return (end, TimeSpan(from: f, to: to))
  }

  static func numerics(_ s: [Unicode.Scalar], base: FactDate?) -> [Mention] {
    var out: [Mention] = []
    var i = 0
    while i < s.count {
      guard Scalars.isDigit(s[i]), i == 0 || !(Scalars.isDigit(s[i - 1]) || s[i - 1] == ".") else { i += 1; continue }
      if let (e, span) = date(s, i, base: base) {
        out.append(Mention(kind: .time, text: Scalars.string(s, i..<e), range: i..<e, value: .time(span)))
        i = e; continue
      }
      var j = i, mant = 0.0, decimals = 0
      var seenDot = false
      while j < s.count && (Scalars.isDigit(s[j]) || (s[j] == "." && !seenDot) || s[j] == ",") {
        if s[j] == "." { seenDot = true } else if s[j] != "," {
          mant = mant * 10 + Double(s[j].value - 48)
          if seenDot { decimals += 1 }
        }
        j += 1
      }
      var div = 1.0
      for _ in 0..<decimals { div *= 10 }
      var mult = 1.0
      var start = i
      var bound = Bound.exact
      if i > 0 {
        let p = s[i - 1]
        if p == "约" || p == "近" { bound = .about; start = i - 1 }
        else if p == "过" || p == "超" { bound = .atLeast; start = i - 1 }
      }
      while j < s.count {
        if s[j] == "万" { mult *= 1e4; j += 1 } else if s[j] == "亿" { mult *= 1e8; j += 1 } else { break }
      }
      let value = mant * mult / div
      if j < s.count && (s[j] == "余" || s[j] == "多") { bound = .atLeast; j += 1 }
      func suffix(_ w: String) -> Bool { Scalars.has(s, at: j, Array(w.unicodeScalars)) }
      if suffix("美元") {
        j += 2
        out.append(Mention(kind: .money, text: Scalars.string(s, start..<j), range: start..<j,
                           value: .money(value: value, low: nil, high: nil, currency: "USD", bound: bound)))
      } else if suffix("元") {
        j += 1
        out.append(Mention(kind: .money, text: Scalars.string(s, start..<j), range: start..<j,
                           value: .money(value: value, low: nil, high: nil, currency: "CNY", bound: bound)))
      } else if suffix("%") {
        j += 1
        if suffix("以上") { bound = .atLeast; j += 2 }
        out.append(Mention(kind: .percent, text: Scalars.string(s, start..<j), range: start..<j, value: .percent(value, bound: bound)))
      } else if suffix("亩") {
        j += 1
        out.append(Mention(kind: .area, text: Scalars.string(s, start..<j), range: start..<j, value: .area(value * 2000.0 / 3.0, unit: "亩")))
      } else if suffix("平方公里") {
        j += 4
        out.append(Mention(kind: .area, text: Scalars.string(s, start..<j), range: start..<j, value: .area(value * 1e6, unit: "平方公里")))
      } else {
        out.append(Mention(kind: .number, text: Scalars.string(s, i..<j), range: i..<j, value: .number(value)))
      }
      i = j
    }
    return out
  }
}

extension String {
  var factsTrimmedSpaces: String {
    var sc = Array(unicodeScalars)
    while let f = sc.first, f == " " { sc.removeFirst() }
    while let l = sc.last, l == " " { sc.removeLast() }
    return Scalars.string(sc, 0..<sc.count)
  }
}
