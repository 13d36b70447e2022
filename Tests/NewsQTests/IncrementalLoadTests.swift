import Foundation
import Testing
import NewsQ

/// A `.load` adds documents to what is loaded: persons and places merged across the loads, and
/// their later sources numbered across them, as loading everything at once gives.
@Suite struct IncrementalLoadTests {
  /// Writes the seeds and two documents naming the same person and place into `a/` (seeds
  /// 0–2) and `b/` (seeds 3–4) under `dir`.
  static func folders(_ dir: String) throws -> (String, String) {
    let fm = FileManager.default
    let seeds = Reliability.root.appendingPathComponent("seeds").path
    let names = try fm.contentsOfDirectory(atPath: seeds).filter { $0.hasSuffix(".txt") }.sorted()
    let a = dir + "/a", b = dir + "/b"
    try fm.createDirectory(atPath: a, withIntermediateDirectories: true)
    try fm.createDirectory(atPath: b, withIntermediateDirectories: true)
    for (i, n) in names.enumerated() {
      try fm.copyItem(atPath: seeds + "/" + n, toPath: (i < 3 ? a : b) + "/" + n)
    }
    try "本报讯 浏阳市委书记王建国主持会议。余杭区召开大会。余杭区委书记刘颖讲话。"
      .write(toFile: a + "/zz-a.txt", atomically: true, encoding: .utf8)
    try "本报讯 浏阳市委书记王建国带队调研。王建国强调，要抓好落实。\n\n本报讯 余杭区举行推介会。"
      .write(toFile: b + "/zz-b.txt", atomically: true, encoding: .utf8)
    return (a, b)
  }

  /// Every row of `entity` and the `why` of each (its sources, article numbers included).
  static func dump(_ engine: Engine, _ entity: String) throws -> [[Value]] {
    let rows = try engine.run("find \(entity)").rows.arrays
    var out = rows
    let ids = try engine.run("find \(entity) show id").rows.arrays.compactMap { $0.first }
    for id in ids {
      guard case .integer(let n) = id else { continue }
      out += try engine.run("why \(entity) \(n)").rows.arrays
    }
    return out
  }

  @Test func loadingInTwoStepsMergesAsLoadingAtOnce() throws {
    let dir = Reliability.scratch("incremental")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let (a, b) = try Self.folders(dir)
    let stepwise = Engine.empty()
    _ = stepwise.load(paths: [a])
    _ = stepwise.load(paths: [b])
    let atOnce = Engine.empty()
    _ = atOnce.load(paths: [a, b])
    for entity in ["person", "place", "meeting", "article"] {
      let x = try Self.dump(stepwise, entity), y = try Self.dump(atOnce, entity)
      #expect(!x.isEmpty)
      #expect(x == y, "\(entity) differs between loading in two steps and at once")
    }
    // the person and place named in both folders are one row each, with both folders' sightings
    let wang = try stepwise.run("find person where name = '王建国' show docs").rows.arrays
    #expect(wang.count == 1)
    if case .list(let docs)? = wang.first?.first {
      #expect(docs.count == 2)
    } else {
      Issue.record("王建国 has no docs list: \(wang)")
    }
    let yuhang = try stepwise.run("find place where name = '余杭区' show mentions").rows.arrays
    #expect(yuhang == [[.integer(3)]])  // two mentions in the first folder, one in the second
    // each of the person's sources names an article of its own document (articles numbered
    // across the loads)
    let id = try stepwise.run("find person where name = '王建国' show id").rows.arrays.first?.first
    guard case .integer(let n)? = id else { Issue.record("no id for 王建国"); return }
    let why = try stepwise.run("why person \(n)")
    let docColumn = try #require(why.columns.firstIndex { $0.name == "doc" })
    let articleColumn = try #require(why.columns.firstIndex { $0.name == "article" })
    var docsSeen: Set<String> = []
    for row in why.rows.arrays {
      guard case .text(let doc) = row[docColumn] else { Issue.record("a source without a doc"); continue }
      docsSeen.insert(doc)
      let articles = try stepwise.run("find article where doc = '\(doc)' show id").rows.arrays.map { $0.first }
      #expect(articles.contains(row[articleColumn]), "source in \(doc) names article \(row[articleColumn]), not one of \(articles)")
    }
    #expect(docsSeen.count == 2)
  }
}
