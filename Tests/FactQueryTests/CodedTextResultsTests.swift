import Testing
import NewsFacts
import FactStore
@testable import FactQuery

/// Results and `why` read columns whose dictionaries the store keeps coded (long texts, see
/// `StringTable.isCoded`): through one decoded string at a time, with the same values the
/// store's own reading gives.
@Suite struct CodedTextResultsTests {
  /// 1,200 meetings with long distinct names and sentences: enough bytes, and long enough
  /// strings, for the store to code both dictionaries.
  static let meetings: [Fact] = (0..<1_200).map { i in
    var f = Fact(.meeting)
    f["id"] = .integer(Int64(i + 1))
    f["name"] = .text("第\(i)次全市优化营商环境暨重点项目建设推进会议在市委常委会议室召开")
    f["kind"] = .text("推进会")
    f["city"] = .text(["临汾市", "晋中市"][i % 2])
    f["attendees"] = .list(["王宏伟", "李四"])
    f["doc"] = .text("新闻/第\(i / 3)篇.txt")
    f["article"] = .integer(0)
    f["evidence"] = .text("山西省临汾市第\(i)次全市优化营商环境暨重点项目建设推进会议强调，要加快项目建设进度，确保全年目标任务完成。")
    f["span"] = .span(i, i + 40)
    return f
  }
  let h = Harness(meetings)

  @Test func findReturnsTheStoredTextOfCodedColumns() throws {
    let t = h.context.snapshot.table(.meeting)
    let name = try #require(t.fields.firstIndex { $0.name == "name" })
    let evidence = try #require(t.fields.firstIndex { $0.name == "evidence" })
    guard case .text(let names) = t.columns[name], case .text(let sentences) = t.columns[evidence] else {
      Issue.record("name and evidence are text columns"); return
    }
    try #require(names.dictionary.values.isCoded && sentences.dictionary.values.isCoded)
    let r = try h.run(try Parser.parse("find meeting where city = \"临汾市\""))
    #expect(r.rows.count == 600)
    for values in r.rows {
      guard case .integer(let id) = values[0] else { Issue.record("no id"); continue }
      let i = Int(id) - 1
      #expect(values.contains(.text("第\(i)次全市优化营商环境暨重点项目建设推进会议在市委常委会议室召开")))
      #expect(values.contains(.text("山西省临汾市第\(i)次全市优化营商环境暨重点项目建设推进会议强调，要加快项目建设进度，确保全年目标任务完成。")))
    }
  }

  @Test func whyReadsACodedEvidenceColumn() throws {
    let r = try h.run(try Parser.parse("why meeting 8"))
    let row = try #require(r.rows.first)
    #expect(row[2] == .text("山西省临汾市第7次全市优化营商环境暨重点项目建设推进会议强调，要加快项目建设进度，确保全年目标任务完成。"))
    guard case .text(let marked) = row[4] else { Issue.record("marked is text"); return }
    #expect(marked.contains("【"))
    // The marks only wrap words of the sentence: without them it is the evidence again.
    #expect(.text(marked.replacingOccurrences("【", "").replacingOccurrences("】", "")) == row[2])
  }
}

private extension String {
  func replacingOccurrences(_ a: Character, _ b: String) -> String {
    String(self.flatMap { $0 == a ? Array(b) : [$0] })
  }
}
