import Testing
@testable import NewsText

/// The decoder's fast path (`PlainUTF8`) against the standard library's validation and against
/// the general path: same verdict, same string, on valid and invalid byte sequences.
@Suite struct PlainUTF8Tests {
  /// The definition `isPlain` implements, by the standard library: valid UTF-8 whose scalars
  /// hold no NUL, no C0 control but TAB, LF, FF, CR, ESC, no DEL and no C1 control.
  static func referencePlain(_ bytes: [UInt8]) -> Bool {
    guard let s = String(validating: bytes, as: UTF8.self) else { return false }
    return s.unicodeScalars.allSatisfy { u in
      let v = u.value
      if v < 0x20 { return v == 0x09 || v == 0x0A || v == 0x0D || v == 0x0C || v == 0x1B }
      return v < 0x7F || v >= 0xA0
    }
  }

  static func isPlain(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBufferPointer { PlainUTF8.isPlain($0) } }

  static func verdict(_ r: Result<String, DecodeError>) -> String {
    switch r {
    case .success(let s): return "ok " + s
    case .failure(let e): return "fail " + e.reason
    }
  }

  /// Byte sequences around every boundary of UTF-8: valid ones of each length, and the invalid
  /// ones (truncated, overlong, surrogates, above U+10FFFF, stray continuation bytes, C1).
  static let pieces: [[UInt8]] = [
    Array("abcdefgh".utf8), Array("临汾".utf8), Array("，".utf8), [0x0A], [0x09], [0x0D], [0x0C], [0x1B],
    [0xC2, 0xA0], [0xC3, 0xA9], [0xDF, 0xBF], [0xE0, 0xA0, 0x80], [0xEF, 0xBF, 0xBF], [0xED, 0x9F, 0xBF],
    [0xEE, 0x80, 0x80], [0xF0, 0x90, 0x80, 0x80], [0xF0, 0x9F, 0x98, 0x80], [0xF4, 0x8F, 0xBF, 0xBF],
    [0xF3, 0xBF, 0xBF, 0xBF],
    // Invalid.
    [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF], [0xF0, 0x80, 0x80, 0x80],
    [0xF0, 0x8F, 0xBF, 0xBF], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xED, 0xA0, 0x80, 0xED, 0xB0, 0x80],
    [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xFE], [0x80], [0xBF], [0xC3], [0xE4, 0xB8],
    [0xF0, 0x9F, 0x98], [0xE4, 0x41, 0x80], [0xC3, 0xC3],
    // Controls: C0, DEL, C1, NUL.
    [0x01], [0x1F], [0x7F], [0xC2, 0x80], [0xC2, 0x85], [0xC2, 0x9F], [0x00],
  ]

  @Test func singlePiecesAtEveryOffset() {
    // Each piece after 0…9 ASCII bytes, then none, one, two or three CJK scalars (so that it is
    // the first or the second of a pair read as one word), and followed by 0…9 bytes: the word
    // loops, the byte loops and the end of the buffer all meet it.
    let cjk: [[UInt8]] = [[], Array("，".utf8), Array("临汾".utf8), Array("临汾，".utf8)]
    for piece in Self.pieces {
      for before in 0..<10 {
        for after in [0, 1, 2, 7, 9] {
          for lead in cjk {
          let bytes = Array(repeating: UInt8(ascii: "x"), count: before) + lead + piece + Array(repeating: UInt8(ascii: "y"), count: after)
          #expect(Self.isPlain(bytes) == Self.referencePlain(bytes), "\(bytes)")
          }
        }
      }
    }
  }

  @Test func randomMixturesAgreeWithTheStandardLibrary() {
    var seed: UInt64 = 0x2545_F491_4F6C_DD1D
    func next() -> Int {
      seed = seed &* 6364136223846793005 &+ 1442695040888963407
      return Int(seed >> 33)
    }
    var plainSeen = 0
    for round in 0..<3000 {
      var bytes: [UInt8] = []
      let count = next() % 40
      for _ in 0..<count {
        // Mostly valid text, so that both verdicts occur often.
        let k = next() % (round % 3 == 0 ? Self.pieces.count : 19)
        bytes += Self.pieces[k]
      }
      let plain = Self.isPlain(bytes)
      #expect(plain == Self.referencePlain(bytes), "\(bytes)")
      if plain {
        plainSeen += 1
        let s = bytes.withUnsafeBufferPointer { PlainUTF8.string($0) }
        #expect(Array(s.utf8) == bytes)
        #expect(s == String(decoding: bytes, as: UTF8.self))
      }
      // The fast path never changes the decoder's answer.
      #expect(Self.verdict(TextDecoder.decode(bytes)) == Self.verdict(TextDecoder.decodeGeneral(bytes)), "\(bytes)")
      let withBOM = [0xEF, 0xBB, 0xBF] + bytes
      #expect(Self.verdict(TextDecoder.decode(withBOM)) == Self.verdict(TextDecoder.decodeGeneral(withBOM)), "\(bytes)")
    }
    #expect(plainSeen > 500)
  }

  @Test func randomBytesAgreeWithTheStandardLibrary() {
    var g = SystemRandomNumberGenerator()
    for _ in 0..<2000 {
      let n = Int.random(in: 0..<24, using: &g)
      // Bytes from the interesting ranges: ASCII, continuation bytes, lead bytes.
      let bytes = (0..<n).map { _ -> UInt8 in
        switch Int.random(in: 0..<4, using: &g) {
        case 0: return UInt8.random(in: 0x20...0x7E, using: &g)
        case 1: return UInt8.random(in: 0x80...0xBF, using: &g)
        default: return UInt8.random(in: 0xC0...0xFF, using: &g)
        }
      }
      #expect(Self.isPlain(bytes) == Self.referencePlain(bytes), "\(bytes)")
      #expect(Self.verdict(TextDecoder.decode(bytes)) == Self.verdict(TextDecoder.decodeGeneral(bytes)), "\(bytes)")
    }
  }

  @Test func everyScalarBoundary() {
    // The first and last scalars of each length and around the surrogates, encoded by the
    // standard library, are plain; a byte cut off the end never is.
    let scalars: [UInt32] = [0x20, 0x7E, 0xA0, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x4E2D, 0x10FFFF]
    for v in scalars {
      let bytes = Array(String(Unicode.Scalar(v)!).utf8)
      #expect(Self.isPlain(bytes), "\(v)")
      if bytes.count > 1 { #expect(!Self.isPlain(Array(bytes.dropLast())), "\(v)") }
    }
  }

  @Test func chineseScoreInPlaceMatchesTheDecodedString() {
    var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> Int {
      seed = seed &* 6364136223846793005 &+ 1442695040888963407
      return Int(seed >> 33)
    }
    // Code units: ideographs, punctuation, ASCII, high and low surrogates (paired and lone).
    let units: [UInt16] = [0x4E2D, 0x6C7E, 0x3002, 0xFF0C, 0x0041, 0x000A, 0xD840, 0xDC00, 0xDBFF, 0xDFFF, 0x00E9, 0xAC00]
    for _ in 0..<1000 {
      var bytes: [UInt8] = []
      for _ in 0..<(next() % 30) {
        let u = units[next() % units.count]
        bytes += [UInt8(u >> 8), UInt8(u & 0xFF)]
      }
      if next() % 4 == 0 { bytes.append(0x4E) }  // an odd trailing byte
      for le in [true, false] {
        let direct = bytes.withUnsafeBufferPointer { TextDecoder.chineseScoreUTF16($0, littleEndian: le) }
        let viaString = TextDecoder.chineseScore(TextDecoder.utf16(bytes, from: 0, littleEndian: le))
        #expect(direct == viaString, "\(bytes) \(le)")
      }
    }
  }
}
