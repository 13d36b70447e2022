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
}
