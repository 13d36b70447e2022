// Private stand-ins for helper "lang"'s FactQuery additions (StatementSplitter, Completeness,
// Diagnostic.rendered, Suggest) and helper "text"'s display width, used until those land on
// main. Delete this file once they do and switch the few call sites named `Fallback…`.
import NewsQ

/// A statement or dot command cut out of a script: its text, 1-based line and scalar offset.
struct FallbackChunk: Sendable, Hashable {
  var text: String
  var line: Int
  var offset: Int
  var isDotCommand: Bool
}

/// What the scanner learnt about a piece of statement text.
private struct ScanState {
  var quote: Unicode.Scalar? = nil
  var depth = 0
  var lastWord = ""
  var lastSymbol: Unicode.Scalar? = nil
  var sawToken = false
}

private let continuationEndWords: Set<String> = ["where", "and", "or", "not", "in", "by", "show", "of", "between", "like", "contains", "is", "find", "count", "sum", "avg", "min", "max", "explain", "analyze", "why", "export", "order", "limit", "offset", "distinct"]
private let continuationStartWords: Set<String> = ["where", "and", "or", "order", "limit", "offset", "show", "by"]

private func isWordScalar(_ s: Unicode.Scalar) -> Bool {
  s.properties.isAlphabetic || (s.value >= 48 && s.value <= 57) || s == "_" || s == "$"
}

/// Feeds one line (without its newline) to the scanner state; `;` positions (scalar offsets
/// within the line) at depth 0 outside strings are returned.
private func scan(line: [Unicode.Scalar], state: inout ScanState) -> [Int] {
  var semicolons: [Int] = []
  var i = 0
  var word = ""
  func endWord(_ st: inout ScanState) {
    if !word.isEmpty { st.lastWord = word.lowercased(); st.lastSymbol = nil; st.sawToken = true; word = "" }
  }
  while i < line.count {
    let c = line[i]
    if let q = state.quote {
      if c == "\\", i + 1 < line.count { i += 2; continue }
      if c == q { state.quote = nil; state.lastWord = "\u{0}"; state.lastSymbol = nil }
      i += 1
      continue
    }
    if c == "-", i + 1 < line.count, line[i + 1] == "-" { endWord(&state); break }
    if isWordScalar(c) { word.unicodeScalars.append(c); i += 1; continue }
    endWord(&state)
    switch c {
    case "\"", "'": state.quote = c; state.sawToken = true
    case "(": state.depth += 1; state.lastSymbol = c; state.lastWord = ""; state.sawToken = true
    case ")": state.depth = max(0, state.depth - 1); state.lastSymbol = c; state.lastWord = "\u{0}"; state.sawToken = true
    case ";":
      if state.depth == 0 { semicolons.append(i); state = ScanState() } else { state.lastSymbol = c }
    case " ", "\t", "\r": break
    default: state.lastSymbol = c; state.lastWord = ""; state.sawToken = true
    }
    i += 1
  }
  endWord(&state)
  return semicolons
}

private func isOpen(_ s: ScanState) -> Bool {
  if s.quote != nil || s.depth > 0 { return true }
  if let sym = s.lastSymbol, ["=", "<", ">", "!", ","].contains(sym) { return true }
  return continuationEndWords.contains(s.lastWord)
}

enum FallbackCompleteness {
  /// Whether `text` is a complete statement (nothing open at its end).
  static func isComplete(_ text: String) -> Bool {
    var state = ScanState()
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let scalars = Array(line.unicodeScalars)
      if !state.sawToken, state.quote == nil, scalars.first(where: { $0 != " " && $0 != "\t" }) == "." { continue }
      _ = scan(line: scalars, state: &state)
    }
    return !isOpen(state)
  }
}

enum FallbackSplitter {
  /// Splits a script into statements and dot commands (product.md §3 "When a statement ends").
  static func split(_ text: String) -> [FallbackChunk] {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
    var chunks: [FallbackChunk] = []
    var state = ScanState()
    var current: [Unicode.Scalar] = []
    var startLine = 0
    var startOffset = 0
    var lineOffset = 0
    func firstWord(_ l: [Unicode.Scalar]) -> String {
      var w = ""
      for s in l.drop(while: { $0 == " " || $0 == "\t" }) { if isWordScalar(s) { w.unicodeScalars.append(s) } else { break } }
      return w.lowercased()
    }
    func flush() {
      var t = String(String.UnicodeScalarView(current))
      while let last = t.unicodeScalars.last, last == " " || last == "\n" || last == "\t" || last == "\r" { t.unicodeScalars.removeLast() }
      let lead = t.unicodeScalars.prefix(while: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
      let skippedLines = lead.filter { $0 == "\n" }.count
      t = String(t.unicodeScalars.dropFirst(lead.count))
      if !t.isEmpty, !isOnlyComments(t) {
        chunks.append(FallbackChunk(text: t, line: startLine + 1 + skippedLines, offset: startOffset + lead.count, isDotCommand: false))
      }
      current = []
    }
    var idx = 0
    while idx < lines.count {
      let line = lines[idx]
      let blankSoFar = current.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
      if blankSoFar, line.first(where: { $0 != " " && $0 != "\t" }) == "." {
        var t = String(String.UnicodeScalarView(line))
        while let l = t.unicodeScalars.last, l == " " || l == "\r" || l == "\t" { t.unicodeScalars.removeLast() }
        let lead = line.prefix(while: { $0 == " " || $0 == "\t" }).count
        chunks.append(FallbackChunk(text: String(t.unicodeScalars.dropFirst(lead)), line: idx + 1, offset: lineOffset + lead, isDotCommand: true))
        current = []
        state = ScanState()
        lineOffset += line.count + 1
        idx += 1
        continue
      }
      if blankSoFar { current = []; startLine = idx; startOffset = lineOffset }
      // `scan` resets the state at each `;`, so afterwards it describes the text after the last one.
      let semis = scan(line: line, state: &state)
      var from = 0
      for s in semis {
        current.append(contentsOf: line[from..<s])
        flush()
        from = s + 1
        startLine = idx
        startOffset = lineOffset + from
      }
      let stateAfter = state
      current.append(contentsOf: line[from...])
      current.append("\n")
      let tailBlank = current.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
      if tailBlank { current = [] }
      if !tailBlank, !isOpen(stateAfter), stateAfter.sawToken {
        state = ScanState()
        // Complete at the end of this line, unless the next non-blank line continues it.
        var j = idx + 1
        while j < lines.count, lines[j].allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { j += 1 }
        if j >= lines.count || !continuationStartWords.contains(firstWord(lines[j])) { flush() } else { state = stateAfter }
      }
      lineOffset += line.count + 1
      idx += 1
    }
    flush()
    return chunks
  }

  private static func isOnlyComments(_ t: String) -> Bool {
    t.split(separator: "\n").allSatisfy { l in
      let s = l.trimmingBlank()
      return s.isEmpty || s.hasPrefix("--")
    }
  }
}

extension StringProtocol {
  /// The text without leading and trailing spaces, tabs, carriage returns and newlines.
  func trimmingBlank() -> String {
    let blank: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
    let s = unicodeScalars.drop(while: blank)
    var end = s.endIndex
    while end > s.startIndex, blank(s[s.index(before: end)]) { end = s.index(before: end) }
    return String(String.UnicodeScalarView(s[s.startIndex..<end]))
  }
}

enum FallbackWidth {
  /// Terminal cells of one scalar: 2 for East Asian wide/full-width, 0 for combining marks.
  static func cells(_ s: Unicode.Scalar) -> Int {
    let v = s.value
    if v == 0 { return 0 }
    if v < 0x300 { return 1 }
    if (0x300...0x36F).contains(v) || (0x200B...0x200F).contains(v) || (0xFE00...0xFE0F).contains(v) { return 0 }
    if (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
      || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
      || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
      || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
      || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v) {
      return 2
    }
    return 1
  }

  static func cells(_ text: some StringProtocol) -> Int {
    text.unicodeScalars.reduce(0) { $0 + cells($1) }
  }
}

enum FallbackSuggest {
  /// The candidate closest to `word` by edit distance, if close enough to be a likely typo.
  static func closest(_ word: String, among candidates: [String]) -> String? {
    let w = Array(word.lowercased().unicodeScalars)
    var best: (String, Int)? = nil
    for c in candidates {
      let d = distance(w, Array(c.lowercased().unicodeScalars))
      if d <= max(1, min(3, w.count / 2)), best == nil || d < best!.1 { best = (c, d) }
    }
    return best?.0
  }

  private static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var prev = Array(0...b.count)
    var cur = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      cur[0] = i
      for j in 1...b.count {
        cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      swap(&prev, &cur)
    }
    return prev[b.count]
  }
}

enum FallbackDiagnostic {
  /// `SOURCE:LINE:COL: error: message`, the line, a caret line in cells, hint and notes.
  static func render(_ d: Diagnostic, source: String, sourceName: String, lineOffset: Int, color: Bool) -> String {
    let scalars = Array(source.unicodeScalars)
    let start = min(max(0, d.range.lowerBound), scalars.count)
    let end = min(max(start, d.range.upperBound), scalars.count)
    var lineStart = 0
    var line = 1
    for i in 0..<start where scalars[i] == "\n" { line += 1; lineStart = i + 1 }
    var lineEnd = lineStart
    while lineEnd < scalars.count, scalars[lineEnd] != "\n" { lineEnd += 1 }
    let text = scalars[lineStart..<lineEnd].map { $0 == "\t" ? " " : $0 }
    let col = text[0..<(start - lineStart)].reduce(0) { $0 + FallbackWidth.cells($1) } + 1
    let underEnd = min(end, lineEnd)
    let carets = max(1, scalars[start..<max(start, underEnd)].reduce(0) { $0 + FallbackWidth.cells($1) })
    let red = color ? "\u{1B}[1;31m" : "", bold = color ? "\u{1B}[1m" : "", reset = color ? "\u{1B}[0m" : ""
    var out = "\(bold)\(sourceName):\(line + lineOffset):\(col):\(reset) \(red)error:\(reset) \(bold)\(d.message)\(reset)\n"
    out += String(String.UnicodeScalarView(text)) + "\n"
    out += String(repeating: " ", count: col - 1) + red + String(repeating: "^", count: carets) + reset + "\n"
    if let hint = d.hint { out += "hint: \(hint)\n" }
    for note in d.notes { out += "note: \(note)\n" }
    return out
  }
}
