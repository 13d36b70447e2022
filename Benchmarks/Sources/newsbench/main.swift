import BenchSupport
import Glibc
import NewsQ

/// newsbench — the newsq side of scripts/bench.sh. Each command prints one JSON object.
///
///   newsbench text  --data DIR [--truth FILE] [--queries FILE] [--runs N] [--export DIR] [--label L]
///     loads DIR (ingest speed, memory), times the queries, measures recall against truth,
///     exports the facts for the peers.
///   newsbench synth --rows N [--seed S] [--queries FILE] [--runs N] [--export DIR] [--batch N]
///     adds about N generated facts through `engine.add(facts:)`, writes them as CSV, times the queries.
let opts = Options(Array(CommandLine.arguments.dropFirst()))

/// Reads every value of every row, as the peers' `fetchall()` builds every value: a result's
/// text is held as codes into the store and made into a `String` when read, so a timing of the
/// statement alone would leave that work out. Returns a count the caller keeps, so the reads
/// cannot be optimised away.
func fetchEveryValue(_ rs: ResultSet) -> Int {
  var n = 0
  for column in rs.rows.byColumn {
    for v in column {
      switch v {
      case .text(let s): n &+= s.utf8.count
      case .list(let l): n &+= l.count
      case .null: break
      default: n &+= 1
      }
    }
  }
  return n
}

/// Kept so `fetchEveryValue`'s reads stay in the timed code.
nonisolated(unsafe) var fetched = 0

func timeQueries(_ engine: Engine, _ path: String?, runs: Int) -> JSON {
  guard let path else { return .array([]) }
  var out: [JSON] = []
  for q in BenchQuery.load(path) {
    var failure: String? = nil
    var times: [Double] = []
    var fp = (rows: 0, hash: "")
    // At least `runs` timed runs after the warm-up, more (up to 1,000) while they add up to
    // under 0.2 s, so the median of a statement of microseconds is not one scheduler hiccup;
    // bench_peers.py times the peers by the same rule.
    // `--exact`: exactly `runs` timed runs (for profiling: instruction counts per run).
    let exact = opts["exact"] != nil
    var i = 0
    var spent = 0.0
    while i <= max(1, runs) || (!exact && spent < 0.2 && i <= 1000) {
      defer { i += 1 }
      let t0 = wallSeconds()
      do {
        let rs = try engine.run(q.newsq)
        fetched &+= fetchEveryValue(rs)
        let dt = wallSeconds() - t0
        if i > 0 { times.append(dt); spent += dt } else { fp = Canonical.fingerprint(rs, mode: q.mode) }
      } catch {
        failure = "\(error)"
        break
      }
    }
    times.sort()
    let median = times.isEmpty ? -1 : times[times.count / 2]
    var o: [(String, JSON)] = [("name", .string(q.name)), ("median_ms", .number(median * 1000)),
                               ("runs_ms", .array(times.map { .number(($0 * 1e6).rounded() / 1000) })),
                               ("rows", .int(Int64(fp.rows))), ("hash", .string(fp.hash))]
    if let failure { o.append(("error", .string(failure))) }
    out.append(.object(o))
  }
  return .array(out)
}

func sizes(_ engine: Engine) -> (JSON, Int) {
  var total = 0
  var kv: [(String, JSON)] = []
  for (e, n) in engine.tableSizes { kv.append((e.rawValue, .int(Int64(n)))); total += n }
  return (.object(kv), total)
}

func runText() -> JSON {
  guard let data = opts["data"] else { note("newsbench text: --data DIR is required"); exit(2) }
  let (bytes, files) = treeSize(data)
  // The engine (and the gazetteer it builds once) exists before the clock starts, as jionlp's
  // dictionaries are loaded before its clock: ingest speed is per byte of news.
  let engine = Engine.empty()
  let rss0 = residentBytes()
  let cpu0 = cpuSeconds(), wall0 = wallSeconds()
  let report = engine.load(paths: [data])
  let cpu = cpuSeconds() - cpu0, wall = wallSeconds() - wall0
  let rss1 = residentBytes()
  let (tables, rows) = sizes(engine)
  var o: [(String, JSON)] = [
    ("label", .string(opts["label"] ?? data)), ("bytes", .int(Int64(bytes))), ("files", .int(Int64(files))),
    ("loaded", .int(Int64(report.loaded.count))), ("skipped", .int(Int64(report.skipped.count))),
    ("cpu_s", .number(cpu)), ("wall_s", .number(wall)),
    ("mb_per_cpu_s", .number(cpu > 0 ? Double(bytes) / 1e6 / cpu : 0)),
    ("mb_per_wall_s", .number(wall > 0 ? Double(bytes) / 1e6 / wall : 0)),
    ("rows", .int(Int64(rows))), ("tables", tables),
    ("rss_delta", .int(Int64(rss1 - rss0))), ("store_bytes", .int(Int64(engine.storeBytes))),
    ("bytes_per_fact", .number(rows > 0 ? Double(engine.storeBytes) / Double(rows) : 0)),
    ("engine_ready", .bool(rows > 0)),
  ]
  // Wall seconds of each later step, so the whole benchmark's time can be accounted for.
  var t = wallSeconds()
  func lap(_ name: String) { let now = wallSeconds(); o.append((name, .number(now - t))); t = now }
  // Statements are timed right after the load, as the peers time theirs right after loading the
  // exported facts. Recall reads every fact of every table first otherwise, and the statements
  // after it measured 1.1–1.75× slower (malloc's free lists full of that run's strings).
  if opts["queries"] != nil { o.append(("queries", timeQueries(engine, opts["queries"], runs: opts.int("runs", 5)))); lap("queries_s") }
  if let t = opts["truth"] {
    o.append(("recall", .array(Recall.measure(engine: engine, truthPath: t).map {
      .object([("entity", .string($0.0)), ("planted", .int(Int64($0.1))), ("found", .int(Int64($0.2)))])
    })))
    lap("recall_s")
  }
  if let dir = opts["export"] { o.append(("export", .string(exportFacts(engine, to: dir)))); lap("export_s") }
  return .object(o)
}

/// Converts a planted fact to a `Fact` with id and provenance, as extraction would give it.
func fact(_ t: TruthFact, id: Int, article: Int) -> Fact? {
  guard let e = Entity(name: t.entity) else { return nil }
  var f = Fact(e)
  f["id"] = .integer(Int64(id))
  for (k, v) in t.fields where k != "noise" {
    let kind = Schema.field(k, of: e)?.kind
    switch v {
    case .string(let s): f[k] = kind == .date ? (FactDate(iso: s).map { .date($0) } ?? .null) : .text(s)
    case .int(let i): f[k] = .integer(i)
    case .number(let d): f[k] = .number(d)
    case .array(let xs): f[k] = .list(xs.compactMap { $0.string })
    default: break
    }
  }
  let ev = (t["name"]?.string ?? t["to"]?.string ?? e.rawValue)
  f["article"] = .integer(Int64(article))
  f["evidence"] = .text(ev)
  f["span"] = .span(0, ev.unicodeScalars.count)
  return f
}

func runSynth() -> JSON {
  let target = opts.int("rows", 1_000_000)
  let gen = NewsGenerator(seed: UInt64(opts.int("seed", 1)))
  let rss0 = residentBytes()
  let t0 = wallSeconds()
  let engine = Engine.empty()
  var csv = opts["export"].map { CSVExport(dir: $0) }
  var ids: [Entity: Int] = [:]
  var added = 0
  var batch: [Fact] = []
  // Each add(facts:) appends to the store's column builders and rebuilds the indexes.
  let batchSize = opts.int("batch", 1_000_000)
  func push(_ f: Fact) {
    csv?.write(f)
    batch.append(f)
    if batch.count >= batchSize { engine.add(facts: batch); added += batch.count; batch.removeAll(keepingCapacity: true) }
  }
  do {
    var people = PeopleTruth()
    var i = 0
    while added + batch.count + people.rows.count < target {
      let (truth, ppl) = gen.facts(i)
      let path = NewsGenerator.path(of: i)
      for t in truth {
        guard let e = Entity(name: t.entity) else { continue }
        let id = ids[e, default: 0] + 1
        ids[e] = id
        if let f = fact(t, id: id, article: i + 1) { push(f) }
      }
      people.add(ppl, doc: path)
      i += 1
    }
    var pid = 0
    for t in people.facts { pid += 1; if var f = fact(t, id: pid, article: 0) { f["docs"] = .list([t["doc"]?.string ?? ""]); push(f) } }
  }
  if !batch.isEmpty { engine.add(facts: batch); added += batch.count; batch = [] }
  csv?.close()
  let build = wallSeconds() - t0
  let rss1 = residentBytes()
  let (tables, rows) = sizes(engine)
  var o: [(String, JSON)] = [
    ("label", .string("synthetic facts")), ("generated", .int(Int64(added))), ("rows", .int(Int64(rows))), ("tables", tables),
    ("build_s", .number(build)), ("rss_delta", .int(Int64(rss1 - rss0))), ("store_bytes", .int(Int64(engine.storeBytes))),
    ("bytes_per_fact", .number(rows > 0 ? Double(engine.storeBytes) / Double(rows) : 0)),
    ("engine_ready", .bool(rows > 0)),
  ]
  if opts["queries"] != nil { o.append(("queries", timeQueries(engine, opts["queries"], runs: opts.int("runs", 5)))) }
  return .object(o)
}

/// Start-up to the first answer through the embedding API: the engine over the built-in seeds
/// and one statement (what `newsq -c` does, without the shell).
func runFirst() -> JSON {
  do {
    let rs = try Engine().run(opts["query"] ?? "find meeting where city=\"临汾\"")
    return .object([("rows", .int(Int64(rs.rows.count)))])
  } catch {
    return .object([("error", .string("\(error)"))])
  }
}

switch opts.command {
case "first": print(runFirst().text)
case "text": print(runText().text)
case "synth": print(runSynth().text)
default:
  note("usage: newsbench text --data DIR [--truth FILE] [--queries FILE] [--runs N] [--export DIR]\n       newsbench synth --rows N [--seed S] [--queries FILE] [--runs N] [--export DIR]")
  exit(2)
}
