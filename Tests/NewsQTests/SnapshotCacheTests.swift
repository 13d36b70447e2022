import Testing
import Foundation
import NewsExtract
import FactStore
@testable import NewsQ

/// The snapshot cache must be invisible except in speed: a cached start answers every
/// statement exactly as a fresh extraction, and any damaged or foreign file is ignored.
@Suite struct SnapshotCacheTests {
  static let docs: [(String, String)] = BuiltinCorpus.documents.map { ($0.name, $0.text) }

  /// A fresh directory per test, removed by the caller.
  func tempCache() -> (SnapshotCache, String) {
    let dir = NSTemporaryDirectory() + "newsq-cache-test-\(UUID().uuidString)"
    return (SnapshotCache(path: dir + "/nested/builtin.snapshot"), dir)
  }

  /// Statements over every entity with every field, the golden scripts, `why` of several
  /// facts of each entity, counts and place comparisons.
  static let statements: [String] = {
    var out: [String] = []
    for e in Entity.allCases {
      let fields = Schema.fields(of: e).map(\.name)
      out.append("find \(e.rawValue) show " + fields.joined(separator: ", ") + " order by id")
      out.append("count \(e.rawValue)")
      for id in [1, 2, 3, 7, 20] { out.append("why \(e.rawValue) \(id)") }
    }
    out += ["count meeting by city", "find meeting where city = \"临汾\"", "count person by county",
            "find visit where to = \"山西\"", "find place where level = \"county\" order by name"]
    let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scripts/golden")
    for name in ["seeds.q", "people.q", "places.q"] {
      if let text = try? String(contentsOf: golden.appendingPathComponent(name), encoding: .utf8) {
        out += StatementSplitter.split(text).filter { !$0.isDotCommand }.map(\.text)
      }
    }
    return out
  }()

  /// Every statement's result (or error) on an engine.
  func answers(_ e: Engine) -> [String] {
    Self.statements.map { s in
      do { return "\(try e.run(s))" } catch { return "error: \(error)" }
    }
  }

  func key() throws -> SnapshotCache.Key {
    let id = try #require(SnapshotCache.BinaryIdentity.current)
    return SnapshotCache.Key(documents: SnapshotCache.hash(Self.docs), binary: id)
  }

  @Test func cachedStartAnswersLikeAFreshOne() throws {
    let (cache, dir) = tempCache()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let fresh = answers(Engine(documents: Self.docs, cache: nil))
    #expect(Self.statements.count > 40)
    #expect(fresh.filter { $0.hasPrefix("error") }.count < Self.statements.count / 4)
    let first = answers(Engine(documents: Self.docs, cache: cache))  // miss: extracts and writes
    let bytes = try #require(SnapshotCache.readFile(cache.path))
    #expect(SnapshotCache.decode(bytes, key: try key()) != nil)
    let second = answers(Engine(documents: Self.docs, cache: cache))  // hit
    #expect(first == fresh)
    for (a, (b, s)) in zip(second, zip(fresh, Self.statements)) { #expect(a == b, "\(s)") }
  }

  @Test func aLoadAfterACachedStartBuildsOnTheCachedDocuments() throws {
    let (cache, dir) = tempCache()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    _ = Engine(documents: Self.docs, cache: cache)  // writes the cache
    let cached = Engine(documents: Self.docs, cache: cache)
    #expect(cached.state.withLock { $0.deferred } != nil)  // started from the cache
    let fresh = Engine(documents: Self.docs, cache: nil)
    let extra = Fact(.meeting, ["name": "测试会议", "city": "临汾市"])
    for e in [cached, fresh] { e.add(facts: [extra]) }
    #expect(cached.state.withLock { $0.deferred } == nil)
    #expect(answers(cached) == answers(fresh))
    #expect(try cached.run("count meeting") != (try Engine(documents: Self.docs, cache: nil).run("count meeting")))
  }

  @Test func theCacheIsReallyRead() throws {
    // A cache for these documents whose content was changed on purpose: the engine must show
    // the changed content, so the tests above compare a cached start and not a second extraction.
    let (cache, dir) = tempCache()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    var docs = Self.docs.map { FactExtractor.extract(path: $0.0, text: $0.1) }
    docs[0].facts.removeAll { $0.entity == .meeting }
    cache.store(docs, snapshot: Engine(documents: Array(Self.docs.prefix(1)), cache: nil).snapshot, key: try key())
    let cached = try Engine(documents: Self.docs, cache: cache).run("count meeting")
    let fresh = try Engine(documents: Self.docs, cache: nil).run("count meeting")
    #expect(cached != fresh)
  }

  @Test func damagedTruncatedOrForeignFilesAreIgnored() throws {
    let (cache, dir) = tempCache()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let k = try key()
    var docs = Self.docs.map { FactExtractor.extract(path: $0.0, text: $0.1) }
    docs[0].facts.removeAll { $0.entity == .meeting }  // so that using a bad file would show
    let snap = Engine(documents: Array(Self.docs.prefix(1)), cache: nil).snapshot
    let good = SnapshotCache.encode(docs, snapshot: snap, key: k)
    #expect(SnapshotCache.decode(good, key: k) != nil)
    var other = k
    other.binary.inode &+= 1
    var otherDocs = k
    otherDocs.documents &+= 1
    var flipped = good
    flipped[good.count / 2] ^= 0x40
    var variants: [[UInt8]] = [
      [], Array(good.prefix(10)), Array(good.prefix(good.count / 2)), Array(good.dropLast()), flipped,
      good + [0], Array(repeating: 0xFF, count: 4096),
      SnapshotCache.encode(docs, snapshot: snap, key: other), SnapshotCache.encode(docs, snapshot: snap, key: otherDocs),
    ]
    for cut in stride(from: 0, to: good.count, by: max(1, good.count / 16)) { variants.append(Array(good.prefix(cut))) }
    let fresh = try Engine(documents: Self.docs, cache: nil).run("count meeting")
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    for (n, v) in variants.enumerated() {
      #expect(SnapshotCache.decode(v, key: k) == nil, "variant \(n)")
      try Data(v).write(to: URL(fileURLWithPath: dir).appendingPathComponent("v"))
      let e = Engine(documents: Self.docs, cache: SnapshotCache(path: dir + "/v"))
      #expect(try e.run("count meeting") == fresh, "variant \(n)")
    }
    // The engine replaced the damaged file with a good one.
    let rewritten = try #require(SnapshotCache.readFile(dir + "/v"))
    #expect(SnapshotCache.decode(rewritten, key: k) != nil)
  }

  @Test func aDifferentBinaryMisses() throws {
    let k = try key()
    var docs = Self.docs.map { FactExtractor.extract(path: $0.0, text: $0.1) }
    docs[0].facts.removeAll()
    let snap = Snapshot.empty
    #expect(SnapshotCache.decode(SnapshotCache.encode(docs, snapshot: snap, key: k), key: k) != nil)
    var other = k
    other.binary.modifiedNanos &+= 1
    #expect(SnapshotCache.decode(SnapshotCache.encode(docs, snapshot: snap, key: other), key: k) == nil)
    var size = k
    size.binary.size &+= 1
    #expect(SnapshotCache.decode(SnapshotCache.encode(docs, snapshot: snap, key: size), key: k) == nil)
  }

  @Test func noCacheVariableTurnsItOff() {
    func env(_ vars: [String: String]) -> (String) -> String? { { vars[$0] } }
    #expect(SnapshotCache.directory(env(["HOME": "/h", "NEWSQ_NO_CACHE": "1"])) == nil)
    #expect(SnapshotCache.directory(env(["HOME": "/h", "NEWSQ_NO_CACHE": "0"])) == "/h/.cache/newsq")
    #expect(SnapshotCache.directory(env(["HOME": "/h", "XDG_CACHE_HOME": "/x"])) == "/x/newsq")
    #expect(SnapshotCache.directory(env(["XDG_CACHE_HOME": "relative"])) == nil)
  }
}
