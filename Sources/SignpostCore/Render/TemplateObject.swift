import Mustache

/// What one template section sees at run time: the values of one family (`table`), in slots
/// by key, and maybe the values it inherits (a page its school's layout, a card in a list
/// the card as every list shows it). Built through the typed `Values<Key>`.
///
/// swift-mustache looks a `{{name}}` up by casting the object to `MustacheParent` and calling
/// `child(named:)`: here one hash of the name in the family's table, then an array read. One
/// concrete type for every family keeps the runtime's conformance checks cached, and it fits
/// in an `Any` without a heap box (three words).
struct TemplateObject: MustacheParent, Sendable, Hashable {
    let table: KeyTable
    var slots: [Slot]
    var parent: Inherited?

    init(table: KeyTable) {
        self.table = table
        slots = Array(repeating: .none, count: table.count)
    }

    func child(named name: String) -> Any? {
        let found = table.lookup[name]
        if let found, found.own >= 0, let value = slots[found.own].value { return value }
        guard let parent else { return nil }
        let below = parent.object
        // The family's own table knows where a name sits in the family it inherits: one hash.
        if below.table === table { return found.flatMap { $0.own >= 0 ? below.slots[$0.own].value : nil } }
        if below.table === table.inherits { return found.flatMap { $0.inherited >= 0 ? below.slots[$0.inherited].value : nil } }
        return below.child(named: name)
    }

    /// The values below these, held once by reference: many pages share their school's layout.
    final class Inherited: Sendable, Hashable {
        let object: TemplateObject
        init(_ object: TemplateObject) { self.object = object }
        static func == (a: Inherited, b: Inherited) -> Bool { a === b || a.object == b.object }
        func hash(into hasher: inout Hasher) { hasher.combine(object) }
    }

    static func == (a: TemplateObject, b: TemplateObject) -> Bool {
        a.table === b.table && a.slots == b.slots && a.parent == b.parent
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(table))
        hasher.combine(slots)
        hasher.combine(parent)
    }
}

extension TemplateObject {
    /// Every value in full (`Hashable` samples long texts), for `ContextHash`.
    func fingerprint(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(table))
        for slot in slots { slot.fingerprint(into: &hasher) }
        hasher.combine(parent != nil)
        parent?.object.fingerprint(into: &hasher)
    }
}

/// One value a template can receive. Absent values are `.none` (never `nil` text:
/// swift-mustache prints "nil"); a flag is only ever `true` (false leaves it out).
enum Slot: Sendable, Hashable {
    case none
    case text(TemplateText)
    case flag
    case object(TemplateObject)
    case list([TemplateObject])
    case piece(Piece)

    func fingerprint(into hasher: inout Hasher) {
        switch self {
        case .none: hasher.combine(0)
        case .text(let text): hasher.combine(1); text.fingerprint(into: &hasher)
        case .flag: hasher.combine(2)
        case .object(let object): hasher.combine(3); object.fingerprint(into: &hasher)
        case .list(let items):
            hasher.combine(4)
            hasher.combine(items.count)
            for item in items { item.fingerprint(into: &hasher) }
        case .piece(let piece): hasher.combine(5); hasher.combine(piece.fingerprint)
        }
    }

    /// As swift-mustache receives it.
    var value: Any? {
        switch self {
        case .none: return nil
        case .text(let text): return text
        case .flag: return true
        case .object(let object): return object
        case .list(let items): return items
        case .piece(let piece): return piece
        }
    }
}

/// A family's names, in the order of its key enum's cases: where each name's slot is, in
/// this family and in the family it inherits.
public final class KeyTable: Sendable {
    public let names: [String]
    /// The family each key's nested values belong to (`phones` → `PhoneKey`), for the schema.
    public let nested: [String: KeyTable]
    /// The family these values fall back on (a page's layout, an entry page's details).
    public let inherits: KeyTable?
    let lookup: [String: Place]
    var count: Int { names.count }

    struct Place: Sendable {
        /// The slot in this family, and in the inherited one; -1 where the name has none.
        var own: Int
        var inherited: Int
    }

    init<K: TemplateKey>(_ key: K.Type, nested: [K: KeyTable] = [:], inherits: KeyTable? = nil) {
        names = K.allCases.map(\.rawValue)
        self.nested = Dictionary(uniqueKeysWithValues: nested.map { ($0.key.rawValue, $0.value) })
        self.inherits = inherits
        var lookup: [String: Place] = [:]
        for (index, name) in (inherits?.names ?? []).enumerated() { lookup[name] = Place(own: -1, inherited: index) }
        for (index, name) in names.enumerated() { lookup[name, default: Place(own: -1, inherited: -1)].own = index }
        self.lookup = lookup
        precondition(K.allCases.enumerated().allSatisfy { $0.offset == $0.element.ordinal }, "\(key) must be a plain enum of names")
    }
}

extension TemplateKey {
    /// The case's place in its enum: a key enum has no payloads, so its value is one byte
    /// holding the case's number in declaration order (nothing at all for a single case).
    /// `KeyTable` checks this for every family when it is made.
    var ordinal: Int {
        withUnsafeBytes(of: self) { $0.isEmpty ? 0 : Int($0[0]) }
    }
}

extension Values: Hashable {
    static func == (a: Values, b: Values) -> Bool { a.object == b.object }
    func hash(into hasher: inout Hasher) { hasher.combine(object) }
}

/// A family of template keys: an enum whose raw values are the names templates use.
/// A misspelt key does not compile; the cases are also the schema templates are checked
/// against (`TemplateSchema`).
public protocol TemplateKey: RawRepresentable<String>, CaseIterable, Hashable, Sendable where AllCases == [Self] {
    /// Made once per family: `static let table = KeyTable(Self.self, nested: [...])`.
    static var table: KeyTable { get }
}

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
        object.parent = TemplateObject.Inherited(parent)
    }

    private func index(_ key: Key) -> Int { key.ordinal }

    private mutating func set(_ key: Key, _ slot: Slot) { object.slots[index(key)] = slot }

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
        set(key, other.object.slots[otherKey.ordinal])
    }
}
