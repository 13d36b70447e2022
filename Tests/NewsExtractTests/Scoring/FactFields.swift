import NewsFacts

/// Lenient readers of a fact's fields: the extractor may store a date as `.date` or as ISO
/// text, a number as `.integer` or `.number`, a list as `.list` or as `、`-joined text.
extension Fact {
  func text(_ name: String) -> String? {
    switch self[name] {
    case .text(let s): return s.isEmpty ? nil : s
    case .null: return nil
    case .list(let xs): return xs.isEmpty ? nil : xs.joined(separator: "、")
    case let other: return other.description
    }
  }

  func number(_ name: String) -> Double? {
    switch self[name] {
    case .integer(let i): return Double(i)
    case .number(let d): return d
    case .text(let s): return Double(s)
    default: return nil
    }
  }

  func date(_ name: String) -> FactDate? {
    switch self[name] {
    case .date(let d): return d
    case .text(let s): return FactDate(iso: s)
    default: return nil
    }
  }

  func list(_ name: String) -> [String] {
    switch self[name] {
    case .list(let xs): return xs
    case .text(let s): return s.split(whereSeparator: { "、,，;；".contains($0) }).map(String.init)
    default: return []
    }
  }

  /// True when the field holds something scoreable (not null, not an empty list or text).
  func has(_ name: String) -> Bool {
    switch self[name] {
    case .null: return false
    case .list(let xs): return !xs.isEmpty
    case .text(let s): return !s.isEmpty
    default: return true
    }
  }
}
