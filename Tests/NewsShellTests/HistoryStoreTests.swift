import Foundation
import NewsShell
import Testing

@Suite struct HistoryStoreTests {
  func tempPath(_ name: String) -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("newsq-history-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir.appendingPathComponent(name).path
  }

  @Test func multiLineEntrySurvivesARestart() throws {
    let path = tempPath("hist")
    do {
      let h = try #require(HistoryStore(path: path))
      #expect(h.add("find meeting where\n  city = \"臨汾\"") == nil)
      #expect(h.add(".mode csv") == nil)
    }
    let again = try #require(HistoryStore(path: path))
    #expect(again.entries == ["find meeting where\n  city = \"臨汾\"", ".mode csv"])
  }

  @Test func consecutiveDuplicatesAreDroppedAndSizeIsBounded() throws {
    let path = tempPath("hist")
    let h = try #require(HistoryStore(path: path, limit: 3))
    h.add("count meeting")
    h.add("count meeting")
    h.add("count person")
    h.add("count meeting")
    #expect(h.entries == ["count meeting", "count person", "count meeting"])
    h.add("count place")
    #expect(h.entries == ["count person", "count meeting", "count place"])
    let reread = try #require(HistoryStore(path: path, limit: 3))
    #expect(reread.entries == ["count person", "count meeting", "count place"])
  }

  @Test func savingIsAtomicAndLeavesNoTemporaryFile() throws {
    let path = tempPath("hist")
    let h = try #require(HistoryStore(path: path))
    h.add("find person")
    let dir = (path as NSString).deletingLastPathComponent
    let files = try FileManager.default.contentsOfDirectory(atPath: dir)
    #expect(files == ["hist"])
  }

  @Test func unwritableHistoryIsOneWarning() throws {
    let h = try #require(HistoryStore(path: "/proc/newsq-cannot-write-here/hist"))
    let first = h.add("count meeting")
    #expect(first?.hasPrefix("warning: cannot write history") == true)
    #expect(h.add("count person") == nil)
    #expect(h.entries == ["count meeting", "count person"])
  }

  @Test func historyPathFollowsTheEnvironment() {
    #expect(HistoryStore.path(in: ShellEnvironment(variables: ["HOME": "/home/u"])) == "/home/u/.newsq_history")
    #expect(HistoryStore.path(in: ShellEnvironment(variables: ["HOME": "/home/u", "NEWSQ_HISTORY": "/tmp/h"])) == "/tmp/h")
    #expect(HistoryStore.path(in: ShellEnvironment(variables: [:])) == nil)
  }
}
