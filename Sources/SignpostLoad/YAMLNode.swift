import Yams

/// Our own small YAML tree: every value keeps its file line and column, so each
/// message can point at the exact setting. Built from Yams' composed tree under a
/// budget, because Yams expands aliases without limit (a 0.5 KB "alias bomb" hangs it).
public struct YAMLNode: Sendable {
    public enum Kind: Sendable {
        case scalar(String, plain: Bool)
        case list([YAMLNode])
        case map([Entry])
    }

    public struct Entry: Sendable {
        public var key: String
        public var keyLine: Int
        public var keyColumn: Int
        public var value: YAMLNode
    }

    public var kind: Kind
    public var line: Int
    public var column: Int

    public var isNull: Bool {
        if case let .scalar(text, plain) = kind {
            return plain && ["", "~", "null", "Null", "NULL"].contains(text)
        }
        return false
    }

    public var scalar: String? {
        if case let .scalar(text, _) = kind, !isNull { return text }
        return nil
    }

    public var entries: [Entry]? {
        if case let .map(entries) = kind { return entries }
        return nil
    }

    public var items: [YAMLNode]? {
        if case let .list(items) = kind { return items }
        return nil
    }

    public subscript(key: String) -> YAMLNode? {
        entries?.first { $0.key == key }?.value
    }

    var kindName: String {
        switch kind {
        case .scalar: return isNull ? "empty" : "a single value"
        case .list: return "a list"
        case .map: return "a group of settings"
        }
    }
}

enum YAMLTreeError: Error {
    case tooLarge
    case complexKey(line: Int, column: Int)
}

/// Converts Yams nodes with a node budget; `lineOffset` turns YAML-block lines into file lines.
struct YAMLTreeBuilder {
    var budget: Int
    let lineOffset: Int

    mutating func build(_ node: Node) throws -> YAMLNode {
        budget -= 1
        if budget < 0 { throw YAMLTreeError.tooLarge }
        let line = (node.mark?.line ?? 1) + lineOffset
        let column = node.mark?.column ?? 1
        switch node {
        case let .scalar(scalar):
            return YAMLNode(kind: .scalar(scalar.string, plain: scalar.style == .plain || scalar.style == .any), line: line, column: column)
        case let .sequence(sequence):
            var items: [YAMLNode] = []
            for child in sequence { items.append(try build(child)) }
            return YAMLNode(kind: .list(items), line: line, column: column)
        case let .mapping(mapping):
            var entries: [YAMLNode.Entry] = []
            for (key, value) in mapping {
                guard case let .scalar(keyScalar) = key else {
                    throw YAMLTreeError.complexKey(line: (key.mark?.line ?? 1) + lineOffset, column: key.mark?.column ?? 1)
                }
                entries.append(YAMLNode.Entry(key: keyScalar.string,
                                              keyLine: (key.mark?.line ?? 1) + lineOffset,
                                              keyColumn: key.mark?.column ?? 1,
                                              value: try build(value)))
            }
            return YAMLNode(kind: .map(entries), line: line, column: column)
        case .alias:
            throw YAMLTreeError.tooLarge
        }
    }
}
