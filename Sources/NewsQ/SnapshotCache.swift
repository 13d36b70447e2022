import FactStore
import NewsExtract
import Glibc
import Synchronization

/// A cache of what extraction produced for a set of documents, so a later start answers its
/// first statement without extracting again.
///
/// The file holds the frozen snapshot (columns, dictionaries, statistics: statements run on it
/// at once) and the documents' `DocumentFacts` (facts, person sightings, place mentions),
/// decoded only when a later `load` or `add` needs to build on them, so the engine then runs
/// exactly the code a fresh load runs after extraction.
/// It lives under `$XDG_CACHE_HOME/newsq/` (default `~/.cache/newsq/`) and is keyed by a hash
/// of the documents' bytes, the identity of the running binary (device, inode, size and
/// modification time of `/proc/self/exe`) and a format version; a file whose key differs,
/// that is truncated or whose checksum fails is ignored and rewritten. Written atomically
/// (temporary file, then rename). `NEWSQ_NO_CACHE=1` turns it off.
struct SnapshotCache: Sendable {
  /// What a cache file must match to be used.
  struct Key: Sendable, Hashable {
    var documents: UInt64
    var binary: BinaryIdentity
  }

  /// The running executable as a file: a rebuilt binary (new extraction rules) misses.
  struct BinaryIdentity: Sendable, Hashable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: Int64
    var modifiedNanos: Int64

    /// The file `/proc/self/exe` names, or nil when it cannot be examined (then no cache is
    /// used). The link is read rather than followed by `stat` so that tools that run the binary
    /// under an interpreter (valgrind) see the binary's identity, not their own.
    static let current: BinaryIdentity? = {
      var buf = [CChar](repeating: 0, count: 4097)
      let n = readlink("/proc/self/exe", &buf, 4096)
      guard n > 0 else { return nil }
      buf[n] = 0
      var st = stat()
      guard stat(buf, &st) == 0 else { return nil }
      return BinaryIdentity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino), size: Int64(st.st_size),
                            modified: Int64(st.st_mtim.tv_sec), modifiedNanos: Int64(st.st_mtim.tv_nsec))
    }()
  }

  /// Bumped whenever the layout below or anything it encodes changes.
  static let formatVersion: UInt32 = 4
  static let magic: UInt64 = 0x3143_5348_5153_574E  // "NWSQHSC1"

  /// The cache file's path.
  let path: String

  /// The cache for the built-in corpus, or nil when caching is off or no directory is known.
  static func builtin() -> SnapshotCache? {
    guard let dir = directory() else { return nil }
    return SnapshotCache(path: dir + "/builtin.snapshot")
  }

  /// `$XDG_CACHE_HOME/newsq` or `$HOME/.cache/newsq`; nil when `NEWSQ_NO_CACHE` is set (to
  /// anything but empty or `0`) or neither variable is set.
  static func directory(_ env: (String) -> String? = SnapshotCache.env) -> String? {
    if let v = env("NEWSQ_NO_CACHE"), !v.isEmpty, v != "0" { return nil }
    if let x = env("XDG_CACHE_HOME"), x.hasPrefix("/") { return x + "/newsq" }
    if let h = env("HOME"), h.hasPrefix("/") { return h + "/.cache/newsq" }
    return nil
  }

  static func env(_ name: String) -> String? {
    guard let p = getenv(name) else { return nil }
    return String(cString: p)
  }

  /// A 64-bit hash of the documents (names and bytes, in order), eight bytes a step.
  static func hash(_ documents: [(String, String)]) -> UInt64 {
    var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(documents.count)
    func mix(_ x: UInt64) {
      h = (h ^ x) &* 0xFF51_AFD7_ED55_8CCD
      h ^= h >> 32
    }
    func add(_ s: String) {
      var s = s
      s.withUTF8 { b in
        mix(UInt64(b.count))
        guard let base = b.baseAddress else { return }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= b.count { mix(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)); i += 8 }
        var tail: UInt64 = 0
        var k: UInt64 = 0
        while i < b.count { tail |= UInt64(b[i]) << (8 * k); k += 1; i += 1 }
        mix(tail)
      }
    }
    for (name, text) in documents { add(name); add(text) }
    return h
  }

  /// A checksum of a byte range (FNV-1a over 64-bit words).
  static func checksum(_ bytes: [UInt8], _ range: Range<Int>) -> UInt64 {
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    bytes.withUnsafeBytes { raw in
      var i = range.lowerBound
      while i + 8 <= range.upperBound {
        h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x100_0000_01B3
        i += 8
      }
      while i < range.upperBound { h = (h ^ UInt64(raw[i])) &* 0x100_0000_01B3; i += 1 }
    }
    return h
  }

  // MARK: Reading

  /// What a cache file holds: the snapshot, and the extraction it was built from (decoded on
  /// demand).
  struct Entry: Sendable {
    var snapshot: Snapshot
    var documents: Deferred
  }

  /// The documents' extraction, still as bytes.
  struct Deferred: Sendable {
    let bytes: [UInt8]
    let offset: Int

    /// The `DocumentFacts`, or nil if the bytes do not decode (checked by the checksum, so only
    /// on a bug).
    func decode() -> [DocumentFacts]? {
      var r = FactReader(bytes, offset: offset)
      return SnapshotCache.decodeDocuments(&r)
    }
  }

  /// The cache entry for `key`, or nil when there is none, it belongs to another key, or the
  /// file is damaged in any way.
  func load(_ key: Key) -> Entry? {
    guard let bytes = Self.readFile(path) else { return nil }
    return Self.decode(bytes, key: key)
  }

  static func decode(_ bytes: [UInt8], key: Key) -> Entry? {
    var r = FactReader(bytes)
    guard r.u64() == magic, r.u32() == formatVersion else { return nil }
    guard r.u64() == key.documents, r.u64() == key.binary.device, r.u64() == key.binary.inode,
          r.i64() == key.binary.size, r.i64() == key.binary.modified, r.i64() == key.binary.modifiedNanos,
          let length = r.u64(), let sum = r.u64() else { return nil }
    let start = r.offset
    guard length == UInt64(r.remaining), checksum(bytes, start..<bytes.count) == sum else { return nil }
    guard let snapLength = r.u64(), snapLength <= UInt64(r.remaining) else { return nil }
    let docsAt = r.offset + Int(snapLength)
    guard let snapshot = Snapshot.decode(&r), !r.failed, r.offset == docsAt else { return nil }
    return Entry(snapshot: snapshot, documents: Deferred(bytes: bytes, offset: docsAt))
  }

  static func decodeDocuments(_ r: inout FactReader) -> [DocumentFacts]? {
    guard let n = r.count(minBytes: 20) else { return nil }
    var out: [DocumentFacts] = []
    out.reserveCapacity(n)
    for _ in 0..<n {
      guard let path = r.string(), let articles = r.i64(), let facts = r.facts(),
            let pc = r.count(minBytes: 10) else { return nil }
      var people: [PersonSighting] = []
      people.reserveCapacity(pc)
      for _ in 0..<pc {
        guard let weak = r.u8(), let f = r.fact() else { return nil }
        people.append(PersonSighting(fact: f, placeIsWeak: weak != 0))
      }
      guard let places = r.facts() else { return nil }
      out.append(DocumentFacts(path: path, articleCount: Int(articles), facts: facts, people: people, places: places))
    }
    guard !r.failed, r.remaining == 0 else { return nil }
    return out
  }

  /// The whole file, read with plain `read()`; nil when it cannot be read.
  static func readFile(_ path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0, st.st_size > 0, st.st_size < (1 << 32) else { return nil }
    let size = Int(st.st_size)
    var failed = false
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { buf, count in
      var got = 0
      while got < size {
        let n = read(fd, buf.baseAddress! + got, size - got)
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { break }
        got += n
      }
      if got != size { failed = true }
      count = got
    }
    return failed ? nil : bytes
  }

  // MARK: Writing

  static func encode(_ docs: [DocumentFacts], snapshot: Snapshot, key: Key) -> [UInt8] {
    var snap = FactWriter()
    snapshot.encode(into: &snap)
    var body = FactWriter()
    body.u64(UInt64(snap.bytes.count))
    body.bytes.append(contentsOf: snap.bytes)
    body.u32(UInt32(truncatingIfNeeded: docs.count))
    for d in docs {
      body.string(d.path)
      body.i64(Int64(d.articleCount))
      body.facts(d.facts)
      body.u32(UInt32(truncatingIfNeeded: d.people.count))
      for p in d.people { body.u8(p.placeIsWeak ? 1 : 0); body.fact(p.fact) }
      body.facts(d.places)
    }
    var head = FactWriter()
    head.u64(magic)
    head.u32(formatVersion)
    head.u64(key.documents)
    head.u64(key.binary.device)
    head.u64(key.binary.inode)
    head.i64(key.binary.size)
    head.i64(key.binary.modified)
    head.i64(key.binary.modifiedNanos)
    head.u64(UInt64(body.bytes.count))
    head.u64(checksum(body.bytes, 0..<body.bytes.count))
    return head.bytes + body.bytes
  }

  /// Writes the cache for `key` atomically; failures are ignored (the cache is only a cache).
  func store(_ docs: [DocumentFacts], snapshot: Snapshot, key: Key) {
    let bytes = Self.encode(docs, snapshot: snapshot, key: key)
    if let slash = path.lastIndex(of: "/") { Self.makeDirectories(String(path[..<slash])) }
    let tmp = path + ".tmp.\(getpid()).\(Self.writes.add(1, ordering: .relaxed).newValue)"
    let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { return }
    var ok = true
    bytes.withUnsafeBytes { raw in
      var done = 0
      while done < raw.count {
        let n = write(fd, raw.baseAddress! + done, raw.count - done)
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { ok = false; break }
        done += n
      }
    }
    if close(fd) != 0 { ok = false }
    if !ok || rename(tmp, path) != 0 { unlink(tmp) }
  }

  /// Numbers the temporary files of this process (engines may be built on several threads).
  static let writes = Atomic<Int>(0)

  /// `mkdir -p`, ignoring failures.
  static func makeDirectories(_ dir: String) {
    var prefix = ""
    for part in dir.split(separator: "/") {
      prefix += "/" + part
      _ = mkdir(prefix, 0o755)
    }
  }
}
