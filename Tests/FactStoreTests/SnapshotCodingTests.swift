import Testing
import NewsFacts
@testable import FactStore

/// The snapshot as the start-up cache writes and reads it: folded texts equal to their values
/// are stored as a marker, and the folded look-up is built by the first lookup, not by reading.
@Suite struct SnapshotCodingTests {
  static func snapshot() -> Snapshot {
    var b = StoreBuilder()
    for (name, city, people) in [("甲会", "臨汾市", ["王宏偉", "李四"]), ("乙会", "临汾市", ["李四"]),
                                 ("ＧＤＰ会", "北京市", []), ("丙会", "臨汾市", ["王宏伟"])] {
      var f = Fact(.meeting)
      f["name"] = .text(name)
      f["city"] = .text(city)
      f["attendees"] = .list(people)
      b.add(f)
    }
    return b.freeze()
  }

  static func roundTrip(_ s: Snapshot) throws -> Snapshot {
    var w = FactWriter()
    s.encode(into: &w)
    var r = FactReader(w.bytes)
    let back = try #require(Snapshot.decode(&r))
    #expect(!r.failed && r.remaining == 0)
    return back
  }

  static func dictionary(_ s: Snapshot, _ field: String) throws -> TextDictionary {
    try #require(s.table(.meeting).column(field)?.dictionary, "no text column \(field)")
  }

  @Test func foldedFormsAndLookupsSurviveTheRoundTrip() throws {
    let original = Self.snapshot()
    let back = try Self.roundTrip(original)
    for field in ["name", "city", "attendees"] {
      let a = try Self.dictionary(original, field), b = try Self.dictionary(back, field)
      #expect(b.values == a.values, "\(field)")
      #expect(b.folded == a.folded, "\(field)")
      for f in a.folded { #expect(b.lookup[f] == a.lookup[f], "\(field) \(f)") }
    }
    // 臨汾市 and 临汾市 fold alike; ＧＤＰ会 folds to gdp会 (not equal to its value, so written out).
    let city = try Self.dictionary(back, "city")
    #expect(city.codes(folding: "臨汾市").count == 2)
    #expect(city.codes(folding: "临汾").isEmpty)
    let names = try Self.dictionary(back, "name")
    #expect(names.codes(folding: "gdp会").map { names.values[Int($0)] } == ["ＧＤＰ会"])
    let people = try Self.dictionary(back, "attendees")
    #expect(people.codes(folding: "王宏伟").count == 2)
  }

  @Test func aFoldedTextEqualToItsValueIsWrittenOnce() {
    var plain = FactWriter()
    plain.strings(["临汾市", "北京市"])
    plain.strings(["临汾市", "北京市"])
    var marked = FactWriter()
    marked.strings(["临汾市", "北京市"])
    marked.strings(["临汾市", "北京市"], sameAs: ["临汾市", "北京市"])
    #expect(marked.bytes.count == plain.bytes.count - 18)
    var r = FactReader(marked.bytes)
    let values = r.strings()
    #expect(r.strings(sameAs: values ?? []) == ["临汾市", "北京市"])
    // Only the equal one becomes a marker.
    var mixed = FactWriter()
    mixed.strings(["臨汾市", "北京市"], sameAs: ["臨汾市", "北京"])
    var m = FactReader(mixed.bytes)
    #expect(m.strings(sameAs: ["臨汾市", "北京"]) == ["臨汾市", "北京市"])
  }

  @Test func aMarkerWithNothingToRepeatIsDamage() {
    var w = FactWriter()
    w.strings(["甲", "乙"], sameAs: ["甲", "乙"])
    var r = FactReader(w.bytes)
    #expect(r.strings(sameAs: ["甲"]) == nil)
    #expect(r.failed)
  }

  @Test func lookupTablesAreBuiltByTheFirstLookupOnly() throws {
    let back = try Self.roundTrip(Self.snapshot())
    let city = try Self.dictionary(back, "city"), names = try Self.dictionary(back, "name")
    #expect(!city.lookup.isBuilt && !names.lookup.isBuilt)
    #expect(city.lookup["临汾市"] == [1, 2])
    #expect(city.lookup.isBuilt)
    #expect(!names.lookup.isBuilt)
  }

  @Test func lookupsFromManyTasksAgree() async throws {
    let back = try Self.roundTrip(Self.snapshot())
    let city = try Self.dictionary(back, "city")
    let answers = await withTaskGroup(of: [UInt32]?.self) { g in
      for _ in 0..<32 { g.addTask { city.lookup["临汾市"] } }
      var out: [[UInt32]?] = []
      for await a in g { out.append(a) }
      return out
    }
    #expect(answers.count == 32)
    #expect(answers.allSatisfy { $0 == [1, 2] })
  }
}
