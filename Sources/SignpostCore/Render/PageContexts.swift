import Foundation
import Mustache

/// A page to write: its place in the site, the template, and the values the template shows.
public struct PagePlan: @unchecked Sendable {
    public var path: String
    public var template: String
    /// Which school's template overrides apply (nil for site-wide pages).
    public var school: String?
    /// Content files this page shows, so a saved file maps to the pages to rebuild.
    public var sources: Set<String>
    /// Built only when the page is rendered: an incremental rebuild builds the values of the
    /// pages it renders and no others, and a full build never holds every page's values at once.
    let makeContext: () -> [String: Any]

    public var context: [String: Any] { makeContext() }

    init(path: String, template: String, school: String?, context: [String: Any], sources: Set<String>) {
        self.init(path: path, template: template, school: school, sources: sources) { context }
    }

    init(path: String, template: String, school: String?, sources: Set<String>, build: @escaping () -> [String: Any]) {
        self.path = path
        self.template = template
        self.school = school
        self.sources = sources
        self.makeContext = build
    }
}

/// Builds the values every template sees. Keys are only set when there is a value:
/// swift-mustache prints "nil" for a nil, so absent means "leave it out".
struct PageContexts: @unchecked Sendable {
    /// What every school's pages share, held once by reference: every closure that builds a
    /// page's values captures a copy of this struct, and copying thirty fields' references on
    /// each (from both threads, on the same objects) was a sixth of a build.
    final class Store: @unchecked Sendable {
        let site: ResolvedSite
        let markdown: [String: RenderedMarkdown]
        let today: Day
        let brandColours: [String: BrandColour]
        let library: MustacheLibrary?
        let schoolLibraries: [String: MustacheLibrary]
        let topicsByID: [String: Topic]
        let details = OnceCache<String, EntryDetails>()
        let fragments = OnceCache<String, Fragment>()
        let entryPages = OnceCache<String, TemplateValues>()
        let cardValues = OnceCache<String, [String: Any]>()

        init(site: ResolvedSite, markdown: [String: RenderedMarkdown], today: Day, brandColours: [String: BrandColour],
             library: MustacheLibrary?, schoolLibraries: [String: MustacheLibrary]) {
            self.site = site
            self.markdown = markdown
            self.today = today
            self.brandColours = brandColours
            self.library = library
            self.schoolLibraries = schoolLibraries
            self.topicsByID = Dictionary(site.content.topics.map { ($0.id, $0) }) { first, _ in first }
        }
    }

    let store: Store
    /// Per school, made once before its pages: what every page of the school shows, and each
    /// entry's card (the same on the offer, level, topic and handout pages), as values and as
    /// HTML rendered once per folder depth.
    var fragments: [String: SchoolFragments] = [:]

    init(site: ResolvedSite, markdown: [String: RenderedMarkdown], today: Day, brandColours: [String: BrandColour],
         library: MustacheLibrary? = nil, schoolLibraries: [String: MustacheLibrary] = [:]) {
        store = Store(site: site, markdown: markdown, today: today, brandColours: brandColours, library: library, schoolLibraries: schoolLibraries)
    }

    var site: ResolvedSite { _read { yield store.site } }
    var markdown: [String: RenderedMarkdown] { _read { yield store.markdown } }
    var today: Day { store.today }
    var brandColours: [String: BrandColour] { _read { yield store.brandColours } }
    /// The theme's templates, and the schools that override some of them.
    var library: MustacheLibrary? { _read { yield store.library } }
    var schoolLibraries: [String: MustacheLibrary] { _read { yield store.schoolLibraries } }
    var config: SiteConfig { site.content.site }
    var topicsByID: [String: Topic] { _read { yield store.topicsByID } }
    /// Each entry's details, shared across schools, made on first use.
    var shared: OnceCache<String, EntryDetails> { store.details }
    /// Library entries' cards and entries' level and topic links, shared across schools (see
    /// `SchoolFragments.card` and `entryLinks`).
    var sharedFragments: OnceCache<String, Fragment> { store.fragments }
    /// Library entries' own pages' values, shared across schools (see `entryPage`).
    var sharedEntryPages: OnceCache<String, TemplateValues> { store.entryPages }
    /// Library entries' card values, shared across schools (see `cardBase`).
    var sharedCardValues: OnceCache<String, [String: Any]> { store.cardValues }

    static func root(for path: String) -> String {
        // Counted over bytes: splitting by Character was a tenth of an entry page's values.
        var slashes = 0
        for byte in path.utf8 where byte == UInt8(ascii: "/") { slashes += 1 }
        return String(repeating: "../", count: slashes)
    }

    /// From a page of a school, the way to the school's folder: one level below the site's
    /// root, so `root` less one step. Links made with it name no school, and so read the
    /// same in every school's copy of a shared piece.
    static func schoolRoot(_ root: String) -> String { String(root.dropFirst(3)) }

    func html(_ markdown: String) -> String { self.markdown[markdown]?.html ?? "" }

    // MARK: Pieces shared by many pages

    func phones(_ phones: [Phone]) -> [[String: Any]] {
        phones.map { phone in
            var item: [String: Any] = ["number": phone.display, "href": phone.href]
            item["phone_label"] = phone.label
            item["phone_hours"] = phone.hours
            if phone.isText { item["is_text"] = true }
            return item
        }
    }

    func emails(_ emails: [Email]) -> [[String: Any]] {
        emails.map { email in
            var item: [String: Any] = ["address": email.address, "mail_href": "mailto:" + email.address]
            item["email_label"] = email.label
            return item
        }
    }

    func websites(_ sites: [Website]) -> [[String: Any]] {
        sites.map { site in
            var item: [String: Any] = ["web_url": site.url, "web_short": PageContexts.shortURL(site.url)]
            item["web_label"] = site.label
            return item
        }
    }

    /// "www.nspcc.org.uk/keeping-children-safe" — what fits on a printed line.
    static func shortURL(_ url: String) -> String {
        var text = Substring(url)
        for prefix in ["https://", "http://"] where url.hasPrefix(ignoringASCIICase: prefix) { text = text.dropFirst(prefix.utf8.count); break }
        if text.utf8.last == UInt8(ascii: "/") { text = text.dropLast() }
        return String(text)
    }

    static let referralWords = ["self": "You can contact them yourself", "school": "The school can refer you",
                                "gp": "Your GP can refer you", "professional": "Another professional can refer you"]

    func levelURL(_ school: String, _ level: String) -> String { "\(school)/levels/\(level)/index.html" }
    func topicURL(_ school: String, _ topic: String) -> String { "\(school)/topics/\(topic)/index.html" }
    func entryURL(_ school: String, _ entry: ResolvedEntry) -> String {
        "\(school)/\(entry.kind == .service ? "services" : "agencies")/\(entry.id)/index.html"
    }

    /// An entry's card values: what lists of entries show (from the entry's files alone).
    func entry(_ entry: ResolvedEntry) -> [String: Any] {
        let f = entry.fields
        var item: [String: Any] = ["id": entry.id, "name": entry.name]
        item["summary"] = f.summary?.value
        if entry.kind == .service { item["is_service"] = true }
        if let list = f.phones?.value, !list.isEmpty { item["phones"] = phones(list); item["first_phone"] = phones([list[0]])[0] }
        if let list = f.emails?.value, !list.isEmpty { item["emails"] = emails(list) }
        if let list = f.websites?.value, !list.isEmpty { item["websites"] = websites(list); item["first_website"] = websites([list[0]])[0] }
        return item
    }

    /// The `entry` values of an entry's own page, with `content_html` (`entry-content`, the page's
    /// main part) rendered from them. Made once per entry as its files make it and per set of
    /// level names and topics, and shared by every school that lists the entry unchanged: so
    /// they name no school, and their links lead within the school (`offer_link`, `level_link`,
    /// `topic_link`). A school's own services (and changed agencies) also get `people` and
    /// `school_name`.
    func entryPage(_ entry: ResolvedEntry, in school: ResolvedSchool) -> TemplateValues {
        let levels = school.levels.filter { entry.levels.contains($0.id) }
        let topics = entry.topics.compactMap { topicsByID[$0] }
        let own = !isShared(entry, in: school)
        let key = entry.filesKey + "|" + PageContexts.linksKey(levels, topics)
        return (own ? fragments(for: school).entryPages : sharedEntryPages).value(key) { [self] in
            let f = entry.fields
            let root = PageContexts.root(for: entryURL(school.school.id, entry))
            let links = linkLists(levels, topics, in: school, root: root)
            var item: [String: Any] = ["id": entry.id, "name": entry.name, "offer_link": PageContexts.schoolRoot(root) + "index.html"]
            item.merge(links) { own, _ in own }
            item["summary"] = f.summary?.value
            if entry.kind == .service { item["is_service"] = true }
            item["links_html"] = entryLinks(levels, topics, in: school, root: root, values: links)
            if let reviewed = f.reviewed?.value { item["entry_reviewed"] = reviewed.description; item["entry_reviewed_iso"] = reviewed.iso }
            if own, let people = f.people?.value, !people.isEmpty {
                item["school_name"] = school.school.name
                item["people"] = people.map { name -> [String: Any] in
                    var person: [String: Any] = ["person_name": name]
                    if let p = school.school.people.first(where: { $0.name == name }) { person.merge(self.person(p)) { a, _ in a } }
                    return person
                }
            }
            // The details (body, contacts, referral, ages, cost) depend only on the entry's files.
            let details = sharedDetails(entry, in: school)
            item["details_html"] = details.html
            var values = item.mapValues(TemplateValues.wrap)
            values.merge(details.values) { own, _ in own }
            let templates = schoolLibraries[school.school.id] ?? library
            let content = values
            values["content_html"] = Fragment(template: "entry-content", values: { content }) { template, values in
                Fragment.placedOnItsOwnLine(templates?.render(TemplateValues(values), withTemplate: template) ?? "")
            }
            return TemplateValues(values)
        }
    }

    /// Whether what the entry's files make (its details and cards) is the same for every school
    /// that lists it. Not for a service, an agency the school changes, or a school with its own
    /// templates: those are the school's alone, kept with its fragments and let go with them.
    func isShared(_ entry: ResolvedEntry, in school: ResolvedSchool) -> Bool {
        guard entry.kind != .service, schoolLibraries[school.school.id] == nil else { return false }
        // The school's folder, as `school.md`'s path less its name, compared without copying it.
        let folder = school.school.file.utf8.dropLast("school.md".utf8.count)
        return !entry.sources.contains { $0.utf8.starts(with: folder) }
    }

    /// `entry-links`: an entry page's links to its levels and topics. Every school's entries with
    /// the same levels (by name) and topics show the same links, so it is rendered once for all.
    func entryLinks(_ levels: [Level], _ topics: [Topic], in school: ResolvedSchool, root: String, values: [String: Any]) -> Fragment {
        let own = schoolLibraries[school.school.id] != nil
        return fragments(for: school).fragment("entry-links|" + root + "|" + PageContexts.linksKey(levels, topics), template: "entry-links",
                                               dropLastNewline: true, in: own ? nil : sharedFragments) { values }
    }

    /// `levels` (`level_name`, `level_link`) and `topics` (`topic_name`, `topic_link`) for an entry
    /// page at `root`, with links within the school, and `root`.
    func linkLists(_ levels: [Level], _ topics: [Topic], in school: ResolvedSchool, root: String) -> [String: Any] {
        let id = school.school.id
        let toSchool = PageContexts.schoolRoot(root)
        var values: [String: Any] = ["root": root]
        if !levels.isEmpty {
            values["levels"] = levels.map { ["level_name": $0.name, "level_link": toSchool + levelURL(id, $0.id).dropFirst(id.count + 1)] }
        }
        if !topics.isEmpty {
            values["topics"] = topics.map { ["topic_name": $0.name, "topic_link": toSchool + topicURL(id, $0.id).dropFirst(id.count + 1)] }
        }
        return values
    }

    /// What makes two entries' level and topic links the same: the levels' ids and names, the topics.
    static func linksKey(_ levels: [Level], _ topics: [Topic]) -> String {
        levels.map { $0.id + "\u{1F}" + $0.name }.joined(separator: "\u{1E}") + "|" + topics.map(\.id).joined(separator: "\u{1E}")
    }

    func sharedDetails(_ entry: ResolvedEntry, in school: ResolvedSchool) -> EntryDetails {
        let key = entry.filesKey
        let templates = schoolLibraries[school.school.id] ?? library
        let cache = isShared(entry, in: school) ? shared : fragments(for: school).details
        return cache.value(key) { [self] in
            let values = details(entry).mapValues(TemplateValues.wrap)
            return EntryDetails(values: values, html: Fragment(template: "entry-details", values: { values }) { template, values in
                Fragment.placedOnItsOwnLine(templates?.render(TemplateValues(values), withTemplate: template) ?? "")
            })
        }
    }

    /// What `entry-details` shows: the entry's body and contact details, from its files alone.
    func details(_ entry: ResolvedEntry) -> [String: Any] {
        let f = entry.fields
        var item: [String: Any] = ["id": entry.id, "name": entry.name]
        if entry.kind == .service { item["is_service"] = true }
        if let list = f.phones?.value, !list.isEmpty { item["phones"] = phones(list) }
        if let list = f.emails?.value, !list.isEmpty { item["emails"] = emails(list) }
        if let list = f.websites?.value, !list.isEmpty { item["websites"] = websites(list) }
        item["address"] = f.address?.value
        item["ages"] = f.ages?.value
        item["cost"] = f.cost?.value
        if let routes = f.referral?.value, !routes.isEmpty {
            item["referral"] = routes.compactMap { PageContexts.referralWords[$0].map { ["route": $0] } }
        }
        if let body = f.body?.value { item["body"] = html(body) }
        return item
    }

    static let roleNames = ["headteacher": "Headteacher", "deputy-headteacher": "Deputy Headteacher",
                            "assistant-headteacher": "Assistant Headteacher", "dsl": "Designated Safeguarding Lead",
                            "deputy-dsl": "Deputy Designated Safeguarding Lead", "safeguarding-governor": "Safeguarding Governor",
                            "chair-of-governors": "Chair of Governors", "mental-health-lead": "Mental Health Lead",
                            "senco": "Special Educational Needs Co-ordinator (SENCo)", "attendance-lead": "Attendance Lead",
                            "pastoral-lead": "Pastoral Lead", "looked-after-children-lead": "Designated Teacher for Looked After Children",
                            "early-help-lead": "Early Help Lead", "staff": "Staff"]

    func person(_ p: Person) -> [String: Any] {
        var item: [String: Any] = ["person_name": p.name]
        let roles = p.roles.compactMap { PageContexts.roleNames[$0] }
        item["person_role"] = p.title ?? (roles.isEmpty ? nil : roles.joined(separator: ", "))
        if p.title != nil && !roles.isEmpty { item["person_roles"] = roles.joined(separator: ", ") }
        if let email = p.email { item["person_email"] = email; item["person_mail_href"] = "mailto:" + email }
        if let phone = p.phone { item["person_phone"] = UKPhone.display(phone); item["person_tel"] = UKPhone.href(phone) }
        return item
    }

    func getHelpNow(_ school: ResolvedSchool?) -> [[String: Any]] {
        var lines: [[String: Any]] = []
        let area = school?.area ?? site.content.areas.values.sorted { $0.id < $1.id }.first
        for line in area?.getHelpNow ?? [] {
            var item: [String: Any] = ["help_label": line.label]
            if let phone = line.phone { item["help_phone"] = UKPhone.display(phone); item["help_tel"] = UKPhone.href(phone) }
            item["help_hours"] = line.hours
            item["help_note"] = line.note
            item["help_website"] = line.website
            item["help_website_short"] = line.website.map(PageContexts.shortURL)
            if let email = line.email { item["help_email"] = email }
            lines.append(item)
        }
        if let school {
            let s = school.school
            if let phone = s.safeguardingPhone ?? s.phone ?? s.people.first(where: { $0.roles.contains("dsl") })?.phone {
                lines.append(["help_label": "\(s.name) safeguarding team", "help_phone": UKPhone.display(phone),
                              "help_tel": UKPhone.href(phone), "help_note": "Ask for the Designated Safeguarding Lead."])
            }
        }
        return lines
    }

    /// Values every page's layout uses.
    func layout(path: String, title: String, school: ResolvedSchool?, sensitive: Bool = false,
                breadcrumbs: [(String, String)] = []) -> [String: Any] {
        let root = PageContexts.root(for: path)
        let shared = school.map(fragments(for:)) ?? siteFragments()
        var c: [String: Any] = [TemplateValues.inheritedKey: shared.pageLayout(root: root, crumbs: breadcrumbs.map { (name: $0.0, url: $0.1) })]
        c["title"] = title
        // The browser tab's title, whole: one lookup where the template would take four.
        c["head_title"] = title + " – " + config.title
        if sensitive { c["exit_page"] = true }
        if let base = config.baseURL { c["canonical"] = base + path.replacingOccurrences(of: "index.html", with: "") }
        return c
    }

    /// What the header, "Get help now" box and footer see on every page of a school (or of the site).
    func layoutValues(_ school: ResolvedSchool?) -> [String: Any] {
        var c: [String: Any] = ["lang": config.language, "site_title": config.title,
                                "home_url": "index.html", "accessibility_url": "accessibility/index.html"]
        if let school {
            c.merge(schoolChrome(school)) { _, school in school }
        } else {
            c["get_help_now"] = getHelpNow(nil)
        }
        // Wrapped once here rather than on every page (wrapping leaves wrapped values alone).
        return c.mapValues(TemplateValues.wrap)
    }

    func fragments(for school: ResolvedSchool) -> SchoolFragments {
        fragments[school.school.id] ?? makeFragments(school)
    }

    func siteFragments() -> SchoolFragments {
        fragments[""] ?? SchoolFragments(library: library, layoutValues: layoutValues(nil))
    }

    func makeFragments(_ school: ResolvedSchool) -> SchoolFragments {
        SchoolFragments(library: schoolLibraries[school.school.id] ?? library, layoutValues: layoutValues(school))
    }

    /// The school's part of every page's layout.
    func schoolChrome(_ school: ResolvedSchool) -> [String: Any] {
        let s = school.school
        var c: [String: Any] = ["get_help_now": getHelpNow(school)]
        var info: [String: Any] = ["school_name": s.name, "school_url": "\(s.id)/index.html", "school_id": s.id,
                                   "handout_url": "\(s.id)/handout/index.html"]
        if let phone = s.phone { info["school_phone"] = UKPhone.display(phone); info["school_tel"] = UKPhone.href(phone) }
        if let email = s.email { info["school_email"] = email; info["school_mail_href"] = "mailto:" + email }
        info["school_website"] = s.website
        info["school_address"] = s.address
        if let logo = s.logo { info["logo_url"] = "\(s.id)/\(logoFileName(logo.value))"; info["logo_alt"] = s.logoAlt ?? "\(s.name) logo" }
        if let brand = brandColours[s.id] {
            let style = "--brand: \(brand.hex)"
            info["brand_style"] = style
            c["brand_style"] = style
        }
        let dsls = s.people.filter { $0.roles.contains("dsl") || $0.roles.contains("deputy-dsl") }
        info["safeguarding_people"] = dsls.map(person)
        c["school"] = info
        if let reviewed = s.reviewed?.value { c["reviewed"] = reviewed.description; c["reviewed_iso"] = reviewed.iso }
        c["partnership_name"] = school.area.partnershipName
        c["partnership_website"] = school.area.partnershipWebsite
        return c
    }

    /// An entry's card values, with `url` and `card_html` for a page at `root` (a page of the school's).
    func card(_ item: ResolvedEntry, in school: ResolvedSchool, root: String, heading: String = "h3") -> Any {
        // All but the first call for an entry, depth and heading find it made: work nothing out before.
        let id = school.school.id
        return fragments(for: school).card(item, root: root, heading: heading, url: entryURL(id, item),
                                           link: PageContexts.schoolRoot(root) + entryURL(id, item).dropFirst(id.count + 1),
                                           base: cardBase(item, in: school), shared: isShared(item, in: school) ? sharedFragments : nil)
    }

    /// An entry's card values, `url` and `handout_html`, its line on the handout (`handout-item`,
    /// a shared piece made once per entry as its files make it).
    func cardValues(_ item: ResolvedEntry, in school: ResolvedSchool) -> TemplateValues {
        let base = cardBase(item, in: school)
        let shared = isShared(item, in: school)
        let line = fragments(for: school).fragment("handout-item|" + item.filesKey, template: "handout-item", dropLastNewline: true,
                                                   in: shared ? sharedFragments : nil) { base }
        return TemplateValues(["url": TemplateText(entryURL(school.school.id, item)), "handout_html": line], inheriting: base)
    }

    /// An entry's card values as lists show them, wrapped, without the school's `url`: made
    /// once per school, or once for every school that lists a library entry unchanged.
    func cardBase(_ item: ResolvedEntry, in school: ResolvedSchool) -> [String: Any] {
        let make = { [self] in entry(item).mapValues(TemplateValues.wrap) }
        return isShared(item, in: school) ? sharedCardValues.value(item.filesKey, make: make)
            : fragments(for: school).cardValues(item, make: make)
    }

    func logoFileName(_ logo: String) -> String {
        let ext = (logo as NSString).pathExtension.lowercased()
        return "logo." + (ext.isEmpty ? "png" : ext)
    }

    // MARK: Pages

    /// Every page to write, and each school's fragments (which the renderer lets go of once
    /// the school's pages are written, so a large county never holds them all).
    func plans(parallel: Bool = true, schools only: Set<String>? = nil) -> (plans: [PagePlan], fragments: [String: SchoolFragments]) {
        // Schools are independent: their pages are planned in parallel, each from a copy
        // that carries the school's fragments (chrome and cards, made on first use).
        let schools = only.map { ids in site.schools.filter { ids.contains($0.school.id) } } ?? site.schools
        let perSchool = ParallelMap.map(schools, parallel: parallel) { school -> ([PagePlan], SchoolFragments) in
            var contexts = self
            let fragments = makeFragments(school)
            contexts.fragments[school.school.id] = fragments
            return (contexts.schoolPages(school), fragments)
        }
        var siteWide = self
        siteWide.fragments[""] = siteFragments()
        let plans = [siteWide.indexPage(), siteWide.notFoundPage(), siteWide.accessibilityPage()] + perSchool.flatMap(\.0)
        return (plans, Dictionary(zip(schools.map(\.school.id), perSchool.map(\.1))) { first, _ in first })
    }

    func indexPage() -> PagePlan {
        var c = layout(path: "index.html", title: config.title, school: nil)
        c["is_home"] = true
        c["head_title"] = config.title
        c["schools"] = site.schools.map { school -> [String: Any] in
            var item: [String: Any] = ["school_name": school.school.name, "school_url": "\(school.school.id)/index.html", "area_name": school.area.name]
            item["phase"] = school.school.phase
            if let reviewed = school.school.reviewed?.value { item["school_reviewed"] = reviewed.description }
            return item
        }
        return PagePlan(path: "index.html", template: "index", school: nil, context: c, sources: Set(site.schools.map(\.school.file)))
    }

    func notFoundPage() -> PagePlan {
        // Served from any depth, so its links must not be relative: it links home by the base URL when known.
        var c = layout(path: "404.html", title: "Page not found", school: nil)
        // Without a base URL, "/" is right for the usual case of a site at the root of its domain.
        c["home_absolute"] = config.baseURL ?? "/"
        return PagePlan(path: "404.html", template: "404", school: nil, context: c, sources: [])
    }

    func accessibilityPage() -> PagePlan {
        let path = "accessibility/index.html"
        var c = layout(path: path, title: "Accessibility statement", school: nil, breadcrumbs: [("Home", "index.html")])
        c["schools_list"] = site.schools.map { school -> [String: Any] in
            var item: [String: Any] = ["school_name": school.school.name]
            item["school_email"] = school.school.email
            if let phone = school.school.phone { item["school_phone"] = UKPhone.display(phone); item["school_tel"] = UKPhone.href(phone) }
            return item
        }
        c["statement_date"] = today.description
        // It lists every school's contact details, so a school's file is one of its sources.
        return PagePlan(path: path, template: "accessibility", school: nil, context: c, sources: Set(site.schools.map(\.school.file)))
    }

    func schoolPages(_ school: ResolvedSchool) -> [PagePlan] {
        let s = school.school
        let id = s.id
        var plans: [PagePlan] = []
        let home = ("Home", "index.html")
        let offer = (s.name, "\(id)/index.html")
        let sensitiveTopics = Set(site.content.topics.filter(\.sensitive).map(\.id))
        let usedTopics = site.content.topics.filter { topic in
            school.entries.contains { $0.topics.contains(topic.id) } || school.topicTexts[topic.id] != nil
        }

        // The offer page.
        let offerRoot = PageContexts.root(for: "\(id)/index.html")
        plans.append(PagePlan(path: "\(id)/index.html", template: "school", school: id,
                              sources: Set([s.file] + school.entries.flatMap(\.sources))) { [self] in
            var c = layout(path: "\(id)/index.html", title: "\(s.name) Early Help Offer", school: school, breadcrumbs: [home])
            c["intro"] = html(s.body)
            c["people"] = s.people.map(person)
            c["levels"] = school.levels.map { level -> [String: Any] in
                var item: [String: Any] = ["level_name": level.name, "level_url": levelURL(id, level.id), "level_id": level.id]
                item["level_description"] = level.description
                // Under the level's h2 and the group's h3, so the cards' titles are h4.
                let services = school.services.filter { $0.levels.contains(level.id) }.map { card($0, in: school, root: offerRoot, heading: "h4") }
                let agencies = school.agencies.filter { $0.levels.contains(level.id) }.map { card($0, in: school, root: offerRoot, heading: "h4") }
                if !services.isEmpty { item["level_services"] = services }
                if !agencies.isEmpty { item["level_agencies"] = agencies }
                return item
            }
            let unplaced = school.entries.filter { entry in !school.levels.contains { entry.levels.contains($0.id) } }
            if !unplaced.isEmpty { c["other_entries"] = unplaced.map { card($0, in: school, root: offerRoot) } }
            c["topics"] = usedTopics.map { ["topic_name": $0.name, "topic_url": topicURL(id, $0.id)] }
            c["pages"] = s.pages.sorted { ($0.order, $0.title) < ($1.order, $1.title) }.map {
                var item: [String: Any] = ["page_title": $0.title, "page_url": "\(id)/pages/\($0.id)/index.html"]
                item["page_summary"] = $0.summary
                return item
            }
            if let by = s.reviewedBy { c["reviewed_by"] = by }
            if let next = s.nextReview?.value { c["next_review"] = next.description }
            return c
        })

        // A page per level of need.
        for level in school.levels {
            let path = levelURL(id, level.id)
            let entries = school.entries.filter { $0.levels.contains(level.id) }
            plans.append(PagePlan(path: path, template: "level", school: id, sources: Set([s.file] + entries.flatMap(\.sources))) {
                var c = layout(path: path, title: level.name, school: school, breadcrumbs: [home, offer])
                c["level_description"] = level.description
                c["entries"] = entries.map { card($0, in: school, root: PageContexts.root(for: path)) }
                return c
            })
        }

        // A page per topic the school has something for.
        for topic in usedTopics {
            let path = topicURL(id, topic.id)
            let entries = school.entries.filter { $0.topics.contains(topic.id) }
            let files = [s.file] + entries.flatMap(\.sources) + (school.topicTexts[topic.id]?.files ?? [])
            plans.append(PagePlan(path: path, template: "topic", school: id, sources: Set(files)) {
                var c = layout(path: path, title: school.topicTexts[topic.id]?.title ?? topic.name, school: school,
                               sensitive: topic.sensitive, breadcrumbs: [home, offer])
                c["topic_description"] = topic.description
                if let text = school.topicTexts[topic.id] { c["school_text"] = html(text.body) }
                c["services"] = school.services.filter { $0.topics.contains(topic.id) }.map { card($0, in: school, root: PageContexts.root(for: path)) }
                c["agencies"] = school.agencies.filter { $0.topics.contains(topic.id) }.map { card($0, in: school, root: PageContexts.root(for: path)) }
                return c
            })
        }

        // A page per agency and service.
        for item in school.entries {
            let path = entryURL(id, item)
            plans.append(PagePlan(path: path, template: "entry", school: id, sources: Set([s.file] + item.sources)) {
                var c = layout(path: path, title: item.name, school: school,
                               sensitive: item.topics.contains { sensitiveTopics.contains($0) }, breadcrumbs: [home, offer])
                c["entry"] = entryPage(item, in: school)
                return c
            })
        }

        // Further pages, with their tables of contents.
        for page in s.pages {
            let path = "\(id)/pages/\(page.id)/index.html"
            plans.append(PagePlan(path: path, template: "page", school: id, sources: [s.file, page.file]) { [self] in
                var c = layout(path: path, title: page.title, school: school, breadcrumbs: [home, offer])
                c["page_summary"] = page.summary
                c["body"] = html(page.body)
                if page.toc, let headings = markdown[page.body]?.headings, headings.count > 1 {
                    let top = headings.map(\.level).min() ?? 2
                    c["toc"] = headings.filter { $0.level <= top + 1 }.map {
                        ["toc_text": $0.text, "toc_anchor": $0.anchor, "toc_sub": $0.level > top] as [String: Any]
                    }
                }
                return c
            })
        }

        plans.append(handout(school, usedTopics: usedTopics))
        return plans
    }

    func handout(_ school: ResolvedSchool, usedTopics: [Topic]) -> PagePlan {
        let s = school.school
        let path = "\(s.id)/handout/index.html"
        let sources = Set([s.file] + school.entries.flatMap(\.sources))
        return PagePlan(path: path, template: "handout", school: s.id, sources: sources) { [self] in
            var c = layout(path: path, title: "\(s.name): where to get help", school: school)
            c["people"] = s.people.filter { !$0.roles.isEmpty && ($0.phone != nil || $0.email != nil) }.map(person)
            c["services"] = school.services.map { cardValues($0, in: school) }
            // Each agency once, under its first topic, so the handout stays short.
            var placed = Set<String>()
            var groups: [[String: Any]] = []
            for topic in usedTopics {
                let agencies = school.agencies.filter { $0.topics.first == topic.id && placed.insert($0.id).inserted }
                if !agencies.isEmpty {
                    groups.append(["group_name": topic.name, "group_agencies": agencies.map { cardValues($0, in: school) }])
                }
            }
            let rest = school.agencies.filter { placed.insert($0.id).inserted }
            if !rest.isEmpty { groups.append(["group_name": "Other help", "group_agencies": rest.map { cardValues($0, in: school) }]) }
            c["groups"] = groups
            if let base = config.baseURL {
                let url = base + "\(s.id)/"
                c["online_url"] = url
                c["qr_svg"] = QRCode.svg(for: url, label: "QR code: scan to open \(s.name)'s Early Help Offer online")
            }
            return c
        }
    }
}
