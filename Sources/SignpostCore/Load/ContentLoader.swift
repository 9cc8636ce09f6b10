import Foundation

/// Reads `Content/` into a `Content` value. It never stops at the first problem:
/// every file is read and every finding logged, so one run reports everything.
public struct ContentLoader: Sendable {
    public let root: URL
    /// How paths are shown in messages (the `--content` argument as typed, e.g. `Content`).
    public let displayRoot: String

    /// Parsed files from an earlier run, reused while a file's size and modification time
    /// are unchanged (incremental rebuilds re-read only what was saved).
    public let cache: SourceCache?
    /// Every file and folder is read through here: no links, no pipes, nothing too large.
    public let gate: FileGate

    public init(root: URL, displayRoot: String? = nil, cache: SourceCache? = nil) {
        self.root = root.standardizedFileURL
        self.displayRoot = displayRoot ?? root.lastPathComponent
        self.cache = cache
        gate = FileGate(root: root, displayRoot: self.displayRoot)
    }

    static let entryKeys = ["name", "summary", "phones", "emails", "websites", "address", "referral",
                            "ages", "cost", "levels", "topics", "reviewed"]
    static let referralKinds = ["self", "school", "gp", "professional"]

    public func load(log: DiagnosticLog) -> Content {
        guard case .success = gate.list("") else {
            log.error(displayRoot, "the content folder \(displayRoot) does not exist", suggestion: "run Signpost from the project folder, or give --content")
            return Content(site: SiteConfig(), topics: [], national: [:], areas: [:], schools: [])
        }
        // Read, parse and convert every file in parallel (libyaml parsers are independent, and
        // each file becomes its own model value), then put the pieces together in order.
        let clock = PhaseClock()
        let jobs = plan(log: log)
        clock.lap("  list files")
        let cache = self.cache
        let gate = self.gate
        let results = ParallelMap.map(jobs) { job -> Converted? in
            // A school's part reports its problems only if the school itself could be read.
            let make = { (file: SourceFile) -> Converted in
                let own = DiagnosticLog()
                return Converted(item: convert(job, file, log: own), diagnostics: own.all)
            }
            // A school's file is converted every time: its model also holds the school's
            // templates/ folder, which the cache's check of school.md cannot see change.
            if let cache, !job.isSchool { return cache.converted(job.relative, from: gate, kind: job.fileKind, log: log, convert: make) }
            if let cache { return cache.read(job.relative, from: gate, kind: job.fileKind, log: log).map(make) }
            return SourceFile.read(job.relative, from: gate, kind: job.fileKind, log: log).map(make)
        }
        clock.lap("  read+parse+convert")
        defer { clock.lap("  assemble") }
        return assemble(jobs: jobs, converted: results, log: log)
    }

    /// One file as a model value, with what it reported.
    struct Converted: @unchecked Sendable {
        enum Item {
            case site(SiteConfig), topics([Topic]), entry(EntryFile), topicText(TopicText), area(Area), school(School), page(ExtraPage)
        }
        var item: Item?
        var diagnostics: [Diagnostic]
    }

    func convert(_ job: Job, _ file: SourceFile, log: DiagnosticLog) -> Converted.Item? {
        switch job.kind {
        case .site: return .site(readSite(file, log: log))
        case .topics: return .topics(readTopics(file, log: log))
        case .national: return readEntry(file, id: job.id, origin: .national, log: log).map(Converted.Item.entry)
        case .areaAgency: return readEntry(file, id: job.id, origin: .area, log: log).map(Converted.Item.entry)
        case .override: return readEntry(file, id: job.id, origin: .schoolOverride, log: log).map(Converted.Item.entry)
        case .service: return readEntry(file, id: job.id, origin: .service, log: log).map(Converted.Item.entry)
        case .nationalTopic, .areaTopic, .topicText: return readTopicText(file, id: job.id, log: log).map(Converted.Item.topicText)
        case .area: return readArea(file, id: job.id, log: log).map(Converted.Item.area)
        case .school: return readSchool(file, id: job.id, log: log).map(Converted.Item.school)
        case .page: return readPage(file, id: job.id, log: log).map(Converted.Item.page)
        }
    }

    struct Job: Sendable {
        enum Kind: Sendable { case site, topics, national, nationalTopic, area, areaAgency(String), areaTopic(String), school, override(String), service(String), page(String), topicText(String) }
        var kind: Kind
        /// The file's path inside Content/.
        var relative: String
        var id: String

        var isSchool: Bool { if case .school = kind { return true } else { return false } }
        var fileKind: FileGate.Kind {
            switch kind {
            case .site, .topics: return .settings
            default: return .markdown
            }
        }

        /// The school a service, page, override or topic text belongs to.
        var partOf: String? {
            switch kind {
            case let .override(school), let .service(school), let .page(school), let .topicText(school): return school
            default: return nil
            }
        }
    }

    // MARK: Turning files into the model

    func assemble(jobs: [Job], converted: [Converted?], log: DiagnosticLog) -> Content {
        var site = SiteConfig()
        site.file = display("site.yml")
        var topics: [Topic] = []
        var national: [String: EntryFile] = [:]
        var areas: [String: Area] = [:]
        var areaAgencies: [(String, EntryFile)] = []
        var areaTopics: [(String, TopicText)] = []
        var nationalTopics: [String: TopicText] = [:]
        var schools: [String: School] = [:]
        var schoolParts: [(String, Job, Converted)] = []
        var unreadable = Set<String>()

        for (job, result) in zip(jobs, converted) {
            guard let result else {
                switch job.kind {
                case .national, .areaAgency, .override: unreadable.insert(job.id)
                default: break
                }
                continue
            }
            if let school = job.partOf { schoolParts.append((school, job, result)); continue }
            result.diagnostics.forEach(log.add)
            switch (job.kind, result.item) {
            case let (.site, .site(value)?): site = value
            case let (.topics, .topics(value)?): topics = value
            case let (.national, .entry(entry)?): national[job.id] = entry
            case let (.nationalTopic, .topicText(text)?): nationalTopics[job.id] = text
            case let (.areaTopic(area), .topicText(text)?): areaTopics.append((area, text))
            case let (.area, .area(area)?): areas[job.id] = area
            case let (.areaAgency(area), .entry(entry)?): areaAgencies.append((area, entry))
            case let (.school, .school(school)?): schools[job.id] = school
            default: break
            }
        }
        for (area, entry) in areaAgencies { areas[area]?.agencies[entry.id] = entry }
        for (area, text) in areaTopics { areas[area]?.topicTexts[text.topic] = text }
        for (schoolID, job, result) in schoolParts {
            guard schools[schoolID] != nil else { continue }
            result.diagnostics.forEach(log.add)
            switch (job.kind, result.item) {
            case let (.override, .entry(entry)?): schools[schoolID]!.overrides[job.id] = entry
            case let (.service, .entry(entry)?): schools[schoolID]!.services[job.id] = entry
            case let (.page, .page(page)?): schools[schoolID]!.pages.append(page)
            case let (.topicText, .topicText(text)?): schools[schoolID]!.topicTexts[job.id] = text
            default: break
            }
        }
        let orderedSchools = NaturalOrder.sorted(Array(schools.values)) { $0.name + "\u{1}" + $0.id }
        return Content(site: site, topics: topics, national: national, nationalTopicTexts: nationalTopics, areas: areas,
                       schools: orderedSchools, unreadableAgencies: unreadable)
    }

    func readSite(_ file: SourceFile, log: DiagnosticLog) -> SiteConfig {
        // site.yml is plain YAML with no --- block.
        let node = file.hasFrontMatter ? file.frontMatter : SourceFile.parseYAML(file.body, lineOffset: 0, displayPath: file.path, log: log)
        var site = SiteConfig()
        site.file = file.path
        guard let reader = FieldReader(node, file: file.path, known: ["title", "base_url", "language"], what: "the site", log: log) else { return site }
        if let title = reader.string("title") { site.title = title.value }
        if let base = reader.website("base_url") { site.baseURL = base.hasSuffix("/") ? base : base + "/" }
        if let language = reader.string("language") { site.language = language.value }
        return site
    }

    func readTopics(_ file: SourceFile, log: DiagnosticLog) -> [Topic] {
        let node = file.hasFrontMatter ? file.frontMatter : SourceFile.parseYAML(file.body, lineOffset: 0, displayPath: file.path, log: log)
        guard let node else { return [] }
        guard let items = node.items else {
            log.error(file.path, line: node.line, "topics.yml should be a list, each item starting with `- id:`")
            return []
        }
        var topics: [Topic] = []
        var seen = Set<String>()
        for item in items {
            guard let reader = FieldReader(item, file: file.path, known: ["id", "name", "description", "sensitive"], what: "a topic", log: log),
                  let id = reader.string("id", required: true, in: item, context: "each topic"),
                  let name = reader.string("name", required: true, in: item, context: "each topic") else { continue }
            guard Slug.isValid(id.value) else {
                log.error(file.path, line: id.line, column: id.column, "the topic id \"\(id.value)\" cannot be used in a web address", suggestion: "use \"\(Slug.make(id.value))\"")
                continue
            }
            guard seen.insert(id.value).inserted else {
                log.error(file.path, line: id.line, column: id.column, "the topic \"\(id.value)\" is listed twice")
                continue
            }
            topics.append(Topic(id: id.value, name: name.value, description: reader.string("description", in: item)?.value,
                                sensitive: reader.bool("sensitive", in: item) ?? false, line: item.line))
        }
        return topics
    }

    func requireFrontMatter(_ file: SourceFile, what: String, log: DiagnosticLog) -> Bool {
        if !file.hasFrontMatter {
            log.error(file.path, line: 1, "\(what) must start with a settings block: a line with just ---, the settings, then another ---", suggestion: "see the README's content guide, or run `signpost new`")
            return false
        }
        return true
    }

    func readEntry(_ file: SourceFile, id: String, origin: EntryFile.Origin, log: DiagnosticLog) -> EntryFile? {
        let what: String
        var known = ContentLoader.entryKeys
        switch origin {
        case .national, .area: what = "an agency"; known.append("body")
        case .schoolOverride: what = "an agency (or a school's change to one)"; known.append("body")
        case .service: what = "a school service"; known.append("people")
        }
        guard requireFrontMatter(file, what: "This file", log: log),
              let reader = FieldReader(file.frontMatter, file: file.path, known: known, what: what, log: log) else { return nil }
        var fields = EntryFields()
        fields.name = reader.string("name")
        fields.summary = reader.string("summary")
        fields.phones = reader.phones()
        fields.emails = reader.emails()
        fields.websites = reader.websites()
        fields.address = reader.string("address")
        fields.referral = reader.strings("referral")
        if let referral = fields.referral {
            for kind in referral.value where !ContentLoader.referralKinds.contains(kind) {
                log.error(file.path, line: referral.line, column: referral.column, "unknown referral route \"\(kind)\"",
                          suggestion: Suggestion.didYouMean(kind, in: ContentLoader.referralKinds) ?? "use any of: \(ContentLoader.referralKinds.joined(separator: ", "))")
            }
            fields.referral = referral.map { $0.filter(ContentLoader.referralKinds.contains) }
        }
        fields.ages = reader.string("ages")
        fields.cost = reader.string("cost")
        fields.levels = reader.strings("levels")
        fields.topics = reader.strings("topics")
        fields.reviewed = reader.day("reviewed")
        fields.people = reader.strings("people")
        if let mode = reader.string("body") {
            if let parsed = EntryFields.BodyMode(rawValue: mode.value) { fields.bodyMode = parsed }
            else {
                log.error(file.path, line: mode.line, column: mode.column, "`body:` should be replace, append or prepend, not \"\(mode.value)\"")
            }
        }
        if !file.body.isBlank {
            fields.body = Located(file.body, file: file.path, line: file.bodyLine)
            fields.bodyParts = [fields.body!]
        }
        // Overrides (a school's, or an area's change to a national agency) may give only what differs;
        // AgencyLibrary reports an area file that changes nothing and has no name.
        if origin != .schoolOverride && origin != .area && fields.name == nil {
            log.error(file.path, line: reader.node.line, "\(what) needs a `name:`")
            return nil
        }
        return EntryFile(id: id, origin: origin, file: file.path, fields: fields)
    }

    func readArea(_ file: SourceFile, id: String, log: DiagnosticLog) -> Area? {
        guard requireFrontMatter(file, what: "area.md", log: log),
              let reader = FieldReader(file.frontMatter, file: file.path, known: ["name", "get_help_now", "safeguarding_partnership", "levels"], what: "an area", log: log),
              let name = reader.string("name", required: true) else { return nil }
        var lines: [HelpLine] = []
        for item in reader.nodes("get_help_now") ?? [] {
            reader.checkKeys(item, known: ["label", "phone", "hours", "note", "website", "email"], what: "a get_help_now line")
            guard let label = reader.string("label", required: true, in: item, context: "each get_help_now line") else { continue }
            lines.append(HelpLine(label: label.value, phone: reader.phone("phone", in: item), hours: reader.string("hours", in: item)?.value,
                                  note: reader.string("note", in: item)?.value, website: reader.website("website", in: item),
                                  email: reader.email("email", in: item)))
        }
        var partnershipName: String?, partnershipWebsite: String?
        if let partnership = reader.node["safeguarding_partnership"], partnership.entries != nil {
            reader.checkKeys(partnership, known: ["name", "website"], what: "safeguarding_partnership")
            partnershipName = reader.string("name", in: partnership)?.value
            partnershipWebsite = reader.website("website", in: partnership)
        }
        var levels: [Level] = []
        for item in reader.nodes("levels") ?? [] {
            reader.checkKeys(item, known: ["id", "name", "description"], what: "a level of need")
            guard let levelID = reader.string("id", required: true, in: item, context: "each level"),
                  let levelName = reader.string("name", required: true, in: item, context: "each level") else { continue }
            guard Slug.isValid(levelID.value) else {
                log.error(file.path, line: levelID.line, column: levelID.column, "the level id \"\(levelID.value)\" cannot be used in a web address", suggestion: "use \"\(Slug.make(levelID.value))\"")
                continue
            }
            levels.append(Level(id: levelID.value, name: levelName.value, description: reader.string("description", in: item)?.value))
        }
        if levels.isEmpty {
            log.error(file.path, line: reader.node.line, "the area needs its `levels:` of need (for example universal, additional, targeted, specialist)")
        }
        return Area(id: id, file: file.path, name: name.value, getHelpNow: lines, partnershipName: partnershipName,
                    partnershipWebsite: partnershipWebsite, levels: levels, body: file.body)
    }

    static let schoolKeys = ["name", "phase", "area", "address", "phone", "email", "website", "safeguarding_phone", "logo",
                             "logo_alt", "colour", "people", "level_names", "agencies", "exclude", "reviewed", "reviewed_by", "next_review"]
    public static let roles = ["headteacher", "deputy-headteacher", "assistant-headteacher", "dsl", "deputy-dsl",
                               "safeguarding-governor", "chair-of-governors", "mental-health-lead", "senco",
                               "attendance-lead", "pastoral-lead", "looked-after-children-lead", "early-help-lead", "staff"]

    func readSchool(_ file: SourceFile, id: String, log: DiagnosticLog) -> School? {
        guard requireFrontMatter(file, what: "school.md", log: log),
              let reader = FieldReader(file.frontMatter, file: file.path, known: ContentLoader.schoolKeys, what: "a school", log: log) else { return nil }
        let name = reader.string("name", required: true)
        let area = reader.string("area", required: true)
        var people: [Person] = []
        for item in reader.nodes("people") ?? [] {
            reader.checkKeys(item, known: ["name", "roles", "title", "email", "phone"], what: "a person")
            // A person whose name is still blank keeps their roles, so the only message is "fill in the name".
            let personName = reader.string("name", required: true, in: item, context: "each person")
                ?? Located("(name not filled in)", file: file.path, line: item.line, column: item.column)
            let roles = reader.strings("roles", in: item)
            for role in roles?.value ?? [] where !ContentLoader.roles.contains(role) {
                log.error(file.path, line: roles!.line, column: roles!.column, "unknown role \"\(role)\" for \(personName.value)",
                          suggestion: Suggestion.didYouMean(role, in: ContentLoader.roles) ?? "roles are: \(ContentLoader.roles.joined(separator: ", "))")
            }
            people.append(Person(name: personName.value, roles: (roles?.value ?? []).filter(ContentLoader.roles.contains),
                                 title: reader.string("title", in: item)?.value, email: reader.email("email", in: item),
                                 phone: reader.phone("phone", in: item), line: item.line))
        }
        var levelNames: [(Located<String>, String)] = []
        if let names = reader.node["level_names"] {
            if let entries = names.entries {
                for entry in entries {
                    if let text = entry.value.scalar {
                        levelNames.append((Located(entry.key, file: file.path, line: entry.keyLine, column: entry.keyColumn), text))
                    }
                }
            } else if !names.isNull {
                log.error(file.path, line: names.line, "`level_names` should be lines of `level-id: the school's name for it`")
            }
        }
        var selection = School.AgencySelection.list([])
        if let agencies = reader.node["agencies"], !agencies.isNull {
            if agencies.scalar == "all" { selection = .all }
            else if let list = agencies.items {
                selection = .list(list.compactMap { item in item.scalar.map { Located($0, file: file.path, line: item.line, column: item.column) } })
            } else {
                log.error(file.path, line: agencies.line, "`agencies` should be `all` or a list of agency ids such as [samaritans, nspcc]")
            }
        }
        let exclude = (reader.node["exclude"]?.items ?? []).compactMap { item in item.scalar.map { Located($0, file: file.path, line: item.line, column: item.column) } }
        guard let name, let area else { return nil }
        return School(id: id, folder: file.url.deletingLastPathComponent().path, file: file.path, name: name.value,
                      phase: reader.string("phase")?.value, area: area, address: reader.string("address")?.value,
                      phone: reader.phone("phone"), email: reader.email("email"), website: reader.website("website"),
                      safeguardingPhone: reader.phone("safeguarding_phone"), logo: reader.string("logo"),
                      logoAlt: reader.string("logo_alt")?.value, colour: reader.string("colour"), people: people,
                      levelNameList: levelNames, agencies: selection, exclude: exclude, reviewed: reader.day("reviewed"),
                      reviewedBy: reader.string("reviewed_by")?.value, nextReview: reader.day("next_review"),
                      body: file.body, bodyLine: file.bodyLine, templateOverrides: readTemplateOverrides(school: id, log: log))
    }

    func readPage(_ file: SourceFile, id: String, log: DiagnosticLog) -> ExtraPage? {
        guard let reader = FieldReader(file.frontMatter, file: file.path, known: ["title", "summary", "order", "toc"], what: "a page", log: log) else { return nil }
        var title = reader.string("title")?.value
        var body = file.body
        if title == nil, let match = body.firstMatch(of: /(?m)^#\s+(.+)$/) {
            // A page without settings may take its title from its first heading.
            title = match.1.trimmed(newlines: false)
            body.removeSubrange(match.range)
        }
        guard let title else {
            log.error(file.path, line: 1, "a page needs a `title:` setting (or a first line such as `# Our policy`)")
            return nil
        }
        return ExtraPage(id: id, file: file.path, title: title, summary: reader.string("summary")?.value,
                         order: reader.int("order") ?? 100, toc: reader.bool("toc") ?? true, body: body, bodyLine: file.bodyLine)
    }

    func readTopicText(_ file: SourceFile, id: String, log: DiagnosticLog) -> TopicText? {
        guard let reader = FieldReader(file.frontMatter, file: file.path, known: ["title", "body"], what: "a topic text", log: log) else { return nil }
        var text = TopicText(topic: id, file: file.path, title: reader.string("title")?.value, body: file.body, bodyLine: file.bodyLine)
        if let mode = reader.string("body") {
            if let parsed = EntryFields.BodyMode(rawValue: mode.value) { text.bodyMode = parsed }
            else { log.error(file.path, line: mode.line, column: mode.column, "`body:` should be replace, append or prepend, not \"\(mode.value)\"") }
        }
        return text
    }
}
