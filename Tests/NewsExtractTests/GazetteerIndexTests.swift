import Testing
import NewsFacts
@testable import NewsExtract

/// The static index must answer exactly as the gazetteer built from its string table.
@Suite struct GazetteerIndexTests {
  let g = Gazetteer.shared
  let index = GazetteerIndex.shared

  @Test func everyEntryMatchesTheBuiltGazetteer() {
    #expect(GazetteerIndex.count == g.entries.count)
    for i in g.entries.indices {
      #expect(GazetteerIndex.ref(Int32(i)) == g.entries[i].ref, "entry \(i)")
      #expect(GazetteerIndex.isZone(Int32(i)) == g.entries[i].isZone, "entry \(i)")
    }
  }

  /// Names to try: every indexed name, every entry's name and each of its prefixes (short
  /// names, non-names), their traditional spellings, and padded or empty input.
  func probes() -> [String] {
    var out: [String] = ["", " ", "　", "北京", " 临汾 ", "臨汾", "襄樊", "朝阳区", "吉林", "乾安", "乾安县", "xyz"]
    var unfold: [Unicode.Scalar: Unicode.Scalar] = [:]
    for (t, s) in g.fold { unfold[s] = t }
    for i in 0..<(gazetteerNameOffsets.utf8CodeUnitCount / 4) {
      let r = GazetteerIndex.line(gazetteerNames, gazetteerNameOffsets, i)
      let bytes = UnsafeBufferPointer(start: gazetteerNames.utf8Start + r.lowerBound, count: r.count)
      let line = String(decoding: bytes, as: UTF8.self)
      if let name = line.split(separator: "\t").first { out.append(String(name)) }
    }
    for e in g.entries {
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

/// The townships decoded from the table's `T` lines match the lines read as strings.
@Suite struct GazetteerTownshipTableTests {
  @Test func townshipsMatchTheirSourceLines() {
    let g = Gazetteer.shared
    var counties = 0
    var total = 0
    for line in gazetteerData.split(separator: "\n") where line.hasPrefix("T\t") {
      let f = line.split(separator: "\t", omittingEmptySubsequences: false)
      guard f.count == 3, let ci = g.byCode[String(f[1])], let r = g.townRanges[ci] else { continue }
      let items = f[2].split(separator: ",")
      #expect(r.count == items.count, "\(f[1])")
      for (t, item) in zip(r, items) {
        let tw = g.towns[Int(t)]
        #expect(Int32(item.prefix(3)) == tw.suffix)
        #expect(g.townshipName(Int(t)) == String(item.dropFirst(3)))
      }
      counties += 1
      total += items.count
    }
    #expect(counties > 2_800)
    #expect(total > 40_000)
  }
}
