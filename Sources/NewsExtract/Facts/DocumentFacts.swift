import NewsFacts

/// The facts found in one document, before the corpus numbers and merges them.
///
/// `article` fields hold the article's 1-based number WITHIN this document; `Corpus.add`
/// turns them into corpus-wide ids. People come one row per sighting, places one row per
/// distinct place (its mentions counted, its later mentions as `moreSources`); the corpus
/// merges people by name and compatible place and adds up place mentions.
public struct DocumentFacts: Sendable {
  /// The document's path as given (what `doc` shows).
  public var path: String
  /// How many articles the document holds.
  public var articleCount: Int
  /// Article, meeting, project, indicator and visit facts, in document order.
  public var facts: [Fact]
  /// One row per person sighting, in document order.
  public var people: [PersonSighting]
  /// One row per distinct place (by code, else full name), in order of first mention:
  /// provenance from the first mention, `mentions` their count, the later ones in `moreSources`.
  public var places: [Fact]

  public init(path: String, articleCount: Int = 0, facts: [Fact] = [], people: [PersonSighting] = [], places: [Fact] = []) {
    self.path = path
    self.articleCount = articleCount
    self.facts = facts
    self.people = people
    self.places = places
  }
}

/// One sighting of a person: a person fact (name, titles, place, docs, provenance).
/// `placeIsWeak` marks a place guessed from the article alone (a bare later mention such as
/// `王宏伟在主持会议时说`): such a sighting joins any person of the same name.
public struct PersonSighting: Sendable, Hashable {
  public var fact: Fact
  public var placeIsWeak: Bool
  public init(fact: Fact, placeIsWeak: Bool) {
    self.fact = fact
    self.placeIsWeak = placeIsWeak
  }
}
