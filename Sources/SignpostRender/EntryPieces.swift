import SignpostModel
import SignpostResolve

/// An entry's pieces as one school's pages place them: its card in a list, its line on the
/// handout, and its own page's main part. Each piece comes from the store `PieceSharing`
/// chooses, under its input (`EntryInputs`); what is the school's own (the entry's address
/// in the school's folder, the school's people) is added here, outside the shared pieces,
/// or is part of the input.
struct EntryPieces {
    let inputs: RenderInputs
    let scope: SchoolScope

    private func store(for entry: ResolvedEntry) -> PieceStore { inputs.sharing.store(for: entry, in: scope) }

    /// `url`: the entry's page from the site's root (this school's).
    private func url(_ entry: ResolvedEntry) -> String { inputs.urls.entry(scope.id ?? "", entry) }

    private func card(_ files: EntryFiles, in store: PieceStore) -> Values<CardKey> {
        store.cards.value(files) { EntryValues.card(files) }
    }

    /// An entry in a list at `place`: its card's values, `url` and `card_html`, its card
    /// rendered with `heading` (`h4` under the offer page's level headings, `h3` elsewhere).
    func listedCard(_ entry: ResolvedEntry, at place: Place, heading: String = "h3") -> TemplateObject {
        scope.listedCard(entry, at: place, heading: heading) {
            let store = store(for: entry)
            let files = files(of: entry)
            let input = CardInput(entry: files, place: place, heading: heading)
            let card = card(files, in: store)
            var listed = Values<CardKey>(inheriting: card)
            listed[.url] = url(entry)
            listed[.card_html] = store.cardPieces.value(input) {
                Piece("entry-card", from: EntryValues.placedCard(input, card: card), templates: store.templates, ownLine: false)
            }
            return listed.object
        }
    }

    /// An entry on the handout: its card's values, `url` and `handout_html`.
    func handoutLine(_ entry: ResolvedEntry) -> TemplateObject {
        scope.handoutLine(entry) {
            let store = store(for: entry)
            let files = files(of: entry)
            let card = card(files, in: store)
            var line = Values<CardKey>(inheriting: card)
            line[.url] = url(entry)
            line[.handout_html] = store.handoutLines.value(files) { Piece("handout-item", from: card, templates: store.templates) }
            return line.object
        }
    }

    /// The JSON-LD element of the entry's own page (`StructuredData`). `reach`: the school's
    /// contact, for a service of the school's with none of its own.
    func structuredData(_ entry: ResolvedEntry, reach: SchoolContact?, area: Area, national: Bool) -> String {
        let input = StructuredDataInput(entry: EntryFiles(entry: entry, school: reach), areaName: area.name, national: national)
        let store = reach == nil ? store(for: entry) : scope.store
        return store.structuredData.value(input) { StructuredData.element(entry, school: reach, area: area, national: national) }
    }

    /// `entry` on the entry's own page at `place`: its main part's values and `content_html`
    /// (`entry-content`, with `entry-details` and `entry-links` inside).
    func content(_ entry: ResolvedEntry, at place: Place) -> Values<EntryContentKey> {
        guard let school = scope.school else { return Values() }
        let levels = school.levels.filter { entry.levels.contains($0.id) }
        let topics = entry.topics.compactMap { id in inputs.topicsByID[id] ?? school.topics.first { $0.id == id } }
        let links = LinksInput(levels: levels.map { LinksInput.Link(id: $0.id, name: $0.name) },
                               topics: topics.map { LinksInput.Link(id: $0.id, name: $0.name) }, place: place)
        let files = files(of: entry)
        let detailsInput = details(of: entry, files: files, in: school)
        // Details that show this school's people or contact are the school's alone: they stay
        // with the school and are let go of after its pages, like its own services.
        let store = detailsInput.isShared ? store(for: entry) : scope.store
        let input = ContentInput(details: detailsInput, links: links)
        return store.contents.value(input) {
            let make = {
                let values = EntryValues.details(detailsInput, markdown: inputs.markdown)
                return EntryDetails(values: values, html: Piece("entry-details", from: values, templates: store.templates))
            }
            let details = detailsInput.isShared ? store.details.value(files, make: make) : make()
            // The links show no entry: shared by every entry with the same levels and topics.
            let linksStore = inputs.sharing.store(in: scope)
            let linked = linksStore.links.value(links) {
                let values = EntryValues.links(links)
                return (values, Piece("entry-links", from: values, templates: linksStore.templates))
            }
            var content = EntryValues.content(input, details: details, links: linked.values, linksHTML: linked.html)
            content[.content_html] = Piece("entry-content", from: content, templates: store.templates)
            return content
        }
    }

    /// What `entry`'s details show at `school`, as its page shows them.
    func detailsInput(of entry: ResolvedEntry, in school: ResolvedSchool) -> DetailsInput {
        details(of: entry, files: files(of: entry), in: school)
    }

    /// What `entry`'s details are made from at `school`: for its own services (and agencies it
    /// changes) the people the entry names; for an entry reached only through a referral, the
    /// school's contact, shown beside who can refer.
    private func details(of entry: ResolvedEntry, files: EntryFiles, in school: ResolvedSchool) -> DetailsInput {
        let s = school.school
        var people: [Values<PersonKey>]?
        if scope.isOwn(entry), let names = entry.fields.people?.value, !names.isEmpty {
            let layout = LayoutValues(inputs: inputs)
            people = names.map { name in
                guard let person = s.people.first(where: { $0.name == name }) else {
                    var values = Values<PersonKey>()
                    values[.person_name] = name
                    return values
                }
                return layout.person(person)
            }
        }
        let ask = entry.fields.isReferralOnly ? SchoolContact(name: s.name, phone: s.phone, email: s.email) : files.school
        return DetailsInput(entry: files, people: people, schoolName: people == nil ? nil : s.name, askSchool: ask)
    }

    /// `entry`'s files; for a school's own service with no contact of its own, with the
    /// school's contact, the way a family reaches it.
    private func files(of entry: ResolvedEntry) -> EntryFiles {
        guard entry.kind == .service, !entry.fields.hasContact, scope.isOwn(entry), let s = scope.school?.school, s.phone != nil || s.email != nil else {
            return EntryFiles(entry: entry)
        }
        return EntryFiles(entry: entry, school: SchoolContact(name: s.name, phone: s.phone, email: s.email))
    }
}
