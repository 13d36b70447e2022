import Testing
@testable import FactStore

/// `StringTable.coded` reads the bytes once into units and codes from them; the code and the
/// coded bytes must be those of training on the strings (`TextCodec(training:)`, every k-th
/// string past 256 KB) and encoding each string's bytes (`TextCodec.encode`), so snapshots do
/// not change.
@Suite struct CodedTableTests {
  /// The code and coded bytes the byte-reading functions give for `table`.
  func reference(_ table: StringTable) -> (symbols: [UInt32], bytes: [UInt8], ends: [UInt32]) {
    let total = table.stored.count
    let step = max(1, total / (256 << 10))
    return table.stored.withUnsafeBufferPointer { sb in
      var parts: [UnsafeBufferPointer<UInt8>] = []
      var i = 0
      while i < table.count {
        parts.append(UnsafeBufferPointer(rebasing: sb[table.range(i)]))
        i += step
      }
      let codec = TextCodec(training: parts)
      let t = codec.encodingTable()
      var out = [UInt8](repeating: 0, count: 2 * total + 16)
      var ends: [UInt32] = []
      var o = 0
      t.withUnsafeBufferPointer { tb in
        out.withUnsafeMutableBufferPointer { ob in
          for k in 0..<table.count {
            o += TextCodec.encode(UnsafeBufferPointer(rebasing: sb[table.range(k)]), table: tb, into: ob.baseAddress! + o)
            ends.append(UInt32(o))
          }
        }
      }
      return (codec.symbols, Array(out[0..<o]), ends)
    }
  }

  func check(_ table: StringTable) throws {
    let coded = try #require(table.coded(minimumSaving: -.infinity))
    let ref = reference(table)
    #expect(coded.codec?.symbols == ref.symbols)
    #expect(coded.stored == ref.bytes)
    #expect(coded.storedEnds == ref.ends)
    #expect(coded == table)
  }

  @Test func sentencesCodeAsByTheBytes() throws {
    try check(StringTable(TextCodecTests.texts()))
  }

  @Test func illFormedBytesCodeAsByTheBytes() throws {
    let raw: [[UInt8]] = [[0xE4, 0xB8], [0xFF, 0x41, 0x80], [0xED, 0xA0, 0x80], [0xE0, 0x80, 0xAF], [0xEF, 0xBF, 0xBF],
                          [0xED, 0x9F, 0xBF], [0xE0, 0xA0, 0x80], Array("临汾".utf8) + [0xC0, 0xAF], [0xF0, 0x9F, 0x98, 0x80],
                          [0xC2], [0xE4], [], Array("ＧＤＰé".utf8)]
    var bytes: [UInt8] = [], ends: [UInt32] = []
    for r in raw { bytes += r; ends.append(UInt32(bytes.count)) }
    try check(StringTable(bytes: bytes, ends: ends))
  }

  /// More distinct characters than the code holds (some are escaped), and a table past
  /// 256 KB (trained on every k-th string).
  @Test func bigTablesCodeAsByTheBytes() throws {
    var texts: [String] = []
    var s = String.UnicodeScalarView()
    for v in UInt32(0x4E00)...0x9FFF {
      s.append(Unicode.Scalar(v)!)
      if s.count == 40 { texts.append(String(s)); s = String.UnicodeScalarView() }
    }
    // the common characters many times over, so counts differ
    for i in 0..<3000 { texts.append("第\(i)条：临汾市召开全市优化营商环境大会，会议在长治举行。") }
    let table = StringTable(texts)
    #expect(table.stored.count > 256 << 10)
    try check(table)
  }
}
