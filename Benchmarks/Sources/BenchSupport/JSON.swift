/// A JSON value small enough for truth records and benchmark results.
public enum JSON: Sendable, Hashable {
  case null, bool(Bool), int(Int64), number(Double), string(String), array([JSON]), object([(String, JSON)])

  public static func == (a: JSON, b: JSON) -> Bool { a.text == b.text }
  public func hash(into h: inout Hasher) { h.combine(text) }

  /// Compact JSON text (keys in insertion order).
  public var text: String {
    var s = ""
    write(to: &s)
    return s
  }

  public func write(to s: inout String) {
    switch self {
    case .null: s += "null"
    case .bool(let b): s += b ? "true" : "false"
    case .int(let i): s += String(i)
    case .number(let d):
      if !d.isFinite { s += "null" } else if d == d.rounded(), abs(d) < 1e15 { s += String(Int64(d)) } else { s += String(d) }
    case .string(let t): JSON.quote(t, into: &s)
    case .array(let xs):
      s += "["
      for (i, x) in xs.enumerated() { if i > 0 { s += "," }; x.write(to: &s) }
      s += "]"
    case .object(let kv):
      s += "{"
      for (i, (k, v)) in kv.enumerated() { if i > 0 { s += "," }; JSON.quote(k, into: &s); s += ":"; v.write(to: &s) }
      s += "}"
    }
  }

  public static func quote(_ t: String, into s: inout String) {
    s += "\""
    for c in t.unicodeScalars {
      switch c {
      case "\"": s += "\\\""
      case "\\": s += "\\\\"
      case "\n": s += "\\n"
      case "\r": s += "\\r"
      case "\t": s += "\\t"
      default:
        if c.value < 0x20 {
          let h = String(c.value, radix: 16)
          s += "\\u" + String(repeating: "0", count: 4 - h.count) + h
        } else { s.unicodeScalars.append(c) }
      }
    }
    s += "\""
  }

  /// The value at `key` of an object.
  public subscript(_ key: String) -> JSON? {
    if case .object(let kv) = self { return kv.first { $0.0 == key }?.1 }
    return nil
  }
  public var string: String? { if case .string(let s) = self { return s }; return nil }
  public var double: Double? {
    switch self { case .int(let i): return Double(i); case .number(let d): return d; default: return nil }
  }
  public var array: [JSON]? { if case .array(let a) = self { return a }; return nil }
}

/// A minimal JSON parser for the truth file (objects, arrays, strings, numbers, literals).
public struct JSONParser {
  var s: [UInt8]
  var i = 0
  public init(_ text: String) { s = Array(text.utf8) }
  /// Parses UTF-8 bytes (a line of a JSON-lines file, without making a `String` of it).
  public init<C: Collection>(bytes: C) where C.Element == UInt8 { s = Array(bytes) }

  public mutating func parse() -> JSON? {
    skip()
    guard i < s.count else { return nil }
    switch s[i] {
    case UInt8(ascii: "{"):
      i += 1
      var kv: [(String, JSON)] = []
      skip()
      if i < s.count, s[i] == UInt8(ascii: "}") { i += 1; return .object(kv) }
      while i < s.count {
        skip()
        guard case .string(let k)? = parse() else { return nil }
        skip()
        guard i < s.count, s[i] == UInt8(ascii: ":") else { return nil }
        i += 1
        guard let v = parse() else { return nil }
        kv.append((k, v))
        skip()
        guard i < s.count else { return nil }
        if s[i] == UInt8(ascii: ",") { i += 1; continue }
        if s[i] == UInt8(ascii: "}") { i += 1; return .object(kv) }
        return nil
      }
      return nil
    case UInt8(ascii: "["):
      i += 1
      var xs: [JSON] = []
      skip()
      if i < s.count, s[i] == UInt8(ascii: "]") { i += 1; return .array(xs) }
      while i < s.count {
        guard let v = parse() else { return nil }
        xs.append(v)
        skip()
        guard i < s.count else { return nil }
        if s[i] == UInt8(ascii: ",") { i += 1; continue }
        if s[i] == UInt8(ascii: "]") { i += 1; return .array(xs) }
        return nil
      }
      return nil
    case UInt8(ascii: "\""):
      i += 1
      // Without escapes (almost always), the string is the bytes up to the closing quote.
      var j = i
      while j < s.count, s[j] != UInt8(ascii: "\""), s[j] != UInt8(ascii: "\\") { j += 1 }
      if j < s.count, s[j] == UInt8(ascii: "\"") {
        let str = s.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[i..<j]), as: UTF8.self) }
        i = j + 1
        return .string(str)
      }
      var out: [UInt8] = []
      while i < s.count, s[i] != UInt8(ascii: "\"") {
        if s[i] == UInt8(ascii: "\\"), i + 1 < s.count {
          i += 1
          switch s[i] {
          case UInt8(ascii: "n"): out.append(10)
          case UInt8(ascii: "t"): out.append(9)
          case UInt8(ascii: "r"): out.append(13)
          case UInt8(ascii: "u"):
            if i + 4 < s.count, let v = UInt32(String(decoding: s[(i + 1)...(i + 4)], as: UTF8.self), radix: 16),
               let u = Unicode.Scalar(v) { out += Array(String(u).utf8) }
            i += 4
          default: out.append(s[i])
          }
        } else { out.append(s[i]) }
        i += 1
      }
      i += 1
      return .string(String(decoding: out, as: UTF8.self))
    case UInt8(ascii: "t"): i += 4; return .bool(true)
    case UInt8(ascii: "f"): i += 5; return .bool(false)
    case UInt8(ascii: "n"): i += 4; return .null
    default:
      let start = i
      while i < s.count, "+-0123456789.eE".utf8.contains(s[i]) { i += 1 }
      let t = String(decoding: s[start..<i], as: UTF8.self)
      if let v = Int64(t) { return .int(v) }
      if let d = Double(t) { return .number(d) }
      return nil
    }
  }

  mutating func skip() { while i < s.count, s[i] == 32 || s[i] == 10 || s[i] == 13 || s[i] == 9 { i += 1 } }
}
