import Testing
import NewsFacts
@testable import FactStore

/// The compact forms the store keeps: strings in one buffer, implied sorted orders, and a
/// builder that after a commit finds committed values through the frozen dictionary.
@Suite struct CompactStorageTests {
  @Test func stringTableKeepsEveryStringAndItsBytes() {
    let xs = ["", "临汾市", "a", "尧都区重点项目和重点工作观摩总结推进会", "臨汾市", "ＡＢＣ"]
    let t = StringTable(xs)
    #expect(Array(t) == xs)
    #expect(t.bytes.count == xs.reduce(0) { $0 + $1.utf8.count })
    for (i, x) in xs.enumerated() {
      #expect(t.equals(i, x))
      #expect(!t.equals(i, x + "x"))
      #expect(t.withUTF8(i) { Array($0) } == Array(x.utf8))
    }
  }

  @Test func sortedRowsAreImpliedOnlyForTheIdentity() {
    let id = SortedRows([0, 1, 2, 3])
    #expect(id.isImplied && id.stored.isEmpty && Array(id) == [0, 1, 2, 3])
    let other = SortedRows([1, 0, 2])
    #expect(!other.isImplied && Array(other) == [1, 0, 2])
    #expect(id == SortedRows(impliedCount: 4))
    #expect(id != other)
  }

  @Test func postingsOfOneRowPerCodeKeepNoStarts() {
    let unique = Postings(codeCount: 4, codes: [2, 0, TextColumn.null, 3, 1])
    #expect(unique.isOneRowPerCode && unique.start.isEmpty)
    #expect((0..<4).map { Array(unique.rows(of: UInt32($0))) } == [[1], [4], [0], [3]])
    #expect(unique.count(of: 2) == 1 && unique.count(of: 4) == 0 && unique.rows(of: 4).isEmpty)
    let shared = Postings(codeCount: 3, codes: [2, 0, TextColumn.null, 2])
    #expect(!shared.isOneRowPerCode)
    #expect((0..<3).map { Array(shared.rows(of: UInt32($0))) } == [[1], [], [0, 3]])
    #expect((0..<3).map { shared.count(of: UInt32($0)) } == [1, 0, 2])
  }

  @Test func idsKeepNoSortedArrayButValuesOutOfOrderDo() {
    var b = StoreBuilder()
    for (i, v) in [5.0, 1, 9, 3].enumerated() {
      b.add(Fact(.project, ["id": .integer(Int64(i + 1)), "name": .text("p\(i)"), "investment": .number(v), "currency": "CNY"]))
    }
    let t = b.freeze().table(.project)
    guard case .number(let ids)? = t.column("id"), case .number(let inv)? = t.column("investment") else {
      Issue.record("number columns"); return
    }
    #expect(ids.sorted.isImplied)
    #expect(!inv.sorted.isImplied && Array(inv.sorted) == [1, 3, 0, 2])
  }

  @Test func batchesFindCommittedValuesAndFoldedTwins() throws {
    var b = StoreBuilder()
    b.add(Fact(.meeting, ["name": "甲", "city": "临汾市"]))
    b.add(Fact(.meeting, ["name": "乙", "city": "晋中市"]))
    _ = b.commit()
    b.add(Fact(.meeting, ["name": "丙", "city": "临汾市"]))
    b.add(Fact(.meeting, ["name": "丁", "city": "臨汾市"]))
    let s = b.commit()
    guard case .text(let c)? = s.table(.meeting).column("city") else { Issue.record("city"); return }
    #expect(c.dictionary.count == 3)
    #expect([0, 1, 2, 3].map { c.text($0) } == ["临汾市", "晋中市", "临汾市", "臨汾市"])
    #expect(c.codes[0] == c.codes[2] && c.codes[0] != c.codes[3])
    #expect(c.dictionary.lookup[TextOrder.fold("臨汾市")]?.count == 2)
    #expect(c.dictionary.lookup["太原市"] == nil)
  }
}

/// `contains` through the dictionary's byte buffer finds what a test of each value finds.
@Suite struct DictionaryContainsTests {
  @Test func bufferScanEqualsPerValueTest() {
    let values = ["营商环境", "优化营商环境大会", "营商", "环境营商环境", "商环境营", "营", "环境", "", "a营商环境b", "臨汾营商環境"]
    let d = TextDictionary(Set(values))
    for needle in ["营商环境", "营商", "环境", "营", "境营", "a", "商环境营商", "不在", ""] {
      let f = TextOrder.fold(needle)
      let want = (0..<d.count).filter { d.folded[$0].contains(f) || f.isEmpty }.map { UInt32($0) }
      #expect(d.codes(foldedContaining: f) == want, "\(needle)")
    }
  }
}

/// Dictionaries are in `TextDictionary.before` order however their values arrive: long texts
/// sharing long beginnings (sorted by key prefixes, ties by whole keys), override phrases at
/// the cut, and batches merged into committed values.
@Suite struct DictionaryOrderTests {
  static let beginnings = ["2024年7月17日，山西省临汾市召开", "会议在长治举行，", "一二三四五六七八九十", "ＧＤＰ增长", "", "重庆", "长沙市委书记"]
  static let endings = ["全市经济工作会议", "全市优化营商环境大会", "重庆", "長沙", "a", "A", "", "。", "厦门考察", "一二三四五六七八九十一二三"]

  @Test func valuesAreInDictionaryOrderAcrossBatches() throws {
    var texts: [String] = []
    for a in Self.beginnings { for b in Self.endings { for c in ["", "临汾", "重庆市"] { texts.append(a + b + c) } } }
    texts = Array(Set(texts)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    var b = StoreBuilder()
    // three batches, interleaved, committed one after another
    for k in 0..<3 {
      for (i, t) in texts.enumerated() where i % 3 == k { b.add(Fact(.meeting, ["name": .text(t)])) }
      _ = b.commit()
    }
    let s = b.commit()
    guard case .text(let c)? = s.table(.meeting).column("name") else { Issue.record("name"); return }
    let values = (0..<c.dictionary.count).map { c.dictionary.values[$0] }
    #expect(values == texts.sorted(by: TextDictionary.before))
    // folded on first use, as `TextOrder.fold` folds each value
    #expect(Array(c.dictionary.folded) == values.map(TextOrder.fold))
    let twins = c.dictionary.codes(folding: "会议在長治举行，長沙")
    #expect(twins.count == 1 && twins == c.dictionary.codes(folding: "会议在长治举行，长沙"))
    var rows: [String] = []
    for k in 0..<3 { for (i, t) in texts.enumerated() where i % 3 == k { rows.append(t) } }
    #expect((0..<rows.count).map { c.text($0) } == rows)
  }
}
