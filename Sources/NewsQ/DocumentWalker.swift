import NewsText
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file found under a `--data` root: its path, the name `doc` shows, and its size.
struct DocumentFile: Sendable, Hashable {
  var path: String
  /// The path relative to its root; the file name when the root is the file itself.
  var name: String
  var size: Int
}

/// Finds the documents under a root: `.txt` and `.md` files, recursively, in name order.
///
/// Symbolic links are followed, but a directory already visited (same device and inode) is
/// never entered twice, so a symlink loop ends. Anything that is neither a regular file nor a
/// directory (a FIFO, a socket, a device) is reported and skipped without being opened.
enum DocumentWalker {
  static let extensions = [".txt", ".md"]
  /// Files larger than this are skipped: they cannot be news articles held in memory.
  static let maximumSize = 1 << 30

  static func collect(root: String, into files: inout [DocumentFile], skipped: inout [LoadReport.Skipped]) {
    var st = stat()
    guard stat(root, &st) == 0 else {
      skipped.append(.init(path: root, reason: errnoText()))
      return
    }
    if isDirectory(st) {
      var visited: Set<[UInt64]> = []
      walk(directory: root, relative: "", files: &files, skipped: &skipped, visited: &visited, depth: 0)
    } else {
      addFile(path: root, name: baseName(root), st: st, explicit: true, files: &files, skipped: &skipped)
    }
  }

  private static func walk(directory: String, relative: String, files: inout [DocumentFile],
                           skipped: inout [LoadReport.Skipped], visited: inout Set<[UInt64]>, depth: Int) {
    var st = stat()
    guard stat(directory, &st) == 0 else { return }
    let key = [UInt64(st.st_dev), UInt64(st.st_ino)]
    guard depth < 64, visited.insert(key).inserted else { return }
    guard let dir = opendir(directory) else {
      skipped.append(.init(path: directory, reason: errnoText()))
      return
    }
    var names: [String] = []
    while let entry = readdir(dir) {
      // Read d_name only up to its NUL: glibc allocates a dirent by its d_reclen, so copying
      // the whole 256-byte field reads past the buffer (AddressSanitizer: heap-buffer-overflow).
      let name = DirectoryEntry.name(entry)
      if name == "." || name == ".." || name.hasPrefix(".") { continue }
      names.append(name)
    }
    closedir(dir)
    // The prefixes once per directory: one concatenation per entry.
    let pathPrefix = directory.hasSuffix("/") ? directory : directory + "/"
    let relPrefix = relative.isEmpty ? "" : relative + "/"
    for name in names.sorted() {
      let path = pathPrefix + name
      let rel = relPrefix.isEmpty ? name : relPrefix + name
      var child = stat()
      guard stat(path, &child) == 0 else {
        if hasDocumentExtension(name) { skipped.append(.init(path: path, reason: errnoText())) }
        continue
      }
      if isDirectory(child) {
        walk(directory: path, relative: rel, files: &files, skipped: &skipped, visited: &visited, depth: depth + 1)
      } else if hasDocumentExtension(name) {
        addFile(path: path, name: rel, st: child, explicit: false, files: &files, skipped: &skipped)
      }
    }
  }

  private static func addFile(path: String, name: String, st: stat, explicit: Bool,
                              files: inout [DocumentFile], skipped: inout [LoadReport.Skipped]) {
    guard (st.st_mode & S_IFMT) == S_IFREG else {
      skipped.append(.init(path: path, reason: "not a regular file"))
      return
    }
    let size = Int(st.st_size)
    guard size <= maximumSize else {
      skipped.append(.init(path: path, reason: "too large (\(size / (1 << 20)) MB; the limit is 1 GB)"))
      return
    }
    files.append(DocumentFile(path: path, name: name, size: size))
  }

  /// Whether `name` ends in one of `extensions`, ignoring ASCII case (compared as UTF-8 bytes:
  /// no lowercased copy of every name).
  static func hasDocumentExtension(_ name: String) -> Bool {
    let bytes = name.utf8
    return extensions.contains { ext in
      let e = ext.utf8
      guard bytes.count >= e.count else { return false }
      return zip(bytes.suffix(e.count), e).allSatisfy { b, x in
        b == x || (b >= 0x41 && b <= 0x5A && b | 0x20 == x)
      }
    }
  }

  private static func isDirectory(_ st: stat) -> Bool { (st.st_mode & S_IFMT) == S_IFDIR }

  static func baseName(_ path: String) -> String {
    var p = Substring(path)
    while p.count > 1, p.hasSuffix("/") { p = p.dropLast() }
    if let slash = p.lastIndex(of: "/") { return String(p[p.index(after: slash)...]) }
    return String(p)
  }

  /// Cores online (at least 1): how many workers a load runs.
  static let coreCount = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))

  static func errnoText() -> String { String(cString: strerror(errno)) }
}

/// Reads and decodes one document: UTF-8 (with or without BOM), UTF-16, GB18030; a binary or
/// undecodable file fails with the reason.
enum DocumentReader {
  /// Why a document was skipped, in words for the user.
  struct Failure: Error { var reason: String }

  static func read(_ file: DocumentFile) -> Result<String, Failure> {
    switch FileBytes.read(path: file.path, limit: DocumentWalker.maximumSize) {
    case .failure(let error):
      return .failure(Failure(reason: error.reason))
    case .success(let bytes):
      switch TextDecoder.decode(bytes) {
      case .success(let text): return .success(text)
      case .failure(let error): return .failure(Failure(reason: error.reason))
      }
    }
  }
}

/// The name of a `readdir` entry, read in place up to its NUL.
enum DirectoryEntry {
  static func name(_ entry: UnsafeMutablePointer<dirent>) -> String {
    guard let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name) else { return "" }
    let raw = UnsafeRawPointer(entry) + offset
    return String(cString: raw.assumingMemoryBound(to: CChar.self))
  }
}
