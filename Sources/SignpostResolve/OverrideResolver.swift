import SignpostModel

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
                          suggestion: Suggestion.typo(of: school.area.value, in: content.areas.keys.sorted()).map { "did you mean \"\($0)\"?" }
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
        // `also_signposted:`: library agencies by id join the list; names are kept for the level pages.
        var signposted: [String: [String]] = [:]
        for item in school.alsoSignposted {
            switch item.kind {
            case let .agency(id):
                if library.entries[id.value] != nil || school.overrides[id.value] != nil { pick(id.value) }
                else if !content.unreadableAgencies.contains(id.value) {
                    log.error(id.file, line: id.line, column: id.column, "unknown agency \"\(id.value)\"",
                              suggestion: Suggestion.didYouMean(id.value, in: library.order) ?? "agencies are files in Content/agencies/ and Content/areas/\(area.id)/agencies/; an organisation with no file is written `- name:` with its `levels:`")
                }
            case let .name(name, levels):
                if let match = OverrideResolver.libraryAgency(named: name.value, in: library) {
                    log.warning(name.file, line: name.line, column: name.column, "\"\(name.value)\" is the library agency `\(match)`",
                                suggestion: "write `- agency: \(match)` instead of its name, so families get its contacts")
                }
                guard let levels else { continue }
                for level in LevelScale.areaIDs(levels, in: area).value {
                    if area.levels.contains(where: { $0.id == level }) { signposted[level, default: []].append(name.value) }
                    else {
                        let (message, suggestion) = LevelScale.unknownAreaLevel(level, in: area, scale: content.nationalLevels)
                        log.error(levels.file, line: levels.line, column: levels.column, message, suggestion: suggestion)
                    }
                }
            }
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
                if var change = override?.fields, let override {
                    // A change to a national agency may keep the national level ids it was copied with.
                    if content.nationalLevels != nil, content.national[id] != nil, let levels = change.levels {
                        change.levels = LevelScale.areaIDs(levels, in: area)
                    }
                    if base.fields.isRepeated(by: change) {
                        log.warning(override.file, "this file repeats the library's entry for \"\(id)\" without changing anything, so the school would miss later updates to it",
                                    suggestion: "delete it, or keep only the settings and text that are different for your school")
                    }
                    fields = fields.overridden(by: change)
                    sources.append(override.file)
                }
                agencies.append(ResolvedEntry(id: id, kind: .agency, fields: fields, sources: sources))
            } else if let override {
                guard override.fields.name != nil else {
                    log.error(override.file, line: 1, "\"\(id)\" is not an agency in the library, so this file must describe it in full, starting with `name:`",
                              suggestion: Suggestion.didYouMean(id, in: library.order).map { "if you meant to change a library agency, \($0)" })
                    continue
                }
                agencies.append(ResolvedEntry(id: id, kind: .agency, fields: override.fields.standingAlone, sources: [override.file]))
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
                let (message, suggestion) = LevelScale.unknownAreaLevel(level.value, in: area, scale: content.nationalLevels)
                log.error(level.file, line: level.line, column: level.column, message + " in level_names", suggestion: suggestion)
            }
        }
        let levels = area.levels.map { level in
            Level(id: level.id, name: names[level.id] ?? level.name, description: level.description, whatToDo: level.whatToDo, more: level.more)
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
        var resolved = ResolvedSchool(school: school, area: area, levels: levels, services: services, agencies: agencies, topicTexts: texts)
        // Own topics repeating an id above them are reported by the check; the first is kept.
        var topics = content.topics
        for topic in area.topics + school.topics where !topics.contains(where: { $0.id == topic.id }) { topics.append(topic) }
        resolved.topics = topics
        resolved.signpostedNames = signposted
        return resolved
    }

    /// The id of the library agency a name written in `also_signposted:` is, if any: the same
    /// name or id, ignoring case, punctuation and a leading "the".
    static func libraryAgency(named name: String, in library: AgencyLibrary) -> String? {
        func key(_ text: String) -> String {
            var words = text.lowercased().split { !$0.isLetter && !$0.isNumber }
            if words.first == "the" { words.removeFirst() }
            return words.joined()
        }
        let wanted = key(name)
        guard !wanted.isEmpty else { return nil }
        return library.order.first { id in key(id) == wanted || library.entries[id].map { key($0.fields.name?.value ?? "") == wanted } == true }
    }
}
