import Foundation
import NewsText

/// The built-in seed documents, read from the package's seeds/ folder.
enum Seeds {
  static let folder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("seeds")

  static func text(_ prefix: String) -> String {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    guard let name = names.sorted().first(where: { $0.hasPrefix(prefix) }),
      let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path)
    else { return "" }
    return String(decoding: data, as: UTF8.self)
  }

  static var all: [String] { ["000", "001", "002", "003", "004"].map(text) }
}
