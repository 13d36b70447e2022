import Glibc

/// Where the shell writes text: standard output, standard error, a `.output` file, or a test
/// buffer. Everything the shell prints goes through a sink, so sessions run without a terminal.
public protocol OutputSink: AnyObject {
  /// Appends `text`; a failed write is remembered, never thrown.
  func write(_ text: String)
  /// Pushes buffered text out (end of a statement, before a prompt).
  func flush()
  /// Whether this sink writes to a terminal (colour, width, default row cap).
  var isTerminal: Bool { get }
}

/// A sink that collects text in memory: tests and golden files read `text`.
public final class BufferSink: OutputSink {
  /// Everything written so far.
  public private(set) var text = ""
  public let isTerminal: Bool
  public init(isTerminal: Bool = false) { self.isTerminal = isTerminal }
  public func write(_ text: String) { self.text += text }
  public func flush() {}
}

/// A sink over a file descriptor (1, 2, or a file opened by `.output`), buffered per statement.
///
/// A closed pipe on standard output (`newsq … | head -1`) ends the process quietly with
/// status 0: the reader has all it asked for.
public final class DescriptorSink: OutputSink {
  private let fd: Int32
  private let ownsDescriptor: Bool
  private let exitOnBrokenPipe: Bool
  private var buffer: [UInt8] = []
  public let isTerminal: Bool
  /// The errno of the first failed write, if any.
  public private(set) var writeError: Int32? = nil

  public init(fd: Int32, ownsDescriptor: Bool = false, exitOnBrokenPipe: Bool = false) {
    self.fd = fd
    self.ownsDescriptor = ownsDescriptor
    self.exitOnBrokenPipe = exitOnBrokenPipe
    self.isTerminal = isatty(fd) == 1
  }

  /// Opens (creating or truncating) `path` for writing; nil with errno when that fails.
  public static func file(path: String) -> Result<DescriptorSink, SystemError> {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    if fd < 0 { return .failure(SystemError(code: errno)) }
    return .success(DescriptorSink(fd: fd, ownsDescriptor: true))
  }

  /// Standard output; a closed pipe ends the process quietly.
  public static func standardOutput() -> DescriptorSink { DescriptorSink(fd: 1, exitOnBrokenPipe: true) }
  /// Standard error.
  public static func standardError() -> DescriptorSink { DescriptorSink(fd: 2) }

  public func write(_ text: String) {
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= 1 << 16 { flush() }
  }

  public func flush() {
    guard !buffer.isEmpty else { return }
    var done = 0
    let total = buffer.count
    buffer.withUnsafeBytes { raw in
      while done < total {
        let n = Glibc.write(fd, raw.baseAddress! + done, total - done)
        if n < 0 {
          if errno == EINTR { continue }
          let e = errno
          if e == EPIPE && exitOnBrokenPipe { exit(0) }
          if writeError == nil { writeError = e }
          return
        }
        done += n
      }
    }
    buffer.removeAll(keepingCapacity: true)
  }

  deinit {
    flush()
    if ownsDescriptor { close(fd) }
  }
}

/// An errno value with its message.
public struct SystemError: Error, Sendable, Hashable, CustomStringConvertible {
  public var code: Int32
  public init(code: Int32) { self.code = code }
  public var description: String {
    guard let s = strerror(code) else { return "error \(code)" }
    return String(cString: s)
  }
}
