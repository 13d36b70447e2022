import Glibc

/// The few facts about the process's surroundings the shell needs, read once.
public struct ShellEnvironment: Sendable {
  /// Environment variables the shell looks at (`HOME`, `NEWSQ_HISTORY`, `NO_COLOR`, `PAGER`).
  public var variables: [String: String]
  /// Whether standard input, output and error are terminals.
  public var stdinIsTerminal: Bool
  public var stdoutIsTerminal: Bool
  public var stderrIsTerminal: Bool
  /// The terminal's width in cells, or nil when output is not a terminal.
  public var terminalWidth: Int?

  public init(variables: [String: String] = [:], stdinIsTerminal: Bool = false, stdoutIsTerminal: Bool = false,
              stderrIsTerminal: Bool = false, terminalWidth: Int? = nil) {
    self.variables = variables
    self.stdinIsTerminal = stdinIsTerminal
    self.stdoutIsTerminal = stdoutIsTerminal
    self.stderrIsTerminal = stderrIsTerminal
    self.terminalWidth = terminalWidth
  }

  /// The real process environment.
  public static func current() -> ShellEnvironment {
    var vars: [String: String] = [:]
    for name in ["HOME", "NEWSQ_HISTORY", "NO_COLOR", "PAGER", "TERM"] {
      if let v = getenv(name) { vars[name] = String(cString: v) }
    }
    let width = Terminal.columns()
    return ShellEnvironment(variables: vars, stdinIsTerminal: isatty(0) == 1, stdoutIsTerminal: isatty(1) == 1,
                            stderrIsTerminal: isatty(2) == 1, terminalWidth: width > 0 ? width : nil)
  }

  /// Colour is used only on a terminal and never when `NO_COLOR` is set (to anything).
  public func colorAllowed(forTerminal isTerminal: Bool) -> Bool {
    isTerminal && variables["NO_COLOR"] == nil && variables["TERM"] != "dumb"
  }
}
