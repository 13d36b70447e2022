import NewsFacts

/// JSON text of values, written into a byte buffer (no Foundation, no per-value allocation
/// beyond the buffer's growth).
///
/// Numbers are JSON numbers in base units: whole numbers without `.0`, other doubles in their
/// shortest exact form; NaN and infinities (which JSON cannot say) become `null`. Strings escape
/// `"`, `\`, every control character and U+2028/U+2029 (which break JavaScript string literals).
enum JSONText {
  private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

  static func append(string s: String, to out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    var it = s.utf8.makeIterator()
    while let b = it.next() {
      switch b {
      case UInt8(ascii: "\""): out.append(contentsOf: [92, 34])
      case UInt8(ascii: "\\"): out.append(contentsOf: [92, 92])
      case 0x0A: out.append(contentsOf: [92, UInt8(ascii: "n")])
      case 0x0D: out.append(contentsOf: [92, UInt8(ascii: "r")])
      case 0x09: out.append(contentsOf: [92, UInt8(ascii: "t")])
      case 0x08: out.append(contentsOf: [92, UInt8(ascii: "b")])
      case 0x0C: out.append(contentsOf: [92, UInt8(ascii: "f")])
      case 0x00..<0x20, 0x7F:
        out.append(contentsOf: [92, UInt8(ascii: "u"), 48, 48, hex[Int(b >> 4)], hex[Int(b & 15)]])
      case 0xE2:
        // U+2028 / U+2029 are E2 80 A8 / E2 80 A9.
        guard let b1 = it.next() else { out.append(b); break }
        guard let b2 = it.next() else { out.append(b); out.append(b1); break }
        if b1 == 0x80 && (b2 == 0xA8 || b2 == 0xA9) {
          out.append(contentsOf: (b2 == 0xA8 ? "\\u2028" : "\\u2029").utf8)
        } else {
          out.append(b); out.append(b1); out.append(b2)
        }
      default: out.append(b)
      }
    }
    out.append(UInt8(ascii: "\""))
  }

  /// A double as a JSON number, or `null` when not finite.
  static func append(number d: Double, to out: inout [UInt8]) {
    guard d.isFinite else { out.append(contentsOf: "null".utf8); return }
    out.append(contentsOf: Value.format(d).utf8)
  }

  /// A value as JSON: numbers, strings, ISO date strings, arrays for lists and spans, null.
  static func append(value v: Value, to out: inout [UInt8]) {
    switch v {
    case .null: out.append(contentsOf: "null".utf8)
    case .text(let s): append(string: s, to: &out)
    case .integer(let i): out.append(contentsOf: String(i).utf8)
    case .number(let d): append(number: d, to: &out)
    case .date(let d): append(string: d.description, to: &out)
    case .list(let xs):
      out.append(UInt8(ascii: "["))
      for (i, x) in xs.enumerated() {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        append(string: x, to: &out)
      }
      out.append(UInt8(ascii: "]"))
    case .span(let a, let b):
      out.append(contentsOf: "[\(a),\(b)]".utf8)
    }
  }

  /// One row as a JSON object keyed by column name, in column order.
  static func appendObject<Row: RandomAccessCollection<Value>>(names: [String], row: Row, to out: inout [UInt8]) where Row.Index == Int {
    out.append(UInt8(ascii: "{"))
    for (i, name) in names.enumerated() {
      if i > 0 { out.append(UInt8(ascii: ",")) }
      append(string: name, to: &out)
      out.append(UInt8(ascii: ":"))
      append(value: i < row.count ? row[i] : .null, to: &out)
    }
    out.append(UInt8(ascii: "}"))
  }

  static func string(_ v: Value) -> String {
    var out: [UInt8] = []
    append(value: v, to: &out)
    return String(decoding: out, as: UTF8.self)
  }
}
