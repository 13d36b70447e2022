// swift-tools-version: 6.0
import PackageDescription

// One module per stage; each imports only the stages before it.
// text → facts → columns → plan → rows → rendering.
let package = Package(
  name: "newsq",
  products: [
    .library(name: "NewsQ", targets: ["NewsQ"]),
    .executable(name: "newsq", targets: ["newsq"]),
  ],
  targets: [
    // The fact schema shared by extraction, store and query: entities, fields, values.
    .target(name: "NewsFacts", linkerSettings: [.linkedLibrary("m")]),
    // Normalisation with offset maps, 繁→简, full-width folding, pinyin, display width, segmentation.
    .target(name: "NewsText", exclude: ["Data/LICENSE-opencc", "Data/LICENSE-pypinyin"]),
    // Gazetteer, recognisers and fact rules: text → facts.
    .target(name: "NewsExtract", dependencies: ["NewsText", "NewsFacts"],
            exclude: ["Gazetteer/Data/LICENSE-nbs", "Gazetteer/Data/LICENSE-jionlp", "Gazetteer/Data/LICENSE-opencc"]),
    // Typed, dictionary-encoded columns, indexes, statistics, immutable snapshots.
    .target(name: "FactStore", dependencies: ["NewsFacts", "NewsText"]),
    // Lexer, parser, binder, planner, executor, diagnostics.
    .target(name: "FactQuery", dependencies: ["FactStore", "NewsFacts", "NewsText"]),
    // The facade embedders import: Engine, results, loading, rendering.
    .target(name: "NewsQ", dependencies: ["NewsExtract", "FactQuery", "FactStore", "NewsFacts", "NewsText"]),
    // The only C: libedit behind a few non-variadic functions, opened with dlopen when a prompt
    // starts (so -c, scripts and pipes never load it); its header comes from libedit-dev.
    .target(name: "CEditLine"),
    // Prompt, history, completion, dot commands, script runner, command line.
    .target(name: "NewsShell", dependencies: ["NewsQ", "NewsText", "CEditLine"]),
    .executableTarget(name: "newsq", dependencies: ["NewsShell"]),

    .testTarget(name: "NewsTextTests", dependencies: ["NewsText"]),
    .testTarget(name: "NewsExtractTests", dependencies: ["NewsExtract", "NewsText", "NewsFacts"], resources: [.copy("Fixtures")]),
    .testTarget(name: "FactStoreTests", dependencies: ["FactStore", "NewsFacts"]),
    .testTarget(name: "FactQueryTests", dependencies: ["FactQuery", "FactStore", "NewsFacts"]),
    .testTarget(name: "NewsQTests", dependencies: ["NewsQ"], resources: [.copy("Scripts")]),
    .testTarget(name: "NewsShellTests", dependencies: ["NewsShell", "NewsQ"]),
  ],
  swiftLanguageModes: [.v6]
)
