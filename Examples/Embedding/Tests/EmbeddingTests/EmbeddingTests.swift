import Testing
import NewsQ
import Embedding

@Test func meetingsInLinfenComeFromTheBuiltInCorpus() throws {
  let engine = try Engine()
  let lines = try meetingLines(in: "临汾", engine: engine)
  #expect(!lines.isEmpty)
  #expect(lines.contains { $0.contains("推进会") })
}

@Test func documentsGivenInMemoryAreQueried() throws {
  let text = """
    本报讯 3月5日，江苏省仪征市召开全市重点项目推进会，市委书记张建国主持会议。
    """
  let engine = try Engine(documents: ["a.txt": text])
  let result = try engine.run("count meeting where city = '扬州'")
  #expect(result.rows.first?.first == .integer(1))
}

@Test func aBadStatementReportsWhereItWent() {
  let engine = Engine.empty()
  #expect(throws: EngineError.self) { try engine.run("find meeting where cty = 1") }
}
