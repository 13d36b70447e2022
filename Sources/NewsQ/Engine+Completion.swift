import FactQuery
import FactStore
import NewsText
#if canImport(Glibc)
import Glibc
#endif

/// Completion candidates and the part of the line (Unicode-scalar offsets) they replace.
public struct Completion: Sendable, Hashable {
  public var replacing: Range<Int>
  public var candidates: [String]
  public init(replacing: Range<Int>, candidates: [String]) { self.replacing = replacing; self.candidates = candidates }
}

extension Engine {
  /// Completion candidates for the word before `cursor` (a Unicode-scalar offset into `line`):
  /// keywords, entities, fields, dot commands, paths and values from the store. A value is
  /// offered when the typed prefix matches it in simplified or traditional characters, or by
  /// pinyin (`lf` and `linfen` both offer 临汾市). `dotCommands` are the host's own commands
  /// (the shell's `.help`, `.tables` …), offered after a `.` at the start of a line.
  public func completions(for line: String, cursor: Int, dotCommands: [String] = []) -> Completion {
    let (site, prefixRange) = CompletionAnalyzer.analyse(line, cursor: cursor)
    let scalars = Array(line.unicodeScalars)
    let lo = max(0, min(prefixRange.lowerBound, scalars.count))
    let hi = max(lo, min(prefixRange.upperBound, scalars.count))
    let prefix = String(String.UnicodeScalarView(scalars[lo..<hi]))
    var candidates: [String]
    switch site {
    case .keyword(let words):
      candidates = Self.matchWords(prefix, words.isEmpty ? Keywords.all : words)
    case .entity:
      candidates = Self.matchWords(prefix, Entity.allCases.map(\.rawValue))
    case .field(let entity):
      let names = entity.map { Schema.fields(of: $0).map(\.name) + ["place"] }
        ?? Array(Set(Entity.allCases.flatMap { Schema.fields(of: $0).map(\.name) })).sorted()
      candidates = Self.matchWords(prefix, names)
    case .value(let entity, let field):
      candidates = valueCandidates(prefix: prefix, entity: entity, field: field)
    case .dotCommand:
      candidates = Self.matchWords(prefix, dotCommands)
    case .path:
      candidates = Self.pathCandidates(prefix)
    case .none:
      candidates = []
    }
    return Completion(replacing: lo..<hi, candidates: candidates)
  }

  private static func matchWords(_ prefix: String, _ words: [String]) -> [String] {
    let p = prefix.lowercased()
    return words.filter { $0.lowercased().hasPrefix(p) }
  }

  /// Store values of `field` (on `entity`, or on every entity that has it) that match `prefix`.
  private func valueCandidates(prefix: String, entity: Entity?, field: String) -> [String] {
    let snap = snapshot
    let fieldName = field == "place" ? nil : field
    var values: Set<String> = []
    for e in entity.map({ [$0] }) ?? Entity.allCases {
      if let f = fieldName {
        guard Schema.field(f, of: e) != nil else { continue }
        values.formUnion(snap.distinctValues(e, f))
      } else {
        for f in ["province", "city", "county"] where Schema.field(f, of: e) != nil {
          values.formUnion(snap.distinctValues(e, f))
        }
      }
    }
    let typed = prefix.trimmingQuotes()
    let folded = Fold.fold(typed)
    let ascii = typed.unicodeScalars.allSatisfy { $0.isASCII }
    let matches = values.filter { value in
      if typed.isEmpty { return true }
      if Fold.fold(value).hasPrefix(folded) { return true }
      guard ascii else { return false }
      let lower = typed.lowercased()
      if Pinyin.initials(value).hasPrefix(lower) { return true }
      return Pinyin.syllables(value).joined().hasPrefix(lower)
    }
    return matches.sorted { Pinyin.less($0, $1) }
  }

  private static func pathCandidates(_ prefix: String) -> [String] {
    let typed = prefix.trimmingQuotes()
    let dir: String
    let stem: String
    if let slash = typed.lastIndex(of: "/") {
      dir = String(typed[...slash])
      stem = String(typed[typed.index(after: slash)...])
    } else {
      dir = ""
      stem = typed
    }
    guard let handle = opendir(dir.isEmpty ? "." : dir) else { return [] }
    defer { closedir(handle) }
    var out: [String] = []
    while let entry = readdir(handle) {
      // Read d_name only up to its NUL: glibc allocates a dirent by its d_reclen, so copying
      // the whole 256-byte field reads past the buffer (AddressSanitizer: heap-buffer-overflow).
      let name = DirectoryEntry.name(entry)
      guard name != ".", name != "..", name.hasPrefix(stem), !(name.hasPrefix(".") && !stem.hasPrefix(".")) else { continue }
      var st = stat()
      let full = dir + name
      let isDir = stat(full, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
      out.append(full + (isDir ? "/" : ""))
    }
    return out.sorted()
  }
}

extension String {
  /// The text without a leading quote the user opened (`"临` → `临`).
  func trimmingQuotes() -> String {
    var s = Substring(self)
    while let f = s.first, f == "\"" || f == "'" || f == "“" { s = s.dropFirst() }
    return String(s)
  }
}
