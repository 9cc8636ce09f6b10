import SignpostModel
import SignpostResolve

/// A page to write: its place in the site, the template, the content files it shows, and how
/// to build the values the template shows.
public struct PagePlan: Sendable {
    public var path: String
    public var template: String
    /// The school the page belongs to (nil for site-wide pages): which school's pages a rebuild or a kept school touches.
    public var school: String?
    /// Content files this page shows, so a saved file maps to the pages to rebuild.
    public var sources: Set<String>
    /// It links to the school's PDFs with their sizes, so it is rendered after they are made
    /// (`PrintDownloads`).
    public var showsDownloads = false
    /// Built only when the page is rendered: an incremental rebuild builds the values of the
    /// pages it renders and no others, and a full build never holds every page's values at once.
    let makeValues: @Sendable () -> TemplateObject

    package var values: TemplateObject { makeValues() }

    init(path: String, template: String, school: String?, sources: Set<String>, values: @escaping @Sendable () -> TemplateObject) {
        self.path = path
        self.template = template
        self.school = school
        self.sources = sources
        self.makeValues = values
    }

    /// The same page with its values already built.
    package func with(_ values: TemplateObject) -> PagePlan {
        var plan = PagePlan(path: path, template: template, school: school, sources: sources) { values }
        plan.showsDownloads = showsDownloads
        return plan
    }
}

/// Which pages the site has: for each, its path (from `SiteURLs`), template, sources and the
/// builder of its values (`PageValues`).
package struct PagePlanner {
    let inputs: RenderInputs

    var urls: SiteURLs { inputs.urls }
    var site: ResolvedSite { inputs.site }

    /// The schools the site has pages for.
    var schools: [ResolvedSchool] { site.schools.filter { urls.includes(school: $0.school.id) } }

    /// Every page to write (`only`: of these schools, plus the site-wide pages), and each
    /// school's scope, which the renderer lets go of once the school's pages are written.
    package func plans(parallel: Bool = true, schools only: Set<String>? = nil) -> (plans: [PagePlan], scopes: [String: SchoolScope]) {
        let all = schools
        let planned = only.map { ids in all.filter { ids.contains($0.school.id) } } ?? all
        // Schools are independent: their pages are planned in parallel.
        let perSchool = ParallelMap.map(planned, parallel: parallel) { school -> ([PagePlan], SchoolScope) in
            let scope = SchoolScope(school: school, inputs: inputs)
            return (schoolPages(school, scope: scope), scope)
        }
        let siteScope = SchoolScope(school: nil, inputs: inputs)
        let plans = sitePages(all, scope: siteScope) + perSchool.flatMap(\.0)
        return (plans, Dictionary(zip(planned.map(\.school.id), perSchool.map(\.1))) { first, _ in first })
    }

    func sitePages(_ schools: [ResolvedSchool], scope: SchoolScope) -> [PagePlan] {
        let inputs = inputs
        // Each lists the schools, or shows the "Get help now" lines their areas share.
        let files = Set(schools.map(\.school.file) + schools.map(\.area.file))
        var plans: [PagePlan] = []
        if let path = urls.schoolList {
            plans.append(PagePlan(path: path, template: "index", school: nil, sources: files) {
                PageValues(inputs: inputs, scope: scope).index(path: path, schools: schools).object
            })
        }
        let notFound = urls.notFound
        plans.append(PagePlan(path: notFound, template: "404", school: nil, sources: files) {
            PageValues(inputs: inputs, scope: scope).notFound(path: notFound).object
        })
        let accessibility = urls.accessibility
        plans.append(PagePlan(path: accessibility, template: "accessibility", school: nil, sources: files) {
            PageValues(inputs: inputs, scope: scope).accessibility(path: accessibility, schools: schools).object
        })
        return plans
    }

    func schoolPages(_ school: ResolvedSchool, scope: SchoolScope) -> [PagePlan] {
        let inputs = inputs
        let s = school.school
        let id = s.id
        let values = PageValues(inputs: inputs, scope: scope)
        var plans: [PagePlan] = []
        func add(_ within: String, _ template: String, _ files: [String],
                 _ build: @escaping @Sendable (_ path: String, _ place: Place) -> TemplateObject) {
            let path = urls.folder(id) + within
            let place = Place(path: path, within: within)
            plans.append(PagePlan(path: path, template: template, school: id, sources: Set([s.file] + files)) { build(path, place) })
        }
        let home = urls.schoolList.map { [Crumb(name: "Home", url: $0)] } ?? []
        let trail = home + [Crumb(name: s.name, url: urls.offer(id))]
        let sensitiveTopics = Set(school.topics.filter(\.sensitive).map(\.id))
        let topics = school.topics.filter { topic in
            school.entries.contains { $0.topics.contains(topic.id) } || school.topicTexts[topic.id] != nil
        }
        let Within = SiteURLs.Within.self
        // Pages that list domestic-abuse or sexual-violence help offer "Exit this page".
        let listsSensitive = { (entries: [ResolvedEntry]) in entries.contains { $0.topics.contains(where: sensitiveTopics.contains) } }
        let offerIsSensitive = listsSensitive(school.entries) || topics.contains(where: \.sensitive)
        let templates = inputs.theme.library
        // Pages a theme from before them may lack: planned only when it has their template.
        let has = { (template: String) in templates.getTemplate(named: template) != nil }

        add(Within.offer, "school", school.entries.flatMap(\.sources)) { path, _ in
            values.offer(school, path: path, crumbs: home, topics: topics, sensitive: offerIsSensitive).object
        }
        plans[plans.count - 1].showsDownloads = true
        for level in school.levels {
            let entries = school.entries.filter { $0.levels.contains(level.id) }
            add(Within.level(level.id), "level", entries.flatMap(\.sources)) { path, place in
                values.level(level, of: school, path: path, place: place, sensitive: offerIsSensitive, crumbs: trail).object
            }
        }
        if has("a-z") {
            add(Within.aToZ, "a-z", school.entries.flatMap(\.sources)) { path, place in
                values.aToZ(school, path: path, place: place, crumbs: trail, topics: topics, sensitive: offerIsSensitive).object
            }
        }
        if has("about") {
            add(Within.about, "about", []) { path, _ in values.about(school, path: path, crumbs: trail).object }
        }
        if has("how-help-works") {
            add(Within.howHelpWorks, "how-help-works", [school.area.file] + school.entries.flatMap(\.sources)) { path, _ in
                values.howHelpWorks(school, path: path, crumbs: trail).object
            }
        }
        // A page per topic the school has something for.
        for topic in topics {
            let entries = school.entries.filter { $0.topics.contains(topic.id) }
            add(Within.topic(topic.id), "topic", entries.flatMap(\.sources) + (school.topicTexts[topic.id]?.files ?? [])) { path, place in
                values.topic(topic, of: school, path: path, place: place, crumbs: trail).object
            }
        }
        for entry in school.entries {
            let sensitive = entry.topics.contains { sensitiveTopics.contains($0) }
            add(Within.entry(entry), "entry", entry.sources) { path, place in
                values.entry(entry, path: path, place: place, sensitive: sensitive, crumbs: trail).object
            }
        }
        for page in s.pages {
            add(Within.page(page.id), "page", [page.file]) { path, _ in
                values.extraPage(page, path: path, crumbs: trail).object
            }
        }
        add(Within.handout, "handout", school.entries.flatMap(\.sources)) { path, _ in
            values.handout(school, path: path, topics: topics).object
        }
        // Everything the school's pages show, on one page to print: its PDF is the whole offer.
        let allFiles = school.entries.flatMap(\.sources) + school.topicTexts.values.flatMap(\.files) + s.pages.map(\.file)
        add(Within.wholeOffer, "offer-document", allFiles) { path, _ in
            values.offerDocument(school, path: path, crumbs: trail, topics: topics).object
        }
        return plans
    }

    package init(inputs: RenderInputs) {
        self.inputs = inputs
    }
}
