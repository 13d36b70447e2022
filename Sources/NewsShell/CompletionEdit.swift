import NewsQ
import NewsText

/// What one press of Tab does to the line: replace the word before the cursor, and/or list
/// the candidates below the line in columns that line up (widths in terminal cells).
public struct CompletionEdit: Sendable, Hashable {
  /// Characters (Unicode scalars) before the cursor to remove.
  public var deleteCount: Int
  /// Text inserted at the cursor after the deletion.
  public var insert: String
  /// Candidates laid out in columns, or nil when nothing is listed.
  public var listing: String?

  public init(deleteCount: Int, insert: String, listing: String?) {
    self.deleteCount = deleteCount
    self.insert = insert
    self.listing = listing
  }

  /// The edit for `completion` given the line up to the cursor (`cursor` = its scalar count).
  ///
  /// One candidate replaces the word (and adds a space after a whole keyword-like word);
  /// several candidates first complete their common prefix when that adds something, and
  /// otherwise are listed. Nil when there is nothing to offer.
  public static func make(lineToCursor: String, completion: Completion, width: Int) -> CompletionEdit? {
    let scalars = Array(lineToCursor.unicodeScalars)
    let cursor = scalars.count
    var candidates: [String] = []
    for c in completion.candidates where !c.isEmpty && !candidates.contains(c) { candidates.append(c) }
    guard !candidates.isEmpty else { return nil }
    let lower = min(max(0, completion.replacing.lowerBound), cursor)
    let typed = String(String.UnicodeScalarView(scalars[lower..<cursor]))
    let deleteCount = cursor - lower
    if candidates.count == 1 {
      let only = candidates[0]
      let wordLike = only.unicodeScalars.last.map { $0.isASCII && ($0.properties.isAlphabetic || ($0.value >= 48 && $0.value <= 57) || $0 == "_") } ?? false
      let insert = wordLike ? only + " " : only
      if only == typed && !wordLike { return nil }
      return CompletionEdit(deleteCount: deleteCount, insert: insert, listing: nil)
    }
    let prefix = commonPrefix(candidates)
    if !prefix.isEmpty, prefix != typed, !(typed.hasPrefix(prefix)) {
      return CompletionEdit(deleteCount: deleteCount, insert: prefix, listing: nil)
    }
    return CompletionEdit(deleteCount: 0, insert: "", listing: columns(candidates, width: width))
  }

  /// The longest common prefix (by Unicode scalars) of `items`.
  static func commonPrefix(_ items: [String]) -> String {
    guard var prefix = items.first.map({ Array($0.unicodeScalars) }) else { return "" }
    for item in items.dropFirst() {
      let s = Array(item.unicodeScalars)
      var n = 0
      while n < prefix.count, n < s.count, prefix[n] == s[n] { n += 1 }
      prefix.removeLast(prefix.count - n)
      if prefix.isEmpty { break }
    }
    return String(String.UnicodeScalarView(prefix))
  }

  /// Lays `items` out column by column (like `ls`) in at most `width` cells per line.
  /// At most `limit` items are shown; the rest are counted on a last line.
  public static func columns(_ items: [String], width: Int, limit: Int = 200) -> String {
    let shown = Array(items.prefix(limit))
    let cells = shown.map { DisplayWidth.cells($0) }
    let colWidth = (cells.max() ?? 0) + 2
    let usable = max(width, colWidth)
    let perLine = max(1, usable / colWidth)
    let lines = (shown.count + perLine - 1) / perLine
    var out = ""
    for row in 0..<lines {
      var line = ""
      var col = 0
      while true {
        let i = col * lines + row
        guard i < shown.count else { break }
        let isLast = (col + 1) * lines + row >= shown.count
        line += shown[i]
        if !isLast { line += String(repeating: " ", count: colWidth - cells[i]) }
        col += 1
      }
      out += line + "\n"
    }
    if items.count > shown.count { out += "… and \(items.count - shown.count) more\n" }
    return out
  }
}
