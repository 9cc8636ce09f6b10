import Foundation
import SignpostModel

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
            // A school's file is converted every time: reading it also reports a templates/
            // folder left in the school's folder, which the cache's check of school.md cannot see change.
            if let cache, !job.isSchool { return cache.converted(job.relative, from: gate, kind: job.fileKind, log: log, convert: make) }
            if let cache { return cache.read(job.relative, from: gate, kind: job.fileKind, log: log).map(make) }
            return SourceFile.read(job.relative, from: gate, kind: job.fileKind, log: log).map(make)
        }
        clock.lap("  read+parse+convert")
        defer { clock.lap("  assemble") }
        return assemble(jobs: jobs, converted: results, log: log)
    }

    /// One file as a model value, with what it reported.
    struct Converted: Sendable {
        enum Item: Sendable {
            case site(SiteConfig), topics([Topic]), levels([NationalLevel]), entry(EntryFile), topicText(TopicText), area(Area), school(School), page(ExtraPage)
        }
        var item: Item?
        var diagnostics: [Diagnostic]
    }

    func convert(_ job: Job, _ file: SourceFile, log: DiagnosticLog) -> Converted.Item? {
        switch job.kind {
        case .site: return .site(readSite(file, log: log))
        case .topics, .areaTopics, .schoolTopics: return .topics(readTopics(file, log: log))
        case .levels: return .levels(readNationalLevels(file, log: log))
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
        enum Kind: Sendable {
            case site, topics, levels, national, nationalTopic, area, areaAgency(String), areaTopic(String), areaTopics(String), school,
                 override(String), service(String), page(String), topicText(String), schoolTopics(String)
        }
        var kind: Kind
        /// The file's path inside Content/.
        var relative: String
        var id: String

        var isSchool: Bool { if case .school = kind { return true } else { return false } }
        var fileKind: FileGate.Kind {
            switch kind {
            case .site, .topics, .levels, .areaTopics, .schoolTopics: return .settings
            default: return .markdown
            }
        }

        /// The school a service, page, override or topic text belongs to.
        var partOf: String? {
            switch kind {
            case let .override(school), let .service(school), let .page(school), let .topicText(school), let .schoolTopics(school): return school
            default: return nil
            }
        }
    }

    // MARK: Turning files into the model

    func assemble(jobs: [Job], converted: [Converted?], log: DiagnosticLog) -> Content {
        var site = SiteConfig()
        site.file = display("site.yml")
        var topics: [Topic] = []
        var nationalLevels: [NationalLevel]?
        var national: [String: EntryFile] = [:]
        var areas: [String: Area] = [:]
        var areaAgencies: [(String, EntryFile)] = []
        var areaTopics: [(String, TopicText)] = []
        var areaTopicLists: [(String, [Topic])] = []
        var nationalTopics: [String: TopicText] = [:]
        var schools: [String: School] = [:]
        var schoolParts: [(String, Job, Converted)] = []
        var unreadable = Set<String>()

        for (job, result) in zip(jobs, converted) {
            guard let result else {
                switch job.kind {
                case .national, .areaAgency, .override: unreadable.insert(job.id)
                case .levels: nationalLevels = [] // its own error says why; national levels are still mapped
                default: break
                }
                continue
            }
            if let school = job.partOf { schoolParts.append((school, job, result)); continue }
            result.diagnostics.forEach(log.add)
            switch (job.kind, result.item) {
            case let (.site, .site(value)?): site = value
            case let (.topics, .topics(value)?): topics = value
            case let (.levels, .levels(value)?): nationalLevels = value
            case let (.national, .entry(entry)?): national[job.id] = entry
            case let (.nationalTopic, .topicText(text)?): nationalTopics[job.id] = text
            case let (.areaTopic(area), .topicText(text)?): areaTopics.append((area, text))
            case let (.areaTopics(area), .topics(list)?): areaTopicLists.append((area, list))
            case let (.area, .area(area)?): areas[job.id] = area
            case let (.areaAgency(area), .entry(entry)?): areaAgencies.append((area, entry))
            case let (.school, .school(school)?): schools[job.id] = school
            default: break
            }
        }
        for (area, entry) in areaAgencies { areas[area]?.agencies[entry.id] = entry }
        for (area, text) in areaTopics { areas[area]?.topicTexts[text.topic] = text }
        for (area, list) in areaTopicLists { areas[area]?.topics = list }
        for (schoolID, job, result) in schoolParts {
            guard schools[schoolID] != nil else { continue }
            result.diagnostics.forEach(log.add)
            switch (job.kind, result.item) {
            case let (.override, .entry(entry)?): schools[schoolID]!.overrides[job.id] = entry
            case let (.service, .entry(entry)?): schools[schoolID]!.services[job.id] = entry
            case let (.page, .page(page)?): schools[schoolID]!.pages.append(page)
            case let (.topicText, .topicText(text)?): schools[schoolID]!.topicTexts[job.id] = text
            case let (.schoolTopics, .topics(list)?): schools[schoolID]!.topics = list
            default: break
            }
        }
        let orderedSchools = NaturalOrder.sorted(Array(schools.values)) { $0.name + "\u{1}" + $0.id }
        return Content(site: site, topics: topics, national: national, nationalTopicTexts: nationalTopics, nationalLevels: nationalLevels,
                       nationalLevelsFile: display("levels.yml"), areas: areas, schools: orderedSchools, unreadableAgencies: unreadable)
    }

    func requireFrontMatter(_ file: SourceFile, what: String, log: DiagnosticLog) -> Bool {
        if !file.hasFrontMatter {
            log.error(file.path, line: 1, "\(what) must start with a settings block: a line with just ---, the settings, then another ---", suggestion: "see the README's content guide, or run `signpost new`")
            return false
        }
        return true
    }
}

