import NewsFacts

/// Spelling SQL tokens: identifiers always double-quoted (`to`, `date`, `count`, `value` are
/// keywords somewhere), strings single-quoted with `'` doubled, numbers in their shortest exact form.
enum SQLText {
  static func identifier(_ name: String) -> String {
    var s = "\""
    for u in name.unicodeScalars {
      if u == "\"" { s += "\"\"" } else { s.unicodeScalars.append(u) }
    }
    return s + "\""
  }

  static func string(_ text: String) -> String {
    var s = "'"
    for u in text.unicodeScalars {
      if u == "'" { s += "''" } else if u == "\u{0}" { continue } else { s.unicodeScalars.append(u) }
    }
    return s + "'"
  }

  static func number(_ d: Double) -> String { Value.format(d) }

  /// `x` with LIKE's wildcards and the escape character escaped (for `ESCAPE '\'`).
  static func likeEscaped(_ text: String) -> String {
    var s = ""
    for u in text.unicodeScalars {
      if u == "%" || u == "_" || u == "\\" { s += "\\" }
      s.unicodeScalars.append(u)
    }
    return s
  }

  /// True when case folding can matter: the text has a Latin letter.
  static func hasLatinLetters(_ text: String) -> Bool {
    text.utf8.contains { ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) }
  }

  /// Latin letters lowered (ASCII only, like SQLite's `lower`).
  static func lowered(_ text: String) -> String {
    String(decoding: text.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
  }

  /// Division suffixes: a literal ending in one is taken as a full official name.
  static let divisionSuffixes = ["省", "市", "区", "县", "旗", "州", "盟", "镇", "乡", "村", "街道", "自治区", "特别行政区"]

  static func looksLikeFullPlaceName(_ s: String) -> Bool {
    s.unicodeScalars.count >= 2 && divisionSuffixes.contains { s.hasSuffix($0) }
  }
}
