import SignpostModel

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

    /// `nationalScale`: whether national agencies name levels of the national scale
    /// (`Content/levels.yml`), to be placed at the area's levels that cover them; without it they
    /// name the area's own ids.
    public init(national: [String: EntryFile], area: Area?, nationalScale: Bool = false, log: DiagnosticLog? = nil) {
        var entries: [String: Layered] = [:]
        var order: [String] = []
        let placement = nationalScale ? area.map(AgencyLibrary.placement) : nil
        for id in national.keys.sorted() {
            var fields = national[id]!.fields
            if let placement, let levels = fields.levels {
                fields.levels = levels.map { AgencyLibrary.place($0, with: placement) }
            }
            entries[id] = Layered(fields: fields, sources: [national[id]!.file])
            order.append(id)
        }
        for (id, file) in (area?.agencies ?? [:]).sorted(by: { $0.key < $1.key }) {
            if let base = entries[id] {
                var change = file.fields
                // A county's change to a national agency may keep the national level ids it was copied with.
                if nationalScale, let area, let levels = change.levels { change.levels = LevelScale.areaIDs(levels, in: area) }
                entries[id] = Layered(fields: base.fields.overridden(by: change), sources: base.sources + [file.file])
            } else if file.fields.name == nil {
                log?.error(file.file, "\"\(id)\" is not a national agency, so this file must describe it in full, starting with `name:`",
                           suggestion: Suggestion.didYouMean(id, in: national.keys).map { "if you meant to change a national agency, \($0)" })
            } else {
                entries[id] = Layered(fields: file.fields.standingAlone, sources: [file.file])
                order.append(id)
            }
        }
        self.entries = entries
        self.order = order
    }

    /// For each national level, the area's levels that cover it, in the area's order.
    static func placement(_ area: Area) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for level in area.levels {
            for national in level.national where !(result[national]?.contains(level.id) ?? false) {
                result[national, default: []].append(level.id)
            }
        }
        return result
    }

    /// National level ids as the area's level ids. A national level the area does not cover is
    /// dropped here; the check of the area's levels names it.
    static func place(_ nationalIDs: [String], with placement: [String: [String]]) -> [String] {
        var result: [String] = []
        for id in nationalIDs {
            for level in placement[id] ?? [] where !result.contains(level) { result.append(level) }
        }
        return result
    }
}
