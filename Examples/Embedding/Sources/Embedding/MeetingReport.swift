import NewsQ

/// A tiny embedding: the meetings held in a city, newest first, as "date name" lines.
public func meetingLines(in city: String, engine: Engine) throws -> [String] {
  let result = try engine.run(#"find meeting where city = $1 order by date desc show date, name"#, parameters: [.text(city)])
  return result.rows.map { row in row.map(\.description).joined(separator: " ") }
}
