import Glibc

/// Where a session's lines come from: the libedit prompt, a pipe, or a test's list.
///
/// The session asks for one line at a time, saying which prompt a terminal would show
/// (`newsq> ` or `   ...> `); sources that are not terminals ignore it.
public protocol LineSource {
  /// The next line without its newline, or nil at end of input.
  mutating func next(prompt: String) -> String?
  /// Whether the line just returned was abandoned with Ctrl-C.
  var lastLineInterrupted: Bool { get }
  /// Records a whole statement (possibly several lines) as one history entry.
  mutating func remember(_ statement: String)
}

extension LineSource {
  public var lastLineInterrupted: Bool { false }
  public mutating func remember(_ statement: String) {}
}

/// Lines given up front (tests). `nil` in the list stands for Ctrl-C on that line.
public struct ArrayLineSource: LineSource {
  private var lines: [String?]
  private var index = 0
  /// Each prompt asked for, in order: tests check `...>` continuation through it.
  public private(set) var prompts: [String] = []
  /// Statements handed to history.
  public private(set) var remembered: [String] = []
  public private(set) var lastLineInterrupted = false

  public init(_ lines: [String?]) { self.lines = lines }

  public mutating func next(prompt: String) -> String? {
    prompts.append(prompt)
    guard index < lines.count else { return nil }
    defer { index += 1 }
    if let line = lines[index] { lastLineInterrupted = false; return line }
    lastLineInterrupted = true
    return ""
  }

  public mutating func remember(_ statement: String) { remembered.append(statement) }
}

/// Lines read from a file descriptor (a pipe or a redirected file): no prompt, no history.
/// Invalid UTF-8 is repaired with U+FFFD; a trailing `\r` is dropped.
public struct DescriptorLineSource: LineSource {
  private let fd: Int32
  private var buffer: [UInt8] = []
  private var start = 0
  private var atEnd = false

  public init(fd: Int32) { self.fd = fd }

  public mutating func next(prompt: String) -> String? {
    while true {
      if let nl = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
        var end = nl
        if end > start, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        let line = String(decoding: buffer[start..<end], as: UTF8.self)
        start = nl + 1
        if start > 1 << 16 { buffer.removeFirst(start); start = 0 }
        return line
      }
      if atEnd {
        guard start < buffer.count else { return nil }
        let line = String(decoding: buffer[start...], as: UTF8.self)
        start = buffer.count
        return line
      }
      var chunk = [UInt8](repeating: 0, count: 1 << 16)
      let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        atEnd = true
      } else if n == 0 {
        atEnd = true
      } else {
        buffer.append(contentsOf: chunk[0..<n])
      }
    }
  }
}

/// Reads a whole file as text (scripts, `.read`); invalid UTF-8 is repaired with U+FFFD.
enum TextFile {
  static func read(path: String) -> Result<String, SystemError> {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 { return .failure(SystemError(code: errno)) }
    defer { close(fd) }
    var st = stat()
    if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR { return .failure(SystemError(code: EISDIR)) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        return .failure(SystemError(code: errno))
      }
      if n == 0 { break }
      bytes.append(contentsOf: chunk[0..<n])
    }
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    return .success(String(decoding: bytes, as: UTF8.self))
  }

  /// Whether `path` names an existing file or directory.
  static func exists(_ path: String) -> Bool {
    var st = stat()
    return stat(path, &st) == 0
  }
}

/// Path helpers without Foundation.
enum Paths {
  /// The directory part of `path` ("." when there is none).
  static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    if slash == path.startIndex { return "/" }
    return String(path[..<slash])
  }

  /// `path` resolved against `base` unless it is absolute; `~/` expands to `home`.
  static func resolve(_ path: String, against base: String, home: String?) -> String {
    if path == "~", let home { return home }
    if path.hasPrefix("~/"), let home { return home + path.dropFirst(1) }
    if path.hasPrefix("/") || base == "." || base.isEmpty { return path }
    return base.hasSuffix("/") ? base + path : base + "/" + path
  }
}
