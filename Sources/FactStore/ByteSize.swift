import NewsFacts

// What a snapshot holds in memory: array buffers by capacity, strings by their out-of-line
// UTF-8 storage, hash tables by slots. An estimate of the heap the store keeps alive, counted
// from the structures themselves (not the process's RSS), so it can be compared per fact.

extension Array {
  /// Bytes of the element buffer (capacity × stride; a small array header besides).
  var bufferBytes: Int { capacity == 0 ? 0 : 32 + capacity * MemoryLayout<Element>.stride }
}

enum StringBytes {
  /// Out-of-line bytes of `s`: none for small strings (≤ 15 UTF-8 bytes live inline).
  @inline(__always)
  static func heap(_ s: String) -> Int {
    let n = s.utf8.count
    return n <= 15 ? 0 : 32 + n + 1
  }
}

extension TextDictionary {
  /// Values, folded values (counted once when they are the values' own table) and the
  /// look-up table.
  var byteSize: Int {
    values.byteSize + (folded == values ? 0 : folded.byteSize) + lookup.byteSize
  }
}

extension Postings {
  var byteSize: Int { start.bufferBytes + rows.bufferBytes }
}

extension Column {
  /// Bytes held by the column: its arrays, dictionary and index.
  public var byteSize: Int {
    switch self {
    case .text(let c): return c.codes.bufferBytes + c.dictionary.byteSize + c.index.byteSize
    case .list(let c):
      return c.offsets.bufferBytes + c.elements.bufferBytes + c.present.words.bufferBytes
        + c.dictionary.byteSize + c.index.byteSize
    case .number(let c): return c.values.bufferBytes + c.present.words.bufferBytes + c.sorted.byteSize
    case .date(let c): return c.ordinals.bufferBytes + c.sorted.bufferBytes
    case .span(let c): return c.starts.bufferBytes + c.ends.bufferBytes + c.present.words.bufferBytes
    }
  }
}

extension Table {
  /// Bytes held by the table's columns, dictionaries, indexes and extra sources.
  public var byteSize: Int {
    var n = columns.reduce(0) { $0 + $1.byteSize }
    for (_, ss) in moreSources {
      n += 48 + ss.bufferBytes
      for s in ss { n += StringBytes.heap(s.doc) + StringBytes.heap(s.evidence) }
    }
    return n
  }
}

