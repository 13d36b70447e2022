import NewsFacts

/// Every province, prefecture-level city, county-level division and township of China (NBS
/// 2023 codes and hierarchy, JioNLP short names and renames), plus countries and major foreign
/// cities, with a scalar trie for one-pass recognition (`StaticTrie`).
///
/// Nothing is parsed or built at start-up: the entries (`GazetteerIndexData.swift`), parents,
/// codes and townships (`GazetteerTablesData.swift`) and the trie (`GazetteerTrieData.swift`)
/// are static tables written by `scripts/gen_gazetteer.py` and read in place. Placeholder rows
/// (市辖区, 县, 省直辖县级行政区划) are left out but their children stay reachable. The
/// hierarchy in each `PlaceRef` is filled upward with official full names; for the counties of
/// a municipality (北京市朝阳区) `city` is the municipality's name (北京市), so every county
/// has a city; counties administered directly by a province (济源市, 仙桃市) have `city ==
/// nil`. Codes are 6 digits for provinces, cities and counties (`140000`, `141000`, `141002`)
/// and 9 for townships (`141002201`). Hong Kong, Macao and Taiwan are present at province
/// level only.
public final class Gazetteer: PlaceResolver, Sendable {
  /// The gazetteer (stateless: all of it lives in the binary's read-only data).
  public static let shared = Gazetteer()

  /// One division or foreign place.
  struct Entry: Sendable {
    var ref: PlaceRef
    /// Statistical zone (xx71–xx73): county level, but not a legal division.
    var isZone: Bool
    /// Index of the parent entry (city, or province when no city), -1 for none.
    var parent: Int32
  }

  /// A township: its name in `townScalar`, and the last three digits of its code.
  struct Township: Sendable {
    var start: Int32
    var count: Int32
    var suffix: Int32
  }

  /// The entries, decoded from the static records on access.
  struct Entries: RandomAccessCollection, Sendable {
    var startIndex: Int { 0 }
    var endIndex: Int { GazetteerIndex.count }
    subscript(i: Int) -> Entry {
      Entry(ref: GazetteerIndex.ref(Int32(i)), isZone: GazetteerIndex.isZone(Int32(i)), parent: Gazetteer.parent(Int32(i)))
    }
  }

  let entries = Entries()
  /// The recognition trie: static tables, nothing built.
  let trie = StaticTrie()

  init() {}

  // MARK: Static tables

  @inline(__always)
  static func number3(_ p: UnsafePointer<UInt8>) -> Int32 {
    Int32(p[0] &- 48) << 12 | Int32(p[1] &- 48) << 6 | Int32(p[2] &- 48)
  }

  /// The parent entry of entry `i` (city, or province when no city), -1 for none.
  @inline(__always)
  static func parent(_ i: Int32) -> Int32 {
    number3(gazetteerParents.utf8Start + 3 * Int(i)) - 1
  }

  /// Entry `i`'s level (as its `PlaceRef` has it).
  @inline(__always)
  static func level(_ i: Int32) -> PlaceLevel {
    switch GazetteerIndex.kind(i) {
    case UInt8(ascii: "p"): return .province
    case UInt8(ascii: "c"), UInt8(ascii: "w"): return .city
    case UInt8(ascii: "n"): return .country
    default: return .county
    }
  }

  /// Whether entry `i` is a Chinese division (it has a code), not a foreign place.
  @inline(__always)
  static func hasCode(_ i: Int32) -> Bool {
    let k = GazetteerIndex.kind(i)
    return k != UInt8(ascii: "n") && k != UInt8(ascii: "w")
  }

  /// The entry with a 6-digit code, by binary search over the sorted code table.
  func entry(code: String) -> Int32? {
    let key = Array(code.utf8)
    guard key.count == 6 else { return nil }
    let base = gazetteerCodes.utf8Start
    var lo = 0
    var hi = gazetteerCodes.utf8CodeUnitCount / 9
    while lo < hi {
      let mid = (lo + hi) >> 1
      let p = base + 9 * mid
      var c = 0
      for k in 0..<6 where p[k] != key[k] { c = p[k] < key[k] ? -1 : 1; break }
      if c == 0 { return Self.number3(p + 6) }
      if c < 0 { lo = mid + 1 } else { hi = mid }
    }
    return nil
  }

  /// The townships of entry `county` (a county, or a city without counties such as 东莞市).
  func townRange(_ county: Int32) -> Range<Int32>? {
    let p = gazetteerTownStarts.utf8Start + 3 * Int(county)
    let lo = Self.number3(p), hi = Self.number3(p + 3)
    return lo < hi ? lo..<hi : nil
  }

  /// Township `t`.
  @inline(__always)
  func town(_ t: Int) -> Township {
    let p = gazetteerTowns.utf8Start + 6 * t
    return Township(start: Self.number3(p), count: Int32(p[3] &- 48),
                    suffix: Int32(p[4] &- 48) << 6 | Int32(p[5] &- 48))
  }

  /// Scalar `k` of the townships' names.
  @inline(__always)
  func townScalar(_ k: Int) -> Unicode.Scalar {
    Unicode.Scalar(UInt32(Self.number3(gazetteerTownScalars.utf8Start + 3 * k))) ?? "\u{FFFD}"
  }

  // MARK: Public API

  /// Every place `name` can denote (short, full, traditional or old name; 襄樊 → 襄阳市), higher
  /// levels first; several for shared names (朝阳区 in 北京市 and 长春市); empty when unknown.
  ///
  /// Answered from the static `GazetteerIndex`; `resolveByTrie` is the same answer from the
  /// recognition trie, kept for tests that check both agree.
  public func resolve(_ name: String) -> [PlaceRef] {
    GazetteerIndex.shared.resolve(name)
  }

  func resolveByTrie(_ name: String) -> [PlaceRef] {
    entriesByTrie(name).map { GazetteerIndex.ref($0) }
  }

  /// The entries `resolveByTrie` decodes, in its order: callers that filter by level first
  /// decode fewer records.
  func entriesByTrie(_ name: String) -> [Int32] {
    var key: [Unicode.Scalar] = []
    var differs = false
    for s in name.unicodeScalars where s != " " && s != "\u{3000}" {
      let f = GazetteerIndex.fold(s)
      if f != s { differs = true }
      key.append(f)
    }
    // (a name has a few entries: a list checked in place of a set)
    var out: [Int32] = []
    for h in trie.hits(exactly: key) where h.entry >= 0 && !out.contains(h.entry) { out.append(h.entry) }
    // A name whose characters fold to another form (乾安: 乾 also folds to 干) is also tried as written.
    if differs {
      let raw = Array(name.unicodeScalars.filter { $0 != " " && $0 != "\u{3000}" })
      for h in trie.hits(exactly: raw) where h.entry >= 0 && !out.contains(h.entry) { out.append(h.entry) }
    }
    out.sort { a, b in
      let la = Self.level(a), lb = Self.level(b)
      if la != lb { return la < lb }
      let za = GazetteerIndex.isZone(a), zb = GazetteerIndex.isZone(b)
      if za != zb { return !za }
      return a < b
    }
    return out
  }

  /// The division with a statistical code: 2, 4, 6 or 9 digits (`14`, `1410`, `141002`, `141002201`).
  public func division(code: String) -> PlaceRef? {
    let digits = code.utf8.count
    guard code.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
    switch digits {
    case 2: return entry(code: code + "0000").map { GazetteerIndex.ref($0) }
    case 4: return entry(code: code + "00").map { GazetteerIndex.ref($0) }
    case 6: return entry(code: code).map { GazetteerIndex.ref($0) }
    case 9:
      let county = String(code.prefix(6))
      return townships(inCounty: county).first { $0.code == code }
    default: return nil
    }
  }

  /// The divisions directly below a code: a province's cities (and counties it administers
  /// directly, or a municipality's districts), a city's counties, a county's townships.
  public func children(ofCode code: String) -> [PlaceRef] {
    guard let ref = division(code: code), let c = ref.code, let idx = entry(code: c) else { return [] }
    if ref.level == .county { return townships(inCounty: c) }
    return (0..<Int32(GazetteerIndex.count)).filter { Self.parent($0) == idx }.map { GazetteerIndex.ref($0) }
  }

  /// Every province, city and county-level division (statistical zones included; see `isZone`).
  public var divisions: [PlaceRef] {
    (0..<Int32(GazetteerIndex.count)).lazy.filter { Self.hasCode($0) }.map { GazetteerIndex.ref($0) }
  }

  /// Countries and foreign cities.
  public var foreignPlaces: [PlaceRef] {
    (0..<Int32(GazetteerIndex.count)).lazy.filter { !Self.hasCode($0) }.map { GazetteerIndex.ref($0) }
  }

  /// Whether a county-level code is a statistical zone (xx71–xx73: 开发区, 示范区) rather than a
  /// legal division; news mentions them, counts of legal divisions leave them out.
  public func isZone(code: String) -> Bool {
    entry(code: code).map { GazetteerIndex.isZone($0) } ?? false
  }

  /// The townships (乡, 镇, 街道) of a county, by 6-digit code.
  public func townships(inCounty code: String) -> [PlaceRef] {
    guard let ci = entry(code: code), let r = townRange(ci) else { return [] }
    let county = GazetteerIndex.ref(ci)
    return r.map { t in townshipRef(Int(t), county: county) }
  }

  func townshipName(_ t: Int) -> String {
    let tw = town(t)
    let r = Int(tw.start)..<Int(tw.start + tw.count)
    // (UTF-8 written in place: no scalar appended to a string one at a time)
    var bytes = 0
    for k in r { bytes += UTF8.width(townScalar(k)) }
    return String(unsafeUninitializedCapacity: bytes) { buf in
      var n = 0
      for k in r {
        for b in UTF8.encode(townScalar(k))! { buf[n] = b; n += 1 }
      }
      return n
    }
  }

  func townshipRef(_ t: Int, county: PlaceRef) -> PlaceRef {
    let tw = town(t)
    // The county's code, then the township's suffix in decimal, at least three digits (a
    // suffix is two base-64 digits: below 4096).
    let suffix = Int(tw.suffix)
    let width = suffix >= 1000 ? 4 : 3
    let head = county.code ?? ""
    let code = String(unsafeUninitializedCapacity: head.utf8.count + width) { buf in
      var n = 0
      for b in head.utf8 { buf[n] = b; n += 1 }
      var x = suffix
      for k in stride(from: width - 1, through: 0, by: -1) {
        buf[n + k] = UInt8(48 + x % 10)
        x /= 10
      }
      return n + width
    }
    return PlaceRef(name: townshipName(t), level: .township, code: code,
                    province: county.province, city: county.city, county: county.county)
  }

  /// Folds traditional characters used in place names to simplified.
  func foldName(_ s: Unicode.Scalar) -> Unicode.Scalar { GazetteerIndex.fold(s) }
}
