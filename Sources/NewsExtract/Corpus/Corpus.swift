import NewsFacts

/// The facts of many documents, numbered and merged: article ids run across the corpus, fact
/// ids per entity in document order, one person row per person (merged by name and a
/// compatible place), one place row per distinct place with its mention count.
///
/// Incremental: `add` appends a document (a later `.load` adds more) without renumbering what
/// is there.
public struct Corpus: Sendable {
  private var rows: [Entity: [Fact]] = [:]
  private var personRows: [TextKey: [Int]] = [:]
  private var placeRows: [TextKey: Int] = [:]
  /// Per person row that has merged another sighting: the documents of its `docs` list.
  private var personDocs: [Int: Set<String>] = [:]
  private var articleCount = 0
  /// Documents added so far.
  public private(set) var documentCount = 0

  public init() {}

  /// Adds one document's facts: assigns article ids and fact ids, merges people and places.
  public mutating func add(_ d: DocumentFacts) {
    let base = articleCount
    func renumber(_ f: inout Fact) {
      if case .integer(let a) = f["article"] { f["article"] = .integer(a + Int64(base)) }
      for k in f.moreSources.indices { f.moreSources[k].article += Int64(base) }
    }
    for var f in d.facts {
      renumber(&f)
      append(&f)
    }
    for p in d.people {
      var f = p.fact
      renumber(&f)
      mergePerson(&f, weak: p.placeIsWeak)
    }
    for var f in d.places {
      renumber(&f)
      mergePlace(&f)
    }
    articleCount += d.articleCount
    documentCount += 1
  }

  /// Every fact, entity by entity (article, meeting, person, place, project, indicator, visit),
  /// each entity in id order.
  public var facts: [Fact] {
    Entity.allCases.flatMap { rows[$0] ?? [] }
  }

  /// The facts of one entity in id order.
  public func facts(of e: Entity) -> [Fact] { rows[e] ?? [] }

  private mutating func append(_ f: inout Fact) {
    let id = (rows[f.entity]?.count ?? 0) + 1
    f["id"] = .integer(Int64(id))
    rows[f.entity, default: []].append(f)
  }

  private static func source(_ f: Fact) -> Source? {
    guard case .text(let doc) = f["doc"], case .integer(let art) = f["article"], case .span(let a, let b) = f["span"] else { return nil }
    return Source(doc: doc, article: art, evidence: f["evidence"].text ?? "", span: a..<max(a, b))
  }

  /// Two places are compatible when no level both name differs.
  private static func compatible(_ a: Fact, _ b: Fact) -> Bool {
    for k in ["province", "city", "county"] {
      if case .text(let x) = a[k], case .text(let y) = b[k], x != y { return false }
    }
    return true
  }

  /// Merges the sighting `f` into a compatible row of the same name, or appends it (`f` is
  /// taken: numbered and moved into the rows).
  private mutating func mergePerson(_ f: inout Fact, weak: Bool) {
    guard case .text(let name) = f["name"] else { return }
    let candidates = personRows[TextKey(name)] ?? []
    let target = candidates.first { i in weak || Self.compatible(rows[.person]![i], f) }
    guard let i = target else {
      append(&f)
      personRows[TextKey(name), default: []].append(rows[.person]!.count - 1)
      return
    }
    var docSets = personDocs
    personDocs = [:]
    defer { personDocs = docSets }
    withRow(.person, i) { row in
    if case .list(let ts) = f["titles"] {
      var have: [String] = []
      if case .list(let old) = row["titles"] { have = old }
      for t in ts {
        // 书记 adds nothing to 尧都区委书记; 尧都区委副书记 replaces 区委副书记
        if have.contains(where: { $0.hasSuffix(t) }) { continue }
        if let k = have.firstIndex(where: { t.hasSuffix($0) }) { have[k] = t; continue }
        have.append(t)
      }
      row["titles"] = .list(have)
    }
    if case .list(let ds) = f["docs"] {
      // the row's list taken out (not copied) and a set beside it: a person in every one of
      // many documents would otherwise cost a copy and a scan of the list per document
      var have = Self.takeList(&row, "docs")
      for d in ds where docSets[i, default: Set(have)].insert(d).inserted { have.append(d) }
      row["docs"] = .list(have)
    }
    if !weak {
      for k in ["province", "city", "county"] where row[k].isNull { row[k] = f[k] }
    }
    if let src = Self.source(f) { row.moreSources.append(src) }
    }
  }

  /// Changes row `i` of `e` in place: the row list is taken out of `rows` while `body` runs, so
  /// neither it nor the row's sources are copied (a copy per merge made a place mentioned
  /// n times cost n² — a 4 MB one-line document spent most of its time here).
  private mutating func withRow(_ e: Entity, _ i: Int, _ body: (inout Fact) -> Void) {
    var list = rows.removeValue(forKey: e) ?? []
    body(&list[i])
    rows[e] = list
  }

  /// The list in field `k` of `row`, moved out of the row (which is left null there).
  private static func takeList(_ row: inout Fact, _ k: String) -> [String] {
    guard case .list(let xs) = row[k] else { return [] }
    row[k] = .null
    return xs
  }

  private mutating func mergePlace(_ f: inout Fact) {
    let key = f["code"].text ?? (f["full_name"].text ?? f["name"].text ?? "")
    if let i = placeRows[TextKey(key)] {
      withRow(.place, i) { row in
        if case .integer(let n) = row["mentions"] { row["mentions"] = .integer(n + 1) }
        if let src = Self.source(f) { row.moreSources.append(src) }
      }
    } else {
      append(&f)
      placeRows[TextKey(key)] = rows[.place]!.count - 1
    }
  }
}

/// A text compared and hashed by its UTF-8 bytes: a `String` key hashes its text normalised to
/// NFC at every look-up, which for Chinese names cost far more than the look-up itself. The
/// keys here are person names (Chinese characters, which have no canonical decompositions, from
/// normalised text where compatibility ideographs are already unified) and gazetteer codes and
/// names, so byte equality is canonical equivalence for them; only a Latin name written once
/// with a decomposed accent and once precomposed (the normaliser does not compose to NFC) now
/// stays two persons, as the store's dictionaries keep them two values.
struct TextKey: Hashable, Sendable {
  let text: String
  init(_ text: String) { self.text = text }

  static func == (a: TextKey, b: TextKey) -> Bool { a.text.utf8.elementsEqual(b.text.utf8) }

  func hash(into h: inout Hasher) {
    let done = text.utf8.withContiguousStorageIfAvailable { h.combine(bytes: UnsafeRawBufferPointer($0)) } != nil
    if !done { Array(text.utf8).withUnsafeBytes { h.combine(bytes: $0) } }
  }
}
