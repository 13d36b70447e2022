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

  /// The ASCII punctuation whose full-width forms (！（），：；？) stay in extracted text: the
  /// normaliser folds every other full-width form to ASCII (NewsText `Normalizer.keepsFullWidth`).
  static let keptFullWidth: Set<UInt32> = [0x21, 0x28, 0x29, 0x2C, 0x3A, 0x3B, 0x3F]

  /// `expr` with the full-width forms of the kept punctuation in `texts` replaced by ASCII, so
  /// a stored `参观考察，寻求` equals the folded literal `参观考察,寻求` as in newsq, which folds
  /// both sides. Only marks the literals hold are mapped: any other full-width character
  /// cannot make the column equal a literal or match its pattern, folded or not. `expr`
  /// unchanged when the literals have none of them (text from `add(facts:)` with other
  /// full-width forms is a documented limit).
  static func widthFolded(_ expr: String, for texts: [String], dialect: SQLDialect) -> String {
    var from: [Unicode.Scalar] = [], to: [Unicode.Scalar] = []
    var seen = Set<UInt32>()
    for t in texts {
      for u in t.unicodeScalars where keptFullWidth.contains(u.value) && seen.insert(u.value).inserted {
        if let w = Unicode.Scalar(u.value + 0xFEE0) { from.append(w); to.append(u) }
      }
    }
    guard !from.isEmpty else { return expr }
    switch dialect {
    case .duckdb:
      var f = String.UnicodeScalarView(), t = String.UnicodeScalarView()
      f.append(contentsOf: from)
      t.append(contentsOf: to)
      return "translate(\(expr), \(string(String(f))), \(string(String(t))))"
    case .sqlite:
      var e = expr
      for (a, b) in zip(from, to) { e = "replace(\(e), \(string(String(Character(a)))), \(string(String(Character(b)))))" }
      return e
    }
  }

  /// Division suffixes: a literal ending in one is taken as a full official name.
  static let divisionSuffixes = ["省", "市", "区", "县", "旗", "州", "盟", "镇", "乡", "村", "街道", "自治区", "特别行政区"]

  static func looksLikeFullPlaceName(_ s: String) -> Bool {
    s.unicodeScalars.count >= 2 && divisionSuffixes.contains { s.hasSuffix($0) }
  }
}
