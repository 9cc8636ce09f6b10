/// Each page's values, by template. Built only when the page is rendered (see `PagePlan`);
/// which pages exist is `PagePlanner`'s business.
struct PageValues {
    let inputs: RenderInputs
    let scope: SchoolScope

    private var layout: LayoutValues { LayoutValues(inputs: inputs) }
    private var entries: EntryPieces { EntryPieces(inputs: inputs, scope: scope) }
    private var urls: SiteURLs { inputs.urls }
    private var config: SiteConfig { inputs.config }

    // MARK: Site-wide pages

    func index(path: String, schools: [ResolvedSchool]) -> Values<IndexPageKey> {
        var values = layout.page(IndexPageKey.self, path: path, title: config.title, scope: scope)
        values[.head_title] = config.title
        values[.schools] = schools.map { school -> Values<SchoolListKey> in
            var item = Values<SchoolListKey>()
            item[.school_name] = school.school.name
            item[.school_url] = urls.offer(school.school.id)
            item[.area_name] = school.area.name
            item[.phase] = school.school.phase
            item[.school_reviewed] = school.school.reviewed?.value.description
            return item
        }
        return values
    }

    func notFound(path: String) -> Values<NotFoundPageKey> {
        var values = layout.page(NotFoundPageKey.self, path: path, title: "Page not found", scope: scope)
        // Served from any depth, so its links cannot be relative: home by the base URL when known,
        // else "/", right for the usual case of a site at the root of its domain.
        values[.home_absolute] = config.baseURL ?? "/"
        return values
    }

    func accessibility(path: String, schools: [ResolvedSchool]) -> Values<AccessibilityPageKey> {
        var values = layout.page(AccessibilityPageKey.self, path: path, title: "Accessibility statement", scope: scope,
                                 crumbs: [Crumb(name: "Home", url: urls.home)])
        values[.schools_list] = schools.map { school -> Values<SchoolContactKey> in
            var item = Values<SchoolContactKey>()
            item[.school_name] = school.school.name
            item[.school_email] = school.school.email
            if let phone = school.school.phone {
                item[.school_phone] = UKPhone.display(phone)
                item[.school_tel] = UKPhone.href(phone)
            }
            return item
        }
        values[.statement_date] = inputs.today.description
        return values
    }

    // MARK: A school's pages

    func offer(_ school: ResolvedSchool, path: String, place: Place, crumbs: [Crumb], topics: [Topic]) -> Values<OfferPageKey> {
        let s = school.school
        var values = layout.page(OfferPageKey.self, path: path, title: "\(s.name) Early Help Offer", scope: scope, crumbs: crumbs)
        values[.intro] = inputs.html(s.body)
        values[.people] = s.people.map(layout.person)
        values[.levels] = school.levels.map { level -> Values<OfferLevelKey> in
            var item = Values<OfferLevelKey>()
            item[.level_name] = level.name
            item[.level_url] = urls.level(s.id, level.id)
            item[.level_id] = level.id
            item[.level_description] = level.description
            // Under the level's h2 and the group's h3, so the cards' titles are h4.
            let services = school.services.filter { $0.levels.contains(level.id) }.map { entries.listedCard($0, at: place, heading: "h4") }
            let agencies = school.agencies.filter { $0.levels.contains(level.id) }.map { entries.listedCard($0, at: place, heading: "h4") }
            if !services.isEmpty { item.set(.level_services, list: services, of: CardKey.self) }
            if !agencies.isEmpty { item.set(.level_agencies, list: agencies, of: CardKey.self) }
            return item
        }
        let unplaced = school.entries.filter { entry in !school.levels.contains { entry.levels.contains($0.id) } }
        if !unplaced.isEmpty { values.set(.other_entries, list: unplaced.map { entries.listedCard($0, at: place) }, of: CardKey.self) }
        values[.topics] = topics.map { topic -> Values<TopicURLKey> in
            var item = Values<TopicURLKey>()
            item[.topic_name] = topic.name
            item[.topic_url] = urls.topic(s.id, topic.id)
            return item
        }
        values[.pages] = s.pages.sorted { ($0.order, $0.title) < ($1.order, $1.title) }.map { page -> Values<PageLinkKey> in
            var item = Values<PageLinkKey>()
            item[.page_title] = page.title
            item[.page_url] = urls.page(s.id, page.id)
            item[.page_summary] = page.summary
            return item
        }
        values[.reviewed_by] = s.reviewedBy
        values[.next_review] = s.nextReview?.value.description
        // The documents to print, and their PDFs with sizes (`OfferDocumentValues.swift`).
        values[.downloads] = downloads(s.id)
        return values
    }

    func level(_ level: Level, of school: ResolvedSchool, path: String, place: Place, crumbs: [Crumb]) -> Values<LevelPageKey> {
        var values = layout.page(LevelPageKey.self, path: path, title: level.name, scope: scope, crumbs: crumbs)
        values[.level_description] = level.description
        let listed = school.entries.filter { $0.levels.contains(level.id) }.map { entries.listedCard($0, at: place) }
        values.set(.entries, list: listed, of: CardKey.self)
        return values
    }

    func topic(_ topic: Topic, of school: ResolvedSchool, path: String, place: Place, crumbs: [Crumb]) -> Values<TopicPageKey> {
        let text = school.topicTexts[topic.id]
        var values = layout.page(TopicPageKey.self, path: path, title: text?.title ?? topic.name, scope: scope,
                                 sensitive: topic.sensitive, crumbs: crumbs)
        values[.topic_description] = topic.description
        if let text { values[.school_text] = inputs.html(text.body) }
        let services = school.services.filter { $0.topics.contains(topic.id) }.map { entries.listedCard($0, at: place) }
        let agencies = school.agencies.filter { $0.topics.contains(topic.id) }.map { entries.listedCard($0, at: place) }
        values.set(.services, list: services, of: CardKey.self)
        values.set(.agencies, list: agencies, of: CardKey.self)
        return values
    }

    func entry(_ entry: ResolvedEntry, path: String, place: Place, sensitive: Bool, crumbs: [Crumb]) -> Values<EntryPageKey> {
        var values = layout.page(EntryPageKey.self, path: path, title: entry.name, scope: scope, sensitive: sensitive, crumbs: crumbs)
        values[.entry] = entries.content(entry, at: place)
        return values
    }

    func extraPage(_ page: ExtraPage, path: String, crumbs: [Crumb]) -> Values<ExtraPageKey> {
        var values = layout.page(ExtraPageKey.self, path: path, title: page.title, scope: scope, crumbs: crumbs)
        values[.page_summary] = page.summary
        values[.body] = inputs.html(page.body)
        if page.toc, let headings = inputs.markdown[page.body]?.headings, headings.count > 1 {
            let top = headings.map(\.level).min() ?? 2
            values[.toc] = headings.filter { $0.level <= top + 1 }.map { heading -> Values<TocKey> in
                var item = Values<TocKey>()
                item[.toc_text] = heading.text
                item[.toc_anchor] = heading.anchor
                item[.toc_sub] = heading.level > top
                return item
            }
        }
        return values
    }

    func handout(_ school: ResolvedSchool, path: String, topics: [Topic]) -> Values<HandoutPageKey> {
        let s = school.school
        var values = layout.page(HandoutPageKey.self, path: path, title: "\(s.name): where to get help", scope: scope)
        values[.people] = s.people.filter { !$0.roles.isEmpty && ($0.phone != nil || $0.email != nil) }.map(layout.person)
        values.set(.services, list: school.services.map(entries.handoutLine), of: CardKey.self)
        // Each agency once, under its first topic, so the handout stays short.
        var placed = Set<String>()
        var groups: [Values<HandoutGroupKey>] = []
        func group(_ name: String, _ agencies: [ResolvedEntry]) {
            guard !agencies.isEmpty else { return }
            var item = Values<HandoutGroupKey>()
            item[.group_name] = name
            item.set(.group_agencies, list: agencies.map(entries.handoutLine), of: CardKey.self)
            groups.append(item)
        }
        for topic in topics {
            group(topic.name, school.agencies.filter { $0.topics.first == topic.id && placed.insert($0.id).inserted })
        }
        group("Other help", school.agencies.filter { placed.insert($0.id).inserted })
        values[.groups] = groups
        if let base = config.baseURL {
            // The offer on the county site (a school's site on its own is a copy of it).
            let url = base + (urls.onCountySite(urls.folder(s.id)) ?? "")
            values[.online_url] = url
            values[.qr_svg] = QRCode.svg(for: url, label: "QR code: scan to open \(s.name)'s Early Help Offer online")
        }
        return values
    }
}
