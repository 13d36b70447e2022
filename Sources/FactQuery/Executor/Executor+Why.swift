import FactStore
import NewsFacts

extension Executor {
  /// `why E ID`: every source of the fact — document, article, sentence, span — and the
  /// sentence with the fact's own words (its text, place and list values) marked 【like this】.
  static func why(_ e: Entity, id: Int64, range: SourceRange, context: QueryContext) throws(QueryError) -> ResultSet {
    let t = context.snapshot.table(e)
    guard case .number(let ids)? = t.column("id") else { throw .diagnostic(Diagnostic("no \(e.rawValue) with id \(id)", at: range)) }
    let r = ids.sortedRange(lo: Double(id), loInclusive: true, hi: Double(id), hiInclusive: true)
    guard let first = r.first else {
      throw .diagnostic(Diagnostic("no \(e.rawValue) with id \(id)", at: range,
                                   hint: t.rowCount == 0 ? "there are no \(e.plural)" : "ids run from \(ids.statistics.min) to \(ids.statistics.max)"))
    }
    let row = Int(ids.sorted[first])
    // Read straight from the columns (no `Fact` rebuilt): the fact's own words, then its
    // provenance fields.
    var words: [String] = []
    for (i, spec) in t.fields.enumerated() where !Schema.provenanceFields.contains(spec.name) {
      switch t.columns[i] {
      case .text(let c): if let s = c.text(row) { words.append(s) }
      case .list(let c): if let xs = c.list(row) { words.append(contentsOf: xs) }
      default: break
      }
    }
    var sources: [Source] = []
    if case .text(let evc)? = t.column("evidence"), let ev = evc.text(row) {
      var span = 0..<0
      if case .span(let a, let b)? = t.column("span")?.value(row), a <= b { span = a..<b }
      var art: Int64 = 0
      if case .integer(let i)? = t.column("article")?.value(row) { art = i }
      var doc = ""
      if case .text(let d)? = t.column("doc")?.value(row) { doc = d }
      sources.append(Source(doc: doc, article: art, evidence: ev, span: span))
    }
    sources += t.moreSources[UInt32(row)] ?? []
    let columns = [ResultColumn(name: "doc", kind: .text), ResultColumn(name: "article", kind: .integer),
                   ResultColumn(name: "evidence", kind: .text), ResultColumn(name: "span", kind: .span),
                   ResultColumn(name: "marked", kind: .text)]
    let rows: [[Value]] = sources.map { s in
      [.text(s.doc), .integer(s.article), .text(s.evidence), .span(s.span.lowerBound, s.span.upperBound),
       .text(mark(s.evidence, words))]
    }
    return ResultSet(columns: columns, rows: rows)
  }

  /// `text` with each occurrence of a word wrapped in 【】, longest word first, no overlaps.
  /// Works on UTF-8 bytes: two words matching at one place are prefix and extension, so the
  /// longer in bytes is the longer in characters, and a match starts on a character.
  static func mark(_ text: String, _ words: [String]) -> String {
    var ws = words.filter { !$0.isEmpty }.map { Array($0.utf8) }
    ws.sort { $0.count != $1.count ? $0.count > $1.count : $0.lexicographicallyPrecedes($1) }
    var unique: [[UInt8]] = []
    for w in ws where unique.last != w { unique.append(w) }
    let t = Array(text.utf8)
    let open = Array("【".utf8), close = Array("】".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(t.count + 12)
    var i = 0
    while i < t.count {
      var matched = 0
      for w in unique where w.count <= t.count - i {
        var k = 0
        while k < w.count && t[i + k] == w[k] { k += 1 }
        if k == w.count { matched = k; break }
      }
      if matched > 0 {
        out.append(contentsOf: open)
        out.append(contentsOf: t[i..<(i + matched)])
        out.append(contentsOf: close)
        i += matched
      } else {
        // One character: a lead byte and its continuation bytes.
        out.append(t[i])
        i += 1
        while i < t.count && t[i] & 0xC0 == 0x80 { out.append(t[i]); i += 1 }
      }
    }
    return String(decoding: out, as: UTF8.self)
  }
}
