import SignpostModel

/// The values of an agency or service that pieces shared across schools show. Each builder
/// is given one input (`EntryInputs`: the entry as its files make it, where the piece goes)
/// and never the school, and its piece is kept under that input.
enum EntryValues {
    /// An entry's card: what lists of entries show (`entry-card`, `handout-item`). Every card
    /// can show a way to reach its entry: a phone, else an email, else a website; its teams,
    /// each labelled; its named contacts; or, reached only through a referral, who to ask.
    static func card(_ files: EntryFiles) -> Values<CardKey> {
        let entry = files.entry
        let f = entry.fields
        var card = Values<CardKey>()
        card[.id] = entry.id
        card[.name] = entry.name
        card[.summary] = f.summary?.value
        card[.is_service] = entry.kind == .service
        // Only what is for families: lines `for: professionals` are on the entry's page alone.
        if case let list = f.familyPhones, !list.isEmpty {
            let phones = list.map(ContactValues.phone)
            card[.phones] = phones
            card[.first_phone] = phones[0]
        }
        if case let list = f.familyEmails, !list.isEmpty {
            let emails = list.map(ContactValues.email)
            card[.emails] = emails
            card[.first_email] = emails[0]
        }
        if case let list = f.familyWebsites, !list.isEmpty {
            let websites = ContactValues.websites(list, of: entry.name)
            card[.websites] = websites
            card[.first_website] = websites[0]
        }
        if let teams = f.teams?.value, !teams.isEmpty {
            card[.teams] = ContactValues.teams(teams)
            // More than two would make the card a list of numbers: it names the places and
            // sends the family to the page, where each team is shown in full.
            if teams.count > 2 {
                card[.many_teams] = true
                card[.team_count] = String(teams.count)
                card[.team_places] = WordList.joined(teams.map(\.label), last: "and")
            }
        }
        let reachable = f.familyContacts
        if !reachable.isEmpty { card[.contacts] = reachable.map(ContactValues.contact) }
        if f.isReferralOnly {
            card[.referral_only] = true
            card[.referral_who] = ContactValues.referralWho(f.referral?.value ?? [])
        }
        if let school = files.school { card[.ask_school] = ContactValues.askSchool(school) }
        return card
    }

    /// The card placed on a page: its heading level and its link to the entry's page (to the
    /// school's folder, then the entry's path within it, so naming no school).
    /// `card` is the entry's `card(input.entry)`, made once for all its places.
    static func placedCard(_ input: CardInput, card: Values<CardKey>) -> Values<CardKey> {
        var placed = card
        placed[.link] = input.place.toSchool + SiteURLs.Within.entry(input.entry.entry)
        placed[.root] = input.place.root
        placed[.card_heading] = input.heading
        return placed
    }

    /// What `entry-details` shows: the entry's contact details, then its text and who it is for.
    static func details(_ input: DetailsInput, markdown: RenderedTexts) -> Values<DetailsKey> {
        let entry = input.entry.entry
        let f = entry.fields
        var details = Values<DetailsKey>()
        details[.id] = entry.id
        details[.name] = entry.name
        details[.is_service] = entry.kind == .service
        if case let list = f.familyPhones, !list.isEmpty { details[.phones] = list.map(ContactValues.phone) }
        if case let list = f.familyEmails, !list.isEmpty { details[.emails] = list.map(ContactValues.email) }
        if case let list = f.familyWebsites, !list.isEmpty { details[.websites] = ContactValues.websites(list, of: entry.name) }
        details[.address] = f.address?.value
        if let teams = f.teams?.value, !teams.isEmpty { details[.teams] = ContactValues.teams(teams) }
        let contacts = (f.contacts?.value ?? []).filter { !$0.forProfessionals }
        if !contacts.isEmpty { details[.contacts] = contacts.map(ContactValues.contact) }
        if f.hasProfessionalContacts {
            details[.for_professionals] = true
            if case let list = f.professionalPhones, !list.isEmpty { details[.pro_phones] = list.map(ContactValues.phone) }
            if case let list = f.professionalEmails, !list.isEmpty { details[.pro_emails] = list.map(ContactValues.email) }
            if case let list = f.professionalWebsites, !list.isEmpty { details[.pro_websites] = ContactValues.websites(list, of: entry.name) }
            if case let list = f.professionalContacts, !list.isEmpty { details[.pro_contacts] = list.map(ContactValues.contact) }
        }
        if f.isReferralOnly {
            details[.referral_only] = true
            details[.referral_who] = ContactValues.referralWho(f.referral?.value ?? [])
        }
        if let school = input.askSchool { details[.ask_school] = ContactValues.askSchool(school) }
        if let people = input.people {
            details[.people] = people
            details[.school_name] = input.schoolName
        }
        details[.ages] = f.ages?.value
        details[.cost] = f.cost?.value
        if let routes = f.referral?.value, !routes.isEmpty {
            details[.referral] = routes.compactMap { route in
                ReferralKind.kind(route).map { kind -> Values<RouteKey> in
                    var values = Values<RouteKey>()
                    values[.route] = kind.words
                    return values
                }
            }
        }
        if let body = f.body?.value, let html = markdown[body]?.html, !html.isBlank { details[.body] = html }
        return details
    }

    /// `entry-links`: an entry page's links to its levels and topics, within the school.
    static func links(_ input: LinksInput) -> Values<EntryLinksKey> {
        let toSchool = input.place.toSchool
        var links = Values<EntryLinksKey>()
        links[.root] = input.place.root
        if !input.levels.isEmpty {
            links[.levels] = input.levels.map { level -> Values<LevelLinkKey> in
                var link = Values<LevelLinkKey>()
                link[.level_name] = level.name
                link[.level_link] = toSchool + SiteURLs.Within.level(level.id)
                return link
            }
        }
        if !input.topics.isEmpty {
            links[.topics] = input.topics.map { topic -> Values<TopicLinkKey> in
                var link = Values<TopicLinkKey>()
                link[.topic_name] = topic.name
                link[.topic_link] = toSchool + SiteURLs.Within.topic(topic.id)
                return link
            }
        }
        return links
    }

    /// `entry` on an entry's page: its main part's values (`entry-content`), inheriting its
    /// details. `details` and `links` are made from the input's entry and links.
    static func content(_ input: ContentInput, details: EntryDetails, links: Values<EntryLinksKey>, linksHTML: Piece) -> Values<EntryContentKey> {
        let entry = input.details.entry.entry
        var content = Values<EntryContentKey>(inheriting: details.values)
        content[.id] = entry.id
        content[.name] = entry.name
        content[.offer_link] = input.links.place.toSchool + SiteURLs.Within.offer
        content[.root] = input.links.place.root
        content.copy(.levels, from: links, .levels)
        content.copy(.topics, from: links, .topics)
        content[.summary] = entry.fields.summary?.value
        content[.is_service] = entry.kind == .service
        content[.links_html] = linksHTML
        if let reviewed = entry.fields.reviewed?.value {
            content[.entry_reviewed] = reviewed.description
            content[.entry_reviewed_iso] = reviewed.iso
        }
        content[.details_html] = details.html
        return content
    }

    /// "www.nspcc.org.uk/keeping-children-safe": what fits on a printed line.
    static func shortURL(_ url: String) -> String { ContactValues.shortURL(url) }
}
