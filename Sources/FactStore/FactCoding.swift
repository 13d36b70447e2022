import NewsFacts

/// A little-endian byte buffer that facts are written into, for snapshot caches: what a load
/// extracted, stored so a later start can skip the extraction.
///
/// The format is private to one build of newsq (readers check a format version and the
/// binary's identity before decoding), so it favours speed over stability.
public struct FactWriter: Sendable {
  /// The bytes written so far.
  public var bytes: [UInt8] = []

  public init() { bytes.reserveCapacity(1 << 16) }

  /// Appends an unsigned 64-bit integer.
  public mutating func u64(_ v: UInt64) {
    var x = v.littleEndian
    withUnsafeBytes(of: &x) { bytes.append(contentsOf: $0) }
  }

  /// Appends a signed 64-bit integer.
  public mutating func i64(_ v: Int64) { u64(UInt64(bitPattern: v)) }

  /// Appends an unsigned 32-bit integer.
  public mutating func u32(_ v: UInt32) {
    var x = v.littleEndian
    withUnsafeBytes(of: &x) { bytes.append(contentsOf: $0) }
  }

  /// Appends one byte.
  public mutating func u8(_ v: UInt8) { bytes.append(v) }

  /// Appends a length-prefixed UTF-8 string.
  public mutating func string(_ s: String) {
    var s = s
    s.withUTF8 { b in
      u32(UInt32(truncatingIfNeeded: b.count))
      bytes.append(contentsOf: b)
    }
  }

  /// Appends a value: a tag byte, then its payload.
  public mutating func value(_ v: Value) {
    switch v {
    case .null: u8(0)
    case .text(let s): u8(1); string(s)
    case .integer(let i): u8(2); i64(i)
    case .number(let d): u8(3); u64(d.bitPattern)
    case .date(let d):
      u8(4)
      u8(d.year == nil ? 0 : 1)
      i64(Int64(d.year ?? 0)); i64(Int64(d.month)); i64(Int64(d.day))
    case .list(let xs):
      u8(5); u32(UInt32(truncatingIfNeeded: xs.count))
      for x in xs { string(x) }
    case .span(let a, let b): u8(6); i64(Int64(a)); i64(Int64(b))
    }
  }

  /// Appends a fact: entity, fields (any order), later sources.
  public mutating func fact(_ f: Fact) {
    u8(UInt8(truncatingIfNeeded: f.entity.ordinal))
    u32(UInt32(truncatingIfNeeded: f.fieldCount))
    f.forEachField { k, v in string(k); value(v) }
    u32(UInt32(truncatingIfNeeded: f.moreSources.count))
    for s in f.moreSources {
      string(s.doc); i64(s.article); string(s.evidence)
      i64(Int64(s.span.lowerBound)); i64(Int64(s.span.upperBound))
    }
  }

  /// Appends a count and the raw bytes of an array of plain values (little-endian hosts).
  public mutating func raw<T: BitwiseCopyable>(_ a: [T]) {
    u32(UInt32(truncatingIfNeeded: a.count))
    a.withUnsafeBytes { bytes.append(contentsOf: $0) }
  }

  /// Appends a count and each string.
  public mutating func strings(_ a: [String]) {
    u32(UInt32(truncatingIfNeeded: a.count))
    for x in a { string(x) }
  }

  /// The length written in place of a string that repeats the one beside it (`strings(_:sameAs:)`).
  static let sameString: UInt32 = .max

  /// Appends a count and each string, writing only a marker for a string that is byte for byte
  /// `same` at its position (folded texts mostly equal the texts they fold).
  public mutating func strings(_ a: [String], sameAs same: [String]) {
    u32(UInt32(truncatingIfNeeded: a.count))
    for (i, x) in a.enumerated() {
      if i < same.count, x.utf8.elementsEqual(same[i].utf8) { u32(Self.sameString) } else { string(x) }
    }
  }

  /// Appends a count followed by each fact.
  public mutating func facts(_ fs: [Fact]) {
    u32(UInt32(truncatingIfNeeded: fs.count))
    for f in fs { fact(f) }
  }
}

/// Reads what `FactWriter` wrote, checking every length against the bytes left: a truncated or
/// damaged buffer gives `nil` from the failing read (and from every read after it), never a
/// crash.
public struct FactReader {
  let bytes: [UInt8]
  /// The offset of the next read.
  public private(set) var offset: Int
  /// Set once a read ran past the end or met an impossible value.
  public private(set) var failed = false

  public init(_ bytes: [UInt8], offset: Int = 0) {
    self.bytes = bytes
    self.offset = max(0, min(offset, bytes.count))
  }

  /// Bytes not read yet.
  public var remaining: Int { bytes.count - offset }

  private mutating func take(_ n: Int) -> Int? {
    guard !failed, n >= 0, n <= bytes.count - offset else { failed = true; return nil }
    let at = offset
    offset += n
    return at
  }

  public mutating func u64() -> UInt64? {
    guard let at = take(8) else { return nil }
    var v: UInt64 = 0
    for k in 0..<8 { v |= UInt64(bytes[at + k]) << UInt64(8 * k) }
    return v
  }

  public mutating func i64() -> Int64? { u64().map { Int64(bitPattern: $0) } }

  public mutating func u32() -> UInt32? {
    guard let at = take(4) else { return nil }
    var v: UInt32 = 0
    for k in 0..<4 { v |= UInt32(bytes[at + k]) << UInt32(8 * k) }
    return v
  }

  public mutating func u8() -> UInt8? {
    guard let at = take(1) else { return nil }
    return bytes[at]
  }

  public mutating func string() -> String? {
    guard let n = u32(), let at = take(Int(n)) else { return nil }
    return bytes.withUnsafeBufferPointer { b in
      String(decoding: UnsafeBufferPointer(rebasing: b[at..<(at + Int(n))]), as: UTF8.self)
    }
  }

  /// A count that cannot exceed the bytes left (each element takes at least `minBytes`).
  public mutating func count(minBytes: Int = 1) -> Int? {
    guard let n = u32() else { return nil }
    guard Int(n) <= remaining / max(1, minBytes) else { failed = true; return nil }
    return Int(n)
  }

  private mutating func int() -> Int? {
    guard let v = i64() else { return nil }
    return Int(v)
  }

  public mutating func value() -> Value? {
    guard let tag = u8() else { return nil }
    switch tag {
    case 0: return .null
    case 1: return string().map { .text($0) }
    case 2: return i64().map { .integer($0) }
    case 3: return u64().map { .number(Double(bitPattern: $0)) }
    case 4:
      guard let has = u8(), let y = int(), let m = int(), let d = int() else { return nil }
      guard (1...12).contains(m), (1...31).contains(d), has <= 1 else { failed = true; return nil }
      return .date(FactDate(year: has == 1 ? y : nil, month: m, day: d))
    case 5:
      guard let n = count(minBytes: 4) else { return nil }
      var xs: [String] = []
      xs.reserveCapacity(n)
      for _ in 0..<n { guard let s = string() else { return nil }; xs.append(s) }
      return .list(xs)
    case 6:
      guard let a = int(), let b = int() else { return nil }
      return .span(a, b)
    default:
      failed = true
      return nil
    }
  }

  /// An array written by `FactWriter.raw`.
  public mutating func raw<T: BitwiseCopyable>(_: T.Type) -> [T]? {
    let stride = MemoryLayout<T>.stride
    guard let n = count(minBytes: stride), let at = take(n * stride) else { return nil }
    return [T](unsafeUninitializedCapacity: n) { buf, count in
      bytes.withUnsafeBytes { src in
        if n > 0, let dst = buf.baseAddress, let from = src.baseAddress {
          UnsafeMutableRawPointer(dst).copyMemory(from: from + at, byteCount: n * stride)
        }
      }
      count = n
    }
  }

  /// An array written by `FactWriter.strings`.
  public mutating func strings() -> [String]? {
    guard let n = count(minBytes: 4) else { return nil }
    var out: [String] = []
    out.reserveCapacity(n)
    for _ in 0..<n { guard let s = string() else { return nil }; out.append(s) }
    return out
  }

  /// An array written by `FactWriter.strings(_:sameAs:)` with the same `same`.
  public mutating func strings(sameAs same: [String]) -> [String]? {
    guard let n = count(minBytes: 4) else { return nil }
    var out: [String] = []
    out.reserveCapacity(n)
    for i in 0..<n {
      guard let len = u32() else { return nil }
      if len == FactWriter.sameString {
        guard i < same.count else { failed = true; return nil }
        out.append(same[i])
      } else {
        guard let at = take(Int(len)) else { return nil }
        out.append(bytes.withUnsafeBufferPointer { b in
          String(decoding: UnsafeBufferPointer(rebasing: b[at..<(at + Int(len))]), as: UTF8.self)
        })
      }
    }
    return out
  }

  /// Marks the buffer as damaged (a decoded value was impossible).
  public mutating func fail() { failed = true }

  public mutating func fact() -> Fact? {
    guard let e = u8(), Int(e) < Entity.allCases.count, let n = count(minBytes: 5) else { failed = true; return nil }
    var f = Fact(Entity.allCases[Int(e)])
    for _ in 0..<n {
      guard let k = string(), let v = value() else { return nil }
      f[k] = v
    }
    guard let m = count(minBytes: 32) else { return nil }
    var more: [Source] = []
    for _ in 0..<m {
      guard let doc = string(), let article = i64(), let evidence = string(), let lo = int(), let hi = int() else { return nil }
      guard lo <= hi else { failed = true; return nil }
      more.append(Source(doc: doc, article: article, evidence: evidence, span: lo..<hi))
    }
    f.moreSources = more
    return f
  }

  public mutating func facts() -> [Fact]? {
    guard let n = count(minBytes: 9) else { return nil }
    var out: [Fact] = []
    out.reserveCapacity(n)
    for _ in 0..<n {
      guard let f = fact() else { return nil }
      out.append(f)
    }
    return out
  }
}
