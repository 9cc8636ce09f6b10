import Foundation
import Mustache
import SignpostLoad
import SignpostModel
import SignpostPublish
import SignpostRender
import SignpostResolve
import SignpostValidate
import SignpostWrite
import Synchronization

public struct BuildOptions: Sendable {
    public var content: URL
    public var theme: URL
    public var output: URL
    /// How paths appear in messages (as the user typed them).
    public var contentDisplay: String
    public var themeDisplay: String
    public var parallel: Bool = true
    public var today: Day = .today()
    /// HTML added before `</body>` on every page (the preview server's reload script); never set for `build`.
    public var injectBeforeBodyEnd: String?
    /// Render the pieces schools share once for the county (`PieceSharing`); off only to compare.
    public var sharing = true
    /// Where each page goes: every school in its folder, or one school at the root.
    public var urls = SiteURLs()
    /// Draft schools (`draft: true`) are built too: set by `serve` and `check`, never by `build`.
    public var includeDrafts = false
    /// Make each school's PDFs (`Publish/`); nil: none (`build --no-pdf`, `serve` without `--pdf`, tests).
    public var pdf: PDFSettings?
    /// Told how long work (the PDFs) is getting on; nil: nobody is watching.
    public var progress: BuildProgressHandler?
    /// Parse Markdown in worker processes (set by the command line), so a text that takes too
    /// long is stopped without holding up the others; nil: in this process, one parse at a time.
    public var markdownWorkers: MarkdownWorkers?
    /// A preview's pieces kept from its last builds (`IncrementalBuilder`); nil for `build`.
    var carried: Carried?

    public init(content: URL, theme: URL, output: URL, contentDisplay: String? = nil, themeDisplay: String? = nil) {
        self.content = content
        self.theme = theme
        self.output = output
        self.contentDisplay = contentDisplay ?? content.lastPathComponent
        self.themeDisplay = themeDisplay ?? theme.path
    }
}

public struct BuildResult: Sendable {
    public var diagnostics: [Diagnostic]
    public var schools: Int
    public var pages: Int
    public var seconds: Double
    public var wrote: Bool
    /// True for an incremental rebuild, where `pages` counts only the pages re-rendered.
    public var incremental = false
    /// The draft schools the build left out, by name.
    public var draftsLeftOut: [String] = []
    /// The one line saying so, or nil.
    public var draftsNote: String? { Drafts.note(leftOut: draftsLeftOut) }
    /// What the PDF stage did, when it ran.
    public var pdf: PDFReport?
    /// Schools whose own files have errors, kept as last published while the others were built
    /// (`wrote` is then false: the build failed, but the site was updated).
    public var kept: [KeptSchool] = []
    /// The one line naming them, or nil.
    public var keptNote: String? { KeptSchool.note(kept) }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

    public var summary: String {
        if wrote && incremental {
            return String(format: "Rebuilt %d page%@ in %.3f s", pages, pages == 1 ? "" : "s", seconds)
        }
        if wrote {
            return String(format: "Built %d school%@, %d pages in %.2f s", schools, schools == 1 ? "" : "s", pages, seconds)
        }
        if let keptNote {
            return keptNote + String(format: "; built the other %d school%@, %d pages in %.2f s", schools, schools == 1 ? "" : "s", pages, seconds)
        }
        return "Build failed: \(errors.count) error\(errors.count == 1 ? "" : "s"), \(warnings.count) warning\(warnings.count == 1 ? "" : "s"); the previous site was left as it was"
    }
}

/// The pipeline: load → resolve → validate → render → write. Each stage logs every problem
/// it finds; nothing is written unless the whole run is free of errors.
public struct SiteBuilder: Sendable {
    public let options: BuildOptions

    public init(options: BuildOptions) { self.options = options }

    /// Everything up to, not including, writing: what `check` runs.
    public struct Prepared: Sendable {
        public var site: ResolvedSite
        public var theme: Theme?
        public var markdown: RenderedTexts
        public var plans: [PagePlan]
        /// Each school's reused values and pieces, let go of once its pages are written.
        var scopes: [String: SchoolScope]
        /// Draft schools left out (when `includeDrafts` is off), by name.
        public var draftsLeftOut: [String] = []
        /// The pages of schools kept as last published (`SchoolIsolation`): path → school.
        var keptPages: [String: String] = [:]
        /// The PDFs made, for the pages that link to them: filled in before those are rendered.
        let downloads: PrintDownloads
    }

    /// `onlySchools`: plan pages for these schools only (an incremental rebuild, whose other
    /// schools keep their `previousPages`: path → school), plus the site-wide pages.
    public func prepare(log published: DiagnosticLog, markdownCache: RenderedTexts = RenderedTexts(), sourceCache: SourceCache? = nil,
                        onlySchools: ((ResolvedSite) -> Set<String>)? = nil, previousPages: [String: String?] = [:]) -> Prepared {
        let clock = PhaseClock()
        // Findings reach `published` at the end, a draft school's softened (see `Drafts`).
        let log = DiagnosticLog()
        // The theme loads alongside the content (the log sorts what both find).
        let options = self.options
        let load = { @Sendable (log: DiagnosticLog) in Theme(root: options.theme, displayRoot: options.themeDisplay, log: log) }
        let loadingTheme = Background { options.carried.map { $0.theme(log: log, load: load) } ?? load(log) }
        let content = ContentLoader(root: options.content, displayRoot: options.contentDisplay, cache: sourceCache).load(log: log)
        clock.lap("load")
        SiteLayout.reservedNameProblems(content.schools.map { ($0.id, $0.file) }).forEach(log.add)
        let drafts = Drafts(content, contentDisplay: options.contentDisplay)
        let resolved = OverrideResolver(content: content).resolve(log: log)
        ReferenceValidator(today: options.today).validate(resolved, log: log)
        let site = options.includeDrafts ? resolved : resolved.withoutDrafts()
        if case .oneSchool(let id) = options.urls.scheme, !site.schools.contains(where: { $0.school.id == id }) {
            let draft = resolved.schools.contains { $0.school.id == id }
            // Named at the schools' folder, not the school's: the draft's own findings are let go.
            log.error("\(options.contentDisplay)/schools", draft ? "\(id) is a draft, so it has no site to build yet"
                      : "there is no school called \"\(id)\" to build on its own",
                      suggestion: draft ? "take `draft: true` out of its school.md when it is ready"
                      : "use a school's folder name: " + site.schools.map(\.school.id).sorted().joined(separator: ", "))
        }
        clock.lap("resolve+validate")
        let markdown = MarkdownStage(options: options).render(site, cache: markdownCache, log: log)
        clock.lap("markdown")
        let theme = loadingTheme.value
        clock.lap("theme")
        let brand = brandColours(site, log: log)
        checkLogos(site, log: log)
        let downloads = PrintDownloads()
        let inputs = RenderInputs(site: site, markdown: markdown, today: options.today, brandColours: brand, urls: options.urls,
                                  sharing: options.sharing, library: theme?.library, downloads: downloads,
                                  carried: options.carried)
        let (plans, scopes) = PagePlanner(inputs: inputs).plans(parallel: options.parallel, schools: onlySchools?(site))
        clock.lap("page plans")
        MarkdownLinkChecker(site: site, markdown: markdown, plans: plans, urls: options.urls,
                            keptPages: Set(SiteBuilder.keptPages(previousPages, plans: plans, site: site).keys)).check(log: log)
        clock.lap("link check")
        drafts.pass(log.all, to: published, keepingDrafts: options.includeDrafts)
        return Prepared(site: site, theme: theme, markdown: markdown, plans: plans,
                        scopes: scopes, draftsLeftOut: options.includeDrafts ? [] : drafts.names, downloads: downloads)
    }

    /// Of the pages an earlier build wrote (path → school), those of schools that still exist
    /// and were not planned this time: they stay as they are.
    static func keptPages(_ previous: [String: String?], plans: [PagePlan], site: ResolvedSite) -> [String: String?] {
        guard !previous.isEmpty else { return [:] }
        let planned = Set(plans.compactMap(\.school))
        let schools = Set(site.schools.map(\.school.id))
        return previous.filter { _, school in school.map { schools.contains($0) && !planned.contains($0) } ?? false }
    }

    public func build() -> BuildResult { buildKeepingState().result }

    /// A full build that also returns what it prepared, so an incremental builder can reuse it.
    func buildKeepingState(markdownCache: RenderedTexts = RenderedTexts(), sourceCache: SourceCache? = nil,
                           fingerprints: Fingerprints? = nil) -> (result: BuildResult, prepared: Prepared?) {
        let start = Date()
        let log = DiagnosticLog()
        let writer = SiteWriter(output: options.output)
        do {
            try writer.checkOutput(protecting: [options.content, options.theme])
        } catch {
            log.error(options.output.lastPathComponent, "\(error)")
            return (BuildResult(diagnostics: log.all, schools: 0, pages: 0, seconds: Date().timeIntervalSince(start), wrote: false), nil)
        }
        let leftovers = writer.removeLeftovers()
        if !leftovers.isEmpty {
            log.warning(options.output.lastPathComponent, "removed the unfinished copies that interrupted builds left beside it: \(leftovers.joined(separator: ", "))")
        }
        // Errors in a school's own folder keep that school as last published (`SchoolIsolation`).
        let found = DiagnosticLog()
        var prepared = prepare(log: found, markdownCache: markdownCache, sourceCache: sourceCache)
        let kept = SchoolIsolation(options: options, live: writer.output).isolate(&prepared, found: found, into: log)
        guard !log.hasErrors, let theme = prepared.theme else {
            return (BuildResult(diagnostics: log.all, schools: prepared.site.schools.count, pages: 0, seconds: Date().timeIntervalSince(start), wrote: false), prepared)
        }
        let staging: URL
        do { staging = try writer.makeStaging() } catch {
            log.error(options.output.lastPathComponent, "cannot create a folder next to the output to build in: \(error.localizedDescription)")
            return (BuildResult(diagnostics: log.all, schools: 0, pages: 0, seconds: Date().timeIntervalSince(start), wrote: false), nil)
        }
        let clock = PhaseClock()
        var pdf: PDFReport?
        // Pages that link to the PDFs with their sizes are written once the PDFs are made; every
        // page's path is checked against every other's first, as one write would hide another.
        do { try SiteWriter.makeFolders(for: prepared.plans.map(\.path), in: staging) } catch {
            log.error(options.output.lastPathComponent, "\(error)")
        }
        if !log.hasErrors {
            renderAndWrite(prepared, theme: theme, to: staging, only: prepared.plans.filter { !$0.showsDownloads },
                           fingerprints: fingerprints).forEach(log.add)
        }
        clock.lap("templates+write")
        if !log.hasErrors {
            do {
                try copyAssets(theme: theme, site: prepared.site, to: staging)
                try writeSitemap(prepared, to: staging)
                let lastPDFs = PDFManifest.read(content: options.content, output: options.output)
                pdf = options.pdf.map { PDFStage(settings: $0, outputDisplay: options.output.lastPathComponent, progress: options.progress)
                    .run(PDFJob.all(for: prepared.site, urls: options.urls), in: staging, previous: writer.output, old: lastPDFs, log: log) }
                clock.lap("assets+PDFs")
                prepared.downloads.record(pdf?.downloads ?? [:])
                renderAndWrite(prepared, theme: theme, to: staging, only: prepared.plans.filter(\.showsDownloads),
                               fingerprints: fingerprints).forEach(log.add)
                if !log.hasErrors {
                    try kept.write(into: staging)
                    try writer.commit(staging)
                    // Build state, outside the output, once the site it describes is in place;
                    // only a county site isolates schools.
                    kept.manifest(pdf?.manifest ?? PDFManifest(), old: lastPDFs).save(content: options.content, output: options.output, log: log)
                    if case .county = options.urls.scheme {
                        try kept.summaries(of: prepared.site).save(content: options.content, output: options.output)
                    }
                }
                clock.lap("linking pages+swap")
            } catch {
                log.error(options.output.lastPathComponent, "\(error)")
            }
        }
        let failed = log.hasErrors
        if failed { writer.discard(staging) }
        kept.findings.forEach(log.add)
        var result = BuildResult(diagnostics: log.all, schools: prepared.site.schools.count, pages: failed ? 0 : prepared.plans.count,
                                 seconds: Date().timeIntervalSince(start), wrote: !failed && kept.isEmpty)
        result.draftsLeftOut = prepared.draftsLeftOut
        result.kept = failed ? [] : kept.schools
        result.pdf = failed ? nil : pdf
        return (result, prepared)
    }

    func brandColours(_ site: ResolvedSite, log: DiagnosticLog) -> [String: BrandColour] {
        var result: [String: BrandColour] = [:]
        for school in site.schools {
            guard let colour = school.school.colour else { continue }
            guard let parsed = BrandColour(hex: colour.value) else {
                log.error(colour.file, line: colour.line, column: colour.column, "\"\(colour.value)\" is not a colour", suggestion: "write it as a hex code such as \"#1d5fa0\" (in quotes)")
                continue
            }
            let safe = parsed.darkenedForContrast()
            if safe != parsed {
                log.warning(colour.file, line: colour.line, column: colour.column,
                            String(format: "white text on %@ has a contrast of only %.1f:1 (4.5:1 is needed); the site uses the darker %@ instead", parsed.hex, parsed.contrastWithWhite, safe.hex))
            }
            result[school.school.id] = safe
        }
        return result
    }

    func checkLogos(_ site: ResolvedSite, log: DiagnosticLog) {
        let contentGate = self.contentGate
        for school in site.schools {
            guard let logo = school.school.logo else { continue }
            let url = URL(fileURLWithPath: school.school.folder).appendingPathComponent(logo.value).standardizedFileURL
            let ext = url.pathExtension.lowercased()
            if logo.value.contains("/") || logo.value.contains("\\") || !LogoFile.extensions.contains(ext) {
                log.error(logo.file, line: logo.line, column: logo.column, "`logo` should be the name of a PNG, JPEG or SVG picture in the school's folder, such as logo.png")
            } else if let refusal = contentGate.check("schools/\(school.school.id)/\(logo.value)", kind: .logo) {
                let (message, suggestion) = contentGate.explain(refusal)
                log.error(logo.file, line: logo.line, column: logo.column,
                          refusal == .missing ? "the logo file \"\(logo.value)\" is not in the school's folder" : "the logo file \"\(logo.value)\": \(message)",
                          suggestion: refusal == .missing ? nil : suggestion)
            } else if let data = try? contentGate.data("schools/\(school.school.id)/\(logo.value)", kind: .logo),
                      case let .failure(problem) = LogoFile.publishable(data, ext: ext) {
                log.error(logo.file, line: logo.line, column: logo.column, "the logo \"\(logo.value)\" cannot be published: \(problem.message)",
                          suggestion: problem.suggestion)
            }
        }
    }

    /// Logos are read through the same gate as every content file.
    var contentGate: FileGate { FileGate(root: options.content, displayRoot: options.contentDisplay) }

    /// Collects each written page's values fingerprint, for incremental rebuilds.
    final class Fingerprints: Sendable {
        private let stored = Mutex<[String: Int]>([:])
        var byPath: [String: Int] { stored.withLock { $0 } }
        func set(_ path: String, _ hash: Int) { stored.withLock { $0[path] = hash } }
    }

    func renderAndWrite(_ prepared: Prepared, theme: Theme, to staging: URL,
                        only plans: [PagePlan]? = nil, fingerprints: Fingerprints? = nil) -> [Diagnostic] {
        let inject = options.injectBeforeBodyEnd
        let pages = plans ?? prepared.plans
        do { try SiteWriter.makeFolders(for: pages.map(\.path), in: staging) } catch {
            return [Diagnostic(file: options.output.lastPathComponent, "\(error)")]
        }
        let stagingPath = staging.path
        let timings = TemplateTimings()
        defer { timings.report() }
        let render: @Sendable (PagePlan) -> Diagnostic? = { plan in
            let library = theme.library
            let started = timings.enabled ? Date() : nil
            let values = plan.values
            if let started { timings.add(plan.template + " (values)", Date().timeIntervalSince(started)) }
            fingerprints?.set(plan.path, ContextHash.of(values))
            let rendered = library.render(values, withTemplate: plan.template)
            if let started { timings.add(plan.template, Date().timeIntervalSince(started)) }
            guard var html = rendered else {
                return Diagnostic(file: options.themeDisplay, "the theme has no \(plan.template).mustache template")
            }
            if let inject, let end = html.range(of: "</body>", options: .backwards) { html.insert(contentsOf: inject, at: end.lowerBound) }
            do {
                try SiteWriter.writePage(html, to: plan.path, in: stagingPath)
                return nil
            } catch {
                return Diagnostic(file: options.output.lastPathComponent, "could not write \(plan.path): \(error)")
            }
        }
        // In batches of whole schools: once a school's pages are written, its pieces are let
        // go of, so memory stays flat however many schools the county has.
        var failures: [Diagnostic] = []
        var start = 0
        while start < pages.count {
            var end = min(start + SiteBuilder.batchSize, pages.count)
            while end < pages.count, let school = pages[end].school, school == pages[end - 1].school { end += 1 }
            let batch = Array(pages[start..<end])
            failures += ParallelMap.map(batch, parallel: options.parallel, render).compactMap { $0 }
            for school in Set(batch.compactMap(\.school)) where end == pages.count || pages[end].school != school {
                prepared.scopes[school]?.release()
            }
            start = end
        }
        return failures
    }

    static let batchSize = 1024

    func copyAssets(theme: Theme, site: ResolvedSite, to staging: URL) throws {
        for asset in theme.assets {
            let data = try theme.gate.data("assets/" + asset, kind: .asset)
            try SiteWriter.write(data, to: options.urls.asset(asset), in: staging)
        }
        for school in site.schools where options.urls.includes(school: school.school.id) {
            guard let logo = try logo(of: school) else { continue }
            try SiteWriter.write(logo.data, to: logo.path, in: staging)
        }
    }

    /// A school's logo as published (an SVG drawn as a PNG) and its place in the site, or nil without one.
    func logo(of school: ResolvedSchool) throws -> (path: String, data: Data)? {
        guard let logo = school.school.logo?.value else { return nil }
        let data = try contentGate.data("schools/\(school.school.id)/\(logo)", kind: .logo)
        let published = try LogoFile.publishable(data, ext: URL(fileURLWithPath: logo).pathExtension.lowercased()).get()
        return (options.urls.logo(school.school.id, file: logo), published)
    }

    func writeSitemap(_ prepared: Prepared, to staging: URL) throws {
        // A school's site on its own is at an address of the school's, which Signpost does not
        // know: a sitemap may list only addresses of its own site, so it has none.
        guard let base = prepared.site.content.site.baseURL, case .county = options.urls.scheme else { return }
        try SiteWriter.write(sitemap(base: base, pages: prepared.plans.map(\.path) + prepared.keptPages.keys), to: options.urls.sitemap, in: staging)
    }

    /// Every page but the 404 page, in the order of their paths (the site's home first), so that
    /// a rebuild in place that knows only the set of pages writes the same bytes.
    func sitemap(base: String, pages: [String]) -> Data {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        let home = options.urls.home
        for page in pages.sorted(by: { ($0 != home ? 1 : 0, $0) < ($1 != home ? 1 : 0, $1) }) where page != options.urls.notFound {
            let path = page.hasSuffix("index.html") ? String(page.dropLast("index.html".count)) : page
            xml += "  <url><loc>\(HTML.escape(base + path))</loc></url>\n"
        }
        xml += "</urlset>\n"
        return Data(xml.utf8)
    }
}
