/// Splits normalised documents into articles and articles into sentences.
///
/// Articles start at `#` headings, and at headline blocks after a body: a short line without
/// final punctuation followed by another headline line, a byline (`本报讯`, `记者 …`) or an
/// author's name. A single short line between paragraphs is a sub-heading of the current
/// article. Short lines set apart by two or more blank lines inside a headline block, or at the
/// end, are photo captions, as are lines ending in `摄`.
public enum Segmenter {
  enum Kind: Equatable {
    case heading(contentStart: Int)  // `#` line
    case headline  // short line without final punctuation
    case name  // a person's name alone (author)
    case bylineLine
    case prefixed(bodyStart: Int)  // 本报讯 … paragraph
    case caption
    case meta
    case body
    case ignorable  // punctuation only
  }

  struct Line {
    var range: Range<Int>  // trimmed
    var gap: Int  // line breaks since the previous non-blank line (large at document start)
    var kind: Kind
  }

  // MARK: public

  /// The articles of `text`, in order. Text without any structure is one article of body.
  public static func articles(in text: NormalizedText) -> [ArticleSegment] {
    let lines = classify(text.scalars)
    var out: [ArticleSegment] = []
    // The article being built, valid while `isOpen` (a plain value changed in place: an optional
    // one was copied out and back at every line).
    var current = ArticleSegment(range: 0..<0)
    var isOpen = false
    var inBody = false
    var hasPrefixByline = false

    func close() {
      if isOpen { out.append(current) }
      current = ArticleSegment(range: 0..<0)
      isOpen = false
      inBody = false
      hasPrefixByline = false
    }
    func open(at r: Range<Int>) {
      close()
      current = ArticleSegment(range: r)
      isOpen = true
    }
    func extend(_ r: Range<Int>) {
      if !isOpen { current = ArticleSegment(range: r); isOpen = true }
      if r.upperBound > current.range.upperBound { current.range = current.range.lowerBound..<r.upperBound }
    }
    /// Kind of the next non-ignorable line after `i`, if any.
    func next(_ i: Int) -> Line? {
      var j = i + 1
      while j < lines.count {
        if lines[j].kind != .ignorable { return lines[j] }
        j += 1
      }
      return nil
    }

    for (i, line) in lines.enumerated() {
      let r = line.range
      switch line.kind {
      case .ignorable:
        if isOpen { extend(r) }
      case .heading(let contentStart):
        open(at: r)
        if contentStart < r.upperBound { current.title = contentStart..<r.upperBound }
      case .prefixed(let bodyStart):
        if !isOpen || hasPrefixByline { open(at: r) }
        extend(r)
        var bylineEnd = bodyStart
        while bylineEnd > r.lowerBound && isBlank(text.scalars[bylineEnd - 1].value) { bylineEnd -= 1 }
        if current.byline == nil {
          current.byline = r.lowerBound..<bylineEnd
        } else {
          current.metaLines.append(r.lowerBound..<bylineEnd)
        }
        if bodyStart < r.upperBound { current.body.append(bodyStart..<r.upperBound) }
        hasPrefixByline = true
        inBody = true
      case .bylineLine, .name:
        if !isOpen {
          if line.kind == .name { open(at: r); current.title = r; continue }
          open(at: r)
        }
        extend(r)
        if line.kind == .name && inBody {
          // An author's name after the body closes the article; elsewhere it is a sub-heading.
          let n = next(i)
          let closes = n == nil || n.map { l -> Bool in
            if case .heading = l.kind { return true }
            return l.kind == .headline || l.kind == .caption || l.kind == .meta
          } ?? true
          if !closes {
            current.subtitles.append(r)
            continue
          }
        }
        if let b = current.byline {
          if line.kind == .name && hasPrefixByline && !bylineNamesSomeone(text.scalars, b) {
            // A named author is a better byline than a bare 本报讯.
            current.metaLines.append(b)
            current.byline = r
          } else {
            current.metaLines.append(r)
          }
        } else {
          current.byline = r
        }
      case .caption:
        extend(r)
        current.captions.append(r)
      case .meta:
        extend(r)
        current.metaLines.append(r)
      case .body:
        extend(r)
        current.body.append(r)
        inBody = true
      case .headline:
        if !isOpen {
          open(at: r)
          current.title = r
          continue
        }
        if !inBody {
          extend(r)
          if current.title == nil {
            current.title = r
          } else if line.gap >= 3 {
            current.captions.append(r)
          } else {
            current.subtitles.append(r)
          }
          continue
        }
        let n = next(i)
        let startsArticle: Bool
        let setApart: Bool
        switch n?.kind {
        case .headline?, .name?, .bylineLine?, .prefixed?: startsArticle = true; setApart = false
        case nil, .caption?, .meta?: startsArticle = false; setApart = true
        case .heading?: startsArticle = false; setApart = true
        default: startsArticle = false; setApart = false
        }
        if startsArticle && !(line.gap >= 3 && n?.kind == .headline && (n?.gap ?? 0) >= 3) {
          open(at: r)
          current.title = r
        } else if setApart || line.gap >= 3 && n?.kind == .headline {
          extend(r)
          if line.gap >= 3 { current.captions.append(r) } else { current.metaLines.append(r) }
        } else {
          extend(r)
          current.subtitles.append(r)
        }
      }
    }
    close()
    return out
  }

  /// Sentences of `range` in `text`: ends at 。！？； and ASCII ! ? ; (closing quotes and brackets
  /// stay with their sentence) and at line ends. Ranges are trimmed of blanks; empty ones dropped.
  public static func sentences(in text: NormalizedText, range: Range<Int>) -> [Range<Int>] {
    var out: [Range<Int>] = []
    appendSentences(in: text.scalars, range: range, to: &out)
    return out
  }

  /// `sentences(in:range:)` over scalars, appended to `out` (a caller splitting many
  /// paragraphs reuses one array).
  public static func appendSentences(in s: [Unicode.Scalar], range: Range<Int>, to out: inout [Range<Int>]) {
    let lo = max(0, min(range.lowerBound, s.count))
    let hi = max(lo, min(range.upperBound, s.count))
    s.withUnsafeBufferPointer { s in
      var start = lo
      @inline(__always) func emit(_ a: Int, _ b: Int) {
        var a = a
        var b = b
        while a < b && isBlank(s[a].value) { a += 1 }
        while b > a && isBlank(s[b - 1].value) { b -= 1 }
        if a < b { out.append(a..<b) }
      }
      var k = lo
      while k < hi {
        let v = s[k].value
        // (most scalars are ideographs, which neither end a sentence nor a line)
        if v >= 0x4E00 && v <= 0x9FFF { k &+= 1; continue }
        if v == 0x0A {
          emit(start, k)
          start = k + 1
          k += 1
          continue
        }
        if ScalarClass.isSentenceEnd(v) {
          var e = k + 1
          while e < hi && (ScalarClass.isSentenceEnd(s[e].value) || ScalarClass.isClosing(s[e].value)) { e += 1 }
          emit(start, e)
          start = e
          k = e
          continue
        }
        k += 1
      }
      emit(start, hi)
    }
  }

  // MARK: line classification

  @inline(__always) static func isBlank(_ v: UInt32) -> Bool { ScalarClass.isBlank(v) || v == 0x0D }

  /// What `kind` counts in a line, found in the pass that finds the line's end (the blanks a
  /// line's range is trimmed of count as none of these).
  struct LineCounts {
    var ideographs = 0
    var letters = 0
    var full = 0  // 。 inside
    var commas = 0
  }

  static func classify(_ s: [Unicode.Scalar]) -> [Line] {
    var lines: [Line] = []
    let n = s.count
    // (room for lines of twenty scalars: most documents' lines without growing the array)
    lines.reserveCapacity(n / 20 + 8)
    var gap = 100
    s.withUnsafeBufferPointer { b in
      var start = 0
      while start <= n {
        // One pass over the line: its end and what its kind is decided on.
        var c = LineCounts()
        var k = start
        while k < n {
          let v = b[k].value
          // (the common case first: an ideograph is nothing else below)
          if v >= 0x4E00 && v <= 0x9FFF { c.ideographs &+= 1; k &+= 1; continue }
          if v == 0x0A { break }
          if ScalarClass.isIdeograph(v) { c.ideographs &+= 1 }
          else if ScalarClass.isASCIILetter(v) || ScalarClass.isASCIIDigit(v) { c.letters &+= 1 }
          if v == 0x3002 { c.full &+= 1 }
          if v == 0xFF0C || v == 0x2C || v == 0xFF1B || v == 0x3B { c.commas &+= 1 }
          k &+= 1
        }
        var lo = start
        var hi = k
        while lo < hi && isBlank(b[lo].value) { lo += 1 }
        while hi > lo && isBlank(b[hi - 1].value) { hi -= 1 }
        if lo < hi {
          lines.append(Line(range: lo..<hi, gap: gap, kind: kind(s, lo..<hi, gap: gap, counts: c)))
          gap = 1
        } else if k < n {
          gap += 1
        }
        start = k + 1
      }
    }
    return lines
  }

  static func has(_ s: [Unicode.Scalar], _ r: Range<Int>, prefix: String) -> Bool {
    var k = r.lowerBound
    for u in prefix.unicodeScalars {
      guard k < r.upperBound, s[k] == u else { return false }
      k += 1
    }
    return true
  }

  /// Whether `s[r]` starts with the scalar values `prefix`.
  @inline(__always)
  static func has(_ s: [Unicode.Scalar], _ r: Range<Int>, prefix: [UInt32]) -> Bool {
    guard r.count >= prefix.count else { return false }
    var k = r.lowerBound
    for u in prefix {
      guard s[k].value == u else { return false }
      k &+= 1
    }
    return true
  }

  /// Prefixes as scalar values, with the first scalars of the list: a line starting with
  /// anything else is rejected with a few compares (most lines are tested against every list).
  struct Prefixes: Sendable {
    let words: [[UInt32]]
    let firsts: [UInt32]
    init(_ list: [String]) {
      words = list.map { $0.unicodeScalars.map(\.value) }
      var f: [UInt32] = []
      for w in words where !f.contains(w[0]) { f.append(w[0]) }
      firsts = f
    }
    /// Whether `s[r]` starts with one of the words.
    @inline(__always)
    func start(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
      guard !r.isEmpty, firsts.contains(s[r.lowerBound].value) else { return false }
      for w in words where Segmenter.has(s, r, prefix: w) { return true }
      return false
    }
  }
  static let metaList = Prefixes(metaPrefixes)
  static let noticeList = Prefixes(noticePrefixes)
  static let bylineList = Prefixes(bylinePrefixes)
  static let agencyList = Prefixes(agencyPrefixes)

  static let metaPrefixes = [
    "来源", "责任编辑", "编辑", "校对", "审核", "审校", "主编", "版权声明", "原标题", "发布时间", "发布日期", "时间：",
    "稿源", "供稿", "终审", "初审", "复审", "值班编辑", "新闻热线", "声明：",
  ]
  /// Notices that are never article text, whatever their length.
  static let noticePrefixes = ["版权声明", "免责声明", "声明：", "版权所有", "(责任编辑", "（责任编辑"]
  static let bylinePrefixes = ["记者", "本报记者", "通讯员", "本报通讯员", "特约记者", "见习记者", "文/", "文／", "作者", "撰稿", "文 /"]
  static let agencyPrefixes = ["本报", "新华社", "中新社", "中新网", "人民网", "新华网", "央视网", "央广网"]

  static func kind(_ s: [Unicode.Scalar], _ r: Range<Int>, gap: Int, counts: LineCounts) -> Kind {
    let length = r.count
    let first = s[r.lowerBound].value
    let last = s[r.upperBound - 1].value
    if first == 0x23 {
      var c = r.lowerBound
      while c < r.upperBound && (s[c].value == 0x23 || isBlank(s[c].value)) { c += 1 }
      return .heading(contentStart: c)
    }
    let ideographs = counts.ideographs
    let letters = counts.letters
    let full = counts.full  // 。 inside
    let commas = counts.commas
    if ideographs + letters == 0 { return .ignorable }
    // 本报讯 / 新华社北京5月1日电 prefixes.
    if let body = agencyPrefixEnd(s, r) { return .prefixed(bodyStart: body) }
    // Captions: "… 记者 某某 摄".
    if last == 0x6444 /* 摄 */ && length <= 80 && full == 0 {
      return .caption
    }
    if noticeList.start(s, r) { return .meta }
    if length <= 80 && full == 0 {
      if metaList.start(s, r) { return .meta }
      if isDateline(s, r) { return .meta }
      if length <= 40 {
        if bylineList.start(s, r) { return .bylineLine }
      }
    }
    if isName(s, r) { return .name }
    let terminal = ScalarClass.isSentenceEnd(last) || last == 0xFF1A || last == 0x3A || last == 0xFF0C || last == 0x3001
      || last == 0x2026
    let closingAfterEnd: Bool = {
      guard ScalarClass.isClosing(last), r.count >= 2 else { return false }
      return ScalarClass.isSentenceEnd(s[r.upperBound - 2].value)
    }()
    if full == 0 && length <= 40 && !terminal && !closingAfterEnd && commas == 0 { return .headline }
    if full == 0 && length <= 24 && (last == 0xFF01 || last == 0xFF1F || last == 0x21 || last == 0x3F) {
      return .headline
    }
    return .body
  }

  /// Whether a byline range names a reporter (contains 记者 / 通讯员 or brackets).
  static func bylineNamesSomeone(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
    var k = r.lowerBound
    while k + 1 < r.upperBound {
      let a = s[k].value
      let b = s[k + 1].value
      if (a == 0x8BB0 && b == 0x8005) || (a == 0x901A && b == 0x8BAF) { return true }  // 记者, 通讯
      if a == 0xFF08 || a == 0x28 { return true }
      k += 1
    }
    return false
  }

  /// End of a `本报讯` / `新华社北京5月1日电（记者 …）` prefix (start of the body), if the line has one.
  static func agencyPrefixEnd(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Int? {
    guard agencyList.start(s, r) else { return nil }
    var k = r.lowerBound
    let limit = min(r.upperBound, r.lowerBound + 24)
    while k < limit {
      let v = s[k].value
      if v == 0x8BAF /* 讯 */ || v == 0x7535 /* 电 */ { break }
      if v == 0x3002 || v == 0xFF0C || v == 0x2C { return nil }
      k += 1
    }
    guard k < limit else { return nil }
    k += 1
    // Reporters in brackets.
    if k < r.upperBound, s[k].value == 0xFF08 || s[k].value == 0x28 || s[k].value == 0x3010 {
      var j = k + 1
      while j < min(r.upperBound, k + 60) {
        let v = s[j].value
        if v == 0xFF09 || v == 0x29 || v == 0x3011 { k = j + 1; break }
        j += 1
      }
    }
    while k < r.upperBound && isBlank(s[k].value) { k += 1 }
    return k
  }

  /// A dateline: starts with a year (`2025-01-06`, `2024年5月`, `2024/5/1`).
  static func isDateline(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
    guard r.count >= 6 else { return false }
    for k in 0..<4 where !ScalarClass.isASCIIDigit(s[r.lowerBound + k].value) { return false }
    let sep = s[r.lowerBound + 4].value
    guard sep == 0x2D || sep == 0x5E74 /* 年 */ || sep == 0x2F || sep == 0x2E else { return false }
    return ScalarClass.isASCIIDigit(s[r.lowerBound + 5].value)
  }

  /// A line that is only a person's name: 2–4 ideographs (spaces allowed) starting with a
  /// common surname.
  static func isName(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
    // (the first two ideographs and a count: no array per line)
    var count = 0
    var c0: UInt32 = 0, c1: UInt32 = 0
    for k in r {
      let v = s[k].value
      if isBlank(v) { continue }
      guard ScalarClass.isIdeograph(v) else { return false }
      if count == 0 { c0 = v } else if count == 1 { c1 = v }
      count += 1
      if count > 4 { return false }
    }
    guard count >= 2 else { return false }
    if count >= 3 && Surnames.isCompound(c0, c1) { return true }
    return count <= 3 && Surnames.single.contains(c0)
  }
}

/// Common Chinese surnames, for recognising an author's name on its own line.
enum Surnames {
  static let single: Set<UInt32> = Set(
    ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
    ).unicodeScalars.map(\.value))
  static let compoundPairs: [String] = ["欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "令狐", "端木", "西门", "独孤", "南宫"]
  /// The pairs as scalar values (decoded once).
  static let compoundCodes: [(UInt32, UInt32)] = compoundPairs.compactMap { p in
    let u = Array(p.unicodeScalars)
    return u.count == 2 ? (u[0].value, u[1].value) : nil
  }
  static func isCompound(_ a: UInt32, _ b: UInt32) -> Bool {
    compoundCodes.contains { $0.0 == a && $0.1 == b }
  }
}
