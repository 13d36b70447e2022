import Glibc

/// Process CPU time (user + system, this process and its threads) in seconds.
public func cpuSeconds() -> Double {
  var u = rusage()
  getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &u)
  return Double(u.ru_utime.tv_sec) + Double(u.ru_utime.tv_usec) / 1e6
    + Double(u.ru_stime.tv_sec) + Double(u.ru_stime.tv_usec) / 1e6
}

/// Monotonic wall time in seconds.
public func wallSeconds() -> Double {
  var t = timespec()
  clock_gettime(CLOCK_MONOTONIC, &t)
  return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// Resident set size in bytes, from /proc/self/statm (after returning freed memory to the OS).
public func residentBytes(trim: Bool = true) -> Int {
  if trim { _ = c_malloc_trim(0) }
  guard let f = fopen("/proc/self/statm", "r") else { return 0 }
  defer { fclose(f) }
  var size = 0, rss = 0
  var buf = [CChar](repeating: 0, count: 256)
  guard fgets(&buf, 256, f) != nil else { return 0 }
  let line = String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  let parts = line.split(separator: " ")
  if parts.count >= 2 { size = Int(parts[0]) ?? 0; rss = Int(parts[1]) ?? 0 }
  _ = size
  return rss * Int(sysconf(Int32(_SC_PAGESIZE)))
}

/// Creates `path` and its parents.
public func makeDirectories(_ path: String) {
  var cur = path.hasPrefix("/") ? "" : "."
  for part in path.split(separator: "/") {
    cur += "/" + part
    mkdir(cur, 0o755)
  }
}

/// Writes `bytes` to `path` (replacing it); false on failure.
@discardableResult
public func writeFile(_ path: String, _ bytes: [UInt8]) -> Bool {
  guard let f = fopen(path, "wb") else { return false }
  defer { fclose(f) }
  return bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, f) } == bytes.count
}

/// Reads a whole file; nil when it cannot be read.
public func readFile(_ path: String) -> [UInt8]? {
  guard let f = fopen(path, "rb") else { return nil }
  defer { fclose(f) }
  var out: [UInt8] = []
  var buf = [UInt8](repeating: 0, count: 1 << 16)
  while true {
    let n = fread(&buf, 1, buf.count, f)
    if n <= 0 { break }
    out.append(contentsOf: buf[0..<n])
  }
  return out
}

/// A buffered writer for big outputs (CSV, truth, documents' list).
public final class FileWriter {
  let file: UnsafeMutablePointer<FILE>
  var buffer: [UInt8] = []
  public init?(_ path: String) {
    guard let f = fopen(path, "wb") else { return nil }
    file = f
    buffer.reserveCapacity(1 << 20)
  }
  public func write(_ s: String) {
    buffer.append(contentsOf: s.utf8)
    if buffer.count >= 1 << 20 { flush() }
  }
  public func flush() {
    buffer.withUnsafeBufferPointer { _ = fwrite($0.baseAddress, 1, $0.count, file) }
    buffer.removeAll(keepingCapacity: true)
  }
  public func close() { flush(); fclose(file) }
}

/// Prints to stderr (progress), never to stdout.
public func note(_ s: String) {
  let b = Array((s + "\n").utf8)
  _ = b.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count) }
}

@_silgen_name("malloc_trim")
func c_malloc_trim(_ pad: Int) -> Int32
