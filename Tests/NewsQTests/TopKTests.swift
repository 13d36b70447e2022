import Testing
@testable import NewsQ

/// `order by … limit k` over a dense selection (walked lazily down the sorted order) gives the
/// first k rows of the full ordering: ties in row order, unknown values last.
@Suite struct TopKTests {
  static let engine: Engine = {
    let e = Engine.empty()
    var facts: [Fact] = []
    for i in 0..<3000 {
      var f = Fact(.project, ["id": .integer(Int64(i + 1)), "name": .text("项目\(i)"),
                               "currency": .text(i % 3 == 0 ? "USD" : "CNY"), "city": "临汾市", "province": "山西省"])
      if i % 11 != 0 { f["investment"] = .number(Double(i % 97) * 1e6) }
      facts.append(f)
    }
    e.add(facts: facts)
    return e
  }()

  func ids(_ s: String) throws -> [Value] { try Self.engine.run(s).rows.map { $0[0] } }

  @Test(arguments: [
    (#"currency = "CNY""#, "desc", 25), (#"currency = "CNY""#, "asc", 25), (#"currency = "CNY""#, "desc", 1),
    (#"currency = "CNY" and investment > 1000万"#, "desc", 40), (#"currency = "CNY" or name contains "项目1""#, "desc", 30),
    (#"currency != "USD""#, "asc", 60), (#"currency = "CNY""#, "desc", 1990),
  ])
  func limitIsThePrefixOfTheFullOrder(_ condition: String, _ direction: String, _ k: Int) throws {
    let limited = try ids("find project where \(condition) order by investment \(direction) limit \(k) show id")
    let full = try ids("find project where \(condition) order by investment \(direction) show id")
    #expect(limited.count == min(k, full.count))
    #expect(limited == Array(full.prefix(k)))
  }
}
