/// An agency or service as one school publishes it: library layers and override applied.
public struct ResolvedEntry: Sendable {
    public enum Kind: String, Sendable { case agency, service }
    public var id: String
    public var kind: Kind
    public var fields: EntryFields
    /// Files that contributed, lowest precedence first (for `explain` and incremental rebuilds).
    public var sources: [String]

    public var name: String { fields.name?.value ?? id }
    public var levels: [String] { fields.levels?.value ?? [] }
    public var topics: [String] { fields.topics?.value ?? [] }
}

public struct ResolvedSchool: Sendable {
    public var school: School
    public var area: Area
    /// The area's levels, carrying the school's own names where it gives them.
    public var levels: [Level]
    public var services: [ResolvedEntry]
    public var agencies: [ResolvedEntry]
    /// Words on each topic: national → area → the school's own, layered.
    public var topicTexts: [String: ResolvedTopicText] = [:]

    public var entries: [ResolvedEntry] { services + agencies }
}

public struct ResolvedSite: Sendable {
    public var content: Content
    public var schools: [ResolvedSchool]
}
