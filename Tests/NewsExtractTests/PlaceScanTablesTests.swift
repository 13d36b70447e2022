import Testing
import NewsFacts
@testable import NewsExtract

/// The tables the place and person scans read instead of decoding records or building lists
/// per text answer exactly what the records and lists they stand for say.
@Suite struct PlaceScanTablesTests {
  let g = Gazetteer.shared

  /// `emit` and `settle` read an entry's level and whether it has a code from the kind table,
  /// not from its decoded `PlaceRef`: both must agree for every entry.
  @Test func kindTableAgreesWithEveryRecord() {
    var disagree: [Int32] = []
    var withCode = 0
    for i in 0..<Int32(GazetteerIndex.count) {
      let ref = GazetteerIndex.decodeRef(i)
      let first = gazetteerRecords.utf8Start[GazetteerIndex.offset(gazetteerRecordOffsets, Int(i))]
      if GazetteerIndex.kind(i) != first || Gazetteer.hasCode(i) != (ref.code != nil) || Gazetteer.level(i) != ref.level {
        disagree.append(i)
      }
      if GazetteerIndex.nameEndsWithQu(i) != (ref.name.unicodeScalars.last == "区") { disagree.append(i) }
      if ref.code != nil { withCode += 1 }
    }
    #expect(disagree.isEmpty, "entries: \(disagree.prefix(10))")
    #expect(withCode > 3000)
    #expect(withCode < GazetteerIndex.count)
  }

  /// Every key of the trie, between digits, Latin letters, punctuation and an astral scalar:
  /// the whole-text pass (pair table, bloom of non-CJK first scalars) finds what the
  /// scalar-by-scalar `longestMatch` finds at each position.
  @Test func allMatchesAgreesOnEveryName() {
    let names = GazetteerSource.shared.names.map(\.0).filter { $0.unicodeScalars.count >= 2 }
    let separators = ["1", "A", "，", "🙂", "的", "x9", " "]
    var text: [Unicode.Scalar] = []
    for (k, name) in names.enumerated() {
      text += name.unicodeScalars
      text += separators[k % separators.count].unicodeScalars
    }
    var end = [Int32](repeating: -2, count: text.count)
    var hits = [Int32](repeating: -2, count: text.count)
    g.trie.allMatches(in: text, end: &end, hits: &hits)
    var disagree: [Int] = []
    var found = 0
    for i in text.indices {
      let m = g.trie.longestMatch(in: text, from: i)
      if Int(end[i]) != (m?.end ?? -1) || hits[i] != (m?.hits ?? -1) { disagree.append(i) }
      if m != nil { found += 1 }
    }
    #expect(disagree.isEmpty, "positions: \(disagree.prefix(10))")
    #expect(found >= names.count)
  }

  /// A township's code is its county's code and its three-digit suffix; its name is its
  /// scalars (both written straight as UTF-8).
  @Test func townshipRefsAreCountyCodeAndSuffix() {
    var checked = 0
    for c in stride(from: Int32(0), to: Int32(GazetteerIndex.count), by: 3) {
      guard let r = g.townRange(c) else { continue }
      let county = GazetteerIndex.ref(c)
      for t in r {
        let ref = g.townshipRef(Int(t), county: county)
        let tw = g.town(Int(t))
        var suffix = String(tw.suffix)
        while suffix.count < 3 { suffix = "0" + suffix }
        #expect(ref.code == (county.code ?? "") + suffix)
        var name = String.UnicodeScalarView()
        for k in Int(tw.start)..<Int(tw.start + tw.count) { name.append(g.townScalar(k)) }
        #expect(ref.name == String(name))
        #expect(ref.county == county.county && ref.city == county.city && ref.level == .township)
        checked += 1
      }
    }
    #expect(checked > 5000)
    #expect(g.division(code: "141002201")?.name == "贾得乡")
  }

  /// `fullFirst` holds the first scalar of exactly the townships with a full name.
  @Test func fullFirstMarksTheTownshipsWithFullNames() {
    let towns = TownIndex.shared
    let run = PlaceRun(g: g, text: [])
    var full = 0
    for t in towns.fullFirst.indices {
      let has = run.hasTownshipName(t)
      #expect((towns.fullFirst[t] != 0) == has)
      if has {
        full += 1
        #expect(towns.fullFirst[t] == towns.first[t])
      }
    }
    #expect(full > 20_000)
  }

  /// The bloom before the common-word set answers as the set does.
  @Test func commonWordsAnswerAsTheTraps() {
    var words = Array(PlaceTraps.commonWordAliases)
    words += GazetteerSource.shared.names.map(\.0).filter { (2...3).contains($0.unicodeScalars.count) }
    var common = 0
    for w in words {
      let s = Array(w.unicodeScalars)
      #expect(CommonWords.contains(s, 0..<s.count) == PlaceTraps.isCommonWord(s, 0..<s.count), "\(w)")
      if CommonWords.contains(s, 0..<s.count) { common += 1 }
    }
    #expect(common >= PlaceTraps.commonWordAliases.count)
    #expect(!CommonWords.contains(Array("尧都区".unicodeScalars), 0..<3))
  }

  /// Every title's first two scalars pass the person scan's pair filter; a bloom of one word
  /// keeps out a pair that starts none.
  @Test func titlePairsPassThePairFilter() {
    for w in Titles.core.words {
      let s = Array(w.unicodeScalars)
      #expect(PersonRecognizer.corePairs.contains(s[0], s[1]), "\(w)")
    }
    for w in Titles.afterName.words {
      let s = Array(w.unicodeScalars)
      #expect(PersonRecognizer.afterNamePairs.contains(s[0], s[1]), "\(w)")
    }
    let one = PairBloom(["书记"])
    #expect(one.contains("书", "记"))
    #expect(!one.contains("书", "法"))
    #expect(!one.contains("市", "场"))
  }

  /// Names emitted again come from the per-process cache with the text they matched.
  @Test func nodeNamesAreTheMatchedText() {
    let text = Array("临汾市尧都区，临汾市".unicodeScalars)
    var end = [Int32](repeating: -2, count: text.count)
    var hits = [Int32](repeating: -2, count: text.count)
    g.trie.allMatches(in: text, end: &end, hits: &hits)
    for i in [0, 3, 7] {
      let r = i..<Int(end[i])
      #expect(NodeNames.shared.name(hits[i], text, r) == Scalars.string(text, r))
      #expect(NodeNames.shared.name(hits[i], text, r) == Scalars.string(text, r))
    }
    #expect(NodeNames.shared.name(hits[0], text, 0..<3) == "临汾市")
  }
}
