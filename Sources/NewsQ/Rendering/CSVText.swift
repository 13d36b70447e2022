import NewsFacts

/// RFC 4180 fields: a field holding a comma, a double quote, CR or LF is quoted and its quotes
/// doubled; records end with CRLF. Values keep base units: numbers plain, dates ISO, lists and
/// spans as JSON array text, null as an empty field.
enum CSVText {
  static func append(field s: String, to out: inout [UInt8]) {
    let needsQuotes = s.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
    guard needsQuotes else { out.append(contentsOf: s.utf8); return }
    out.append(0x22)
    for b in s.utf8 {
      if b == 0x22 { out.append(0x22) }
      out.append(b)
    }
    out.append(0x22)
  }

  static func field(_ v: Value) -> String {
    switch v {
    case .null: return ""
    case .text(let s): return s
    case .integer(let i): return String(i)
    case .number(let d): return d.isFinite ? Value.format(d) : ""
    case .date(let d): return d.description
    case .list, .span: return JSONText.string(v)
    }
  }

  static func appendRecord(_ fields: [String], to out: inout [UInt8]) {
    for (i, f) in fields.enumerated() {
      if i > 0 { out.append(0x2C) }
      append(field: f, to: &out)
    }
    out.append(0x0D)
    out.append(0x0A)
  }

  static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
}
