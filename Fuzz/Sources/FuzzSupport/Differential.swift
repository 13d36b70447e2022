import NewsQ

/// The newsq half of the differential test against DuckDB: runs generated statements and
/// writes, per statement, its text, labels, `explain sql` and newsq's rows as one JSON line;
/// `scripts/difftest_duckdb.py` runs the SQL over the export and compares.
public enum Differential {
  /// JSON lines: first `{"setup": SQL}` (the DuckDB views over `exportDirectory`), then one
  /// object per statement: `q`, `kind`, `preds`, `order`, `sql`, `columns`, `rows`
  /// (or `error` when newsq rejected a statement the generator meant to be valid).
  public static func cases(engine: Engine, exportDirectory: String, seed: UInt64, count: Int,
                           sidestepKnown: Bool = false) -> [String] {
    var generator = StatementGenerator(seed: seed, engine: engine, sidestepKnown: sidestepKnown)
    return cases(engine: engine, exportDirectory: exportDirectory, statements: (0..<count).map { _ in generator.next() })
  }

  /// The same for given statements (regression cases of known differences).
  public static func cases(engine: Engine, exportDirectory: String, statements: [StatementGenerator.Generated]) -> [String] {
    var lines = ["{\"setup\": \(json(SQLTranslator.setup(directory: exportDirectory)))}"]
    for g in statements {
      var out = "{\"q\": \(json(g.text)), \"kind\": \(json(g.kind)), \"preds\": [\(g.predicates.map(json).joined(separator: ", "))]"
      out += ", \"order\": [\(g.orderKeys.map(json).joined(separator: ", "))]"
      do {
        let sql = try engine.run("explain sql " + g.text).rows.compactMap { $0.first?.text }.joined(separator: "\n")
        let rs = withUnitColumn(try engine.run(g.text))
        out += ", \"sql\": \(json(sql)), \"columns\": [\(rs.columns.map { json($0.name) }.joined(separator: ", "))]"
        out += ", \"rows\": [" + rs.rows.map { "[" + $0.map(json).joined(separator: ", ") + "]" }.joined(separator: ", ") + "]"
      } catch {
        out += ", \"error\": \(json("\(error)"))"
      }
      lines.append(out + "}")
    }
    return lines
  }

  /// An aggregate of money or a quantity answers one row per currency or unit, which newsq
  /// keeps beside the value (`ResultColumn.units`) and the SQL selects as a column named like the
  /// unit field (`"currency"`, `"unit"`): the same column is added here, unless `by` has it.
  public static func withUnitColumn(_ rs: ResultSet) -> ResultSet {
    guard let last = rs.columns.last, ["sum", "avg", "min", "max"].contains(last.name), let units = last.units else { return rs }
    let field: String
    switch last.kind {
    case .money(let u)?, .quantity(let u)?: field = u
    default: return rs
    }
    if rs.columns.contains(where: { $0.name == field }) { return rs }
    var columns = rs.columns
    columns.insert(ResultColumn(name: field, kind: .text), at: rs.columns.count - 1)
    var rows = rs.rows.arrays
    for i in rows.indices {
      let u = i < units.count ? units[i] : nil
      rows[i].insert(u.map { .text($0) } ?? .null, at: rows[i].count - 1)
    }
    return ResultSet(columns: columns, rows: rows, notes: rs.notes)
  }

  /// A value as JSON: lists and spans as arrays, dates as ISO strings.
  public static func json(_ v: Value) -> String {
    switch v {
    case .null: return "null"
    case .text(let s): return json(s)
    case .integer(let i): return String(i)
    case .number(let d): return d.isFinite ? "\(d)" : "null"
    case .date(let d): return json(d.description)
    case .list(let l): return "[" + l.map(json).joined(separator: ", ") + "]"
    case .span(let a, let b): return "[\(a), \(b)]"
    }
  }

  public static func json(_ s: String) -> String {
    var out = "\""
    for u in s.unicodeScalars {
      switch u {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if u.value < 0x20 {
          let h = String(u.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
        } else {
          out.unicodeScalars.append(u)
        }
      }
    }
    return out + "\""
  }

  /// A synthetic corpus: `perEntity` random facts of every entity with every field, drawn from
  /// small pools so predicates and groups hit; nulls, unknown-year dates, empty lists, other
  /// currencies and units included on purpose.
  /// With `emptyLists` false, a list is null or has distinct elements (empty lists and repeated
  /// elements are known differences).
  public static func syntheticFacts(perEntity: Int, seed: UInt64, emptyLists: Bool = true) -> [Fact] {
    var rng = SplitMix(seed)
    let places: [(String, String, String)] = [
      ("山西省", "临汾市", "尧都区"), ("山西省", "临汾市", "襄汾县"), ("山西省", "晋中市", "榆次区"),
      ("山西省", "运城市", "绛县"), ("江苏省", "扬州市", "仪征市"), ("河北省", "石家庄市", "长安区"),
      ("辽宁省", "朝阳市", "双塔区"), ("湖北省", "襄阳市", "襄州区"),
    ]
    let words = ["推进会", "座谈会", "党代会", "两会", "常委会", "GDP", "GDP增速", "王宏伟", "李明", "张三", "Alpha", "beta",
                 "书记", "区委副书记", "县长", "开发区", "项目", "产业园", "新区", "调研", "100%纯", "a_b"]
    var facts: [Fact] = []
    for e in Entity.allCases {
      for i in 0..<perEntity {
        var f: [String: Value] = [:]
        let p = places[rng.int(places.count)]
        for spec in Schema.fields(of: e) {
          if spec.name == "id" { continue }
          if rng.int(8) == 0 { continue }  // null
          switch spec.kind {
          case .text:
            switch spec.name {
            case "currency": f[spec.name] = .text(["CNY", "CNY", "CNY", "USD"][rng.int(4)])
            case "unit": f[spec.name] = .text(["元", "%", "人", "平方米", "项"][rng.int(5)])
            case "bound": f[spec.name] = .text(["exact", "about", "at least", "at most"][rng.int(4)])
            case "level": f[spec.name] = .text(["province", "city", "county"][rng.int(3)])
            default: f[spec.name] = .text(words[rng.int(words.count)] + (rng.int(3) == 0 ? words[rng.int(words.count)] : ""))
            }
          case .place:
            switch spec.name {
            case "country": f[spec.name] = .text("中国")
            case "province": f[spec.name] = .text(p.0)
            case "city": f[spec.name] = .text(p.1)
            case "county": f[spec.name] = .text(p.2)
            default: f[spec.name] = .text([p.0, p.1, p.2][rng.int(3)])
            }
          case .integer: f[spec.name] = .integer(Int64(rng.int(30)))
          case .number, .money, .quantity, .area:
            let magnitude = [1.0, 7.6, 100, 2500, 1e6, 1e9, 1.5e10][rng.int(7)]
            f[spec.name] = .number((magnitude * Double(1 + rng.int(9))).rounded())
          case .date:
            f[spec.name] = .date(FactDate(year: rng.int(6) == 0 ? nil : 2017 + rng.int(6), month: 1 + rng.int(12), day: 1 + rng.int(28)))
          case .textList:
            var list = (0..<(emptyLists ? rng.int(4) : 1 + rng.int(3))).map { _ in words[rng.int(words.count)] }
            if !emptyLists { list = list.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } } }
            f[spec.name] = .list(list)
          case .span:
            let a = rng.int(10_000)
            f[spec.name] = .span(a, a + 1 + rng.int(200))
          }
        }
        f["id"] = .integer(Int64(i + 1))
        facts.append(Fact(e, f))
      }
    }
    return facts
  }
}

/// A small deterministic generator (SplitMix64).
struct SplitMix {
  var state: UInt64
  init(_ seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  mutating func int(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }
}
