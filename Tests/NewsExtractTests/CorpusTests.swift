import Testing
import NewsFacts
@testable import NewsExtract

/// Numbering and merging across documents.
@Suite struct CorpusTests {
  @Test func peopleMergeAcrossDocumentsByNameAndPlace() {
    var c = Corpus()
    c.add(FactExtractor.extract(path: "a.txt", text: "本报讯 浏阳市委书记王建国主持会议。"))
    c.add(FactExtractor.extract(path: "b.txt", text: "本报讯 浏阳市委书记王建国带队调研。王建国强调，要抓好落实。"))
    c.add(FactExtractor.extract(path: "c.txt", text: "本报讯 宝安区区长王建国出席活动。"))
    let people = c.facts(of: .person).filter { $0["name"] == "王建国" }
    #expect(people.count == 2)
    let first = people.first
    #expect(first?["docs"] == .list(["a.txt", "b.txt"]))
    #expect(first?["county"] == "浏阳市")
    #expect(first?.moreSources.count == 2)
    #expect(first?["doc"] == "a.txt")
    #expect(people.last?["county"] == "宝安区")
    #expect(people.map { $0["id"] } == [.integer(1), .integer(2)])
    #expect(c.documentCount == 3)
  }

  @Test func articleIdsRunAcrossDocuments() {
    var c = Corpus()
    c.add(FactExtractor.extract(path: "a.txt", text: "本报讯 5月3日，余杭区召开项目推进会。"))
    c.add(FactExtractor.extract(path: "b.txt", text: "本报讯 6月4日，郫都区召开招商引资推进会。"))
    let meetings = c.facts(of: .meeting)
    #expect(meetings.map { $0["article"] } == [.integer(1), .integer(2)])
    #expect(meetings.map { $0["id"] } == [.integer(1), .integer(2)])
    #expect(c.facts(of: .article).count == 2)
  }

  @Test func placesCountMentions() {
    var c = Corpus()
    c.add(FactExtractor.extract(path: "a.txt", text: "本报讯 余杭区召开大会。余杭区委书记刘颖讲话。"))
    c.add(FactExtractor.extract(path: "b.txt", text: "本报讯 余杭区举行推介会。"))
    let yuhang = c.facts(of: .place).filter { $0["name"] == "余杭区" }
    #expect(yuhang.count == 1)
    #expect(yuhang.first?["mentions"] == .integer(3))
    #expect(yuhang.first?["city"] == "杭州市")
  }

  @Test func aDocumentGivesOneRowPerPlaceWithItsLaterMentionsAsSources() {
    let a = FactExtractor.extract(path: "a.txt", text: "本报讯 余杭区召开大会。余杭区委书记刘颖讲话。会后，余杭区举行推介会。")
    let rows = a.places.filter { $0["name"] == "余杭区" }
    #expect(rows.count == 1)
    #expect(rows.first?["mentions"] == .integer(3))
    #expect(rows.first?.moreSources.map(\.evidence) == ["余杭区委书记刘颖讲话。", "会后，余杭区举行推介会。"])
    #expect(rows.first?["evidence"] == "余杭区召开大会。")  // (the byline 本报讯 is no part of the sentence)
    // the corpus adds a second document's mentions and sources, its articles numbered on
    var c = Corpus()
    c.add(a)
    c.add(FactExtractor.extract(path: "b.txt", text: "本报讯 余杭区举行推介会。"))
    let merged = c.facts(of: .place).filter { $0["name"] == "余杭区" }
    #expect(merged.count == 1)
    #expect(merged.first?["mentions"] == .integer(4))
    #expect(merged.first?.moreSources.map(\.doc) == ["a.txt", "a.txt", "b.txt"])
    #expect(merged.first?.moreSources.map(\.article) == [1, 1, 2])
  }
}
