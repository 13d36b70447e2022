import Foundation
import Testing

/// The built `newsq` executable: next to the test bundle, else under the package's .build.
func newsqBinary() throws -> String {
  var candidates: [String] = []
  if let exe = CommandLine.arguments.first {
    var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
    // The bundle may be a directory (…/newsqPackageTests.xctest/…); walk up a few levels.
    for _ in 0..<4 {
      candidates.append(dir.appendingPathComponent("newsq").path)
      dir = dir.deletingLastPathComponent()
    }
  }
  let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  candidates.append(root.appendingPathComponent(".build/debug/newsq").path)
  for c in candidates where FileManager.default.isExecutableFile(atPath: c) { return c }
  throw BinaryMissing(tried: candidates)
}

struct BinaryMissing: Error, CustomStringConvertible {
  var tried: [String]
  var description: String { "newsq binary not found (run `swift build` first); tried \(tried)" }
}

/// The directory this test process keeps its temporary directories in, removed with
/// everything in it when the process exits (a test's directory may outlive the test's own
/// scope: a terminal session still reads its history file).
let testScratch: URL = {
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent("newsq-tests-\(getpid())-\(UUID().uuidString)")
  try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  atexit { try? FileManager.default.removeItem(at: testScratch) }
  return dir
}()

/// A fresh temporary directory, under `testScratch`.
func temporaryDirectory(_ label: String) throws -> URL {
  let dir = testScratch.appendingPathComponent("\(label)-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  return dir
}

/// The output of one run of a command.
struct RunResult {
  var status: Int32
  var stdout: String
  var stderr: String
  /// True when the child died of a signal (a crash), not by exiting.
  var signalled = false
}

/// Runs `executable` with `arguments`, `stdin` piped in, and `environment` added.
func run(_ executable: String, _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:], directory: URL? = nil) throws -> RunResult {
  try run(executable, arguments, stdinBytes: Array((stdin ?? "").utf8), environment: environment, directory: directory)
}

/// Runs `executable` with `arguments`, the raw `stdinBytes` piped in (any bytes, valid UTF-8
/// or not), and `environment` added.
func run(_ executable: String, _ arguments: [String], stdinBytes: [UInt8], environment: [String: String] = [:], directory: URL? = nil) throws -> RunResult {
  let p = Process()
  p.executableURL = URL(fileURLWithPath: executable)
  p.arguments = arguments
  var env = ProcessInfo.processInfo.environment
  env["NO_COLOR"] = nil
  for (k, v) in environment { env[k] = v }
  p.environment = env
  if let directory { p.currentDirectoryURL = directory }
  let out = Pipe(), err = Pipe(), inp = Pipe()
  p.standardOutput = out
  p.standardError = err
  p.standardInput = inp
  try p.run()
  // Feed stdin and drain stderr on their own threads while this one drains stdout: a child
  // that fills one pipe's buffer while we wait on another would otherwise deadlock the test.
  let group = DispatchGroup()
  let errorBytes = PipeBytes()
  let input = inp.fileHandleForWriting
  let stdinBytes = Data(stdinBytes)
  signal(SIGPIPE, SIG_IGN)  // a child that exits without reading its input must not kill the tests
  DispatchQueue.global().async(group: group) {
    if !stdinBytes.isEmpty { try? input.write(contentsOf: stdinBytes) }
    try? input.close()
  }
  let errorHandle = err.fileHandleForReading
  DispatchQueue.global().async(group: group) { errorBytes.data = errorHandle.readDataToEndOfFile() }
  let o = out.fileHandleForReading.readDataToEndOfFile()
  group.wait()
  p.waitUntilExit()
  return RunResult(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: errorBytes.data, as: UTF8.self),
                   signalled: p.terminationReason == .uncaughtSignal)
}

/// The bytes one background reader collected; read only after its `DispatchGroup` is done.
private final class PipeBytes: @unchecked Sendable {
  var data = Data()
}

/// A real pseudo-terminal through tmux: the shell runs in a detached tmux session on its own
/// server socket; keys are sent and the screen is read back.
final class TerminalDriver {
  let socket = "newsq-test-\(UUID().uuidString.prefix(8))"
  let tmux: String

  /// Starts `command` (a shell command line) in a `width`×`height` terminal.
  init(command: String, environment: [String: String] = [:], width: Int = 100, height: Int = 30) throws {
    guard let tmux = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
      throw BinaryMissing(tried: ["tmux (install it: apt-get install tmux)"])
    }
    self.tmux = tmux
    var env = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]
    for (k, v) in environment { env[k] = v }
    let exports = env.map { "\($0.key)=\(shellQuote($0.value))" }.joined(separator: " ")
    let wrapped = "env \(exports) \(command); echo \"EXIT=$?\"; sleep 600"
    try tmuxRun(["-u", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", "t", "-x", "\(width)", "-y", "\(height)", wrapped])
  }

  /// Runs tmux through /bin/sh with popen/pclose (Foundation's Process may never reap a tmux
  /// client whose server daemonises, hanging `waitUntilExit`).
  @discardableResult
  func tmuxRun(_ args: [String]) throws -> String {
    let command = "TMUX= LANG=C.UTF-8 " + ([tmux] + args).map(shellQuote).joined(separator: " ")
      + (args.contains("new-session") ? " </dev/null >/dev/null 2>&1" : " </dev/null 2>/dev/null")
    guard let pipe = popen(command, "r") else { throw BinaryMissing(tried: [command]) }
    var data = [UInt8]()
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let n = fread(&buffer, 1, buffer.count, pipe)
      if n <= 0 { break }
      data.append(contentsOf: buffer[0..<n])
    }
    pclose(pipe)
    return String(decoding: data, as: UTF8.self)
  }

  /// Sends tmux key names (`Enter`, `C-c`, `C-d`, `Up`, `Tab`).
  func keys(_ names: String...) throws { try tmuxRun(["-L", socket, "send-keys", "-t", "t"] + names) }

  /// Types `text` literally.
  func type(_ text: String) throws { try tmuxRun(["-L", socket, "send-keys", "-t", "t", "-l", text]) }

  /// The visible screen.
  func screen() throws -> String { try tmuxRun(["-L", socket, "capture-pane", "-p", "-t", "t"]) }

  /// Waits until `predicate` holds for the screen; returns the last screen seen.
  @discardableResult
  func wait(timeout: Double = 10, _ predicate: (String) -> Bool) throws -> String {
    let deadline = Date().addingTimeInterval(timeout)
    var last = ""
    while Date() < deadline {
      last = try screen()
      if predicate(last) { return last }
      Thread.sleep(forTimeInterval: 0.05)
    }
    Issue.record("timed out; screen was:\n\(last)")
    return last
  }

  deinit { _ = try? tmuxRun(["-L", socket, "kill-server"]) }
}

func shellQuote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
