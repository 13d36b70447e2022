import Testing
@testable import NewsQ

/// `why` on facts added directly (ids that are not positions, many words), and `in (…)` over a
/// subquery's text and list columns.
@Suite struct WhyAndSubqueryTests {
  func meeting(_ id: Int64, _ name: String, _ kind: String, attendees: [String] = [], evidence: String) -> Fact {
    Fact(.meeting, ["id": .integer(id), "name": .text(name), "kind": .text(kind), "city": "临汾市", "province": "山西省",
                    "host": "张建国", "attendees": .list(attendees), "doc": .text("d\(id).txt"), "article": .integer(id),
                    "evidence": .text(evidence), "span": .span(0, evidence.unicodeScalars.count)])
  }

  @Test func whyFindsFactsByIdNotByPosition() throws {
    let engine = Engine.empty()
    engine.add(facts: [
      meeting(5, "全市项目推进会", "推进会", evidence: "临汾市召开全市项目推进会"),
      meeting(9, "全市座谈会", "座谈会", evidence: "张建国主持临汾市全市座谈会"),
      meeting(12, "常委会", "常委会", evidence: "召开常委会"),
    ])
    let r = try engine.run("why meeting 9")
    #expect(r.columns.map(\.name) == ["doc", "article", "evidence", "span", "marked"])
    #expect(r.rows == [[.text("d9.txt"), .integer(9), .text("张建国主持临汾市全市座谈会"), .span(0, 13),
                        .text("【张建国】主持【临汾市】【全市座谈会】")]])
    #expect(try engine.run("why meetings 12").rows.first?[4] == .text("召开【常委会】"))
    for missing in [1, 2, 6, 13] {
      #expect(throws: EngineError.self) { try engine.run("why meeting \(missing)") }
    }
  }

  @Test func whyMarksEveryAttendeeOfALongList() throws {
    let names = (0..<40).map { "代表\($0)号" }
    let evidence = names.joined(separator: "、") + "出席全市大会"
    let engine = Engine.empty()
    engine.add(facts: [meeting(1, "全市大会", "大会", attendees: names, evidence: evidence)])
    let marked = try engine.run("why meeting 1").rows.first?[4]
    #expect(marked == .text(names.map { "【\($0)】" }.joined(separator: "、") + "出席【全市大会】"))
  }

  @Test func subqueryValuesOfTextAndListColumns() throws {
    let engine = Engine.empty()
    engine.add(facts: [
      meeting(1, "甲会", "推进会", attendees: ["王一", "李二"], evidence: "甲会"),
      meeting(2, "乙会", "座谈会", attendees: ["李二", "赵三"], evidence: "乙会"),
      meeting(3, "丙会", "推进会", attendees: [], evidence: "丙会"),
      Fact(.person, ["id": .integer(1), "name": "王一", "city": "临汾市"]),
      Fact(.person, ["id": .integer(2), "name": "李二", "city": "临汾市"]),
      Fact(.person, ["id": .integer(3), "name": "赵三", "city": "临汾市"]),
      Fact(.person, ["id": .integer(4), "name": "张建国", "city": "临汾市"]),
    ])
    func names(_ s: String) throws -> [Value] { try engine.run(s).rows.map { $0[0] }.sorted { "\($0)" < "\($1)" } }
    #expect(try names(#"find person where name in (find meeting where kind = "推进会" show attendees) show name"#)
      == names(#"find person where name in ("王一", "李二") show name"#))
    #expect(try names(#"find person where name in (find meeting show attendees) show name"#).count == 3)
    #expect(try names(#"find person where name in (find meeting show host) show name"#) == [.text("张建国")])
    #expect(try names(#"find person where name not in (find meeting where id = 2 show attendees) show name"#)
      == names(#"find person where name in ("王一", "张建国") show name"#))
  }
}
