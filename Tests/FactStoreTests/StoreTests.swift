import Testing
import NewsFacts
@testable import FactStore

private func meeting(_ name: String?, city: String?, date: FactDate? = nil, attendees: [String]? = nil, id: Int64? = nil) -> Fact {
  var f = Fact(.meeting)
  if let name { f["name"] = .text(name) }
  if let city { f["city"] = .text(city) }
  if let date { f["date"] = .date(date) }
  if let attendees { f["attendees"] = .list(attendees) }
  if let id { f["id"] = .integer(id) }
  return f
}

@Suite struct StoreTests {
  let snapshot: Snapshot = {
    var b = StoreBuilder()
    b.add(meeting("a", city: "临汾市", date: FactDate(year: 2019, month: 5, day: 20), attendees: ["王宏伟", "李四"]))
    b.add(meeting("b", city: "北京市", date: FactDate(year: nil, month: 7, day: 18), attendees: []))
    b.add(meeting("c", city: nil, date: nil, attendees: nil, id: 10))
    b.add(meeting("d", city: "临汾市", date: FactDate(year: 2018, month: 1, day: 2), attendees: ["李四"]))
    b.add(meeting("e", city: "安徽省", date: FactDate(year: 2020, month: 12, day: 31), attendees: ["王宏伟", "王宏伟"]))
    return b.freeze()
  }()

  @Test func idsAreAssignedAfterTheLargest() {
    let t = snapshot.table(.meeting)
    #expect(t.rowCount == 5)
    let ids = (0..<5).map { t.fact(at: $0)["id"] }
    #expect(ids == [.integer(11), .integer(12), .integer(10), .integer(13), .integer(14)])
  }

  @Test func dictionaryCodesFollowTextOrder() throws {
    guard case .text(let c)? = snapshot.table(.meeting).column("city") else { Issue.record("city is not text"); return }
    let values = c.dictionary.values
    #expect(values.count == 3)
    for i in 1..<values.count { #expect(TextOrder.less(values[i - 1], values[i]) || !TextOrder.less(values[i], values[i - 1])) }
    // Sorting rows by code sorts them by text.
    let byCode = (0..<5).filter { c.codes[$0] != TextColumn.null }.sorted { c.codes[$0] < c.codes[$1] }.map { c.text($0)! }
    #expect(byCode == byCode.sorted { TextOrder.less($0, $1) || (!TextOrder.less($1, $0) && TextOrder.codePointLess($0, $1)) })
  }

  @Test func pinyinOrder() {
    #expect(TextOrder.hasPinyin)
    var b = StoreBuilder()
    for c in ["重庆市", "北京市", "安徽省", "临汾市", "臨汾市", "郑州市", "长沙市"] { b.add(meeting("x", city: c)) }
    let s = b.freeze()
    // Code-point order would be 临 (U+4E34) < 北 (U+5317) < 安 (U+5B89) < 臨 (U+81E8) < 重 (U+91CD).
    // 臨汾 and 临汾 have the same pinyin and tones; the code point breaks the tie.
    // 重庆 reads chóng and 长沙 cháng (place-name readings), so both come before 郑州 (zheng).
    #expect(s.distinctValues(.meeting, "city") == ["安徽省", "北京市", "长沙市", "重庆市", "临汾市", "臨汾市", "郑州市"])
    // Traditional and simplified spellings share one folded look-up.
    guard case .text(let c)? = s.table(.meeting).column("city") else { Issue.record("city"); return }
    #expect(c.dictionary.lookup[TextOrder.fold("臨汾市")]?.count == 2)
  }

  @Test func equalityIndexListsRowsAscending() throws {
    guard case .text(let c)? = snapshot.table(.meeting).column("city") else { Issue.record("city"); return }
    let code = try #require(c.dictionary.lookup["临汾市"]?.first)
    #expect(Array(c.index.rows(of: code)) == [0, 3])
    #expect(c.statistics.nulls == 1)
    #expect(c.statistics.distinct == 3)
    #expect(c.text(2) == nil)
  }

  @Test func listIndexHoldsEachRowOnce() throws {
    guard case .list(let l)? = snapshot.table(.meeting).column("attendees") else { Issue.record("attendees"); return }
    let wang = try #require(l.dictionary.lookup["王宏伟"]?.first)
    let li = try #require(l.dictionary.lookup["李四"]?.first)
    #expect(Array(l.index.rows(of: wang)) == [0, 4])
    #expect(Array(l.index.rows(of: li)) == [0, 3])
    #expect(l.list(1) == nil)  // an empty list is stored as null (one rule for [], issue 6)
    #expect(l.list(2) == nil)
    #expect(l.list(4) == ["王宏伟", "王宏伟"])
    #expect(l.statistics.nulls == 2)
  }

  @Test func datesSortWithUnknownYearsLast() {
    guard case .date(let d)? = snapshot.table(.meeting).column("date") else { Issue.record("date"); return }
    #expect(d.sorted == [3, 0, 4, 1])
    #expect(d.statistics.min == .date(FactDate(year: 2018, month: 1, day: 2)))
    #expect(d.statistics.max == .date(FactDate(year: nil, month: 7, day: 18)))
    #expect(d.statistics.nulls == 1)
    #expect(d.value(1) == .date(FactDate(year: nil, month: 7, day: 18)))
    let may = d.sortedRange(DateColumn.ordinal(FactDate(year: 2019, month: 1, day: 1)), DateColumn.unknownYearBase - 1)
    #expect(Array(d.sorted[may]) == [0, 4])
  }

  @Test func numbersSortAndRangesBinarySearch() {
    var b = StoreBuilder()
    for (i, v) in [5.0, -1, 3, 5, 100].enumerated() {
      var f = Fact(.project)
      f["investment"] = .number(v)
      f["name"] = .text("p\(i)")
      b.add(f)
    }
    b.add(Fact(.project, ["name": "no money"]))
    let s = b.freeze()
    guard case .number(let c)? = s.table(.project).column("investment") else { Issue.record("investment"); return }
    #expect(c.sorted == [1, 2, 0, 3, 4])
    #expect(Array(c.sorted[c.sortedRange(lo: 3, loInclusive: false, hi: 5, hiInclusive: true)]) == [0, 3])
    #expect(c.statistics.distinct == 4)
    #expect(c.statistics.nulls == 1)
    #expect(c.statistics.min == .number(-1))
    #expect(c.value(5) == .null)
  }

  @Test func valuesOfTheWrongShapeAreConverted() {
    var b = StoreBuilder()
    b.add(Fact(.meeting, ["attendees": "张三", "date": "2019-05-01", "name": .integer(7)]))
    let f = b.freeze().table(.meeting).fact(at: 0)
    #expect(f["attendees"] == .list(["张三"]))
    #expect(f["date"] == .date(FactDate(year: 2019, month: 5, day: 1)))
    #expect(f["name"] == .text("7"))
  }

  @Test func rowIDSetOperations() {
    #expect(RowIDs.intersect([1, 3, 5, 7], [3, 4, 5]) == [3, 5])
    let big = (0..<1000).map { UInt32($0 * 2) }
    #expect(RowIDs.intersect([4, 5, 1998], big) == [4, 1998])
    #expect(RowIDs.union([1, 3], [2, 3, 9]) == [1, 2, 3, 9])
    var x: [UInt32] = [5, 1, 5, 2]
    RowIDs.normalize(&x)
    #expect(x == [1, 2, 5])
  }

  @Test func moreSourcesAndCompletionValues() {
    var b = StoreBuilder()
    let src = Source(doc: "b.txt", article: 2, evidence: "又见", span: 3..<5)
    b.add(Fact(.person, ["name": "王宏伟"], moreSources: [src]))
    let s = b.freeze()
    #expect(s.table(.person).fact(at: 0).moreSources == [src])
    #expect(s.distinctValues(.person, "NAME") == ["王宏伟"])
    #expect(Snapshot.empty.table(.visit).rowCount == 0)
  }
}
