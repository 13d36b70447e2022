import FactStore
import NewsFacts

extension Executor {
  /// The columns of a `why` result.
  static let whyColumns = [ResultColumn(name: "doc", kind: .text), ResultColumn(name: "article", kind: .integer),
                           ResultColumn(name: "evidence", kind: .text), ResultColumn(name: "span", kind: .span),
                           ResultColumn(name: "marked", kind: .text)]

  /// `why E ID`: every source of the fact — document, article, sentence, span — and the
  /// sentence with the fact's own words (its text, place and list values) marked 【like this】.
  ///
  /// Reads by the schema's layout (`id` first; `doc`, `article`, `evidence`, `span` last), and
  /// the fact's words as bytes from the column dictionaries: no field is looked up by name and
  /// no word becomes a `String`.
  static func why(_ e: Entity, id: Int64, range: SourceRange, context: QueryContext) throws(QueryError) -> ResultSet {
    let t = context.snapshot.table(e)
    let n = t.columns.count
    guard n >= 5, case .number(let ids) = t.columns[0] else { throw .diagnostic(Diagnostic("no \(e.rawValue) with id \(id)", at: range)) }
    assert(t.fields[0].name == "id" && t.fields[n - 4].name == "doc" && t.fields[n - 3].name == "article"
      && t.fields[n - 2].name == "evidence" && t.fields[n - 1].name == "span")
    let r = ids.sortedRange(lo: Double(id), loInclusive: true, hi: Double(id), hiInclusive: true)
    guard let first = r.first else {
      throw .diagnostic(Diagnostic("no \(e.rawValue) with id \(id)", at: range,
                                   hint: t.rowCount == 0 ? "there are no \(e.plural)" : "ids run from \(ids.statistics.min) to \(ids.statistics.max)"))
    }
    let row = Int(ids.sorted[first])
    // The fact's own words: its text, place and list values (not the provenance fields).
    var words = WordPool()
    for i in 1..<(n - 4) {
      switch t.columns[i] {
      case .text(let c):
        let code = c.codes[row]
        if code != TextColumn.null { words.add(c.dictionary.values, Int(code)) }
      case .list(let c):
        if c.present[row] { for code in c.codes(row) { words.add(c.dictionary.values, Int(code)) } }
      default: break
      }
    }
    var rows: [[Value]] = []
    if case .text(let evc) = t.columns[n - 2], let ev = evc.text(row) {
      var span = 0..<0
      if case .span(let a, let b) = t.columns[n - 1].value(row), a <= b { span = a..<b }
      var art: Int64 = 0
      if case .integer(let i) = t.columns[n - 3].value(row) { art = i }
      var doc = ""
      if case .text(let d) = t.columns[n - 4].value(row) { doc = d }
      rows.append(whyRow(Source(doc: doc, article: art, evidence: ev, span: span), &words))
    }
    if !t.moreSources.isEmpty, let more = t.moreSources[UInt32(row)] {
      for s in more { rows.append(whyRow(s, &words)) }
    }
    return ResultSet(columns: whyColumns, rows: rows)
  }

  static func whyRow(_ s: Source, _ words: inout WordPool) -> [Value] {
    [.text(s.doc), .integer(s.article), .text(s.evidence), .span(s.span.lowerBound, s.span.upperBound),
     .text(words.mark(s.evidence))]
  }

  /// `text` with each occurrence of a word wrapped in 【】, longest word first, no overlaps.
  static func mark(_ text: String, _ words: [String]) -> String {
    var pool = WordPool()
    for w in words { pool.add(w) }
    return pool.mark(text)
  }
}

/// The words `why` marks, as UTF-8 bytes in one buffer, longest first once marking starts.
struct WordPool {
  var bytes: [UInt8] = []
  /// (start in `bytes`, length) of each word.
  var words: [(start: Int, count: Int)] = []
  var sorted = false

  init() {}

  mutating func add(_ table: StringTable, _ i: Int) {
    // Straight from the table's buffers (its generic `withUTF8` is not specialised across modules).
    let lo = i == 0 ? 0 : Int(table.ends[i - 1]), hi = Int(table.ends[i])
    table.bytes.withUnsafeBufferPointer { append(UnsafeBufferPointer(rebasing: $0[lo..<hi])) }
  }

  mutating func add(_ s: String) {
    var s = s
    s.withUTF8 { append($0) }
  }

  private mutating func append(_ u: UnsafeBufferPointer<UInt8>) {
    guard !u.isEmpty else { return }
    if bytes.isEmpty { bytes.reserveCapacity(128); words.reserveCapacity(8) }
    words.append((bytes.count, u.count))
    bytes.append(contentsOf: u)
    sorted = false
  }

  /// `text` with each occurrence of a word wrapped in 【】, longest word first, no overlaps.
  /// Works on UTF-8 bytes: two words matching at one place are prefix and extension, so the
  /// longer in bytes is the longer in characters, and a match starts on a character. Returns
  /// `text` itself when no word occurs.
  mutating func mark(_ text: String) -> String {
    if words.isEmpty { return text }
    if !sorted {
      // Longest first; words of one length cannot both match at one place, so their order is free.
      words.sort { $0.count > $1.count }
      sorted = true
    }
    var text = text
    let ws = words
    let marked: [UInt8]? = bytes.withUnsafeBufferPointer { pool in
      text.withUTF8 { t in
        var out: [UInt8] = []
        var found = false
        var copied = 0  // bytes of `t` before this are in `out`
        var i = 0
        while i < t.count {
          var matched = 0
          for w in ws where w.count <= t.count - i {
            var k = 0
            while k < w.count && t[i + k] == pool[w.start + k] { k += 1 }
            if k == w.count { matched = k; break }
          }
          if matched > 0 {
            if !found { out.reserveCapacity(t.count + 24); found = true }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: t[copied..<i]))
            out.append(0xE3); out.append(0x80); out.append(0x90)  // 【
            out.append(contentsOf: UnsafeBufferPointer(rebasing: t[i..<(i + matched)]))
            out.append(0xE3); out.append(0x80); out.append(0x91)  // 】
            i += matched
            copied = i
          } else {
            // One character: a lead byte and its continuation bytes.
            i += 1
            while i < t.count && t[i] & 0xC0 == 0x80 { i += 1 }
          }
        }
        guard found else { return nil }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: t[copied..<t.count]))
        return out
      }
    }
    return marked.map { String(decoding: $0, as: UTF8.self) } ?? text
  }
}
