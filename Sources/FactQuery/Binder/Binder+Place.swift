import FactStore
import NewsFacts

extension Binder {
  /// Codes of `f` whose value is `name` after folding, or equal to it once a trailing
  /// division suffix is dropped from both (临汾 = 临汾市). With `division` (`name` is the
  /// official name of a resolved division) a value with another suffix is another division
  /// (鹤山区 of 鹤壁 is not 鹤山市 of 江门): only `name` itself or its bare stem match.
  ///
  /// The folded values that qualify are few and known from `name` (the stem with each
  /// suffix), so each is looked up in the dictionary's folded index instead of testing every
  /// value of the column.
  func placeCodes(_ f: FieldRef, _ name: String, division: Bool = false) -> [UInt32] {
    guard let d = column(f)?.dictionary else { return [] }
    let s = TextOrder.fold(name)
    let bare = TextMatch.strippingDivisionSuffix(s)
    let keys = division ? [s, bare] : [s] + TextMatch.unstripping(bare)
    var out: [UInt32] = []
    for k in keys { out += d.lookup[k] ?? [] }
    RowIDs.normalize(&out)
    return out
  }

  static func describe(_ p: PlaceRef) -> String {
    let path = p.fullPath
    return path.isEmpty ? p.name : path
  }

  /// `field = "name"` for a place field of `level` (nil: any level, as written).
  mutating func placeEquals(_ f: FieldRef, level: PlaceLevel?, _ l: Literal, negated: Bool) throws(Diagnostic) -> BoolExpr {
    let s = try text(of: l)
    let refs = context.places.resolve(s)
    if refs.isEmpty { return codesAtom(f, placeCodes(f, s), negated: negated) }
    guard let level else {
      var all = placeCodes(f, s)
      for p in refs { all += placeCodes(f, p.name, division: true) }
      noteAmbiguous(s, refs)
      return codesAtom(f, all, negated: negated)
    }
    let matching = refs.filter { $0.level == level }
    if matching.isEmpty {
      let p = refs[0]
      let other = Schema.field(p.level.rawValue, of: f.entity) != nil ? p.level.rawValue : "place"
      notes.append("'\(s)' is a \(p.level.rawValue) (\(Binder.describe(p))), not a \(level.rawValue): \(f.name) = \"\(s)\" matches nothing; \(other) = \"\(s)\" would")
      return codesAtom(f, [], negated: negated)
    }
    noteAmbiguous(s, matching)
    var all: [UInt32] = []
    for p in matching { all += placeCodes(f, p.name, division: true) }
    return codesAtom(f, all, negated: negated)
  }

  mutating func noteAmbiguous(_ s: String, _ refs: [PlaceRef]) {
    var seen: [String] = []
    for p in refs where !seen.contains(Binder.describe(p)) { seen.append(Binder.describe(p)) }
    if seen.count > 1 {
      notes.append("'\(s)' matches \(seen.count) places: " + seen.joined(separator: ", "))
    }
  }

  /// The virtual field `place`: facts located anywhere inside the named place, through
  /// the hierarchy field of the place's level (country, province, city or county).
  mutating func placeAnywhere(_ f: FieldRef, _ l: Literal, negated: Bool) throws(Diagnostic) -> BoolExpr {
    let s = try text(of: l)
    let refs = context.places.resolve(s)
    let levels = Schema.hierarchyFields.filter { Schema.field($0, of: f.entity) != nil }
    var perColumn: [(FieldRef, [UInt32])] = []
    func add(_ name: String, _ codes: [UInt32]) {
      let col = field(named: name, f.entity)
      if let i = perColumn.firstIndex(where: { $0.0 == col }) { perColumn[i].1 += codes } else { perColumn.append((col, codes)) }
    }
    if refs.isEmpty {
      for name in levels { add(name, placeCodes(field(named: name, f.entity), s)) }
    } else {
      noteAmbiguous(s, refs)
      for p in refs {
        guard levels.contains(p.level.rawValue) else {
          notes.append("'\(s)' is a \(p.level.rawValue) (\(Binder.describe(p))); \(f.entity.rawValue) facts are located by \(levels.joined(separator: ", ")) only")
          continue
        }
        add(p.level.rawValue, placeCodes(field(named: p.level.rawValue, f.entity), p.name, division: true))
      }
    }
    // Every column the name reaches takes part, even where no row holds it, so negation
    // means "located, and not there" at that level.
    let parts = perColumn.map { codesAtom($0.0, $0.1, negated: negated) }
    if parts.isEmpty { return emptyAtom(f, negated: negated) }
    return Binder.combine(parts, isAnd: negated)
  }
}
