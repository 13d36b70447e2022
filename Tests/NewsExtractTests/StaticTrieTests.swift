import Foundation
import Testing
@testable import NewsExtract

/// The compiled-in recognition trie holds exactly what a trie built at run time from the
/// gazetteer's names and `PlaceTraps.blockers` holds: if the table or the blockers change
/// without `scripts/gen_gazetteer.py` being run again, these fail.
@Suite struct StaticTrieTests {
  let g = Gazetteer.shared
  let src = GazetteerSource.shared

  @Test func everyKeyHasTheSameHitsInTheSameOrder() {
    let dynamic = src.dynamicTrie()
    var keys = src.names.map(\.0).filter { $0.unicodeScalars.count >= 2 }
    keys += PlaceTraps.blockers
    var differ: [String] = []
    for k in keys where g.trie.lookup(k.unicodeScalars) != dynamic.lookup(k.unicodeScalars) { differ.append(k) }
    #expect(differ.isEmpty, "keys whose hits differ: \(differ.prefix(10))")
    #expect(keys.count > 7000)
    // prefixes that are no key have no hits in either
    for k in keys.prefix(500) {
      let p = Array(k.unicodeScalars.dropLast())
      #expect(g.trie.lookup(p) == dynamic.lookup(p), "\(k)")
    }
  }

  @Test func longestMatchAgreesAtEveryPositionOfTheSeeds() throws {
    let dynamic = src.dynamicTrie()
    let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../seeds").standardized
    let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".txt") }
    var matches = 0
    for f in files {
      let text = Array(try String(contentsOfFile: dir.appendingPathComponent(f).path, encoding: .utf8).unicodeScalars)
      for i in text.indices {
        let a = g.trie.longestMatch(in: text, from: i)
        let b = dynamic.longestMatch(in: text, from: i)
        #expect(a?.end == b?.end, "\(f) at \(i)")
        if let a, let b {
          matches += 1
          #expect(Array(g.trie.hits(a.hits)) == dynamic.hits[Int(b.hits)])
        }
      }
    }
    #expect(matches > 100)
  }

  /// The one-pass lookup of a whole text (place scans) answers as `longestMatch` does at each
  /// position, on the seeds and on text with non-CJK and astral scalars between names.
  @Test func allMatchesAgreesWithLongestMatchAtEveryPosition() throws {
    let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../seeds").standardized
    let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".txt") }
    var texts = try files.map { Array(try String(contentsOfFile: dir.appendingPathComponent($0).path, encoding: .utf8).unicodeScalars) }
    texts.append(Array("A山西省🙂临汾市尧都区x贾得乡，Paris巴黎长治久安".unicodeScalars))
    var found = 0
    var disagree: [Int] = []
    for text in texts {
      var end = [Int32](repeating: -2, count: text.count)
      var hits = [Int32](repeating: -2, count: text.count)
      g.trie.allMatches(in: text, end: &end, hits: &hits)
      for i in text.indices {
        let m = g.trie.longestMatch(in: text, from: i)
        if Int(end[i]) != (m?.end ?? -1) || hits[i] != (m?.hits ?? -1) { disagree.append(i) }
        if m != nil { found += 1 }
      }
    }
    #expect(disagree.isEmpty, "positions where they disagree: \(disagree.prefix(10))")
    #expect(found > 100)
  }
}
