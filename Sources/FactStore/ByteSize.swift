import NewsFacts

// What a snapshot holds in memory: array buffers by capacity, strings by their out-of-line
// UTF-8 storage, hash tables by slots. An estimate of the heap the store keeps alive, counted
// from the structures themselves (not the process's RSS), so it can be compared per fact.

extension Array {
  /// Bytes of the element buffer (capacity × stride; a small array header besides).
  var bufferBytes: Int { capacity == 0 ? 0 : 32 + capacity * MemoryLayout<Element>.stride }

  /// The array in a buffer of its size: an array grown by appending has up to twice the room
  /// it uses, and a frozen column never grows again (the builder's next append copies it
  /// anyway, the snapshot sharing the buffer).
  func exactCapacity() -> [Element] {
    if capacity - count <= Swift.max(4, count / 64) { return self }
    return [Element](unsafeUninitializedCapacity: count) { b, n in
      _ = b.initialize(fromContentsOf: self)
      n = count
    }
  }
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
    values.byteSize + folded.byteSize + lookup.byteSize
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
    columns.reduce(0) { $0 + $1.byteSize } + moreSources.byteSize
  }
}


/// One part of a column's memory, for `Snapshot.byteBreakdown()`.
public struct ByteSizePart: Sendable, Hashable {
  /// The table's entity name.
  public var entity: String
  /// The field.
  public var field: String
  /// What the bytes hold (`codes`, `values`, `folded`, `lookup`, `postings`, …).
  public var part: String
  public var bytes: Int
}

extension TextDictionary {
  func parts(_ e: String, _ f: String) -> [ByteSizePart] {
    var out = [ByteSizePart(entity: e, field: f, part: "dict.values", bytes: values.byteSize)]
    if !folded.isIdentity { out.append(ByteSizePart(entity: e, field: f, part: "dict.folded", bytes: folded.byteSize)) }
    out.append(ByteSizePart(entity: e, field: f, part: "dict.lookup", bytes: lookup.byteSize))
    return out
  }
}

extension Snapshot {
  /// What `byteSize` counts, part by part (benchmarks and profiling: where the bytes go).
  public func byteBreakdown() -> [ByteSizePart] {
    var out: [ByteSizePart] = []
    for (entity, _) in tableSizes {
      let t = table(entity)
      let e = entity.rawValue
      for (i, c) in t.columns.enumerated() {
        let f = t.fields[i].name
        func add(_ p: String, _ n: Int) { if n > 0 { out.append(ByteSizePart(entity: e, field: f, part: p, bytes: n)) } }
        switch c {
        case .text(let c):
          add("codes", c.codes.bufferBytes); out += c.dictionary.parts(e, f); add("postings", c.index.byteSize)
        case .list(let c):
          add("offsets", c.offsets.bufferBytes); add("elements", c.elements.bufferBytes)
          add("present", c.present.words.bufferBytes); out += c.dictionary.parts(e, f); add("postings", c.index.byteSize)
        case .number(let c):
          add("values", c.values.bufferBytes); add("present", c.present.words.bufferBytes); add("sorted", c.sorted.byteSize)
        case .date(let c): add("ordinals", c.ordinals.bufferBytes); add("sorted", c.sorted.bufferBytes)
        case .span(let c):
          add("starts", c.starts.bufferBytes); add("ends", c.ends.bufferBytes); add("present", c.present.words.bufferBytes)
        }
      }
      let m = t.moreSources
      if !m.isEmpty {
        func add(_ p: String, _ n: Int) { out.append(ByteSizePart(entity: e, field: "*", part: p, bytes: n)) }
        add("sources.columns", m.byteSize - m.docTable.byteSize - m.evidenceTable.byteSize)
        add("sources.docs", m.docTable.byteSize)
        add("sources.evidence", m.evidenceTable.byteSize)
      }
    }
    return out
  }
}
