import NewsFacts

/// `explain sql`: a newsq statement as SQL that answers the same question over the exported facts.
///
/// **Setup.** The SQL assumes one view (DuckDB) or table (SQLite) per entity, named like the
/// entity (`meeting`, `person` …), over the files `export` writes; `SQLTranslator.setup(directory:dialect:)`
/// prints those statements (`CREATE VIEW meeting AS SELECT * FROM read_json('DIR/meeting.jsonl', …)`
/// for DuckDB, `CREATE TABLE` for SQLite). `translate` returns only the `SELECT …;`, so the
/// same text runs wherever the views exist (DuckDB, and Spark SQL or Trino over Parquet copies).
///
/// **Mapping.** `find` → `SELECT` of the shown fields (`*` without `show`), `ORDER BY "id"` for
/// document order and as the last tie-break; `find distinct` → `SELECT DISTINCT`; `count` →
/// `COUNT(*) AS "count"`; `count distinct f of` → `COUNT(DISTINCT f)`; `sum|avg|min|max f of` →
/// `SUM(f) AS "sum"` …; `by` → `GROUP BY` with `ORDER BY "count" DESC` then the groups ascending
/// for counts, the groups ascending for aggregates (every group is kept, NULL when it has no
/// values, as in newsq); `by` a list field joins its elements (`unnest` / `json_each`), so
/// each element counts; `order by` keys get `NULLS LAST`, and date keys put unknown-year dates
/// (`--07-18`) after dated ones and NULL last; `limit N offset M` → `LIMIT N OFFSET M`.
///
/// Predicates: `=`, `!=`, `<` … as written (under `not` the operators are inverted, De Morgan
/// style, so the guards below keep their meaning); `in`/`not in` lists; `between`; `is [not] null`
/// (an empty list counts as null); `contains` → `LIKE '%x%' ESCAPE '\'`; `like` → `LIKE`; a
/// subquery `in (find … show f)` → `IN (SELECT f … WHERE f IS NOT NULL)` (so `not in` is never
/// emptied by a null). On list fields every test means "some element": `EXISTS (SELECT 1 FROM
/// unnest(…))`. Money literals are base numbers with a currency guard (`"investment" > 1000000000
/// AND "currency" = 'CNY'`; a bare number is CNY); on `indicator.value` money adds `"unit" = '元'`
/// (美元 …), percent `"unit" = '%'`, area `"unit" = '平方米'`. Dates are ISO strings
/// (`"date" >= '2019-05-01'`); a month or year is expanded to its first and last day; `<`, `<=`,
/// `!=` and `not between` add `"date" >= '0000-01-01'` so unknown-year dates fail them as in newsq.
///
/// **Limits** (where SQL cannot say what newsq does):
/// - Text folding: text literals are folded as newsq folds them (繁→简 character by character,
///   full-width → ASCII, `臨汾` → `临汾`, `ＧＤＰ` → `gdp`) and Latin case is folded on both sides
///   (`lower("name") = 'gdp'`, `ILIKE` in DuckDB). Extracted text keeps the full-width
///   punctuation Chinese uses (！（），：；？), so when a literal holds one of those marks the
///   column is folded too (`translate("purpose", '，', ',') = '参观考察,寻求…'`). The column side
///   is not 繁→简-folded: the exported facts are stored simplified and otherwise half-width, so
///   only a traditional character the extractor kept, or other full-width forms in facts added
///   through the API, would compare differently.
/// - Places: with a `PlaceResolver` a place literal becomes the official full names of the
///   divisions it denotes at the field's level (`"city" = '临汾市'`; `place = "临汾"` →
///   `"province" = … OR "city" = '临汾市' OR "county" = …` by the resolved level). Without one, a
///   literal that ends in a division suffix (市, 县, 区 …) is compared for equality, any other as a
///   prefix: `"city" LIKE '临汾%'` — close, but it can match a neighbour sharing the prefix, and
///   old names (襄樊) do not map to current ones. `place != x` on facts whose hierarchy is partly
///   null is unknown in SQL, where newsq may keep the fact.
/// - Order: text sorts by code point, not pinyin, so ties and text keys can come in another order.
/// - Aggregates (`sum`, `avg`, `min`, `max`) of money and quantities group by the currency or
///   unit column as well, as newsq does (`SELECT "currency", SUM("investment") … GROUP BY
///   "currency"`), so without `by` there is one row per currency and none over no rows.
/// - `by` a list field unnests `list_distinct` of the list, and a null or empty list as one
///   NULL element, so each row counts once per distinct element and rows without one form the
///   null group as in newsq (SQLite's `json_each` does not drop repeated elements).
public enum SQLTranslator {
  /// The SQL for `statement` (a query, `explain … query`, or `why E N`) with `$1`, `$2` … replaced
  /// by `parameters` as SQL literals. Throws a diagnostic at the offending words for unknown
  /// entities and fields, a literal of the wrong kind, a missing parameter, or `export`.
  public static func translate(_ statement: Statement, parameters: [Value] = [], dialect: SQLDialect = .duckdb,
                               places: any PlaceResolver = NoPlaces()) throws(Diagnostic) -> String {
    var t = SQLTranslation(parameters: parameters, dialect: dialect, places: places)
    switch statement {
    case .query(let q), .explain(_, let q):
      return try t.query(q, depth: 0, asSubquery: false) + ";"
    case .why(let entity, let id, _):
      let e = try t.entity(entity)
      return "SELECT *\nFROM \(e.rawValue)\nWHERE \(SQLText.identifier("id")) = \(id);"
    case .export(_, let range):
      throw Diagnostic("export has no SQL form", at: range, hint: "explain sql takes a find, count, sum, avg, min or max statement")
    }
  }

  /// The statements that make the views `translate` assumes, over the files `export "directory"`
  /// wrote: DuckDB reads the JSON-lines files with explicit column types (dates stay `VARCHAR`
  /// so unknown-year dates survive; lists are `VARCHAR[]`, spans `BIGINT[]`); SQLite gets
  /// `CREATE TABLE`s to fill from the CSV files (lists and spans as JSON text; load empty fields as NULL).
  public static func setup(directory: String, dialect: SQLDialect = .duckdb) -> String {
    var out = ""
    for e in Entity.allCases {
      let fields = Schema.fields(of: e)
      switch dialect {
      case .duckdb:
        let columns = fields.map { "\(SQLText.string($0.name)): '\(duckType($0.kind))'" }.joined(separator: ", ")
        let path = directory.isEmpty ? "\(e.rawValue).jsonl" : directory + (directory.hasSuffix("/") ? "" : "/") + "\(e.rawValue).jsonl"
        out += "CREATE OR REPLACE VIEW \(e.rawValue) AS SELECT * FROM read_json(\(SQLText.string(path)), format = 'newline_delimited', columns = {\(columns)});\n"
      case .sqlite:
        let columns = fields.map { "\(SQLText.identifier($0.name)) \(sqliteType($0.kind))" }.joined(separator: ", ")
        out += "CREATE TABLE IF NOT EXISTS \(e.rawValue) (\(columns));\n"
      }
    }
    return out
  }

  static func duckType(_ k: FieldKind) -> String {
    switch k {
    case .text, .place, .date: return "VARCHAR"
    case .integer: return "BIGINT"
    case .number, .money, .quantity, .area: return "DOUBLE"
    case .textList: return "VARCHAR[]"
    case .span: return "BIGINT[]"
    }
  }

  static func sqliteType(_ k: FieldKind) -> String {
    switch k {
    case .text, .place, .date, .textList, .span: return "TEXT"
    case .integer: return "INTEGER"
    case .number, .money, .quantity, .area: return "REAL"
    }
  }
}
