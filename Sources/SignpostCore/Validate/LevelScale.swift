/// The national scale of levels (`Content/levels.yml`) against the files that use it: national
/// agencies name its levels, and every area places each of them among its own levels, so that
/// a national agency is valid in every area with no edit to its file.
struct LevelScale {
    let content: Content

    func validate(log: DiagnosticLog) {
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
                              ?? (owner.map { "\"\(id)\" is a level of \($0.name) only; " } ?? "")
                              + "a national agency names levels of the national scale (Content/levels.yml): \(ids.joined(separator: ", "))")
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
}
