/// The SQL engines `explain sql` writes for.
///
/// The main `SELECT` is the same in both (plain `WHERE`, `GROUP BY`, `ORDER BY … NULLS LAST`,
/// `LIMIT … OFFSET`, double-quoted identifiers, `'…'` strings, `LIKE … ESCAPE '\'`); they differ
/// only where a list field is involved and in case folding:
///
/// | construct | DuckDB | SQLite |
/// | --- | --- | --- |
/// | list column | `VARCHAR[]` (from the JSON-lines export) | JSON array text (from the CSV export) |
/// | any element of a list | `EXISTS (SELECT 1 FROM unnest(t."f") AS "_l"("_e") WHERE …)` | `EXISTS (SELECT 1 FROM json_each(t."f") AS "_l" WHERE "_l".value …)` |
/// | group by a list | `FROM t, unnest(t."f") AS "g1"("e1")` | `FROM t, json_each(t."f") AS "g1"` |
/// | empty list | `len(f) = 0` | `json_array_length(f) = 0` |
/// | case-folded `contains`/`like` | `ILIKE` (only when the literal has Latin letters) | `LIKE` (already ASCII case-insensitive) |
public enum SQLDialect: String, Sendable, Hashable, CaseIterable {
  case duckdb, sqlite
}
