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

  /// The longest key starting at `start`: its end offset and the node that holds its hits.
  func longestMatch(in text: [Unicode.Scalar], from start: Int) -> (end: Int, hits: Int32)? {
    var node = 0
    var i = start
    var best: (Int, Int32)? = nil
    let n = text.count
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
