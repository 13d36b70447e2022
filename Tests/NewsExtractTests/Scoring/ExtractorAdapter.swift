import NewsFacts
import NewsExtract

/// The one place the quality harness touches the extractor: a document in, its facts out
/// (numbered and merged by a one-document `Corpus`, as the engine does).
///
/// Everything else under `Scoring/` depends only on `NewsFacts.Fact`, so the matching rules are
/// unit-tested apart from the extractor.
func extractFacts(path: String, text: String) -> [Fact] {
  var corpus = Corpus()
  corpus.add(FactExtractor.extract(path: path, text: text))
  return corpus.facts
}
