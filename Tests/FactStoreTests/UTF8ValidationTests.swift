import Testing
@testable import FactStore

/// Snapshot string tables must hold well-formed UTF-8, string by string: the store's readers
/// build result strings from their bytes without checking them again.
@Suite struct UTF8ValidationTests {
  static func valid(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBufferPointer(UTF8Validation.isValid) }

  @Test func agreesWithTheStandardLibrary() {
    var cases: [[UInt8]] = [[], Array("临汾市尧都区 GDP 𠀋🙂".utf8), [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80],
                            [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x8F, 0xBF, 0xBF], [0xE4, 0xB8], [0x80], [0xFF], [0xC2, 0x41]]
    // Every truncation of a text with one- to four-byte scalars.
    let text = Array("a临𠀋é".utf8)
    for k in 0...text.count { cases.append(Array(text[0..<k])); cases.append(Array(text[k...])) }
    for c in cases {
      #expect(Self.valid(c) == (String(validating: c, as: UTF8.self) != nil), "\(c)")
    }
  }

  static func decodedTable(bytes: [UInt8], ends: [UInt32]) -> StringTable? {
    var w = FactWriter()
    w.raw([UInt32]()); w.u8(0); w.raw(bytes); w.raw(ends)
    var r = FactReader(w.bytes)
    return Snapshot.decodeStringTable(&r)
  }

  @Test func aTableOfWellFormedStringsIsRead() throws {
    let t = try #require(Self.decodedTable(bytes: Array("临汾晋中".utf8), ends: [6, 12]))
    #expect(Array(t) == ["临汾", "晋中"])
  }

  @Test func aTableThatIsNotUTF8IsDamage() {
    // A well-formed buffer cut inside a character: neither string is UTF-8 on its own.
    #expect(Self.decodedTable(bytes: Array("临汾".utf8), ends: [4, 6]) == nil)
    // A stray continuation byte, a surrogate.
    #expect(Self.decodedTable(bytes: [0x61, 0x80], ends: [2]) == nil)
    #expect(Self.decodedTable(bytes: [0xED, 0xA0, 0x80], ends: [3]) == nil)
  }
}
