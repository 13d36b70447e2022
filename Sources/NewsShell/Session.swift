import NewsQ

/// One run of the shell: statements and dot commands in, rendered results and errors out.
///
/// The same session serves the prompt, scripts, `-c` and pipes; it never touches a terminal
/// itself (lines come from a `LineSource`, text goes to `OutputSink`s), so tests drive it
/// with lists of lines and read buffers.
public final class Session {
  public let engine: Engine
  public var settings: ShellSettings
  /// Where results go now (`.output` changes it).
  public private(set) var output: OutputSink
  /// Standard output, restored by `.output` without a file.
  public let standardOutput: OutputSink
  /// Errors, warnings, notes, progress.
  public let errors: OutputSink
  public let environment: ShellEnvironment
  /// `.once FILE`: the next statement's output only.
  private var once: OutputSink? = nil
  /// Sinks that already received a CSV byte order mark.
  private var bomWritten: Set<ObjectIdentifier> = []
  /// Statements (and dot commands) that failed so far.
  public private(set) var failures = 0
  /// Set by `.quit`/`.exit`.
  public private(set) var quitRequested = false
  /// Ctrl-C while a statement runs cancels it through this.
  public let interrupts: InterruptState
  /// Whether this session is the interactive prompt (errors never stop it).
  public var isInteractive = false
  /// Progress line for loads (nil when stderr is not a terminal).
  public var showsLoadProgress = false
  private var readDepth = 0

  public init(engine: Engine, settings: ShellSettings = ShellSettings(), output: OutputSink, errors: OutputSink,
              environment: ShellEnvironment = ShellEnvironment()) {
    self.engine = engine
    self.settings = settings
    self.output = output
    self.standardOutput = output
    self.errors = errors
    self.environment = environment
    self.interrupts = InterruptState(engine: engine)
  }

  var errorColor: Bool { environment.colorAllowed(forTerminal: errors.isTerminal) }

  // MARK: - Scripts and pipes

  /// Runs every statement of `text` in order. Stops at the first failure (and returns false)
  /// unless `--keep-going`; `directory` is where `.read` and `.load` resolve relative paths.
  @discardableResult
  public func runScript(_ text: String, sourceName: String, directory: String = ".", stopOnFailure: Bool = true) -> Bool {
    var allOK = true
    for chunk in StatementSplitter.split(text) {
      if quitRequested { break }
      let ok = execute(chunk.text, isDotCommand: chunk.isDotCommand, sourceName: sourceName, line: chunk.line, directory: directory,
                       script: (text, chunk.offset))
      if !ok {
        allOK = false
        if stopOnFailure, !settings.keepGoing { return false }
      }
    }
    return allOK
  }

  /// Reads a non-interactive source (a pipe) to its end, then runs it as a script.
  @discardableResult
  public func runPiped<S: LineSource>(_ source: inout S, sourceName: String = SourceName.stdin) -> Bool {
    var lines: [String] = []
    while let line = source.next(prompt: "") { lines.append(line) }
    return runScript(lines.joined(separator: "\n"), sourceName: sourceName)
  }

  // MARK: - The prompt

  /// The prompt loop: `newsq> ` / `   ...> `, a statement runs when the engine calls it
  /// complete, each statement becomes one history entry, errors keep the session going.
  /// Ctrl-C abandons the line (twice on an empty line says how to exit); Ctrl-D exits.
  public func runInteractive<S: LineSource>(_ source: inout S) {
    isInteractive = true
    let color = environment.colorAllowed(forTerminal: environment.stdoutIsTerminal)
    let primary = color ? "\u{1}\u{1B}[1;32m\u{1}newsq>\u{1}\u{1B}[0m\u{1} " : "newsq> "
    let continuation = color ? "\u{1}\u{1B}[2m\u{1}   ...>\u{1}\u{1B}[0m\u{1} " : "   ...> "
    var buffer: [String] = []
    var emptyInterrupts = 0
    while !quitRequested {
      output.flush()
      errors.flush()
      guard let line = source.next(prompt: buffer.isEmpty ? primary : continuation) else {
        if environment.stdoutIsTerminal { output.write("\n") }
        if !buffer.isEmpty {
          let text = buffer.joined(separator: "\n")
          source.remember(text)
          runScript(text, sourceName: SourceName.stdin, stopOnFailure: false)
        }
        break
      }
      if source.lastLineInterrupted {
        if buffer.isEmpty && line.isEmpty {
          emptyInterrupts += 1
          if emptyInterrupts >= 2 {
            errors.write("(To exit, press Ctrl-D on an empty line or type .quit)\n")
            emptyInterrupts = 0
          }
        } else {
          emptyInterrupts = 0
        }
        buffer.removeAll()
        continue
      }
      emptyInterrupts = 0
      if buffer.isEmpty {
        let trimmed = line.trimmingBlank()
        if trimmed.isEmpty { continue }
        if trimmed.hasPrefix(".") {
          source.remember(trimmed)
          execute(trimmed, isDotCommand: true, sourceName: SourceName.stdin, line: 1, directory: ".")
          continue
        }
      }
      buffer.append(line)
      let text = buffer.joined(separator: "\n")
      if engine.isComplete(text) {
        buffer.removeAll()
        source.remember(text)
        runScript(text, sourceName: SourceName.stdin, stopOnFailure: false)
      }
    }
    output.flush()
    errors.flush()
  }

  // MARK: - One statement or dot command

  /// Runs one statement or dot command; false when it failed (the error is already printed).
  @discardableResult
  public func execute(_ text: String, isDotCommand: Bool, sourceName: String, line: Int, directory: String,
                      script: (text: String, offset: Int)? = nil) -> Bool {
    let place = Place(text: text, sourceName: sourceName, line: line, script: script)
    let ok: Bool
    if isDotCommand {
      ok = runDotCommand(text, place: place, directory: directory)
    } else {
      ok = runStatement(text, place: place)
    }
    if !ok { failures += 1 }
    output.flush()
    errors.flush()
    return ok
  }

  private func runStatement(_ text: String, place: Place) -> Bool {
    let sink = once ?? output
    defer {
      if let o = once { o.flush(); once = nil }
    }
    if settings.echo { sink.write(text + "\n") }
    let watch = settings.timer ? Stopwatch() : nil
    interrupts.setRunning(true)
    let result: ResultSet
    do {
      result = try engine.run(text)
      interrupts.setRunning(false)
    } catch {
      interrupts.setRunning(false)
      switch error {
      case .statement(let d):
        report(d, at: place)
      case .cancelled:
        errors.write("Interrupted\n")
      case .io(let path, let reason):
        report(Diagnostic("cannot use \(path): \(reason)", at: 0..<firstLineLength(text)), at: place)
      }
      if let watch { sink.write(watch.report()) }
      return false
    }
    sink.write(render(result, for: sink))
    if !result.notes.isEmpty { sink.flush() }  // the notes follow the table they are about
    for note in result.notes { errors.write("note: \(note)\n") }
    if let watch { sink.write(watch.report()) }
    return true
  }

  /// The rendered text of `result` for `sink`, with the session's settings.
  func render(_ result: ResultSet, for sink: OutputSink) -> String {
    // `explain` and `explain sql` read best as the plain text they are, as in psql and DuckDB.
    if settings.format == .table, result.columns.count == 1, ["plan", "sql"].contains(result.columns[0].name) {
      return result.rows.map { $0.first?.description ?? "" }.joined(separator: "\n") + "\n"
    }
    var options = RenderOptions()
    options.headers = settings.headers
    options.nullValue = settings.nullValue
    options.widths = settings.widths
    if settings.format == .table {
      options.maxRows = settings.maxRows
      if sink.isTerminal {
        let w = Terminal.columns()
        options.terminalWidth = w > 0 ? w : environment.terminalWidth
      }
    }
    if settings.format == .table || settings.format == .markdown {
      options.mainColumnsOnly = Self.mainColumns(of: result)
    }
    if settings.format == .csv, settings.csvBOM, !bomWritten.contains(ObjectIdentifier(sink)) {
      options.csvBOM = true
      bomWritten.insert(ObjectIdentifier(sink))
    }
    return Renderer.render(result, as: settings.format, options: options)
  }

  /// The main fields when `result` has exactly an entity's fields (a `find` without `show`).
  public static func mainColumns(of result: ResultSet) -> [String]? {
    let names = result.columns.map(\.name)
    for entity in Entity.allCases {
      let fields = Schema.fields(of: entity)
      if fields.map(\.name) == names { return fields.filter(\.isMain).map(\.name) }
    }
    return nil
  }

  /// Where a statement came from, for error messages.
  struct Place {
    var text: String
    var sourceName: String
    var line: Int
    /// The whole script and the statement's offset in it: errors point into the script, so a
    /// statement after a `;` gets the right column.
    var script: (text: String, offset: Int)?
  }

  /// Prints `SOURCE:LINE:COL: error: message`, the line, a caret line under the offending text
  /// (in cells) and hint/notes; `d.range` is relative to the statement's text.
  func report(_ d: Diagnostic, at place: Place) {
    let text: String
    if let script = place.script, script.offset >= 0 {
      text = d.shifted(by: script.offset).rendered(source: script.text, sourceName: place.sourceName, lineOffset: 0, color: errorColor)
    } else {
      text = d.rendered(source: place.text, sourceName: place.sourceName, lineOffset: place.line - 1, color: errorColor)
    }
    errors.write(text + "\n")
  }

  func firstLineLength(_ text: String) -> Int { text.unicodeScalars.prefix { $0 != "\n" }.count }

  // MARK: - Output redirection (used by dot commands)

  func setOutput(_ sink: OutputSink) {
    output.flush()
    output = sink
  }

  func setOnce(_ sink: OutputSink) { once = sink }

  func requestQuit() { quitRequested = true }

  /// Loads documents with a progress line on a terminal; warns about skipped files.
  public func load(paths: [String]) -> LoadReport {
    let progress = showsLoadProgress ? LoadProgressLine() : nil
    interrupts.setRunning(true)
    var callback: (@Sendable (LoadProgress) -> Void)? = nil
    if let progress { callback = { progress.report($0) } }
    let report = engine.load(paths: paths, progress: callback)
    interrupts.setRunning(false)
    progress?.finish()
    for s in report.skipped { errors.write("warning: skipped \(s.path): \(s.reason)\n") }
    errors.flush()
    return report
  }

  /// Runs a script file for `.read` (and the command line), relative paths inside it resolve
  /// against its own directory. Depth is bounded so a script that reads itself stops.
  func runFile(path: String, sourceName: String? = nil) -> Result<Bool, SystemError> {
    guard readDepth < 32 else { return .failure(SystemError(code: 40 /* ELOOP */)) }
    switch TextFile.read(path: path) {
    case .failure(let e): return .failure(e)
    case .success(let text):
      readDepth += 1
      defer { readDepth -= 1 }
      return .success(runScript(text, sourceName: sourceName ?? path, directory: Paths.directory(of: path)))
    }
  }
}
