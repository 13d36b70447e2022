import Testing
import NewsFacts
@testable import NewsExtract

/// Fact rules on short synthetic articles of our own, in other provinces' styles.
@Suite struct FactsRulesTests {
  func facts(_ text: String, _ e: Entity) -> [Fact] {
    var c = Corpus()
    c.add(FactExtractor.extract(path: "t.txt", text: text))
    return c.facts(of: e)
  }

  @Test func meetingWithHostAttendeesAndDate() {
    let text = """
    浏阳市委常委会召开

    本报讯 3月5日，浏阳市委常委会召开，市委书记黄卫东主持会议。张三、李四等市领导出席会议。
    """
    let m = facts(text, .meeting)
    #expect(m.count == 1)
    #expect(m.first?["kind"] == "常委会")
    #expect(m.first?["host"] == "黄卫东")
    #expect(m.first?["attendees"] == .list(["张三", "李四"]))
    #expect(m.first?["date"] == .date(FactDate(year: nil, month: 3, day: 5)))
    #expect(m.first?["county"] == "浏阳市")
    #expect(m.first?["city"] == "长沙市")
    #expect(m.first?["province"] == "湖南省")
  }

  @Test func meetingStudiedAsSpiritIsNoMeeting() {
    let text = "本报讯 会议传达学习了全省经济工作会议精神，部署了全县重点工作。县委书记陈刚讲话。"
    #expect(facts(text, .meeting).isEmpty)
  }

  @Test func meetingVenueElsewhere() {
    let text = "本报讯 4月2日，全省乡村振兴推进会在成都召开。郫都区委书记刘亮参加会议。"
    let m = facts(text, .meeting)
    #expect(m.count == 1)
    #expect(m.first?["venue"] == "成都市")
    #expect(m.first?["province"] == "四川省")
    #expect(m.first?["city"] == .null)
    #expect(m.first?["attendees"] == .list(["刘亮"]))
  }

  @Test func projectWithInvestment() {
    let text = "本报讯 总投资12亿元的宝安智能制造产业园项目开工建设，总投资3亿美元的深圳光电科技公司同步落地。"
    let p = facts(text, .project)
    #expect(p.count == 2)
    #expect(p.first?["name"] == "宝安智能制造产业园项目")
    #expect(p.first?["investment"] == .number(1.2e9))
    #expect(p.first?["currency"] == "CNY")
    #expect(p.first?["county"] == "宝安区")
    #expect(p.last?["currency"] == "USD")
  }

  @Test func indicatorWithPeriodAndPlace() {
    let text = "本报讯 2023年，郫都区实现地区生产总值680.5亿元，一般公共预算收入增长6.2%。"
    let i = facts(text, .indicator)
    #expect(i.count == 2)
    #expect(i.first?["name"] == "GDP")
    #expect(i.first?["value"] == .number(6.805e10))
    #expect(i.first?["unit"] == "元")
    #expect(i.first?["year"] == .integer(2023))
    #expect(i.first?["county"] == "郫都区")
    #expect(i.last?["name"] == "一般公共预算收入增速")
    #expect(i.last?["unit"] == "%")
  }

  @Test func indicatorChangeIsNotALevel() {
    let text = "本报讯 近几年，余杭区地区生产总值增加了810亿元。"
    #expect(facts(text, .indicator).isEmpty)
  }

  @Test func visitWithSpanOfDays() {
    let text = "本报讯 6月3日至5日，县委书记王建国带队赴浙江省杭州市余杭区考察学习。县长李明一同考察。"
    let v = facts(text, .visit)
    #expect(v.count == 1)
    #expect(v.first?["who"] == .list(["王建国", "李明"]))
    #expect(v.first?["to"] == "浙江省杭州市余杭区")
    #expect(v.first?["county"] == "余杭区")
    #expect(v.first?["date"] == .date(FactDate(year: nil, month: 6, day: 3)))
    #expect(v.first?["end_date"] == .date(FactDate(year: nil, month: 6, day: 5)))
  }

  @Test func visitNeedsNamedPeople() {
    #expect(facts("本报讯 总书记考察杭州时强调。", .visit).isEmpty)
  }

  @Test func yearFromAnchorNeverFromClock() {
    let text = "本报讯 5月20日，县委召开常委会，县委书记王建国主持会议。以优异成绩迎接中华人民共和国成立70周年。"
    let m = facts(text, .meeting)
    #expect(m.first?["date"] == .date(FactDate(year: 2019, month: 5, day: 20)))
    let plain = facts("本报讯 5月20日，县委召开常委会，县委书记王建国主持会议。", .meeting)
    #expect(plain.first?["date"] == .date(FactDate(year: nil, month: 5, day: 20)))
  }

  @Test func indicatorGrowthInTheNextClauseAndPeriodCarriedOver() {
    let text = """
    经济运行平稳

    本报讯 今年1至10月，平湖市实现规上工业产值1520.3亿元，同比增长4.6%。一般公共预算收入完成62.7亿元，增长3.1%。
    """
    let f = facts(text, .indicator)
    let byName = Dictionary(f.map { ($0["name"].text ?? "", $0) }, uniquingKeysWith: { a, _ in a })
    #expect(byName["规模以上工业产值"]?["value"] == .number(152_030_000_000))
    #expect(byName["规模以上工业产值增速"]?["value"] == .number(4.6))
    #expect(byName["一般公共预算收入增速"]?["value"] == .number(3.1))
    #expect(byName["一般公共预算收入"]?["period"] == "1至10月")
    #expect(byName["一般公共预算收入"]?["county"] == "平湖市")
  }

  @Test func urbanAndRuralIncomeRespectively() {
    let text = "本报讯 上半年，全市城乡居民人均可支配收入分别达到25310元和11240元，分别增长5.2%和6.8%。"
    let f = facts(text, .indicator).map { ($0["name"].text ?? "", $0["value"].double ?? 0) }
    #expect(f.contains { $0 == ("城镇居民人均可支配收入", 25310) })
    #expect(f.contains { $0 == ("农村居民人均可支配收入", 11240) })
    #expect(f.contains { $0 == ("城镇居民人均可支配收入增速", 5.2) })
    #expect(f.contains { $0 == ("农村居民人均可支配收入增速", 6.8) })
  }

  @Test func countOfProjectsAndTheirTotalInvestment() {
    let text = "本报讯 5月8日，全县集中开工项目18个，总投资56.2亿元。"
    let f = facts(text, .indicator).map { ($0["name"].text ?? "", $0["value"].double ?? 0) }
    #expect(f.contains { $0 == ("集中开工项目数", 18) })
    #expect(f.contains { $0 == ("集中开工项目总投资", 5_620_000_000) })
    // the count names a class of projects: no project is invented from it
    #expect(facts(text, .project).isEmpty)
  }

  @Test func projectsNamedByVerbAndByTheirInvestment() {
    let text = """
    本报讯 6月3日，县长邹明带队到城关镇，观摩了年产3万吨饲料加工项目。该项目总投资2.4亿元。桐乡市签约的智慧物流园项目占地约150亩，总投资9亿元。
    """
    let p = facts(text, .project)
    let feed = p.first { $0["name"] == "年产3万吨饲料加工项目" }
    #expect(feed?["investment"] == .number(240_000_000))
    let park = p.first { $0["name"] == "智慧物流园项目" }
    #expect(park?["investment"] == .number(900_000_000))
    #expect(park?["area"].double.map { abs($0 - 100_000) < 1 } == true)
  }

  @Test func sameDayOpeningsTakeTheLastDay() {
    let text = """
    县领导调研

    本报讯 4月9日，县委书记龚平到城关镇调研。同日下午，县长钟林主持召开全县安全生产调度会。
    """
    let m = facts(text, .meeting)
    #expect(m.first?["date"] == .date(FactDate(year: nil, month: 4, day: 9)))
  }

  @Test func officialServesTheTravellingCityNotTheDestination() {
    let text = "本报讯 2月21日，石狮市委副书记、市长严涛率石狮市党政代表团赴漯河市学习考察，市委常委、宣传部部长乔晓兴参加考察。"
    let p = facts(text, .person).first { $0["name"] == "乔晓兴" }
    #expect(p?["city"] == "泉州市")
    #expect(p?["county"] == "石狮市")
  }

  @Test func areaOfAPlaceAndLevelsFromTo() {
    let text = "本报讯 桐庐县位于浙江省西北部，面积1825平方公里。全县地区生产总值从300亿元增长到420亿元。规划面积1200亩的康养小镇项目启动建设。"
    let f = facts(text, .indicator).map { ($0["name"].text ?? "", $0["value"].double ?? 0) }
    #expect(f.contains { $0 == ("面积", 1_825_000_000) })
    #expect(f.contains { $0 == ("GDP", 30_000_000_000) })
    #expect(f.contains { $0 == ("GDP", 42_000_000_000) })
    // a project's planned area is no indicator
    #expect(f.filter { $0.0 == "面积" }.count == 1)
  }

  @Test func tourOfTheWholeCounty() {
    let text = "本报讯 8月2日，桐庐县委书记刘鹏、县长罗宇分别带队，对全县重点项目进行集中观摩。县长罗宇在全县安全生产会议上要求深入调研。"
    let v = facts(text, .visit)
    #expect(v.count == 1)
    #expect(v.first?["who"] == .list(["刘鹏", "罗宇"]))
    #expect(v.first?["to"] == "全县")
    #expect(v.first?["county"] == "桐庐县")
  }

  @Test func projectsListedAndQuoted() {
    let text = "本报讯 近年来，县里先后引进落地华星光电模组厂、中科锂能新材料基地等一批过百亿元项目，正加快建设“数智谷”产业园。"
    let p = facts(text, .project)
    let names = p.compactMap { $0["name"].text }
    #expect(names.contains("华星光电模组厂"))
    #expect(names.contains("中科锂能新材料基地"))
    #expect(p.first { $0["name"] == "中科锂能新材料基地" }?["bound"] == "at least")
    #expect(names.contains("“数智谷”产业园"))
    #expect(!names.contains { $0.contains("一批") })
  }

  @Test func meetingHeldInABuilding() {
    let text = "本报讯 3月2日，全县优化营商环境大会在县行政中心会议室召开，县长邹明主持会议。"
    let m = facts(text, .meeting)
    #expect(m.first?["venue"] == "县行政中心会议室")
  }
}

/// A stray PDF space inside the place right after a 本报讯 byline (`本报讯 浏 阳市委书记…`):
/// the letter-spacing repair closes both spaces; the byline is no part of the title, and a title
/// reaching back before the name's sentence must not crash the person rule.
@Suite struct BylineWrapTests {
  @Test func titleAfterAWrappedBylineStartsAtThePlace() {
    for text in ["本报讯 浏 阳市委书记黄卫东在3月5日召开的全市会议上强调，要抓好安全生产。",
                 "标题\n\n本报讯 翼 城县委副书记、县长贾英浩在7月16日召开的县防汛会议上强调。"] {
      var c = Corpus()
      c.add(FactExtractor.extract(path: "t.txt", text: text))
      let people = c.facts(of: .person)
      #expect(people.count == 1)
      guard case .list(let titles)? = people.first?["titles"] else { Issue.record("no titles in \(text)"); continue }
      #expect(titles.allSatisfy { !$0.hasPrefix("本报讯") }, "\(titles)")
      #expect(titles.first?.hasSuffix("书记") == true)
    }
  }
}
