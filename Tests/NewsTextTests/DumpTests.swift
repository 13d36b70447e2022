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
