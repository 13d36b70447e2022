import Foundation
import Glibc
import Testing
import NewsText

/// Converts UTF-8 text to `encoding` with the C library's iconv (independent of the decoder).
func iconvEncode(_ text: String, to encoding: String) -> [UInt8]? {
  guard let cd = iconv_open(encoding, "UTF-8"), Int(bitPattern: cd) != -1 else { return nil }
  defer { iconv_close(cd) }
  var input = Array(text.utf8)
  var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
  var outLeft = output.count
  var inLeft = input.count
  let ok = input.withUnsafeMutableBytes { inRaw -> Bool in
    output.withUnsafeMutableBytes { outRaw -> Bool in
      var inPtr = inRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
      var outPtr = outRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
      return iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) != -1
    }
  }
  guard ok else { return nil }
  return Array(output[0..<(output.count - outLeft)])
}

@Suite struct DecoderTests {
  let sample = "临汾市尧都区召开会议。GDP增速7.6%，总投资100.06亿元。\n第二行：“三区三地”"

  @Test func utf8WithAndWithoutBOM() throws {
    #expect(try TextDecoder.decode(Array(sample.utf8)).get() == sample)
    #expect(try TextDecoder.decode([0xEF, 0xBB, 0xBF] + Array(sample.utf8)).get() == sample)
    #expect(try TextDecoder.decode(Array(Seeds.text("001").utf8)).get() == Seeds.text("001"))
  }

  @Test func utf16WithBOM() throws {
    let le = try #require(sample.data(using: .utf16LittleEndian))
    let be = try #require(sample.data(using: .utf16BigEndian))
    #expect(try TextDecoder.decode([0xFF, 0xFE] + Array(le)).get() == sample)
    #expect(try TextDecoder.decode([0xFE, 0xFF] + Array(be)).get() == sample)
  }

  @Test func utf16WithoutBOM() throws {
    // Mostly Chinese: few zero bytes; and mostly ASCII: many.
    for text in [sample, "Hello, newsq! 临汾 2024\nline two", Seeds.text("002")] {
      let le = try #require(text.data(using: .utf16LittleEndian))
      let be = try #require(text.data(using: .utf16BigEndian))
      #expect(try TextDecoder.decode(Array(le)).get() == text)
      #expect(try TextDecoder.decode(Array(be)).get() == text)
    }
  }

  @Test func gb18030() throws {
    let text = Seeds.text("000")
    let bytes = try #require(iconvEncode(text, to: "GB18030"))
    #expect(bytes != Array(text.utf8))
    #expect(try TextDecoder.decode(bytes).get() == text)
    let gbk = try #require(iconvEncode(sample, to: "GBK"))
    #expect(try TextDecoder.decode(gbk).get() == sample)
  }

  @Test func binaryAndUndecodable() {
    var binary: [UInt8] = Array("PK header".utf8) + [0, 0, 1, 2, 3, 0, 0xFF, 0xD8, 0, 0, 0]
    binary += (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 7) }
    guard case .failure(.binary(let reason)) = TextDecoder.decode(binary) else {
      Issue.record("binary not detected"); return
    }
    #expect(reason.contains("NUL byte at offset 9"))
    let controls = [UInt8](repeating: 0x01, count: 200) + Array("abc".utf8)
    guard case .failure(.binary) = TextDecoder.decode(controls) else { Issue.record("controls"); return }
    // Invalid UTF-8 that is not GB18030 either (0x80 and 0xFF are never valid there).
    let invalid: [UInt8] = Array("临汾".utf8) + [0xFF, 0x80, 0xFF] + Array("abc".utf8)
    guard case .failure(.undecodable(let why)) = TextDecoder.decode(invalid) else { Issue.record("invalid"); return }
    #expect(why.contains("offset 6"))
    guard case .failure = TextDecoder.decode([0xEF, 0xBB, 0xBF, 0xC3]) else { Issue.record("bad after BOM"); return }
  }

  @Test func emptyAndTinyInputs() throws {
    #expect(try TextDecoder.decode([]).get() == "")
    #expect(try TextDecoder.decode([0xEF, 0xBB, 0xBF]).get() == "")
    #expect(try TextDecoder.decode([0xFF, 0xFE]).get() == "")
    for b in [[0xFF], [0xFE], [0x00], [0xC3], [0xFF, 0xFE, 0x41], [0x81, 0x30]] as [[UInt8]] {
      _ = TextDecoder.decode(b)  // must not crash
    }
  }

  @Test func randomBytesNeverCrash() {
    var g = SystemRandomNumberGenerator()
    for _ in 0..<300 {
      let n = Int.random(in: 0..<200, using: &g)
      let bytes = (0..<n).map { _ in UInt8.random(in: 0...255, using: &g) }
      _ = TextDecoder.decode(bytes)
    }
  }
}

@Suite struct FileBytesTests {
  @Test func regularFileDirectoryFifoMissing() throws {
    let dir = NSTemporaryDirectory() + "newstext-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let file = dir + "/a.txt"
    try Data("临汾".utf8).write(to: URL(fileURLWithPath: file))
    #expect(try FileBytes.read(path: file, limit: 100).get() == Array("临汾".utf8))
    guard case .failure(let big) = FileBytes.read(path: file, limit: 3) else { Issue.record("limit"); return }
    #expect(big.kind == .tooLarge)
    guard case .failure(let d) = FileBytes.read(path: dir, limit: 100) else { Issue.record("dir"); return }
    #expect(d.kind == .directory)
    let fifo = dir + "/pipe"
    #expect(mkfifo(fifo, 0o600) == 0)
    guard case .failure(let f) = FileBytes.read(path: fifo, limit: 100) else { Issue.record("fifo"); return }
    #expect(f.kind == .notRegularFile)
    guard case .failure(let m) = FileBytes.read(path: dir + "/missing", limit: 100) else { Issue.record("missing"); return }
    #expect(m.kind == .notFound)
    let empty = dir + "/empty.txt"
    FileManager.default.createFile(atPath: empty, contents: Data())
    #expect(try FileBytes.read(path: empty, limit: 100).get() == [])
  }
}
