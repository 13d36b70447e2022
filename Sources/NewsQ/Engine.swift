@_exported import NewsFacts
@_exported import FactQuery
import FactStore
import NewsExtract
import NewsText
import Synchronization
import Dispatch

/// The embeddable newsq engine: documents in, facts extracted, statements answered.
///
/// An engine holds an immutable snapshot of the store. A load extracts and builds the next
/// snapshot without holding the lock statements take, then swaps it in; statements already
/// running keep the snapshot they started with. So an engine is safe to query from many tasks
/// at once, also while a load is in progress.
public final class Engine: Sendable {
  /// What a load builds on: the facts so far, and the snapshot statements read.
  struct State: Sendable {
    var corpus = Corpus()
    var directFacts: [Fact] = []
    var snapshot: Snapshot = .empty
  }

  private let state = Mutex(State())
  /// Loads run one at a time; statements never wait for this lock.
  private let loading = Mutex(())
  /// Bumped by `cancel()`; a statement stops when it changes while it runs.
  private let cancelEpoch = Atomic<UInt64>(0)
  let places: any PlaceResolver

  /// An engine over the built-in corpus (the five seed documents).
  public convenience init() throws {
    try self.init(builtin: ())
  }

  private init(builtin: Void) throws {
    places = Gazetteer.shared
    var docs: [(String, String)] = []
    for d in BuiltinCorpus.documents { docs.append((d.name, d.text)) }
    ingest(docs)
  }

  /// An engine over documents given in memory, keyed by the name `doc` shows.
  public init(documents: [String: String]) throws {
    places = Gazetteer.shared
    ingest(documents.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
  }

  /// An empty engine: no documents, no facts.
  public static func empty() -> Engine {
    // `init(documents:)` with nothing to read cannot fail.
    (try? Engine(documents: [:])) ?? Engine(unchecked: ())
  }

  private init(unchecked: Void) { places = Gazetteer.shared }

  /// The snapshot statements read now.
  var snapshot: Snapshot { state.withLock { $0.snapshot } }

  /// Loads files or directories (recursively, `.txt` and `.md`) and swaps in the new snapshot.
  /// Files that cannot be read or decoded are listed in the report with the reason, never thrown.
  @discardableResult
  public func load(paths: [String], progress: (@Sendable (LoadProgress) -> Void)? = nil) -> LoadReport {
    var report = LoadReport()
    var files: [DocumentFile] = []
    for path in paths {
      DocumentWalker.collect(root: path, into: &files, skipped: &report.skipped)
    }
    var texts: [(String, String)] = []
    var tick = LoadProgress()
    tick.totalFiles = files.count
    tick.totalBytes = files.reduce(0) { $0 + $1.size }
    for file in files {
      switch DocumentReader.read(file) {
      case .success(let text):
        if !text.isEmpty { texts.append((file.name, text)) }
        report.loaded.append(file.path)
      case .failure(let failure):
        report.skipped.append(.init(path: file.path, reason: failure.reason))
      }
      tick.files += 1
      tick.bytes += file.size
      progress?(tick)
    }
    ingest(texts, progress: progress, tick: tick)
    return report
  }

  /// Extracts `documents` in parallel, adds them to the corpus and swaps in a new snapshot.
  private func ingest(_ documents: [(String, String)], progress: (@Sendable (LoadProgress) -> Void)? = nil,
                      tick: LoadProgress = LoadProgress()) {
    let extracted = Self.extractInParallel(documents)
    loading.withLock { _ in
      var next = state.withLock { $0 }
      for d in extracted { next.corpus.add(d) }
      var done = tick
      done.facts = next.corpus.facts.count
      progress?(done)
      next.snapshot = Self.freeze(next)
      state.withLock { $0 = next }
    }
  }

  private static func freeze(_ s: State) -> Snapshot {
    var builder = StoreBuilder()
    builder.add(contentsOf: s.corpus.facts)
    builder.add(contentsOf: s.directFacts)
    return builder.freeze()
  }

  /// Runs the extractor over every document on all cores; results keep the input order.
  private static func extractInParallel(_ documents: [(String, String)]) -> [DocumentFacts] {
    guard documents.count > 1 else { return documents.map { FactExtractor.extract(path: $0.0, text: $0.1) } }
    let results = Mutex([DocumentFacts?](repeating: nil, count: documents.count))
    DispatchQueue.concurrentPerform(iterations: documents.count) { i in
      let d = FactExtractor.extract(path: documents[i].0, text: documents[i].1)
      results.withLock { $0[i] = d }
    }
    return results.withLock { $0.compactMap { $0 } }
  }

  /// Adds facts directly (embedding, synthetic data); ids are assigned where missing.
  public func add(facts: [Fact]) {
    loading.withLock { _ in
      var next = state.withLock { $0 }
      next.directFacts.append(contentsOf: facts)
      next.snapshot = Self.freeze(next)
      state.withLock { $0 = next }
    }
  }

  /// Parses a statement once so it can be run many times with different parameters.
  public func prepare(_ statement: String) throws(EngineError) -> PreparedStatement {
    do {
      return PreparedStatement(engine: self, text: statement, statement: try Parser.parse(statement))
    } catch {
      throw .statement(error)
    }
  }

  /// Runs one statement with `$1`, `$2` … bound to `parameters` (never pasted into the text).
  public func run(_ statement: String, parameters: [Value] = []) throws(EngineError) -> ResultSet {
    try prepare(statement).run(parameters: parameters)
  }

  /// Runs a parsed statement against the current snapshot.
  func execute(_ statement: Statement, text: String, parameters: [Value]) throws(EngineError) -> ResultSet {
    let epoch = cancelEpoch.load(ordering: .relaxed)
    let context = QueryContext(snapshot: snapshot, places: places, isCancelled: { [self] in
      cancelEpoch.load(ordering: .relaxed) != epoch
    })
    do {
      switch statement {
      case .export(let path, _):
        return try exportFacts(to: path, context: context)
      case .explain(.sql, let query):
        let sql = try SQLTranslator.translate(.query(query), parameters: parameters)
        return ResultSet(columns: [ResultColumn(name: "sql", kind: .text)],
                         rows: sql.split(separator: "\n", omittingEmptySubsequences: false).map { [.text(String($0))] })
      default:
        let plan = try Planner.plan(statement, context: context, parameters: parameters)
        let analyze: Bool
        if case .explain(.analyze, _) = statement { analyze = true } else { analyze = false }
        return try Executor.run(plan, context: context, analyze: analyze)
      }
    } catch let e as Diagnostic {
      throw .statement(e)
    } catch let e as QueryError {
      switch e {
      case .diagnostic(let d): throw .statement(d)
      case .cancelled: throw .cancelled
      }
    } catch let e as EngineError {
      throw e
    } catch {
      throw .io(path: "", reason: "\(error)")
    }
  }

  /// Whether `text` is a complete statement (the prompt shows `...>` while it is not).
  public func isComplete(_ text: String) -> Bool { Completeness.isComplete(text) }

  /// Asks the statement running now (if any) to stop; it throws `EngineError.cancelled`.
  public func cancel() { cancelEpoch.add(1, ordering: .relaxed) }

  /// Rows per entity in the current snapshot, in schema order.
  public var tableSizes: [(Entity, Int)] {
    let s = snapshot
    return Entity.allCases.map { ($0, s.table($0).rowCount) }
  }
}

/// A statement parsed once and run many times, each time against the engine's current snapshot.
public struct PreparedStatement: Sendable {
  let engine: Engine
  /// The statement as written.
  public let text: String
  let statement: Statement

  /// Runs with `$1`, `$2` … bound to `parameters`.
  public func run(parameters: [Value] = []) throws(EngineError) -> ResultSet {
    try engine.execute(statement, text: text, parameters: parameters)
  }
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

