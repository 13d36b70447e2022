/// A trie over Unicode scalars for one-pass longest-match lookup of place names in text.
///
/// The root fans out through a flat table indexed by the scalar (Basic Multilingual Plane),
/// deeper edges through one hash table keyed by (node, scalar); building ~10k names takes a
/// few milliseconds, and a failed lookup at a text position costs one array read.
struct ScalarTrie: Sendable {
  /// What a key means when the text matches it.
  struct Hit: Sendable, Hashable {
    /// Index into the owner's entry table, or -1 for a blocker (a phrase that is not a place).
    var entry: Int32
    var kind: Kind
    enum Kind: UInt8, Sendable { case full, alias, old, blocker }
  }

  private var root: [Int32] = Array(repeating: -1, count: 0x10000)
  private var edges: [UInt64: Int32] = [:]
  /// Per node: index into `hits`, or -1.
  private var terminal: [Int32] = [-1]
  private(set) var hits: [[Hit]] = []
  private(set) var maxDepth = 0

  init() {}

  private func child(_ node: Int32, _ s: Unicode.Scalar) -> Int32 {
    if node == 0 {
      let v = Int(s.value)
      if v < 0x10000 { return root[v] }
    }
    return edges[UInt64(UInt32(bitPattern: node)) << 32 | UInt64(s.value)] ?? -1
  }

  mutating func insert<S: Sequence<Unicode.Scalar>>(_ key: S, _ hit: Hit) {
    var node: Int32 = 0
    var depth = 0
    for s in key {
      depth += 1
      var next = child(node, s)
      if next < 0 {
        next = Int32(terminal.count)
        terminal.append(-1)
        if node == 0 && s.value < 0x10000 {
          root[Int(s.value)] = next
        } else {
          edges[UInt64(UInt32(bitPattern: node)) << 32 | UInt64(s.value)] = next
        }
      }
      node = next
    }
    guard node != 0 else { return }
    maxDepth = max(maxDepth, depth)
    let t = terminal[Int(node)]
    if t < 0 {
      terminal[Int(node)] = Int32(hits.count)
      hits.append([hit])
    } else if !hits[Int(t)].contains(hit) {
      hits[Int(t)].append(hit)
    }
  }

  /// The longest key starting at `start`: its end offset and hits.
  func longestMatch(in text: [Unicode.Scalar], from start: Int) -> (end: Int, hits: Int32)? {
    var node: Int32 = 0
    var i = start
    var best: (Int, Int32)? = nil
    while i < text.count {
      node = child(node, text[i])
      if node < 0 { break }
      i += 1
      let t = terminal[Int(node)]
      if t >= 0 { best = (i, t) }
    }
    return best
  }

  /// Every hit recorded for an exact key.
  func lookup<S: Sequence<Unicode.Scalar>>(_ key: S) -> [Hit] {
    var node: Int32 = 0
    for s in key {
      node = child(node, s)
      if node < 0 { return [] }
    }
    let t = terminal[Int(node)]
    return t >= 0 ? hits[Int(t)] : []
  }
}
