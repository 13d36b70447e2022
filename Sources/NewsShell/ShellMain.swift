import CEditLine
import Glibc
import NewsQ

/// The `newsq` command: parses the command line, builds the engine and runs a session.
public enum ShellMain {
  public static let version = "0.1.0"

  /// Exit statuses of product.md §1.
  public enum ExitStatus {
    public static let success: Int32 = 0
    public static let statementFailed: Int32 = 1
    public static let usage: Int32 = 2
    public static let nothingLoaded: Int32 = 3
  }

  /// Runs `newsq` with `arguments` (without the program name) and returns the exit status.
  /// With `processExitsAfter` (the `newsq` executable) the engine is not freed on return (the
  /// session is, so its outputs are flushed and closed): the process ends next, and releasing
  /// every column of the store would only delay the exit. Under AddressSanitizer
  /// (`ASAN_OPTIONS` set) the engine is freed as usual: LeakSanitizer cannot follow the
  /// pointers Swift tags with an enum's case (the store's columns), so a kept engine would be
  /// reported as leaked.
  public static func run(arguments: [String], environment: ShellEnvironment = .current(),
                         processExitsAfter: Bool = false) -> Int32 {
    let out = DescriptorSink.standardOutput()
    let err = DescriptorSink.standardError()
    defer { out.flush(); err.flush() }
    let color = environment.colorAllowed(forTerminal: environment.stderrIsTerminal)
    let options: ShellOptions
    do {
      options = try CommandLineParser.parse(arguments)
    } catch {
      err.write(usageMessage(error, color: color))
      return ExitStatus.usage
    }
    switch options.action {
    case .help:
      out.write(CommandLineParser.helpText)
      return ExitStatus.success
    case .version:
      out.write("newsq \(version)\n")
      return ExitStatus.success
    case .mentions(let base, let texts):
      nq_ignore_sigpipe()
      var inputs = texts
      if inputs.isEmpty {
        var source = DescriptorLineSource(fd: 0)
        while let line = source.next(prompt: "") { inputs.append(line) }
      }
      for line in Mentions.jsonLines(for: inputs, base: base) { out.write(line + "\n") }
      return ExitStatus.success
    case .run:
      break
    }
    nq_ignore_sigpipe()

    for path in options.dataPaths where !TextFile.exists(path) {
      err.write(usageMessage(UsageError("no such file or directory: \(path)", hint: "--data takes a .txt/.md file or a directory of them"), color: color))
      return ExitStatus.usage
    }

    let engine: Engine
    if options.dataPaths.isEmpty {
      do { engine = try Engine() } catch {
        err.write("newsq: error: cannot load the built-in corpus: \(error)\n")
        return ExitStatus.nothingLoaded
      }
    } else {
      engine = Engine.empty()
    }

    var settings = ShellSettings()
    settings.format = options.format ?? .table
    settings.headers = !options.noHeader
    settings.csvBOM = options.csvBOM
    settings.echo = options.echo
    settings.keepGoing = options.keepGoing
    if environment.stdoutIsTerminal { settings.maxRows = ShellSettings.terminalMaxRows }

    let session = Session(engine: engine, settings: settings, output: out, errors: err, environment: environment)
    session.showsLoadProgress = environment.stderrIsTerminal
    if processExitsAfter && getenv("ASAN_OPTIONS") == nil {
      _ = Unmanaged.passRetained(engine)  // the session still flushes its sinks
    }

    let interactive = options.runs.isEmpty && options.exportDirectory == nil && environment.stdinIsTerminal
    if interactive {
      let target = Unmanaged.passRetained(session.interrupts).toOpaque()
      nq_install_signals({ ctx in
        guard let ctx else { return }
        Unmanaged<InterruptState>.fromOpaque(ctx).takeUnretainedValue().interrupt()
      }, target)
    }

    if !options.dataPaths.isEmpty {
      let report = session.load(paths: options.dataPaths)
      if report.loaded.isEmpty {
        err.write("newsq: error: no document could be loaded from \(options.dataPaths.joined(separator: ", "))\n")
        return ExitStatus.nothingLoaded
      }
    }

    if options.syntheticCount > 0 {
      engine.add(facts: SyntheticFacts.meetings(options.syntheticCount))
    }

    if !options.noRC, let home = environment.variables["HOME"], !home.isEmpty {
      let rc = home.hasSuffix("/") ? home + ".newsqrc" : home + "/.newsqrc"
      if TextFile.exists(rc), case .success(let text) = TextFile.read(path: rc) {
        session.runScript(text, sourceName: rc, directory: Paths.directory(of: rc), stopOnFailure: false)
      }
    }
    let failuresBefore = session.failures

    if let dir = options.exportDirectory {
      guard let literal = quoted(dir) else {
        err.write(usageMessage(UsageError("cannot write a path with both kinds of quote: \(dir)"), color: color))
        return ExitStatus.usage
      }
      let ok = session.execute("export \(literal)", isDotCommand: false, sourceName: "<command-line>", line: 1, directory: ".")
      return ok ? ExitStatus.success : ExitStatus.statementFailed
    }

    if !options.runs.isEmpty {
      let commands = options.commandCount
      for run in options.runs {
        if session.quitRequested { break }
        let ok: Bool
        switch run {
        case .command(let text, let index):
          ok = session.runScript(text, sourceName: SourceName.commandLine(index: index, of: commands))
        case .script(let path):
          if path == "-" {
            var source = DescriptorLineSource(fd: 0)
            ok = session.runPiped(&source)
          } else {
            switch session.runFile(path: path) {
            case .failure(let e):
              err.write(usageMessage(UsageError("cannot read script \(path): \(e)"), color: color))
              return ExitStatus.usage
            case .success(let r): ok = r
            }
          }
        }
        if !ok && !settings.keepGoing { return ExitStatus.statementFailed }
      }
      return session.failures > failuresBefore ? ExitStatus.statementFailed : ExitStatus.success
    }

    if interactive {
      let historyPath = HistoryStore.path(in: environment)
      let banner = "newsq \(version) — type .help for help, Ctrl-D to exit\n"
      if var prompt = EditLineSource(historyPath: historyPath, engine: engine, warn: { err.write($0); err.flush() }) {
        if environment.stdoutIsTerminal { out.write(banner) }
        session.runInteractive(&prompt)
        return ExitStatus.success
      }
      if let why = EditLineSource.unavailableReason {
        err.write("newsq: note: no line editing (\(why)); lines are read as typed\n")
        err.flush()
        if environment.stdoutIsTerminal { out.write(banner) }
        var plain = PlainPromptSource(fd: 0, output: out)
        session.runInteractive(&plain)
        return ExitStatus.success
      }
    }
    var source = DescriptorLineSource(fd: 0)
    let ok = session.runPiped(&source)
    return ok && session.failures == failuresBefore ? ExitStatus.success : ExitStatus.statementFailed
  }

  /// `newsq: error: message` and the hint, for a bad command line.
  static func usageMessage(_ e: UsageError, color: Bool) -> String {
    let red = color ? "\u{1B}[1;31m" : "", reset = color ? "\u{1B}[0m" : ""
    var s = "newsq: \(red)error:\(reset) \(e.message)\n"
    if let h = e.hint { s += "hint: \(h)\n" }
    return s
  }

  /// A string literal for `text`, or nil if it holds both quote kinds.
  static func quoted(_ text: String) -> String? {
    if !text.contains("\"") { return "\"\(text)\"" }
    if !text.contains("'") { return "'\(text)'" }
    return nil
  }
}
