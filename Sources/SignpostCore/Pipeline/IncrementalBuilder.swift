import Foundation
import Synchronization

/// Keeps what the last build knew, so a saved file re-renders only the pages that show it
/// (each `PagePlan` lists its source files). Used by `signpost serve` and the benchmark.
/// Content is re-read and re-resolved each time (cheap); Markdown already rendered is reused
/// by text, and only pages whose sources changed are rendered and written.
public final class IncrementalBuilder: Sendable {
    public let options: BuildOptions
    private let sources = SourceCache()
    /// What the last build knew. One build at a time: a build holds it from start to end.
    private let state = Mutex(State())

    private struct State {
        var markdown: [String: RenderedMarkdown] = [:]
        /// Each page written, with its school (nil for the site-wide pages).
        var pages: [String: String?] = [:]
        /// Each written page's values fingerprint: a page whose values are unchanged is not rewritten.
        var fingerprints: [String: Int] = [:]
        var hasBuilt = false
    }

    public init(options: BuildOptions) { self.options = options }

    /// A full, atomic build (the first one, or after a theme change).
    public func build() -> BuildResult {
        state.withLock { fullBuild(&$0) }
    }

    private func fullBuild(_ state: inout State) -> BuildResult {
        let collected = SiteBuilder.Fingerprints()
        let (result, prepared) = SiteBuilder(options: options).buildKeepingState(markdownCache: state.markdown, sourceCache: sources,
                                                                                 fingerprints: collected)
        if result.wrote, let prepared {
            state.fingerprints = collected.byPath
            state.markdown = prepared.markdown
            state.pages = Dictionary(prepared.plans.map { ($0.path, $0.school) }) { first, _ in first }
            state.hasBuilt = true
        }
        return result
    }

    /// Rebuilds after `changed` files (absolute paths) were saved, added or deleted.
    public func rebuild(changed: [String]) -> BuildResult {
        state.withLock { rebuild(changed: changed, &$0) }
    }

    private func rebuild(changed: [String], _ state: inout State) -> BuildResult {
        let start = Date()
        let contentRoot = options.content.standardizedFileURL.path + "/"
        let contentChanges = changed.filter { $0.hasPrefix(contentRoot) }
        // Theme files, site-wide settings and areas affect every page: rebuild everything.
        let sitewide = ["site.yml", "topics.yml"].map { contentRoot + $0 }
        if !state.hasBuilt || contentChanges.count != changed.count
            || contentChanges.contains(where: { sitewide.contains($0) || $0.hasSuffix("/area.md") || $0.contains("/templates/") }) {
            return fullBuild(&state)
        }
        let log = DiagnosticLog()
        let builder = SiteBuilder(options: options)
        let display = contentChanges.map { options.contentDisplay + "/" + $0.dropFirst(contentRoot.count) }
        let changedSet = Set(display)
        // Only schools that show a changed file need their pages planned again.
        let prepared = builder.prepare(log: log, markdownCache: state.markdown, sourceCache: sources, onlySchools: { site in
            Set(site.schools.filter { school in
                changedSet.contains { $0.hasPrefix(school.school.file.dropLast("school.md".count)) }
                    || school.entries.contains { !changedSet.isDisjoint(with: $0.sources) }
                    || school.topicTexts.values.contains { !changedSet.isDisjoint(with: $0.files) }
            }.map(\.school.id))
        }, previousPages: state.pages)
        guard !log.hasErrors, let theme = prepared.theme else {
            return BuildResult(diagnostics: log.all, schools: prepared.site.schools.count, pages: 0, seconds: Date().timeIntervalSince(start), wrote: false)
        }
        var newPages = SiteBuilder.keptPages(state.pages, plans: prepared.plans, site: prepared.site)
        for plan in prepared.plans { newPages[plan.path] = plan.school }
        // Pages that show a changed file are candidates; of those, only pages whose values
        // really changed are rendered (an edit to an agency's text leaves every list of
        // agencies as it was). Values are worked out once and handed to the renderer.
        let clock = PhaseClock()
        let candidates = prepared.plans.filter { !$0.sources.isDisjoint(with: changedSet) || state.pages[$0.path] == nil }
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
        for gone in state.pages.keys where newPages[gone] == nil {
            try? FileManager.default.removeItem(at: options.output.appendingPathComponent(gone))
        }
        // Only when asked (`serve --pdf`): in place, remaking just the PDFs whose pages changed.
        let pdf = options.pdf.flatMap { settings in log.hasErrors ? nil : PDFStage(settings: settings, outputDisplay: options.output.lastPathComponent)
            .run(PDFJob.all(for: prepared.site, urls: options.urls), in: options.output, previous: options.output, log: log) }
        if !log.hasErrors {
            prepared.downloads.record(pdf)
            let linking = withNewValues(candidates.filter(\.showsDownloads))
            builder.renderAndWrite(prepared, theme: theme, to: options.output, only: linking.map(\.0)).forEach(log.add)
            evaluated += linking
        }
        if !log.hasErrors { for (plan, hash) in evaluated { state.fingerprints[plan.path] = hash } }
        state.markdown = prepared.markdown
        state.pages = newPages
        var result = BuildResult(diagnostics: log.all, schools: prepared.site.schools.count, pages: evaluated.count,
                                 seconds: Date().timeIntervalSince(start), wrote: !log.hasErrors)
        result.incremental = true
        result.pdf = pdf
        return result
    }
}
