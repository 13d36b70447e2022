import Testing
import NewsFacts
@testable import NewsExtract

/// Every fact points at its sentence in the ORIGINAL text, whatever normalisation did.
@Suite struct FactsProvenanceTests {
  func check(_ text: String) -> [Fact] {
    let orig = Array(text.unicodeScalars)
    var c = Corpus()
    c.add(FactExtractor.extract(path: "p.txt", text: text))
    for f in c.facts {
      guard case .span(let a, let b) = f["span"] else { Issue.record("no span on \(f.entity)"); continue }
      #expect(a >= 0 && a <= b && b <= orig.count)
      var s = String(); s.unicodeScalars.append(contentsOf: orig[a..<b])
      #expect(f["evidence"] == .text(s))
      #expect(f["doc"] == "p.txt")
      #expect(f["article"] == .integer(1))
    }
    return c.facts
  }

  @Test func spanOnTraditionalTextWithPinyin() {
    let text = "本报讯 7月18日，臨汾市高質(zhì)量發展推進會召開，市委書記王偉强主持會議。"
    let facts = check(text)
    let meeting = facts.first { $0.entity == .meeting }
    #expect(meeting != nil)
    #expect(meeting?["city"] == "临汾市")
    #expect(meeting?["host"] == "王偉强" || meeting?["host"] == "王伟强")
    let ev = meeting?["evidence"].text ?? ""
    #expect(ev.contains("質(zhì)量"))
    #expect(ev.hasSuffix("主持會議。") && ev.contains("7月18日"))
  }

  @Test func spanOnFullWidthAndSpaces() {
    let text = "本报讯　２０１８年，余杭区实现地区生产总值 1,234.5 亿元。"
    let facts = check(text)
    #expect(facts.contains { $0.entity == .indicator && $0["value"] == .number(1.2345e11) })
  }

  @Test func mentionsReportOriginalOffsets() {
    let text = "臨汾市委書記王偉强說，增長７.６%。"
    let ms = Recognise.mentions(in: text, base: nil)
    let orig = Array(text.unicodeScalars)
    for m in ms {
      var s = String(); s.unicodeScalars.append(contentsOf: orig[m.range])
      #expect(m.text == s)
    }
    #expect(ms.contains { $0.kind == .percent && $0.text == "７.６%" })
    #expect(ms.contains { $0.kind == .place && $0.text == "臨汾市" })
  }
}
