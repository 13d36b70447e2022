import FactStore
import NewsFacts

/// What a statement runs against: the snapshot, the gazetteer and a way to be stopped.
public struct QueryContext: Sendable {
  public var snapshot: Snapshot
  public var places: PlaceResolver
  /// Polled every ~64k rows by scans; when true the statement throws `QueryError.cancelled`.
  public var isCancelled: @Sendable () -> Bool

  public init(snapshot: Snapshot, places: PlaceResolver = NoPlaces(),
              isCancelled: @escaping @Sendable () -> Bool = { false }) {
    self.snapshot = snapshot
    self.places = places
    self.isCancelled = isCancelled
  }
}

/// Why a statement did not produce a result.
public enum QueryError: Error, Sendable, Hashable {
  /// A problem with the statement, anchored to its text.
  case diagnostic(Diagnostic)
  /// `QueryContext.isCancelled` returned true while it ran.
  case cancelled
}
