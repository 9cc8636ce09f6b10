import SignpostModel

/// The national scale of levels (`Content/levels.yml`) against the files that use it: national
/// agencies name its levels, and every area places each of them among its own levels, so that
/// a national agency is valid in every area with no edit to its file.
package struct LevelScale {
    let content: Content

    package func validate(log: DiagnosticLog) {
        guard let scale = content.nationalLevels else {
            for area in content.areas.values.sorted(by: { $0.id < $1.id }) {
                for level in area.levels where !level.national.isEmpty {
                    log.error(area.file, line: level.line, "the level \"\(level.id)\" names national levels, but there is no national scale",
                              suggestion: "add Content/levels.yml (see the README), or remove `national:`")
                }
            }
            return
        }
        // An empty scale is a levels.yml that could not be read: its own error says why.
        guard !scale.isEmpty else { return }
        let ids = scale.map(\.id)
        for entry in content.national.values.sorted(by: { $0.id < $1.id }) {
            guard let levels = entry.fields.levels else { continue }
            for id in levels.value where !ids.contains(id) {
                let owner = content.areas.values.sorted(by: { $0.id < $1.id }).first { $0.levels.contains { $0.id == id } }
                log.error(levels.file, line: levels.line, column: levels.column, "unknown national level \"\(id)\"",
                          suggestion: Suggestion.didYouMean(id, in: ids)
                              ?? (owner.map { LevelScale.areaLevelWords(id, of: $0) + " A national agency" } ?? "a national agency")
                              + " names levels of the national scale (Content/levels.yml): \(ids.joined(separator: ", "))")
            }
        }
        for area in content.areas.values.sorted(by: { $0.id < $1.id }) {
            for level in area.levels {
                for id in level.national where !ids.contains(id) {
                    log.error(area.file, line: level.line, "unknown national level \"\(id)\" for \(area.name)'s level \"\(level.id)\"",
                              suggestion: Suggestion.didYouMean(id, in: ids) ?? "the national levels (Content/levels.yml) are: \(ids.joined(separator: ", "))")
                }
            }
            guard !area.levels.isEmpty else { continue }
            for national in scale where !area.levels.contains(where: { $0.national.contains(national.id) }) {
                log.error(area.file, line: area.levelsLine,
                          "the national level `\(national.id)` has no place among \(area.name)'s levels",
                          suggestion: "add `national: \(national.id)` to one of them")
            }
        }
    }

    package init(content: Content) {
        self.content = content
    }
}

/// The two scales side by side, for reading a level id and for saying which scale a name
/// belongs to ("`everyone` is a national level; in Worcestershire it is `universal`").
extension LevelScale {
    /// The ids as the area's: an id of the area stays; a national level becomes the area's
    /// level(s) that cover it; anything else stays, for the check to report.
    static func areaIDs(_ ids: Located<[String]>, in area: Area) -> Located<[String]> {
        let own = Set(area.levels.map(\.id))
        let placement = AgencyLibrary.placement(area)
        return ids.map { ids in
            var result: [String] = []
            for id in ids {
                let placed = own.contains(id) ? [id] : (placement[id] ?? [id])
                for level in placed where !result.contains(level) { result.append(level) }
            }
            return result
        }
    }

    /// "`acute` is a level of Severnshire only; it covers the national level `protection`."
    static func areaLevelWords(_ id: String, of area: Area) -> String {
        let covers = area.levels.first { $0.id == id }?.national ?? []
        return "`\(id)` is a level of \(area.name) only" + (covers.isEmpty ? "." : "; it covers the national level"
            + (covers.count == 1 ? " " : "s ") + WordList.joined(covers.map { "`\($0)`" }, last: "and") + ".")
    }

    /// "`everyone` is a national level; in Worcestershire it is `universal`", or nil when `id` is
    /// no national level.
    static func nationalLevelWords(_ id: String, in area: Area, scale: [NationalLevel]?) -> (words: String, areaIDs: [String])? {
        guard scale?.contains(where: { $0.id == id }) == true else { return nil }
        let placed = AgencyLibrary.placement(area)[id] ?? []
        guard !placed.isEmpty else { return ("`\(id)` is a national level, with no place among \(area.name)'s levels yet", []) }
        return ("`\(id)` is a national level; in \(area.name) it is " + WordList.joined(placed.map { "`\($0)`" }, last: "or"), placed)
    }

    /// An unknown level of need in a file that names the area's levels: the message and its fix.
    package static func unknownAreaLevel(_ id: String, in area: Area, scale: [NationalLevel]?) -> (message: String, suggestion: String) {
        let ids = area.levels.map(\.id)
        let list = "\(area.name)'s levels are: \(ids.joined(separator: ", "))"
        if let national = nationalLevelWords(id, in: area, scale: scale) {
            let fix = national.areaIDs.isEmpty ? "add `national: \(id)` to one of \(area.name)'s levels in its area.md"
                : "write " + WordList.joined(national.areaIDs.map { "`\($0)`" }, last: "or") + "; this file names \(area.name)'s own levels (\(ids.joined(separator: ", ")))"
            return ("unknown level of need \"\(id)\": \(national.words)", fix)
        }
        return ("unknown level of need \"\(id)\"", Suggestion.didYouMean(id, in: ids) ?? list)
    }
}
