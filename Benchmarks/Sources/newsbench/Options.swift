import BenchSupport
import Glibc

/// Command-line options: `--name value` pairs after the subcommand.
struct Options {
  var command = ""
  var values: [String: String] = [:]

  init(_ argv: [String]) {
    var args = argv
    if let c = args.first, !c.hasPrefix("--") { command = c; args.removeFirst() }
    while let a = args.first {
      args.removeFirst()
      guard a.hasPrefix("--") else { continue }
      if let v = args.first, !v.hasPrefix("--") { values[String(a.dropFirst(2))] = v; args.removeFirst() } else { values[String(a.dropFirst(2))] = "" }
    }
  }
  subscript(_ k: String) -> String? { values[k] }
  func int(_ k: String, _ d: Int) -> Int { values[k].flatMap { Int($0) } ?? d }
}

/// One benchmark statement: newsq text, SQL for the peers, and how results are compared.
struct BenchQuery {
  var name: String
  /// `id` (sorted ids), `#` (row count), `*` (whole rows, sorted), or a column name.
  var mode: String
  var newsq: String
  var sql: String

  static func load(_ path: String) -> [BenchQuery] {
    guard let bytes = readFile(path) else { return [] }
    var out: [BenchQuery] = []
    for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") where !line.hasPrefix("#") {
      let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      if f.count >= 4 { out.append(BenchQuery(name: f[0], mode: f[1], newsq: f[2], sql: f[3])) }
    }
    return out
  }
}

/// Sum of the sizes of the regular files under `path` (recursive), and their count.
func treeSize(_ path: String) -> (bytes: Int, files: Int) {
  var st = stat()
  guard stat(path, &st) == 0 else { return (0, 0) }
  if (st.st_mode & S_IFMT) != S_IFDIR { return (Int(st.st_size), 1) }
  guard let d = opendir(path) else { return (0, 0) }
  defer { closedir(d) }
  var total = (bytes: 0, files: 0)
  while let e = readdir(d) {
    let name = withUnsafePointer(to: e.pointee.d_name) { $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) } }
    if name == "." || name == ".." { continue }
    let sub = treeSize(path + "/" + name)
    total.bytes += sub.bytes
    total.files += sub.files
  }
  return total
}
