import NewsQ
import NewsShell
import Testing

@Suite struct CompletionEditTests {
  @Test func oneCandidateReplacesTheWordAndAddsASpaceAfterAKeyword() throws {
    let e = try #require(CompletionEdit.make(lineToCursor: "find mee", completion: Completion(replacing: 5..<8, candidates: ["meeting"]), width: 80))
    #expect(e == CompletionEdit(deleteCount: 3, insert: "meeting ", listing: nil))
  }

  @Test func pinyinInitialsAreReplacedByTheValue() throws {
    let line = #"find meeting where city = "lf"#
    let n = line.unicodeScalars.count
    let e = try #require(CompletionEdit.make(lineToCursor: line, completion: Completion(replacing: (n - 2)..<n, candidates: ["临汾市"]), width: 80))
    #expect(e.deleteCount == 2)
    #expect(e.insert == "临汾市")
  }

  @Test func severalCandidatesCompleteTheirCommonPrefixFirstThenList() throws {
    let c = Completion(replacing: 5..<6, candidates: ["person", "place", "project"])
    let first = try #require(CompletionEdit.make(lineToCursor: "find p", completion: c, width: 80))
    #expect(first.insert == "" && first.listing != nil)
    let c2 = Completion(replacing: 5..<6, candidates: ["meeting", "meetings"])
    let second = try #require(CompletionEdit.make(lineToCursor: "find m", completion: c2, width: 80))
    #expect(second == CompletionEdit(deleteCount: 1, insert: "meeting", listing: nil))
  }

  @Test func nothingToOffer() {
    #expect(CompletionEdit.make(lineToCursor: "find x", completion: Completion(replacing: 5..<6, candidates: []), width: 80) == nil)
  }

  @Test func chineseCandidatesLineUpInColumnsMeasuredInCells() {
    let items = ["临汾市", "尧都区", "侯马市", "abc", "霍州市", "曲沃县", "翼城县", "襄汾县x"]
    let text = CompletionEdit.columns(items, width: 30)
    let lines = text.split(separator: "\n").map(String.init)
    // widest item is 8 cells (襄汾县x = 7) → column width 9; 30 / 9 = 3 columns, 3 lines
    #expect(lines.count == 3)
    func cells(_ s: String) -> Int { s.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x4E00 && $1.value <= 0x9FFF ? 2 : 1) } }
    // Every column starts at the same cell offset on every line.
    for line in lines {
      var offsets: [Int] = []
      var pos = 0
      var prevSpace = true
      for s in line.unicodeScalars {
        if s != " " && prevSpace { offsets.append(pos) }
        prevSpace = s == " "
        pos += cells(String(s))
      }
      #expect(Array(offsets.prefix(3)) == Array([0, 9, 18].prefix(offsets.count)))
    }
    #expect(lines.allSatisfy { cells($0) <= 30 })
    // Column-major like ls: the second item starts the second line.
    #expect(lines[1].hasPrefix("尧都区"))
  }

  @Test func hugeListsAreCappedAndCounted() {
    let items = (0..<500).map { "v\($0)" }
    let text = CompletionEdit.columns(items, width: 80, limit: 200)
    #expect(text.hasSuffix("… and 300 more\n"))
  }
}
