/// A parsed JSON value, decoded with `JSONDecoder` so answer keys keep their exact types
/// (a number stays a number, `null` stays null) without `Any` casts.
enum JSONValue: Decodable, Equatable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  init(from decoder: Decoder) throws {
    let c = try decoder.singleValueContainer()
    if c.decodeNil() { self = .null; return }
    if let b = try? c.decode(Bool.self) { self = .bool(b); return }
    if let d = try? c.decode(Double.self) { self = .number(d); return }
    if let s = try? c.decode(String.self) { self = .string(s); return }
    if let a = try? c.decode([JSONValue].self) { self = .array(a); return }
    self = .object(try c.decode([String: JSONValue].self))
  }

  var string: String? { if case .string(let s) = self { return s } else { return nil } }
  var array: [JSONValue]? { if case .array(let a) = self { return a } else { return nil } }
  var object: [String: JSONValue]? { if case .object(let o) = self { return o } else { return nil } }
  var bool: Bool? { if case .bool(let b) = self { return b } else { return nil } }
}
