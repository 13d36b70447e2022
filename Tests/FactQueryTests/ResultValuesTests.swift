import Testing
import NewsFacts
import FactStore
import NewsText
@testable import FactQuery

/// Result values built from dictionary bytes (held as codes and built when read, without
/// validating them again) equal the store's own reading of every cell, and the
/// place look-up by suffixed stems finds exactly the codes a scan of the dictionary finds.
@Suite struct ResultValuesTests {
  /// Meetings mixing unique CJK sentences (longer than a small string), repeated cities and
  /// hosts, ASCII and mixed-script texts, 4-byte characters, empty texts, lists with repeats,
  /// and unknown values in every column.
  static let meetings: [Fact] = (0..<400).map { i in
    var f = Fact(.meeting)
    f["id"] = .integer(Int64(i + 1))
    f["name"] = .text("第\(i)次优化营商环境推进会")
    if i % 13 != 0 { f["kind"] = .text(["推进会", "座谈会", "Plenary", "常委会（扩大）", ""][i % 5]) }
    if i % 7 != 0 { f["city"] = .text(["临汾市", "晋中市", "扬州市", "运城市"][i % 4]) }
    if i % 9 != 0 { f["host"] = .text(["市长张三", "Zhang San", "区委书记𠀋李四", "赵六"][i % 4]) }
    if i % 5 != 0 { f["attendees"] = .list(["王宏伟", "李四", "Smith 🙂"].prefix(1 + i % 3).map { $0 } + (i % 4 == 0 ? ["王宏伟"] : [])) }
    if i % 6 != 0 { f["date"] = .date(FactDate(year: 2020 + i % 4, month: 1 + i % 12, day: 1 + i % 28)) }
    f["doc"] = .text(i % 3 == 0 ? "docs/2023/\(i / 3).txt" : "新闻/第\(i / 3)篇.txt")
    f["article"] = .integer(Int64(i % 4))
    let sentence = "山西省临汾市第\(i)次会议强调，要加快项目建设进度，确保全年目标任务完成。"
    f["evidence"] = .text(i % 11 == 0 ? "ASCII evidence sentence number \(i) for the meeting" : sentence)
    f["span"] = .span(i, i + 10)
    return f
  }
  let h = Harness(meetings)

  /// Each result row against `Column.value(_:)` (the store's decoding) at the fact's row.
  func expectStoreValues(_ statement: String) throws {
    let r = try h.run(try Parser.parse(statement))
    let t = h.context.snapshot.table(.meeting)
    var rowOfID: [Int64: Int] = [:]
    for row in 0..<t.rowCount { if case .integer(let id) = t.columns[0].value(row) { rowOfID[id] = row } }
    #expect(!r.rows.isEmpty)
    for values in r.rows {
      guard case .integer(let id) = values[0], let row = rowOfID[id] else { Issue.record("no id in \(values)"); continue }
      #expect(values.count == r.columns.count)
      for (j, c) in r.columns.enumerated() {
        let pos = try #require(t.fields.firstIndex { $0.name == c.name })
        let want = t.columns[pos].value(row)
        #expect(values[j] == want, "\(statement): \(c.name) of id \(id)")
        // Built strings hold exactly the stored bytes (not only an equivalent text).
        if case .text(let got) = values[j], case .text(let w) = want { #expect(Array(got.utf8) == Array(w.utf8)) }
      }
    }
  }

  @Test func everyCellEqualsTheStoresReading() throws {
    try expectStoreValues("find meeting")  // every row: the caches see every distinct value
    try expectStoreValues("find meeting where city = \"临汾\"")  // a subset
    try expectStoreValues("find meeting where id = 14")  // one row: no cache
    try expectStoreValues("find meeting where name contains \"3次\" order by date desc")
  }

  /// Columns held as codes read as the values they stand for, nulls and empty lists included,
  /// and equal (and hash like) the same values held as values.
  @Test func codedColumnsReadAsTheirValues() {
    let table = StringTable(["临汾市", "Zhang San", "", "区委书记𠀋李四"])
    let null = TextColumn.null
    let text = ResultValues(table: table, codes: [3, null, 0, 2, 0, 1])
    let want: [Value] = [.text("区委书记𠀋李四"), .null, .text("临汾市"), .text(""), .text("临汾市"), .text("Zhang San")]
    #expect(Array(text) == want)
    #expect(text == ResultValues(want))
    #expect(text.hashValue == ResultValues(want).hashValue)
    #expect(text != ResultValues(Array(want.reversed())))
    let shared = ResultValues(strings: ["区委书记𠀋李四", "临汾市", "", "Zhang San"], at: [0, null, 1, 2, 1, 3])
    #expect(Array(shared) == want)
    #expect(shared == text)
    #expect(shared.hashValue == text.hashValue)

    // Rows: [3, 0], null, [], null, [1], [] — a null row keeps its start for the next row's end.
    let bounds: [Int32] = [ResultValues.listBound(0, present: true), ResultValues.listBound(2, present: false),
                           ResultValues.listBound(2, present: true), ResultValues.listBound(2, present: false),
                           ResultValues.listBound(2, present: true), ResultValues.listBound(3, present: true),
                           ResultValues.listBound(3, present: true)]
    let lists = ResultValues(table: table, bounds: bounds, elements: [3, 0, 1])
    let wantLists: [Value] = [.list(["区委书记𠀋李四", "临汾市"]), .null, .list([]), .null, .list(["Zhang San"]), .list([])]
    #expect(lists.count == 6)
    #expect(Array(lists) == wantLists)
    #expect(lists == ResultValues(wantLists))
    #expect(lists.hashValue == ResultValues(wantLists).hashValue)
  }

  @Test func asciiTestFindsTheFirstHighByteAtAnyPosition() {
    for n in 0..<24 {
      let plain = [UInt8](repeating: 0x61, count: n)
      #expect(plain.withUnsafeBufferPointer { TrustedUTF8.isASCII($0) })
      for at in 0..<n {
        var b = plain
        b[at] = 0xE4
        #expect(!b.withUnsafeBufferPointer { TrustedUTF8.isASCII($0) }, "length \(n), high byte at \(at)")
      }
    }
  }

  @Test func codeStringsReturnTheTablesStringsAcrossGrowth() {
    let words = (0..<500).map { i in i % 3 == 0 ? "word \(i)" : "词语第\(i)个🙂" }
    let table = StringTable(words)
    // Expecting 4 distinct codes, asked for hundreds: the table grows several times.
    var cache = CodeStrings(table, expected: 4)
    var rng = SplitMix(7)
    for _ in 0..<3000 {
      let code = Int(rng.next() % 500)
      let s = cache.string(UInt32(code))
      #expect(s == words[code])
      #expect(table[code] == table.withUTF8(code) { String(decoding: $0, as: UTF8.self) })
    }
  }

  /// Places whose dictionary holds stems, suffixed names, names sharing a stem with
  /// another suffix, and names whose suffix is part of a longer one (自治区, 地区).
  static let places: [Fact] = ["临汾市", "临汾", "临汾县", "尧都区", "内蒙古自治区", "内蒙古", "内蒙古自治", "阿里地区",
                               "阿里地", "阿里", "香港特别行政区", "香港", "市", "区", "朝阳区", "朝阳"].enumerated().map { i, p in
    var f = Fact(.project)
    f["id"] = .integer(Int64(i + 1))
    f["city"] = .text(p)
    f["county"] = .text(p)
    return f
  }

  @Test func placeCodesEqualAScanOfTheDictionary() throws {
    let hp = Harness(Self.places)
    let binder = Binder(context: hp.context, parameters: [])
    let f = binder.field(named: "city", .project)
    guard case .text(let col) = try #require(binder.column(f)) else { Issue.record("city is not a text column"); return }
    let folded = col.dictionary.folded
    for name in ["临汾", "临汾市", "臨汾", "尧都", "尧都区", "内蒙古", "内蒙古自治区", "内蒙古自治", "阿里", "阿里地区", "阿里地",
                 "香港", "香港特别行政区", "市", "区", "朝阳", "不存在", ""] {
      let s = TextOrder.fold(name)
      let bare = TextMatch.strippingDivisionSuffix(s)
      for division in [false, true] {
        var scan: [UInt32] = []
        for i in 0..<folded.count {
          let v = folded[i]
          let hit = division ? (v == s || v == bare) : (v == s || TextMatch.strippingDivisionSuffix(v) == bare)
          if hit { scan.append(UInt32(i)) }
        }
        #expect(binder.placeCodes(f, name, division: division) == scan, "\(name) division: \(division)")
      }
    }
  }
}
