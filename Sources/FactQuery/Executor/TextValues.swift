import FactStore
import NewsText

extension TextColumn {
  /// The value of `row` (nil when unknown).
  @inline(__always)
  func decodedText(_ row: Int) -> String? {
    let c = codes[row]
    return c == TextColumn.null ? nil : dictionary.values[Int(c)]
  }
}

/// Building result strings from dictionary bytes.
enum TextValues {
  /// Whether a column whose statistics are `s` repeats its values enough for a result to
  /// build each distinct one once (`CodeStrings`) rather than on every read: at least two rows
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
  mutating func string(_ code: UInt32) -> String { strings[Int(position(code))] }

  /// Where string `code` of the table is in `built`, building it on its first request.
  @inline(__always)
  mutating func position(_ code: UInt32) -> UInt32 {
    let key = code &+ 1
    let mask = keys.count - 1
    var slot = slot(of: key)
    while true {
      let k = keys[slot]
      if k == key { return at[slot] }
      if k == 0 { break }
      slot = (slot + 1) & mask
    }
    let p = UInt32(truncatingIfNeeded: strings.count)
    keys[slot] = key
    at[slot] = p
    strings.append(table[Int(code)])
    if strings.count * 2 > keys.count { grow() }
    return p
  }

  /// The strings built so far, in the order they were first asked for.
  var built: [String] { strings }

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
