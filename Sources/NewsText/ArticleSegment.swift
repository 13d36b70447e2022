/// One article of a document, as ranges of normalised scalar offsets (`NormalizedText`).
/// Map them to the original with `NormalizedText.originalRange`.
public struct ArticleSegment: Sendable, Hashable {
  /// The whole article, from its first line to the end of its last.
  public var range: Range<Int>
  /// The headline (without `#` marks), if the article has one.
  public var title: Range<Int>?
  /// Further headline lines and sub-headings inside the article.
  public var subtitles: [Range<Int>]
  /// The byline: a `本报讯` / `新华社…电` prefix of the first paragraph (with its parenthesised
  /// reporters), or a `记者 …` / `通讯员 …` / author-name line. Further bylines go to `metaLines`.
  public var byline: Range<Int>?
  /// Dateline, `来源`, `责任编辑`, `编辑`, copyright and similar lines (and extra author lines).
  public var metaLines: [Range<Int>]
  /// Photo captions: lines ending in `摄`, and short lines set apart between blank lines.
  public var captions: [Range<Int>]
  /// Body paragraphs, in order (a `本报讯` paragraph starts after its byline prefix).
  public var body: [Range<Int>]

  public init(
    range: Range<Int>, title: Range<Int>? = nil, subtitles: [Range<Int>] = [], byline: Range<Int>? = nil,
    metaLines: [Range<Int>] = [], captions: [Range<Int>] = [], body: [Range<Int>] = []
  ) {
    self.range = range
    self.title = title
    self.subtitles = subtitles
    self.byline = byline
    self.metaLines = metaLines
    self.captions = captions
    self.body = body
  }
}
