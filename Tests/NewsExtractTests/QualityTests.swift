import Foundation
import NewsFacts
import Testing

/// Quality floors: "set.entity.metric" → the lowest acceptable value. Raise a floor when the
/// extractor improves; never lower one to make a test pass. 0.0 marks a placeholder where the
/// extractor cannot deliver yet (all of them while `extractFacts` returns nothing).
/// Metrics: precision, recall (see `EntityScore`), and field accuracy as "set.entity.field".
let qualityFloors: [String: Double] = [
  "seeds.article.precision": 0.98, "seeds.article.recall": 0.98,
  "seeds.meeting.precision": 0.98, "seeds.meeting.recall": 0.98,
  "seeds.person.precision": 0.98, "seeds.person.recall": 0.98,
  "seeds.place.precision": 0.95, "seeds.place.recall": 0.98,
  "seeds.project.precision": 0.98, "seeds.project.recall": 0.98,
  "seeds.indicator.precision": 0.98, "seeds.indicator.recall": 0.85,
  "seeds.visit.precision": 0.98, "seeds.visit.recall": 0.98,
  "seeds.meeting.date": 0.78, "seeds.meeting.city": 0.83, "seeds.meeting.county": 0.98, "seeds.meeting.host": 0.98,
  "seeds.project.investment": 0.98, "seeds.person.county": 0.98, "seeds.visit.date": 0.64, "seeds.visit.county": 0.98,

  "own.article.precision": 0.98, "own.article.recall": 0.98,
  "own.meeting.precision": 0.98, "own.meeting.recall": 0.98,
  "own.person.precision": 0.98, "own.person.recall": 0.98,
  "own.place.precision": 0.99, "own.place.recall": 0.99,
  "own.project.precision": 0.98, "own.project.recall": 0.98,
  "own.indicator.precision": 0.98, "own.indicator.recall": 0.98,
  "own.visit.precision": 0.98, "own.visit.recall": 0.98,
  "own.meeting.date": 0.98, "own.meeting.city": 0.98, "own.meeting.county": 0.78, "own.meeting.host": 0.98,
  "own.project.investment": 0.98, "own.person.county": 0.98, "own.visit.date": 0.90, "own.visit.county": 0.98,
  "own.person.titles": 0.98, "own.indicator.year": 0.98, "own.article.date": 0.98, "own.article.source": 0.98,
  "own.article.author": 0.98, "own.meeting.venue": 0.78, "seeds.person.titles": 0.98,
]

/// Checks every floor of `set` against the scores; a metric with nothing to measure
/// (precision when nothing was extracted) passes — recall then guards against silence.
private func expectFloors(_ set: String, _ scores: [Entity: EntityScore]) {
  for (name, floor) in qualityFloors where name.hasPrefix(set + ".") {
    let parts = name.split(separator: ".").map(String.init)
    guard parts.count == 3, let entity = Entity(name: parts[1]) else {
      Issue.record("bad floor name \(name)")
      continue
    }
    let s = scores[entity] ?? EntityScore()
    let value: Double?
    switch parts[2] {
    case "precision": value = s.precision
    case "recall": value = s.recall
    default: value = s.fields[parts[2]].map { $0.total == 0 ? 1 : Double($0.right) / Double($0.total) }
    }
    if let value {
      #expect(value >= floor, "\(name) = \(String(format: "%.3f", value)) is below its floor \(floor)")
    } else if floor > 0, parts[2] != "precision" {
      Issue.record("\(name): nothing to measure but the floor is \(floor)")
    }
  }
}

@Suite("Extraction quality against answer keys")
struct QualityTests {
  @Test("Seeds: precision and recall per entity")
  func seeds() throws {
    let cases = try QualityFixtures.seedCases()
    #expect(cases.count == 5)
    let scores = QualityFixtures.score(cases, extract: extractFacts)
    print(QualityReport.render(title: "seeds (\(cases.count) documents)", scores))
    expectFloors("seeds", scores)
  }

  @Test("Own articles: precision and recall per entity")
  func ownArticles() throws {
    let cases = try QualityFixtures.ownCases()
    #expect(cases.count >= 5)
    let scores = QualityFixtures.score(cases, extract: extractFacts)
    print(QualityReport.render(title: "own articles (\(cases.count) documents)", scores))
    expectFloors("own", scores)
  }

  /// Guards the keys themselves: every regular person, project and article title a key lists
  /// is written in its document (after folding 繁→简, pinyin and PDF spaces), and every place's
  /// name stem is; so a typo in a key cannot silently cost the extractor recall.
  @Test("Answer keys are well-formed and grounded in their documents")
  func keysAreGrounded() throws {
    let all = try QualityFixtures.seedCases() + QualityFixtures.ownCases()
    #expect(all.count >= 10)
    for c in all {
      let text = TextFold.fold(c.text)
      for e in c.key.entries where !e.optional {
        let f = e.fact
        let candidates: [String]
        switch e.entity {
        case .person: candidates = [f.text("name")].compactMap { $0 }
        case .project: candidates = [f.text("name")].compactMap { $0 } + e.aliases
        case .article: candidates = [f.text("title")].compactMap { $0 } + e.aliases
        case .place: candidates = [f.text("full_name")].compactMap { $0 }.map(TextFold.placeStem) + e.aliases
        default: candidates = []
        }
        if e.entity == .person || e.entity == .project || e.entity == .article || e.entity == .place {
          #expect(candidates.contains { text.contains(TextFold.fold($0)) },
                  "\(c.key.doc): \(e.entity.rawValue) \(candidates.first ?? "?") is not in the text")
        }
        if e.entity == .place {
          #expect(f.text("level").flatMap(PlaceLevel.init(rawValue:)) != nil, "\(c.key.doc): bad level")
        }
        if e.entity == .indicator || e.entity == .project {
          #expect(!f.has("bound") || ["exact", "about", "at least", "at most"].contains(f.text("bound") ?? ""),
                  "\(c.key.doc): bad bound \(f.text("bound") ?? "")")
        }
        for field in ["province", "city", "county"] {
          if let v = f.text(field) { #expect(v.count >= 2, "\(c.key.doc): \(field) \(v)") }
        }
      }
      // Every person named in a meeting or visit list is a keyed person (regular or optional).
      let people = Set(c.key.entries(of: .person).compactMap { $0.fact.text("name") })
      for e in c.key.entries where e.entity == .meeting || e.entity == .visit {
        for name in e.fact.list("attendees") + e.fact.list("who") + [e.fact.text("host")].compactMap({ $0 }) {
          #expect(people.contains(name), "\(c.key.doc): \(name) attends or visits but is not a keyed person")
        }
      }
    }
  }

  /// The keys fed back as extractor output score perfectly: the matching rules tell every
  /// regular entry of a real key apart from the others.
  @Test("Each key scored against itself is perfect")
  func keysScorePerfectlyAgainstThemselves() throws {
    for c in try QualityFixtures.seedCases() + QualityFixtures.ownCases() {
      let facts = c.key.entries.filter { !$0.optional }.map(\.fact)
      for (e, s) in QualityScorer.score(key: c.key.entries, facts: facts) where s.keyed > 0 {
        #expect(s.recall == 1 && s.precision == 1 && s.duplicates == 0,
                "\(c.key.doc) \(e.rawValue): recall \(s.recall ?? -1) precision \(s.precision ?? -1) dup \(s.duplicates)")
        for (field, v) in s.fields { #expect(v.right == v.total, "\(c.key.doc) \(e.rawValue).\(field)") }
      }
    }
  }
}
