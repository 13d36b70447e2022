// swift-tools-version: 6.0
import PackageDescription

// The benchmark tools: a separate package so nothing here reaches users of newsq.
// It depends only on the root package's library product `NewsQ`.
let package = Package(
  name: "newsq-benchmarks",
  products: [
    .executable(name: "newsgen", targets: ["newsgen"]),
    .executable(name: "newsbench", targets: ["newsbench"]),
  ],
  dependencies: [
    .package(name: "newsq", path: ".."),
  ],
  targets: [
    // Synthetic news: places, names, templates, noise, ground truth; timing helpers.
    .target(name: "BenchSupport", exclude: ["Data/LICENSE-jionlp", "Data/LICENSE-nbs", "Data/LICENSE-opencc", "Data/LICENSE-pinyin"]),
    // `newsgen --docs N --seed S --out DIR`: writes DIR/docs/*.txt and DIR/truth.jsonl.
    .executableTarget(name: "newsgen", dependencies: ["BenchSupport"]),
    // `newsbench ingest|queries|synth|memory …`: the newsq side of the benchmark, JSON out.
    .executableTarget(name: "newsbench", dependencies: [
      "BenchSupport", .product(name: "NewsQ", package: "newsq"),
    ]),
  ],
  swiftLanguageModes: [.v6]
)
