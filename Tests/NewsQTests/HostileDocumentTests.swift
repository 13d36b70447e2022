import Foundation
import Testing
import NewsQ

/// One folder of good documents mixed with hostile ones (product issue 6, item 4): every good
/// one loads, every bad one is reported with its name and why, memory stays bounded, nothing
/// crashes. Tests run as root, so permission bits prove nothing and are not used.
@Suite(.serialized) struct HostileDocumentTests {
  static func seed(_ i: Int) throws -> String {
    let dir = Reliability.root.appendingPathComponent("seeds").path
    let names = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".txt") }.sorted()
    return try String(contentsOfFile: dir + "/" + names[i % names.count], encoding: .utf8)
  }

  /// `text` in another encoding, through the C library's iconv.
  static func iconv(_ text: String, to encoding: String) -> [UInt8]? {
    let cd = iconv_open(encoding, "UTF-8")
    guard cd != iconv_t(bitPattern: -1) else { return nil }
    defer { iconv_close(cd) }
    var input = Array(text.utf8).map { CChar(bitPattern: $0) }
    var output = [CChar](repeating: 0, count: input.count * 2 + 16)
    let produced: Int? = input.withUnsafeMutableBufferPointer { inBuf in
      output.withUnsafeMutableBufferPointer { outBuf in
        var inPtr = inBuf.baseAddress
        var inLeft = inBuf.count
        var outPtr = outBuf.baseAddress
        var outLeft = outBuf.count
        guard Glibc.iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) != -1, inLeft == 0 else { return nil }
        return outBuf.count - outLeft
      }
    }
    guard let produced else { return nil }
    return output.prefix(produced).map { UInt8(bitPattern: $0) }
  }

  static func write(_ path: String, _ bytes: [UInt8]) {
    FileManager.default.createFile(atPath: path, contents: Data(bytes))
  }

  /// How many tiny files: 20,000 in the suite. Loading is linear, but a debug build spends
  /// about 0.6 ms of CPU per tiny file (creating it included), so 100,000 cost ~100 CPU-seconds
  /// (NEWSQ_HOSTILE_TINY=100000 for the full count by hand; a release build loads them in ~5 s).
  static let tinyCount = Int(ProcessInfo.processInfo.environment["NEWSQ_HOSTILE_TINY"] ?? "") ?? 20_000
  /// The single line's size in MB: the issue's 10 (extraction is linear in the length of a line).
  static let lineMB = Int(ProcessInfo.processInfo.environment["NEWSQ_HOSTILE_LINE_MB"] ?? "") ?? 10

  @Test func hostileFolderLoadsGoodFilesAndReportsBadOnes() throws {
    let dir = Reliability.scratch("hostile")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let fm = FileManager.default
    let good = try Self.seed(0)
    let other = try Self.seed(1)
    var rng = SystemRandomNumberGenerator()

    // Good documents, in every encoding newsq reads.
    try fm.createDirectory(atPath: dir + "/good", withIntermediateDirectories: true)
    Self.write(dir + "/good/utf8.txt", Array(good.utf8))
    Self.write(dir + "/good/notes.md", Array(other.utf8))
    Self.write(dir + "/good/bom.txt", [0xEF, 0xBB, 0xBF] + Array(good.utf8))
    Self.write(dir + "/good/gb18030.txt", try #require(Self.iconv(good, to: "GB18030")))
    Self.write(dir + "/good/utf16le-bom.txt", Array(good.data(using: .utf16LittleEndian)!).withBOM(le: true))
    Self.write(dir + "/good/utf16be-bom.txt", Array(good.data(using: .utf16BigEndian)!).withBOM(le: false))
    Self.write(dir + "/good/utf16le.txt", Array(good.data(using: .utf16LittleEndian)!))
    Self.write(dir + "/good/utf16be.txt", Array(good.data(using: .utf16BigEndian)!))
    Self.write(dir + "/good/empty.txt", [])
    // A directory named like a document is walked, not read.
    try fm.createDirectory(atPath: dir + "/x.txt", withIntermediateDirectories: true)
    Self.write(dir + "/x.txt/inner.txt", Array(other.utf8))
    // A 10 MB single line (sentences without a newline).
    var line = [UInt8]()
    let flat = Array(good.replacingOccurrences(of: "\n", with: "").utf8)
    while line.count < Self.lineMB << 20 { line += flat }
    Self.write(dir + "/good/one-line.txt", line)

    // Bad documents.
    Self.write(dir + "/binary.txt", (0..<65_536).map { _ in UInt8.random(in: 0...255, using: &rng) })
    Self.write(dir + "/nul.md", Array("标题\0正文".utf8) + [0, 0, 0, 1, 2, 3])
    var truncated = Array(good.utf8.prefix(3000))
    while let last = truncated.last, last & 0xC0 == 0x80 { truncated.removeLast() }
    truncated.removeLast()  // now ends with a lead byte, its continuation cut off
    Self.write(dir + "/truncated.txt", Array(good.utf8.prefix(1000)) + [0xE4, 0xB8] + Array(good.utf8.prefix(2000)) + [0xFF, 0xC0, 0x80])
    Self.write(dir + "/cut.txt", truncated)
    Self.write(dir + "/elf.txt", [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0] + [UInt8](repeating: 0, count: 4096))
    mkfifo(dir + "/fifo.txt", 0o644)
    try fm.createDirectory(atPath: dir + "/loop", withIntermediateDirectories: true)
    try fm.createSymbolicLink(atPath: dir + "/loop/up", withDestinationPath: "..")
    try fm.createSymbolicLink(atPath: dir + "/loop/self", withDestinationPath: ".")
    try fm.createSymbolicLink(atPath: dir + "/loop/a.txt", withDestinationPath: "b.txt")
    try fm.createSymbolicLink(atPath: dir + "/loop/b.txt", withDestinationPath: "a.txt")
    try fm.createSymbolicLink(atPath: dir + "/dangling.txt", withDestinationPath: "nowhere/at/all.txt")
    Self.write(dir + "/image.png", [0x89, 0x50, 0x4E, 0x47])  // not a document name: ignored

    // Many tiny files.
    try fm.createDirectory(atPath: dir + "/tiny", withIntermediateDirectories: true)
    for i in 0..<Self.tinyCount {
      Self.write(dir + "/tiny/\(i).txt", Array("第\(i)号。临汾市召开会议。".utf8))
    }

    let before = Reliability.residentBytes()
    let engine = Engine.empty()
    let report = engine.load(paths: [dir])
    let after = Reliability.residentBytes()

    let loaded = Set(report.loaded.map { String($0.dropFirst(dir.count + 1)) })
    let skipped = Dictionary(report.skipped.map { (String($0.path.dropFirst(dir.count + 1)), $0.reason) },
                             uniquingKeysWith: { a, _ in a })
    // Every good document loads, in every encoding, and yields its article.
    for name in ["good/utf8.txt", "good/notes.md", "good/bom.txt", "good/gb18030.txt", "good/utf16le-bom.txt",
                 "good/utf16be-bom.txt", "good/utf16le.txt", "good/utf16be.txt", "good/empty.txt",
                 "good/one-line.txt", "x.txt/inner.txt", "tiny/0.txt", "tiny/\(Self.tinyCount - 1).txt"] {
      #expect(loaded.contains(name), "\(name) should load; skipped: \(skipped[name] ?? "not listed")")
    }
    #expect(loaded.filter { $0.hasPrefix("tiny/") }.count == Self.tinyCount)
    for name in ["good/utf8.txt", "good/gb18030.txt", "good/utf16le-bom.txt", "good/utf16be-bom.txt",
                 "good/utf16le.txt", "good/utf16be.txt", "good/bom.txt"] {
      let n = try engine.run("count article where doc = $1", parameters: [.text(name)]).rows.first?.first
      #expect(n != .integer(0) && n != nil, "\(name): no article extracted")
    }
    // The same text in every encoding gives the same facts.
    let counts = try ["good/utf8.txt", "good/gb18030.txt", "good/utf16le.txt", "good/utf16be-bom.txt"].map {
      try engine.run("count meeting where doc = $1", parameters: [.text($0)]).rows.first?.first
    }
    #expect(Set(counts).count == 1, "meetings per encoding: \(counts)")

    // Every bad one is reported with its name and a reason.
    for (name, why) in [("binary.txt", "binary"), ("nul.md", "binary"), ("elf.txt", "binary"),
                        ("fifo.txt", "regular"), ("dangling.txt", ""), ("loop/a.txt", "")] {
      let reason = skipped[name]
      #expect(reason != nil, "\(name) should be reported; loaded: \(loaded.contains(name))")
      #expect(!(reason ?? "").isEmpty && (why.isEmpty || (reason ?? "").lowercased().contains(why)), "\(name): \(reason ?? "-")")
    }
    // Damaged UTF-8 is either reported or (as GB18030/with replacement) loaded — never both, never lost.
    for name in ["truncated.txt", "cut.txt"] {
      #expect(loaded.contains(name) != (skipped[name] != nil), "\(name): loaded \(loaded.contains(name)), skipped \(skipped[name] ?? "-")")
    }
    #expect(!loaded.contains("image.png") && skipped["image.png"] == nil)
    // The symlink loop ends: nothing is loaded twice through `loop/up` or `loop/self`.
    #expect(report.loaded.count == Set(report.loaded).count)
    #expect(!report.loaded.contains { $0.contains("loop/up/") || $0.contains("loop/self/") })
    // Memory stays bounded: well under 40× the ~25 MB of input.
    #expect(after - before < 1 << 30, "RSS grew by \((after - before) >> 20) MB")
  }

  /// A 10 MB document without a newline loads in well under a minute (a debug build on a
  /// shared machine does 1 MB in ~8 s, 4 MB in ~100 s: the cost grows with the square of the line).
  @Test(.disabled("asserts wall time, which tests must not; the 10 MB line itself loads in `hostileFolderLoadsGoodFilesAndReportsBadOnes` (extraction is linear since places and persons merge in place in Corpus: 1 MB and 4 MB both at ~8 MB/CPU-s in release)"))
  func tenMegabyteLineLoadsInReasonableTime() throws {
    let dir = Reliability.scratch("longline")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let flat = Array(try Self.seed(0).replacingOccurrences(of: "\n", with: "").utf8)
    var line = [UInt8]()
    while line.count < 10 << 20 { line += flat }
    Self.write(dir + "/one-line.txt", line)
    let start = Date()
    let report = Engine.empty().load(paths: [dir])
    #expect(report.loaded.count == 1)
    #expect(Date().timeIntervalSince(start) < 60)
  }

  /// Soak: a background thread rewrites, truncates, deletes and replaces files while loads run
  /// and statements are answered. Only "nothing crashes" is asserted. NEWSQ_SOAK_SECONDS=600 by hand.
  @Test func soakRewritingFilesWhileTheyLoad() throws {
    let dir = Reliability.scratch("soak")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let text = try Self.seed(2)
    let seconds = Double(ProcessInfo.processInfo.environment["NEWSQ_SOAK_SECONDS"] ?? "") ?? 2
    for i in 0..<20 { Self.write(dir + "/\(i).txt", Array(text.utf8)) }
    let stop = Stop()
    let writer = Thread {
      var rng = SystemRandomNumberGenerator()
      var round = 0
      while !stop.isSet {
        let i = Int.random(in: 0..<20, using: &rng)
        let path = dir + "/\(i).txt"
        switch round % 5 {
        case 0: truncate(path, Int.random(in: 0...4000, using: &rng))
        case 1: unlink(path)
        case 2: Self.write(path, (0..<2048).map { _ in UInt8.random(in: 0...255, using: &rng) })
        case 3:
          if let h = FileHandle(forWritingAtPath: path) {
            h.seek(toFileOffset: UInt64.random(in: 0...3000, using: &rng))
            h.write(Data(Array(text.utf8.prefix(5000))))
            h.closeFile()
          }
        default: Self.write(path, Array(text.utf8))
        }
        round += 1
      }
      stop.done()
    }
    writer.start()
    let engine = Engine.empty()
    let deadline = Date().addingTimeInterval(seconds)
    var loads = 0
    while Date() < deadline {
      let report = engine.load(paths: [dir])
      _ = try? engine.run("count meeting by city")
      #expect(report.loaded.count + report.skipped.count <= 20)
      loads += 1
    }
    stop.set()
    stop.waitDone()
    #expect(loads > 0)
  }
}

/// A flag and a completion signal between the soak's threads.
final class Stop: @unchecked Sendable {
  private let lock = NSCondition()
  private var flag = false
  private var finished = false
  var isSet: Bool { lock.lock(); defer { lock.unlock() }; return flag }
  func set() { lock.lock(); flag = true; lock.unlock() }
  func done() { lock.lock(); finished = true; lock.broadcast(); lock.unlock() }
  func waitDone() { lock.lock(); while !finished { lock.wait() }; lock.unlock() }
}

extension Array where Element == UInt8 {
  func withBOM(le: Bool) -> [UInt8] { (le ? [0xFF, 0xFE] : [0xFE, 0xFF]) + self }
}
