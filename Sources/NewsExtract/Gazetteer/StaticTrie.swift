/// The gazetteer's recognition trie, compiled into the binary (`GazetteerTrieData.swift`,
/// written by `scripts/gen_gazetteer.py`): nothing is built at start-up, the tables are read in
/// place through `StaticString` pointers.
///
/// Numbers are three base-64 digits written as the characters 0x30…0x6F (decoded by one
/// subtraction each). Nodes are numbered breadth first from the root (0); the edges of node `i`
/// are `edges[edgeStart(i)..<edgeStart(i + 1)]`, sorted by scalar (binary search), and the
/// root's children for U+3400…U+9FFF also sit in a dense table, so the common first step is one
/// read. It holds the same keys and hits, in the same order, as a `ScalarTrie` built from the
/// gazetteer's names (`GazetteerTests` compare them).
struct StaticTrie: Sendable {
  typealias Hit = ScalarTrie.Hit

  /// The hits of one node, decoded on access.
  struct Hits: RandomAccessCollection, Sendable {
    let startIndex: Int
    let endIndex: Int
    subscript(i: Int) -> Hit {
      let p = gazetteerTrieHits.utf8Start + 4 * i
      let e = StaticTrie.number(p)
      let kind = Hit.Kind(rawValue: p[3] &- 48) ?? .blocker
      return Hit(entry: e == 0x3FFFF ? -1 : Int32(e), kind: kind)
    }
  }

  static let denseLow: UInt32 = 0x3400
  static let denseHigh: UInt32 = 0xA000

  /// Longest key, in scalars.
  var maxDepth: Int { gazetteerTrieMaxDepth }

  @inline(__always)
  static func number(_ p: UnsafePointer<UInt8>) -> Int {
    Int(p[0] &- 48) << 12 | Int(p[1] &- 48) << 6 | Int(p[2] &- 48)
  }

  @inline(__always)
  static func edgeStart(_ node: Int) -> Int { number(gazetteerTrieEdgeStarts.utf8Start + 3 * node) }

  @inline(__always)
  static func hitStart(_ node: Int) -> Int { number(gazetteerTrieHitStarts.utf8Start + 3 * node) }

  /// The child of `node` by scalar value `v`, or -1.
  @inline(__always)
  static func child(_ node: Int, _ v: UInt32) -> Int {
    if node == 0 && v >= denseLow && v < denseHigh {
      return number(gazetteerTrieRoot.utf8Start + 3 * Int(v &- denseLow)) - 1
    }
    var lo = edgeStart(node)
    var hi = edgeStart(node + 1)
    let edges = gazetteerTrieEdges.utf8Start
    let key = Int(v)
    while lo < hi {
      let mid = (lo + hi) >> 1
      let s = number(edges + 6 * mid)
      if s == key { return number(edges + 6 * mid + 3) }
      if s < key { lo = mid + 1 } else { hi = mid }
    }
    return -1
  }

  /// Bits of the hashed pairs of first and second scalars of every key of two or more
  /// scalars (2^18 bits, built once from the edges): most text positions whose first scalar
  /// starts some key are rejected here, before the binary search of the second step.
  static let pairs: [UInt64] = {
    var bits = [UInt64](repeating: 0, count: 1 << (pairBits - 6))
    let edges = gazetteerTrieEdges.utf8Start
    for e in edgeStart(0)..<edgeStart(1) {
      let first = UInt32(number(edges + 6 * e))
      let node = number(edges + 6 * e + 3)
      for f in edgeStart(node)..<edgeStart(node + 1) {
        let h = pairHash(first, UInt32(number(edges + 6 * f)))
        bits[h >> 6] |= 1 << UInt64(h & 63)
      }
    }
    return bits
  }()

  static let pairBits = 18

  @inline(__always)
  static func pairHash(_ a: UInt32, _ b: UInt32) -> Int {
    Int(((a &* 0x9E37_79B1) ^ (b &* 0x85EB_CA77)) >> UInt32(32 - pairBits))
  }

  /// The longest key starting at `start`: its end offset and the node that holds its hits.
  func longestMatch(in text: [Unicode.Scalar], from start: Int) -> (end: Int, hits: Int32)? {
    guard start >= 0, start < text.count else { return nil }
    return text.withUnsafeBufferPointer { t in
      Self.pairs.withUnsafeBufferPointer { longestMatch(in: t, from: start, pairs: $0.baseAddress!) }
    }
  }

  /// The trie's tables decoded once into integers, in one array: the dense root children
  /// (U+3400…U+9FFF, child + 1, 0 for none), then per node its first edge and its first hit
  /// (one more each for the end), then per edge its scalar and its child. A whole-text pass
  /// reads them with one load each instead of decoding three base-64 digits.
  struct Decoded: Sendable {
    let values: [Int32]
    let edgeStarts: Int
    let hitStarts: Int
    let edgeKeys: Int
    let edgeChildren: Int

    init() {
      let denseCount = Int(StaticTrie.denseHigh - StaticTrie.denseLow)
      let nodeEntries = gazetteerTrieEdgeStarts.utf8CodeUnitCount / 3
      let hitEntries = gazetteerTrieHitStarts.utf8CodeUnitCount / 3
      let edgeCount = gazetteerTrieEdges.utf8CodeUnitCount / 6
      var v: [Int32] = []
      v.reserveCapacity(denseCount + nodeEntries + hitEntries + 2 * edgeCount)
      let root = gazetteerTrieRoot.utf8Start
      for k in 0..<denseCount { v.append(Int32(StaticTrie.number(root + 3 * k))) }
      edgeStarts = v.count
      for k in 0..<nodeEntries { v.append(Int32(StaticTrie.edgeStart(k))) }
      hitStarts = v.count
      for k in 0..<hitEntries { v.append(Int32(StaticTrie.hitStart(k))) }
      let edges = gazetteerTrieEdges.utf8Start
      edgeKeys = v.count
      for k in 0..<edgeCount { v.append(Int32(StaticTrie.number(edges + 6 * k))) }
      edgeChildren = v.count
      for k in 0..<edgeCount { v.append(Int32(StaticTrie.number(edges + 6 * k + 3))) }
      values = v
    }
  }

  static let decoded = Decoded()

  /// The nodes two scalars below the root, by their two scalars: open addressing over a
  /// power-of-two table (at most half full), so the second step of a match is a hash and a
  /// probe or two instead of a binary search over the first node's edges.
  struct PairNodes: Sendable {
    /// `first << 32 | second` per slot, `UInt64.max` for none.
    let keys: [UInt64]
    /// The node per slot.
    let nodes: [Int32]
    let shift: UInt64
    let mask: Int

    init() {
      let edges = gazetteerTrieEdges.utf8Start
      var pairs: [(UInt64, Int32)] = []
      for e in StaticTrie.edgeStart(0)..<StaticTrie.edgeStart(1) {
        let first = UInt64(StaticTrie.number(edges + 6 * e))
        let node = StaticTrie.number(edges + 6 * e + 3)
        for f in StaticTrie.edgeStart(node)..<StaticTrie.edgeStart(node + 1) {
          pairs.append((first << 32 | UInt64(StaticTrie.number(edges + 6 * f)), Int32(StaticTrie.number(edges + 6 * f + 3))))
        }
      }
      var bits: UInt64 = 4
      while (1 << bits) < 2 * pairs.count { bits += 1 }
      var keys = [UInt64](repeating: .max, count: 1 << bits)
      var nodes = [Int32](repeating: -1, count: 1 << bits)
      shift = 64 - bits
      mask = (1 << Int(bits)) - 1
      for (k, v) in pairs {
        var h = Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while keys[h] != .max { h = (h &+ 1) & mask }
        keys[h] = k
        nodes[h] = v
      }
      self.keys = keys
      self.nodes = nodes
    }
  }

  static let pairNodes = PairNodes()

  /// A bit per first scalar of a key outside the dense range (its low 12 bits): digits, Latin
  /// letters and punctuation, most of the text outside Chinese characters, start no key and
  /// skip the binary search over the root's edges.
  static let otherFirsts: [UInt64] = {
    var bits = [UInt64](repeating: 0, count: 64)
    let edges = gazetteerTrieEdges.utf8Start
    for e in edgeStart(0)..<edgeStart(1) {
      let v = UInt32(number(edges + 6 * e))
      guard v < denseLow || v >= denseHigh else { continue }
      bits[Int((v >> 6) & 63)] |= 1 << UInt64(v & 63)
    }
    return bits
  }()

  /// The longest key at every position of `text`, into `end` (-1 for none) and `hits`: one
  /// tight pass over raw buffers and the decoded tables, no bounds checks.
  func allMatches(in text: [Unicode.Scalar], end: inout [Int32], hits: inout [Int32]) {
    precondition(end.count == text.count && hits.count == text.count)
    let d = Self.decoded
    let pn = Self.pairNodes
    let others = Self.otherFirsts
    let pairShift = pn.shift, pairMask = pn.mask
    pn.keys.withUnsafeBufferPointer { pairKeys in pn.nodes.withUnsafeBufferPointer { pairNodes in
    text.withUnsafeBufferPointer { t in
      Self.pairs.withUnsafeBufferPointer { pairs in
        d.values.withUnsafeBufferPointer { tv in
          end.withUnsafeMutableBufferPointer { e in
            hits.withUnsafeMutableBufferPointer { h in
              let base = tv.baseAddress!
              let edgeStarts = base + d.edgeStarts, hitStarts = base + d.hitStarts
              let keys = base + d.edgeKeys, children = base + d.edgeChildren
              /// The node below the root by `a` then `b`, or -1.
              @inline(__always) func pair(_ a: UInt32, _ b: UInt32) -> Int {
                let key = UInt64(a) << 32 | UInt64(b)
                var h = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> pairShift)
                while true {
                  let k = pairKeys[h]
                  if k == key { return Int(pairNodes[h]) }
                  if k == .max { return -1 }
                  h = (h &+ 1) & pairMask
                }
              }
              /// The child of `node` by `v` through the sorted edges, or -1.
              @inline(__always) func search(_ node: Int, _ v: UInt32) -> Int {
                var lo = Int(edgeStarts[node])
                var hi = Int(edgeStarts[node + 1])
                let key = Int32(bitPattern: v)
                while lo < hi {
                  let mid = (lo + hi) >> 1
                  let s = keys[mid]
                  if s == key { return Int(children[mid]) }
                  if s < key { lo = mid + 1 } else { hi = mid }
                }
                return -1
              }
              let n = t.count
              for i in 0..<n {
                var bestEnd: Int32 = -1
                var bestNode: Int32 = -1
                let v0 = t[i].value
                var node = v0 >= Self.denseLow && v0 < Self.denseHigh
                  ? Int(base[Int(v0 &- Self.denseLow)]) - 1
                  : others[Int((v0 >> 6) & 63)] & (1 << UInt64(v0 & 63)) == 0 ? -1 : search(0, v0)
                if node >= 0 {
                  if hitStarts[node] != hitStarts[node + 1] { bestEnd = Int32(i + 1); bestNode = Int32(node) }
                  var j = i + 1
                  if j < n {
                    // (the second step through the pair bloom, then the pair table)
                    let v1 = t[j].value
                    let ph = Self.pairHash(v0, v1)
                    if pairs[ph >> 6] & (1 << UInt64(ph & 63)) == 0 {
                      j = n
                    } else {
                      node = pair(v0, v1)
                      if node < 0 {
                        j = n
                      } else {
                        j += 1
                        if hitStarts[node] != hitStarts[node + 1] { bestEnd = Int32(j); bestNode = Int32(node) }
                      }
                    }
                  }
                  while j < n {
                    node = search(node, t[j].value)
                    if node < 0 { break }
                    j += 1
                    if hitStarts[node] != hitStarts[node + 1] { bestEnd = Int32(j); bestNode = Int32(node) }
                  }
                }
                e[i] = bestEnd
                h[i] = bestNode
              }
            }
          }
        }
      }
    }
    } }
  }

  @inline(__always)
  func longestMatch(in text: UnsafeBufferPointer<Unicode.Scalar>, from start: Int, pairs: UnsafePointer<UInt64>) -> (end: Int, hits: Int32)? {
    let n = text.count
    var node = Self.child(0, text[start].value)
    if node < 0 { return nil }
    var i = start + 1
    var best: (Int, Int32)? = nil
    if Self.hitStart(node) != Self.hitStart(node + 1) { best = (i, Int32(node)) }
    if i < n {
      let h = Self.pairHash(text[start].value, text[i].value)
      if pairs[h >> 6] & (1 << UInt64(h & 63)) == 0 { return best }
    }
    while i < n {
      node = Self.child(node, text[i].value)
      if node < 0 { break }
      i += 1
      if Self.hitStart(node) != Self.hitStart(node + 1) { best = (i, Int32(node)) }
    }
    return best
  }

  /// The hits of a node returned by `longestMatch`.
  func hits(_ node: Int32) -> Hits {
    Hits(startIndex: Self.hitStart(Int(node)), endIndex: Self.hitStart(Int(node) + 1))
  }

  /// The hits recorded for an exact key (none when it is no key), read in place.
  func hits(exactly key: [Unicode.Scalar]) -> Hits {
    var node = 0
    for s in key {
      node = Self.child(node, s.value)
      if node < 0 { return Hits(startIndex: 0, endIndex: 0) }
    }
    guard node != 0 else { return Hits(startIndex: 0, endIndex: 0) }
    return hits(Int32(node))
  }

  /// Every hit recorded for an exact key.
  func lookup<S: Sequence<Unicode.Scalar>>(_ key: S) -> [Hit] {
    var node = 0
    for s in key {
      node = Self.child(node, s.value)
      if node < 0 { return [] }
    }
    guard node != 0 else { return [] }
    return Array(hits(Int32(node)))
  }
}
