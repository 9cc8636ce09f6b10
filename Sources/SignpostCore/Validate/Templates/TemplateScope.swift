/// The names a template can look up at one place in it, each with the families of the values
/// nested under it (`school` → `SchoolKey`; none for a text, a flag or a number). swift-mustache
/// looks a name up in the innermost section's value first, then in the values around it, so
/// inside `{{#phones}}` a template sees a phone's names and everything it saw outside.
struct TemplateScope: Sendable, Equatable {
    /// A family of keys, compared by identity (each family's `table` is made once).
    struct Family: Hashable, Sendable {
        let table: KeyTable
        static func == (a: Family, b: Family) -> Bool { a.table === b.table }
        func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(table)) }
    }

    private(set) var names: [String: Set<Family>] = [:]

    init() {}

    /// What values of these families show: each family's names and those it inherits.
    init(_ tables: [KeyTable]) {
        for table in tables {
            var family: KeyTable? = table
            while let current = family {
                for name in current.names {
                    names[name, default: []].formUnion(current.nested[name].map { [Family(table: $0)] } ?? [])
                }
                family = current.inherits
            }
        }
    }

    /// The families of the values `name` holds, or nil when nothing here is called `name`.
    func families(of name: String) -> [KeyTable]? {
        names[name].map { $0.map(\.table) }
    }

    /// Inside a section over values of these families.
    func entering(_ tables: [KeyTable]) -> TemplateScope {
        tables.isEmpty ? self : merging(TemplateScope(tables))
    }

    func merging(_ other: TemplateScope) -> TemplateScope {
        var result = self
        for (name, families) in other.names { result.names[name, default: []].formUnion(families) }
        return result
    }

    /// What both see: a name each has, with the families either gives it.
    func intersection(_ other: TemplateScope) -> TemplateScope {
        var result = TemplateScope()
        for (name, families) in names { if let more = other.names[name] { result.names[name] = families.union(more) } }
        return result
    }

    /// Where each template can be checked from: the families of the templates the site renders
    /// (`TemplateSchema.families`), the layout seeing what every page gives it, and each partial
    /// what the templates including it see where they include it. Templates nothing renders
    /// are left out.
    static func of(_ templates: [String: CheckedTemplate]) -> [String: TemplateScope] {
        var scopes: [String: TemplateScope] = [:]
        for (name, tables) in TemplateSchema.families where templates[name] != nil { scopes[name] = TemplateScope(tables) }
        if templates["layout"] != nil {
            let pages = TemplateSchema.pages.compactMap { TemplateSchema.families[$0].map(TemplateScope.init) }
            scopes["layout"] = pages.dropFirst().reduce(pages.first ?? TemplateScope()) { $0.intersection($1) }
        }
        // Includes can go through several templates: repeat until no partial sees more (scopes only grow).
        let order = templates.values.sorted { $0.name < $1.name }
        var changed = true
        while changed {
            changed = false
            for template in order {
                guard let scope = scopes[template.name] else { continue }
                walk(template, from: scope) { index, here in
                    let tag = template.tags[index]
                    guard tag.includes, templates[tag.name] != nil, TemplateSchema.families[tag.name] == nil, tag.name != "layout" else { return }
                    let before = scopes[tag.name]
                    let after = before?.merging(here) ?? here
                    if after != before { scopes[tag.name] = after; changed = true }
                }
            }
        }
        return scopes
    }

    /// Visits each tag with what it can see there.
    static func walk(_ template: CheckedTemplate, from scope: TemplateScope, visit: (Int, TemplateScope) -> Void) {
        var stack = [scope]
        for (index, tag) in template.tags.enumerated() {
            let here = stack[stack.count - 1]
            visit(index, here)
            if tag.kind == .close {
                if stack.count > 1 { stack.removeLast() }
            } else if tag.kind == .section {
                stack.append(here.entering(here.inside(Name(tag.name))))
            } else if tag.opens {
                // Inverted sections show only when the value is missing; blocks and parents change nothing.
                stack.append(here)
            }
        }
    }

    /// A looked-up name as swift-mustache reads it (`first()`, `uppercased(name)`, `school.school_name`):
    /// the transforms, outermost first, and the parts of the name.
    struct Name {
        var transforms: [String] = []
        var parts: [String]

        init(_ written: String) {
            var rest = Substring(written)
            while let open = rest.firstIndex(of: "(") {
                transforms.append(String(rest[..<open]))
                rest = rest[rest.index(after: open)...]
            }
            // `.` is the value itself; a name after a `.` is looked up in the innermost value only
            // (checked against everything in sight, which includes it).
            parts = rest.prefix { $0 != ")" }.split(separator: ".").map(String.init)
        }
    }

    /// Transforms that give a list's items or one of them: a section over them sees the items' names.
    static let keepingItems: Set<String> = ["first", "last", "reversed", "sorted"]

    enum Lookup {
        /// The families of the values the name holds: none for a text, or where the schema cannot say.
        case found([KeyTable])
        /// The part at `position` is not there: `within` is what it was looked for in.
        case missing(position: Int, within: TemplateScope)
    }

    /// The first part in everything in sight, each next one in the values the part before holds
    /// (as swift-mustache looks a dotted name up).
    func lookUp(_ parts: [String]) -> Lookup {
        var within = self
        var families: [KeyTable] = []
        for (position, part) in parts.enumerated() {
            // Past a text or a value the schema does not know, it cannot say.
            if position > 0 { guard !families.isEmpty else { return .found([]) }; within = TemplateScope(families) }
            guard let next = within.families(of: part) else { return .missing(position: position, within: within) }
            families = next
        }
        return .found(families)
    }

    /// The families a section over `name` goes through: what its inside sees besides.
    func inside(_ name: Name) -> [KeyTable] {
        guard !name.parts.isEmpty, name.transforms.allSatisfy(TemplateScope.keepingItems.contains),
              case let .found(families) = lookUp(name.parts) else { return [] }
        return families
    }
}
