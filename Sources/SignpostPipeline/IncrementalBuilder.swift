import Foundation
import Glibc
import SignpostLoad
import SignpostModel
import SignpostPublish
import SignpostRender
import SignpostResolve
import SignpostWrite
import Synchronization
#if canImport(Glibc)
#endif

/// Keeps what the last build knew, so a saved file re-renders only the pages that show it
/// (each `PagePlan` lists its source files). Used by `signpost serve` and the benchmark.
/// Content is re-read and re-resolved each time (cheap); Markdown already rendered is reused
/// by text, and only pages whose sources changed are rendered and written.
///
/// After any save, add, delete or rename, the folder holds exactly what a full build of the
/// same content writes. A page is rebuilt when a file it shows, or showed last time, changed;
/// every page of a school whose own folder changed is looked at (a new further page changes
/// the offer page's list of them); a shared topic text added or deleted changes which topics
/// a school has, so every page of the schools that show it is looked at too. Site-wide files,
/// areas and templates rebuild everything, as does any save while a school is kept as last
/// published (`SchoolIsolation`) or one that gives errors only in schools' own folders.
public final class IncrementalBuilder: Sendable {
    public let options: BuildOptions
    private let sources = SourceCache()
    /// What the last build knew. One build at a time: a build holds it from start to end.
    private let state = Mutex(State())

    private struct State {
        var markdown = RenderedTexts()
        /// Each page written, with its school (nil for the site-wide pages).
        var pages: [String: String?] = [:]
        /// Each written page's content files, as messages name them.
        var sources: [String: Set<String>] = [:]
        /// Each school's entries, as the files each is made from.
        var entries: [String: [Set<String>]] = [:]
        /// Each written page's values fingerprint: a page whose values are unchanged is not rewritten.
        var fingerprints: [String: Int] = [:]
        /// Each school's logo as written (path inside the site).
        var logos: [String: String] = [:]
        /// The sitemap and the site-wide lines of the schools, as written.
        var sitemap: Data?
        var summaries: Data?
        /// Schools the last full build kept as last published.
        var kept = false
        /// Files saved since the last build that wrote: a build that fails writes nothing, so
        /// the next one must still rebuild what they show.
        var pending = Set<String>()
        var hasBuilt = false
        /// The whole offer's entries as last rendered; a full build starts them afresh.
        var carried = Carried()
    }

    /// The options, with the pieces the last builds rendered.
    private func options(carrying carried: Carried) -> BuildOptions {
        var options = options
        options.carried = carried
        return options
    }

    public init(options: BuildOptions) { self.options = options }

    /// A full, atomic build (the first one, or after a theme change).
    public func build() -> BuildResult {
        state.withLock { fullBuild(&$0) }
    }

    private func fullBuild(_ state: inout State) -> BuildResult {
        let collected = SiteBuilder.Fingerprints()
        let carried = Carried()
        state.carried = carried
        let builder = SiteBuilder(options: options(carrying: carried))
        let (result, prepared) = builder.buildKeepingState(markdownCache: state.markdown, sourceCache: sources, fingerprints: collected)
        if result.wrote || !result.kept.isEmpty, let prepared {
            state = State()
            state.carried = carried
            state.fingerprints = collected.byPath
            state.markdown = prepared.markdown
            for plan in prepared.plans {
                state.pages[plan.path] = plan.school
                state.sources[plan.path] = plan.sources
            }
            for (path, school) in prepared.keptPages { state.pages[path] = school }
            for school in prepared.site.schools { state.entries[school.school.id] = school.entries.map { Set($0.sources) } }
            state.logos = logos(of: prepared.site)
            state.sitemap = prepared.site.content.site.baseURL.map { builder.sitemap(base: $0, pages: Array(state.pages.keys)) }
            state.summaries = try? SchoolSummaries.read(content: options.content, output: options.output)?.encoded()
            state.kept = !result.kept.isEmpty
            state.hasBuilt = true
        }
        return result
    }

    /// Rebuilds after `changed` files (absolute paths) were saved, added or deleted.
    public func rebuild(changed: [String]) -> BuildResult {
        state.withLock { state in
            let all = state.pending.union(changed)
            state.pending = all
            let result = rebuild(changed: all, &state)
            if result.wrote || !result.kept.isEmpty { state.pending = [] }
            return result
        }
    }

    private func rebuild(changed: Set<String>, _ state: inout State) -> BuildResult {
        let start = Date()
        let contentRoot = options.content.standardizedFileURL.path + "/"
        let relative = changed.filter { $0.hasPrefix(contentRoot) }.map { String($0.dropFirst(contentRoot.count)) }
        // Theme files, site-wide settings, areas and templates affect every page: rebuild everything.
        if !state.hasBuilt || state.kept || relative.count != changed.count || relative.contains(where: IncrementalBuilder.reachesEverything) {
            return fullBuild(&state)
        }
        let log = DiagnosticLog()
        let builder = SiteBuilder(options: options(carrying: state.carried))
        let changedSet = Set(relative.map { options.contentDisplay + "/" + $0 })
        let folders = SchoolFolders(contentDisplay: options.contentDisplay)
        let changedFolders = Set(changedSet.compactMap(folders.school(of:)))
        // A file gone can take pages with it that other schools link to: every school is
        // planned (planning is cheap; only the pages below are rendered) so every link is checked.
        let removed = changed.contains { !FileManager.default.fileExists(atPath: $0) }
        let sharedTopicTexts = relative.contains(where: IncrementalBuilder.isSharedTopicText)
        var shownBefore = Set<String>()   // schools whose pages showed a changed file
        for (path, files) in state.sources where !files.isDisjoint(with: changedSet) {
            if let school = state.pages[path] ?? nil { shownBefore.insert(school) }
        }
        let prepared = builder.prepare(log: log, markdownCache: state.markdown, sourceCache: sources, onlySchools: removed ? nil : { site in
            Set(site.schools.filter { school in
                changedFolders.contains(school.school.id) || shownBefore.contains(school.school.id)
                    || school.entries.contains { !changedSet.isDisjoint(with: $0.sources) }
                    || school.topicTexts.values.contains { !changedSet.isDisjoint(with: $0.files) }
            }.map(\.school.id))
        }, previousPages: state.pages)
        guard !log.hasErrors, let theme = prepared.theme else {
            // Errors only in schools' own folders: a full build keeps those schools as last published.
            if case .county = options.urls.scheme, prepared.theme != nil, log.errors.allSatisfy({ folders.school(of: $0.file) != nil }) {
                return fullBuild(&state)
            }
            return BuildResult(diagnostics: log.all, schools: prepared.site.schools.count, pages: 0, seconds: Date().timeIntervalSince(start), wrote: false)
        }
        var newPages = SiteBuilder.keptPages(state.pages, plans: prepared.plans, site: prepared.site)
        for plan in prepared.plans { newPages[plan.path] = plan.school }
        // Whole schools to look at: those whose own folder changed, and those that show a
        // shared topic text that was added or deleted (which topics a school has can change).
        var wholeSchools = changedFolders
        if sharedTopicTexts {
            for school in prepared.site.schools where school.topicTexts.values.contains(where: { !changedSet.isDisjoint(with: $0.files) }) {
                wholeSchools.insert(school.school.id)
            }
            wholeSchools.formUnion(shownBefore)
        }
        // An entry made from a changed file, now or before, changes wherever it is shown: a
        // page showing any of its files is a candidate (an area file added over a national
        // agency moves it from the level the national file gave it to another).
        let planned = Set(prepared.plans.compactMap(\.school))
        var touched = changedSet
        for (_, entries) in state.entries { for files in entries where !files.isDisjoint(with: changedSet) { touched.formUnion(files) } }
        for school in prepared.site.schools where planned.contains(school.school.id) {
            for entry in school.entries where !changedSet.isDisjoint(with: entry.sources) { touched.formUnion(entry.sources) }
        }
        // Pages that show (or showed) a changed file are candidates; of those, only pages whose
        // values really changed are rendered (an edit to an agency's text leaves every list of
        // agencies as it was). Values are worked out once and handed to the renderer.
        let clock = PhaseClock()
        let candidates = prepared.plans.filter { plan in
            !plan.sources.isDisjoint(with: touched) || state.pages[plan.path] == nil || plan.school.map(wholeSchools.contains) ?? false
                || state.sources[plan.path].map { !$0.isDisjoint(with: touched) } ?? true
        }
        let known = state.fingerprints
        let parallel = options.parallel
        func withNewValues(_ plans: [PagePlan]) -> [(PagePlan, Int)] {
            ParallelMap.map(plans, parallel: parallel) { plan -> (PagePlan, Int)? in
                let values = plan.values
                let hash = ContextHash.of(values)
                return hash == known[plan.path] ? nil : (plan.with(values), hash)
            }.compactMap { $0 }
        }
        // Pages that link to the PDFs with their sizes are looked at after the PDFs are made.
        var evaluated = withNewValues(candidates.filter { !$0.showsDownloads })
        clock.lap("fingerprints (\(candidates.count))")
        // Pages are written in place: each file write replaces one whole page, and nothing is
        // written at all when the content has errors, so the last good site stays up.
        let failures = builder.renderAndWrite(prepared, theme: theme, to: options.output, only: evaluated.map(\.0))
        failures.forEach(log.add)
        clock.lap("render+write")
        for (path, _) in state.pages where newPages[path] == nil {
            remove(path)
            state.fingerprints[path] = nil
            state.sources[path] = nil
        }
        let schools = Set(prepared.site.schools.map(\.school.id))
        for school in Set(state.pages.values.compactMap { $0 }) where !schools.contains(school) {
            removeFolder(of: school)   // a deleted school: its logo and PDFs go with its pages
            state.logos[school] = nil
            state.entries[school] = nil
        }
        do {
            try update(&state, site: prepared.site, schools: changedFolders.intersection(schools), pages: Array(newPages.keys), builder: builder)
        } catch {
            log.error(options.output.lastPathComponent, "\(error)")
        }
        // Only when asked (`serve --pdf`): in place, remaking just the PDFs whose pages changed.
        let pdf = options.pdf.flatMap { settings in log.hasErrors ? nil : PDFStage(settings: settings, outputDisplay: options.output.lastPathComponent, progress: options.progress)
            .run(PDFJob.all(for: prepared.site, urls: options.urls), in: options.output, previous: options.output,
                 old: PDFManifest.read(content: options.content, output: options.output), log: log) }
        pdf?.manifest.save(content: options.content, output: options.output, log: log)
        if !log.hasErrors {
            prepared.downloads.record(pdf?.downloads ?? [:])
            let linking = withNewValues(candidates.filter(\.showsDownloads))
            builder.renderAndWrite(prepared, theme: theme, to: options.output, only: linking.map(\.0)).forEach(log.add)
            evaluated += linking
        }
        if !log.hasErrors { for (plan, hash) in evaluated { state.fingerprints[plan.path] = hash } }
        for plan in prepared.plans { state.sources[plan.path] = plan.sources }
        for school in prepared.site.schools where planned.contains(school.school.id) {
            state.entries[school.school.id] = school.entries.map { Set($0.sources) }
        }
        state.markdown = prepared.markdown
        state.pages = newPages
        var result = BuildResult(diagnostics: log.all, schools: prepared.site.schools.count, pages: evaluated.count,
                                 seconds: Date().timeIntervalSince(start), wrote: !log.hasErrors)
        result.incremental = true
        result.pdf = pdf
        return result
    }

    /// Content files whose change reaches every page (`relative`: inside the content folder).
    static func reachesEverything(_ relative: String) -> Bool {
        // A county's or a school's own topics.yml adds pages and links, as the shared list does.
        ["site.yml", "topics.yml", "levels.yml"].contains(relative) || relative.hasSuffix("/area.md") || relative.hasSuffix("/topics.yml")
            || relative.contains("/templates/")
    }

    /// A topic text of the national or an area's library (not a school's own).
    static func isSharedTopicText(_ relative: String) -> Bool {
        relative.hasPrefix("topics/") || (relative.hasPrefix("areas/") && relative.split(separator: "/").dropFirst(2).first == "topics")
    }

    /// What a full build writes besides the pages: the logos of the schools whose folders
    /// changed, the sitemap and the schools' site-wide lines, each written only if different.
    private func update(_ state: inout State, site: ResolvedSite, schools: Set<String>, pages: [String], builder: SiteBuilder) throws {
        let logos = logos(of: site)
        for school in schools.sorted() {
            if let old = state.logos[school], old != logos[school] { remove(old) }
            if let resolved = site.schools.first(where: { $0.school.id == school }), let logo = try builder.logo(of: resolved),
               (try? Data(contentsOf: options.output.appendingPathComponent(logo.path))) != logo.data {
                try SiteWriter.replace(logo.data, at: logo.path, in: options.output)
            }
            state.logos[school] = logos[school]
        }
        let sitemap = site.content.site.baseURL.map { builder.sitemap(base: $0, pages: pages) }
        if sitemap != state.sitemap, let sitemap {
            try SiteWriter.replace(sitemap, at: options.urls.sitemap, in: options.output)
        }
        state.sitemap = sitemap
        let summaries = SchoolSummaries(site)
        let encoded = try summaries.encoded()
        if encoded != state.summaries, case .county = options.urls.scheme { try summaries.save(content: options.content, output: options.output) }
        state.summaries = encoded
    }

    /// Where each school's logo is written, by school.
    private func logos(of site: ResolvedSite) -> [String: String] {
        var result: [String: String] = [:]
        for school in site.schools where options.urls.includes(school: school.school.id) {
            if let logo = school.school.logo?.value { result[school.school.id] = options.urls.logo(school.school.id, file: logo) }
        }
        return result
    }

    /// Removes a file of the site, then each folder above it that is left empty, as a full build would not have made it.
    private func remove(_ path: String) {
        guard (try? SiteWriter.validate(relativePath: path)) != nil else { return }
        let root = options.output.standardizedFileURL
        try? FileManager.default.removeItem(at: root.appendingPathComponent(path))
        var folder = root.appendingPathComponent(path).deletingLastPathComponent().standardizedFileURL
        while folder.path.hasPrefix(root.path + "/"), rmdir(folder.path) == 0 { folder = folder.deletingLastPathComponent().standardizedFileURL }
    }

    private func removeFolder(of school: String) {
        guard KeptFolder.canKeep(school), !options.urls.folder(school).isEmpty else { return }
        try? TreeRemover.remove(options.output.appendingPathComponent(school))
    }
}
