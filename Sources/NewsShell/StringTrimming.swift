extension StringProtocol {
  /// The text without leading and trailing spaces, tabs, carriage returns and newlines.
  func trimmingBlank() -> String {
    let blank: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
    let s = unicodeScalars.drop(while: blank)
    var end = s.endIndex
    while end > s.startIndex, blank(s[s.index(before: end)]) { end = s.index(before: end) }
    return String(String.UnicodeScalarView(s[s.startIndex..<end]))
  }
}
