import NewsQ

/// Generated meeting facts for trying newsq at scale (`--synthetic N`): tests use it for a store
/// large enough that a scan runs for seconds (Ctrl-C, progress), benchmarks for load and scans.
/// Deterministic: the same N gives the same facts.
public enum SyntheticFacts {
  static let cities = ["临汾市", "太原市", "运城市", "晋中市", "大同市", "长治市", "扬州市", "南京市"]
  static let kinds = ["推进会", "座谈会", "常委会", "观摩会", "调度会"]
  static let surnames = Array("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗".unicodeScalars)

  /// `count` meetings with names, kinds, dates, cities, hosts, attendees and evidence.
  public static func meetings(_ count: Int) -> [Fact] {
    var facts: [Fact] = []
    facts.reserveCapacity(max(0, count))
    var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> Int {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(truncatingIfNeeded: seed >> 33)
    }
    func person() -> String {
      String(surnames[next() % surnames.count]) + String(surnames[next() % surnames.count]) + String(next() % 100)
    }
    for i in 0..<max(0, count) {
      let city = cities[next() % cities.count]
      let kind = kinds[next() % kinds.count]
      let host = person()
      let date = FactDate(year: 2015 + next() % 10, month: 1 + next() % 12, day: 1 + next() % 28)
      var f = Fact(.meeting)
      f["name"] = .text("第\(i)次\(kind)")
      f["kind"] = .text(kind)
      f["date"] = .date(date)
      f["city"] = .text(city)
      f["host"] = .text(host)
      f["attendees"] = .list([host, person(), person()])
      f["evidence"] = .text("\(city)召开第\(i)次\(kind)，\(host)主持会议。")
      f["doc"] = .text("synthetic")
      facts.append(f)
    }
    return facts
  }
}
