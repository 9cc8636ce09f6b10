/// The values of one template family, set by key: `values[.summary] = text`. A `nil` or
/// `false` leaves the key out.
struct Values<Key: TemplateKey>: Sendable {
    private(set) var object: TemplateObject

    init() { object = TemplateObject(table: Key.table) }

    /// Values of this family made before (read back from a list or a nested value).
    init?(_ object: TemplateObject) {
        guard object.table === Key.table else { return nil }
        self.object = object
    }

    /// Values that fall back on `parent` for every key they leave out.
    init<Parent: TemplateKey>(inheriting parent: Values<Parent>) { self.init(inheriting: parent.object) }

    /// Values that fall back on `parent`: the same family, or the one `Key.table` inherits.
    init(inheriting parent: TemplateObject) {
        self.init()
        precondition(parent.parent == nil, "values inherit from one level only")
        assert(parent.table === Key.table || parent.table === Key.table.inherits, "declare what \(Key.self) inherits in its table")
        object.inherit(parent)
    }

    private func index(_ key: Key) -> Int { object.table.slot(key.rawValue) }

    private mutating func set(_ key: Key, _ slot: Slot) { object.set(index(key), slot) }

    /// Nested values must be declared in the family's table, so the schema knows them.
    private func checkNested<Inner: TemplateKey>(_ key: Key, _ inner: Inner.Type) {
        assert(Key.table.nested[key.rawValue] === Inner.table, "declare \(Key.self).\(key) → \(Inner.self) in \(Key.self).table")
    }

    subscript(key: Key) -> String? {
        get { if case .text(let text) = object.slots[index(key)] { return text.text } else { return nil } }
        set { set(key, newValue.map { .text(TemplateText($0)) } ?? .none) }
    }

    subscript(key: Key) -> Bool {
        get { object.slots[index(key)] == .flag }
        set { set(key, newValue ? .flag : .none) }
    }

    subscript(key: Key) -> Piece? {
        get { if case .piece(let piece) = object.slots[index(key)] { return piece } else { return nil } }
        set { set(key, newValue.map { .piece($0) } ?? .none) }
    }

    subscript<Inner: TemplateKey>(key: Key) -> Values<Inner>? {
        get { if case .object(let inner) = object.slots[index(key)] { return Values<Inner>(inner) } else { return nil } }
        set { checkNested(key, Inner.self); set(key, newValue.map { .object($0.object) } ?? .none) }
    }

    /// A list, even an empty one (a template's `{{^name}}` treats both alike).
    subscript<Inner: TemplateKey>(key: Key) -> [Values<Inner>]? {
        get { if case .list(let items) = object.slots[index(key)] { return items.compactMap(Values<Inner>.init) } else { return nil } }
        set { checkNested(key, Inner.self); set(key, newValue.map { .list($0.map(\.object)) } ?? .none) }
    }

    /// A list of values already made (cards as a school's lists show them).
    mutating func set<Inner: TemplateKey>(_ key: Key, list: [TemplateObject], of inner: Inner.Type) {
        checkNested(key, Inner.self)
        assert(list.allSatisfy { $0.table === Inner.table }, "\(key) holds \(Inner.self) values")
        set(key, .list(list))
    }

    /// A nested value or list taken as it is from another family's values.
    mutating func copy<Other: TemplateKey>(_ key: Key, from other: Values<Other>, _ otherKey: Other) {
        assert(Key.table.nested[key.rawValue] === Other.table.nested[otherKey.rawValue], "\(key) and \(otherKey) hold different families")
        set(key, other.object.slots[Other.table.slot(otherKey.rawValue)])
    }
}

extension Values: Hashable {
    static func == (a: Values, b: Values) -> Bool { a.object == b.object }
    func hash(into hasher: inout Hasher) { hasher.combine(object) }
}
