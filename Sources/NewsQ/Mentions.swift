import NewsExtract

/// `newsq mentions`: what the recognisers see in each text, one JSON object per mention
/// (`kind`, `text`, `input`, `start`, `end` and the kind's keys), in text order.
public enum Mentions {
  /// One JSON line per mention across `texts`; `base` is "today" for relative expressions and
  /// supplies the year of a bare `7月17日`.
  public static func jsonLines(for texts: [String], base: FactDate?) -> [String] {
    var lines: [String] = []
    for (i, text) in texts.enumerated() {
      for m in Recognise.mentions(in: text, base: base) {
        lines.append(m.jsonObject(input: i))
      }
    }
    return lines
  }
}
