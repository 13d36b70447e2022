import NewsFacts

/// The later sources of rows (a merged person or place mentioned again), stored as columns:
/// per source a document number, article, sentence number and span, the documents and
/// sentences each kept once (a sentence naming three places is stored once, not three times).
/// A row's sources are `sources(of:)` or the subscript, rebuilt as `Source` values on demand
/// (`why` only).
public struct SourceLists: Sendable, Equatable {
  /// Rows with sources, ascending.
  let rows: PackedInts
  /// Sources of `rows[k]`: `starts[k]..<starts[k + 1]` (one more entry than `rows`).
  let starts: PackedInts
  let docs: PackedInts
  let articles: PackedInts
  let evidence: PackedInts
  let spanStarts: PackedInts
  /// Span lengths (end − start).
  let spanEnds: PackedInts
  let docTable: StringTable
  let evidenceTable: TextBlob

  /// No sources.
  public static let empty = SourceLists(rows: PackedInts([]), starts: PackedInts([0]), docs: PackedInts([]),
                                        articles: PackedInts([]), evidence: PackedInts([]), spanStarts: PackedInts([]),
                                        spanEnds: PackedInts([]), docTable: StringTable([]),
                                        evidenceTable: TextBlob(StringTable([])))

  init(rows: PackedInts, starts: PackedInts, docs: PackedInts, articles: PackedInts, evidence: PackedInts,
       spanStarts: PackedInts, spanEnds: PackedInts, docTable: StringTable, evidenceTable: TextBlob) {
    self.rows = rows
    self.starts = starts
    self.docs = docs
    self.articles = articles
    self.evidence = evidence
    self.spanStarts = spanStarts
    self.spanEnds = spanEnds
    self.docTable = docTable
    self.evidenceTable = evidenceTable
  }

  /// Whether no row has later sources.
  public var isEmpty: Bool { rows.isEmpty }
  /// The number of rows with later sources.
  public var count: Int { rows.count }
  /// The number of sources, all rows together.
  public var sourceCount: Int { docs.count }

  /// The later sources of `row`, nil when it has none.
  public subscript(_ row: UInt32) -> [Source]? {
    let row = Int64(row)
    var lo = 0, hi = rows.count
    while lo < hi {
      let mid = (lo + hi) >> 1
      if rows[mid] < row { lo = mid + 1 } else { hi = mid }
    }
    guard lo < rows.count, rows[lo] == row else { return nil }
    return (Int(starts[lo])..<Int(starts[lo + 1])).map(source)
  }

  /// Source `k` (of all rows, in row order).
  func source(_ k: Int) -> Source {
    let lo = Int(spanStarts[k]), hi = lo + Int(spanEnds[k])
    return Source(doc: docTable[Int(docs[k])], article: articles[k], evidence: evidenceTable[Int(evidence[k])],
                  span: lo..<max(lo, hi))
  }

  /// Every row with sources and its sources, rows ascending.
  public var all: [(row: UInt32, sources: [Source])] {
    rows.indices.map { k in (UInt32(truncatingIfNeeded: rows[k]), (Int(starts[k])..<Int(starts[k + 1])).map(source)) }
  }

  /// Bytes held.
  var byteSize: Int {
    rows.byteSize + starts.byteSize + docs.byteSize + articles.byteSize + evidence.byteSize
      + spanStarts.byteSize + spanEnds.byteSize + docTable.byteSize + evidenceTable.byteSize
  }

  public static func == (a: SourceLists, b: SourceLists) -> Bool {
    Array(a.rows) == Array(b.rows) && a.all.map(\.sources) == b.all.map(\.sources)
  }
}

/// Later sources being collected, row by row (rows ascending).
struct SourceListsBuilder: Sendable {
  var rows: [UInt32] = []
  var starts: [UInt32] = [0]
  var docs: [UInt32] = []
  var articles: [Int64] = []
  var evidence: [UInt32] = []
  var spanStarts: [Int32] = []
  /// Span lengths.
  var spanEnds: [Int64] = []
  var docTable = ByteInterner()
  var evidenceTable = ByteInterner()

  mutating func append(row: UInt32, _ sources: [Source], articleBase: Int64) {
    guard !sources.isEmpty else { return }
    precondition(rows.last.map { $0 < row } ?? true, "sources added out of row order")
    rows.append(row)
    for s in sources {
      docs.append(docTable.code(s.doc))
      articles.append(s.article &+ articleBase)
      evidence.append(evidenceTable.code(s.evidence))
      spanStarts.append(Int32(clamping: s.span.lowerBound))
      spanEnds.append(Int64(Int32(clamping: s.span.upperBound)) - Int64(Int32(clamping: s.span.lowerBound)))
    }
    starts.append(UInt32(truncatingIfNeeded: docs.count))
  }

  func commit() -> SourceLists {
    func packed<T: BinaryInteger>(_ xs: [T]) -> PackedInts { PackedInts(xs.map { Int64($0) }) }
    return SourceLists(rows: packed(rows), starts: packed(starts), docs: packed(docs), articles: PackedInts(articles),
                       evidence: packed(evidence), spanStarts: packed(spanStarts), spanEnds: packed(spanEnds),
                       docTable: docTable.table, evidenceTable: TextBlob(evidenceTable.table))
  }
}
