import Foundation
import NewsShell
import Testing

@Suite struct HistoryStoreTests {
  func tempPath(_ name: String) -> String {
    let dir = (try? temporaryDirectory("history")) ?? testScratch
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

/// Issue 6, item 6: a `kill -9` of the shell while it saves history leaves the old or the new
/// history file, never a torn one, and the killed writer's temporary file is swept by the next
/// save. The writer is a forked child running the real `HistoryStore` (what the prompt uses)
/// in a loop; the parent kills it at spread-out moments and reads the file back.
@Suite(.serialized) struct HistoryKillTests {
  /// Entry `n`: a multi-line statement whose length varies with `n`, so a torn file shows.
  static func entry(_ n: Int) -> String {
    "find meeting where id = \(n)\n  and name contains \"" + String(repeating: "会", count: 1 + n % 37) + "\""
  }

  /// The number of an entry written by `entry(_:)`, nil for anything else.
  static func number(_ s: String) -> Int? {
    guard s.hasPrefix("find meeting where id = "), let line = s.split(separator: "\n").first,
          let n = Int(line.dropFirst("find meeting where id = ".count)), entry(n) == s else { return nil }
    return n
  }

  @Test func killedHistoryWriterLeavesOldOrNewFile() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("newsq-history-kill-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/hist"
    let limit = 40
    do {
      let h = try #require(HistoryStore(path: path, limit: limit))
      for n in 0..<limit { h.add(Self.entry(n)) }
    }
    var last = limit - 1
    var advanced = 0
    var sweptTemporaries = 0
    for round in 0..<20 {
      let pid = fork()
      if pid == 0 {
        // Child: continues the history from the file, saving after every entry as the shell does.
        guard let h = HistoryStore(path: path, limit: limit) else { _exit(3) }
        var n = (h.entries.last.flatMap(Self.number) ?? 0) + 1
        while true {
          h.add(Self.entry(n))
          n += 1
        }
      }
      #expect(pid > 0)
      usleep(UInt32(2_000 + (round * 7_919) % 60_000))
      kill(pid, SIGKILL)
      var status: Int32 = 0
      waitpid(pid, &status, 0)

      // The file is a whole history: exactly `limit` consecutive entries, each complete.
      let reread = try #require(HistoryStore(path: path, limit: limit * 2))
      let numbers = reread.entries.compactMap(Self.number)
      #expect(numbers.count == reread.entries.count, "round \(round): a torn entry in \(reread.entries.suffix(2))")
      #expect(numbers.count == limit, "round \(round): \(numbers.count) entries, not \(limit)")
      if let first = numbers.first, let end = numbers.last {
        #expect(numbers == Array(first...end), "round \(round): entries not consecutive")
        #expect(end >= last, "round \(round): history went back from \(last) to \(end)")
        if end > last { advanced += 1 }
        last = end
      }

      // The next save sweeps the dead writer's temporary file, if the kill left one.
      let before = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix("hist.tmp-") }
      let next = try #require(HistoryStore(path: path, limit: limit))
      #expect(next.save() == nil)
      let after = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix("hist.tmp-") }
      #expect(after.isEmpty, "round \(round): left behind \(after)")
      sweptTemporaries += before.count
    }
    // The kills landed while the child was writing new versions.
    #expect(advanced > 0, "the child never saved a new version")
    _ = sweptTemporaries
  }

  @Test func temporaryFilesOfLiveWritersAreKept() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("newsq-history-live-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    // A dead writer: a child that exited and was reaped; a live one: this process's parent.
    let pid = fork()
    if pid == 0 { _exit(0) }
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    let dead = dir + "/hist.tmp-\(pid)", live = dir + "/hist.tmp-\(getppid())", other = dir + "/hist.tmp-\(pid)x"
    for p in [dead, live, other] { FileManager.default.createFile(atPath: p, contents: Data("x".utf8)) }
    let h = try #require(HistoryStore(path: dir + "/hist"))
    h.add("count meeting")
    #expect(!FileManager.default.fileExists(atPath: dead))
    #expect(FileManager.default.fileExists(atPath: live))
    #expect(FileManager.default.fileExists(atPath: other))
    #expect(h.entries == ["count meeting"])
  }
}
