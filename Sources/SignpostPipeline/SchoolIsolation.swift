import Foundation
import SignpostModel
import SignpostRender
import SignpostResolve
import SignpostWrite

/// One school's mistake never blocks the others. When every error a build found is in some
/// school's own folder (`Content/schools/<id>/`: its `school.md`, services, changes to
/// agencies, pages, topic texts, templates, logo, or the folder's name), those schools keep
/// their last published pages and every other school is built; the build still fails (exit 1)
/// and names them. An error anywhere else (the national or an area's library, `topics.yml`,
/// `levels.yml`, `site.yml`, the theme) reaches every school, so it stops the whole build.
///
/// A kept school's folder is copied from the live site as it is (pages, logo, PDFs); the
/// site-wide pages list it as it was last published, from `SchoolSummaries`. A school that was
/// never published has nothing to keep and is left out. A school with `draft: true` never
/// gets here: its findings are warnings (`Drafts`).
struct SchoolIsolation {
    let options: BuildOptions
    /// The live site, where the kept schools' last published pages are.
    let live: URL

    /// Passes `found` (all that `prepare` reported) on to `log`, except the errors of the
    /// schools it keeps, which it takes out of `prepared` (their pages are not planned, and the
    /// site-wide pages show their last published lines instead). Keeps none, passing every
    /// finding on, when an error is outside every school's folder or the site is one school.
    func isolate(_ prepared: inout SiteBuilder.Prepared, found: DiagnosticLog, into log: DiagnosticLog) -> KeptSchools {
        let findings = found.all
        let folders = SchoolFolders(contentDisplay: options.contentDisplay)
        guard case .county = options.urls.scheme, let theme = prepared.theme,
              var kept = owners(of: findings.filter { $0.severity == .error }, folders), !kept.isEmpty else {
            findings.forEach(log.add)
            return KeptSchools(live: live)
        }
        let previous = SchoolSummaries.read(content: options.content, output: options.output) ?? SchoolSummaries()
        var later: [Diagnostic] = []
        // Links from the schools built to a kept school now lead to its last published pages,
        // which may lack the page linked to: such a link keeps its school too, and so on.
        for _ in 0...prepared.site.schools.count {
            let plan = replan(prepared, theme: theme, keeping: kept, previous: previous)
            let checked = DiagnosticLog()
            MarkdownLinkChecker(site: plan.built, markdown: prepared.markdown, plans: plan.plans, urls: options.urls,
                                keptPages: Set(plan.result.pages.keys)).check(log: checked)
            let passed = DiagnosticLog()
            Drafts(plan.built.content, contentDisplay: options.contentDisplay).pass(checked.all, to: passed, keepingDrafts: options.includeDrafts)
            later += passed.all
            let errors = passed.errors
            if errors.isEmpty {
                var result = plan.result
                keepPagesLinked(from: &result, plan: plan, log: log)
                let all = findings + later
                all.filter { $0.severity == .warning || !kept.contains(folders.school(of: $0.file) ?? "") }.forEach(log.add)
                result.findings = all.filter { $0.severity == .error && kept.contains(folders.school(of: $0.file) ?? "") }
                result.schools = kept.sorted().map { id in
                    KeptSchool(id: id, name: previous.schools[id]?.name ?? prepared.site.content.schools.first { $0.id == id }?.name ?? id,
                               errors: result.findings.filter { folders.school(of: $0.file) == id }.count,
                               wasPublished: result.pages.values.contains(id))
                }
                prepared.site = plan.built
                prepared.plans = plan.plans
                prepared.scopes = plan.scopes
                prepared.keptPages = result.pages
                return result
            }
            guard let more = owners(of: errors, folders) else { break }
            kept.formUnion(more)
        }
        (findings + later).forEach(log.add)
        return KeptSchools(live: live)
    }

    /// Pages a kept school's last published pages link to, which their own school has since
    /// deleted: each is kept from the live site too, with a warning, so the kept pages publish
    /// no broken link.
    func keepPagesLinked(from result: inout KeptSchools, plan: Plan, log: DiagnosticLog) {
        let keptPages = result.pages.keys.sorted()
        let gone = KeptLinks(live: live).gone(from: keptPages, schools: Set(plan.built.schools.map(\.school.id)),
                                               planned: Set(plan.plans.map(\.path)))
        for (target, school) in gone.sorted(by: { $0.key < $1.key }) {
            result.files[school, default: []].append(target)
            result.pages[target] = school
            let keptNames = Set(keptPages.filter { page in
                (try? String(contentsOf: live.appendingPathComponent(page), encoding: .utf8)).map { html in
                    KeptLinks.hrefs(in: html).contains { KeptLinks.resolve($0, from: page) == target }
                } ?? false
            }.compactMap { $0.split(separator: "/").first.map(String.init) }).sorted()
            let name = plan.built.schools.first { $0.school.id == school }?.school.name ?? school
            log.warning("\(options.contentDisplay)/schools/\(school)",
                        "\(name) no longer has the page \(target), but the last published pages of \(keptNames.joined(separator: ", ")) (kept because of their errors) link to it, so its last published copy stays on the site",
                        suggestion: "fix the errors of \(keptNames.joined(separator: ", ")); the old page goes with the next build after that")
        }
    }

    /// The schools whose folders hold these errors, or nil when one is outside every school's folder.
    func owners(of errors: [Diagnostic], _ folders: SchoolFolders) -> Set<String>? {
        var owners = Set<String>()
        for error in errors {
            guard let owner = folders.school(of: error.file) else { return nil }
            owners.insert(owner)
        }
        return owners
    }

    struct Plan {
        /// The site without the kept schools: what is built and published.
        var built: ResolvedSite
        var plans: [PagePlan]
        var scopes: [String: SchoolScope]
        var result: KeptSchools
    }

    /// The pages of every school but the kept ones, and the site-wide pages with each kept
    /// school's last published line in its place.
    func replan(_ prepared: SiteBuilder.Prepared, theme: Theme, keeping kept: Set<String>, previous: SchoolSummaries) -> Plan {
        var built = prepared.site
        built.schools.removeAll { kept.contains($0.school.id) }
        built.content.schools.removeAll { kept.contains($0.id) }
        var result = KeptSchools(live: live)
        var standIns: [ResolvedSchool] = []
        for id in kept.sorted() {
            guard let files = KeptFolder.files(of: id, in: live) else { continue }
            result.files[id] = files
            for page in KeptFolder.pages(files) { result.pages[page] = id }
            // Its line as last published; from a site built before these lines were kept, the
            // school as it reads now, if it still does.
            if let line = previous.schools[id] {
                result.lines[id] = line
                standIns.append(SchoolSummaries.standIn(id, line, areas: built.content.areas, contentDisplay: options.contentDisplay,
                                                        contentRoot: options.content))
            } else if let now = prepared.site.schools.first(where: { $0.school.id == id }) {
                result.lines[id] = SchoolSummaries(ResolvedSite(content: built.content, schools: [now])).schools[id]
                standIns.append(now)
            }
        }
        var shown = built
        shown.schools = NaturalOrder.sorted(built.schools + standIns) { $0.school.name + "\u{1}" + $0.school.id }
        let builder = SiteBuilder(options: options)
        let inputs = RenderInputs(site: shown, markdown: prepared.markdown, today: options.today,
                                  brandColours: builder.brandColours(built, log: DiagnosticLog()), urls: options.urls,
                                  sharing: options.sharing, library: theme.library, downloads: prepared.downloads)
        let (plans, scopes) = PagePlanner(inputs: inputs).plans(parallel: options.parallel, schools: Set(built.schools.map(\.school.id)))
        return Plan(built: built, plans: plans, scopes: scopes, result: result)
    }
}
