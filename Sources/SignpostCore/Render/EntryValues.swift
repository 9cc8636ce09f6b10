/// The values of an agency or service that pieces shared across schools show. Each builder
/// is given what it may depend on (the entry, as its files make it; where on the page and in
/// the school's folder the piece goes) and never the school: a value a school should see
/// differently cannot reach a shared piece without being passed in, and what is passed in
/// becomes part of the piece's values, so of what identifies it (`Piece`).
enum EntryValues {
    /// An entry's card: what lists of entries show (`entry-card`, `handout-item`).
    static func card(_ entry: ResolvedEntry) -> Values<CardKey> {
        let f = entry.fields
        var card = Values<CardKey>()
        card[.id] = entry.id
        card[.name] = entry.name
        card[.summary] = f.summary?.value
        card[.is_service] = entry.kind == .service
        if let list = f.phones?.value, !list.isEmpty {
            card[.phones] = list.map(phone)
            card[.first_phone] = phone(list[0])
        }
        if let list = f.emails?.value, !list.isEmpty { card[.emails] = list.map(email) }
        if let list = f.websites?.value, !list.isEmpty {
            card[.websites] = list.map(website)
            card[.first_website] = website(list[0])
        }
        return card
    }

    /// The card placed on a page at `root`: its heading level and its link to the entry's
    /// page (`toSchool` then the entry's path within the school, so naming no school).
    static func placedCard(_ card: Values<CardKey>, _ entry: ResolvedEntry, root: String, toSchool: String,
                           heading: String) -> Values<CardKey> {
        var placed = card
        placed[.link] = toSchool + SiteURLs.Within.entry(entry)
        placed[.root] = root
        placed[.card_heading] = heading
        return placed
    }

    /// What `entry-details` shows: the entry's text and contact details.
    static func details(_ entry: ResolvedEntry, markdown: [String: RenderedMarkdown]) -> Values<DetailsKey> {
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
                referralWords[route].map { words -> Values<RouteKey> in
                    var values = Values<RouteKey>()
                    values[.route] = words
                    return values
                }
            }
        }
        if let body = f.body?.value { details[.body] = markdown[body]?.html ?? "" }
        return details
    }

    static let referralWords = ["self": "You can contact them yourself", "school": "The school can refer you",
                                "gp": "Your GP can refer you", "professional": "Another professional can refer you"]

    /// `entry-links`: links to the entry's levels (with the names the school gives them) and
    /// topics, from a page at `root`, `toSchool` from the school's folder.
    static func links(levels: [Level], topics: [Topic], root: String, toSchool: String) -> Values<EntryLinksKey> {
        var links = Values<EntryLinksKey>()
        links[.root] = root
        if !levels.isEmpty { links[.levels] = levels.map { levelLink($0, toSchool: toSchool) } }
        if !topics.isEmpty { links[.topics] = topics.map { topicLink($0, toSchool: toSchool) } }
        return links
    }

    static func levelLink(_ level: Level, toSchool: String) -> Values<LevelLinkKey> {
        var link = Values<LevelLinkKey>()
        link[.level_name] = level.name
        link[.level_link] = toSchool + SiteURLs.Within.level(level.id)
        return link
    }

    static func topicLink(_ topic: Topic, toSchool: String) -> Values<TopicLinkKey> {
        var link = Values<TopicLinkKey>()
        link[.topic_name] = topic.name
        link[.topic_link] = toSchool + SiteURLs.Within.topic(topic.id)
        return link
    }

    /// The values of an entry page's main part (`entry-content`), inheriting its details.
    /// `people` and `schoolName` are given only for a school's own entries (its services and
    /// the agencies it changes), which name the school's people.
    static func content(_ entry: ResolvedEntry, details: Values<DetailsKey>, detailsHTML: Piece, links: Values<EntryLinksKey>,
                        linksHTML: Piece, offerLink: String, people: [Values<PersonKey>]?, schoolName: String?) -> Values<EntryContentKey> {
        var content = Values<EntryContentKey>(inheriting: details)
        content[.id] = entry.id
        content[.name] = entry.name
        content[.offer_link] = offerLink
        if let root: String = links[.root] { content[.root] = root }
        content.copy(.levels, from: links, .levels)
        content.copy(.topics, from: links, .topics)
        content[.summary] = entry.fields.summary?.value
        content[.is_service] = entry.kind == .service
        content[.links_html] = linksHTML
        if let reviewed = entry.fields.reviewed?.value {
            content[.entry_reviewed] = reviewed.description
            content[.entry_reviewed_iso] = reviewed.iso
        }
        if let people {
            content[.school_name] = schoolName
            content[.people] = people
        }
        content[.details_html] = detailsHTML
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
