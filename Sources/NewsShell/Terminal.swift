import CEditLine

/// Terminal queries through the C shim.
enum Terminal {
  /// Width of the terminal in cells, 0 when there is none.
  static func columns() -> Int { Int(nq_columns()) }
}

/// Wall-clock and CPU time of a statement, for `.timer on`.
struct Stopwatch {
  private let startNs: Int64
  private let startUser: Int64
  private let startSys: Int64

  init() {
    var u: Int64 = 0, s: Int64 = 0
    nq_cpu_times(&u, &s)
    startNs = nq_monotonic_ns()
    startUser = u
    startSys = s
  }

  /// `Run Time: real 0.012 user 0.010000 sys 0.000000`, as sqlite3 prints it.
  func report() -> String {
    var u: Int64 = 0, s: Int64 = 0
    nq_cpu_times(&u, &s)
    let real = Double(nq_monotonic_ns() - startNs) / 1e9
    return "Run Time: real \(fixed(real, 3)) user \(fixed(Double(u - startUser) / 1e6, 6)) sys \(fixed(Double(s - startSys) / 1e6, 6))\n"
  }
}

/// `value` with exactly `digits` decimals, without Foundation's String(format:).
func fixed(_ value: Double, _ digits: Int) -> String {
  guard value.isFinite else { return "0" }
  var scale = 1.0
  for _ in 0..<digits { scale *= 10 }
  let negative = value < 0
  let scaled = (abs(value) * scale).rounded()
  guard scaled < 9e15 else { return String(value) }
  let n = Int64(scaled)
  let p = Int64(scale)
  var frac = String(n % p)
  while frac.count < digits { frac = "0" + frac }
  return (negative ? "-" : "") + String(n / p) + (digits > 0 ? "." + frac : "")
}
