import CEditLine
import Glibc
import NewsQ

/// The shell's history: whole statements (multi-line ones as one entry), consecutive
/// duplicates dropped, bounded, saved atomically (temp file + rename) after each statement so
/// it survives a crash or a hang-up. An unwritable file is one warning, not a failure.
public final class HistoryStore {
  /// Where history lives: `NEWSQ_HISTORY`, else `~/.newsq_history`; nil without either.
  public static func path(in environment: ShellEnvironment) -> String? {
    if let p = environment.variables["NEWSQ_HISTORY"], !p.isEmpty { return p }
    guard let home = environment.variables["HOME"], !home.isEmpty else { return nil }
    return home.hasSuffix("/") ? home + ".newsq_history" : home + "/.newsq_history"
  }

  /// The number of entries kept.
  public static let defaultLimit = 1000

  let editor: OpaquePointer
  private let ownsEditor: Bool
  public let path: String?
  private var warned = false
  /// Set after the first failed save; the session prints it once.
  public private(set) var warning: String? = nil

  /// A history without a terminal (tests, and the shape the prompt uses).
  public init?(path: String?, limit: Int = HistoryStore.defaultLimit) {
    guard let ed = nq_open_history_only(path, Int32(limit)) else { return nil }
    editor = ed
    ownsEditor = true
    self.path = path
  }

  init(editor: OpaquePointer, path: String?) {
    self.editor = editor
    self.ownsEditor = false
    self.path = path
  }

  /// Adds an entry and saves; returns a warning the first time saving fails.
  @discardableResult
  public func add(_ entry: String) -> String? {
    let trimmed = entry.trimmingBlank()
    guard !trimmed.isEmpty else { return nil }
    nq_history_add(editor, trimmed)
    return save()
  }

  /// Saves atomically; returns a warning the first time it fails.
  @discardableResult
  public func save() -> String? {
    guard let path else { return nil }
    let tmp = path + ".tmp-\(getpid())"
    // A writer killed between writing and renaming left its temporary file: sweep those.
    let slash = path.lastIndex(of: "/")
    let dir = slash.map { String(path[...$0]) } ?? "."
    let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
    TemporaryFiles.sweep(directory: dir, prefix: base + ".tmp-")
    let rc = nq_history_save(editor, tmp)
    guard rc != 0, !warned else { return nil }
    warned = true
    warning = "warning: cannot write history to \(path): \(SystemError(code: rc)); history will not be kept\n"
    return warning
  }

  /// Entries, oldest first.
  public var entries: [String] {
    let n = Int(nq_history_count(editor))
    var out: [String] = []
    for i in stride(from: n - 1, through: 0, by: -1) {
      if let s = nq_history_entry(editor, Int32(i)) { out.append(String(cString: s)) }
    }
    return out
  }

  deinit { if ownsEditor { nq_close(editor) } }
}
