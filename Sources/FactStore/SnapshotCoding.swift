import NewsFacts

/// Writing a frozen snapshot to bytes and reading it back, for the start-up cache: reading
/// skips the store build (pinyin-ordered dictionaries, sorting, statistics) entirely.
///
/// Columns are written as their arrays; the text dictionaries as their byte buffers (coded
/// ones with their code) and a bit per value that folding changes; later sources as their
/// packed columns and string tables. The postings are rebuilt on reading (integer work only)
/// and the folded-lookup tables on the first lookup. Reading checks every index against
/// the sizes it refers to and each column's kind against the schema, so a damaged buffer gives
/// nil, never a snapshot that could trap a later query.
extension Snapshot {
  /// Appends the snapshot to `w`.
  public func encode(into w: inout FactWriter) {
    w.u32(UInt32(Entity.allCases.count))
    for e in Entity.allCases {
      let t = table(e)
      w.u64(UInt64(t.rowCount))
      w.u32(UInt32(t.columns.count))
      for c in t.columns { Self.encode(c, into: &w) }
      Self.encode(t.moreSources, into: &w)
    }
  }

  static func tag(_ c: Column) -> UInt8 {
    switch c {
    case .text: return 0
    case .list: return 1
    case .number: return 2
    case .date: return 3
    case .span: return 4
    }
  }

  static func encode(_ c: Column, into w: inout FactWriter) {
    w.u8(tag(c))
    switch c {
    case .text(let t):
      w.raw(t.codes); encode(t.dictionary, into: &w)
    case .list(let l):
      w.raw(l.offsets); w.raw(l.elements); encode(l.present, into: &w)
      encode(l.dictionary, into: &w)
    case .number(let n):
      w.raw(n.values); encode(n.present, into: &w); w.raw(Array(n.sorted)); w.u8(n.isInteger ? 1 : 0)
    case .date(let d):
      w.raw(d.ordinals); w.raw(d.sorted)
    case .span(let s):
      w.raw(s.starts); w.raw(s.ends); encode(s.present, into: &w)
    }
  }

  /// The values, then which of them folding changes (a bit each, none when it changes none).
  static func encode(_ d: TextDictionary, into w: inout FactWriter) {
    encode(d.values, into: &w)
    w.raw(d.folded.isIdentity ? [] : d.folded.changed.words)
  }

  /// A string table as its two buffers, after its code's symbols (none when plain).
  static func encode(_ t: StringTable, into w: inout FactWriter) {
    w.raw(t.codec?.symbols ?? []); w.u8(t.isCoded ? 1 : 0)
    w.raw(t.stored); w.raw(t.storedEnds)
  }

  static func encode(_ m: SourceLists, into w: inout FactWriter) {
    for p in [m.rows, m.starts, m.docs, m.articles, m.evidence, m.spanStarts, m.spanEnds] {
      w.u8(UInt8(p.width)); w.i64(p.base); w.u64(UInt64(p.count)); w.raw(p.bytes)
    }
    encode(m.docTable, into: &w)
    encode(m.evidenceTable.table, into: &w)
  }

  /// A string table whose ends ascend to its byte count, or nil.
  static func decodeStringTable(_ r: inout FactReader) -> StringTable? {
    guard let symbols = r.raw(UInt32.self), let coded = r.u8(), coded <= 1, let bytes = r.raw(UInt8.self),
          let ends = r.raw(UInt32.self), symbols.count <= TextCodec.capacity, coded == 1 || symbols.isEmpty,
          symbols.allSatisfy({ (1...3).contains($0 >> 24) }) else { return nil }
    var prev: UInt32 = 0
    for e in ends {
      guard e >= prev else { return nil }
      prev = e
    }
    guard Int(prev) == bytes.count else { return nil }
    // Readers decode the strings without checking them again: each must be well-formed UTF-8.
    if coded == 1 {
      let table = StringTable(coded: bytes, ends: ends, codec: TextCodec(symbols: symbols))
      for i in 0..<table.count { guard table.withUTF8(i, UTF8Validation.isValid) else { return nil } }
      return table
    }
    let valid = bytes.withUnsafeBufferPointer { b in
      // The whole buffer well-formed and every string starting at a scalar's first byte.
      UTF8Validation.isValid(b) && ends.allSatisfy { Int($0) == b.count || b[Int($0)] & 0xC0 != 0x80 }
    }
    return valid ? StringTable(bytes: bytes, ends: ends) : nil
  }

  static func decodePacked(_ r: inout FactReader) -> PackedInts? {
    guard let width = r.u8(), [1, 2, 4, 8].contains(width), let base = r.i64(), let count = r.u64(),
          count < UInt64(Int32.max), let bytes = r.raw(UInt8.self), bytes.count == Int(count) * Int(width) else { return nil }
    return PackedInts(bytes: bytes, width: Int(width), base: base, count: Int(count))
  }

  static func decodeSources(_ r: inout FactReader, rows: Int) -> SourceLists? {
    guard let rs = decodePacked(&r), let starts = decodePacked(&r), let docs = decodePacked(&r),
          let articles = decodePacked(&r), let evidence = decodePacked(&r), let spanStarts = decodePacked(&r),
          let spanEnds = decodePacked(&r), let docTable = decodeStringTable(&r),
          let evidenceTable = decodeStringTable(&r) else { return nil }
    let n = docs.count
    guard starts.count == rs.count + 1, starts.first == 0, Int(starts.last ?? 1) == n, articles.count == n,
          evidence.count == n, spanStarts.count == n, spanEnds.count == n else { return nil }
    for k in rs.indices {
      guard rs[k] >= 0, rs[k] < Int64(rows), k == 0 || rs[k - 1] < rs[k], starts[k] <= starts[k + 1] else { return nil }
    }
    guard docs.allSatisfy({ $0 >= 0 && $0 < Int64(docTable.count) }),
          evidence.allSatisfy({ $0 >= 0 && $0 < Int64(evidenceTable.count) }),
          spanStarts.allSatisfy({ Int32(exactly: $0) != nil }), spanEnds.allSatisfy({ $0 >= 0 && $0 <= Int64(UInt32.max) })
    else { return nil }
    return SourceLists(rows: rs, starts: starts, docs: docs, articles: articles, evidence: evidence,
                       spanStarts: spanStarts, spanEnds: spanEnds, docTable: docTable,
                       evidenceTable: TextBlob(stored: evidenceTable))
  }

  static func encode(_ b: Bitmap, into w: inout FactWriter) {
    w.u64(UInt64(b.count))
    w.raw(b.words)
  }

  /// A snapshot written by `encode(into:)`, or nil when the bytes are damaged.
  public static func decode(_ r: inout FactReader) -> Snapshot? {
    guard r.u32() == UInt32(Entity.allCases.count) else { r.fail(); return nil }
    var tables: [Table] = []
    for e in Entity.allCases {
      guard let rows64 = r.u64(), rows64 < UInt64(UInt32.max), let nc = r.u32() else { r.fail(); return nil }
      let rows = Int(rows64)
      let shape = Snapshot.empty.table(e).columns
      guard Int(nc) == shape.count else { r.fail(); return nil }
      var cols: [Column] = []
      cols.reserveCapacity(shape.count)
      for s in shape {
        guard let c = decodeColumn(&r, rows: rows), tag(c) == tag(s) else { r.fail(); return nil }
        cols.append(c)
      }
      guard let more = decodeSources(&r, rows: rows) else { r.fail(); return nil }
      tables.append(Table(entity: e, rowCount: rows, columns: cols, moreSources: more))
    }
    return Snapshot(tables: tables)
  }

  static func decodeBitmap(_ r: inout FactReader, rows: Int) -> Bitmap? {
    guard let n = r.u64(), n == UInt64(rows), let words = r.raw(UInt64.self), words.count == (rows + 63) / 64 else {
      r.fail(); return nil
    }
    var b = Bitmap(count: rows)
    for i in 0..<rows where words[i >> 6] & (1 << UInt64(i & 63)) != 0 { b[i] = true }
    return b
  }

  static func decodeDictionary(_ r: inout FactReader) -> TextDictionary? {
    guard let values = decodeStringTable(&r), values.count < Int(TextColumn.null), let words = r.raw(UInt64.self),
          words.isEmpty || words.count == (values.count + 63) / 64 else { r.fail(); return nil }
    var changed = Bitmap(count: words.isEmpty ? 0 : values.count)
    for i in 0..<changed.count where words[i >> 6] & (1 << UInt64(i & 63)) != 0 { changed[i] = true }
    return TextDictionary(values: values, folded: FoldedValues(values: values, changed: changed))
  }

  /// Whether every row id of `sorted` is below `rows`.
  static func inRange(_ sorted: [UInt32], _ rows: Int) -> Bool {
    sorted.count <= rows && sorted.allSatisfy { Int($0) < rows }
  }

  static func decodeColumn(_ r: inout FactReader, rows: Int) -> Column? {
    guard let tag = r.u8() else { return nil }
    switch tag {
    case 0:
      guard let codes = r.raw(UInt32.self), codes.count == rows, let dict = decodeDictionary(&r),
            codes.allSatisfy({ $0 == TextColumn.null || Int($0) < dict.count }) else { r.fail(); return nil }
      var nulls = 0
      for c in codes where c == TextColumn.null { nulls += 1 }
      return .text(TextColumn(codes: codes, dictionary: dict, index: Postings(codeCount: dict.count, codes: codes), nulls: nulls))
    case 1:
      guard let offsets = r.raw(Int32.self), offsets.count == rows + 1, let elements = r.raw(UInt32.self),
            let present = decodeBitmap(&r, rows: rows), let dict = decodeDictionary(&r) else { r.fail(); return nil }
      var prev: Int32 = 0
      for o in offsets {
        guard o >= prev, Int(o) <= elements.count else { r.fail(); return nil }
        prev = o
      }
      guard offsets.first == 0, elements.allSatisfy({ Int($0) < dict.count }) else { r.fail(); return nil }
      let nulls = rows - present.setCount
      return .list(ListColumn(offsets: offsets, elements: elements, present: present, dictionary: dict,
                              index: Postings(codeCount: dict.count, offsets: offsets, elements: elements), nulls: nulls))
    case 2:
      guard let values = r.raw(Double.self), values.count == rows, let present = decodeBitmap(&r, rows: rows),
            let sorted = r.raw(UInt32.self), inRange(sorted, rows), let integer = r.u8(), integer <= 1 else { r.fail(); return nil }
      return .number(NumberColumn(values: values, present: present, sorted: sorted, isInteger: integer == 1))
    case 3:
      guard let ordinals = r.raw(Int32.self), ordinals.count == rows, let sorted = r.raw(UInt32.self),
            inRange(sorted, rows) else { r.fail(); return nil }
      return .date(DateColumn(ordinals: ordinals, sorted: sorted))
    case 4:
      guard let starts = r.raw(Int32.self), starts.count == rows, let ends = r.raw(Int32.self), ends.count == rows,
            let present = decodeBitmap(&r, rows: rows) else { r.fail(); return nil }
      return .span(SpanColumn(starts: starts, ends: ends, present: present))
    default:
      r.fail()
      return nil
    }
  }
}
