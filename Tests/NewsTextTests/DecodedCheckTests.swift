import Testing
@testable import NewsText

/// `checkDecoded` counts control characters over UTF-8 bytes; it must give the verdict of the
/// count over scalars (`checkDecodedByScalars`) for every text.
@Suite struct DecodedCheckTests {
  static func verdict(_ r: Result<String, DecodeError>) -> String {
    switch r {
    case .success(let s): return "ok \(s.unicodeScalars.count)"
    case .failure(let e): return e.reason
    }
  }

  @Test func byteCountMatchesScalarCount() {
    // Pieces mixing ASCII, allowed and refused controls, C1 controls (C2 80…9F), Latin-1
    // letters (C2 A0…, C3 …), CJK and astral scalars, and NUL.
    let pieces = ["新闻", "a", "\t", "\n", "\r", "\u{1B}", "\u{01}", "\u{7F}", "\u{80}", "\u{9F}", "\u{A0}",
                  "é", "\u{85}", "𠀀", "\u{0}", "，", "\u{0C}"]
    var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
    for _ in 0..<400 {
      var s = ""
      seed = seed &* 6364136223846793005 &+ 1442695040888963407
      let length = Int(seed >> 58)
      for _ in 0..<length {
        seed = seed &* 6364136223846793005 &+ 1442695040888963407
        // Mostly text, sometimes a control: both verdicts occur.
        let k = Int(seed >> 33) % (pieces.count * 3)
        s += k < pieces.count ? pieces[k] : pieces[k % 2]
      }
      #expect(Self.verdict(TextDecoder.checkDecoded(s)) == Self.verdict(TextDecoder.checkDecodedByScalars(s)), "\(Array(s.unicodeScalars))")
    }
  }

  @Test func c1ControlsCountAsControls() {
    let text = String(repeating: "\u{85}x", count: 20)
    guard case .failure(let e) = TextDecoder.checkDecoded(text) else {
      Issue.record("twenty C1 controls in forty characters pass as text")
      return
    }
    #expect(e.reason.contains("20 control characters"))
  }
}
