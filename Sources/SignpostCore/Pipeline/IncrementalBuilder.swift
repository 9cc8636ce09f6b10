import Foundation

/// Keeps what the last build knew, so a saved file re-renders only the pages that show it
/// (each `PagePlan` lists its source files). Used by `signpost serve` and the benchmark.
/// Content is re-read and re-resolved each time (cheap); Markdown already rendered is reused
/// by text, and only pages whose sources changed are rendered and written.
public final class IncrementalBuilder: @unchecked Sendable {
    public let options: BuildOptions
    private var markdown: [String: RenderedMarkdown] = [:]
    private let sources = SourceCache()
    private var pagePaths: Set<String> = []
    /// Each written page's context fingerprint: a page whose values are unchanged is not rewritten.
    private var fingerprints: [String: Int] = [:]
    private var hasBuilt = false
    private let lock = NSLock()

    public init(options: BuildOptions) { self.options = options }

    /// A full, atomic build (the first one, or after a theme change).
    public func build() -> BuildResult {
        lock.lock(); defer { lock.unlock() }
        return fullBuild()
    }

    private func fullBuild() -> BuildResult {
        let collected = SiteBuilder.Fingerprints()
        let (result, prepared) = SiteBuilder(options: options).buildKeepingState(markdownCache: markdown, sourceCache: sources,
                                                                                 fingerprints: collected)
        if result.wrote, let prepared {
            fingerprints = collected.byPath
            markdown = prepared.markdown
            pagePaths = Set(prepared.plans.map(\.path))
            hasBuilt = true
        }
        return result
    }

    /// Rebuilds after `changed` files (absolute paths) were saved, added or deleted.
    public func rebuild(changed: [String]) -> BuildResult {
        lock.lock(); defer { lock.unlock() }
        let start = Date()
        let contentRoot = options.content.standardizedFileURL.path + "/"
        let contentChanges = changed.filter { $0.hasPrefix(contentRoot) }
        // Theme files, site-wide settings and areas affect every page: rebuild everything.
        let sitewide = ["site.yml", "topics.yml"].map { contentRoot + $0 }
        if !hasBuilt || contentChanges.count != changed.count
            || contentChanges.contains(where: { sitewide.contains($0) || $0.hasSuffix("/area.md") || $0.contains("/templates/") }) {
            return fullBuild()
        }
        let log = DiagnosticLog()
        let builder = SiteBuilder(options: options)
        let display = contentChanges.map { options.contentDisplay + "/" + $0.dropFirst(contentRoot.count) }
        let changedSet = Set(display)
        // Only schools that show a changed file need their pages planned again.
        let prepared = builder.prepare(log: log, markdownCache: markdown, sourceCache: sources, onlySchools: { site in
            Set(site.schools.filter { school in
                changedSet.contains { $0.hasPrefix(school.school.file.dropLast("school.md".count)) }
                    || school.entries.contains { !changedSet.isDisjoint(with: $0.sources) }
                    || school.topicTexts.values.contains { !changedSet.isDisjoint(with: $0.files) }
            }.map(\.school.id))
        })
        guard !log.hasErrors, let theme = prepared.theme else {
            return BuildResult(diagnostics: log.all, schools: prepared.site.schools.count, pages: 0, seconds: Date().timeIntervalSince(start), wrote: false)
        }
        let plannedSchools = Set(prepared.plans.compactMap(\.school))
        // Pages of schools not planned this time are unchanged and stay.
        let newPaths = Set(prepared.plans.map(\.path)).union(pagePaths.filter { path in
            guard let school = path.split(separator: "/").first.map(String.init) else { return false }
            return prepared.site.schools.contains { $0.school.id == school } && !plannedSchools.contains(school)
        })
        // Pages that show a changed file are candidates; of those, only pages whose values
        // really changed are rendered (an edit to an agency's text leaves every list of
        // agencies as it was). Values are worked out once and handed to the renderer.
        let clock = PhaseClock()
        let candidates = prepared.plans.filter { !$0.sources.isDisjoint(with: changedSet) || !pagePaths.contains($0.path) }
        let evaluated = ParallelMap.map(candidates, parallel: options.parallel) { plan -> (PagePlan, Int)? in
            let context = plan.context
            let hash = ContextHash.of(context)
            return hash == fingerprints[plan.path] ? nil
                : (PagePlan(path: plan.path, template: plan.template, school: plan.school, context: context, sources: plan.sources), hash)
        }.compactMap { $0 }
        let affected = evaluated.map(\.0)
        clock.lap("fingerprints (\(candidates.count))")
        // Pages are written in place: each file write replaces one whole page, and nothing is
        // written at all when the content has errors, so the last good site stays up.
        let failures = builder.renderAndWrite(prepared, theme: theme, to: options.output, only: affected)
        failures.forEach(log.add)
        clock.lap("render+write")
        for gone in pagePaths.subtracting(newPaths) {
            try? FileManager.default.removeItem(at: options.output.appendingPathComponent(gone))
        }
        if !log.hasErrors { for (plan, hash) in evaluated { fingerprints[plan.path] = hash } }
        markdown = prepared.markdown
        pagePaths = newPaths
        // Only when asked (`serve --pdf`): in place, remaking just the PDFs whose pages changed.
        let pdf = options.pdf.flatMap { settings in log.hasErrors ? nil : PDFStage(settings: settings, outputDisplay: options.output.lastPathComponent)
            .run(PDFJob.all(for: prepared.site), in: options.output, previous: options.output, log: log) }
        var result = BuildResult(diagnostics: log.all, schools: prepared.site.schools.count, pages: affected.count,
                                 seconds: Date().timeIntervalSince(start), wrote: !log.hasErrors)
        result.incremental = true
        result.pdf = pdf
        return result
    }
}
