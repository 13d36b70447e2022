import FactQuery

/// Statements parsed by `Engine.run`, by their text, so a statement run again (a script's
/// loop, an application asking the same question as its data changes) is not parsed again —
/// as Python's `sqlite3` keeps its last 128 statements. Parsing is text only: the plan is made
/// at every run against the snapshot of that moment, so a cached statement never answers from
/// old data. Keys compare and hash as UTF-8 bytes (a `String` key would normalise Chinese text
/// to NFC on every look-up). When full, the cache starts again empty.
struct StatementCache: Sendable {
  /// A statement's text, hashed and compared byte for byte.
  struct Key: Hashable, Sendable {
    let text: String
    static func == (a: Key, b: Key) -> Bool {
      guard a.text.utf8.count == b.text.utf8.count else { return false }
      var x = a.text, y = b.text
      return x.withUTF8 { xb in y.withUTF8 { yb in xb.elementsEqual(yb) } }
    }
    func hash(into h: inout Hasher) {
      var t = text
      t.withUTF8 { h.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
  }

  static let capacity = 128
  private var parsed: [Key: Statement] = [:]

  /// The statement parsed from `text` earlier, if any.
  func statement(_ text: String) -> Statement? { parsed[Key(text: text)] }

  /// Keeps `statement` as the parse of `text`.
  mutating func keep(_ statement: Statement, for text: String) {
    if parsed.count >= Self.capacity { parsed.removeAll(keepingCapacity: true) }
    parsed[Key(text: text)] = statement
  }

  var count: Int { parsed.count }
}
