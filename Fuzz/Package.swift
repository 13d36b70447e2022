// swift-tools-version: 6.0
import PackageDescription

// libFuzzer targets for newsq. Each executable defines only `LLVMFuzzerTestOneInput`; libFuzzer
// supplies `main`, so build them with the fuzzer sanitizer (see README.md / scripts/fuzz.sh):
//   swift build --package-path Fuzz --scratch-path Fuzz/.build-fuzz -c debug \
//     -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
let package = Package(
  name: "newsq-fuzz",
  dependencies: [.package(name: "newsq", path: "..")],
  targets: [
    // Shared: the replay of one input per target (also used by the regression replay).
    .target(name: "FuzzSupport", dependencies: [.product(name: "NewsQ", package: "newsq")]),
    // statement text → parse, plan, execute over the seed store (+ completeness, completion, carets).
    .executableTarget(name: "fuzz-statement", dependencies: ["FuzzSupport"], path: "Sources/FuzzStatement"),
    // document bytes → decode, normalise, extract, query.
    .executableTarget(name: "fuzz-document", dependencies: ["FuzzSupport"], path: "Sources/FuzzDocument"),
    // text → mentions (JSON lines).
    .executableTarget(name: "fuzz-mentions", dependencies: ["FuzzSupport"], path: "Sources/FuzzMentions"),
    // Not a fuzz target: the newsq half of the DuckDB differential test (build it without the
    // fuzzer flags: swift build --package-path Fuzz --product newsq-difftest).
    .executableTarget(name: "newsq-difftest", dependencies: ["FuzzSupport", .product(name: "NewsQ", package: "newsq")],
                      path: "Sources/DiffTest"),
  ],
  swiftLanguageModes: [.v6]
)
