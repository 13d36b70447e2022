import FactStore
import NewsText

extension StringTable {
  /// String `i`, copied from the table's bytes without validating them again.
  ///
  /// Every string of a `StringTable` is the UTF-8 of a Swift `String` (tables are built from
  /// strings, or gathered from other tables whole), so its bytes are valid UTF-8 and
  /// `String(decoding:)`'s validation, which costs about three times the copy for CJK text, is
  /// redundant. Whether the bytes are ASCII is still measured (8 bytes per step), so the
  /// string carries the same flags as one decoded the usual way. Debug builds check the bytes.
  ///
  /// Reads the table's buffers directly: its generic `withUTF8` is not specialised across
  /// modules and costs a third of a short string's copy. A coded table (long texts, see
  /// `StringTable.isCoded`) decodes the one string into a buffer (`copyUTF8`, not generic).
  @inline(__always)
  func decodedString(_ i: Int) -> String {
    // A coded table's `bytes`/`ends` decode the whole table: decode the one string (into a
    // buffer on the stack; the decoded bytes are UTF-8 as the table's were, checked when a
    // snapshot is read) and build it without the validation the subscript's `String` does.
    if isCoded {
      let capacity = utf8Capacity(i)
      if capacity <= 1024 {
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1024) { buf in
          let n = copyUTF8(i, into: buf.baseAddress!)
          return TextValues.string(trustingUTF8: UnsafeBufferPointer(rebasing: buf[0..<n]))
        }
      }
      let buf = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: capacity)
      defer { buf.deallocate() }
      let n = copyUTF8(i, into: buf.baseAddress!)
      return TextValues.string(trustingUTF8: UnsafeBufferPointer(rebasing: buf[0..<n]))
    }
    let ends = self.ends
    let lo = i == 0 ? 0 : Int(ends[i - 1]), hi = Int(ends[i])
    return bytes.withUnsafeBufferPointer { TextValues.string(trustingUTF8: UnsafeBufferPointer(rebasing: $0[lo..<hi])) }
  }
}

extension TextColumn {
  /// The value of `row` (nil when unknown), built by `StringTable.decodedString`.
  @inline(__always)
  func decodedText(_ row: Int) -> String? {
    let c = codes[row]
    return c == TextColumn.null ? nil : dictionary.values.decodedString(Int(c))
  }
}

/// Building result strings from dictionary bytes.
enum TextValues {
  /// A string of `bytes`, which must be valid UTF-8 (see `StringTable.decodedString`).
  @inline(__always)
  static func string(trustingUTF8 bytes: UnsafeBufferPointer<UInt8>) -> String {
    TrustedUTF8.string(bytes)
  }

  /// Whether a column whose statistics are `s` repeats its values enough for a statement to
  /// build each distinct one once (`CodeStrings`) rather than once per row: at least two rows
  /// per distinct value on average. Sentences and names are mostly one row each; cities,
  /// kinds, hosts and documents repeat.
  static func repeats(_ s: ColumnStatistics) -> Bool {
    s.distinct * 2 <= s.rows - s.nulls
  }
}

/// The strings of one dictionary that a statement has built, by code: each distinct value is
/// built once and shared by the rows holding it (a reference count, no copy). An open-addressing
/// table of codes sized for the rows at hand (doubling when half full) pointing into a list of
/// the strings built, so a statement that reads a few rows of a large dictionary allocates and
/// frees little.
struct CodeStrings {
  let table: StringTable
  /// `code + 1` in each used slot, 0 in a free one.
  private var keys: [UInt32]
  /// For each used slot, where its string is in `strings`.
  private var at: [UInt32]
  private var strings: [String] = []
  private var shift: Int

  /// A cache expecting about `expected` distinct codes (starting at 256 at most: a column of
  /// many rows may still hold few values).
  init(_ table: StringTable, expected: Int) {
    self.table = table
    let n = max(1, min(expected, table.count, 256))
    var bits = 1
    while (1 << bits) < 2 * n { bits += 1 }
    keys = [UInt32](repeating: 0, count: 1 << bits)
    at = [UInt32](repeating: 0, count: 1 << bits)
    shift = 64 - bits
    strings.reserveCapacity(n)
  }

  @inline(__always)
  private func slot(of key: UInt32) -> Int {
    Int(truncatingIfNeeded: (UInt64(key) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(shift))
  }

  /// String `code` of the table, built on its first request.
  @inline(__always)
  mutating func string(_ code: UInt32) -> String {
    let key = code &+ 1
    let mask = keys.count - 1
    var slot = slot(of: key)
    while true {
      let k = keys[slot]
      if k == key { return strings[Int(at[slot])] }
      if k == 0 { break }
      slot = (slot + 1) & mask
    }
    let s = table.decodedString(Int(code))
    keys[slot] = key
    at[slot] = UInt32(truncatingIfNeeded: strings.count)
    strings.append(s)
    if strings.count * 2 > keys.count { grow() }
    return s
  }

  /// Doubles the table, moving every entry.
  private mutating func grow() {
    let oldKeys = keys, oldAt = at
    keys = [UInt32](repeating: 0, count: oldKeys.count * 2)
    at = [UInt32](repeating: 0, count: oldKeys.count * 2)
    shift -= 1
    let mask = keys.count - 1
    for (i, key) in oldKeys.enumerated() where key != 0 {
      var slot = slot(of: key)
      while keys[slot] != 0 { slot = (slot + 1) & mask }
      keys[slot] = key
      at[slot] = oldAt[i]
    }
  }
}
