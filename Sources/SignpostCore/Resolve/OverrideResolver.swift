/// Works out, for each school, which agencies it lists and what each says once the
/// school's own changes are applied. Precedence: national → area → school override.
public struct OverrideResolver: Sendable {
    public let content: Content

    public init(content: Content) { self.content = content }

    public func resolve(log: DiagnosticLog) -> ResolvedSite {
        var libraries: [String: AgencyLibrary] = [:]
        var placed: [Placed] = []
        // A draft with no area yet was reported when it was read.
        for school in content.schools where !school.area.value.isEmpty {
            guard let area = content.areas[school.area.value] else {
                log.error(school.file, line: school.area.line, column: school.area.column,
                          "unknown area \"\(school.area.value)\"",
                          suggestion: Scaffold.typo(of: school.area.value, in: content.areas.keys.sorted()).map { "did you mean \"\($0)\"?" }
                              ?? (content.areas.isEmpty ? "add Content/areas/\(school.area.value)/area.md" : "areas are: \(content.areas.keys.sorted().joined(separator: ", "))"))
                continue
            }
            if libraries[area.id] == nil { libraries[area.id] = AgencyLibrary(national: content.national, area: area, nationalScale: content.nationalLevels != nil, log: log) }
            placed.append(Placed(school: school, area: area, library: libraries[area.id]!))
        }
        // Each school is resolved on its own (the log is shared and thread-safe), on all cores.
        let schools = ParallelMap.map(placed) { resolve($0.school, area: $0.area, library: $0.library, log: log) }
        return ResolvedSite(content: content, schools: schools)
    }

    struct Placed: Sendable { let school: School; let area: Area; let library: AgencyLibrary }

    public func resolve(_ school: School, area: Area, library: AgencyLibrary, log: DiagnosticLog) -> ResolvedSchool {
        var chosen: [String] = []
        var seen = Set<String>()
        func pick(_ id: String) { if seen.insert(id).inserted { chosen.append(id) } }

        switch school.agencies {
        case .all:
            library.order.forEach(pick)
        case let .list(ids):
            var unknown: [Located<String>] = []
            for id in ids {
                if library.entries[id.value] != nil { pick(id.value) }
                else if school.overrides[id.value] != nil { pick(id.value) } // a local-only agency named in the list
                else if content.unreadableAgencies.contains(id.value) { continue } // its own file's error says why
                else { unknown.append(id) }
            }
            // A hint is worked out only for the ids listed, not for each of thousands.
            RepeatedFindings.report(unknown, what: "unknown agencies", log: log, place: { ($0.file, $0.line) }) { id in
                log.error(id.file, line: id.line, column: id.column, "unknown agency \"\(id.value)\"",
                          suggestion: Suggestion.didYouMean(id.value, in: library.order) ?? "agencies are files in Content/agencies/ and Content/areas/\(area.id)/agencies/")
            }
        }
        let notInLibrary = school.exclude.filter { library.entries[$0.value] == nil }
        RepeatedFindings.report(notInLibrary, what: "ids in `exclude` that are not in the library", severity: .warning, log: log,
                                place: { ($0.file, $0.line) }) { id in
            log.warning(id.file, line: id.line, column: id.column, "`exclude` names \"\(id.value)\", which is not in the library",
                        suggestion: Suggestion.didYouMean(id.value, in: library.order))
        }
        let excluded = Set(school.exclude.map(\.value))
        chosen.removeAll { excluded.contains($0) }
        // An override file lists its agency even when the list forgot it.
        for id in school.overrides.keys.sorted() where !excluded.contains(id) { pick(id) }
        for id in school.overrides.keys.sorted() where excluded.contains(id) {
            log.warning(school.overrides[id]!.file, "this school changes \"\(id)\" but also excludes it in school.md, so the change is not published")
        }

        var agencies: [ResolvedEntry] = []
        for id in chosen {
            let override = school.overrides[id]
            if let base = library.entries[id] {
                var fields = base.fields
                var sources = base.sources
                if let override {
                    if base.fields.isRepeated(by: override.fields) {
                        log.error(override.file, "this file repeats the library's entry for \"\(id)\" without changing anything, so the school would miss later updates to it",
                                  suggestion: "delete it, or keep only the settings and text that are different for your school")
                    }
                    fields = fields.overridden(by: override.fields)
                    sources.append(override.file)
                }
                agencies.append(ResolvedEntry(id: id, kind: .agency, fields: fields, sources: sources))
            } else if let override {
                guard override.fields.name != nil else {
                    log.error(override.file, line: 1, "\"\(id)\" is not an agency in the library, so this file must describe it in full, starting with `name:`",
                              suggestion: Suggestion.didYouMean(id, in: library.order).map { "if you meant to change a library agency, \($0)" })
                    continue
                }
                agencies.append(ResolvedEntry(id: id, kind: .agency, fields: override.fields, sources: [override.file]))
            }
        }
        agencies = NaturalOrder.sorted(agencies) { $0.name + "\u{1}" + $0.id }

        let services = NaturalOrder.sorted(school.services.values.map {
            ResolvedEntry(id: $0.id, kind: .service, fields: $0.fields, sources: [$0.file])
        }) { $0.name + "\u{1}" + $0.id }
        for service in services where library.entries[service.id] != nil || school.overrides[service.id] != nil {
            log.error(service.fields.name?.file ?? school.file, "the service \"\(service.id)\" has the same id as an agency, so their pages would clash", suggestion: "rename the service file")
        }

        var names: [String: String] = [:]
        for (level, name) in school.levelNameList {
            if area.levels.contains(where: { $0.id == level.value }) { names[level.value] = name }
            else {
                log.error(level.file, line: level.line, column: level.column, "unknown level of need \"\(level.value)\" in level_names",
                          suggestion: Suggestion.didYouMean(level.value, in: area.levels.map(\.id)) ?? "\(area.name)'s levels are: \(area.levels.map(\.id).joined(separator: ", "))")
            }
        }
        let levels = area.levels.map { level in
            Level(id: level.id, name: names[level.id] ?? level.name, description: level.description)
        }
        var texts: [String: ResolvedTopicText] = [:]
        let topicIDs = Set(content.nationalTopicTexts.keys).union(area.topicTexts.keys).union(school.topicTexts.keys)
        for id in topicIDs.sorted() {
            var text: ResolvedTopicText?
            for layer in [content.nationalTopicTexts[id], area.topicTexts[id], school.topicTexts[id]] {
                if let layer { text = layer.layered(over: text) }
            }
            texts[id] = text
        }
        return ResolvedSchool(school: school, area: area, levels: levels, services: services, agencies: agencies, topicTexts: texts)
    }
}
