import Testing
import NewsFacts
@testable import FactStore

/// Coded string tables (`TextCodec`): every string reads back byte for byte, look-ups and
/// `contains` give what they give on the plain table, and snapshots keep the code.
@Suite struct TextCodecTests {
  /// Sentences in the style of the news the store holds, with characters outside the code's
  /// plane (𠀀, 😀), full-width forms, Latin, digits, an empty string and a long one.
  static func texts() -> [String] {
    let parts = ["2024年7月17日，山西省临汾市召开全市优化营商环境大会。", "會議在長治舉行，", "ＧＤＰ增长6.5%，",
                 "项目总投资12.5亿元", "𠀀𠀁字", "😀", "Xi'an 西安", "", "尧都区重点项目和重点工作观摩总结推进会"]
    var out: [String] = [""]
    for (i, a) in parts.enumerated() {
      for (j, b) in parts.enumerated() { out.append("\(a)\(b)第\(i * 10 + j)条") }
    }
    out.append(String(repeating: "营商环境持续优化，", count: 400) + "𠀀")
    return out
  }

  @Test func codedTableReadsBackEveryStringByteForByte() throws {
    let xs = Self.texts()
    let plain = StringTable(xs)
    let coded = try #require(plain.coded())
    #expect(coded.isCoded)
    #expect(coded.byteSize < plain.byteSize)
    #expect(Array(coded) == xs)
    for (i, x) in xs.enumerated() {
      #expect(coded.withUTF8(i) { Array($0) } == Array(x.utf8))
      #expect(coded.equals(i, x))
      #expect(!coded.equals(i, x + "。"))
    }
    #expect(coded.bytes == plain.bytes && coded.ends == plain.ends)
    #expect(coded == plain)
  }

  @Test func bytesThatAreNotUTF8RoundTrip() throws {
    // a table holds bytes; ill-formed sequences are escaped byte by byte
    let raw: [[UInt8]] = [[0xE4, 0xB8], [0xFF, 0x41, 0x80], [0xED, 0xA0, 0x80], Array("临汾".utf8) + [0xC0, 0xAF]]
    var bytes: [UInt8] = [], ends: [UInt32] = []
    for r in raw { bytes += r; ends.append(UInt32(bytes.count)) }
    let plain = StringTable(bytes: bytes, ends: ends)
    let coded = try #require(plain.coded(minimumSaving: -.infinity))
    for (i, r) in raw.enumerated() { #expect(coded.withUTF8(i) { Array($0) } == r) }
  }

  @Test func damagedCodesDecodeWithoutTrapping() {
    let codec = TextCodec(symbols: [TextCodec.utf8Word(0x4E34)])
    // an unknown one-byte code, an unknown two-byte code, a cut escape and a cut two-byte code
    let t = StringTable(coded: [0, 7, 0xC5, 0x01, 0, 0xFF, 0, 0xC0], ends: [2, 4, 6, 8], codec: codec)
    #expect(t[0] == "临" && t[1] == "" && t[2] == "临" && t[3] == "临")
    // a snapshot whose code claims more bytes a character than three is damaged
    var w = FactWriter()
    w.raw([UInt32(0x0900_0041)]); w.u8(1); w.raw([UInt8(0)]); w.raw([UInt32(1)])
    var r = FactReader(w.bytes)
    #expect(Snapshot.decodeStringTable(&r) == nil)
    var ok = FactWriter()
    ok.raw([TextCodec.utf8Word(0x41)]); ok.u8(1); ok.raw([UInt8(0)]); ok.raw([UInt32(1)])
    var r2 = FactReader(ok.bytes)
    #expect(Snapshot.decodeStringTable(&r2).map { Array($0) } == ["A"])
  }

  @Test func dictionaryOfLongTextsIsCodedAndAnswersAsPlain() throws {
    var b = StoreBuilder()
    let xs = Self.texts().filter { !$0.isEmpty }
    // enough sentences to be coded (32 KB, 40 bytes a string)
    var rows: [String] = []
    for k in 0..<8 { for x in xs { rows.append("第\(k)批：\(x)") } }
    for r in rows { b.add(Fact(.meeting, ["name": "会", "evidence": .text(r)])) }
    let s = b.freeze()
    guard case .text(let c)? = s.table(.meeting).column("evidence") else { Issue.record("evidence"); return }
    #expect(c.dictionary.values.isCoded)
    #expect((0..<rows.count).map { c.text($0) } == rows)
    let plain = TextDictionary(Set(rows))
    #expect(Array(c.dictionary.values) == Array(plain.values))
    #expect(Array(c.dictionary.folded) == Array(plain.folded))
    for needle in ["营商环境", "长治", "長治", "gdp", "𠀀", "😀", "，", "第3批：會議", "不在其中"] {
      let f = TextOrder.fold(needle)
      #expect(c.dictionary.codes(foldedContaining: f) == plain.codes(foldedContaining: f), "\(needle)")
      let want = (0..<rows.count).filter { TextOrder.fold(rows[$0]).contains(f) }
      let got = c.dictionary.codes(foldedContaining: f).flatMap { c.index.rows(of: $0) }.map(Int.init).sorted()
      #expect(got == want, "\(needle)")
    }
    for r in [rows[0], rows[77], rows.last!] {
      let codes = c.dictionary.codes(folding: r)
      #expect(codes.count == 1 && c.dictionary.values[Int(codes[0])] == r)
      #expect(c.dictionary.codes(folding: TextOrder.fold(r)) == codes)
    }
    // and after the round trip through the snapshot's bytes
    var w = FactWriter()
    s.encode(into: &w)
    var rd = FactReader(w.bytes)
    let back = try #require(Snapshot.decode(&rd))
    guard case .text(let d)? = back.table(.meeting).column("evidence") else { Issue.record("evidence"); return }
    #expect(d.dictionary.values.isCoded && d.dictionary.values == c.dictionary.values)
    #expect(d.dictionary.folded == c.dictionary.folded)
    #expect((0..<rows.count).map { d.text($0) } == rows)
  }

  @Test func laterSourcesKeepTheirSentencesOnce() throws {
    var b = StoreBuilder()
    let xs = Self.texts()
    for (i, x) in xs.enumerated() {
      // every sentence twice, in two rows
      let srcs = [Source(doc: "d\(i % 3).txt", article: Int64(i), evidence: x, span: 1..<3),
                  Source(doc: "d0.txt", article: 1, evidence: xs[(i + 1) % xs.count], span: 0..<x.unicodeScalars.count)]
      b.add(Fact(.place, ["name": .text("地\(i)")], moreSources: srcs))
    }
    let s = b.freeze()
    let t = s.table(.place)
    #expect(t.moreSources.count == xs.count && t.moreSources.sourceCount == 2 * xs.count)
    #expect(t.moreSources.evidenceTable.count == Set(xs).count)
    for i in xs.indices {
      #expect(t.fact(at: i).moreSources.map(\.evidence) == [xs[i], xs[(i + 1) % xs.count]])
      #expect(t.moreSources[UInt32(i)]?.first?.doc == "d\(i % 3).txt")
    }
    var w = FactWriter()
    s.encode(into: &w)
    var rd = FactReader(w.bytes)
    let back = try #require(Snapshot.decode(&rd))
    #expect(back.table(.place).moreSources == t.moreSources)
  }

  @Test func packedIntegersKeepEveryValueInTheFewestBytes() {
    for (xs, width) in [([Int64](), 1), ([5, 5, 260], 1), ([-3, 0, 70_000], 4), ([1, 65_536], 2),
                        ([Int64.min, Int64.max, 0], 8), ([-40_000, -39_000], 2)] as [([Int64], Int)] {
      let p = PackedInts(xs)
      #expect(Array(p) == xs)
      #expect(p.width == width, "\(xs)")
    }
  }

  @Test func foldingOnReadMatchesTheFoldOfEachValue() {
    let xs = Self.texts() + ["ＡＢＣ　臨汾", "plain 临汾", String(repeating: "（會議）", count: 300)]
    let values = StringTable(xs)
    let folded = FoldedValues(values: values, folded: xs.map(TextOrder.fold))
    #expect(Array(folded) == xs.map(TextOrder.fold))
    #expect(folded.changedCount == xs.filter { TextOrder.fold($0) != $0 }.count)
    #expect(folded.changedCount > 0 && folded.changedCount < xs.count)
  }
}
