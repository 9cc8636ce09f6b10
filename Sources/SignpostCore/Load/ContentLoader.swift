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

    public init(root: URL, displayRoot: String? = nil, cache: SourceCache? = nil) {
        self.root = root.standardizedFileURL
        self.displayRoot = displayRoot ?? root.lastPathComponent
        self.cache = cache
    }

    public func load(log: DiagnosticLog) -> Content {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            log.error(displayRoot, "the content folder \(displayRoot) does not exist", suggestion: "run Signpost from the project folder, or give --content")
            return Content(site: SiteConfig(), topics: [], national: [:], areas: [:], schools: [])
        }
        // Read, parse and convert every file in parallel (libyaml parsers are independent, and
        // each file becomes its own model value), then put the pieces together in order.
        let clock = PhaseClock()
        let jobs = plan(log: log)
        clock.lap("  list files")
        let cache = self.cache
        let results = ParallelMap.map(jobs) { job -> Converted? in
            // A school's part reports its problems only if the school itself could be read.
            let make = { (file: SourceFile) -> Converted in
                let own = DiagnosticLog()
                return Converted(item: convert(job, file, log: own), diagnostics: own.all)
            }
            // A school's file is converted every time: its model also holds the school's
            // templates/ folder, which the cache's check of school.md cannot see change.
            if let cache, !job.isSchool { return cache.converted(job.url, displayPath: job.display, log: log, convert: make) }
            if let cache { return cache.read(job.url, displayPath: job.display, log: log).map(make) }
            return SourceFile.read(job.url, displayPath: job.display, log: log).map(make)
        }
        clock.lap("  read+parse+convert")
        defer { clock.lap("  assemble") }
        return assemble(jobs: jobs, converted: results, log: log)
    }

    /// One file as a model value, with what it reported.
    struct Converted: @unchecked Sendable {
        enum Item {
            case site(SiteConfig), topics([Topic]), levels([NationalLevel]), entry(EntryFile), topicText(TopicText), area(Area), school(School), page(ExtraPage)
        }
        var item: Item?
        var diagnostics: [Diagnostic]
    }

    func convert(_ job: Job, _ file: SourceFile, log: DiagnosticLog) -> Converted.Item? {
        switch job.kind {
        case .site: return .site(readSite(file, log: log))
        case .topics: return .topics(readTopics(file, log: log))
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
        enum Kind: Sendable { case site, topics, levels, national, nationalTopic, area, areaAgency(String), areaTopic(String), school, override(String), service(String), page(String), topicText(String) }
        var kind: Kind
        var url: URL
        var display: String
        var id: String

        var isSchool: Bool { if case .school = kind { return true } else { return false } }

        /// The school a service, page, override or topic text belongs to.
        var partOf: String? {
            switch kind {
            case let .override(school), let .service(school), let .page(school), let .topicText(school): return school
            default: return nil
            }
        }
    }

    func display(_ parts: String...) -> String { ([displayRoot] + parts).joined(separator: "/") }

    /// Lists `.md` files in a folder; names that cannot be web addresses are reported, not used.
    func markdownFiles(in relative: String, log: DiagnosticLog) -> [(id: String, url: URL, display: String)] {
        let folder = root.appendingPathComponent(relative)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        var result: [(String, URL, String)] = []
        var seen: [String: String] = [:]
        let validIDs = Set(names.filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.filter(Slug.isValid))
        for name in names.sorted() where !name.hasPrefix(".") {
            let shown = display(relative, name)
            let url = folder.appendingPathComponent(name)
            guard name.hasSuffix(".md") else {
                if !name.hasSuffix("~"), !isDirectory(url) {
                    log.warning(shown, "this file is not used: only .md files are read here")
                }
                continue
            }
            let id = String(name.dropLast(3))
            guard Slug.isValid(id) else {
                if validIDs.contains(Slug.make(id)) {
                    log.error(shown, "\"\(name)\" and \"\(Slug.make(id)).md\" differ only in capitals or spaces, so they would be the same web page", suggestion: "keep one of them: merge what you need into \(Slug.make(id)).md and delete the other")
                } else {
                    log.error(shown, "the file name \"\(name)\" cannot be used in a web address (only lower-case letters, digits and hyphens)", suggestion: "rename it to \"\(Slug.make(id)).md\"")
                }
                continue
            }
            if let other = seen[id.lowercased()] {
                log.error(shown, "two files have the id \"\(id)\" (the other is \(other))", suggestion: "rename or remove one of them")
                continue
            }
            seen[id.lowercased()] = shown
            result.append((id, url, shown))
        }
        return result
    }

    func subfolders(_ relative: String, log: DiagnosticLog) -> [String] {
        let folder = root.appendingPathComponent(relative)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.sorted().filter { name in
            guard !name.hasPrefix("."), isDirectory(folder.appendingPathComponent(name)) else { return false }
            if !Slug.isValid(name) {
                log.error(display(relative, name), "the folder name \"\(name)\" cannot be used in a web address (only lower-case letters, digits and hyphens)", suggestion: "rename it to \"\(Slug.make(name))\"")
                return false
            }
            return true
        }
    }

    func isDirectory(_ url: URL) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &flag) && flag.boolValue
    }

    func plan(log: DiagnosticLog) -> [Job] {
        var jobs: [Job] = []
        for (name, kind) in [("site.yml", Job.Kind.site), ("topics.yml", .topics), ("levels.yml", .levels)] {
            let url = root.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: url.path) { jobs.append(Job(kind: kind, url: url, display: display(name), id: name)) }
        }
        for file in markdownFiles(in: "agencies", log: log) {
            jobs.append(Job(kind: .national, url: file.url, display: file.display, id: file.id))
        }
        for file in markdownFiles(in: "topics", log: log) {
            jobs.append(Job(kind: .nationalTopic, url: file.url, display: file.display, id: file.id))
        }
        for area in subfolders("areas", log: log) {
            let areaFile = root.appendingPathComponent("areas/\(area)/area.md")
            if FileManager.default.fileExists(atPath: areaFile.path) {
                jobs.append(Job(kind: .area, url: areaFile, display: display("areas", area, "area.md"), id: area))
            } else {
                log.error(display("areas", area), "this area folder has no area.md", suggestion: "add area.md with the area's name and levels of need")
            }
            for file in markdownFiles(in: "areas/\(area)/agencies", log: log) {
                jobs.append(Job(kind: .areaAgency(area), url: file.url, display: file.display, id: file.id))
            }
            for file in markdownFiles(in: "areas/\(area)/topics", log: log) {
                jobs.append(Job(kind: .areaTopic(area), url: file.url, display: file.display, id: file.id))
            }
        }
        for school in subfolders("schools", log: log) {
            let schoolFile = root.appendingPathComponent("schools/\(school)/school.md")
            if FileManager.default.fileExists(atPath: schoolFile.path) {
                jobs.append(Job(kind: .school, url: schoolFile, display: display("schools", school, "school.md"), id: school))
            } else {
                log.error(display("schools", school), "this school folder has no school.md", suggestion: "run `signpost new school` to start one")
                continue
            }
            for (folder, kind) in [("agencies", Job.Kind.override(school)), ("services", .service(school)), ("pages", .page(school)), ("topics", .topicText(school))] {
                for file in markdownFiles(in: "schools/\(school)/\(folder)", log: log) {
                    jobs.append(Job(kind: kind, url: file.url, display: file.display, id: file.id))
                }
            }
        }
        return jobs
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

    func readTemplateOverrides(school: String) -> [String: String] {
        let folder = root.appendingPathComponent("schools/\(school)/templates")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [:] }
        var result: [String: String] = [:]
        for name in names where name.hasSuffix(".mustache") {
            if let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) {
                result[String(name.dropLast(".mustache".count))] = text
            }
        }
        return result
    }
}

