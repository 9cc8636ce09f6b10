/// The shared agencies a school in one area can pick from: national entries, with the
/// area's entries layered over them field by field (an area file with a national id
/// changes that agency for the whole area).
public struct AgencyLibrary: Sendable {
    public struct Layered: Sendable {
        public var fields: EntryFields
        public var sources: [String]
    }

    public let entries: [String: Layered]
    /// Ids in a stable order: national first, then the area's own.
    public let order: [String]

    public init(national: [String: EntryFile], area: Area?, log: DiagnosticLog? = nil) {
        var entries: [String: Layered] = [:]
        var order: [String] = []
        for id in national.keys.sorted() {
            entries[id] = Layered(fields: national[id]!.fields, sources: [national[id]!.file])
            order.append(id)
        }
        for (id, file) in (area?.agencies ?? [:]).sorted(by: { $0.key < $1.key }) {
            if let base = entries[id] {
                entries[id] = Layered(fields: base.fields.overridden(by: file.fields), sources: base.sources + [file.file])
            } else if file.fields.name == nil {
                log?.error(file.file, "\"\(id)\" is not a national agency, so this file must describe it in full, starting with `name:`",
                           suggestion: Suggestion.didYouMean(id, in: national.keys).map { "if you meant to change a national agency, \($0)" })
            } else {
                entries[id] = Layered(fields: file.fields, sources: [file.file])
                order.append(id)
            }
        }
        self.entries = entries
        self.order = order
    }
}
