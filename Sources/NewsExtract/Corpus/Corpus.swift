import NewsFacts

/// The facts of many documents, numbered and merged: article ids run across the corpus, fact
/// ids per entity in document order, one person row per person (merged by name and a
/// compatible place), one place row per distinct place with its mention count.
///
/// Incremental: `add` appends a document (a later `.load` adds more) without renumbering what
/// is there.
public struct Corpus: Sendable {
  /// Rows per entity, by `Entity.ordinal`, as the document gave them: not yet numbered (a
  /// row's id is its index + 1, its articles are moved on by `bases` when it is read), so
  /// adding a fact does not copy it to number it (the document's facts share its values).
  private var rows: [[Fact]] = Array(repeating: [], count: Entity.allCases.count)
  /// Per row of `rows`: the article number its document's articles start after. The later
  /// sources merged into a row are kept relative to it too.
  private var bases: [[Int64]] = Array(repeating: [], count: Entity.allCases.count)
  /// Per person name, its first row; `nextSameName` chains the others, in row order.
  private var personRows: [Utf8Key: Int] = [:]
  /// Per person row, the next row of the same name (-1: none).
  private var nextSameName: [Int] = []
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
    Entity.allCases.flatMap { facts(of: $0) }
  }

  /// The facts of one entity in id order (numbered: ids and article numbers set).
  public func facts(of e: Entity) -> [Fact] {
    var out: [Fact] = []
    out.reserveCapacity(rows[e.ordinal].count)
    forEachRow(of: e) { fact, id, base in
      var f = fact
      if base != 0 {
        if case .integer(let a) = f[.article] { f[.article] = .integer(a + base) }
        for k in f.moreSources.indices { f.moreSources[k].article += base }
      }
      f[.id] = .integer(id)
      out.append(f)
    }
    return out
  }

  /// The number of rows of `e`.
  public func rowCount(of e: Entity) -> Int { rows[e.ordinal].count }

  /// Calls `body` with each row of `e` in id order, unnumbered: the fact as kept, its id, and
  /// the amount to move its article numbers (an integer `article` and those of `moreSources`)
  /// on by — what `facts(of:)` gives, without copying a fact to number it (the store's
  /// builder takes them in this form).
  public func forEachRow(of e: Entity, _ body: (_ fact: Fact, _ id: Int64, _ articleBase: Int64) throws -> Void) rethrows {
    let rs = rows[e.ordinal], bs = bases[e.ordinal]
    for i in rs.indices { try body(rs[i], Int64(i + 1), bs[i]) }
  }

  /// Appends `f` (its document's articles numbered from `base`) as the next row of its entity.
  private mutating func append(_ f: Fact, base: Int64) {
    let e = f.entity.ordinal
    rows[e].append(f)
    bases[e].append(base)
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
    let newRow = rows[person].count
    // one look-up: a new name is entered with the row it is about to get
    let first = Self.entry(&personRows[Utf8Key(name), default: newRow])
    var target: Int? = nil
    var last = -1
    if first != newRow {
      var j = first
      while j >= 0 {
        if weak || Self.compatible(rows[person][j], f) { target = j; break }
        last = j
        j = nextSameName[j]
      }
    }
    guard let i = target else {
      append(f, base: base)
      nextSameName.append(-1)
      if last >= 0 { nextSameName[last] = newRow }
      return
    }
    // (the row's sources are kept relative to its own base)
    let shift = base - bases[person][i]
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
    if let src = Self.source(f, base: shift) { row.moreSources.append(src) }
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
    let newRow = rows[Entity.place.ordinal].count
    // one look-up: a new place is entered with the row it is about to get
    let i = Self.entry(&placeRows[Utf8Key(key), default: newRow])
    if i != newRow {
      let shift = base - bases[Entity.place.ordinal][i]
      withRow(.place, i) { row in
        // a document's row for the place counts its mentions there (one each, unless set)
        var n: Int64 = 1
        if case .integer(let m) = f[.mentions] { n = m }
        if case .integer(let old) = row[.mentions] { row[.mentions] = .integer(old + n) }
        if let src = Self.source(f, base: shift) { row.moreSources.append(src) }
        for var s in f.moreSources {
          s.article += shift
          row.moreSources.append(s)
        }
      }
    } else {
      append(f, base: base)
    }
  }

  /// The value of a dictionary entry reached through its `default:` subscript (which enters
  /// the default when the key is absent).
  @inline(__always)
  private static func entry(_ v: inout Int) -> Int { v }
}
