@_exported import NewsFacts
@_exported import FactQuery
import FactStore
import NewsExtract
import Synchronization

/// The embeddable newsq engine: documents in, facts extracted, statements answered.
///
/// An engine holds an immutable snapshot of the store; a load builds the next snapshot and
/// swaps it in, so statements never wait for a load. It is safe to use from many tasks.
public final class Engine: Sendable {
  // Contract stub: the real state (snapshot, facts, place resolver) lands with the engine work.
  private let state = Mutex<Int>(0)

  /// An engine over the built-in corpus (the five seed documents).
  public convenience init() throws {
    try self.init(documents: [:])
  }

  /// An engine over documents given in memory, keyed by the name `doc` shows.
  public init(documents: [String: String]) throws {}

  /// An empty engine: no documents, no facts.
  public static func empty() -> Engine { try! Engine(documents: [:]) }

  /// Loads files or directories (recursively, `.txt` and `.md`) and swaps in the new snapshot.
  /// Unreadable files are reported in the returned report, never thrown.
  @discardableResult
  public func load(paths: [String], progress: (@Sendable (LoadProgress) -> Void)? = nil) -> LoadReport {
    LoadReport()
  }

  /// Adds facts directly (embedding, synthetic data); ids are assigned where missing.
  public func add(facts: [Fact]) {}

  /// Runs one statement with `$1`, `$2` … bound to `parameters`.
  public func run(_ statement: String, parameters: [Value] = []) throws(EngineError) -> ResultSet {
    ResultSet(columns: [], rows: [])
  }

  /// Whether `text` is a complete statement (the prompt shows `...>` while it is not).
  public func isComplete(_ text: String) -> Bool { true }

  /// Completion candidates for the word before `cursor` (a Unicode-scalar offset into `line`):
  /// keywords, entities, fields, dot commands and values from the store, matched in simplified
  /// or traditional characters or by pinyin initials.
  public func completions(for line: String, cursor: Int) -> Completion {
    Completion(replacing: cursor..<cursor, candidates: [])
  }

  /// Asks the statement running now (if any) to stop; it throws `EngineError.cancelled`.
  public func cancel() {}

  /// Rows per entity in the current snapshot.
  public var tableSizes: [(Entity, Int)] { Entity.allCases.map { ($0, 0) } }
}

/// Completion candidates and the part of the line they replace.
public struct Completion: Sendable, Hashable {
  public var replacing: Range<Int>
  public var candidates: [String]
  public init(replacing: Range<Int>, candidates: [String]) { self.replacing = replacing; self.candidates = candidates }
}

/// Progress of a load, reported as files are read.
public struct LoadProgress: Sendable, Hashable {
  public var files: Int = 0
  public var totalFiles: Int = 0
  public var bytes: Int = 0
  public var totalBytes: Int = 0
  public var facts: Int = 0
  public init() {}
}

/// What a load did: files loaded, and each skipped file with the reason.
public struct LoadReport: Sendable, Hashable {
  /// A file that was not loaded, and why (binary, undecodable, unreadable …).
  public struct Skipped: Sendable, Hashable {
    public var path: String
    public var reason: String
    public init(path: String, reason: String) { self.path = path; self.reason = reason }
  }
  public var loaded: [String] = []
  public var skipped: [Skipped] = []
  public init() {}
}

/// Why a statement failed.
public enum EngineError: Error, Sendable, Hashable {
  /// A problem in the statement text, with line/column derivable from `diagnostic.range`.
  case statement(Diagnostic)
  /// The statement was cancelled by `cancel()`.
  case cancelled
  /// Writing an export or reading a file failed.
  case io(path: String, reason: String)
}

/// `newsq mentions`: what the recognisers see in each text, one JSON object per mention
/// (`kind`, `text`, `input`, `start`, `end` and the kind's keys), in text order.
public enum Mentions {
  /// One JSON line per mention across `texts`; `base` is "today" for relative expressions.
  public static func jsonLines(for texts: [String], base: FactDate?) -> [String] { [] }
}
