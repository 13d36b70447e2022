import NewsQ
#if canImport(Glibc)
import Glibc
#endif

/// One fuzz input per target: what each `LLVMFuzzerTestOneInput` does with the bytes.
/// Anything but a trap is a pass: errors are the expected answer to junk.
public enum FuzzOne {
  /// The seed engine, built once per process.
  static let seedEngine: Engine? = try? Engine()

  static func engine() -> Engine? { seedEngine }

  /// Statement text → parse, plan, execute over the seeds; plus the prompt's helpers.
  /// `export` statements are parsed but never run (they would write files anywhere).
  public static func statement(_ bytes: UnsafeBufferPointer<UInt8>) {
    let text = String(decoding: bytes, as: UTF8.self)
    guard let engine = engine() else { return }
    _ = engine.isComplete(text)
    let count = text.unicodeScalars.count
    _ = engine.completions(for: text, cursor: count)
    if count > 0 { _ = engine.completions(for: text, cursor: Int(bytes.count % (count + 1))) }
    for chunk in StatementSplitter.split(text) where !chunk.isDotCommand {
      run(chunk.text, on: engine)
    }
    run(text, on: engine)
  }

  static func run(_ text: String, on engine: Engine) {
    do {
      let parsed = try Parser.parse(text)
      if case .export = parsed { return }
    } catch {
      _ = error.location(in: text)
      _ = error.rendered(source: text, sourceName: "<fuzz>")
      return
    }
    do {
      let result = try engine.run(text)
      _ = result.rows.count
    } catch {
      if case .statement(let d) = error { _ = d.rendered(source: text, sourceName: "<fuzz>") }
    }
  }

  /// Document bytes → a file → `load` (read, sniff UTF-8/UTF-16/GB18030, decode, normalise,
  /// extract) → a query over every entity.
  public static func document(_ bytes: UnsafeBufferPointer<UInt8>) {
    let path = documentPath
    guard let f = fopen(path, "wb") else { return }
    if let base = bytes.baseAddress, bytes.count > 0 { _ = fwrite(base, 1, bytes.count, f) }
    fclose(f)
    let engine = Engine.empty()
    let report = engine.load(paths: [path])
    if report.loaded.count + report.skipped.count != 1 { fatalError("load: \(report)") }
    for entity in ["article", "meeting", "person", "place", "project", "indicator", "visit"] {
      _ = try? engine.run("find \(entity)")
      _ = try? engine.run("count \(entity) by city")
    }
  }

  /// A per-process scratch file for `document`, removed when the process exits.
  static let documentPath: String = {
    let dir = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
    atexit { _ = unlink(FuzzOne.documentPath) }
    return dir + "/newsq-fuzz-\(getpid()).txt"
  }()

  /// Text → mentions, with and without a base date; every line must be JSON-shaped.
  public static func mentions(_ bytes: UnsafeBufferPointer<UInt8>) {
    let text = String(decoding: bytes, as: UTF8.self)
    let lines = Mentions.jsonLines(for: [text], base: nil)
    let based = Mentions.jsonLines(for: [text], base: FactDate(year: 2024, month: 12, day: 31))
    for line in lines + based where !(line.hasPrefix("{") && line.hasSuffix("}")) {
      fatalError("mentions: not a JSON object: \(line)")
    }
  }
}
