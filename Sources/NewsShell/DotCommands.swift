import NewsQ

/// One dot command: its name, its argument synopsis and its one-line `.help`.
public struct DotCommand: Sendable, Hashable {
  public var name: String
  public var arguments: String
  public var help: String
}

/// The dot commands of product.md §4.
public enum DotCommands {
  public static let all: [DotCommand] = [
    DotCommand(name: ".help", arguments: "[COMMAND]", help: "show this list, or the help of one command"),
    DotCommand(name: ".tables", arguments: "", help: "list the entities with their row counts"),
    DotCommand(name: ".schema", arguments: "[ENTITY]", help: "show the fields of every entity, or of one"),
    DotCommand(name: ".load", arguments: "PATH …", help: "add documents (.txt, .md files or directories)"),
    DotCommand(name: ".read", arguments: "FILE", help: "run the statements of FILE (relative to the script that reads it)"),
    DotCommand(name: ".mode", arguments: "[FORMAT]", help: "output format: table, csv, json, jsonl, markdown"),
    DotCommand(name: ".headers", arguments: "on|off", help: "show or hide the header row"),
    DotCommand(name: ".nullvalue", arguments: "TEXT", help: "text shown for unknown values in table, markdown and csv"),
    DotCommand(name: ".maxrows", arguments: "N", help: "rows shown in a table before \"N more rows\" (0: all)"),
    DotCommand(name: ".width", arguments: "N …", help: "fixed column widths in cells (0: automatic; no argument: reset)"),
    DotCommand(name: ".output", arguments: "[FILE]", help: "send results to FILE, or back to the screen without one"),
    DotCommand(name: ".once", arguments: "FILE", help: "send the next result only to FILE"),
    DotCommand(name: ".timer", arguments: "on|off", help: "print real, user and system time after each statement"),
    DotCommand(name: ".show", arguments: "", help: "show the current settings"),
    DotCommand(name: ".quit", arguments: "", help: "leave newsq (also .exit or Ctrl-D)"),
    DotCommand(name: ".exit", arguments: "", help: "leave newsq (also .quit or Ctrl-D)"),
  ]

  /// The `.help` text: one line per command, aligned.
  public static var helpText: String {
    let width = all.map { ($0.name + " " + $0.arguments).count }.max() ?? 0
    return all.map { c in
      let head = c.arguments.isEmpty ? c.name : c.name + " " + c.arguments
      return head + String(repeating: " ", count: width - head.count + 2) + c.help
    }.joined(separator: "\n") + "\n"
  }
}

/// A word of a dot command line and where it is (scalar offsets), for carets.
struct DotWord {
  var text: String
  var range: Range<Int>
}

/// Splits a dot command line into words; `"…"` and `'…'` group words with spaces.
func dotWords(_ line: String) -> [DotWord] {
  var words: [DotWord] = []
  let s = Array(line.unicodeScalars)
  var i = 0
  while i < s.count {
    while i < s.count, s[i] == " " || s[i] == "\t" { i += 1 }
    guard i < s.count else { break }
    let start = i
    var text = String.UnicodeScalarView()
    if s[i] == "\"" || s[i] == "'" {
      let q = s[i]
      i += 1
      while i < s.count, s[i] != q { text.append(s[i]); i += 1 }
      if i < s.count { i += 1 }
    } else {
      while i < s.count, s[i] != " " && s[i] != "\t" { text.append(s[i]); i += 1 }
    }
    words.append(DotWord(text: String(text), range: start..<i))
  }
  return words
}

extension Session {
  /// Runs a dot command line; false (with the error printed) when it failed.
  func runDotCommand(_ line: String, place: Place, directory: String) -> Bool {
    let words = dotWords(line)
    guard let first = words.first else { return true }
    let args = Array(words.dropFirst())
    let name = first.text.lowercased()
    func fail(_ message: String, hint: String? = nil, at word: DotWord? = nil) -> Bool {
      report(Diagnostic(message, at: (word ?? first).range, hint: hint), at: place)
      return false
    }
    func onOff(_ what: String) -> Bool? {
      guard let a = args.first else { return nil }
      switch a.text.lowercased() {
      case "on", "yes", "true", "1": return true
      case "off", "no", "false", "0": return false
      default: return nil
      }
    }
    func resolve(_ path: String) -> String {
      Paths.resolve(path, against: directory, home: environment.variables["HOME"])
    }

    switch name {
    case ".help":
      if let a = args.first {
        let wanted = a.text.hasPrefix(".") ? a.text.lowercased() : "." + a.text.lowercased()
        guard let c = DotCommands.all.first(where: { $0.name == wanted }) else {
          return fail("no dot command '\(a.text)'", hint: suggestion(for: wanted), at: a)
        }
        output.write((c.arguments.isEmpty ? c.name : c.name + " " + c.arguments) + "  " + c.help + "\n")
      } else {
        output.write(DotCommands.helpText)
      }
    case ".tables":
      let sizes = engine.tableSizes
      let w = sizes.map { $0.0.rawValue.count }.max() ?? 0
      for (entity, rows) in sizes {
        output.write(entity.rawValue + String(repeating: " ", count: w - entity.rawValue.count + 2) + "\(rows) rows\n")
      }
    case ".schema":
      var entities = Entity.allCases
      if let a = args.first {
        guard let e = Entity(name: a.text) else {
          let close = Suggest.closest(a.text, among: Entity.allCases.map(\.rawValue))
          return fail("no entity '\(a.text)'", hint: close.map { "did you mean '\($0)'?" } ?? "entities: " + Entity.allCases.map(\.rawValue).joined(separator: ", "), at: a)
        }
        entities = [e]
      }
      for e in entities { output.write(Self.schemaText(e)) }
    case ".load":
      guard !args.isEmpty else { return fail("usage: .load PATH …", hint: "give a file or a directory of .txt/.md documents") }
      for a in args where !TextFile.exists(resolve(a.text)) {
        return fail("no such file or directory: \(a.text)", at: a)
      }
      let before = engine.tableSizes.reduce(0) { $0 + $1.1 }
      let report = load(paths: args.map { resolve($0.text) })
      let after = engine.tableSizes.reduce(0) { $0 + $1.1 }
      if report.loaded.isEmpty {
        return fail("no document could be loaded from \(args.map(\.text).joined(separator: " "))")
      }
      if isInteractive {
        errors.write("loaded \(report.loaded.count) document\(report.loaded.count == 1 ? "" : "s"), \(max(0, after - before)) new facts\n")
      }
    case ".read":
      guard let a = args.first else { return fail("usage: .read FILE") }
      switch runFile(path: resolve(a.text)) {
      case .failure(let e) where e.code == 40:
        return fail("cannot read \(a.text): scripts nested too deeply", hint: "does a script .read itself?", at: a)
      case .failure(let e): return fail("cannot read \(a.text): \(e)", at: a)
      case .success(let ok): return ok
      }
    case ".mode":
      guard let a = args.first else {
        output.write("\(settings.format.rawValue)\n")
        return true
      }
      let m = a.text.lowercased()
      let aliases: [String: OutputFormat] = ["box": .table, "md": .markdown, "ndjson": .jsonl]
      guard let f = OutputFormat(rawValue: m) ?? aliases[m] else {
        let names = OutputFormat.allCases.map(\.rawValue)
        let close = Suggest.closest(m, among: names)
        return fail("unknown mode '\(a.text)'", hint: (close.map { "did you mean '\($0)'? " } ?? "") + "modes: " + names.joined(separator: ", "), at: a)
      }
      settings.format = f
    case ".headers", ".header":
      guard let v = onOff("headers") else { return fail("usage: .headers on|off", at: args.first) }
      settings.headers = v
    case ".nullvalue":
      settings.nullValue = args.first?.text ?? ""
    case ".maxrows":
      guard let a = args.first, let n = Int(a.text), n >= 0 else { return fail("usage: .maxrows N (0 shows all rows)", at: args.first) }
      settings.maxRows = n == 0 ? nil : n
    case ".width":
      var widths: [Int] = []
      for a in args {
        guard let n = Int(a.text), n >= 0, n <= 10_000 else { return fail("'\(a.text)' is not a width", hint: "widths are cells, 0 for automatic", at: a) }
        widths.append(n)
      }
      settings.widths = widths
    case ".output":
      guard let a = args.first else { setOutput(standardOutput); return true }
      if a.text == "stdout" || a.text == "-" { setOutput(standardOutput); return true }
      switch DescriptorSink.file(path: resolve(a.text)) {
      case .failure(let e): return fail("cannot write \(a.text): \(e)", at: a)
      case .success(let sink): setOutput(sink)
      }
    case ".once":
      guard let a = args.first else { return fail("usage: .once FILE") }
      switch DescriptorSink.file(path: resolve(a.text)) {
      case .failure(let e): return fail("cannot write \(a.text): \(e)", at: a)
      case .success(let sink): setOnce(sink)
      }
    case ".timer":
      guard let v = onOff("timer") else { return fail("usage: .timer on|off", at: args.first) }
      settings.timer = v
    case ".show":
      output.write(showText())
    case ".quit", ".exit", ".q":
      requestQuit()
    default:
      return fail("unknown command \(first.text)", hint: suggestion(for: name) ?? "type .help for the list")
    }
    return true
  }

  private func suggestion(for name: String) -> String? {
    Suggest.closest(name, among: DotCommands.all.map(\.name)).map { "did you mean \($0)?" }
  }

  /// `.show`: the current settings, one per line.
  func showText() -> String {
    let rows: [(String, String)] = [
      ("mode", settings.format.rawValue),
      ("headers", settings.headers ? "on" : "off"),
      ("nullvalue", "\"\(settings.nullValue)\""),
      ("maxrows", settings.maxRows.map(String.init) ?? "0 (all)"),
      ("width", settings.widths.isEmpty ? "auto" : settings.widths.map(String.init).joined(separator: " ")),
      ("output", output === standardOutput ? "stdout" : "file"),
      ("timer", settings.timer ? "on" : "off"),
      ("echo", settings.echo ? "on" : "off"),
      ("keep-going", settings.keepGoing ? "on" : "off"),
    ]
    return rows.map { String(repeating: " ", count: 10 - $0.0.count) + $0.0 + ": " + $0.1 }.joined(separator: "\n") + "\n"
  }

  /// `.schema E`: the entity and each field with its kind.
  static func schemaText(_ e: Entity) -> String {
    let fields = Schema.fields(of: e)
    let w = fields.map(\.name.count).max() ?? 0
    var out = "\(e.rawValue)\n"
    for f in fields {
      out += "  " + f.name + String(repeating: " ", count: w - f.name.count + 2) + kindName(f.kind) + (f.isMain ? "" : "") + "\n"
    }
    return out
  }

  static func kindName(_ k: FieldKind) -> String {
    switch k {
    case .text: return "text"
    case .place(let level): return level.map { "place (\($0.rawValue))" } ?? "place"
    case .integer: return "integer"
    case .number: return "number"
    case .money(let c): return "money (currency in \(c))"
    case .quantity(let u): return "quantity (unit in \(u))"
    case .area: return "area (m²)"
    case .date: return "date"
    case .textList: return "list of text"
    case .span: return "span"
    }
  }
}
