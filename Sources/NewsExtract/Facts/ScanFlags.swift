/// Per scalar, which of the rules' word lists it may start (or, for meeting heads, end): one
/// table look-up per scalar of a document, made once in `DocumentContext.init`, so the rules'
/// scans skip positions with a byte test instead of probing each word list's bitset.
///
/// A flag is a filter only: a set bit sends the position to the list's own match, which
/// decides. Scalars past the BMP get every flag.
enum ScanFlags {
  /// A word of `indicatorWords` starts here, or 项 (a counted group of projects).
  static let indicator: UInt8 = 1 << 0
  /// A word of `projectLeads` starts here.
  static let projectLead: UInt8 = 1 << 1
  /// A meeting head (`heads`) ends with this scalar.
  static let meetingHeadLast: UInt8 = 1 << 2
  /// A level word (我县, 市委 …) starts here.
  static let level: UInt8 = 1 << 3
  /// An anniversary anchor (建党 …) starts here.
  static let anchor: UInt8 = 1 << 4
  /// A visit verb starts here.
  static let visitVerb: UInt8 = 1 << 5

  /// Flags by scalar value (BMP).
  static let table: [UInt8] = {
    var t = [UInt8](repeating: 0, count: 65536)
    func mark<S: Sequence<Unicode.Scalar>>(_ scalars: S, _ bit: UInt8) {
      for c in scalars where c.value < 65536 { t[Int(c.value)] |= bit }
    }
    mark(DocumentContext.indicatorWords.compactMap { $0.0.unicodeScalars.first } + ["项"], indicator)
    mark(DocumentContext.projectLeads.words.compactMap(\.first), projectLead)
    mark(DocumentContext.heads.words.compactMap { $0.unicodeScalars.last }, meetingHeadLast)
    mark((DocumentContext.countyWords + DocumentContext.cityWords).compactMap(\.first), level)
    mark(DocumentContext.anchors.compactMap(\.0.first), anchor)
    mark(DocumentContext.visitVerbs.words.compactMap(\.first), visitVerb)
    return t
  }()

  /// The flags of each scalar of `s`.
  static func flags(of s: [Unicode.Scalar]) -> [UInt8] {
    let n = s.count
    return [UInt8](unsafeUninitializedCapacity: n) { out, count in
      table.withUnsafeBufferPointer { t in
        s.withUnsafeBufferPointer { src in
          for i in 0..<n {
            let v = src[i].value
            out[i] = v < 65536 ? t[Int(v)] : 0xFF
          }
        }
      }
      count = n
    }
  }

  /// The first index in `from..<to` whose flags have `bit`, or `to` when none has.
  @inline(__always)
  static func next(_ bit: UInt8, in flags: [UInt8], from: Int, to: Int) -> Int {
    flags.withUnsafeBufferPointer { f in
      var k = max(from, 0)
      let e = min(to, f.count)
      while k < e && f[k] & bit == 0 { k &+= 1 }
      return k < e ? k : max(to, from)
    }
  }
}
