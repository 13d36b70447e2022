import NewsQ

/// Everything the command line asked for (product.md §1), parsed by hand so that no argument
/// library (and no Foundation) lands on the start-up path.
public struct ShellOptions: Sendable, Hashable {
  /// One unit of work in command-line order: a `-c` statement or a script file.
  public enum Run: Sendable, Hashable {
    /// `-c TEXT`; `index` is 1 for the first `-c`.
    case command(String, index: Int)
    /// `-f FILE` or a positional script path.
    case script(String)
  }

  /// What the process does.
  public enum Action: Sendable, Hashable {
    /// Runs statements: `-c`/scripts, a pipe, or the interactive shell.
    case run
    case version
    case help
    /// `newsq mentions [--base DATE] [TEXT …]`; no texts means one per line of stdin.
    case mentions(base: FactDate?, texts: [String])
  }

  public var action: Action = .run
  /// `--data PATH`, repeatable; empty means the built-in corpus.
  public var dataPaths: [String] = []
  public var runs: [Run] = []
  /// `--format`; nil keeps the default (table).
  public var format: OutputFormat? = nil
  public var keepGoing = false
  public var echo = false
  public var noHeader = false
  public var csvBOM = false
  public var noRC = false
  /// `--export DIR`: write the facts out and exit.
  public var exportDirectory: String? = nil
  /// `--synthetic N`: add N generated meetings (testing and benchmarks at scale).
  public var syntheticCount = 0

  public init() {}

  /// The number of `-c` statements (their sources are `<command-line>#N` when there are several).
  public var commandCount: Int {
    runs.reduce(0) { if case .command = $1 { return $0 + 1 } else { return $0 } }
  }
}

/// A bad command line: exit status 2.
public struct UsageError: Error, Sendable, Hashable {
  public var message: String
  public var hint: String?
  public init(_ message: String, hint: String? = nil) { self.message = message; self.hint = hint }
}

/// Parses `newsq`'s arguments (without the program name).
public enum CommandLineParser {
  static let valueOptions = ["--data", "-c", "-f", "--format", "--export", "--synthetic"]
  static let flagOptions = ["--keep-going", "--echo", "--no-header", "--csv-bom", "--no-rc", "--version", "--help", "-h"]

  public static func parse(_ arguments: [String]) throws(UsageError) -> ShellOptions {
    var options = ShellOptions()
    if arguments.first == "mentions" {
      return try parseMentions(Array(arguments.dropFirst()))
    }
    var i = 0
    var commandIndex = 0
    var onlyPositional = false
    func value(_ name: String, inline: String?) throws(UsageError) -> String {
      if let inline { return inline }
      i += 1
      guard i < arguments.count else { throw UsageError("option \(name) needs a value", hint: "see `newsq --help`") }
      return arguments[i]
    }
    while i < arguments.count {
      let arg = arguments[i]
      if onlyPositional || arg == "-" || !arg.hasPrefix("-") {
        options.runs.append(.script(arg))
        i += 1
        continue
      }
      if arg == "--" { onlyPositional = true; i += 1; continue }
      var name = arg
      var inline: String? = nil
      if arg.hasPrefix("--"), let eq = arg.firstIndex(of: "=") {
        name = String(arg[..<eq])
        inline = String(arg[arg.index(after: eq)...])
      }
      if inline != nil, flagOptions.contains(name) {
        throw UsageError("option \(name) takes no value", hint: "write \(name) alone")
      }
      switch name {
      case "--data": options.dataPaths.append(try value(name, inline: inline))
      case "-c":
        commandIndex += 1
        options.runs.append(.command(try value(name, inline: inline), index: commandIndex))
      case "-f": options.runs.append(.script(try value(name, inline: inline)))
      case "--format":
        let f = try value(name, inline: inline)
        guard let format = OutputFormat(rawValue: f.lowercased()) else {
          let names = OutputFormat.allCases.map(\.rawValue)
          let close = Suggest.closest(f, among: names)
          throw UsageError("unknown format '\(f)'", hint: close.map { "did you mean '\($0)'? formats: \(names.joined(separator: ", "))" } ?? "formats: \(names.joined(separator: ", "))")
        }
        options.format = format
      case "--export": options.exportDirectory = try value(name, inline: inline)
      case "--synthetic":
        let v = try value(name, inline: inline)
        guard let n = Int(v), n >= 0, n <= 100_000_000 else {
          throw UsageError("--synthetic takes a number of facts, not '\(v)'", hint: "for example --synthetic 1000000")
        }
        options.syntheticCount = n
      case "--keep-going": options.keepGoing = true
      case "--echo": options.echo = true
      case "--no-header": options.noHeader = true
      case "--csv-bom": options.csvBOM = true
      case "--no-rc": options.noRC = true
      case "--version": options.action = .version
      case "--help", "-h": options.action = .help
      default:
        if inline != nil, !valueOptions.contains(name) {
          throw UsageError("option \(name) takes no value")
        }
        let close = Suggest.closest(name, among: valueOptions + flagOptions)
        throw UsageError("unknown option '\(arg)'", hint: close.map { "did you mean '\($0)'?" } ?? "see `newsq --help`")
      }
      i += 1
    }
    return options
  }

  private static func parseMentions(_ arguments: [String]) throws(UsageError) -> ShellOptions {
    var options = ShellOptions()
    var base: FactDate? = nil
    var texts: [String] = []
    var i = 0
    var onlyTexts = false
    while i < arguments.count {
      let arg = arguments[i]
      if !onlyTexts, arg == "--" { onlyTexts = true; i += 1; continue }
      if !onlyTexts, arg == "--base" || arg.hasPrefix("--base=") {
        var v: String
        if arg == "--base" {
          i += 1
          guard i < arguments.count else { throw UsageError("option --base needs a date", hint: "for example --base 2024-12-31") }
          v = arguments[i]
        } else {
          v = String(arg.dropFirst("--base=".count))
        }
        guard let d = FactDate(iso: v), d.year != nil else {
          throw UsageError("'\(v)' is not a date", hint: "write it as YYYY-MM-DD, for example 2024-12-31")
        }
        base = d
      } else if !onlyTexts, arg.hasPrefix("--"), arg.count > 2 {
        throw UsageError("unknown option '\(arg)' for mentions", hint: "usage: newsq mentions [--base DATE] [TEXT …]")
      } else {
        texts.append(arg)
      }
      i += 1
    }
    options.action = .mentions(base: base, texts: texts)
    return options
  }

  /// `newsq --help`.
  public static let helpText = """
    newsq — query facts extracted from Chinese local-government news

    Usage:
      newsq [OPTIONS] [SCRIPT.q …]          run scripts in order, or start the shell
      newsq -c 'find meeting where city="临汾"'
      newsq < report.q                      statements from a pipe
      newsq mentions [--base DATE] [TEXT …] what the recognisers see in a text

    Options:
      --data PATH       load .txt/.md files or directories instead of the built-in corpus (repeatable)
      -c STATEMENT      run one statement (repeatable), print, exit
      -f FILE           run a script file (repeatable; the same as a positional SCRIPT)
      --format FORMAT   table (default), csv, json, jsonl, markdown
      --keep-going      scripts go on after a failing statement
      --echo            print each statement before its result
      --no-header       csv/markdown/table without the header row
      --csv-bom         a UTF-8 byte order mark before CSV (for Excel)
      --no-rc           skip ~/.newsqrc
      --export DIR      write the facts out and exit
      --synthetic N     add N generated meetings (for trying newsq at scale)
      --version         print the version
      --help            print this help

    Exit status: 0 success, 1 a statement failed, 2 bad command line, 3 no document could be loaded.
    In the shell, type .help for the dot commands.

    """
}
