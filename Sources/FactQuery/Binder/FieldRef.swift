import NewsFacts

/// A bound field: the entity, the column's position in `Schema.fields(of:)`, its name and kind.
public struct FieldRef: Sendable, Hashable, CustomStringConvertible {
  public var entity: Entity
  public var position: Int
  public var name: String
  public var kind: FieldKind
  public init(entity: Entity, position: Int, name: String, kind: FieldKind) {
    self.entity = entity
    self.position = position
    self.name = name
    self.kind = kind
  }
  /// `meeting.city`
  public var description: String { "\(entity.rawValue).\(name)" }
}
