/// Line-level repairs on text that went through a PDF or a web converter: spaces inside words
/// and numbers, paragraphs split across pages, markdown emphasis, ASCII punctuation in Chinese.
///
/// The rules use evidence from the line and the document, never from particular words:
/// A run of spaces counts as one (PDF wrapping often leaves two: `同比  增长`); when a rule
/// closes a gap, the whole run goes.
/// - A single space between a number and a Chinese character inside prose (`第 60 位`,
///   `100.06 亿元`) goes; outside prose (headlines, datelines) only before a unit (`2021 年`).
/// - Inside prose, a single space next to punctuation between Chinese text goes (`书记, 绛县`).
/// - PDF line wraps: in prose, single spaces between Chinese characters that recur at a regular
///   interval (the column width, estimated from the line, else from the whole document) go;
///   a space with no partner at that distance stays (`怡然见晋中 田园太谷游`). Headlines keep
///   theirs (`只争朝夕 真抓实干`). A space at that interval inside a number, or between a
///   number and its `%` or decimal point, goes too (`1 4%`): the wrap falls where it falls.
/// - Letter-spaced words (`六 个 一`: single characters between single spaces) are closed up.
/// - A paragraph that ends mid-sentence (a long prose line ending on a character) and is
///   followed, after a single blank line, by prose is joined to it (page breaks).
struct SpaceRepair {
  var scalars: [Unicode.Scalar]
  var deleted: [Bool]
  /// Whether any scalar was deleted (most documents lose none: their normalised text is then
  /// the first pass's as it stands, with no scan of `deleted`).
  private(set) var anyDeleted = false

  init(scalars: [Unicode.Scalar]) {
    self.scalars = scalars
    self.deleted = [Bool](repeating: false, count: scalars.count)
  }

  /// One line: plain values only (no arrays), so the list of a document's lines is one
  /// allocation; its gap candidates live in `repairSpaces`'s flat lists.
  struct Line {
    var start: Int
    var end: Int  // index of the '\n' or count
    var prose = false
    var blank = true
    /// Whether the line holds an ASCII space at all (lines without one have no gap to close).
    var spaced = false
    var width = 0  // regular gap found in this line, 0 if none
  }

  // MARK: classes

  @inline(__always) func v(_ k: Int) -> UInt32 { scalars[k].value }
  @inline(__always) static func ideo(_ v: UInt32) -> Bool { ScalarClass.isIdeograph(v) }
  @inline(__always) static func digit(_ v: UInt32) -> Bool { ScalarClass.isASCIIDigit(v) }
  /// Punctuation that belongs to Chinese text or is used in it by converters.
  @inline(__always) static func punct(_ v: UInt32) -> Bool {
    ScalarClass.isCJKPunctuation(v) || v == 0x2C || v == 0x3B || v == 0x3A || v == 0x22 || v == 0x21 || v == 0x3F
  }
  @inline(__always) static func space(_ v: UInt32) -> Bool { v == 0x20 || v == 0x09 }
  /// Two sides of a gap inside a number: digits, or a digit and its `%` or decimal point.
  @inline(__always) static func numeric(_ l: UInt32, _ r: UInt32) -> Bool {
    (digit(l) && (digit(r) || r == 0x25 || r == 0x2E)) || (l == 0x2E && digit(r))
  }

  /// Characters that follow a number as its unit or counter.
  static let units: Set<UInt32> = Set(
    "年月日号时分秒点亿万千百十元角位个名人户家项亩米吨度倍次届期条件台辆座所栋层岁天周季批场篇部份张倍克斤公里平方立余多".unicodeScalars.map(\.value))

  mutating func run() {
    // One pass finds the lines and whether the emphasis and punctuation rules have anything to
    // act on (most news has neither `**` nor ASCII punctuation left after the first pass).
    var (lines, stars, punctuation) = splitLines()
    if stars { removeEmphasis(&lines) }
    repairSpaces(&lines)
    joinPages(lines)
    if punctuation { canonicalPunctuation() }
  }

  /// The lines, and whether the text holds `*` and ASCII punctuation (`,;:!?"`).
  func splitLines() -> (lines: [Line], stars: Bool, punctuation: Bool) {
    // (everything the scan writes is local to the closure, and the open line is a struct whose
    // `close` takes the lines as `inout`: no nested function captures a variable, which would
    // cost an exclusivity check at each line)
    scalars.withUnsafeBufferPointer { b in
      var lines: [Line] = []
      lines.reserveCapacity(b.count / 16 + 8)
      var stars = false
      var punctuation = false
      var open = OpenLine()
      let n = b.count
      var k = 0
      while k < n {
        let c = b[k].value
        // Chinese text first: ideographs and full-width punctuation take the first branch.
        if c > 0x3002 {
          open.nonSpace &+= 1
          if c >= 0xFF01 {
            if c == 0xFF0C { open.commas &+= 1 } else if c == 0xFF01 || c == 0xFF1F || c == 0xFF1B { open.prose = true }
          }
        } else if c == 0x3002 {
          open.nonSpace &+= 1
          open.prose = true
        } else if c == 0x0A {
          open.close(at: k, into: &lines)
        } else if c == 0x20 {
          open.spaced = true
        } else if c != 0x09 && c != 0x3000 {
          open.nonSpace &+= 1
          if c < 0x40 {
            if c == 0x2C || c == 0x3B { open.commas &+= 1 }
            if c == 0x2A { stars = true } else if c == 0x2C || c == 0x3B || c == 0x3A || c == 0x21 || c == 0x3F || c == 0x22 { punctuation = true }
          }
        }
        k &+= 1
      }
      open.close(at: n, into: &lines)
      return (lines, stars, punctuation)
    }
  }

  /// The line `splitLines` is in: where it starts and what it has seen so far.
  private struct OpenLine {
    var start = 0
    var commas = 0
    var nonSpace = 0
    var prose = false
    var spaced = false

    /// Ends the line at `k` (a line break or the text's end) into `lines`; the next starts after it.
    @inline(__always)
    mutating func close(at k: Int, into lines: inout [Line]) {
      var line = Line(start: start, end: k)
      line.blank = nonSpace == 0
      line.prose = prose || (commas > 0 && nonSpace >= 20)
      line.spaced = spaced
      lines.append(line)
      self = OpenLine(start: k + 1)
    }
  }

  /// `**` emphasis next to Chinese text.
  mutating func removeEmphasis(_ lines: inout [Line]) {
    for line in lines where !line.blank {
      var k = line.start
      while k + 1 < line.end {
        if v(k) == 0x2A && v(k + 1) == 0x2A && (k + 2 >= line.end || v(k + 2) != 0x2A) && (k == line.start || v(k - 1) != 0x2A) {
          let before = k > line.start ? v(k - 1) : 0x20
          let after = k + 2 < line.end ? v(k + 2) : 0x20
          if Self.ideo(before) || Self.ideo(after) || Self.punct(before) || Self.punct(after) {
            deleted[k] = true
            deleted[k + 1] = true
            anyDeleted = true
          }
          k += 2
        } else {
          k += 1
        }
      }
    }
  }

  /// The gap value with most gaps within ±2 of it, when at least `minimum` gaps agree
  /// (gaps of 10…200 scalars count; a histogram keeps this linear).
  static func regularGap(_ gaps: [Int], minimum: Int) -> Int {
    // (fewer gaps than `minimum` cannot agree: no histogram for them)
    guard gaps.count >= minimum else { return 0 }
    let top = 200
    var histogram = [Int](repeating: 0, count: top + 3)
    for g in gaps where g >= 8 && g <= top { histogram[g] += 1 }
    var best = 0
    var bestCount = 0
    for g in 10...top where histogram[g] > 0 {
      var c = 0
      for h in (g - 2)...(g + 2) { c += histogram[h] }
      if c > bestCount { best = g; bestCount = c }
    }
    return bestCount >= minimum ? best : 0
  }

  mutating func repairSpaces(_ lines: inout [Line]) {
    var documentGaps: [Int] = []
    // The lines with candidates, in order: line `li`'s are `allCands[from..<to]` (runs alike).
    var allCands: [Int] = []
    var allRuns: [Int] = []
    var candLines: [(li: Int, from: Int, to: Int)] = []
    for li in lines.indices {
      guard !lines[li].blank && lines[li].spaced else { continue }
      let line = lines[li]
      // (the line's candidates go straight into the flat lists: no arrays per line)
      let from = allCands.count
      var wideCount = 0
      var k = line.start + 1
      while k + 1 < line.end {
        if v(k) == 0x20 && !Self.space(v(k - 1)) && v(k - 1) != 0x3000 {
          // A run of spaces (up to four) between two non-spaces counts as one gap.
          var e = k + 1
          while e < line.end && v(e) == 0x20 && e - k < 4 { e += 1 }
          if e < line.end && !Self.space(v(e)) && v(e) != 0x3000 {
            let l = v(k - 1)
            let r = v(e)
            if Self.ideo(l) || Self.ideo(r) || Self.punct(l) || Self.punct(r) || (line.prose && Self.numeric(l, r)) {
              allCands.append(k)
              allRuns.append(e - k)
              if !Self.numeric(l, r) { wideCount += 1 }
            }
          }
          k = e
          continue
        }
        k += 1
      }
      // The column width from the gaps between candidates outside numbers (as before gaps in
      // numbers were candidates, so that they change no estimate).
      if wideCount >= 3 && line.prose {
        let wide = (from..<allCands.count).filter { !Self.numeric(v(allCands[$0] - 1), v(allCands[$0] + allRuns[$0])) }
          .map { allCands[$0] }
        var gaps: [Int] = []
        for c in 1..<wide.count { gaps.append(wide[c] - wide[c - 1]) }
        let w = Self.regularGap(gaps, minimum: 2)
        lines[li].width = w
        if w > 0 { documentGaps.append(contentsOf: gaps.filter { abs($0 - w) <= 2 }) }
      }
      if allCands.count > from { candLines.append((li, from, allCands.count)) }
    }
    let documentWidth = Self.regularGap(documentGaps, minimum: 3)

    for (li, from, to) in candLines {
      let line = lines[li]
      // (the line's candidates are searched in place, not copied out)
      let width = line.width > 0 ? line.width : documentWidth
      var chainSingles = 0
      for ci in from..<to {
        let k = allCands[ci]
        let run = allRuns[ci]
        let l = v(k - 1)
        let r = v(k + run)
        func close() {
          for j in k..<(k + run) { deleted[j] = true }
          anyDeleted = true
        }
        if Self.numeric(l, r) {
          // Inside a number (`1 4%`): only a wrap at the column width.
          if width > 0 && (Self.any(in: allCands, from, to, from: k + width - 2, through: k + width + 2)
            || Self.any(in: allCands, from, to, from: k - width - 2, through: k - width + 2)) { close() }
          continue
        }
        let li = Self.ideo(l)
        let ri = Self.ideo(r)
        // Numbers next to Chinese.
        if (Self.digit(l) && ri) || (li && Self.digit(r)) || (l == 0x25 && ri) {
          if line.prose || (Self.digit(l) && Self.units.contains(r)) || (l == 0x7B2C /* 第 */ && Self.digit(r)) {
            close()
          }
          continue
        }
        // Punctuation next to Chinese, inside prose.
        if line.prose && !(li && ri) && (li || Self.punct(l)) && (ri || Self.punct(r)) {
          close()
          continue
        }
        guard li && ri else { continue }
        // Letter spacing: X␠Y␠Z with Y a single character.
        if run == 1 && k + 3 < line.end && v(k + 2) == 0x20 && Self.ideo(v(k + 3)) {
          deleted[k] = true
          deleted[k + 2] = true
          anyDeleted = true
          chainSingles += 1
          continue
        }
        _ = chainSingles
        guard line.prose, width > 0 else { continue }
        // another candidate at the column width (±2) before or after: candidates are sorted,
        // so two binary searches (a loop over all of them made long lines quadratic)
        _ = ci
        var partner = Self.any(in: allCands, from, to, from: k + width - 2, through: k + width + 2)
          || Self.any(in: allCands, from, to, from: k - width - 2, through: k - width + 2)
        if !partner && to - from == 1 && k - line.start <= width + 2 && line.end - k <= width + 2 {
          partner = true
        }
        if partner { close() }
      }
    }
  }

  /// Whether the sorted `xs[start..<end]` has an element in `lo...hi`.
  static func any(in xs: [Int], _ start: Int, _ end: Int, from lo: Int, through hi: Int) -> Bool {
    var a = start, b = end
    while a < b { let m = (a + b) >> 1; if xs[m] < lo { a = m + 1 } else { b = m } }
    return a < end && xs[a] <= hi
  }

  /// First and last kept, non-space scalar of a line.
  func firstLast(_ line: Line) -> (Int, Int)? {
    var a = line.start
    while a < line.end && (deleted[a] || Self.space(v(a)) || v(a) == 0x3000) { a += 1 }
    var b = line.end - 1
    while b >= a && (deleted[b] || Self.space(v(b)) || v(b) == 0x3000) { b -= 1 }
    return a < line.end && b >= a ? (a, b) : nil
  }

  /// Whether the line leaves a quotation open (odd number of `"`, or more “ than ”).
  func unclosedQuote(_ line: Line) -> Bool {
    var straight = 0
    var open = 0
    var close = 0
    for k in line.start..<line.end where !deleted[k] {
      switch v(k) {
      case 0x22: straight += 1
      case 0x201C: open += 1
      case 0x201D: close += 1
      default: break
      }
    }
    return straight % 2 == 1 || open > close
  }

  mutating func joinPages(_ lines: [Line]) {
    var li = 0
    while li < lines.count {
      let a = lines[li]
      guard !a.blank, let (aFirst, aLast) = firstLast(a) else { li += 1; continue }
      var lj = li + 1
      while lj < lines.count && lines[lj].blank { lj += 1 }
      guard lj < lines.count, lj - li <= 2, let (bFirst, bLast) = firstLast(lines[lj]) else { li = lj; continue }
      let b = lines[lj]
      let endChar = v(aLast)
      let startChar = v(bFirst)
      let aLength = aLast - aFirst + 1
      let aStartsBlock = v(aFirst) == 0x23 || v(aFirst) == 0x2D
      let bEnd = v(bLast)
      let bEndsSentence = ScalarClass.isSentenceEnd(bEnd) || ScalarClass.isClosing(bEnd)
      let captionB = bEnd == 0x6444 /* 摄 */
      if (a.prose && aLength >= 30 || unclosedQuote(a) && aLength >= 10) && !aStartsBlock
        && (Self.ideo(endChar) || Self.digit(endChar) || ScalarClass.isASCIILetter(endChar))
        && (Self.ideo(startChar) || Self.digit(startChar)) && (b.prose || bEndsSentence) && !captionB
      {
        for k in (aLast + 1)..<bFirst { deleted[k] = true; anyDeleted = true }
      }
      li = lj
    }
  }

  /// ASCII punctuation inside Chinese text → Chinese punctuation; `"` pairs → “”.
  mutating func canonicalPunctuation() {
    let n = scalars.count
    var quotes: [Int] = []
    var quoteContext = false
    var k = 0
    func prevKept(_ k: Int) -> UInt32 {
      var j = k - 1
      while j >= 0 && deleted[j] { j -= 1 }
      return j >= 0 ? scalars[j].value : 0x0A
    }
    func nextKept(_ k: Int) -> UInt32 {
      var j = k + 1
      while j < n && deleted[j] { j += 1 }
      return j < n ? scalars[j].value : 0x0A
    }
    func flushQuotes() {
      if quoteContext && quotes.count >= 2 && quotes.count % 2 == 0 {
        for (q, idx) in quotes.enumerated() { scalars[idx] = q % 2 == 0 ? "\u{201C}" : "\u{201D}" }
      }
      quotes.removeAll(keepingCapacity: true)
      quoteContext = false
    }
    while k < n {
      if deleted[k] { k += 1; continue }
      let c = scalars[k].value
      switch c {
      case 0x0A:
        flushQuotes()
      case 0x2C, 0x3B, 0x3A, 0x21, 0x3F:
        let l = prevKept(k)
        let r = nextKept(k)
        let li = Self.ideo(l) || ScalarClass.isCJKPunctuation(l) || l == 0x22
        let ri = Self.ideo(r)
        if Self.digit(l) && Self.digit(r) { break }
        switch c {
        case 0x2C: if li || ri { scalars[k] = "\u{FF0C}" }
        case 0x3B: if li || ri { scalars[k] = "\u{FF1B}" }
        case 0x3A: if li || ri { scalars[k] = "\u{FF1A}" }
        case 0x21: if li { scalars[k] = "\u{FF01}" }
        default: if li && !ri && r != 0x3F { scalars[k] = "\u{FF1F}" }
        }
      case 0x22:
        quotes.append(k)
        if Self.ideo(prevKept(k)) || Self.ideo(nextKept(k)) { quoteContext = true }
      default:
        break
      }
      k += 1
    }
    flushQuotes()
  }
}
