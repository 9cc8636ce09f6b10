/// The values of an agency or service that pieces shared across schools show. Each builder
/// is given one input (`EntryInputs`: the entry as its files make it, where the piece goes)
/// and never the school, and its piece is kept under that input.
enum EntryValues {
    /// An entry's card: what lists of entries show (`entry-card`, `handout-item`).
    static func card(_ files: EntryFiles) -> Values<CardKey> {
        let entry = files.entry
        let f = entry.fields
        var card = Values<CardKey>()
        card[.id] = entry.id
        card[.name] = entry.name
        card[.summary] = f.summary?.value
        card[.is_service] = entry.kind == .service
        if let list = f.phones?.value, !list.isEmpty {
            let phones = list.map(phone)
            card[.phones] = phones
            card[.first_phone] = phones[0]
        }
        if let list = f.emails?.value, !list.isEmpty { card[.emails] = list.map(email) }
        if let list = f.websites?.value, !list.isEmpty {
            let websites = list.map(website)
            card[.websites] = websites
            card[.first_website] = websites[0]
        }
        return card
    }

    /// The card placed on a page: its heading level and its link to the entry's page (to the
    /// school's folder, then the entry's path within it, so naming no school).
    static func placedCard(_ input: CardInput) -> Values<CardKey> {
        var placed = card(input.entry)
        placed[.link] = input.place.toSchool + SiteURLs.Within.entry(input.entry.entry)
        placed[.root] = input.place.root
        placed[.card_heading] = input.heading
        return placed
    }

    /// What `entry-details` shows: the entry's text and contact details.
    static func details(_ files: EntryFiles, markdown: [String: RenderedMarkdown]) -> Values<DetailsKey> {
        let entry = files.entry
        let f = entry.fields
        var details = Values<DetailsKey>()
        details[.id] = entry.id
        details[.name] = entry.name
        details[.is_service] = entry.kind == .service
        if let list = f.phones?.value, !list.isEmpty { details[.phones] = list.map(phone) }
        if let list = f.emails?.value, !list.isEmpty { details[.emails] = list.map(email) }
        if let list = f.websites?.value, !list.isEmpty { details[.websites] = list.map(website) }
        details[.address] = f.address?.value
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
        if let body = f.body?.value { details[.body] = markdown[body]?.html ?? "" }
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
        let entry = input.entry.entry
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
        if let people = input.people {
            content[.school_name] = input.schoolName
            content[.people] = people
        }
        content[.details_html] = details.html
        return content
    }

    // MARK: Contact details

    static func phone(_ phone: Phone) -> Values<PhoneKey> {
        var values = Values<PhoneKey>()
        values[.number] = phone.display
        values[.href] = phone.href
        values[.phone_label] = phone.label
        values[.phone_hours] = phone.hours
        values[.is_text] = phone.isText
        return values
    }

    static func email(_ email: Email) -> Values<EmailKey> {
        var values = Values<EmailKey>()
        values[.address] = email.address
        values[.mail_href] = "mailto:" + email.address
        values[.email_label] = email.label
        return values
    }

    static func website(_ site: Website) -> Values<WebsiteKey> {
        var values = Values<WebsiteKey>()
        values[.web_url] = site.url
        values[.web_short] = shortURL(site.url)
        values[.web_label] = site.label
        return values
    }

    /// "www.nspcc.org.uk/keeping-children-safe": what fits on a printed line.
    static func shortURL(_ url: String) -> String {
        var text = Substring(url)
        for prefix in ["https://", "http://"] where url.hasPrefix(ignoringASCIICase: prefix) { text = text.dropFirst(prefix.utf8.count); break }
        if text.utf8.last == UInt8(ascii: "/") { text = text.dropLast() }
        return String(text)
    }
}
