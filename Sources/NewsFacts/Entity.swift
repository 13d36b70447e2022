/// The kinds of fact newsq extracts and stores, one table each.
///
/// Names are singular; `init?(name:)` also accepts plurals and any letter case,
/// because users type `find Meetings` as often as `find meeting`.
public enum Entity: String, CaseIterable, Sendable, Hashable, Comparable {
  case article, meeting, person, place, project, indicator, visit

  /// Parses an entity name as users type it: any case, singular or plural.
  public init?(name: String) {
    let lower = name.lowercased()
    if let e = Entity(rawValue: lower) { self = e; return }
    for e in Entity.allCases where e.plural == lower { self = e; return }
    return nil
  }

  /// The plural spelling accepted in statements (`people`, `meetings`, …).
  public var plural: String {
    switch self {
    case .person: return "people"
    default: return rawValue + "s"
    }
  }

  /// The position of the entity in `allCases`.
  @inline(__always)
  public var ordinal: Int {
    switch self {
    case .article: return 0
    case .meeting: return 1
    case .person: return 2
    case .place: return 3
    case .project: return 4
    case .indicator: return 5
    case .visit: return 6
    }
  }

  public static func < (a: Entity, b: Entity) -> Bool {
    a.ordinal < b.ordinal
  }
}
