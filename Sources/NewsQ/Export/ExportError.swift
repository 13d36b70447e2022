/// Why an export failed: the file or directory, and the system's reason (`strerror(errno)`).
public struct ExportError: Error, Sendable, Hashable, CustomStringConvertible {
  public var path: String
  public var reason: String
  public init(path: String, reason: String) { self.path = path; self.reason = reason }
  /// `cannot write out/meeting.csv: Permission denied`.
  public var description: String { "cannot write \(path): \(reason)" }
}
