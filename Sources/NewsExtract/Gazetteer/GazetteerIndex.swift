import NewsFacts
import Synchronization

/// Resolves place names through static tables compiled into the binary: nothing is parsed or
/// built at start-up, so a query that compares places costs a binary search, not the
/// gazetteer's construction.
///
/// The tables (`GazetteerIndexData.swift`, written by `scripts/gen_gazetteer.py`) hold every
/// entry of `Gazetteer` with its hierarchy filled in, the names of two or more characters in
/// UTF-8 order with the entries they denote, and the traditional→simplified pairs of the
/// characters used in names. They are read in place through `StaticString` pointers.
/// `resolve` answers exactly as `Gazetteer.resolve` (which calls it); the recognition trie and
/// townships are built by `Gazetteer` only when text is extracted.
public struct GazetteerIndex: PlaceResolver, Sendable {
  /// The index (stateless: all of it lives in the binary's read-only data).
  public static let shared = GazetteerIndex()

  public init() {}

  /// Every place `name` can denote (short, full, traditional or old name; 襄樊 → 襄阳市), higher
  /// levels first, then legal divisions before statistical zones, then gazetteer order; empty
  /// when unknown.
  public func resolve(_ name: String) -> [PlaceRef] {
    var key: [UInt8] = []
    var raw: [UInt8] = []
    var differs = false
    for s in name.unicodeScalars where s != " " && s != "\u{3000}" {
      let f = Self.fold(s)
      if f != s { differs = true }
      appendUTF8(f, to: &key)
      appendUTF8(s, to: &raw)
    }
    var found = entries(named: key)
    if differs {
      for e in entries(named: raw) where !found.contains(e) { found.append(e) }
    }
    guard !found.isEmpty else { return [] }
    if found.count > 1 {
      found.sort { a, b in
        let la = Self.levelRank(a), lb = Self.levelRank(b)
        if la != lb { return la < lb }
        let za = Self.isZone(a), zb = Self.isZone(b)
        if za != zb { return !za }
        return a < b
      }
    }
    return found.map { Self.ref($0) }
  }

  /// Entry count (the same as `Gazetteer`'s).
  static var count: Int { gazetteerRecordOffsets.utf8CodeUnitCount / 4 }

  // MARK: Tables

  @inline(__always)
  static func base64(_ c: UInt8) -> Int {
    switch c {
    case 48...57: return Int(c) - 48
    case 65...90: return Int(c) - 55
    case 97...122: return Int(c) - 61
    case 43: return 62
    default: return 63
    }
  }

  /// The `i`th four-digit base-64 number of `table`.
  @inline(__always)
  static func offset(_ table: StaticString, _ i: Int) -> Int {
    let p = table.utf8Start + 4 * i
    return base64(p[0]) << 18 | base64(p[1]) << 12 | base64(p[2]) << 6 | base64(p[3])
  }

  /// The byte range of line `i` of `data` (lines start at `offsets`; the last one has no newline).
  static func line(_ data: StaticString, _ offsets: StaticString, _ i: Int) -> Range<Int> {
    let n = offsets.utf8CodeUnitCount / 4
    let start = offset(offsets, i)
    var end = i + 1 < n ? offset(offsets, i + 1) : data.utf8CodeUnitCount
    if end > start, data.utf8Start[end - 1] == 10 { end -= 1 }
    return start..<end
  }

  /// Entries called `key` (UTF-8), by binary search over the sorted names.
  func entries(named key: [UInt8]) -> [Int32] {
    guard !key.isEmpty else { return [] }
    let names = gazetteerNames
    let base = names.utf8Start
    var lo = 0
    var hi = gazetteerNameOffsets.utf8CodeUnitCount / 4
    while lo < hi {
      let mid = (lo + hi) / 2
      let r = Self.line(names, gazetteerNameOffsets, mid)
      var tab = r.lowerBound
      while tab < r.upperBound && base[tab] != 9 { tab += 1 }
      // Compare the name (bytes before the tab) with the key.
      var c = 0
      var k = 0
      while c == 0 {
        let inName = r.lowerBound + k < tab
        let inKey = k < key.count
        if !inName || !inKey { c = inName ? 1 : inKey ? -1 : 0; break }
        let a = base[r.lowerBound + k], b = key[k]
        c = a < b ? -1 : a > b ? 1 : 0
        k += 1
      }
      if c < 0 {
        lo = mid + 1
      } else if c > 0 {
        hi = mid
      } else {
        var out: [Int32] = []
        var v: Int32 = 0
        var j = tab + 1
        while j <= r.upperBound {
          let b = j < r.upperBound ? base[j] : 44
          if b == 44 { out.append(v); v = 0 } else { v = v &* 10 &+ Int32(b &- 48) }
          j += 1
        }
        return out
      }
    }
    return []
  }

  /// Traditional → simplified for characters used in names (identity for the rest).
  static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
    guard s.value >= 0x80 else { return s }
    if s.value < 0x10000 && foldKeys[Int(s.value >> 6)] & (1 << UInt64(s.value & 63)) == 0 { return s }
    let table = gazetteerFold
    let p = table.utf8Start
    func hex(_ at: Int) -> UInt32 {
      var v: UInt32 = 0
      for k in 0..<6 {
        let c = p[at + k]
        v = v << 4 | UInt32(c >= 65 ? c - 55 : c - 48)
      }
      return v
    }
    var lo = 0
    var hi = table.utf8CodeUnitCount / 12
    while lo < hi {
      let mid = (lo + hi) / 2
      let t = hex(12 * mid)
      if t < s.value { lo = mid + 1 } else if t > s.value { hi = mid } else {
        return Unicode.Scalar(hex(12 * mid + 6)) ?? s
      }
    }
    return s
  }

  /// A bit per BMP scalar that `gazetteerFold` maps (built once): the others skip the search.
  static let foldKeys: [UInt64] = {
    var bits = [UInt64](repeating: 0, count: 1024)
    let p = gazetteerFold.utf8Start
    for e in 0..<(gazetteerFold.utf8CodeUnitCount / 12) {
      var v: UInt32 = 0
      for k in 0..<6 {
        let c = p[12 * e + k]
        v = v << 4 | UInt32(c >= 65 ? c - 55 : c - 48)
      }
      if v < 0x10000 { bits[Int(v >> 6)] |= 1 << UInt64(v & 63) }
    }
    return bits
  }()

  /// The first byte of entry `i`'s record: p c k z n w.
  @inline(__always)
  static func kind(_ i: Int32) -> UInt8 { kinds[Int(i)] }

  /// Every entry's kind (the first byte of its record), read once: recognition asks for the
  /// kind of each candidate, and a record's offset costs four base-64 digits to decode.
  static let kinds: [UInt8] = (0..<count).map { gazetteerRecords.utf8Start[offset(gazetteerRecordOffsets, $0)] }

  static func levelRank(_ i: Int32) -> Int {
    switch kind(i) {
    case UInt8(ascii: "n"): return 0
    case UInt8(ascii: "p"): return 1
    case UInt8(ascii: "c"), UInt8(ascii: "w"): return 2
    default: return 3
    }
  }

  static func isZone(_ i: Int32) -> Bool { kind(i) == UInt8(ascii: "z") }

  /// Whether entry `i`'s name ends with 区 (read from its record's name field, nothing
  /// decoded): the place scan asks it of every district's short name it meets.
  static func nameEndsWithQu(_ i: Int32) -> Bool {
    let base = gazetteerRecords.utf8Start
    let r = line(gazetteerRecords, gazetteerRecordOffsets, Int(i))
    var field = 0
    var start = r.lowerBound
    var j = r.lowerBound
    while j <= r.upperBound {
      if j == r.upperBound || base[j] == 9 {
        // 区 is U+533A: E5 8C BA in UTF-8
        if field == 2 { return j - start >= 3 && base[j - 3] == 0xE5 && base[j - 2] == 0x8C && base[j - 1] == 0xBA }
        field += 1
        start = j + 1
      }
      j += 1
    }
    return false
  }

  /// Entry `i` as a place reference, decoded once per process (extraction asks for the same
  /// few hundred entries in every document).
  static func ref(_ i: Int32) -> PlaceRef {
    if let known = refs.lookup(i) { return known }
    let r = decodeRef(i)
    refs.store(i, r)
    return r
  }

  /// Entries decoded so far, shared by the extraction threads.
  static let refs = RefCache()

  /// A slot per entry (no hashing), filled as entries are asked for.
  final class RefCache: Sendable {
    private let state = Mutex<[PlaceRef?]>([])
    func lookup(_ i: Int32) -> PlaceRef? {
      state.withLock { $0.indices.contains(Int(i)) ? $0[Int(i)] : nil }
    }
    func store(_ i: Int32, _ r: PlaceRef) {
      state.withLock { slots in
        guard i >= 0, Int(i) < GazetteerIndex.count else { return }
        if slots.isEmpty { slots = [PlaceRef?](repeating: nil, count: GazetteerIndex.count) }
        slots[Int(i)] = r
      }
    }
  }

  /// Entry `i` as a place reference (its fields decoded from the record).
  static func decodeRef(_ i: Int32) -> PlaceRef {
    let data = gazetteerRecords
    let base = data.utf8Start
    let r = line(data, gazetteerRecordOffsets, Int(i))
    var fields: [String?] = []
    fields.reserveCapacity(7)
    var s = r.lowerBound
    var j = r.lowerBound
    while j <= r.upperBound {
      if j == r.upperBound || base[j] == 9 {
        fields.append(j > s ? String(decoding: UnsafeBufferPointer(start: base + s, count: j - s), as: UTF8.self) : nil)
        s = j + 1
      }
      j += 1
    }
    while fields.count < 7 { fields.append(nil) }
    let level: PlaceLevel
    switch kind(i) {
    case UInt8(ascii: "p"): level = .province
    case UInt8(ascii: "c"), UInt8(ascii: "w"): level = .city
    case UInt8(ascii: "n"): level = .country
    default: level = .county
    }
    return PlaceRef(name: fields[2] ?? "", level: level, code: fields[1], country: fields[6],
                    province: fields[3], city: fields[4], county: fields[5])
  }
}

@inline(__always)
func appendUTF8(_ s: Unicode.Scalar, to out: inout [UInt8]) {
  let v = s.value
  switch v {
  case 0..<0x80: out.append(UInt8(v))
  case 0x80..<0x800:
    out.append(UInt8(0xC0 | (v >> 6))); out.append(UInt8(0x80 | (v & 0x3F)))
  case 0x800..<0x10000:
    out.append(UInt8(0xE0 | (v >> 12))); out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
    out.append(UInt8(0x80 | (v & 0x3F)))
  default:
    out.append(UInt8(0xF0 | (v >> 18))); out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
    out.append(UInt8(0x80 | ((v >> 6) & 0x3F))); out.append(UInt8(0x80 | (v & 0x3F)))
  }
}
