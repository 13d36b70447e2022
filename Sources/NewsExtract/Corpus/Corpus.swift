import NewsFacts

/// The facts of many documents, numbered and merged: article ids run across the corpus, fact
/// ids per entity in document order, one person row per person (merged by name and a
/// compatible place), one place row per distinct place with its mention count.
///
/// Incremental: `add` appends a document (a later `.load` adds more) without renumbering what
/// is there.
public struct Corpus: Sendable {
  /// Rows per entity, by `Entity.ordinal`.
  private var rows: [[Fact]] = Array(repeating: [], count: Entity.allCases.count)
  private var personRows: [Utf8Key: [Int]] = [:]
  private var placeRows: [Utf8Key: Int] = [:]
  /// Per person row that has merged another sighting: the documents of its `docs` list.
  private var personDocs: [Int: Set<String>] = [:]
  private var articleCount = 0
  /// Documents added so far.
  public private(set) var documentCount = 0

  public init() {}

  /// Adds one document's facts: assigns article ids and fact ids, merges people and places.
  public mutating func add(_ d: DocumentFacts) {
    let base = Int64(articleCount)
    for f in d.facts { append(f, base: base) }
    // Sightings merged into a row are only read (their source, renumbered as it is read), so
    // they are not copied to be renumbered first.
    for p in d.people { mergePerson(p.fact, base: base, weak: p.placeIsWeak) }
    for f in d.places { mergePlace(f, base: base) }
    articleCount += d.articleCount
    documentCount += 1
  }

  /// Every fact, entity by entity (article, meeting, person, place, project, indicator, visit),
  /// each entity in id order.
  public var facts: [Fact] {
    Entity.allCases.flatMap { rows[$0.ordinal] }
  }

  /// The facts of one entity in id order.
  public func facts(of e: Entity) -> [Fact] { rows[e.ordinal] }

  /// Appends `f` with its next id and its article numbers moved on by `base`.
  private mutating func append(_ fact: Fact, base: Int64) {
    var f = fact
    if base != 0 {
      if case .integer(let a) = f[.article] { f[.article] = .integer(a + base) }
      for k in f.moreSources.indices { f.moreSources[k].article += base }
    }
    let e = f.entity.ordinal
    f[.id] = .integer(Int64(rows[e].count + 1))
    rows[e].append(f)
  }

  /// The first source of `f`, its article moved on by `base`.
  private static func source(_ f: Fact, base: Int64) -> Source? {
    guard case .text(let doc) = f[.doc], case .integer(let art) = f[.article], case .span(let a, let b) = f[.span] else { return nil }
    return Source(doc: doc, article: art + base, evidence: f[.evidence].text ?? "", span: a..<max(a, b))
  }

  private static let levels: [FieldKey] = [.province, .city, .county]

  /// Two places are compatible when no level both name differs.
  private static func compatible(_ a: Fact, _ b: Fact) -> Bool {
    for k in levels {
      // (by bytes: `String`'s `!=` normalises Chinese text before it answers)
      if case .text(let x) = a[k], case .text(let y) = b[k], !Scalars.sameBytes(x, y) { return false }
    }
    return true
  }

  /// Merges the sighting `f` (articles numbered from `base`) into a compatible row of the
  /// same name, or appends it.
  private mutating func mergePerson(_ f: Fact, base: Int64, weak: Bool) {
    guard case .text(let name) = f[.name] else { return }
    let person = Entity.person.ordinal
    let key = Utf8Key(name)
    let candidates = personRows[key] ?? []
    let target = candidates.first { i in weak || Self.compatible(rows[person][i], f) }
    guard let i = target else {
      append(f, base: base)
      personRows[key, default: []].append(rows[person].count - 1)
      return
    }
    var docSets = personDocs
    personDocs = [:]
    defer { personDocs = docSets }
    withRow(.person, i) { row in
    if case .list(let ts) = f[.titles] {
      var have: [String] = []
      if case .list(let old) = row[.titles] { have = old }
      for t in ts {
        // 书记 adds nothing to 尧都区委书记; 尧都区委副书记 replaces 区委副书记
        if have.contains(where: { Self.endsWith($0, t) }) { continue }
        if let k = have.firstIndex(where: { Self.endsWith(t, $0) }) { have[k] = t; continue }
        have.append(t)
      }
      row[.titles] = .list(have)
    }
    if case .list(let ds) = f[.docs] {
      // the row's list taken out (not copied) and a set beside it: a person in every one of
      // many documents would otherwise cost a copy and a scan of the list per document
      var have = Self.takeList(&row, .docs)
      for d in ds where docSets[i, default: Set(have)].insert(d).inserted { have.append(d) }
      row[.docs] = .list(have)
    }
    if !weak {
      for k in Self.levels where row[k].isNull { row[k] = f[k] }
    }
    if let src = Self.source(f, base: base) { row.moreSources.append(src) }
    }
  }

  /// Changes row `i` of `e` in place (the rows are an array by entity ordinal, modified through
  /// it without a hash look-up), so neither the row list nor the row's sources are copied (a copy per merge made a place mentioned
  /// n times cost n² — a 4 MB one-line document spent most of its time here).
  private mutating func withRow(_ e: Entity, _ i: Int, _ body: (inout Fact) -> Void) {
    body(&rows[e.ordinal][i])
  }

  /// Whether the UTF-8 bytes of `a` end with those of `b` (titles are normalised text: no
  /// `String.hasSuffix`, which compares Chinese text grapheme by grapheme).
  private static func endsWith(_ a: String, _ b: String) -> Bool {
    let x = a.utf8, y = b.utf8
    guard x.count >= y.count else { return false }
    return x.dropFirst(x.count - y.count).elementsEqual(y)
  }

  /// The list in field `k` of `row`, moved out of the row (which is left null there).
  private static func takeList(_ row: inout Fact, _ k: FieldKey) -> [String] {
    guard case .list(let xs) = row[k] else { return [] }
    row[k] = .null
    return xs
  }

  private mutating func mergePlace(_ f: Fact, base: Int64) {
    let key = f[.code].text ?? (f[.fullName].text ?? f[.name].text ?? "")
    if let i = placeRows[Utf8Key(key)] {
      withRow(.place, i) { row in
        // a document's row for the place counts its mentions there (one each, unless set)
        var n: Int64 = 1
        if case .integer(let m) = f[.mentions] { n = m }
        if case .integer(let old) = row[.mentions] { row[.mentions] = .integer(old + n) }
        if let src = Self.source(f, base: base) { row.moreSources.append(src) }
        for var s in f.moreSources {
          s.article += base
          row.moreSources.append(s)
        }
      }
    } else {
      append(f, base: base)
      placeRows[Utf8Key(key)] = rows[Entity.place.ordinal].count - 1
    }
  }
}
