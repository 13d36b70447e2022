import NewsFacts

/// One typed column of a table, chosen by the field's kind.
public enum Column: Sendable {
  case text(TextColumn)
  case list(ListColumn)
  case number(NumberColumn)
  case date(DateColumn)
  case span(SpanColumn)

  public var statistics: ColumnStatistics {
    switch self {
    case .text(let c): return c.statistics
    case .list(let c): return c.statistics
    case .number(let c): return c.statistics
    case .date(let c): return c.statistics
    case .span(let c): return c.statistics
    }
  }

  /// The value of `row` as a result value (allocates for text and lists: output only).
  public func value(_ row: Int) -> Value {
    switch self {
    case .text(let c): return c.text(row).map { .text($0) } ?? .null
    case .list(let c): return c.list(row).map { .list($0) } ?? .null
    case .number(let c): return c.value(row)
    case .date(let c): return c.value(row)
    case .span(let c): return c.value(row)
    }
  }

  /// Whether `row` holds no value.
  @inline(__always)
  public func isNull(_ row: Int) -> Bool {
    switch self {
    case .text(let c): return c.codes[row] == TextColumn.null
    case .list(let c): return !c.present[row]
    case .number(let c): return !c.present[row]
    case .date(let c): return c.ordinals[row] == DateColumn.null
    case .span(let c): return !c.present[row]
    }
  }

  /// The dictionary of a text or list column.
  public var dictionary: TextDictionary? {
    switch self {
    case .text(let c): return c.dictionary
    case .list(let c): return c.dictionary
    default: return nil
    }
  }
}
