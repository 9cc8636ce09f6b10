import SignpostModel

/// An agency or service as one school publishes it: library layers and override applied.
/// A class: schools list dozens of entries, and pages filter and pass them around, so a copy
/// must be a reference rather than every field (a county held hundreds of MB of copies).
public final class ResolvedEntry: Sendable {
    public enum Kind: String, Sendable { case agency, service }
    public let id: String
    public let kind: Kind
    public let fields: EntryFields
    /// Files that contributed, lowest precedence first (for `explain` and incremental rebuilds).
    public let sources: [String]
    /// The entry's kind, id and files in one string: what it shows depends on these alone, so
    /// pieces made from it are shared under this key (worked out once, not on every page).
    package let filesKey: String

    public init(id: String, kind: Kind, fields: EntryFields, sources: [String]) {
        self.id = id
        self.kind = kind
        self.fields = fields
        self.sources = sources
        filesKey = kind.rawValue + ":" + id + "|" + sources.joined(separator: "|")
    }

    public var name: String { fields.name?.value ?? id }
    public var levels: [String] { fields.levels?.value ?? [] }
    public var topics: [String] { fields.topics?.value ?? [] }
}

public struct ResolvedSchool: Sendable {
    public var school: School
    public var area: Area
    /// The area's levels, carrying the school's own names where it gives them.
    public var levels: [Level]
    public private(set) var services: [ResolvedEntry]
    public private(set) var agencies: [ResolvedEntry]
    /// Words on each topic: national → area → the school's own, layered.
    public var topicTexts: [String: ResolvedTopicText] = [:]
    /// The topics its pages may show: the shared list, then its county's own, then its own.
    public var topics: [Topic] = []
    /// `also_signposted:` names without contacts, by the id of each level they are named at.
    public var signpostedNames: [String: [String]] = [:]
    /// Services, then agencies (kept, not joined on every use).
    public private(set) var entries: [ResolvedEntry]

    public init(school: School, area: Area, levels: [Level], services: [ResolvedEntry], agencies: [ResolvedEntry],
                topicTexts: [String: ResolvedTopicText] = [:]) {
        self.school = school
        self.area = area
        self.levels = levels
        self.services = services
        self.agencies = agencies
        self.topicTexts = topicTexts
        self.entries = services + agencies
    }
}

public struct ResolvedSite: Sendable {
    public var content: Content
    public var schools: [ResolvedSchool]

    package init(content: Content, schools: [ResolvedSchool]) {
        self.content = content
        self.schools = schools
    }
}
