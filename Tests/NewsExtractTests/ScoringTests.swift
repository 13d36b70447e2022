import Foundation
import NewsFacts
import Testing

/// The quality harness must itself be right: these feed hand-made facts to the scorer.
@Suite("Quality scoring rules")
struct ScoringTests {
  static func key(_ entity: Entity, _ fields: [String: Value], optional: Bool = false, aliases: [String] = []) -> KeyEntry {
    KeyEntry(fact: Fact(entity, fields), optional: optional, aliases: aliases)
  }
  static func date(_ iso: String) -> Value { .date(FactDate(iso: iso)!) }

  static let keys: [KeyEntry] = [
    key(.meeting, ["name": "科局级以上干部大会", "kind": "干部大会", "date": date("2019-05-20"),
                   "city": "运城市", "county": "绛县", "host": "王宏伟", "attendees": .list(["薛玉马", "丁格", "孙晓"])]),
    key(.meeting, ["name": "全省大讨论交流总结会议", "date": date("2019-05-14"), "city": "太原市"]),
    key(.person, ["name": "王宏伟", "titles": .list(["县委书记"]), "county": "绛县"]),
    key(.person, ["name": "齐晓兵"], optional: true),
    key(.project, ["name": "上汽大众仪征分公司", "investment": 10_006_000_000.0, "currency": "CNY", "bound": "exact"]),
    key(.indicator, ["name": "GDP", "value": 67_394_000_000.0, "unit": "元", "year": 2018], aliases: ["地区生产总值"]),
    key(.visit, ["who": .list(["王宏伟", "薛俊辉"]), "to": "江苏省仪征市", "county": "仪征市", "date": date("--05-16")]),
    key(.place, ["full_name": "尧都区", "level": "county", "city": "临汾市"]),
    key(.article, ["title": "王宏伟带队到江苏省仪征市等地参观考察"]),
  ]

  static var perfect: [Fact] { keys.filter { !$0.optional }.map(\.fact) }

  @Test("A perfect extraction scores 1.0 everywhere")
  func perfectScores() {
    let scores = QualityScorer.score(key: Self.keys, facts: Self.perfect)
    for e in Entity.allCases {
      let s = scores[e]!
      #expect(s.recall == 1.0, "\(e)")
      #expect(s.precision == 1.0, "\(e)")
      #expect(s.wrong == 0 && s.duplicates == 0)
      for (f, v) in s.fields { #expect(v.right == v.total, "\(e).\(f)") }
    }
  }

  @Test("A missing fact lowers recall, not precision")
  func missing() {
    let facts = Self.perfect.filter { !($0.entity == .meeting && $0.text("city") == "太原市") }
    let s = QualityScorer.score(key: Self.keys, facts: facts)[.meeting]!
    #expect(s.recall == 0.5)
    #expect(s.precision == 1.0)
    #expect(s.missing.count == 1)
  }

  @Test("An invented fact lowers precision, not recall")
  func invented() {
    let extra = Fact(.meeting, ["name": "县委常委会会议", "kind": "常委会", "date": Self.date("2019-06-01")])
    let s = QualityScorer.score(key: Self.keys, facts: Self.perfect + [extra])[.meeting]!
    #expect(s.recall == 1.0)
    #expect(s.precision == 2.0 / 3.0)
    #expect(s.wrong == 1)
  }

  @Test("A duplicate is reported but is no invention; an optional match is neutral")
  func duplicatesAndOptional() {
    let dup = Fact(.person, ["name": "王宏伟", "titles": .list(["书记"])])
    let opt = Fact(.person, ["name": "齐晓兵"])
    let s = QualityScorer.score(key: Self.keys, facts: Self.perfect + [dup, opt])[.person]!
    #expect(s.duplicates == 1)
    #expect(s.neutral == 1)
    #expect(s.precision == 1.0)
    #expect(s.recall == 1.0)
    #expect(s.keyed == 1)
  }

  @Test("Meetings: the year is scored as a field, the day decides identity")
  func meetingDates() {
    let k = [Self.keys[0]]
    let noYear = Fact(.meeting, ["name": "我县科局级 以上干部大会", "date": Self.date("--05-20"), "host": "王宏伟"])
    var s = QualityScorer.score(.meeting, keys: k, got: [noYear])
    #expect(s.recall == 1.0)
    #expect(s.fields["date"]! == (0, 1))
    #expect(s.fields["host"]! == (1, 1))
    #expect(s.fields["county"]! == (0, 1))
    let otherDay = Fact(.meeting, ["name": "科局级以上干部大会", "date": Self.date("2019-05-21")])
    s = QualityScorer.score(.meeting, keys: k, got: [otherDay])
    #expect(s.recall == 0)
    let sameKind = Fact(.meeting, ["name": "会议", "kind": "干部大会", "date": Self.date("2019-05-20")])
    s = QualityScorer.score(.meeting, keys: k, got: [sameKind])
    #expect(s.recall == 1.0)
    let undatedKind = Fact(.meeting, ["name": "会议", "kind": "干部大会"])
    #expect(QualityScorer.score(.meeting, keys: k, got: [undatedKind]).recall == 0)
  }

  @Test("The best match wins: 第五次 and 第四次 党代会 are told apart")
  func greedyAssignment() {
    let keys = [Self.key(.meeting, ["name": "市第五次党代会", "kind": "党代会"]),
                Self.key(.meeting, ["name": "市第四次党代会", "kind": "党代会"], optional: true)]
    let fourth = Fact(.meeting, ["name": "市第四次党代会"])
    var s = QualityScorer.score(.meeting, keys: keys, got: [fourth])
    #expect(s.found == 0 && s.neutral == 1)
    let fifth = Fact(.meeting, ["name": "市第五次党代会"])
    s = QualityScorer.score(.meeting, keys: keys, got: [fourth, fifth])
    #expect(s.found == 1 && s.neutral == 1 && s.precision == 1.0)
  }

  @Test("Indicators compare values in base units and names through aliases")
  func indicators() {
    let k = [Self.keys[5], Self.key(.indicator, ["name": "总人口", "value": 570_600.0, "unit": "人"])]
    let gdp = Fact(.indicator, ["name": "地区生产总值", "value": 673.94, "unit": "亿元", "year": 2018])
    let pop = Fact(.indicator, ["name": "人口", "value": 57.06, "unit": "万人"])
    var s = QualityScorer.score(.indicator, keys: k, got: [gdp, pop])
    #expect(s.recall == 1.0 && s.precision == 1.0)
    #expect(s.fields["year"]! == (1, 1))
    let off = Fact(.indicator, ["name": "GDP", "value": 680.0, "unit": "亿元"])   // 0.9 % off
    s = QualityScorer.score(.indicator, keys: k, got: [off])
    #expect(s.recall == 0 && s.wrong == 1)
    let percent = Fact(.indicator, ["name": "GDP", "value": 67_394_000_000.0, "unit": "%"])
    #expect(QualityScorer.score(.indicator, keys: k, got: [percent]).recall == 0)
  }

  @Test("Projects: investment needs the right currency and amount")
  func projects() {
    let k = [Self.keys[4]]
    let right = Fact(.project, ["name": "总投资100.06亿元的上汽大众仪征分公司", "investment": 10_006_000_000.0])
    var s = QualityScorer.score(.project, keys: k, got: [right])
    #expect(s.recall == 1.0 && s.fields["investment"]! == (1, 1) && s.fields["bound"]! == (1, 1))
    let usd = Fact(.project, ["name": "上汽大众仪征分公司", "investment": 10_006_000_000.0, "currency": "USD", "bound": "about"])
    s = QualityScorer.score(.project, keys: k, got: [usd])
    #expect(s.recall == 1.0 && s.fields["investment"]! == (0, 1) && s.fields["bound"]! == (0, 1))
  }

  @Test("People: same name; titles right when each keyed title is inside an extracted one")
  func people() {
    let k = [Self.key(.person, ["name": "任俊杰", "titles": .list(["区委副书记", "区长"])])]
    let good = Fact(.person, ["name": "任俊杰", "titles": .list(["尧都区委副书记", "区长"])])
    #expect(QualityScorer.score(.person, keys: k, got: [good]).fields["titles"]! == (1, 1))
    let partial = Fact(.person, ["name": "任俊杰", "titles": .list(["区长"])])
    #expect(QualityScorer.score(.person, keys: k, got: [partial]).fields["titles"]! == (0, 1))
    let other = Fact(.person, ["name": "任俊"])
    #expect(QualityScorer.score(.person, keys: k, got: [other]).recall == 0)
  }

  @Test("Visits: shared traveller and destination as written or resolved")
  func visits() {
    let k = [Self.keys[6]]
    let written = Fact(.visit, ["who": .list(["王宏伟"]), "to": "仪征", "date": Self.date("--05-16")])
    var s = QualityScorer.score(.visit, keys: k, got: [written])
    #expect(s.recall == 1.0 && s.fields["date"]! == (1, 1) && s.fields["county"]! == (0, 1))
    let resolved = Fact(.visit, ["who": .list(["薛俊辉"]), "to": "扬州", "county": "仪征市"])
    s = QualityScorer.score(.visit, keys: k, got: [resolved])
    #expect(s.recall == 1.0)
    let elsewhere = Fact(.visit, ["who": .list(["王宏伟"]), "to": "南京", "county": "鼓楼区"])
    #expect(QualityScorer.score(.visit, keys: k, got: [elsewhere]).recall == 0)
    let stranger = Fact(.visit, ["who": .list(["张伟"]), "to": "仪征"])
    #expect(QualityScorer.score(.visit, keys: k, got: [stranger]).recall == 0)
  }

  @Test("Places: same level and full name; articles: title overlap")
  func placesAndArticles() {
    let k = Self.keys
    let place = Fact(.place, ["name": "尧都", "full_name": "尧都区", "level": "county", "city": "临汾市"])
    #expect(QualityScorer.score(.place, keys: k.filter { $0.entity == .place }, got: [place]).recall == 1.0)
    let wrongLevel = Fact(.place, ["name": "尧都", "full_name": "尧都区", "level": "city"])
    #expect(QualityScorer.score(.place, keys: k.filter { $0.entity == .place }, got: [wrongLevel]).recall == 0)
    let title = Fact(.article, ["title": "王宏伟带队到江苏省仪征市等地 参观考察"])
    #expect(QualityScorer.score(.article, keys: k.filter { $0.entity == .article }, got: [title]).recall == 1.0)
    let otherTitle = Fact(.article, ["title": "全市大讨论总结交流会议召开"])
    #expect(QualityScorer.score(.article, keys: k.filter { $0.entity == .article }, got: [otherTitle]).recall == 0)
  }

  @Test("Folding: traditional, stray pinyin, full-width, PDF spaces and punctuation")
  func folding() {
    #expect(TextFold.fold("高質(zhì)量發(fā)展的“臨汾密碼”") == TextFold.fold("高质量发展的临汾密码"))
    #expect(TextFold.fold("改革创 新，ＧＤＰ") == "改革创新gdp")
    #expect(TextFold.dice("abcd", "abcd") == 1 && TextFold.dice("ab", "cd") == 0)
    #expect(TextFold.placeStem("仪征市") == "仪征" && TextFold.placeStem("江苏省") == "江苏")
    #expect(Quantity(5100, unit: "亩").matches(Quantity(3_400_000, unit: "平方米")))
    #expect(!Quantity(4e8, unit: "美元").matches(Quantity(4e8, unit: "元")))
  }

  @Test("Answer keys with unknown fields or bad dates are rejected")
  func keyValidation() throws {
    let good = #"{"doc": "x.txt", "meetings": [{"name": "会", "date": "--07-17", "attendees": ["甲乙"]}]}"#
    let key = try AnswerKey.parse(Data(good.utf8), file: "good")
    #expect(key.entries.count == 1)
    #expect(key.entries[0].fact.date("date") == FactDate(year: nil, month: 7, day: 17))
    let badField = #"{"doc": "x.txt", "meetings": [{"nmae": "会"}]}"#
    #expect(throws: AnswerKeyError.self) { try AnswerKey.parse(Data(badField.utf8), file: "bad") }
    let badDate = #"{"doc": "x.txt", "visits": [{"date": "2019-02-30"}]}"#
    #expect(throws: AnswerKeyError.self) { try AnswerKey.parse(Data(badDate.utf8), file: "bad") }
    let badEntity = #"{"doc": "x.txt", "events": []}"#
    #expect(throws: AnswerKeyError.self) { try AnswerKey.parse(Data(badEntity.utf8), file: "bad") }
  }
}
