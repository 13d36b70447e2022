import FactQuery

extension Engine {
  /// Writes every entity of the current snapshot to `directory`: one CSV and one JSON-lines
  /// file per entity and `schema.json` (the `export` statement and `--export`). Each file is
  /// written beside its final name and renamed into place, so a crash never leaves a torn file.
  @discardableResult
  public func export(to directory: String) throws(EngineError) -> [String] {
    let context = QueryContext(snapshot: snapshot, places: places, isCancelled: { false })
    return try exportFiles(to: directory, context: context)
  }

  func exportFacts(to directory: String, context: QueryContext) throws -> ResultSet {
    let written = try exportFiles(to: directory, context: context)
    return ResultSet(columns: [ResultColumn(name: "file", kind: .text)], rows: written.map { [.text($0)] })
  }

  private func exportFiles(to directory: String, context: QueryContext) throws(EngineError) -> [String] {
    var tables: [(Entity, ResultSet)] = []
    for entity in Entity.allCases {
      let find = Statement.query(Query(kind: .find(distinct: false), entity: Name(entity.rawValue, 0..<0), range: 0..<0))
      do {
        let plan = try Planner.plan(find, context: context, parameters: [])
        tables.append((entity, try Executor.run(plan, context: context, analyze: false)))
      } catch {
        throw .io(path: directory, reason: "could not read \(entity.rawValue): \(error)")
      }
    }
    do {
      return try Exporter.export(facts: tables, to: directory)
    } catch {
      throw .io(path: error.path, reason: error.reason)
    }
  }
}
