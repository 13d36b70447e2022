import Foundation
import Testing
import NewsQ

/// Files newsq writes are written beside their name and renamed into place (product issue 6,
/// item 6): a writer killed with SIGKILL at any moment leaves each file as the old or the new
/// complete version, never torn. The writer is a forked child running the real exporter
/// (`Exporter.export`, what `export "DIR"` and `--export` call) in a loop, alternating two
/// different fact sets; the parent kills it at random moments and checks every file. (The
/// shell's history file has the same test in NewsShellTests' `HistoryKillTests`.)
@Suite(.serialized) struct AtomicWriteTests {
  /// Every entity's full table, as `export` reads it.
  static func tables(_ engine: Engine) throws -> [(Entity, ResultSet)] {
    try Entity.allCases.map { ($0, try engine.run("find \($0.rawValue)")) }
  }

  static func contents(_ dir: String) -> [String: Data] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
    var out: [String: Data] = [:]
    // duckdb.sql names its own directory, so it differs between the three folders by design;
    // it is written the same atomic way as the rest.
    for n in names where !n.hasPrefix(".") && n != "duckdb.sql" { out[n] = FileManager.default.contents(atPath: dir + "/" + n) }
    return out
  }

  @Test func killedExportLeavesOldOrNewFiles() throws {
    let seeds = try Self.tables(try Engine())
    let synthetic = Engine.empty()
    synthetic.add(facts: Differential.syntheticFacts(perEntity: 300, seed: 9))
    let big = try Self.tables(synthetic)
    let base = Reliability.scratch("atomic")
    defer { try? FileManager.default.removeItem(atPath: base) }
    try Exporter.export(facts: seeds, to: base + "/a")
    try Exporter.export(facts: big, to: base + "/b")
    let a = Self.contents(base + "/a")
    let b = Self.contents(base + "/b")
    #expect(a.count == 15 && Set(a.keys) == Set(b.keys))
    #expect(a.keys.allSatisfy { a[$0] != b[$0] }, "the two versions must differ in every file")
    let target = base + "/out"
    try Exporter.export(facts: seeds, to: target)

    var sawNew = 0
    var sawOld = 0
    var leftovers = 0
    for round in 0..<25 {
      let pid = fork()
      if pid == 0 {
        // Child: only this thread exists; the exporter is plain file I/O.
        while true {
          _ = try? Exporter.export(facts: big, to: target)
          _ = try? Exporter.export(facts: seeds, to: target)
        }
      }
      #expect(pid > 0)
      usleep(UInt32(1_000 + (round * 7_919) % 150_000))
      kill(pid, SIGKILL)
      var status: Int32 = 0
      waitpid(pid, &status, 0)
      let now = Self.contents(target)
      #expect(Set(now.keys) == Set(a.keys), "files missing after kill \(round): \(Set(a.keys).subtracting(now.keys))")
      for (name, data) in now {
        let isOld = data == a[name]
        let isNew = data == b[name]
        #expect(isOld || isNew, "\(name) is torn after kill \(round) (\(data.count) bytes)")
        if isOld { sawOld += 1 } else if isNew { sawNew += 1 }
      }
      // A killed writer may leave its temporary file; the next export (another process) sweeps it.
      let hidden = ((try? FileManager.default.contentsOfDirectory(atPath: target)) ?? []).filter { $0.hasPrefix(".") }
      leftovers += hidden.count
      try Exporter.export(facts: round % 2 == 0 ? seeds : big, to: target)
      let after = ((try? FileManager.default.contentsOfDirectory(atPath: target)) ?? []).filter { $0.hasPrefix(".") }
      #expect(after.isEmpty, "temporary files left after the next export: \(after)")
    }
    // The kills landed while both versions were being written.
    #expect(sawNew > 0 && sawOld > 0, "old \(sawOld), new \(sawNew)")
    _ = leftovers
  }
}
