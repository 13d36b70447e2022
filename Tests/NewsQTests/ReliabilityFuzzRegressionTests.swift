import Foundation
import Testing
import NewsQ

/// Replays what the fuzzers found (Fuzz/Regressions/TARGET/*, written by scripts/fuzz.sh) and a
/// sample of their corpora through the same code the fuzz targets run (ReliabilityFuzzOne.swift
/// is Fuzz/Sources/FuzzSupport/FuzzSupport.swift). A crash kills the test process.
@Suite struct ReliabilityFuzzRegressionTests {
  static let targets: [(String, @Sendable (UnsafeBufferPointer<UInt8>) -> Void)] = [
    ("statement", FuzzOne.statement), ("document", FuzzOne.document), ("mentions", FuzzOne.mentions),
  ]

  static func files(_ dir: String) -> [String] {
    let path = Reliability.root.appendingPathComponent(dir).path
    let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    return names.filter { !$0.hasPrefix(".") }.sorted().map { path + "/" + $0 }
  }

  static func replay(_ file: String, _ body: @Sendable (UnsafeBufferPointer<UInt8>) -> Void) {
    guard let data = FileManager.default.contents(atPath: file) else { return }
    Array(data).withUnsafeBufferPointer { body($0) }
  }

  @Test func crashersStayFixed() {
    for (target, body) in Self.targets {
      for file in Self.files("Fuzz/Regressions/\(target)") { Self.replay(file, body) }
    }
  }

  @Test func corpusSampleReplays() throws {
    for (target, body) in Self.targets {
      let files = Self.files("Fuzz/Corpus/\(target)")
      #expect(files.count >= 20, "Fuzz/Corpus/\(target) holds the seed corpus")
      // A deterministic sample keeps the suite fast; the fuzz smoke run covers the rest.
      let limit = target == "document" ? 40 : 200
      let step = max(1, files.count / limit)
      for file in stride(from: 0, to: files.count, by: step).map({ files[$0] }) { Self.replay(file, body) }
    }
  }
}
