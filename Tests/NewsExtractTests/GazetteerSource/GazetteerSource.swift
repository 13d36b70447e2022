import NewsFacts
@testable import NewsExtract

/// The gazetteer's source table (`GazetteerData.swift`) parsed into arrays, as `Gazetteer` was
/// built before its tables became static. Only tests build it: they check that the static
/// tables (`GazetteerIndexData`, `GazetteerTablesData`, `GazetteerTrieData`) hold exactly what
/// the source table says.
final class GazetteerSource: Sendable {
  /// The parsed table, built on first use.
  static let shared = GazetteerSource()

  typealias Entry = Gazetteer.Entry
  typealias Township = Gazetteer.Township

  let entries: [Entry]
  let byCode: [String: Int32]
  let childIndex: [Int32: [Int32]]
  /// The names the trie holds, in insertion order (for tests that build it at run time).
  let names: [(String, Int32, ScalarTrie.Hit.Kind)]
  let fold: [Unicode.Scalar: Unicode.Scalar]
  let townScalars: [Unicode.Scalar]
  let towns: [Township]
  /// County entry index → range in `towns`.
  let townRanges: [Int32: Range<Int32>]

  /// Parses the embedded table; use `shared` rather than building another.
  init() {
    // One memcpy of the literal's UTF-8 (not a byte-by-byte sequence copy).
    var source = gazetteerData
    let bytes: [UInt8] = source.withUTF8 { Array($0) }
    var entries: [Entry] = []
    var byCode: [String: Int32] = [:]
    var names: [(String, Int32, ScalarTrie.Hit.Kind)] = []
    var townLines: [(String, Range<Int>)] = []
    var foldPairs: Range<Int> = 0..<0
    var worldRows: [[String]] = []

    var lineStart = 0
    func fields(_ r: Range<Int>) -> [String] {
      var out: [String] = []
      var s = r.lowerBound
      var j = r.lowerBound
      while j < r.upperBound {
        if bytes[j] == 9 { out.append(String(decoding: bytes[s..<j], as: UTF8.self)); s = j + 1 }
        j += 1
      }
      out.append(String(decoding: bytes[s..<r.upperBound], as: UTF8.self))
      return out
    }
    // Lines found with memchr (the table is ~800 KB; a byte loop here cost millions of
    // instructions), including the last, unterminated one.
    while lineStart <= bytes.count {
      let end = bytes.withUnsafeBufferPointer { b -> Int in
        guard lineStart < b.count, let base = b.baseAddress,
              let p = memchr(base + lineStart, 10, b.count - lineStart) else { return b.count }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(p))
      }
      do {
        let r = lineStart..<end
        lineStart = end + 1
        if r.count > 2 {
          switch bytes[r.lowerBound] {
          case UInt8(ascii: "D"):
            let f = fields(r)
            if f.count >= 5 {
              let code = f[1]
              let lv = f[2]
              let level: PlaceLevel = lv == "p" ? .province : lv == "c" ? .city : .county
              let idx = Int32(entries.count)
              var ref = PlaceRef(name: f[3], level: level, code: code)
              var parent: Int32 = -1
              let pcode = String(code.prefix(2)) + "0000"
              let ccode = String(code.prefix(4)) + "00"
              switch level {
              case .province:
                ref.province = f[3]
              case .city:
                if let p = byCode[pcode] { ref.province = entries[Int(p)].ref.name; parent = p }
              default:
                if let p = byCode[pcode] { ref.province = entries[Int(p)].ref.name; parent = p }
                if let c = byCode[ccode], c != parent {
                  ref.city = entries[Int(c)].ref.name; parent = c
                } else if ["11", "12", "31", "50"].contains(String(code.prefix(2))) {
                  ref.city = ref.province
                }
                ref.county = f[3]
              }
              if level == .city { ref.city = f[3] }
              entries.append(Entry(ref: ref, isZone: lv == "z", parent: parent))
              byCode[code] = idx
              names.append((f[3], idx, .full))
              if !f[4].isEmpty {
                let aliases = f[4].utf8.split(separator: UInt8(ascii: "|")).map { String(decoding: $0, as: UTF8.self) }
                for a in aliases {
                  // `~` marks an old name (襄樊 for 襄阳市); the rest are short names.
                  if a.hasPrefix("~") { names.append((String(a.dropFirst()), idx, .old)) } else { names.append((String(a), idx, .alias)) }
                }
              }
            }
          case UInt8(ascii: "T"):
            let f = fields(r)
            if f.count >= 3 { townLines.append((f[1], r)) }
          case UInt8(ascii: "W"):
            worldRows.append(fields(r))
          case UInt8(ascii: "F"):
            foldPairs = (r.lowerBound + 2)..<r.upperBound
          default: break
          }
        }
      }
    }

    // World: countries and foreign cities.
    for f in worldRows where f.count >= 5 {
      let level: PlaceLevel = f[1] == "n" ? .country : .city
      let idx = Int32(entries.count)
      entries.append(Entry(ref: PlaceRef(name: f[2 + (level == .country ? 0 : 0)], level: level, code: nil, country: f[4]),
                           isZone: false, parent: -1))
      names.append((f[2], idx, .full))
      if f[3] != f[2] { names.append((f[3], idx, .full)) }
    }

    // Townships: flat scalar storage, per county ranges.
    var townScalars: [Unicode.Scalar] = []
    townScalars.reserveCapacity(bytes.count / 3)
    var towns: [Township] = []
    var townRanges: [Int32: Range<Int32>] = [:]
    for (county, r) in townLines {
      guard let ci = byCode[county] else { continue }
      let lo = Int32(towns.count)
      // Skip "T\t<code>\t".
      var tabs = 0
      var suffix: Int32 = 0
      var digits = 0
      var nameStart = Int32(townScalars.count)
      func close() {
        let n = Int32(townScalars.count) - nameStart
        if n > 0 { towns.append(Township(start: nameStart, count: n, suffix: suffix)) }
      }
      // The table is a string literal, so valid UTF-8: decoded here directly, with no String
      // made per line (this loop covers most of the table's bytes).
      var j = r.lowerBound
      while j < r.upperBound {
        let b0 = UInt32(bytes[j])
        var v = b0
        var len = 1
        if b0 >= 0xF0 { len = 4; v = b0 & 0x07 } else if b0 >= 0xE0 { len = 3; v = b0 & 0x0F } else if b0 >= 0xC0 { len = 2; v = b0 & 0x1F }
        guard j + len <= r.upperBound else { break }
        var k = 1
        while k < len { v = v << 6 | (UInt32(bytes[j + k]) & 0x3F); k += 1 }
        j += len
        let s = Unicode.Scalar(v) ?? "\u{FFFD}"
        if tabs < 2 { if s == "\t" { tabs += 1 }; continue }
        if s == "," {
          close(); suffix = 0; digits = 0; nameStart = Int32(townScalars.count); continue
        }
        if digits < 3, s.value >= 48, s.value <= 57 {
          suffix = suffix * 10 + Int32(s.value - 48); digits += 1
          nameStart = Int32(townScalars.count)
          continue
        }
        townScalars.append(s)
      }
      close()
      townRanges[ci] = lo..<Int32(towns.count)
    }

    var fold: [Unicode.Scalar: Unicode.Scalar] = [:]
    var pairScalars: [Unicode.Scalar] = []
    for s in String(decoding: bytes[foldPairs], as: UTF8.self).unicodeScalars { pairScalars.append(s) }
    var k = 0
    while k + 1 < pairScalars.count { fold[pairScalars[k]] = pairScalars[k + 1]; k += 2 }

    var childIndex: [Int32: [Int32]] = [:]
    for (n, e) in entries.enumerated() where e.parent >= 0 { childIndex[e.parent, default: []].append(Int32(n)) }

    self.entries = entries
    self.byCode = byCode
    self.names = names
    self.fold = fold
    self.townScalars = townScalars
    self.towns = towns
    self.townRanges = townRanges
    self.childIndex = childIndex
  }

  /// The recognition trie built at run time from `names` and `PlaceTraps.blockers`, as the
  /// generator builds the static one (tests compare the two).
  func dynamicTrie() -> ScalarTrie {
    var trie = ScalarTrie()
    for (name, idx, kind) in names where name.unicodeScalars.count >= 2 {
      trie.insert(name.unicodeScalars, ScalarTrie.Hit(entry: idx, kind: kind))
    }
    for phrase in PlaceTraps.blockers {
      trie.insert(phrase.unicodeScalars, ScalarTrie.Hit(entry: -1, kind: .blocker))
    }
    return trie
  }

  func resolveByTrie(_ name: String) -> [PlaceRef] {
    var key: [Unicode.Scalar] = []
    for s in name.unicodeScalars where s != " " && s != "\u{3000}" { key.append(fold[s] ?? s) }
    let trie = StaticTrie()
    var hits = trie.lookup(key)
    // A name whose characters fold to another form (乾安: 乾 also folds to 干) is also tried as written.
    let raw = Array(name.unicodeScalars.filter { $0 != " " && $0 != "\u{3000}" })
    if raw != key { hits += trie.lookup(raw) }
    var seen = Set<Int32>()
    var out: [Int32] = []
    for h in hits where h.entry >= 0 && seen.insert(h.entry).inserted { out.append(h.entry) }
    out.sort { a, b in
      let ea = entries[Int(a)], eb = entries[Int(b)]
      if ea.ref.level != eb.ref.level { return ea.ref.level < eb.ref.level }
      if ea.isZone != eb.isZone { return !ea.isZone }
      return a < b
    }
    return out.map { entries[Int($0)].ref }
  }

  func townshipName(_ t: Int) -> String {
    let tw = towns[t]
    var s = String.UnicodeScalarView()
    s.append(contentsOf: townScalars[Int(tw.start)..<Int(tw.start + tw.count)])
    return String(s)
  }

}

import Glibc

func monotonicMicros() -> Int {
  var ts = timespec()
  clock_gettime(CLOCK_MONOTONIC, &ts)
  return ts.tv_sec * 1_000_000 + ts.tv_nsec / 1000
}
