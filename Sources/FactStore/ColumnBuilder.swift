import NewsFacts

/// The growing form of one column: values appended as facts arrive, frozen into a `Column`.
///
/// Builders keep plain typed arrays (no `Fact`, no `Value`), so a store of millions of facts
/// costs its columns and dictionaries, not dictionaries per fact. `commit()` reorders a text
/// dictionary into pinyin order in place (remapping codes only when new values arrived), so
/// the frozen column and the builder share their arrays until the next append.
enum ColumnBuilder: Sendable {
  case text(TextColumnBuilder)
  case list(ListColumnBuilder)
  case number(NumberColumnBuilder)
  case date(DateColumnBuilder)
  case span(SpanColumnBuilder)

  init(kind: FieldKind) {
    switch kind {
    case .text, .place: self = .text(TextColumnBuilder())
    case .textList: self = .list(ListColumnBuilder())
    case .integer: self = .number(NumberColumnBuilder(isInteger: true))
    case .number, .money, .quantity, .area: self = .number(NumberColumnBuilder(isInteger: false))
    case .date: self = .date(DateColumnBuilder())
    case .span: self = .span(SpanColumnBuilder())
    }
  }

  /// Appends `v` converted to the column's type (`StoreBuilder`'s conversion rules).
  mutating func append(_ v: Value) {
    switch self {
    case .text(var b): self = .text(TextColumnBuilder()); b.append(Convert.text(v)); self = .text(b)
    case .list(var b): self = .list(ListColumnBuilder()); b.append(Convert.list(v)); self = .list(b)
    case .number(var b): self = .number(NumberColumnBuilder(isInteger: false)); b.append(Convert.number(v)); self = .number(b)
    case .date(var b): self = .date(DateColumnBuilder()); b.append(Convert.date(v)); self = .date(b)
    case .span(var b): self = .span(SpanColumnBuilder()); b.append(Convert.span(v)); self = .span(b)
    }
  }

  mutating func commit() -> Column {
    switch self {
    case .text(var b): self = .text(TextColumnBuilder()); let c = b.commit(); self = .text(b); return .text(c)
    case .list(var b): self = .list(ListColumnBuilder()); let c = b.commit(); self = .list(b); return .list(c)
    case .number(var b): self = .number(NumberColumnBuilder(isInteger: false)); let c = b.commit(); self = .number(b); return .number(c)
    case .date(var b): self = .date(DateColumnBuilder()); let c = b.commit(); self = .date(b); return .date(c)
    case .span(let b): return .span(b.commit())
    }
  }
}

/// The conversions of `StoreBuilder`: values of the wrong shape for a field are converted
/// where the meaning is plain and dropped otherwise.
enum Convert {
  static func text(_ v: Value) -> String? {
    switch v {
    case .null: return nil
    case .text(let s): return s
    case .list(let xs): return xs.isEmpty ? nil : xs.joined(separator: "、")
    default: return v.description
    }
  }

  static func list(_ v: Value) -> [String]? {
    switch v {
    case .null: return nil
    case .list(let xs): return xs
    case .text(let s): return [s]
    default: return [v.description]
    }
  }

  static func number(_ v: Value) -> Double? {
    switch v {
    case .integer(let i): return Double(i)
    case .number(let d): return d.isNaN ? nil : d
    case .text(let s): return Double(s)
    default: return nil
    }
  }

  static func date(_ v: Value) -> FactDate? {
    switch v {
    case .date(let d): return d
    case .text(let s): return FactDate(iso: s)
    default: return nil
    }
  }

  static func span(_ v: Value) -> (Int, Int)? {
    if case .span(let a, let b) = v { return (a, b) }
    return nil
  }
}

/// Distinct texts: the committed ones in the frozen dictionary (pinyin order, shared with the
/// snapshot), the ones added since in arrival order until `sort()` merges them in. Only the
/// values added since the last commit are kept as `String`s and hashed here; committed values
/// are found through the frozen dictionary's folded look-up, so after a commit the builder
/// holds nothing the snapshot does not.
struct DictionaryBuilder: Sendable {
  /// The committed values: codes `0..<frozen.count`.
  var frozen = TextDictionary.empty
  /// Values added since: code `frozen.count + i` is `pending[i]`.
  var pending: [String] = []
  var pendingFolded: [String] = []
  var pendingCode: [String: UInt32] = [:]

  /// Committed and pending values.
  var count: Int { frozen.count + pending.count }

  @inline(__always)
  mutating func code(_ s: String) -> UInt32 {
    if let c = pendingCode[s] { return c }
    if frozen.count > 0, let c = frozen.code(exactly: s) { return c }
    let c = UInt32(count)
    pendingCode[s] = c
    pending.append(s)
    pendingFolded.append(TextOrder.fold(s))
    return c
  }

  /// Merges the pending values into the frozen dictionary; returns old code → new code when
  /// codes moved, nil when they did not.
  mutating func sort() -> [UInt32]? {
    guard !pending.isEmpty else { return nil }
    let old = frozen.count
    let n = old + pending.count
    let ps = pending
    var fresh = Array(0..<ps.count)
    // Sort keys made once per value (`TextDictionary.before` is their order; values are
    // distinct, so keys are too): comparing strings made them again at every comparison.
    let keys = ps.map(TextOrder.sortKey)
    fresh.sort { keys[$0].lexicographicallyPrecedes(keys[$1]) }
    // Merge the sorted old codes 0..<old with the sorted new ones (pending index + old).
    var order: [UInt32] = []
    order.reserveCapacity(n)
    var i = 0, j = 0
    var oldKey: [UInt32] = old > 0 ? TextOrder.sortKey(frozen.values[0]) : []
    while i < old && j < fresh.count {
      if keys[fresh[j]].lexicographicallyPrecedes(oldKey) {
        order.append(UInt32(old + fresh[j])); j += 1
      } else {
        order.append(UInt32(i)); i += 1
        if i < old { oldKey = TextOrder.sortKey(frozen.values[i]) }
      }
    }
    while i < old { order.append(UInt32(i)); i += 1 }
    while j < fresh.count { order.append(UInt32(old + fresh[j])); j += 1 }
    var moved = false
    for (k, c) in order.enumerated() where Int(c) != k { moved = true; break }
    let fv = frozen.values, ff = frozen.folded, pf = pendingFolded
    let value: (UInt32) -> String = { c in Int(c) < old ? fv[Int(c)] : ps[Int(c) - old] }
    let folded: (UInt32) -> String = { c in Int(c) < old ? ff[Int(c)] : pf[Int(c) - old] }
    let values = StringTable(order.lazy.map(value))
    let foldedValues = StringTable(order.lazy.map(folded))
    frozen = TextDictionary(values: values, folded: foldedValues == values ? values : foldedValues)
    pending = []
    pendingFolded = []
    pendingCode = [:]
    guard moved else { return nil }
    var perm = [UInt32](repeating: 0, count: n)
    for (k, c) in order.enumerated() { perm[Int(c)] = UInt32(k) }
    return perm
  }
}

/// A text or place column being built: one code per row, `TextColumn.null` when unknown.
struct TextColumnBuilder: Sendable {
  var dictionary = DictionaryBuilder()
  var codes: [UInt32] = []
  var nulls = 0

  mutating func append(_ s: String?) {
    if let s { codes.append(dictionary.code(s)) } else { codes.append(TextColumn.null); nulls += 1 }
  }

  mutating func commit() -> TextColumn {
    if let perm = dictionary.sort() {
      codes.withUnsafeMutableBufferPointer { p in
        for i in p.indices where p[i] != TextColumn.null { p[i] = perm[Int(p[i])] }
      }
    }
    let dict = dictionary.frozen
    let index = Postings(codeCount: dict.count, codes: codes)
    return TextColumn(codes: codes, dictionary: dict, index: index, nulls: nulls)
  }
}

/// A list-of-text column being built: offsets into one element array of codes.
struct ListColumnBuilder: Sendable {
  var dictionary = DictionaryBuilder()
  var offsets: [Int32] = [0]
  var elements: [UInt32] = []
  var present = Bitmap(count: 0)
  var nulls = 0

  /// Appends one row's list; an empty list is stored as unknown (null), so `is null`,
  /// grouping and export treat `[]` and a missing list alike.
  mutating func append(_ v: [String]?) {
    if let v, !v.isEmpty {
      for s in v { elements.append(dictionary.code(s)) }
      present.append(true)
    } else {
      present.append(false)
      nulls += 1
    }
    offsets.append(Int32(truncatingIfNeeded: elements.count))
  }

  mutating func commit() -> ListColumn {
    if let perm = dictionary.sort() {
      elements.withUnsafeMutableBufferPointer { p in
        for i in p.indices { p[i] = perm[Int(p[i])] }
      }
    }
    let dict = dictionary.frozen
    let index = Postings(codeCount: dict.count, offsets: offsets, elements: elements)
    return ListColumn(offsets: offsets, elements: elements, present: present, dictionary: dict, index: index, nulls: nulls)
  }
}

/// A numeric column being built; the sorted order of committed rows is kept and merged with
/// the new rows at the next commit. While every row holds a value and the values ascend with
/// the row (ids, article numbers), the order stays implied and costs nothing.
struct NumberColumnBuilder: Sendable {
  let isInteger: Bool
  var values: [Double] = []
  var present = Bitmap(count: 0)
  var sorted = SortedRows([])
  var sortedRows = 0

  init(isInteger: Bool) { self.isInteger = isInteger }

  mutating func append(_ v: Double?) {
    if let v, !v.isNaN { values.append(v); present.append(true) } else { values.append(0); present.append(false) }
  }

  mutating func commit() -> NumberColumn {
    if sortedRows < values.count {
      let vs = values
      var stillImplied = sorted.isImplied && sorted.count == sortedRows
      if stillImplied {
        for r in sortedRows..<vs.count where !present[r] || (r > 0 && vs[r] < vs[r - 1]) { stillImplied = false; break }
      }
      if stillImplied {
        sorted = SortedRows(impliedCount: vs.count)
      } else {
        var fresh: [UInt32] = []
        for r in sortedRows..<values.count where present[r] { fresh.append(UInt32(r)) }
        fresh.sort { a, b in
          let x = vs[Int(a)], y = vs[Int(b)]
          return x < y || (x == y && a < b)
        }
        sorted = SortedRows(SortedMerge.merge(Array(sorted), fresh) { a, b in
          let x = vs[Int(a)], y = vs[Int(b)]
          return x < y || (x == y && a < b)
        })
      }
      sortedRows = values.count
    }
    return NumberColumn(values: values, present: present, sorted: sorted, isInteger: isInteger)
  }
}

/// A date column being built (ordinals), with the sorted order merged at each commit.
struct DateColumnBuilder: Sendable {
  var ordinals: [Int32] = []
  var sorted: [UInt32] = []
  var sortedRows = 0

  mutating func append(_ d: FactDate?) {
    ordinals.append(d.map(DateColumn.ordinal) ?? DateColumn.null)
  }

  mutating func commit() -> DateColumn {
    if sortedRows < ordinals.count {
      let os = ordinals
      var fresh: [UInt32] = []
      for r in sortedRows..<os.count where os[r] != DateColumn.null { fresh.append(UInt32(r)) }
      fresh.sort { a, b in
        let x = os[Int(a)], y = os[Int(b)]
        return x < y || (x == y && a < b)
      }
      sorted = SortedMerge.merge(sorted, fresh) { a, b in
        let x = os[Int(a)], y = os[Int(b)]
        return x < y || (x == y && a < b)
      }
      sortedRows = os.count
    }
    return DateColumn(ordinals: ordinals, sorted: sorted)
  }
}

/// A span column being built.
struct SpanColumnBuilder: Sendable {
  var starts: [Int32] = []
  var ends: [Int32] = []
  var present = Bitmap(count: 0)

  mutating func append(_ v: (Int, Int)?) {
    if let v { starts.append(Int32(clamping: v.0)); ends.append(Int32(clamping: v.1)); present.append(true) } else { starts.append(0); ends.append(0); present.append(false) }
  }

  func commit() -> SpanColumn { SpanColumn(starts: starts, ends: ends, present: present) }
}

enum SortedMerge {
  /// Merges two arrays each sorted by `less`.
  static func merge(_ a: [UInt32], _ b: [UInt32], _ less: (UInt32, UInt32) -> Bool) -> [UInt32] {
    if b.isEmpty { return a }
    if a.isEmpty { return b }
    var out: [UInt32] = []
    out.reserveCapacity(a.count + b.count)
    var i = 0, j = 0
    while i < a.count && j < b.count {
      if less(b[j], a[i]) { out.append(b[j]); j += 1 } else { out.append(a[i]); i += 1 }
    }
    if i < a.count { out.append(contentsOf: a[i...]) }
    if j < b.count { out.append(contentsOf: b[j...]) }
    return out
  }
}
