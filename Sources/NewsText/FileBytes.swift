import Glibc

/// Why a file could not be read, with its path.
public struct FileReadError: Error, Sendable, Hashable, CustomStringConvertible {
  public enum Kind: Sendable, Hashable {
    case notFound, permissionDenied, directory, notRegularFile, tooLarge, io
  }

  public let kind: Kind
  /// The path as given.
  public let path: String
  /// A reason a person can read ("is a directory", "larger than 1073741824 bytes").
  public let reason: String

  public init(kind: Kind, path: String, reason: String) {
    self.kind = kind
    self.path = path
    self.reason = reason
  }

  public var description: String { "\(path): \(reason)" }
}

/// Reads whole regular files with the C library (no Foundation). Directories, FIFOs, devices
/// and sockets are reported, never read, and never block (the file is opened non-blocking).
public enum FileBytes {
  /// All bytes of the regular file at `path`, refusing files larger than `limit` bytes.
  public static func read(path: String, limit: Int) -> Result<[UInt8], FileReadError> {
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    if fd < 0 {
      let e = errno
      switch e {
      case ENOENT, ENOTDIR: return .failure(FileReadError(kind: .notFound, path: path, reason: "no such file"))
      case EACCES, EPERM: return .failure(FileReadError(kind: .permissionDenied, path: path, reason: "permission denied"))
      default: return .failure(FileReadError(kind: .io, path: path, reason: "cannot open (\(describe(e)))"))
      }
    }
    defer { close(fd) }
    var st = stat()
    if fstat(fd, &st) != 0 {
      return .failure(FileReadError(kind: .io, path: path, reason: "cannot stat (\(describe(errno)))"))
    }
    let type = st.st_mode & S_IFMT
    if type == S_IFDIR { return .failure(FileReadError(kind: .directory, path: path, reason: "is a directory")) }
    if type != S_IFREG {
      return .failure(FileReadError(kind: .notRegularFile, path: path, reason: "not a regular file"))
    }
    let size = Int(st.st_size)
    if size > limit {
      return .failure(FileReadError(kind: .tooLarge, path: path, reason: "larger than \(limit) bytes"))
    }
    var failure: Int32 = 0
    let capacity = max(size, 0)
    var bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buf, initialized in
      var got = 0
      while got < capacity, let base = buf.baseAddress {
        let r = Glibc.read(fd, base + got, capacity - got)
        if r > 0 { got += r } else if r == 0 { break } else if errno == EINTR { continue } else { failure = errno; break }
      }
      initialized = got
    }
    if failure != 0 {
      return .failure(FileReadError(kind: .io, path: path, reason: "read failed (\(describe(failure)))"))
    }
    // Files whose size is not known in advance (or that grew): read on in chunks. One byte is
    // tried first, so a file read whole costs no 64 KB buffer (100,000 tiny files paid for it).
    if bytes.count == capacity {
      var probe: UInt8 = 0
      var first = 0
      while true {
        first = Glibc.read(fd, &probe, 1)
        if first < 0 && errno == EINTR { continue }
        break
      }
      if first == 0 || (first < 0 && errno == EAGAIN) { return .success(bytes) }
      if first < 0 {
        let e = errno
        return .failure(FileReadError(kind: .io, path: path, reason: "read failed (\(describe(e)))"))
      }
      if bytes.count + 1 > limit {
        return .failure(FileReadError(kind: .tooLarge, path: path, reason: "larger than \(limit) bytes"))
      }
      bytes.append(probe)
      var chunk = [UInt8](repeating: 0, count: 1 << 16)
      while true {
        let r = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
        if r > 0 {
          if bytes.count + r > limit {
            return .failure(FileReadError(kind: .tooLarge, path: path, reason: "larger than \(limit) bytes"))
          }
          bytes.append(contentsOf: chunk[0..<r])
        } else if r == 0 {
          break
        } else if errno == EINTR {
          continue
        } else {
          let e = errno
          if e == EAGAIN { break }
          return .failure(FileReadError(kind: .io, path: path, reason: "read failed (\(describe(e)))"))
        }
      }
    }
    return .success(bytes)
  }

  static func describe(_ e: Int32) -> String {
    guard let p = strerror(e) else { return "errno \(e)" }
    return String(cString: p)
  }
}
