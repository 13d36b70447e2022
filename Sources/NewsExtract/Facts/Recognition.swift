import NewsFacts

/// The one door between the fact rules and the recognisers they stand on (normaliser and
/// segmenter from NewsText, gazetteer and numeric recognisers from the places work).
///
/// Everything the fact rules need from those modules goes through here, so switching from the
/// temporary stand-ins (`Standins.swift`) to the real implementations touches this file only.
enum Recognition {
  /// Normalises `text` (NFKC forms, 繁→简, stray pinyin, PDF spaces) keeping a map back.
  static func normalize(_ text: String) -> NormText {
    Standin.normalize(text)
  }

  /// The articles of a normalised document, in order.
  static func articles(_ t: NormText) -> [ArticleParts] {
    Standin.articles(t.scalars)
  }

  /// Sentence ranges inside `range` of the normalised text.
  static func sentences(_ t: NormText, in range: Range<Int>) -> [Range<Int>] {
    Standin.sentences(t.scalars, in: range)
  }

  /// Place mentions, disambiguated by the publishing place when known.
  static func places(_ s: [Unicode.Scalar], context: PlaceCtx) -> [Mention] {
    Standin.places(s, context: context)
  }

  /// Time, money, number, percent and area mentions.
  static func numerics(_ s: [Unicode.Scalar], base: FactDate?) -> [Mention] {
    Standin.numerics(s, base: base)
  }

  /// Every place a name can denote, most likely first.
  static func resolve(_ name: String) -> [PlaceRef] {
    Standin.resolve(name)
  }
}

/// Normalised text and the map from its scalars back to the original document.
struct NormText: Sendable {
  var scalars: [Unicode.Scalar]
  /// Original start offset of each normalised scalar.
  var starts: [Int]
  /// Original end offset (exclusive) of each normalised scalar.
  var ends: [Int]
  /// Length of the original text in scalars.
  var originalCount: Int

  /// The original range covering normalised `r`.
  func originalRange(_ r: Range<Int>) -> Range<Int> {
    let n = scalars.count
    guard n > 0 else { return 0..<0 }
    let lo = max(0, min(r.lowerBound, n))
    let hi = max(lo, min(r.upperBound, n))
    if lo == hi {
      let at = lo < n ? starts[lo] : originalCount
      return at..<at
    }
    return starts[lo]..<max(starts[lo], ends[hi - 1])
  }

  /// The identity map: the text needed no normalisation.
  static func identity(_ s: [Unicode.Scalar]) -> NormText {
    NormText(scalars: s, starts: Array(0..<s.count), ends: Array(1..<(s.count + 1)), originalCount: s.count)
  }
}

/// The parts of one article as the segmenter finds them (normalised offsets).
struct ArticleParts: Sendable, Hashable {
  var title: Range<Int>?
  var subtitles: [Range<Int>] = []
  var byline: Range<Int>?
  var metaLines: [Range<Int>] = []
  var captions: [Range<Int>] = []
  var body: Range<Int>

  /// From the first to the last scalar of any part.
  var whole: Range<Int> {
    var lo = body.lowerBound, hi = body.upperBound
    for r in [title, byline].compactMap({ $0 }) + subtitles + metaLines + captions {
      lo = min(lo, r.lowerBound); hi = max(hi, r.upperBound)
    }
    return lo..<hi
  }
}

/// The publishing place, used to disambiguate place names (official full names).
struct PlaceCtx: Sendable, Hashable {
  var province: String?
  var city: String?
  var county: String?
}
