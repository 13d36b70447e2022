import NewsFacts
import NewsText

/// The one door between the fact rules and the recognisers they stand on (normaliser and
/// segmenter from NewsText, gazetteer and numeric recognisers in this module).
///
/// Everything the fact rules need from those modules goes through here, so a change of their
/// API touches this file only.
enum Recognition {
  /// Normalises `text` (NFKC forms, 繁→简, stray pinyin, PDF spaces) keeping a map back.
  static func normalize(_ text: String) -> NormText {
    NormText(Normalizer.normalize(text))
  }

  /// `normalize`, with the UTF-8 offset in `text` where each of its scalars starts (and its
  /// byte count at the end), found in the same decoding pass.
  static func normalizeWithUTF8Starts(_ text: String) -> (NormText, [Int]) {
    let (t, starts) = Normalizer.normalizeWithUTF8Starts(text)
    return (NormText(t), starts)
  }

  /// The articles of a normalised document, in order.
  static func articles(_ t: NormText) -> [ArticleParts] {
    Segmenter.articles(in: t.text).map { a in
      var p = ArticleParts(a)
      // A masthead (`固始新闻　2024年3月13日　星期三　第1版`) is no headline: a headline never
      // carries a full date with its year; the next headline line takes its place.
      if let r = p.title, isMasthead(t.scalars, r) {
        p.metaLines.insert(r, at: 0)
        p.title = p.subtitles.isEmpty ? nil : p.subtitles.removeFirst()
      }
      // A header line under the headline (`攸县新闻网　2024年5月23日　作者：谭小燕`) is no
      // sub-headline: a sub-headline never carries a full date.
      while let r = p.subtitles.first, isHeaderLine(t.scalars, r) {
        p.metaLines.append(r)
        p.subtitles.removeFirst()
      }
      return p
    }
  }

  /// A line with a full date (`2024年3月13日`, `2024-03-13`) and a weekday or page number.
  static func isMasthead(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
    guard fullDate(s, r) != nil else { return false }
    return Scalars.contains(s, r, anyOf: mastheadMarks)
  }

  /// Words of a masthead besides its date: a weekday or a page.
  static let mastheadMarks = ["星期", "周一", "周二", "周三", "周四", "周五", "周六", "周日", "版"].map(Scalars.of)

  /// A short line with a full date and no sentence punctuation: a page's header, not prose.
  static func isHeaderLine(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
    guard r.count <= 60, fullDate(s, r) != nil else { return false }
    return !r.contains { s[$0] == "，" || s[$0] == "。" || s[$0] == "," }
  }

  /// Start of the first full date (4-digit year, month and day) in `r`.
  static func fullDate(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Int? {
    var i = r.lowerBound
    while i + 4 < r.upperBound {
      if (0..<4).allSatisfy({ Scalars.isDigit(s[i + $0]) }), i == r.lowerBound || !Scalars.isDigit(s[i - 1]) {
        let sep = s[i + 4]
        if (sep == "年" || sep == "-" || sep == "/" || sep == "."), i + 5 < r.upperBound, Scalars.isDigit(s[i + 5]) {
          var j = i + 5
          while j < r.upperBound && Scalars.isDigit(s[j]) { j += 1 }
          if j < r.upperBound, s[j] == "月" || s[j] == sep, j + 1 < r.upperBound, Scalars.isDigit(s[j + 1]) { return i }
        }
      }
      i += 1
    }
    return nil
  }

  /// Sentence ranges inside `range` of the normalised text.
  static func sentences(_ t: NormText, in range: Range<Int>) -> [Range<Int>] {
    Segmenter.sentences(in: t.text, range: range)
  }

  /// Sentence ranges inside `range` of normalised scalars `s`, appended to `out`.
  static func appendSentences(_ s: [Unicode.Scalar], in range: Range<Int>, to out: inout [Range<Int>]) {
    Segmenter.appendSentences(in: s, range: range, to: &out)
  }

  /// Place mentions, disambiguated by the publishing place when known.
  static func places(_ s: [Unicode.Scalar], context: PlaceCtx, matches: inout PlaceMatches) -> [Mention] {
    PlaceRecognizer.mentions(in: s, context: PlaceContext(province: context.province, city: context.city, county: context.county),
                             matches: &matches)
  }

  static func places(_ s: [Unicode.Scalar], context: PlaceCtx) -> [Mention] {
    PlaceRecognizer.mentions(in: s, context: PlaceContext(province: context.province, city: context.city, county: context.county))
  }

  /// Time, money, number, percent and area mentions.
  static func numerics(_ s: [Unicode.Scalar], base: FactDate?) -> [Mention] {
    NumericRecognizers.mentions(in: s, base: base)
  }

  /// Every place a name can denote, most likely first.
  static func resolve(_ name: String) -> [PlaceRef] {
    Gazetteer.shared.resolve(name)
  }
}

/// Normalised text and the map from its scalars back to the original document.
struct NormText: Sendable {
  let text: NormalizedText
  var scalars: [Unicode.Scalar] { text.scalars }

  init(_ text: NormalizedText) { self.text = text }

  /// The original range covering normalised `r`.
  func originalRange(_ r: Range<Int>) -> Range<Int> { text.originalRange(r) }
}

/// The parts of one article as the segmenter finds them (normalised offsets).
struct ArticleParts: Sendable, Hashable {
  var title: Range<Int>?
  var subtitles: [Range<Int>] = []
  var byline: Range<Int>?
  var metaLines: [Range<Int>] = []
  var captions: [Range<Int>] = []
  /// Body paragraphs, in order.
  var paragraphs: [Range<Int>] = []
  /// The whole article.
  var whole: Range<Int>

  init(_ a: ArticleSegment) {
    title = a.title; subtitles = a.subtitles; byline = a.byline; metaLines = a.metaLines
    captions = a.captions; paragraphs = a.body; whole = a.range
  }

  /// An article that is all body.
  init(body: Range<Int>) {
    paragraphs = [body]; whole = body
  }

  /// From the first body paragraph to the end of the last (empty at the article's end if none).
  var body: Range<Int> {
    guard let f = paragraphs.first, let l = paragraphs.last else { return whole.upperBound..<whole.upperBound }
    return f.lowerBound..<max(f.lowerBound, l.upperBound)
  }
}

/// The publishing place, used to disambiguate place names (official full names).
struct PlaceCtx: Sendable, Hashable {
  var province: String?
  var city: String?
  var county: String?
}
