import SignpostModel
import SignpostResolve

/// Each page's values, by template. Built only when the page is rendered (see `PagePlan`);
/// which pages exist is `PagePlanner`'s business.
struct PageValues {
    let inputs: RenderInputs
    let scope: SchoolScope

    var layout: LayoutValues { LayoutValues(inputs: inputs) }
    var entries: EntryPieces { EntryPieces(inputs: inputs, scope: scope) }
    var urls: SiteURLs { inputs.urls }
    var config: SiteConfig { inputs.config }

    // MARK: Site-wide pages

    func index(path: String, schools: [ResolvedSchool]) -> Values<IndexPageKey> {
        var values = layout.page(IndexPageKey.self, path: path, title: config.title, scope: scope)
        values[.head_title] = config.title
        func listed(_ school: ResolvedSchool) -> Values<SchoolListKey> {
            var item = Values<SchoolListKey>()
            item[.school_name] = school.school.name
            item[.school_url] = urls.offer(school.school.id)
            item[.area_name] = school.area.name
            item[.phase] = school.school.phase
            item[.school_reviewed] = school.school.reviewed?.value.description
            return item
        }
        values[.schools] = schools.map(listed)
        // By area, so each family finds its school among its own county's.
        var order: [String] = []
        var byArea: [String: [ResolvedSchool]] = [:]
        for school in schools {
            if byArea[school.area.id] == nil { order.append(school.area.id) }
            byArea[school.area.id, default: []].append(school)
        }
        values[.areas] = order.sorted { (byArea[$0]![0].area.name, $0) < (byArea[$1]![0].area.name, $1) }.map { id -> Values<AreaGroupKey> in
            var group = Values<AreaGroupKey>()
            group[.area_name] = byArea[id]![0].area.name
            group[.area_id] = id
            group[.area_schools] = byArea[id]!.map(listed)
            return group
        }
        return values
    }

    func notFound(path: String) -> Values<NotFoundPageKey> {
        // Served from any depth, so its links cannot be relative: from the base URL when known,
        // else from "/", right for the usual case of a site at the root of its domain.
        let root = config.baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? "/"
        var values = layout.page(NotFoundPageKey.self, path: path, title: "Page not found", scope: scope, root: root)
        values[.home_absolute] = root
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

    // MARK: A school's pages (the offer, about, how help works and the A to Z: HubValues.swift)

    func level(_ level: Level, of school: ResolvedSchool, path: String, place: Place, sensitive: Bool, crumbs: [Crumb]) -> Values<LevelPageKey> {
        var values = layout.page(LevelPageKey.self, path: path, title: level.name, scope: scope, sensitive: sensitive, crumbs: crumbs)
        values[.level_description] = level.description
        values[.level_what_to_do] = whatToDo(level, in: school.area)
        values[.level_more] = level.more
        values[.also_signposted] = school.signpostedNames[level.id]?.map { name -> Values<PlainNameKey> in
            var item = Values<PlainNameKey>()
            item[.plain_name] = name
            return item
        }
        let listed = school.entries.filter { $0.levels.contains(level.id) }.map { entries.listedCard($0, at: place) }
        values.set(.entries, list: listed, of: CardKey.self)
        return values
    }

    func topic(_ topic: Topic, of school: ResolvedSchool, path: String, place: Place, crumbs: [Crumb]) -> Values<TopicPageKey> {
        let text = school.topicTexts[topic.id]
        // Titled by the name the topic has in every list; the text's own title goes below it.
        var values = layout.page(TopicPageKey.self, path: path, title: topic.name, scope: scope,
                                 sensitive: topic.sensitive, crumbs: crumbs)
        values[.topic_description] = topic.description
        values[.topic_also] = topic.also.isEmpty ? nil : topic.also.map(\.value).joined(separator: ", ")
        if let title = text?.title, title != topic.name { values[.text_title] = title }
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
        if let school = scope.school {
            let s = school.school
            // A service with no contact of its own is reached through the school, as its page says.
            let reach = entry.kind == .service && !entry.fields.hasContact && scope.isOwn(entry) && (s.phone != nil || s.email != nil)
                ? SchoolContact(name: s.name, phone: s.phone, email: s.email) : nil
            let national = !(entry.sources.first.map { $0.contains("/areas/") || $0.contains("/schools/") } ?? false)
            values[.structured_data_html] = entries.structuredData(entry, reach: reach, area: school.area, national: national)
        }
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
        HandoutValues(inputs: inputs, scope: scope).handout(school, path: path, topics: topics)
    }
}
