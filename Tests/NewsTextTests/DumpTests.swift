import Foundation
import Testing
import NewsText

@Test func dumpNormalized() throws {
  guard ProcessInfo.processInfo.environment["NEWSTEXT_DUMP"] != nil else { return }
  for (i, t) in Seeds.all.enumerated() {
    let n = Normalizer.normalize(t)
    try n.string.write(toFile: "/tmp/newstext-norm-\(i).txt", atomically: true, encoding: .utf8)
  }
}

@Test func dumpSegments() throws {
  guard ProcessInfo.processInfo.environment["NEWSTEXT_DUMP"] != nil else { return }
  var out = ""
  for (i, t) in Seeds.all.enumerated() {
    let n = Normalizer.normalize(t)
    out += "=== seed \(i)\n"
    for a in Segmenter.articles(in: n) {
      out += "--- article \(a.range)\n"
      func show(_ label: String, _ r: Range<Int>) { out += "  \(label): \(String(n.text(r).prefix(40)))\n" }
      if let t = a.title { show("title", t) }
      for r in a.subtitles { show("sub", r) }
      if let b = a.byline { show("byline", b) }
      for r in a.metaLines { show("meta", r) }
      for r in a.captions { show("caption", r) }
      for r in a.body { show("body", r) }
    }
  }
  try out.write(toFile: "/tmp/newstext-seg.txt", atomically: true, encoding: .utf8)
}

@Test func dumpSentences() throws {
  guard ProcessInfo.processInfo.environment["NEWSTEXT_DUMP"] != nil else { return }
  var out = ""
  for t in Seeds.all {
    let n = Normalizer.normalize(t)
    for a in Segmenter.articles(in: n) {
      for r in Segmenter.sentences(in: n, range: a.range) { out += "[\(n.text(r))]\n" }
    }
  }
  try out.write(toFile: "/tmp/newstext-sent.txt", atomically: true, encoding: .utf8)
}
