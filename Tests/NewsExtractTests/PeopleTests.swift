import Testing
import NewsFacts
@testable import NewsExtract

/// Person and title patterns on short sentences in several provinces' styles.
@Suite struct PeopleTests {
  func people(_ text: String) -> [(name: String, title: String?)] {
    Recognise.mentions(in: text, base: nil).compactMap { m in
      if case .person(let n, let t) = m.value { return (n, t) }
      return nil
    }
  }

  @Test func unitTitleChainBeforeName() {
    let p = people("余杭区委副书记、区长刘颖主持会议并讲话。")
    #expect(p.count == 1)
    #expect(p.first?.name == "刘颖")
    #expect(p.first?.title == "余杭区委副书记、区长")
  }

  @Test func namesListedAfterATitle() {
    // a deputy's title is shared by the list; a secretary's is not
    let p = people("副县长韩立新、龚雪梅、欧阳建出席会议。")
    #expect(p.map(\.name) == ["韩立新", "龚雪梅", "欧阳建"])
    #expect(p.allSatisfy { $0.title == "副县长" })
    let q = people("县委书记丁浩、程立军带队观摩。")
    #expect(q.map(\.name) == ["丁浩", "程立军"])
    #expect(q.last?.title == nil)
    // 、 followed by a title is the next titled person, not a list member
    let r = people("县委书记丁浩、县长程立军出席。")
    #expect(r.map(\.title) == ["县委书记", "县长"])
  }

  @Test func listCloserIsTheirTitle() {
    let p = people("张立、王海等县四大班子领导出席会议。")
    #expect(p.map(\.name) == ["张立", "王海"])
    #expect(p.allSatisfy { $0.title == "县四大班子领导" })
  }

  @Test func givenNamesThatLookLikeWordsOrPlaces() {
    // 和 inside a bounded list item or before a verb is part of a name; 静安 after a surname in a list is no place
    let p = people("朱志和、邹静安、刘进等区领导参加会议。")
    #expect(p.map(\.name) == ["朱志和", "邹静安", "刘进"])
    #expect(people("区委书记董国和主持会议。").first?.name == "董国和")
    // 和 before a title is a conjunction
    #expect(people("县委书记张国和县长李明出席。").map(\.name) == ["张国", "李明"])
    #expect(people("溧阳市委书记汤和彬主持。").first?.name == "汤和彬")
    // a county's short name hiding in a title and a name: 县长葛明 (长葛), 县委书记田东利 (田东)
    #expect(people("会议由县长葛明主持。").map(\.name) == ["葛明"])
    #expect(people("会议由县长葛明主持。").first?.title == "县长")
    #expect(people("县委书记田东利出席并主持会议。").map(\.name) == ["田东利"])
    // a PDF space between title and name
    #expect(people("市委书记 赵顺福主持会议。").first?.title == "市委书记")
  }

  @Test func titleAloneIsNoOne() {
    #expect(people("县委书记表示，要把各项工作抓紧抓实。").isEmpty)
    #expect(people("深入学习贯彻总书记关于乡村振兴的重要论述。").isEmpty)
  }

  @Test func nameStopsAtParticles() {
    #expect(people("市长李强调研浏阳经济开发区。").map(\.name) == ["李强"])
    #expect(people("县长赵军在会上作动员讲话。").map(\.name) == ["赵军"])
    #expect(people("市委副书记孙立平带队考察。").map(\.name) == ["孙立平"])
  }

  @Test func compoundSurnames() {
    let p = people("市委常委、秘书长司马光辉出席活动。")
    #expect(p.map(\.name) == ["司马光辉"])
    #expect(p.first?.title == "市委常委、秘书长")
    #expect(people("欧阳明华书记强调，要压实责任。").map(\.name) == ["欧阳明华"])
  }

  @Test func nameBeforeTitle() {
    let p = people("会上，黄卫东书记对下一步工作提出要求。")
    #expect(p.map(\.name) == ["黄卫东"])
    #expect(p.first?.title == "书记")
  }

  @Test func listClosedByLeaders() {
    let names = people("陈晓东、李强、王芳等市领导参加活动。").map(\.name)
    #expect(names == ["陈晓东", "李强", "王芳"])
    // a list of words that are not names is no list
    #expect(people("产业、生态、文化等领域干部参加培训。").isEmpty)
  }

  @Test func laterMentionsOfAKnownName() {
    let p = people("宝安区委书记姚任出席。姚任在讲话中指出，要抓好招商。")
    #expect(p.map(\.name) == ["姚任", "姚任"])
    #expect(p.last?.title == nil)
  }

  @Test func surnameTableSize() {
    #expect(Surnames.single.count >= 400)
    #expect(Surnames.compound.count >= 40)
    #expect(Surnames.compound.contains("欧阳"))
  }
}

/// Organisations: companies and bodies that start with a place.
@Suite struct OrgTests {
  func orgs(_ text: String) -> [String] {
    Recognise.mentions(in: text, base: nil).compactMap { m in
      if case .org(let n) = m.value { return n }
      return nil
    }
  }

  @Test func companiesAndBodies() {
    #expect(orgs("考察了深圳华强科技有限公司和宝安区人民政府。") == ["深圳华强科技有限公司", "宝安区人民政府"])
    #expect(orgs("绛县经济开发区党工委书记王宏伟").contains("绛县经济开发区党工委"))
  }

  @Test func noOrgWithoutPlaceOrCompany() {
    #expect(orgs("要顾全大局，把握格局。").isEmpty)
  }
}
