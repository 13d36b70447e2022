import Foundation
import NewsQ

/// Shared by the reliability tests: the repository root, scratch directories, python.
enum Reliability {
  /// The package root (the tests read Fuzz/ and scripts/ from the tree).
  static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// A fresh directory under the temporary directory, removed by the caller when done.
  static func scratch(_ name: String) -> String {
    let dir = NSTemporaryDirectory() + "newsq-\(name)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
  }

  /// Runs `python3 ARGS`; status and stdout+stderr.
  static func python(_ args: [String]) -> (status: Int32, out: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3"] + args
    let pipe = Pipe()
    p.standardOutput = pipe
    p.standardError = pipe
    do { try p.run() } catch { return (-1, "\(error)") }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  static let duckdbAvailable: Bool = python(["-c", "import duckdb"]).status == 0

  /// Resident set size of this process in bytes (from /proc/self/statm).
  static func residentBytes() -> Int {
    guard let s = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let parts = s.split(separator: " ")
    guard parts.count > 1, let pages = Int(parts[1]) else { return 0 }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
  }
}
