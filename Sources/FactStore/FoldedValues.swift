/// A dictionary's folded values (繁→简, half-width, lowercase), stored as exceptions: a value
/// whose folded form is itself (most of them) costs nothing; the others keep their folded
/// bytes in a table of their own. Reads as a collection of `String`, code by code.
public struct FoldedValues: Sendable, RandomAccessCollection, Equatable {
  /// The values as written.
  let values: StringTable
  /// The codes whose folded form differs from the value, ascending.
  let changed: [UInt32]
  /// `forms[k]`: the folded form of value `changed[k]`.
  let forms: StringTable

  /// `values` folded, with `changed` (ascending) the codes folded to `forms`.
  init(values: StringTable, changed: [UInt32], forms: StringTable) {
    self.values = values
    self.changed = changed
    self.forms = forms
  }

  /// The folded forms `folded` of `values` (one each, in order).
  init(values: StringTable, folded: [String]) {
    var changed: [UInt32] = []
    var forms: [String] = []
    for (i, f) in folded.enumerated() where !values.equals(i, f) {
      changed.append(UInt32(i))
      forms.append(f)
    }
    self.init(values: values, changed: changed, forms: StringTable(forms))
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { values.count }

  /// Whether every value is its own folded form.
  public var isIdentity: Bool { changed.isEmpty }

  /// The position in `changed` of code `i`, nil when its value is its folded form.
  @inline(__always)
  func exception(_ i: Int) -> Int? {
    if changed.isEmpty { return nil }
    var lo = 0, hi = changed.count
    let c = UInt32(truncatingIfNeeded: i)
    while lo < hi {
      let mid = (lo + hi) >> 1
      if changed[mid] < c { lo = mid + 1 } else { hi = mid }
    }
    return lo < changed.count && changed[lo] == c ? lo : nil
  }

  /// The folded form of value `i`.
  public subscript(i: Int) -> String {
    if let k = exception(i) { return forms[k] }
    return values[i]
  }

  /// Calls `body` with the UTF-8 bytes of the folded form of value `i`.
  @inline(__always)
  public func withUTF8<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    if let k = exception(i) { return try forms.withUTF8(k, body) }
    return try values.withUTF8(i, body)
  }

  /// The codes whose folded form contains `needle` (folded, not empty), ascending: the
  /// values' buffer scanned for the codes without exception, the forms' for the others.
  func codes(containing needle: UnsafeBufferPointer<UInt8>) -> [UInt32] {
    var plain = StringTable.indices(of: needle, in: values)
    if changed.isEmpty { return plain }
    // drop hits on values that fold to something else
    var w = 0, k = 0
    for c in plain {
      while k < changed.count && changed[k] < c { k += 1 }
      if k < changed.count && changed[k] == c { continue }
      plain[w] = c
      w += 1
    }
    plain.removeLast(plain.count - w)
    let more = StringTable.indices(of: needle, in: forms).map { changed[Int($0)] }
    if more.isEmpty { return plain }
    return RowIDs.union(plain, more)
  }

  public static func == (a: FoldedValues, b: FoldedValues) -> Bool {
    guard a.count == b.count else { return false }
    for i in 0..<a.count where !a.withUTF8(i, { x in b.withUTF8(i) { x.elementsEqual($0) } }) { return false }
    return true
  }

  /// Bytes held besides the values (the exceptions).
  var byteSize: Int { changed.bufferBytes + (changed.isEmpty ? 0 : forms.byteSize) }
}
