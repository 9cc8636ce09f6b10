/// A family of template keys: an enum whose raw values are the names templates use.
/// A misspelt key does not compile; the cases are also the schema templates are checked
/// against (`TemplateSchema`).
public protocol TemplateKey: RawRepresentable<String>, CaseIterable, Hashable, Sendable where AllCases == [Self] {
    /// Made once per family: `static let table = KeyTable(Self.self, nested: [...])`.
    static var table: KeyTable { get }
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
    }

    /// The slot of one of this family's own names.
    func slot(_ name: String) -> Int { lookup[name]!.own }
}
