// swift-tools-version: 6.0
// A program that embeds newsq: its tests query the built-in corpus through the library.
import PackageDescription

let package = Package(
  name: "Embedding",
  dependencies: [.package(name: "newsq", path: "../..")],
  targets: [
    .target(name: "Embedding", dependencies: [.product(name: "NewsQ", package: "newsq")]),
    .testTarget(name: "EmbeddingTests", dependencies: ["Embedding", .product(name: "NewsQ", package: "newsq")]),
  ],
  swiftLanguageModes: [.v6]
)
