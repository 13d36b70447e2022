import NewsText

/// Terminal cell widths for diagnostics' caret lines: `NewsText.DisplayWidth`, except that
/// control characters count one cell, because the echoed line shows a tab as itself and any
/// other control character as U+FFFD — so the caret must step over them.
enum CellWidth {
  /// Cells `scalar` takes in a diagnostic's echoed line.
  @inline(__always)
  static func cells(_ scalar: Unicode.Scalar) -> Int {
    let v = scalar.value
    if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 1 }
    return DisplayWidth.cells(scalar)
  }

  /// Cells a run of scalars takes, scalar by scalar (as the caret line is built).
  static func cells<S: Sequence>(_ scalars: S) -> Int where S.Element == Unicode.Scalar {
    var n = 0
    for s in scalars { n &+= cells(s) }
    return n
  }
}
