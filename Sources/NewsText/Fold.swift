/// Folding for comparisons: two strings that a Chinese reader would call "the same name" fold
/// to the same string. Used for equality in queries, completion and the gazetteer.
///
/// Folding is scalar by scalar (lengths never change):
/// - traditional → simplified (OpenCC's first candidate: 臨 → 临),
/// - full-width ASCII forms U+FF01…U+FF5E → ASCII, U+3000 ideographic space → space,
/// - ASCII letters → lower case (ＧＤＰ → gdp).
public enum Fold {
  /// Folds one scalar; a scalar lookup in a table built once.
  @inline(__always)
  public static func fold(_ u: Unicode.Scalar) -> Unicode.Scalar {
    let v = u.value
    if v < 0x80 {
      if v >= 0x41 && v <= 0x5A { return Unicode.Scalar(UInt8(v | 0x20)) }
      return u
    }
    if v >= 0xFF01 && v <= 0xFF5E {
      var a = v &- 0xFEE0
      if a >= 0x41 && a <= 0x5A { a |= 0x20 }
      return Unicode.Scalar(UInt8(a))
    }
    if v == 0x3000 { return " " }
    if let s = TraditionalTable.shared.simplified(v), let r = Unicode.Scalar(s) { return r }
    return u
  }

  /// Every scalar value that `fold` may change (a superset: the capitals, the full-width
  /// forms, the ideographic space and the keys of the traditional table), for tables of folds
  /// made without folding every scalar.
  public static func changingScalars() -> [UInt32] {
    var out: [UInt32] = Array(0x41...0x5A) + Array(0xFF01...0xFF5E) + [0x3000]
    let t = TraditionalTable.shared
    for (k, s) in t.bmp.enumerated() where s != 0 { out.append(TraditionalTable.bmpBase + UInt32(k)) }
    out.append(contentsOf: t.other.keys)
    return out
  }

  /// Folds every scalar of `s`: `s` itself when nothing changes, else a string written as
  /// UTF-8 in one buffer (appending scalar by scalar to a `String` cost far more).
  public static func fold(_ s: String) -> String {
    var first = -1
    var k = 0
    for u in s.unicodeScalars {
      if fold(u) != u { first = k; break }
      k &+= 1
    }
    if first < 0 { return s }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(s.utf8.count)
    for u in s.unicodeScalars {
      let v = fold(u).value
      if v < 0x80 {
        bytes.append(UInt8(truncatingIfNeeded: v))
      } else if v < 0x800 {
        bytes.append(UInt8(truncatingIfNeeded: 0xC0 | v >> 6))
        bytes.append(UInt8(truncatingIfNeeded: 0x80 | v & 0x3F))
      } else if v < 0x10000 {
        bytes.append(UInt8(truncatingIfNeeded: 0xE0 | v >> 12))
        bytes.append(UInt8(truncatingIfNeeded: 0x80 | (v >> 6) & 0x3F))
        bytes.append(UInt8(truncatingIfNeeded: 0x80 | v & 0x3F))
      } else {
        bytes.append(UInt8(truncatingIfNeeded: 0xF0 | v >> 18))
        bytes.append(UInt8(truncatingIfNeeded: 0x80 | (v >> 12) & 0x3F))
        bytes.append(UInt8(truncatingIfNeeded: 0x80 | (v >> 6) & 0x3F))
        bytes.append(UInt8(truncatingIfNeeded: 0x80 | v & 0x3F))
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Whether `a` and `b` fold to the same string, without building either.
  public static func equal(_ a: String, _ b: String) -> Bool {
    var i = a.unicodeScalars.makeIterator()
    var j = b.unicodeScalars.makeIterator()
    while true {
      switch (i.next(), j.next()) {
      case (nil, nil): return true
      case let (x?, y?): if fold(x) != fold(y) { return false }
      default: return false
      }
    }
  }

  /// Whether `s` folded starts with `prefix` folded (for completion).
  public static func hasPrefix(_ s: String, _ prefix: String) -> Bool {
    var i = s.unicodeScalars.makeIterator()
    for p in prefix.unicodeScalars {
      guard let x = i.next(), fold(x) == fold(p) else { return false }
    }
    return true
  }
}

/// Traditional → simplified conversion with OpenCC's tables (phrases first, then characters).
public enum Simplified {
  /// Whether `u` is a traditional character that has a different simplified form.
  public static func isTraditional(_ u: Unicode.Scalar) -> Bool {
    TraditionalTable.shared.simplified(u.value) != nil
  }

  /// The simplified form of one scalar (itself when it is not traditional).
  public static func simplify(_ u: Unicode.Scalar) -> Unicode.Scalar {
    if let s = TraditionalTable.shared.simplified(u.value), let r = Unicode.Scalar(s) { return r }
    return u
  }

  /// Simplifies `s`: at each position the longest OpenCC phrase (TSPhrases) wins, otherwise the
  /// character table (TSCharacters, first candidate). Non-Chinese text is unchanged.
  public static func simplify(_ s: String) -> String {
    let scalars = Array(s.unicodeScalars)
    let table = TraditionalPhrases.shared
    var out = String.UnicodeScalarView()
    var i = 0
    while i < scalars.count {
      if let p = table.phrase(in: scalars, at: i) {
        out.append(contentsOf: p.to)
        i += p.length
        continue
      }
      out.append(simplify(scalars[i]))
      i += 1
    }
    return String(out)
  }
}
