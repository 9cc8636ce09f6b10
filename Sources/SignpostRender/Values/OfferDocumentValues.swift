import SignpostModel
import SignpostResolve

/// The values of the whole offer on one page, to print (`offer-document`, the page the
/// whole-offer PDF is made from), and of the downloads the offer page lists.
extension PageValues {
    private typealias Within = SiteURLs.Within

    /// Every entry with all its details, grouped as the level pages group them (each level's
    /// services from the school, then other organisations; entries at no level at the end),
    /// then the school's own words on topics and its further pages, whole. Headings: the page's
    /// sections `h2`, groups `h3`, entries `h4`; each text's own headings sit below the heading
    /// it is under (`NestedHTML`).
    func offerDocument(_ school: ResolvedSchool, path: String, crumbs: [Crumb], topics: [Topic]) -> Values<OfferDocumentKey> {
        let s = school.school
        let urls = inputs.urls
        let layout = LayoutValues(inputs: inputs)
        var values = layout.page(OfferDocumentKey.self, path: path, title: "\(s.name) Early Help Offer", scope: scope, crumbs: crumbs)
        values[.head_title] = "\(s.name) Early Help Offer, the whole offer – \(inputs.config.title)"
        let sensitive = Set(school.topics.filter(\.sensitive).map(\.id))
        values[.exit_page] = school.entries.contains { $0.topics.contains { sensitive.contains($0) } }
            || topics.contains { $0.sensitive && school.topicTexts[$0.id] != nil }
        values[.intro] = NestedHTML(level: 2, idPrefix: "intro", from: Within.offer, to: Within.wholeOffer).place(inputs.html(s.body))
        values[.people] = s.people.map(layout.person)

        // Where each entry is shown whole: its anchor, and the level it is under.
        var shown: [ObjectIdentifier: String] = [:]
        func entries(_ list: [ResolvedEntry], level: String?) -> [Values<DocumentEntryKey>] {
            list.map { entry in
                if let first = shown[ObjectIdentifier(entry)] { return documentEntry(entry, of: school, shownAt: first) }
                if let level { shown[ObjectIdentifier(entry)] = level }
                return documentEntry(entry, of: school, shownAt: nil)
            }
        }
        values[.levels] = school.levels.map { level -> Values<DocumentLevelKey> in
            var item = Values<DocumentLevelKey>()
            item[.level_name] = level.name
            item[.level_id] = level.id
            item[.level_url] = urls.level(s.id, level.id)
            item[.level_description] = level.description
            item[.level_what_to_do] = whatToDo(level, in: school.area)
            let services = entries(school.services.filter { $0.levels.contains(level.id) }, level: level.name)
            let agencies = entries(school.agencies.filter { $0.levels.contains(level.id) }, level: level.name)
            if !services.isEmpty { item[.level_services] = services }
            if !agencies.isEmpty { item[.level_agencies] = agencies }
            return item
        }
        // Entries at none of the school's levels: "Other help", split the same way.
        func unplaced(_ list: [ResolvedEntry]) -> [ResolvedEntry] { list.filter { entry in !school.levels.contains { entry.levels.contains($0.id) } } }
        let otherServices = entries(unplaced(school.services), level: nil)
        let otherAgencies = entries(unplaced(school.agencies), level: nil)
        if !otherServices.isEmpty { values[.other_services] = otherServices }
        if !otherAgencies.isEmpty { values[.other_agencies] = otherAgencies }
        values[.other_help] = !otherServices.isEmpty || !otherAgencies.isEmpty

        values[.topic_texts] = topics.compactMap { topic -> Values<DocumentTopicKey>? in
            guard let text = school.topicTexts[topic.id] else { return nil }
            var item = Values<DocumentTopicKey>()
            item[.topic_name] = topic.name
            item[.topic_id] = topic.id
            item[.topic_url] = urls.topic(s.id, topic.id)
            item[.school_text] = NestedHTML(level: 3, idPrefix: "topic-\(topic.id)", from: Within.topic(topic.id), to: Within.wholeOffer)
                .place(inputs.html(text.body))
            let helping = school.entries.filter { $0.topics.contains(topic.id) }
            if !helping.isEmpty {
                item[.topic_entries] = helping.map { entry -> Values<DocumentLinkKey> in
                    var link = Values<DocumentLinkKey>()
                    link[.link_name] = entry.name
                    link[.link_anchor] = Self.anchor(entry)
                    return link
                }
            }
            return item
        }
        values[.further_pages] = s.pages.sorted { ($0.order, $0.title) < ($1.order, $1.title) }.map { page -> Values<DocumentPageKey> in
            var item = Values<DocumentPageKey>()
            item[.page_title] = page.title
            item[.page_id] = page.id
            item[.page_url] = urls.page(s.id, page.id)
            item[.page_summary] = page.summary
            item[.body] = NestedHTML(level: 2, idPrefix: "page-\(page.id)", from: Within.page(page.id), to: Within.wholeOffer)
                .place(inputs.html(page.body))
            return item
        }
        values[.reviewed_by] = s.reviewedBy
        values[.next_review] = s.nextReview?.value.description
        if let base = inputs.config.baseURL { values[.online_url] = base + (urls.onCountySite(urls.folder(s.id)) ?? "") }
        return values
    }

    /// An entry's place on the page: `service-breakfast-club`, `agency-nspcc`.
    static func anchor(_ entry: ResolvedEntry) -> String { "\(entry.kind.rawValue)-\(entry.id)" }

    /// An entry with all its details, or (`shownAt`: the level where it is shown whole) its
    /// name and where to find it; either way as HTML in `entry_html`.
    func documentEntry(_ entry: ResolvedEntry, of school: ResolvedSchool, shownAt: String?) -> Values<DocumentEntryKey> {
        let details = entries.detailsInput(of: entry, in: school)
        guard let shownAt else {
            // Shown whole, it is the same for every school that lists it as its files make it:
            // rendered once, as an entry's page parts are (`PieceSharing`).
            let input = DocumentInput(details: details, isOwn: scope.isOwn(entry))
            let store = details.isShared ? inputs.sharing.store(for: entry, in: scope) : scope.store
            let whole = store.documentEntries.value(input) {
                let values = Self.wholeEntry(input, markdown: inputs.markdown)
                return (values, Piece("offer-document-entry", from: values.object, templates: store.templates))
            }
            var values = whole.values
            values[.entry_html] = whole.html
            return values
        }
        var again = Values<DocumentEntryKey>(inheriting: EntryValues.details(details, markdown: inputs.markdown))
        again[.anchor] = Self.anchor(entry)
        again[.shown_at] = shownAt
        var values = again
        // The template places every entry with `{{{entry_html}}}` alone; it keeps its last
        // newline, as the partial it replaces did.
        values[.entry_html] = Piece("offer-document-again", from: again, templates: scope.templates, ownLine: false)
        return values
    }

    /// An entry shown whole, from its input alone: its links lead from the whole offer's page
    /// (`whole-offer/`) within the school's folder, so they name no school.
    static func wholeEntry(_ input: DocumentInput, markdown: RenderedTexts) -> Values<DocumentEntryKey> {
        let entry = input.details.entry.entry
        let anchor = anchor(entry)
        var values = Values<DocumentEntryKey>(inheriting: EntryValues.details(input.details, markdown: markdown))
        values[.anchor] = anchor
        values[.url] = "../" + Within.entry(entry)
        values[.summary] = entry.fields.summary?.value
        if let body = entry.fields.body?.value, let html = markdown[body]?.html {
            values[.body] = NestedHTML(level: 4, idPrefix: anchor, from: Within.entry(entry), to: Within.wholeOffer).place(html)
        }
        if input.isOwn, let names = entry.fields.people?.value, !names.isEmpty {
            values[.people_names] = names.joined(separator: ", ")
        }
        return values
    }

    /// The school's documents to print (`PrintDocument.all`): each one's page, and its PDF
    /// with its size when this build made it (see `PrintDownloads`). A PDF that was not made
    /// is not linked.
    func downloads(_ school: String) -> [Values<DownloadKey>] {
        let urls = inputs.urls
        return PrintDocument.all.map { document in
            var item = Values<DownloadKey>()
            item[.download_name] = document.name
            item[.page_url] = urls.folder(school) + document.page
            let pdf = urls.folder(school) + document.fileName(school: school)
            if let made = inputs.downloads.pdf(at: pdf) {
                item[.pdf_url] = pdf
                item[.pdf_size] = PrintDownloads.size(made.bytes)
                item[.pdf_pages] = PrintDownloads.pages(made.pages)
            }
            return item
        }
    }
}
