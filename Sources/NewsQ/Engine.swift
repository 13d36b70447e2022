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
  /// What a load builds on: the store builder (columns, not facts), the merged persons and
  /// places, and the snapshot statements read.
  struct State: Sendable {
    /// Persons and places of the loaded documents, merged across documents (they change as
    /// documents arrive, so their tables are rebuilt from here at each freeze; small).
    var corpus = Corpus()
    /// Every other extracted fact and every directly added fact, as columns.
    var builder = StoreBuilder()
    /// Per entity (by `ordinal`), the last id given to an extracted fact (`Corpus` numbering:
    /// 1, 2, …).
    var lastID = [Int64](repeating: 0, count: Entity.allCases.count)
    /// Articles numbered so far across the loaded documents.
    var articles: Int64 = 0
    var snapshot: Snapshot = .empty
    /// Set when the snapshot came from the start-up cache: the documents to add to the
    /// builder before anything builds on it.
    var deferred: Deferred? = nil
  }

  let state = Mutex(State())
  /// Loads run one at a time; statements never wait for this lock.
  private let loading = Mutex(())
  /// Statements `run` has parsed, by their text.
  let statements = Mutex(StatementCache())
  /// Bumped by `cancel()`; a statement stops when it changes while it runs.
  private let cancelEpoch = Atomic<UInt64>(0)
  let places: any PlaceResolver

  /// An engine over the built-in corpus (the five seed documents).
  public convenience init() throws {
    try self.init(builtin: ())
  }

  private init(builtin: Void) throws {
    places = GazetteerIndex.shared
    var docs: [(String, String)] = []
    for d in BuiltinCorpus.documents { docs.append((d.name, d.text)) }
    ingest(docs, cache: SnapshotCache.builtin())
  }

  /// An engine over `documents` whose extraction is cached in `cache` (tests; the built-in
  /// corpus uses the default cache).
  init(documents: [(String, String)], cache: SnapshotCache?) {
    places = GazetteerIndex.shared
    ingest(documents, cache: cache)
  }

  /// An engine over documents given in memory, keyed by the name `doc` shows.
  public init(documents: [String: String]) throws {
    places = GazetteerIndex.shared
    ingest(documents.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
  }

  /// An empty engine: no documents, no facts.
  public static func empty() -> Engine { Engine(nothing: ()) }

  private init(nothing: Void) { places = GazetteerIndex.shared }

  /// The snapshot statements read now.
  var snapshot: Snapshot { state.withLock { $0.snapshot } }

  /// Loads files or directories (recursively, `.txt` and `.md`) and swaps in the new snapshot.
  /// Files that cannot be read or decoded are listed in the report with the reason, never thrown.
  ///
  /// Files are read, decoded and extracted on all cores in batches of about 64 MB, and each
  /// batch's facts go into the store's column builders before the next is read, so a load
  /// holds one batch of text at a time. The new snapshot is swapped in once, at the end.
  @discardableResult
  public func load(paths: [String], progress: (@Sendable (LoadProgress) -> Void)? = nil) -> LoadReport {
    var report = LoadReport()
    var files: [DocumentFile] = []
    for path in paths {
      DocumentWalker.collect(root: path, into: &files, skipped: &report.skipped)
    }
    var total = LoadProgress()
    total.totalFiles = files.count
    total.totalBytes = files.reduce(0) { $0 + $1.size }
    let meter = ProgressMeter(total: total, report: progress)
    loading.withLock { _ in
      var next = takeState()
      var start = 0
      while start < files.count {
        var end = start, bytes = 0
        while end < files.count, end == start || bytes + files[end].size <= Self.batchBytes {
          bytes += files[end].size
          end += 1
        }
        let batch = Array(files[start..<end])
        let outcomes = Self.readAndExtract(batch, meter: meter)
        for (file, outcome) in zip(batch, outcomes) {
          switch outcome {
          case .extracted(let d):
            report.loaded.append(file.path)
            if let d { Self.add(d, to: &next) }
          case .failed(let reason):
            report.skipped.append(.init(path: file.path, reason: reason))
          }
        }
        start = end
      }
      next.snapshot = Self.freeze(&next)
      state.withLock { $0 = next }
    }
    return report
  }

  /// Counts what a load has done, from every worker, and hands a copy to the caller's progress
  /// callback one call at a time (workers finish files concurrently).
  final class ProgressMeter: Sendable {
    private let state: Mutex<LoadProgress>
    private let report: (@Sendable (LoadProgress) -> Void)?
    init(total: LoadProgress, report: (@Sendable (LoadProgress) -> Void)?) {
      self.state = Mutex(total)
      self.report = report
    }
    /// One file done: its size and the facts extracted from it.
    func fileDone(bytes: Int, facts: Int) {
      guard let report else { return }
      state.withLock { p in
        p.files += 1
        p.bytes += bytes
        p.facts += facts
        report(p)
      }
    }
  }

  /// Bytes of files read and extracted together before their facts go into the store.
  static let batchBytes = 64 << 20

  /// What became of one file of a load.
  enum Outcome: Sendable {
    /// Read and decoded; its facts, or nil when the file was empty.
    case extracted(DocumentFacts?)
    case failed(String)
  }

  /// Reads, decodes and extracts `files` on all cores; results keep the input order.
  static func readAndExtract(_ files: [DocumentFile], meter: ProgressMeter) -> [Outcome] {
    @Sendable func one(_ file: DocumentFile) -> Outcome {
      switch DocumentReader.read(file) {
      case .success(let text):
        let facts = text.isEmpty ? nil : FactExtractor.extract(path: file.name, text: text)
        meter.fileDone(bytes: file.size, facts: facts.map { $0.facts.count + $0.people.count } ?? 0)
        return .extracted(facts)
      case .failure(let failure):
        meter.fileDone(bytes: file.size, facts: 0)
        return .failed(failure.reason)
      }
    }
    return parallelMap(files.count) { one(files[$0]) }
  }

  /// `body(0..<n)` on all cores, results in index order. Each worker takes the next index from
  /// a shared counter (documents differ in size) and writes its own slot: no lock per result.
  static func parallelMap<T: Sendable>(_ n: Int, _ body: @Sendable (Int) -> T) -> [T] {
    guard n > 1 else { return (0..<n).map(body) }
    let slots = UnsafeMutableBufferPointer<T?>.allocate(capacity: n)
    slots.initialize(repeating: nil)
    defer { slots.deinitialize(); slots.deallocate() }
    let counter = Atomic<Int>(0)
    let workers = min(n, DocumentWalker.coreCount)
    nonisolated(unsafe) let out = slots
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      while true {
        let i = counter.wrappingAdd(1, ordering: .relaxed).oldValue
        guard i < n else { break }
        out[i] = body(i)
      }
    }
    return slots.compactMap { $0 }
  }

  /// Extracts `documents` in parallel, adds them to the store and swaps in a new snapshot.
  /// With a cache whose key matches, the cached snapshot is swapped in instead and the cached
  /// extraction kept aside for a later load to build on (see `takeState`); on a miss the
  /// extraction and snapshot are written to the cache.
  private func ingest(_ documents: [(String, String)], cache: SnapshotCache? = nil) {
    var key: SnapshotCache.Key? = nil
    if cache != nil, let binary = SnapshotCache.BinaryIdentity.current {
      key = SnapshotCache.Key(documents: SnapshotCache.hash(documents), binary: binary)
    }
    if let key, let entry = cache?.load(key) {
      loading.withLock { _ in
        state.withLock { s in
          s.snapshot = entry.snapshot
          s.deferred = Deferred(cached: entry.documents, documents: documents)
        }
      }
      return
    }
    let extracted = Self.parallelMap(documents.count) { FactExtractor.extract(path: documents[$0].0, text: documents[$0].1) }
    loading.withLock { _ in
      var next = takeState()
      for d in extracted { Self.add(d, to: &next) }
      next.snapshot = Self.freeze(&next)
      state.withLock { $0 = next }
      if let cache, let key { cache.store(extracted, snapshot: next.snapshot, key: key) }
    }
  }

  /// Documents whose snapshot came from the cache but whose facts are not in the builder yet.
  struct Deferred: Sendable {
    var cached: SnapshotCache.Deferred
    var documents: [(String, String)]

    /// The extraction: decoded from the cache, or (should that fail) extracted again.
    func extraction() -> [DocumentFacts] {
      if let d = cached.decode() { return d }
      return Engine.parallelMap(documents.count) { FactExtractor.extract(path: documents[$0].0, text: documents[$0].1) }
    }
  }

  /// Adds one document's facts: articles, meetings, projects, indicators and visits straight
  /// into the column builders (article ids run across the corpus, fact ids per entity in
  /// document order, as `Corpus` numbers them); persons and places to the corpus to merge.
  static func add(_ d: DocumentFacts, to s: inout State) {
    let base = s.articles
    for f in d.facts {
      let id = s.lastID[f.entity.ordinal] + 1
      s.lastID[f.entity.ordinal] = id
      s.builder.add(f, id: id, articleBase: base)
    }
    // The corpus numbers articles from its own count, which advances by the same amounts.
    s.corpus.add(DocumentFacts(path: d.path, articleCount: d.articleCount, facts: [], people: d.people, places: d.places))
    s.articles += Int64(d.articleCount)
  }

  /// The snapshot of `s`: the builder's columns, with the merged persons and places first in
  /// their tables.
  static func freeze(_ s: inout State) -> Snapshot {
    var merged: [Entity: StoreBuilder.Prepended] = [:]
    for e in [Entity.person, .place] where s.corpus.rowCount(of: e) > 0 {
      var rows = StoreBuilder.Prepended()
      rows.reserveCapacity(s.corpus.rowCount(of: e))
      s.corpus.forEachRow(of: e) { rows.append($0, id: $1, articleBase: $2) }
      merged[e] = rows
    }
    return s.builder.commit(prepending: merged)
  }

  /// Adds facts directly (embedding, synthetic data); ids are assigned where missing.
  ///
  /// The facts go into the store's column builders and are not kept; the new snapshot shares
  /// the builder's arrays, so adding in batches costs the new rows plus rebuilding the indexes.
  public func add(facts: [Fact]) {
    loading.withLock { _ in
      var next = takeState()
      next.builder.add(contentsOf: facts)
      next.snapshot = Self.freeze(&next)
      state.withLock { $0 = next }
    }
  }

  /// A copy of the state for a load to build on; the state keeps its snapshot but gives up its
  /// builder and corpus, so appending to the copy does not copy them (call under `loading`).
  private func takeState() -> State {
    var copy = state.withLock { s in
      let copy = s
      s.builder = StoreBuilder()
      s.corpus = Corpus()
      s.deferred = nil
      return copy
    }
    if let deferred = copy.deferred {
      // A snapshot from the start-up cache: build on the documents it was made from.
      copy.deferred = nil
      for d in deferred.extraction() { Self.add(d, to: &copy) }
    }
    return copy
  }

  /// Bytes held by the current snapshot's columns, dictionaries and indexes.
  public var storeBytes: Int { snapshot.byteSize }

  /// Parses a statement once so it can be run many times with different parameters.
  public func prepare(_ statement: String) throws(EngineError) -> PreparedStatement {
    do {
      return PreparedStatement(engine: self, text: statement, statement: try Parser.parse(statement))
    } catch {
      throw .statement(error)
    }
  }

  /// Runs one statement with `$1`, `$2` … bound to `parameters` (never pasted into the text).
  /// The parse is kept (`StatementCache`): running the same text again skips it.
  public func run(_ statement: String, parameters: [Value] = []) throws(EngineError) -> ResultSet {
    if let parsed = statements.withLock({ $0.statement(statement) }) {
      return try execute(parsed, text: statement, parameters: parameters)
    }
    let prepared = try prepare(statement)
    statements.withLock { $0.keep(prepared.statement, for: statement) }
    return try prepared.run(parameters: parameters)
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
        let sql = try SQLTranslator.translate(.query(query), parameters: parameters, places: places)
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

