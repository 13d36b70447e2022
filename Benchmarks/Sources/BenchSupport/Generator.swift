/// One planted fact: the entity and its key fields (truth.jsonl carries one per line).
public struct TruthFact: Sendable {
  public var entity: String
  public var fields: [(String, JSON)]
  public init(_ entity: String, _ fields: [(String, JSON)]) { self.entity = entity; self.fields = fields }
  public subscript(_ key: String) -> JSON? { fields.first { $0.0 == key }?.1 }
}

/// A generated document: where it goes, its bytes, and the facts planted in it.
public struct GeneratedDoc: Sendable {
  /// Relative to the `docs` root: `0001/0001234.txt`.
  public var path: String
  public var bytes: [UInt8]
  /// Meetings, projects, indicators, visits of this document (doc field set).
  public var truth: [TruthFact]
  /// Officials mentioned, with their county: persons are merged across documents.
  public var people: [(Official, County)]
  public var noise: [String]
}

/// Synthetic news in the seeds' style, deterministic from a seed: document `i` depends only
/// on the seed and `i`.
public struct NewsGenerator: Sendable {
  public let seed: UInt64
  public init(seed: UInt64) { self.seed = seed }

  public static func path(of i: Int) -> String {
    func pad(_ n: Int, _ w: Int) -> String { let s = String(n); return String(repeating: "0", count: max(0, w - s.count)) + s }
    return pad(i / 1000, 4) + "/" + pad(i, 7) + ".txt"
  }

  public func document(_ i: Int) -> GeneratedDoc {
    var r = SplitMix64(seed, UInt64(i) &+ 1)
    let path = NewsGenerator.path(of: i)
    if r.chance(0.003) { return junk(path, &r) }
    var a = ArticleBuilder(county: Gazetteer.pick(&r), seed: seed, doc: path, r: r)
    a.build()
    var text = a.text
    var noise: [String] = []
    var r2 = a.r
    if r2.chance(0.08) { text = Noise.traditional(text); noise.append("traditional") }
    if r2.chance(0.04) { text = Noise.strayPinyin(text, rate: 0.04, &r2); noise.append("pinyin") }
    if r2.chance(0.10) { text = Noise.pdf(text, rate: 0.01, &r2); noise.append("pdf") }
    var bytes = Array(text.utf8)
    if r2.chance(0.05), let gbk = encodeGBK(text) { bytes = gbk; noise.append("gbk") }
    var truth = a.truth
    if !noise.isEmpty {
      for k in truth.indices { truth[k].fields.append(("noise", .array(noise.map { .string($0) }))) }
    }
    return GeneratedDoc(path: path, bytes: bytes, truth: truth, people: a.people, noise: noise)
  }

  /// Files a crawler leaves behind: binary bytes, empty files, navigation text.
  func junk(_ path: String, _ r: inout SplitMix64) -> GeneratedDoc {
    var bytes: [UInt8] = []
    switch r.int(3) {
    case 0: for _ in 0..<r.int(200...4000) { bytes.append(UInt8(truncatingIfNeeded: r.next())) }
    case 1: bytes = []
    default: bytes = Array("首页 | 新闻中心 | 政务公开 | 办事服务 | 互动交流\n版权所有 © 2023 All Rights Reserved 备案号：晋ICP备00000000号\n".utf8)
    }
    return GeneratedDoc(path: path, bytes: bytes, truth: [], people: [], noise: ["junk"])
  }

  /// Facts of document `i` without its text: what `engine.add(facts:)` gets for big tables.
  public func facts(_ i: Int) -> (truth: [TruthFact], people: [(Official, County)]) {
    var r = SplitMix64(seed, UInt64(i) &+ 1)
    let path = NewsGenerator.path(of: i)
    if r.chance(0.003) { return ([], []) }
    var a = ArticleBuilder(county: Gazetteer.pick(&r), seed: seed, doc: path, r: r)
    a.build()
    return (a.truth, a.people)
  }
}

/// Builds one article: paragraphs in random order with fillers between, and its truth.
struct ArticleBuilder {
  let county: County
  let seed: UInt64
  let doc: String
  var r: SplitMix64
  var roster: [Official]
  var paragraphs: [String] = []
  var truth: [TruthFact] = []
  var people: [(Official, County)] = []
  var mentioned = Set<String>()
  var year = 2023
  var month = 1
  var day = 1
  var yearKnown = true
  var header: [String] = []

  init(county: County, seed: UInt64, doc: String, r: SplitMix64) {
    self.county = county
    self.seed = seed
    self.doc = doc
    self.r = r
    self.roster = county.roster(seed: seed)
  }

  var text: String { (header + paragraphs).joined(separator: "\n\n") + "\n" }

  func fill(_ s: String) -> String {
    var out = ""
    var i = s.startIndex
    while i < s.endIndex {
      if s[i] == "{", let close = s[i...].firstIndex(of: "}") {
        switch s[s.index(after: i)..<close] {
        case "C": out += county.name
        case "S": out += county.short
        case "U": out += county.unit
        default: out += s[i...close]
        }
        i = s.index(after: close)
      } else { out.append(s[i]); i = s.index(after: i) }
    }
    return out
  }

  mutating func mention(_ o: Official) {
    if mentioned.insert(o.name).inserted { people.append((o, county)) }
  }

  func iso(_ y: Int?, _ m: Int, _ d: Int) -> JSON {
    .string(FactDateText.iso(y, m, d))
  }

  var located: [(String, JSON)] {
    [("province", .string(county.province)), ("city", .string(county.city)), ("county", .string(county.name))]
  }

  mutating func build() {
    year = r.int(2019...2024)
    month = r.int(1...12)
    day = r.int(1...26)
    yearKnown = r.chance(0.75)
    // Title, source line, reporter.
    header.append(fill(r.pick(Phrases.titles)))
    if yearKnown {
      let pub = FactDateText.iso(year, month, min(day + r.int(0...2), 28))
      header.append(r.chance(0.5) ? "来源：\(county.cityShort)\(r.pick(Phrases.sources))  发布时间：\(pub)" : "\(pub)  \(county.name)\(r.pick(Phrases.sources))")
    }
    if r.chance(0.5) { header.append("记者 " + Names.person(&r)) }

    var sections: [String] = []
    if r.chance(0.85) { sections.append(meeting()) }
    if r.chance(0.35) { sections.append(visit()) }
    for _ in 0..<r.int(0...3) { sections.append(project()) }
    if r.chance(0.45) { sections.append(indicators()) }
    for _ in 0..<r.int(5...14) { sections.append(fill(r.pick(Phrases.fillers))) }
    // The first section keeps its place (it carries the date with the year); the rest shuffle.
    if sections.count > 2 {
      var rest = Array(sections.dropFirst())
      r.shuffle(&rest)
      sections = [sections[0]] + rest
    }
    // Fillers glued to fact sentences in the same paragraph, as news does.
    var i = 0
    while i < sections.count {
      if i + 1 < sections.count, r.chance(0.3) {
        paragraphs.append(sections[i] + sections[i + 1]); i += 2
      } else { paragraphs.append(sections[i]); i += 1 }
    }
    if r.chance(0.6) { paragraphs[0] = "本报讯 " + paragraphs[0] }
  }

  /// The next event date after the article's base date, written with or without the year.
  mutating func eventDate() -> (text: String, json: JSON, m: Int, d: Int) {
    let m = month, d = day
    let first = truth.isEmpty
    let writeYear = yearKnown && first && r.chance(0.6)
    let t = writeYear ? "\(year)年\(m)月\(d)日" : "\(m)月\(d)日"
    return (t, iso(yearKnown ? year : nil, m, d), m, d)
  }

  mutating func pickOfficials(_ k: Int, excluding: Set<Int>) -> [Official] {
    let pool = roster.indices.filter { !excluding.contains($0) }
    return r.sample(pool, k).map { roster[$0] }
  }

  mutating func attendeeText(_ att: [Official]) -> String {
    switch r.int(3) {
    case 0: return att.map { $0.titled }.joined(separator: "，")
    case 1: return att.map { $0.name }.joined(separator: "、") + "等\(county.unit)领导"
    default: return att.map { $0.full }.joined(separator: "、")
    }
  }

  mutating func meeting() -> String {
    let hostIdx = r.chance(0.6) ? 0 : 1
    let host = roster[hostIdx]
    let att = pickOfficials(r.int(1...4), excluding: [hostIdx])
    mention(host)
    for a in att { mention(a) }
    let topic = r.pick(Phrases.topics)
    var kind = r.pick(Phrases.meetingKinds)
    var name = county.name + topic + kind
    var date = eventDate()
    if r.chance(0.2) { date.text += r.pick(["上午", "下午", "晚"]) }
    var venue: String? = nil
    let attText = attendeeText(att)
    var s: String
    switch r.int(5) {
    case 0:
      s = "\(date.text)，\(name)召开。\(host.full)主持会议并讲话，\(attText)等出席会议。"
    case 1:
      s = "\(date.text)，\(county.name)召开\(topic)\(kind)。会议由\(host.full)主持，\(attText)出席会议。"
    case 2:
      kind = "常委会"
      name = county.name + "委常委会会议"
      s = "\(date.text)，\(host.full)主持召开\(name)，传达学习\(r.pick(Phrases.studies))精神，研究部署\(topic)工作。\(attText)参加会议。"
    case 3:
      let town = county.towns.isEmpty ? county.name : r.pick(county.towns)
      venue = town
      s = "\(date.text)，\(name)在\(town)召开，\(host.full)出席并主持会议。\(attText)参加。"
    default:
      s = "\(host.full)在\(date.text)召开的\(name)上强调，\(fill(r.pick(Phrases.fillers)))\(attText)参加会议。"
    }
    var f: [(String, JSON)] = [("doc", .string(doc)), ("name", .string(name)), ("kind", .string(kind)), ("date", date.json)]
    f += located
    if let v = venue { f.append(("venue", .string(v))) }
    f.append(("host", .string(host.name)))
    f.append(("attendees", .array(att.map { .string($0.name) })))
    truth.append(TruthFact("meeting", f))
    return s
  }

  mutating func visit() -> String {
    let lead = roster[r.chance(0.6) ? 0 : 1]
    mention(lead)
    var dest = Gazetteer.pick(&r)
    if dest.code == county.code { dest = r.pick(Gazetteer.counties) }
    let cityOnly = r.chance(0.5)
    let to = cityOnly ? dest.cityShort : (r.chance(0.5) ? dest.cityShort + dest.short : dest.city + dest.name)
    let purpose = r.pick(Phrases.purposes)
    let start = eventDate()
    let days = r.int(0...4)
    var endDay: Int? = days > 0 ? min(start.d + days, 28) : nil
    if endDay == start.d { endDay = nil }
    var range = start.text
    if let e = endDay { range = r.chance(0.5) ? "\(start.text)至\(e)日" : "\(start.text)至\(start.m)月\(e)日" }
    var who = [lead]
    var s: String
    switch r.int(3) {
    case 0:
      s = "\(range)，\(lead.full)带队赴\(to)考察\(purpose)工作。"
    case 1:
      let other = roster[Int(r.int(2...roster.count - 1))]
      who.append(other)
      mention(other)
      s = "\(range)，\(lead.full)率\(county.name)党政代表团赴\(to)学习考察\(purpose)，\(other.titled)参加考察。"
    default:
      s = "\(range)，\(lead.titled)一行到\(to)考察对接\(purpose)项目。"
    }
    var f: [(String, JSON)] = [("doc", .string(doc)), ("who", .array(who.map { .string($0.name) })), ("to", .string(to)),
                               ("province", .string(dest.province)), ("city", .string(dest.city))]
    f.append(("county", cityOnly ? .null : .string(dest.name)))
    f.append(("date", start.json))
    f.append(("end_date", endDay.map { iso(yearKnown ? year : nil, start.m, $0) } ?? .null))
    f.append(("purpose", .string(purpose)))
    truth.append(TruthFact("visit", f))
    return s
  }

  /// An amount as written and its value, currency and bound.
  mutating func money() -> (text: String, value: Double, currency: String, bound: String) {
    let u = r.int(100)
    var bound = "exact"
    var prefix = "", suffix = ""
    switch r.int(10) {
    case 0: prefix = "约"; bound = "about"
    case 1: prefix = "超"; bound = "at least"
    case 2: suffix = "以上"; bound = "at least"
    case 3: prefix = "近"; bound = "about"
    default: break
    }
    if u < 55 {
      let v = Double(r.int(3...1500)) / 10  // 0.3 … 150 亿元
      return (prefix + Value10.text(v) + "亿元" + suffix, v * 1e8, "CNY", bound)
    } else if u < 80 {
      let v = r.int(50...9900)
      return (prefix + String(v) + "万元" + suffix, Double(v) * 1e4, "CNY", bound)
    } else if u < 90 {
      if r.chance(0.5) {
        let v = Double(r.int(5...300)) / 10
        return (prefix + Value10.text(v) + "亿美元" + suffix, v * 1e8, "USD", bound)
      }
      let v = r.int(100...9000)
      return (prefix + String(v) + "万美元" + suffix, Double(v) * 1e4, "USD", bound)
    } else {
      let a = r.int(1...9)
      if r.chance(0.5) { return (prefix + Phrases.cnDigits[a] + "亿元" + suffix, Double(a) * 1e8, "CNY", bound) }
      let b = r.int(1...9)
      return (prefix + Phrases.cnDigits[a] + "千" + (b == 2 ? "二" : Phrases.cnDigits[b]) + "百万元" + suffix, Double(a * 1000 + b * 100) * 1e4, "CNY", bound)
    }
  }

  mutating func project() -> String {
    let name = fill(r.pick(Phrases.projPrefix)) + r.pick(Phrases.projProduct) + r.pick(Phrases.projSuffix) + "项目"
    let m = money()
    let status = r.pick(Phrases.projStatus)
    var area: Double? = nil
    var s: String
    switch r.int(4) {
    case 0:
      s = "总投资\(m.text)的\(name)\(status)。"
    case 1:
      let mu = r.int(20...3000)
      area = Double(mu) * 10000.0 / 15.0
      s = "\(name)总投资\(m.text)，占地\(mu)亩，\(status)。"
    case 2:
      s = "\(r.pick(Phrases.companies))投资\(m.text)建设的\(name)\(status)。"
    default:
      let town = county.towns.isEmpty ? county.name : r.pick(county.towns)
      s = "在\(town)，\(name)计划投资\(m.text)，建成后年产值可达\(r.int(2...60))亿元。"
    }
    var f: [(String, JSON)] = [("doc", .string(doc)), ("name", .string(name)), ("investment", .number(m.value)),
                               ("currency", .string(m.currency)), ("bound", .string(m.bound))]
    f.append(("area", area.map { JSON.number(($0 * 100).rounded() / 100) } ?? .null))
    f += located
    truth.append(TruthFact("project", f))
    return s
  }

  mutating func indicators() -> String {
    let y = yearKnown ? year : year
    let periods: [(String, Int)] = [("\(y)年前三季度", y), ("\(y)年1-11月", y), ("\(y)年上半年", y), ("\(y - 1)年", y - 1), ("\(y)年1至5月", y), ("\(y)年一季度", y)]
    let (period, py) = r.pick(periods)
    var parts: [String] = []
    func rec(_ name: String, _ value: Double, _ unit: String) -> TruthFact {
      var f: [(String, JSON)] = [("doc", .string(doc)), ("name", .string(name)), ("value", .number(value)), ("unit", .string(unit)),
                                 ("period", .string(period)), ("year", .int(Int64(py)))]
      f += located
      return TruthFact("indicator", f)
    }
    var order = [0, 1, 2, 3, 4]
    r.shuffle(&order)
    for k in order.prefix(r.int(1...4)) {
      let g = Double(r.int(-30...150)) / 10
      let gText = Value10.text(g) + "%"
      switch k {
      case 0:
        let v = Double(r.int(300...9000)) / 10
        parts.append("\(r.chance(0.5) ? "地区生产总值" : "GDP")完成\(Value10.text(v))亿元，同比增长\(gText)")
        truth.append(rec("GDP", v * 1e8, "元")); truth.append(rec("GDP增速", g, "%"))
      case 1:
        let v = Double(r.int(5...900)) / 10
        parts.append("一般公共预算收入完成\(Value10.text(v))亿元，增长\(gText)")
        truth.append(rec("一般公共预算收入", v * 1e8, "元")); truth.append(rec("一般公共预算收入增速", g, "%"))
      case 2:
        parts.append("规模以上工业增加值同比增长\(gText)")
        truth.append(rec("规上工业增加值增速", g, "%"))
      case 3:
        let v = Double(r.int(20...3000)) / 10
        parts.append("社会消费品零售总额达到\(Value10.text(v))亿元")
        truth.append(rec("社会消费品零售总额", v * 1e8, "元"))
      default:
        let v = r.int(18000...62000)
        parts.append("城镇居民人均可支配收入\(v)元，同比增长\(gText)")
        truth.append(rec("城镇居民人均可支配收入", Double(v), "元")); truth.append(rec("城镇居民人均可支配收入增速", g, "%"))
      }
    }
    let lead = r.chance(0.5) ? "\(period)，全\(county.unit)" : "\(period)，\(county.name)"
    return lead + parts.joined(separator: "；") + "。"
  }
}

/// Decimal text with at most one decimal place: 12.5, 3, -1.2.
enum Value10 {
  static func text(_ v: Double) -> String {
    let tenths = Int((v * 10).rounded())
    let sign = tenths < 0 ? "-" : ""
    let a = abs(tenths)
    return a % 10 == 0 ? sign + String(a / 10) : sign + "\(a / 10).\(a % 10)"
  }
}

/// ISO dates, `--MM-DD` when the year is unknown.
public enum FactDateText {
  public static func iso(_ y: Int?, _ m: Int, _ d: Int) -> String {
    let mm = m < 10 ? "0\(m)" : "\(m)", dd = d < 10 ? "0\(d)" : "\(d)"
    guard let y else { return "--\(mm)-\(dd)" }
    return "\(y)-\(mm)-\(dd)"
  }
}

/// Person truth, merged across documents by (name, county).
public struct PeopleTruth {
  var index: [String: Int] = [:]
  public var rows: [(name: String, titles: [String], county: County, firstDoc: String)] = []
  public init() {}
  public mutating func add(_ people: [(Official, County)], doc: String) {
    for (o, c) in people {
      let key = o.name + "|" + c.code
      if let k = index[key] {
        if !rows[k].titles.contains(o.title) { rows[k].titles.append(o.title) }
      } else {
        index[key] = rows.count
        rows.append((o.name, [o.title], c, doc))
      }
    }
  }
  public var facts: [TruthFact] {
    rows.map { p in
      TruthFact("person", [("doc", .string(p.firstDoc)), ("name", .string(p.name)), ("titles", .array(p.titles.map { .string($0) })),
                           ("province", .string(p.county.province)), ("city", .string(p.county.city)), ("county", .string(p.county.name))])
    }
  }
}
