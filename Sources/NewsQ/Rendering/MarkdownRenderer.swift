import NewsText
import FactQuery

/// GitHub-flavoured pipe tables: a header row, a `---` separator (`---:` for numeric columns),
/// `|` escaped as `\|`, line breaks inside a cell as `<br>`. Cells are padded so the source
/// lines up in a terminal too. Without headers only the body rows are written.
enum MarkdownRenderer {
  static func render(_ result: ResultSet, options: RenderOptions) -> String {
    let grid = DisplayGrid(result, options: options)
    let n = grid.headers.count
    var out = ""
    if n > 0 {
      let headers = grid.headers.map(escape)
      let cells = grid.cells.map { $0.map(escape) }
      var widths = [Int](repeating: 3, count: n)
      if options.headers {
        for c in 0..<n { widths[c] = max(widths[c], DisplayWidth.cells(headers[c])) }
      }
      for row in cells {
        for c in 0..<n { widths[c] = max(widths[c], DisplayWidth.cells(row[c])) }
      }
      if options.headers {
        out += line(headers, widths: widths, right: [Bool](repeating: false, count: n))
        var sep = "|"
        for c in 0..<n {
          sep += " " + (grid.rightAligned[c]
            ? String(repeating: "-", count: widths[c] - 1) + ":"
            : String(repeating: "-", count: widths[c])) + " |"
        }
        out += sep + "\n"
      }
      for row in cells { out += line(row, widths: widths, right: grid.rightAligned) }
    }
    if let more = grid.moreRowsLine { out += "\n" + more + "\n" }
    return out
  }

  static func line(_ cells: [String], widths: [Int], right: [Bool]) -> String {
    var s = "|"
    for (c, w) in widths.enumerated() {
      let text = cells[c]
      let pad = String(repeating: " ", count: max(0, w - DisplayWidth.cells(text)))
      s += " " + (right[c] ? pad + text : text + pad) + " |"
    }
    return s + "\n"
  }

  /// `|` → `\|`, `\` → `\\`, CR LF / LF / CR / U+2028 / U+2029 → `<br>`, other control
  /// characters → space.
  static func escape(_ s: String) -> String {
    guard s.utf8.contains(where: { $0 == 0x7C || $0 == 0x5C || $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }) else { return s }
    var out = ""
    var previousCR = false
    for u in s.unicodeScalars {
      defer { previousCR = u == "\r" }
      switch u {
      case "|": out += "\\|"
      case "\\": out += "\\\\"
      case "\r": out += "<br>"
      case "\n": if !previousCR { out += "<br>" }
      case "\u{2028}", "\u{2029}", "\u{85}": out += "<br>"
      default:
        if u.value < 0x20 || (u.value >= 0x7F && u.value < 0xA0) { out += " " } else { out.unicodeScalars.append(u) }
      }
    }
    return out
  }
}
