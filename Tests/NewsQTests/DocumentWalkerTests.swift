import Testing
@testable import NewsQ

/// The walker's extension test reads UTF-8 bytes; it must agree with lowercasing the name.
@Suite struct DocumentWalkerTests {
  @Test func extensionTestMatchesLowercasedSuffix() {
    let names = ["a.txt", "A.TXT", "b.Md", "c.mD", "notes.txt.bak", "txt", ".txt", "md", "x.md",
                 "临汾.TXT", "É.Txt", "a.txt\u{301}", "a\u{301}.txt", "ｔｘｔ", "a.ｔｘｔ", "a.tx", "a.text",
                 "report.MD ", "a.t\u{0130}t", "", "a.", ".", "a.markdown", "data.tXt"]
    for name in names {
      let expected = DocumentWalker.extensions.contains { name.lowercased().hasSuffix($0) }
      #expect(DocumentWalker.hasDocumentExtension(name) == expected, "\(name)")
    }
    #expect(DocumentWalker.hasDocumentExtension("A.TXT"))
    #expect(!DocumentWalker.hasDocumentExtension("a.txt.bak"))
  }
}
