import NewsQ
import Synchronization

/// Shared between the main thread and the Ctrl-C helper thread: a Ctrl-C while a statement
/// runs cancels it through the engine; at other times it is ignored (the prompt handles its own).
public final class InterruptState: Sendable {
  let engine: Engine
  private let running = Atomic<Bool>(false)
  private let cancelled = Atomic<Int>(0)

  public init(engine: Engine) { self.engine = engine }

  /// Marks the start or end of a statement (or a load).
  public func setRunning(_ value: Bool) { running.store(value, ordering: .sequentiallyConsistent) }

  /// Called on Ctrl-C outside line editing.
  public func interrupt() {
    if running.load(ordering: .sequentiallyConsistent) {
      cancelled.add(1, ordering: .relaxed)
      engine.cancel()
    }
  }

  /// How many statements Ctrl-C has asked to stop.
  public var cancelCount: Int { cancelled.load(ordering: .relaxed) }
}
