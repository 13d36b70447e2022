import CEditLine
import Glibc
import NewsQ
import Synchronization

/// One self-overwriting line on a terminal's stderr while a large load runs: files, MB, facts,
/// rate and time left. Shown only after a short delay, so small loads print nothing; erased
/// when the load ends. Writes straight to fd 2, so it may be called from any thread.
public final class LoadProgressLine: Sendable {
  private struct State { var lastNs: Int64 = 0; var shown = false }
  private let state = Mutex(State())
  private let startNs = nq_monotonic_ns()
  private let delayNs: Int64
  private let fd: Int32

  public init(fd: Int32 = 2, delaySeconds: Double = 0.25) {
    self.fd = fd
    self.delayNs = Int64(delaySeconds * 1e9)
  }

  /// The text of the line for `p`, `elapsed` seconds after the start.
  public static func text(_ p: LoadProgress, elapsed: Double) -> String {
    let mb = Double(p.bytes) / 1_048_576
    let totalMB = Double(p.totalBytes) / 1_048_576
    var s = "loading \(p.files)/\(p.totalFiles) files · \(fixed(mb, 1))/\(fixed(totalMB, 1)) MB · \(p.facts) facts"
    if elapsed > 0, p.bytes > 0 {
      let rate = mb / elapsed
      s += " · \(fixed(rate, 1)) MB/s"
      if p.totalBytes > p.bytes, rate > 0 {
        let left = Int(((totalMB - mb) / rate).rounded(.up))
        s += " · " + (left >= 60 ? "\(left / 60)m\(left % 60 < 10 ? "0" : "")\(left % 60)s" : "\(left)s") + " left"
      }
    }
    return s
  }

  /// The load progress callback.
  public func report(_ p: LoadProgress) {
    let now = nq_monotonic_ns()
    let show: Bool = state.withLock { st in
      guard now - startNs >= delayNs, now - st.lastNs >= 100_000_000 else { return false }
      st.lastNs = now
      st.shown = true
      return true
    }
    guard show else { return }
    let width = Int(nq_columns())
    var line = Self.text(p, elapsed: Double(now - startNs) / 1e9)
    if width > 1, line.unicodeScalars.count >= width { line = String(line.unicodeScalars.prefix(width - 1)) }
    emit("\r" + line + "\u{1B}[K")
  }

  /// Erases the line if it was shown.
  public func finish() {
    let shown = state.withLock { $0.shown }
    if shown { emit("\r\u{1B}[K") }
  }

  private func emit(_ s: String) {
    var bytes = Array(s.utf8)
    var done = 0
    let total = bytes.count
    bytes.withUnsafeMutableBytes { raw in
      while done < total {
        let n = write(fd, raw.baseAddress! + done, total - done)
        if n < 0 { if errno == EINTR { continue }; return }
        done += n
      }
    }
  }
}
