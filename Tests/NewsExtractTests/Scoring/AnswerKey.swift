import Foundation
import NewsFacts

/// One fact a careful reader noted, as written in an answer key.
///
/// `optional` marks facts a reader may reasonably note or not (a journalist's byline, a
/// place hidden in a company name, a sub-headline): an extracted fact matching one counts
/// neither for nor against the extractor. `aliases` are other acceptable spellings of the
/// entry's name or title (地区生产总值 for GDP).
struct KeyEntry: Sendable, Hashable {
  var fact: Fact
  var optional: Bool
  var aliases: [String]

  var entity: Entity { fact.entity }
}

/// The answer key of one document: what a careful reader finds in it, per entity.
struct AnswerKey: Sendable {
  /// The document's file name (seeds) or fixture name (own articles).
  var doc: String
  var notes: String
  var entries: [KeyEntry]

  func entries(of entity: Entity) -> [KeyEntry] { entries.filter { $0.entity == entity } }
}

/// Why an answer key could not be read: the file and what is wrong where.
struct AnswerKeyError: Error, CustomStringConvertible {
  var file: String
  var message: String
  var description: String { "\(file): \(message)" }
}

extension AnswerKey {
  /// Fields holding whole numbers; every other JSON number becomes `.number`.
  static let integerFields: Set<String> = ["year"]
  /// Fields holding ISO dates (`2019-05-20` or `--05-20`).
  static let dateFields: Set<String> = ["date", "end_date"]
  /// Key-only annotations that are not fact fields.
  static let annotations: Set<String> = ["optional", "aliases"]

  /// Parses an answer key; every field must belong to its entity's schema and every date
  /// must be a valid ISO day, so a typo in a key fails loudly instead of scoring nothing.
  static func parse(_ data: Data, file: String) throws -> AnswerKey {
    let root: JSONValue
    do { root = try JSONDecoder().decode(JSONValue.self, from: data) } catch {
      throw AnswerKeyError(file: file, message: "not JSON: \(error)")
    }
    guard let top = root.object else { throw AnswerKeyError(file: file, message: "top level is not an object") }
    guard let doc = top["doc"]?.string else { throw AnswerKeyError(file: file, message: "missing \"doc\"") }
    var lists: [Entity: (String, [JSONValue])] = [:]
    for (name, value) in top where name != "doc" && name != "notes" {
      guard let entity = Entity(name: name) else {
        throw AnswerKeyError(file: file, message: "unknown entity \"\(name)\"")
      }
      guard let list = value.array else { throw AnswerKeyError(file: file, message: "\"\(name)\" is not a list") }
      guard lists[entity] == nil else { throw AnswerKeyError(file: file, message: "\(entity.rawValue) listed twice") }
      lists[entity] = (name, list)
    }
    var entries: [KeyEntry] = []
    for entity in Entity.allCases {
      guard let (name, list) = lists[entity] else { continue }
      for (i, item) in list.enumerated() {
        guard let obj = item.object else {
          throw AnswerKeyError(file: file, message: "\(name)[\(i)] is not an object")
        }
        entries.append(try entry(entity, obj, file: file, at: "\(name)[\(i)]"))
      }
    }
    return AnswerKey(doc: doc, notes: top["notes"]?.string ?? "", entries: entries)
  }

  private static func entry(_ entity: Entity, _ obj: [String: JSONValue], file: String, at path: String) throws -> KeyEntry {
    var fact = Fact(entity)
    var aliases: [String] = []
    var optional = false
    for (field, value) in obj {
      if field == "optional" {
        guard let b = value.bool else { throw AnswerKeyError(file: file, message: "\(path).optional is not a bool") }
        optional = b
        continue
      }
      if field == "aliases" {
        aliases = (value.array ?? []).compactMap(\.string)
        continue
      }
      guard Schema.field(field, of: entity) != nil else {
        throw AnswerKeyError(file: file, message: "\(path): \(entity.rawValue) has no field \"\(field)\"")
      }
      switch value {
      case .null:
        break
      case .bool:
        throw AnswerKeyError(file: file, message: "\(path).\(field) is a bool")
      case .number(let d):
        fact[field] = integerFields.contains(field) ? .integer(Int64(d)) : .number(d)
      case .string(let s):
        if dateFields.contains(field) {
          guard let date = FactDate(iso: s) else {
            throw AnswerKeyError(file: file, message: "\(path).\(field): \"\(s)\" is not an ISO date")
          }
          fact[field] = .date(date)
        } else {
          fact[field] = .text(s)
        }
      case .array(let xs):
        let texts = xs.compactMap(\.string)
        guard texts.count == xs.count else {
          throw AnswerKeyError(file: file, message: "\(path).\(field) holds a non-string")
        }
        if !texts.isEmpty { fact[field] = .list(texts) }
      case .object:
        throw AnswerKeyError(file: file, message: "\(path).\(field) is an object")
      }
    }
    return KeyEntry(fact: fact, optional: optional, aliases: aliases)
  }
}
