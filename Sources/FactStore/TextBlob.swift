/// Strings read whole and never searched (the sentences of later sources): a `StringTable`
/// behind a narrow interface, so how they are stored can change without touching readers.
struct TextBlob: Sendable, Equatable {
  let table: StringTable

  init(_ table: StringTable) { self.table = table }

  var count: Int { table.count }

  subscript(i: Int) -> String { table[i] }

  var byteSize: Int { table.byteSize }
}
