/// Strings read whole and never searched (the sentences of later sources): a string table,
/// coded when it holds long texts (`StringTable.codedIfLong`).
struct TextBlob: Sendable, Equatable {
  let table: StringTable

  init(_ table: StringTable) { self.table = table.codedIfLong() }

  /// A table as read back (already coded or not).
  init(stored table: StringTable) { self.table = table }

  var count: Int { table.count }

  subscript(i: Int) -> String { table[i] }

  var byteSize: Int { table.byteSize }
}
