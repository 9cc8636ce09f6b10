import Foundation

/// A JSON value for the exports, written with sorted keys so two exports of the same content
/// are the same bytes.
enum JSONValue: Encodable, Equatable {
    case string(String), int(Int), bool(Bool), array([JSONValue]), object([String: JSONValue])

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case let .string(value): try container.encode(value)
        case let .int(value): try container.encode(value)
        case let .bool(value): try container.encode(value)
        case let .array(value): try container.encode(value)
        case let .object(value): try container.encode(value)
        }
    }

    var data: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(self)) ?? Data()) + Data("\n".utf8)
    }
}

/// An object that leaves out what has no value: nil, empty text and empty lists.
struct JSONObject {
    private(set) var fields: [String: JSONValue] = [:]

    subscript(key: String) -> String? {
        get { nil }
        set { if let newValue, !newValue.trimmed(newlines: true).isEmpty { fields[key] = .string(newValue) } }
    }

    subscript(key: String) -> [JSONValue]? {
        get { nil }
        set { if let newValue, !newValue.isEmpty { fields[key] = .array(newValue) } }
    }

    mutating func set(_ key: String, _ value: JSONValue?) { if let value { fields[key] = value } }

    var value: JSONValue { .object(fields) }
}
