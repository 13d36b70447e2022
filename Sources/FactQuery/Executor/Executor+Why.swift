import FactStore
import NewsText
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
  /// the fact's words as bytes from the column dictionaries into a buffer on the stack: no
  /// field is looked up by name and no word becomes a `String`.
  static func why(_ e: Entity, id: Int64, range: SourceRange, context: QueryContext) throws(QueryError) -> ResultSet {
    let t = context.snapshot.table(e)
    let n = t.columns.count
    guard n >= 5, case .number(let ids) = t.columns[0] else { throw .diagnostic(Diagnostic("no \(e.rawValue) with id \(id)", at: range)) }
    assert(t.fields[0].name == "id" && t.fields[n - 4].name == "doc" && t.fields[n - 3].name == "article"
      && t.fields[n - 2].name == "evidence" && t.fields[n - 1].name == "span")
    guard let row = Executor.row(of: Double(id), in: ids) else {
      throw .diagnostic(Diagnostic("no \(e.rawValue) with id \(id)", at: range,
                                   hint: t.rowCount == 0 ? "there are no \(e.plural)" : "ids run from \(ids.statistics.min) to \(ids.statistics.max)"))
    }
    let columns = t.columns
    let more = t.moreSources.isEmpty ? nil : t.moreSources[UInt32(row)]
    // One source per row, filled column by column (doc, article, evidence, span, marked).
    var byColumn = [[Value]](repeating: [], count: 5)
    WordPool.withWords(of: columns, row: row) { words in
      func add(_ doc: Value, _ article: Int64, _ evidence: String, _ span: Value) {
        byColumn[0].append(doc)
        byColumn[1].append(.integer(article))
        byColumn[2].append(.text(evidence))
        byColumn[3].append(span)
        byColumn[4].append(.text(words.mark(evidence)))
      }
      if case .text(let evc) = columns[n - 2], let ev = evc.decodedText(row) {
        var span = Value.span(0, 0)
        if case .span(let a, let b) = columns[n - 1].value(row), a <= b { span = .span(a, b) }
        var art: Int64 = 0
        if case .integer(let i) = columns[n - 3].value(row) { art = i }
        var doc = Value.text("")
        if case .text(let c) = columns[n - 4], let d = c.decodedText(row) { doc = .text(d) }
        add(doc, art, ev, span)
      }
      for s in more ?? [] {
        add(.text(s.doc), s.article, s.evidence, .span(s.span.lowerBound, s.span.upperBound))
      }
    }
    return ResultSet(columns: whyColumns, rows: ResultRows(byColumn: byColumn.map(ResultValues.init), count: byColumn[0].count))
  }

  /// The first row whose id is `id`. Ids usually count rows from 1, so the position `id - 1`
  /// of the sorted order is tried first and the binary search runs only when it misses.
  static func row(of id: Double, in ids: NumberColumn) -> Int? {
    let sorted = ids.sorted
    let values = ids.values
    let n = sorted.count
    if let guess = Int(exactly: id - 1), guess >= 0, guess < n, values[Int(sorted[guess])] == id,
       guess == 0 || values[Int(sorted[guess - 1])] < id {
      return Int(sorted[guess])
    }
    var lo = 0, hi = n
    while lo < hi {
      let mid = (lo + hi) >> 1
      if values[Int(sorted[mid])] < id { lo = mid + 1 } else { hi = mid }
    }
    return lo < n && values[Int(sorted[lo])] == id ? Int(sorted[lo]) : nil
  }

  /// `text` with each occurrence of a word wrapped in 【】, longest word first, no overlaps.
  static func mark(_ text: String, _ words: [String]) -> String {
    let bytes = words.reduce(0) { $0 + $1.utf8.count }
    return WordPool.withBuffers(bytes: bytes, words: words.count) { pool in
      for w in words {
        var w = w
        w.withUTF8 { pool.append($0) }
      }
      return pool.mark(text)
    }
  }
}

/// The words `why` marks: their UTF-8 bytes one after another in a buffer (on the stack when
/// small), and where each starts; sorted longest first before marking.
struct WordPool {
  let bytes: UnsafeMutableBufferPointer<UInt8>
  let spans: UnsafeMutableBufferPointer<(start: Int, count: Int)>
  var used = 0
  var count = 0
  /// What the words need, counted even past the buffers' capacity.
  var neededBytes = 0
  var neededWords = 0
  var sorted = false

  /// Stack buffers of this size serve almost every fact; bigger ones go to the heap.
  static let stackBytes = 1024, stackWords = 32

  var overflowed: Bool { neededBytes > bytes.count || neededWords > spans.count }

  /// Calls `body` with a pool of buffers for `bytes` bytes in `words` words.
  static func withBuffers<R>(bytes: Int, words: Int, _ body: (inout WordPool) -> R) -> R {
    if bytes <= stackBytes && words <= stackWords {
      return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: stackBytes) { b in
        withUnsafeTemporaryAllocation(of: (start: Int, count: Int).self, capacity: stackWords) { s in
          var pool = WordPool(bytes: b, spans: s)
          return body(&pool)
        }
      }
    }
    let b = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes)
    let s = UnsafeMutableBufferPointer<(start: Int, count: Int)>.allocate(capacity: words)
    defer { b.deallocate(); s.deallocate() }
    var pool = WordPool(bytes: b, spans: s)
    return body(&pool)
  }

  /// Calls `body` with the words of `row` in `columns` (a table's, in schema order): the values
  /// of its text, place and list fields (those between `id` and the provenance fields).
  static func withWords<R>(of columns: [Column], row: Int, _ body: (inout WordPool) -> R) -> R {
    var need = (bytes: 0, words: 0)
    let r = withBuffers(bytes: stackBytes, words: stackWords) { pool -> R? in
      pool.collect(columns, row)
      if pool.overflowed { need = (pool.neededBytes, pool.neededWords); return nil }
      return body(&pool)
    }
    if let r { return r }
    return withBuffers(bytes: need.bytes, words: need.words) { pool in
      pool.collect(columns, row)
      return body(&pool)
    }
  }

  mutating func collect(_ columns: [Column], _ row: Int) {
    for i in 1..<(columns.count - 4) {
      switch columns[i] {
      case .text(let c):
        let code = c.codes[row]
        guard code != TextColumn.null else { continue }
        add(c.dictionary.values, Int(code))
      case .list(let c):
        guard c.present[row] else { continue }
        let values = c.dictionary.values
        for k in Int(c.offsets[row])..<Int(c.offsets[row + 1]) { add(values, Int(c.elements[k])) }
      default: break
      }
    }
  }

  /// String `i` of `table`, copied (decoded, when the table is coded) straight into the pool.
  mutating func add(_ table: StringTable, _ i: Int) {
    let room = table.utf8Capacity(i)
    guard room > 0 else { return }
    // Counted at its largest (a coded string's room), so buffers of the counted size hold all.
    neededBytes += room
    neededWords += 1
    guard !overflowed, let dst = bytes.baseAddress else { return }
    let n = table.copyUTF8(i, into: dst + used)
    guard n > 0 else { return }
    spans[count] = (used, n)
    used += n
    count += 1
    sorted = false
  }

  mutating func append(_ u: UnsafeBufferPointer<UInt8>) {
    guard !u.isEmpty else { return }
    neededBytes += u.count
    neededWords += 1
    guard !overflowed, let src = u.baseAddress, let dst = bytes.baseAddress else { return }
    (dst + used).update(from: src, count: u.count)
    spans[count] = (used, u.count)
    used += u.count
    count += 1
    sorted = false
  }

  /// `text` with each occurrence of a word wrapped in 【】, longest word first, no overlaps.
  /// Works on UTF-8 bytes: two words matching at one place are prefix and extension, so the
  /// longer in bytes is the longer in characters, and a match starts on a character. Returns
  /// `text` itself when no word occurs.
  mutating func mark(_ text: String) -> String {
    if count == 0 { return text }
    if !sorted {
      // Longest first (insertion sort: a handful of words); words of one length cannot both
      // match at one place, so their order is free.
      for i in 1..<max(1, count) {
        let w = spans[i]
        var j = i
        while j > 0 && spans[j - 1].count < w.count { spans[j] = spans[j - 1]; j -= 1 }
        spans[j] = w
      }
      sorted = true
    }
    var text = text
    let pool = UnsafeBufferPointer(bytes), ws = UnsafeBufferPointer(rebasing: spans[0..<count])
    let marked: String? = text.withUTF8 { t in
      // Each match adds 6 bytes (【】) and covers at least one byte.
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: t.count * 7) { out in
        // Each word's first (up to) four bytes and their mask, tested against the next four
        // bytes of the text before comparing the rest.
        withUnsafeTemporaryAllocation(of: (head: UInt32, mask: UInt32).self, capacity: ws.count) { heads in
          // A filter of the words' first bytes (up to three, one CJK character): 1,024 bits
          // indexed by a hash of them, so most places of the text test no word at all.
          var filter = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0),
                        UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
          for (k, w) in ws.enumerated() {
            var h: UInt32 = 0, m: UInt32 = 0
            for j in 0..<min(4, w.count) { h |= UInt32(pool[w.start + j]) << (8 * j); m |= 0xFF << (8 * j) }
            heads[k] = (h, m)
            let b = WordPool.filterBit(h & m & 0xFF_FFFF)
            withUnsafeMutableBytes(of: &filter) { $0.storeBytes(of: $0.load(fromByteOffset: (b >> 6) << 3, as: UInt64.self) | (1 << UInt64(b & 63)), toByteOffset: (b >> 6) << 3, as: UInt64.self) }
          }
          // A word shorter than three bytes (ASCII) has a head the filter cannot key on.
          let short = ws.contains { $0.count < 3 }
          var o = 0
          var found = false
          var i = 0
          // Bytes from `copied` up to the place being looked at are kept as they are, copied in
          // one go before a match or at the end.
          var copied = 0
          let tb = t.baseAddress!, ob = out.baseAddress!
          while i < t.count {
            var window: UInt32 = 0
            if i + 4 <= t.count {
              window = UInt32(littleEndian: UnsafeRawPointer(tb + i).loadUnaligned(as: UInt32.self))
            } else {
              for j in 0..<(t.count - i) { window |= UInt32(t[i + j]) << (8 * j) }
            }
            var matched = 0
            let b = WordPool.filterBit(window & 0xFF_FFFF)
            let maybe = short || withUnsafeBytes(of: &filter) { $0.load(fromByteOffset: (b >> 6) << 3, as: UInt64.self) } & (1 << UInt64(b & 63)) != 0
            for k in 0..<(maybe ? ws.count : 0) {
              let w = ws[k]
              guard window & heads[k].mask == heads[k].head, w.count <= t.count - i else { continue }
              var j = 4
              while j < w.count && t[i + j] == pool[w.start + j] { j += 1 }
              if j >= w.count { matched = w.count; break }
            }
            if matched > 0 {
              found = true
              (ob + o).update(from: tb + copied, count: i - copied)
              o += i - copied
              out[o] = 0xE3; out[o + 1] = 0x80; out[o + 2] = 0x90  // 【
              o += 3
              (ob + o).update(from: tb + i, count: matched)
              o += matched
              out[o] = 0xE3; out[o + 1] = 0x80; out[o + 2] = 0x91  // 】
              o += 3
              i += matched
              copied = i
            } else {
              // The next character: its length from the lead byte (the text is valid UTF-8).
              let lead = t[i]
              i += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            }
          }
          if !found { return nil }
          (ob + o).update(from: tb + copied, count: t.count - copied)
          o += t.count - copied
          // Whole characters of `text` and 【】: valid UTF-8, built without validating again.
          return found ? TrustedUTF8.string(UnsafeBufferPointer(rebasing: out[0..<o])) : nil
        }
      }
    }
    return marked ?? text
  }

  /// The filter bit (0..<1,024) of a word's or a text place's first three bytes.
  @inline(__always)
  static func filterBit(_ head3: UInt32) -> Int { Int(truncatingIfNeeded: (head3 &* 0x9E37_79B1) >> 22) }
}
