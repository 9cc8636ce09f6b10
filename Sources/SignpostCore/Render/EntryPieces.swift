/// An entry's pieces as one school's pages place them: its card in a list, its line on the
/// handout, and its own page's main part. The values come from `EntryValues` (given the
/// entry, never the school); what is the school's own (its address for the entry's page,
/// its people) is added here, outside the shared pieces or passed into them as values.
struct EntryPieces {
    let inputs: RenderInputs
    let scope: SchoolScope

    private func store(for entry: ResolvedEntry) -> PieceStore { inputs.sharing.store(for: entry, in: scope) }

    /// The entry's card values, made once for every school that lists it as its files make it.
    private func card(_ entry: ResolvedEntry) -> Values<CardKey> {
        store(for: entry).cards.value(EntryFiles(entry)) { EntryValues.card(entry) }
    }

    /// `url`: the entry's page from the site's root (this school's).
    private func url(_ entry: ResolvedEntry) -> String { inputs.urls.entry(scope.id ?? "", entry) }

    /// An entry in a list at `place`: its card's values, `url` and `card_html`, its card
    /// rendered with `heading` (`h4` under the offer page's level headings, `h3` elsewhere).
    func listedCard(_ entry: ResolvedEntry, at place: Place, heading: String = "h3") -> TemplateObject {
        scope.listedCard(entry, at: place, heading: heading) {
            let card = card(entry)
            let placed = EntryValues.placedCard(card, entry, root: place.root, toSchool: place.toSchool, heading: heading)
            var listed = Values<CardKey>(inheriting: card)
            listed[.url] = url(entry)
            listed[.card_html] = store(for: entry).intern(Piece("entry-card", from: placed, templates: scope.templates, ownLine: false))
            return listed.object
        }
    }

    /// An entry on the handout: its card's values, `url` and `handout_html`.
    func handoutLine(_ entry: ResolvedEntry) -> TemplateObject {
        scope.handoutLine(entry) {
            let card = card(entry)
            var line = Values<CardKey>(inheriting: card)
            line[.url] = url(entry)
            line[.handout_html] = store(for: entry).intern(Piece("handout-item", from: card, templates: scope.templates))
            return line.object
        }
    }

    /// `entry` on the entry's own page at `place`: its main part's values and `content_html`
    /// (`entry-content`, with `entry-details` and `entry-links` inside).
    func content(_ entry: ResolvedEntry, at place: Place) -> Values<EntryContentKey> {
        guard let school = scope.school else { return Values() }
        let levels = school.levels.filter { entry.levels.contains($0.id) }
        let topics = entry.topics.compactMap { inputs.topicsByID[$0] }
        let links = EntryValues.links(levels: levels, topics: topics, root: place.root, toSchool: place.toSchool)
        // The links show no entry: shared by every entry with the same levels and topics.
        let linksHTML = inputs.sharing.store(in: scope).intern(Piece("entry-links", from: links, templates: scope.templates))
        let details = store(for: entry).details.value(EntryFiles(entry)) {
            let values = EntryValues.details(entry, markdown: inputs.markdown)
            return EntryDetails(values: values, html: Piece("entry-details", from: values, templates: scope.templates))
        }
        var people: [Values<PersonKey>]?
        if scope.isOwn(entry), let names = entry.fields.people?.value, !names.isEmpty {
            let layout = LayoutValues(inputs: inputs)
            people = names.map { name in
                guard let person = school.school.people.first(where: { $0.name == name }) else {
                    var values = Values<PersonKey>()
                    values[.person_name] = name
                    return values
                }
                return layout.person(person)
            }
        }
        var content = EntryValues.content(entry, details: details.values, detailsHTML: details.html, links: links, linksHTML: linksHTML,
                                          offerLink: place.toSchool + SiteURLs.Within.offer, people: people,
                                          schoolName: school.school.name)
        content[.content_html] = store(for: entry).intern(Piece("entry-content", from: content, templates: scope.templates))
        return content
    }
}
