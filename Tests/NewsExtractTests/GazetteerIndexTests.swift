import Testing
import NewsFacts
@testable import NewsExtract

/// The static tables must answer exactly as the gazetteer parsed from its string table.
@Suite struct GazetteerIndexTests {
  let g = Gazetteer.shared
  let src = GazetteerSource.shared
  let index = GazetteerIndex.shared

  @Test func everyEntryMatchesTheParsedTable() {
    #expect(GazetteerIndex.count == src.entries.count)
    #expect(g.entries.count == src.entries.count)
    for i in src.entries.indices {
      let e = src.entries[i]
      #expect(GazetteerIndex.ref(Int32(i)) == e.ref, "entry \(i)")
      #expect(GazetteerIndex.isZone(Int32(i)) == e.isZone, "entry \(i)")
      #expect(Gazetteer.parent(Int32(i)) == e.parent, "entry \(i)")
      #expect(Gazetteer.level(Int32(i)) == e.ref.level, "entry \(i)")
      #expect(Gazetteer.hasCode(Int32(i)) == (e.ref.code != nil), "entry \(i)")
    }
    var codes = 0
    for (code, idx) in src.byCode {
      #expect(g.entry(code: code) == idx, "\(code)")
      codes += 1
    }
    #expect(codes > 3_000)
    #expect(g.entry(code: "999999") == nil && g.entry(code: "14100") == nil && g.entry(code: "") == nil)
  }

  @Test func childrenMatchTheParsedTable() {
    var checked = 0
    for (parent, kids) in src.childIndex {
      guard let code = src.entries[Int(parent)].ref.code else { continue }
      let ref = src.entries[Int(parent)].ref
      let expected = ref.level == .county ? g.townships(inCounty: code) : kids.map { src.entries[Int($0)].ref }
      #expect(g.children(ofCode: code) == expected, "\(code)")
      checked += 1
    }
    #expect(checked > 300)
  }

  /// Names to try: every indexed name, every entry's name and each of its prefixes (short
  /// names, non-names), their traditional spellings, and padded or empty input.
  func probes() -> [String] {
    var out: [String] = ["", " ", "　", "北京", " 临汾 ", "臨汾", "襄樊", "朝阳区", "吉林", "乾安", "乾安县", "xyz"]
    var unfold: [Unicode.Scalar: Unicode.Scalar] = [:]
    for (t, s) in src.fold { unfold[s] = t }
    for i in 0..<(gazetteerNameOffsets.utf8CodeUnitCount / 4) {
      let r = GazetteerIndex.line(gazetteerNames, gazetteerNameOffsets, i)
      let bytes = UnsafeBufferPointer(start: gazetteerNames.utf8Start + r.lowerBound, count: r.count)
      let line = String(decoding: bytes, as: UTF8.self)
      if let name = line.split(separator: "\t").first { out.append(String(name)) }
    }
    for e in src.entries {
      let s = Array(e.ref.name.unicodeScalars)
      for k in 1...s.count {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: s[0..<k])
        out.append(String(v))
      }
      var t = String.UnicodeScalarView()
      t.append(contentsOf: s.map { unfold[$0] ?? $0 })
      out.append(String(t))
    }
    return out
  }

  @Test func resolveAgreesWithTheTrieOnEveryName() {
    var checked = 0
    var found = 0
    for name in probes() {
      let a = index.resolve(name)
      let b = g.resolveByTrie(name)
      #expect(a == b, "\(name)")
      #expect(src.resolveByTrie(name) == b, "\(name)")
      checked += 1
      if !a.isEmpty { found += 1 }
    }
    #expect(checked > 20_000)
    #expect(found > 10_000)
  }

  @Test func resolvesWithoutBuildingAnything() {
    let r = index.resolve("臨汾")
    #expect(r.first?.name == "临汾市")
    #expect(r.first?.province == "山西省")
    #expect(index.resolve("朝阳区").count >= 2)
    #expect(index.resolve("no such place").isEmpty)
  }
}

/// The townships decoded from the table's `T` lines, and the static township tables, match
/// the lines read as strings.
@Suite struct GazetteerTownshipTableTests {
  @Test func townshipsMatchTheirSourceLines() {
    let src = GazetteerSource.shared
    let g = Gazetteer.shared
    var counties = 0
    var total = 0
    for line in gazetteerData.split(separator: "\n") where line.hasPrefix("T\t") {
      let f = line.split(separator: "\t", omittingEmptySubsequences: false)
      guard f.count == 3, let ci = src.byCode[String(f[1])], let r = src.townRanges[ci] else { continue }
      let items = f[2].split(separator: ",")
      #expect(r.count == items.count, "\(f[1])")
      for (t, item) in zip(r, items) {
        let tw = src.towns[Int(t)]
        #expect(Int32(item.prefix(3)) == tw.suffix)
        #expect(src.townshipName(Int(t)) == String(item.dropFirst(3)))
      }
      let sr = g.townRange(ci)
      #expect(sr?.count == items.count, "\(f[1])")
      if let sr {
        for (t, item) in zip(sr, items) {
          #expect(Int32(item.prefix(3)) == g.town(Int(t)).suffix)
          #expect(g.townshipName(Int(t)) == String(item.dropFirst(3)))
        }
      }
      counties += 1
      total += items.count
    }
    #expect(counties > 2_800)
    #expect(total > 40_000)
  }
}
