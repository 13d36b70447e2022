import NewsText
import FactQuery
import NewsFacts

/// The cells of a result as table and markdown show them: chosen columns, formatted text,
/// alignment, and how many rows were left out by `maxRows`.
struct DisplayGrid {
  var headers: [String]
  var rightAligned: [Bool]
  var cells: [[String]]
  /// Rows in the result, shown or not.
  var totalRows: Int
  /// Rows not shown because of `maxRows`.
  var hiddenRows: Int

  init(_ result: ResultSet, options: RenderOptions) {
    var indices = Array(result.columns.indices)
    if let main = options.mainColumnsOnly {
      let chosen = result.columns.indices.filter { main.contains(result.columns[$0].name) }
      if !chosen.isEmpty { indices = chosen }
    }
    let shown: Int
    if let m = options.maxRows, m > 0 { shown = min(m, result.rows.count) } else { shown = result.rows.count }
    totalRows = result.rows.count
    hiddenRows = result.rows.count - shown
    headers = indices.map { result.columns[$0].name }
    var styles: [CellText.Style] = []
    styles.reserveCapacity(indices.count)
    for i in indices { styles.append(CellText.style(of: result.columns[i], rows: result.rows, index: i)) }
    rightAligned = styles.map { $0 != .plain }
    var cells: [[String]] = []
    cells.reserveCapacity(shown)
    for r in 0..<shown {
      let row = result.rows[r]
      var line: [String] = []
      line.reserveCapacity(indices.count)
      for (k, i) in indices.enumerated() {
        let v = i < row.count ? row[i] : .null
        line.append(CellText.display(v, style: styles[k], column: result.columns[i], row: r, nullValue: options.nullValue))
      }
      cells.append(line)
    }
    self.cells = cells
  }

  /// `3 rows`, `1 row`.
  static func rowCount(_ n: Int) -> String { n == 1 ? "1 row" : "\(n) rows" }

  /// The line that says rows were left out; nil when none were.
  var moreRowsLine: String? {
    hiddenRows > 0 ? "\(hiddenRows) more \(hiddenRows == 1 ? "row" : "rows") (.maxrows 0, limit, or $PAGER to see all)" : nil
  }
}

/// Box-drawing tables whose columns line up in terminal cells (a Chinese character is two).
enum TableRenderer {
  static let minimumShrunkWidth = 3

  static func render(_ result: ResultSet, options: RenderOptions) -> String {
    let grid = DisplayGrid(result, options: options)
    var footer: [String] = []
    if let more = grid.moreRowsLine { footer.append(more) }
    if options.headers { footer.append(DisplayGrid.rowCount(grid.totalRows)) }
    let n = grid.headers.count
    guard n > 0 else { return footer.map { $0 + "\n" }.joined() }

    // Table cells are one line: control characters would break the box.
    let headers = grid.headers.map(oneLine)
    let cells = grid.cells.map { $0.map(oneLine) }

    var widths = [Int](repeating: 1, count: n)
    if options.headers {
      for c in 0..<n { widths[c] = max(widths[c], DisplayWidth.cells(headers[c])) }
    }
    for row in cells {
      for c in 0..<n { widths[c] = max(widths[c], DisplayWidth.cells(row[c])) }
    }
    var fixed = [Bool](repeating: false, count: n)
    for (c, w) in options.widths.prefix(n).enumerated() where w > 0 {
      widths[c] = w
      fixed[c] = true
    }
    var shortened = false
    if let terminal = options.terminalWidth, terminal > 0 {
      shortened = fit(&widths, fixed: fixed, into: terminal)
    }
    if shortened {
      footer.insert("columns shortened with … to fit \(options.terminalWidth ?? 0) cells (.width, or --format csv, to see them whole)", at: 0)
    }

    var out = ""
    out += rule("┌", "┬", "┐", widths) + "\n"
    if options.headers {
      out += line(headers, widths: widths, right: [Bool](repeating: false, count: n)) + "\n"
      out += rule("├", "┼", "┤", widths) + "\n"
    }
    for row in cells {
      out += line(row, widths: widths, right: grid.rightAligned) + "\n"
    }
    out += rule("└", "┴", "┘", widths) + "\n"
    for f in footer { out += f + "\n" }
    return out
  }

  /// Narrows the widest free columns until the table fits `terminal` cells; true when any shrank.
  static func fit(_ widths: inout [Int], fixed: [Bool], into terminal: Int) -> Bool {
    let overhead = 3 * widths.count + 1
    func total(_ w: [Int]) -> Int { w.reduce(overhead, &+) }
    guard total(widths) > terminal else { return false }
    // Water-filling: the largest cap C with every free column at min(width, C) that fits.
    let fixedSum = zip(widths, fixed).reduce(0) { $0 &+ ($1.1 ? $1.0 : 0) }
    let budget = terminal - overhead - fixedSum
    let free = zip(widths, fixed).filter { !$0.1 }.map(\.0)
    guard !free.isEmpty else { return false }
    var lo = minimumShrunkWidth, hi = free.max() ?? minimumShrunkWidth
    func used(_ cap: Int) -> Int { free.reduce(0) { $0 &+ min($1, cap) } }
    if used(lo) > budget {
      hi = lo
    } else {
      while lo < hi {
        let mid = (lo + hi + 1) / 2
        if used(mid) <= budget { lo = mid } else { hi = mid - 1 }
      }
    }
    let cap = lo
    var changed = false
    for c in widths.indices where !fixed[c] && widths[c] > cap {
      widths[c] = cap
      changed = true
    }
    return changed
  }

  static func rule(_ left: String, _ mid: String, _ right: String, _ widths: [Int]) -> String {
    var s = left
    for (i, w) in widths.enumerated() {
      if i > 0 { s += mid }
      s += String(repeating: "─", count: w + 2)
    }
    return s + right
  }

  static func line(_ cells: [String], widths: [Int], right: [Bool]) -> String {
    var s = "│"
    for (i, w) in widths.enumerated() {
      s += " " + fitted(cells[i], width: w, right: right[i]) + " │"
    }
    return s
  }

  /// `text` padded to exactly `width` cells, or cut with `…` when longer.
  static func fitted(_ text: String, width: Int, right: Bool) -> String {
    let w = DisplayWidth.cells(text)
    if w <= width {
      let pad = String(repeating: " ", count: width - w)
      return right ? pad + text : text + pad
    }
    let cut = DisplayWidth.truncate(text, toCells: width)
    let pad = String(repeating: " ", count: max(0, width - DisplayWidth.cells(cut)))
    return cut + pad
  }

  /// Control characters and line or paragraph separators (newlines, tabs, U+0085, U+2028,
  /// U+2029) as spaces, so a cell stays on one line.
  static func oneLine(_ s: String) -> String {
    guard s.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }) else { return s }
    var out = String.UnicodeScalarView()
    for u in s.unicodeScalars {
      let v = u.value
      out.append(v < 0x20 || (v >= 0x7F && v < 0xA0) || v == 0x2028 || v == 0x2029 ? " " : u)
    }
    return String(out)
  }
}
