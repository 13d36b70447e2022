#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files written atomically: bytes go to a hidden temporary file in the target directory, which
/// is renamed over the final name only when complete, so readers never see half a file.
final class AtomicFile {
  let path: String
  let temporaryPath: String
  private var fd: Int32
  private var buffer: [UInt8] = []
  private var committed = false
  static let flushSize = 1 << 20

  init(path: String) throws(ExportError) {
    self.path = path
    let slash = path.lastIndex(of: "/")
    let dir = slash.map { String(path[...$0]) } ?? ""
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    temporaryPath = dir + "." + name + ".tmp\(getpid())"
    TemporaryFiles.sweep(directory: dir.isEmpty ? "." : dir, prefix: "." + name + ".tmp")
    fd = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    if fd < 0 { throw AtomicFile.failure(temporaryPath) }
    buffer.reserveCapacity(AtomicFile.flushSize + 4096)
  }

  static func failure(_ path: String) -> ExportError {
    let e = errno
    return ExportError(path: path, reason: String(cString: strerror(e)))
  }

  /// Appends bytes through `body`, flushing to disk when the buffer is large.
  func write(_ body: (inout [UInt8]) -> Void) throws(ExportError) {
    body(&buffer)
    if buffer.count >= AtomicFile.flushSize { try flush() }
  }

  func flush() throws(ExportError) {
    var offset = 0
    while offset < buffer.count {
      let n = buffer.withUnsafeBytes { raw -> Int in
        guard let base = raw.baseAddress else { return 0 }
        return Glibc.write(fd, base + offset, raw.count - offset)
      }
      if n < 0 {
        if errno == EINTR { continue }
        throw AtomicFile.failure(path)
      }
      offset += n
    }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Writes what is left, closes and renames into place.
  func commit() throws(ExportError) {
    try flush()
    let closed = close(fd)
    fd = -1
    if closed != 0 { throw AtomicFile.failure(path) }
    if rename(temporaryPath, path) != 0 { throw AtomicFile.failure(path) }
    committed = true
  }

  deinit {
    // Abandoned after an error: leave no temporary file behind.
    if fd >= 0 { close(fd) }
    if !committed { unlink(temporaryPath) }
  }
}

/// Temporary files of writers that died before renaming them (a `kill -9` mid-write).
public enum TemporaryFiles {
  /// Removes each file in `directory` named `prefix` + a process id (`.meeting.csv.tmp4711`,
  /// `.newsq_history.tmp-4711` with prefix `….tmp-`) whose process no longer exists. A file
  /// of a live process, even one that reuses a dead writer's id, is left alone; so are names
  /// with anything after the digits. Called before each write of the same file, so a killed
  /// writer's leftovers are swept by the next one.
  public static func sweep(directory: String, prefix: String) {
    guard !prefix.isEmpty, let dir = opendir(directory) else { return }
    var stale: [String] = []
    let me = getpid()
    while let entry = readdir(dir) {
      let name = DirectoryEntry.name(entry)
      guard name.hasPrefix(prefix) else { continue }
      let digits = name.dropFirst(prefix.count)
      guard !digits.isEmpty, digits.count <= 10, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            let pid = Int32(digits), pid > 0, pid != me else { continue }
      if kill(pid, 0) != 0 && errno == ESRCH { stale.append(name) }
    }
    closedir(dir)
    for name in stale {
      let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
      unlink(path)
    }
  }
}

enum Directories {
  /// `mkdir -p`: creates `path` and its missing parents.
  static func create(_ path: String) throws(ExportError) {
    guard !path.isEmpty else { return }
    var prefix = path.hasPrefix("/") ? "/" : ""
    for part in path.split(separator: "/") {
      prefix += part
      if mkdir(prefix, 0o755) != 0 {
        let e = errno
        var st = stat()
        if e == EEXIST, stat(prefix, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
          // already there
        } else {
          throw ExportError(path: prefix, reason: e == EEXIST ? "exists and is not a directory" : String(cString: strerror(e)))
        }
      }
      prefix += "/"
    }
  }
}
