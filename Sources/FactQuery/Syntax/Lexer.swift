import NewsFacts
import NewsText

/// Splits statement text into tokens, working on Unicode scalars.
///
/// - Keywords and names are ASCII words, matched case-insensitively (stored lowercased).
/// - Strings are `"…"` or `'…'`; a quote inside is written twice (`"a ""b"" c"`), SQL style.
///   A backslash is an ordinary character (Windows paths stay as typed). Chinese quotes
///   `“…”`, `‘…’`, `「…」` and `『…』` delimit strings too, with no escapes. Strings may span lines.
/// - Full-width forms outside strings (`＝ ， （ ） ＜ １０`) and the ideographic space are read as
///   their ASCII twins, so pasted text works; `、` reads as a comma. Offsets never shift: each
///   folds one scalar to one scalar.
/// - `--` starts a comment to the end of the line (outside strings). Zero-width and bidi
///   format characters (RTL marks, BOM) outside strings are blank.
/// - Numbers carry their unit glued on: see `NumberReader`.
struct Lexer {
  /// The text as written.
  let source: [Unicode.Scalar]
  /// The text with full-width forms folded to ASCII: same length, same offsets.
  let folded: [Unicode.Scalar]
  var position = 0

  init(_ text: String) {
    // Decode the (valid) UTF-8 in one pass into one buffer; the folded copy shares it unless
    // some scalar actually folds (most statements have nothing full-width).
    var text = text
    var folds = false
    let scalars: [Unicode.Scalar] = text.withUTF8 { u in
      [Unicode.Scalar](unsafeUninitializedCapacity: u.count) { out, count in
        var i = 0, n = 0
        while i < u.count {
          let v = UTF8Decoding.next(u.baseAddress!, &i)
          let s = Unicode.Scalar(v) ?? "\u{FFFD}"
          if v >= 0x2212, !folds, Lexer.fold(s) != s { folds = true }
          out.initializeElement(at: n, to: s)
          n += 1
        }
        count = n
      }
    }
    source = scalars
    if !folds {
      folded = scalars
      return
    }
    folded = [Unicode.Scalar](unsafeUninitializedCapacity: scalars.count) { out, count in
      scalars.withUnsafeBufferPointer { input in
        for i in 0..<input.count {
          let s = input[i]
          // Only a few ranges fold; most scalars are copied as they are.
          out.initializeElement(at: i, to: s.value < 0x2212 ? s : Lexer.fold(s))
        }
      }
      count = scalars.count
    }
  }

  /// Every token up to and including `.end`.
  static func tokens(_ text: String) -> [Token] {
    var lexer = Lexer(text)
    var out: [Token] = []
    while true {
      let t = lexer.next()
      out.append(t)
      if t.kind == .end { return out }
    }
  }

  /// Full-width ASCII forms, the ideographic space, `、` and the minus sign, as ASCII.
  static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
    switch s.value {
    case 0xFF01...0xFF5E: return Unicode.Scalar(s.value - 0xFEE0) ?? s
    case 0x3000: return " "
    case 0x3001: return ","
    case 0x2212: return "-"
    default: return s
    }
  }

  /// Blank outside strings: white space and invisible format characters.
  static func isBlank(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0xA0, 0x1680, 0x180E, 0x2000...0x200F,
         0x2028...0x202E, 0x205F...0x2064, 0x2066...0x206F, 0xFEFF:
      return true
    default:
      return false
    }
  }

  static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

  static func isASCIILetter(_ s: Unicode.Scalar) -> Bool {
    (s.value >= 0x41 && s.value <= 0x5A) || (s.value >= 0x61 && s.value <= 0x7A)
  }

  /// Letters, digits and `_` of a word; non-ASCII letters make it bare text.
  static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
    if s.value < 0x80 { return isASCIILetter(s) || isDigit(s) || s == "_" }
    if isBlank(s) { return false }
    let p = s.properties
    if p.isAlphabetic { return true }
    switch p.generalCategory {
    case .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark: return true
    default: return false
    }
  }

  func scalar(at i: Int) -> Unicode.Scalar? { i >= 0 && i < folded.count ? folded[i] : nil }

  func written(_ range: SourceRange) -> String {
    let lo = max(0, min(range.lowerBound, source.count)), hi = max(lo, min(range.upperBound, source.count))
    return source.withUnsafeBufferPointer { Lexer.string($0[lo..<hi]) }
  }

  /// The UTF-8 string of `scalars`, encoded in one pass into an exactly sized buffer (a small
  /// string, without allocating, up to 15 bytes).
  static func string(_ scalars: Slice<UnsafeBufferPointer<Unicode.Scalar>>) -> String {
    var bytes = 0
    for s in scalars { bytes += UTF8.width(s) }
    return String(unsafeUninitializedCapacity: bytes) { out in
      var k = 0
      for s in scalars {
        let v = s.value
        if v < 0x80 {
          out[k] = UInt8(v); k += 1
        } else if v < 0x800 {
          out[k] = UInt8(0xC0 | v >> 6); out[k + 1] = UInt8(0x80 | v & 0x3F); k += 2
        } else if v < 0x10000 {
          out[k] = UInt8(0xE0 | v >> 12); out[k + 1] = UInt8(0x80 | (v >> 6) & 0x3F)
          out[k + 2] = UInt8(0x80 | v & 0x3F); k += 3
        } else {
          out[k] = UInt8(0xF0 | v >> 18); out[k + 1] = UInt8(0x80 | (v >> 12) & 0x3F)
          out[k + 2] = UInt8(0x80 | (v >> 6) & 0x3F); out[k + 3] = UInt8(0x80 | v & 0x3F); k += 4
        }
      }
      return k
    }
  }

  /// The folded text of `range` (what `written` is before full-width folding).
  func foldedText(_ range: Range<Int>) -> String {
    folded.withUnsafeBufferPointer { Lexer.string($0[range]) }
  }

  /// Skips blanks and comments.
  mutating func skipTrivia() {
    while position < folded.count {
      let c = folded[position]
      if Lexer.isBlank(c) { position += 1; continue }
      if c == "-", scalar(at: position + 1) == "-" {
        while position < folded.count, folded[position] != "\n" { position += 1 }
        continue
      }
      return
    }
  }

  /// The next token; `.end` (repeatedly) at the end of the text.
  mutating func next() -> Token {
    skipTrivia()
    let start = position
    guard let c = scalar(at: start) else { return Token(.end, folded.count..<folded.count) }
    func single(_ kind: Token.Kind) -> Token {
      position = start + 1
      return Token(kind, start..<start + 1, text: foldedText(start..<start + 1))
    }
    func double(_ kind: Token.Kind, _ text: String) -> Token {
      position = start + 2
      return Token(kind, start..<start + 2, text: text)
    }
    let next = scalar(at: start + 1)
    switch c {
    case "(": return single(.leftParen)
    case ")": return single(.rightParen)
    case ",": return single(.comma)
    case ";": return single(.semicolon)
    case "=": return next == "=" ? double(.comparison(.equal), "==") : single(.comparison(.equal))
    case "≠": return single(.comparison(.notEqual))
    case "≤": return single(.comparison(.lessOrEqual))
    case "≥": return single(.comparison(.greaterOrEqual))
    case "<":
      if next == "=" { return double(.comparison(.lessOrEqual), "<=") }
      if next == ">" { return double(.comparison(.notEqual), "<>") }
      return single(.comparison(.less))
    case ">": return next == "=" ? double(.comparison(.greaterOrEqual), ">=") : single(.comparison(.greater))
    case "!":
      if next == "=" { return double(.comparison(.notEqual), "!=") }
      var t = single(.invalid)
      t.problem = Diagnostic("unexpected '!'", at: t.range, hint: "'!=' means not equal; 'not' negates a condition")
      return t
    case "\"", "'": return string(closers: [c], doubling: true)
    case "“": return string(closers: ["”", "“"], doubling: false)
    case "‘": return string(closers: ["’", "‘"], doubling: false)
    case "「": return string(closers: ["」"], doubling: false)
    case "『": return string(closers: ["』"], doubling: false)
    case "$": return parameter()
    case ".":
      if let n = next, Lexer.isDigit(n) { return number() }
      return single(.dot)
    default:
      if Lexer.isDigit(c) || ((c == "-" || c == "+") && next.map(Lexer.isDigit) == true) { return number() }
      if Lexer.isWordScalar(c) { return word() }
      return invalid()
    }
  }

  private mutating func word() -> Token {
    let start = position
    var ascii = true
    while position < folded.count, Lexer.isWordScalar(folded[position]) {
      if folded[position].value >= 0x80 { ascii = false }
      position += 1
    }
    if ascii {
      // Lowercased straight into the string's bytes (a small string for words up to 15 letters).
      let n = position - start
      var key: UInt64 = 0
      var same = true  // no capital lowered, nothing folded
      let text = folded.withUnsafeBufferPointer { f in
        source.withUnsafeBufferPointer { src in
          String(unsafeUninitializedCapacity: n) { out in
            for k in 0..<n {
              let v = f[start + k].value
              if v >= 0x41 && v <= 0x5A || src[start + k].value != v { same = false }
              out[k] = UInt8(truncatingIfNeeded: v >= 0x41 && v <= 0x5A ? v + 32 : v)
            }
            key = Keywords.key(UnsafeBufferPointer(rebasing: out[0..<n]))
            return n
          }
        }
      }
      return Token(word: text, start..<position, key: key, textIsWritten: same)
    }
    return Token(.bareText, start..<position, text: written(start..<position))
  }

  private mutating func invalid() -> Token {
    let start = position
    position += 1
    // Swallow the rest of an emoji sequence or a run of stray symbols, so the caret covers it.
    while position < folded.count {
      let c = folded[position]
      if Lexer.isBlank(c) && !(c.value == 0x200D) { break }
      if Lexer.isWordScalar(c) || "()=,;<>!\"'$“‘「『.-".unicodeScalars.contains(c) { break }
      position += 1
    }
    let range = start..<position
    var t = Token(.invalid, range, text: written(range))
    let first = source[start]
    let shown: String
    if first.value < 0x20 || (first.value >= 0x7F && first.value < 0xA0) || first.properties.generalCategory == .format {
      shown = "character " + Lexer.codePoint(first)
    } else {
      shown = "'" + t.text + "'"
    }
    // Stray ASCII punctuation is a typo, not a value; other symbols (emoji) belong in quotes.
    let hint: String? = first.value < 0x21 || first.value > 0x7E ? (first.value > 0x7F && shown.hasPrefix("'") ? "text values go in quotes: \"…\"" : nil)
      : "operators are = != < <= > >=; words: in, between, is null, contains, like"
    t.problem = Diagnostic("unexpected \(shown)", at: range, hint: hint)
    return t
  }

  /// `U+0000` style.
  static func codePoint(_ s: Unicode.Scalar) -> String {
    var hex = String(s.value, radix: 16, uppercase: true)
    while hex.count < 4 { hex = "0" + hex }
    return "U+" + hex
  }

  private mutating func parameter() -> Token {
    let start = position
    position += 1
    var n = 0
    var overflow = false
    let digitsStart = position
    while position < folded.count, Lexer.isDigit(folded[position]) {
      let (m, o1) = n.multipliedReportingOverflow(by: 10)
      let (s, o2) = m.addingReportingOverflow(Int(folded[position].value - 48))
      overflow = overflow || o1 || o2
      n = s
      position += 1
    }
    let range = start..<position
    var t = Token(.literal, range, text: written(range))
    if position == digitsStart {
      t.kind = .invalid
      t.problem = Diagnostic("expected a number after '$'", at: range, hint: "parameters are written $1, $2 …")
    } else if overflow || n == 0 {
      t.kind = .invalid
      t.problem = Diagnostic("no parameter \(t.text)", at: range, hint: "parameters are numbered from $1")
    } else {
      t.literal = .parameter(n)
    }
    return t
  }

  private mutating func string(closers: [Unicode.Scalar], doubling: Bool) -> Token {
    let start = position
    let close1 = closers[0], close2 = closers.count > 1 ? closers[1] : closers[0]
    var i = start + 1
    // The content as written: one piece, or several where a doubled quote stands for one.
    var content = ""
    var closed = false
    folded.withUnsafeBufferPointer { f in
      var segment = i
      while i < f.count {
        let c = f[i]
        if c == close1 || c == close2 {
          if doubling, i + 1 < f.count, f[i + 1] == c {
            content += written(segment..<i + 1)
            i += 2
            segment = i
            continue
          }
          content += written(segment..<i)
          closed = true
          return
        }
        i += 1
      }
      content += written(segment..<f.count)
    }
    if closed {
      position = i + 1
      return Token(.string, start..<position, text: content)
    }
    position = folded.count
    var t = Token(.unterminatedString, start..<position, text: content)
    t.problem = Diagnostic("unterminated string", at: start..<start + 1, hint: "the string needs a closing \(close1)")
    return t
  }

  private mutating func number() -> Token {
    var reader = NumberReader(folded: folded, start: position)
    let outcome = reader.read()
    position = reader.end
    let range = outcome.range
    var t = Token(.literal, range, text: written(range))
    switch outcome.result {
    case .success(let value):
      t.literal = value
    case .failure(let problem):
      t.kind = .invalid
      t.problem = problem
    }
    return t
  }
}
