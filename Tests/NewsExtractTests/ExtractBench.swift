import Foundation
@testable import NewsExtract
import NewsText
import Testing

/// Throughput of the whole extractor, run by hand (no timing assertion):
///
///     NEWSQ_BENCH=20 swift test -c release -Xswiftc -enable-testing --filter ExtractBench
///
/// extracts the seeds repeated to about NEWSQ_BENCH megabytes, document by document on one
/// core, and prints MB of UTF-8 per CPU-second.
@Suite struct ExtractBench {
  @Test func extractSeeds() throws {
    guard let mb = ProcessInfo.processInfo.environment["NEWSQ_BENCH"].flatMap(Double.init) else { return }
    let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../seeds").standardized
    let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".txt") }.sorted()
    let texts = try files.map { try String(contentsOfFile: dir.appendingPathComponent($0).path, encoding: .utf8) }
    let perRound = texts.reduce(0) { $0 + $1.utf8.count }
    let rounds = max(1, Int(mb * 1_000_000 / Double(perRound)))
    var facts = 0
    let t0 = clock()
    for _ in 0..<rounds {
      for (f, t) in zip(files, texts) { facts += FactExtractor.extract(path: f, text: t).facts.count }
    }
    let cpu = Double(clock() - t0) / Double(CLOCKS_PER_SEC)
    let total = Double(perRound * rounds) / 1_000_000
    // stage by stage, one round of each document
    var stages: [(String, Double)] = []
    func stage(_ name: String, _ body: () -> Void) {
      let c0 = clock(); for _ in 0..<rounds { body() }
      stages.append((name, Double(clock() - c0) / Double(CLOCKS_PER_SEC)))
    }
    let norms = texts.map { Normalizer.normalize($0) }
    stage("normalize") { for t in texts { _ = Normalizer.normalize(t) } }
    stage("segment") { for n in norms { _ = Segmenter.articles(in: n) } }
    stage("places") { for n in norms { _ = PlaceRecognizer.mentions(in: n.scalars, context: PlaceContext()) } }
    stage("numerics") { for n in norms { _ = NumericRecognizers.mentions(in: n.scalars, base: nil) } }
    stage("people") { for n in norms { _ = PersonRecognizer.hits(in: n.scalars, places: []) } }
    for (name, sec) in stages { print(String(format: "  %@: %.2f CPU-s = %.1f MB/CPU-s", name, sec, Double(perRound * rounds) / 1_000_000 / sec)) }
    print(String(format: "extract: %.1f MB in %.2f CPU-s = %.1f MB/CPU-s (%d facts)", total, cpu, total / cpu, facts))
  }
}
