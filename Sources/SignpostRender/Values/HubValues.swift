import Foundation
import SignpostModel
import SignpostResolve

/// The values of a school's offer page, the hub a family starts from, and of the pages it
/// leads to that are not an entry's, a level's or a topic's: the school's introduction
/// (`about`), how help works in the area, and the A to Z with its search.
extension PageValues {
    func offer(_ school: ResolvedSchool, path: String, crumbs: [Crumb], topics: [Topic], sensitive: Bool) -> Values<OfferPageKey> {
        let s = school.school
        var values = layout.page(OfferPageKey.self, path: path, title: "\(s.name) Early Help Offer", scope: scope,
                                 sensitive: sensitive, crumbs: crumbs)
        values[.help_compact_html] = compactHelp(root: SiteURLs.root(for: path))
        values[.topics] = topicLinks(topics, of: s.id)
        values[.services] = school.services.map { service -> Values<EntryLinkKey> in
            var item = Values<EntryLinkKey>()
            item[.entry_name] = service.name
            item[.entry_url] = urls.entry(s.id, service)
            return item
        }
        values[.levels] = levelSteps(school)
        let (people, call) = keyPeople(s)
        values[.people] = people
        values[.people_call] = call
        values[.pages] = s.pages.sorted { ($0.order, $0.title) < ($1.order, $1.title) }.map { page -> Values<PageLinkKey> in
            var item = Values<PageLinkKey>()
            item[.page_title] = page.title
            item[.page_url] = urls.page(s.id, page.id)
            item[.page_summary] = page.summary
            return item
        }
        values[.reviewed_by] = s.reviewedBy
        values[.next_review] = s.nextReview?.value.description
        values[.next_review_iso] = s.nextReview?.value.iso
        // The documents to print, and their PDFs with sizes (`OfferDocumentValues.swift`).
        values[.downloads] = downloads(s.id)
        return values
    }

    /// The "Get help now" box, short, as the offer page opens with it: the same template as on
    /// every other page, told it is the short one.
    func compactHelp(root: String) -> Piece {
        var here = scope.chrome
        here[.root] = root
        here[.help_compact] = true
        return Piece("get-help-now", from: here, templates: scope.templates)
    }

    func topicLinks(_ topics: [Topic], of school: String) -> [Values<TopicURLKey>] {
        topics.map { topic in
            var item = Values<TopicURLKey>()
            item[.topic_name] = topic.name
            item[.topic_url] = urls.topic(school, topic.id)
            return item
        }
    }

    /// The school's key people as the offer page lists them: a phone only where it is not the
    /// school's own (`call`: some share it, so the page says to call the school once).
    func keyPeople(_ s: School) -> (people: [Values<PersonKey>], call: Bool) {
        let office = s.phone.map(UKPhone.digits)
        var call = false
        let people = s.people.map { p -> Values<PersonKey> in
            var person = Values<PersonKey>()
            person[.person_name] = p.name
            let roles = p.roles.compactMap(Role.words(for:)).joined(separator: ", ")
            person[.person_role] = p.title ?? (roles.isEmpty ? nil : roles)
            if let email = p.email {
                person[.person_email] = email
                person[.person_mail_href] = "mailto:" + email
            }
            if let phone = p.phone {
                if office != nil && UKPhone.digits(phone) == office {
                    call = true
                } else {
                    person[.person_phone] = UKPhone.display(phone)
                    person[.person_tel] = UKPhone.href(phone)
                }
            }
            return person
        }
        return (people, call)
    }

    /// What a family at this level can do: the county's own words, else the national scale's
    /// words for the level(s) it covers (as the area's file says).
    func whatToDo(_ level: Level, in area: Area) -> String? {
        if let own = area.levels.first(where: { $0.id == level.id })?.whatToDo ?? level.whatToDo { return own }
        let scale = inputs.site.content.nationalLevels ?? []
        let national = area.levels.first { $0.id == level.id }?.national ?? level.national
        var seen = Set<String>()
        let words = national.compactMap { id in scale.first { $0.id == id }?.whatToDo }.filter { seen.insert($0).inserted }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    /// Each of the area's levels, by the school's names for them: what it means for a family,
    /// what to do, and how much help the school lists there.
    func levelSteps(_ school: ResolvedSchool) -> [Values<LevelStepKey>] {
        school.levels.map { level in
            var item = Values<LevelStepKey>()
            item[.level_name] = level.name
            item[.level_url] = urls.level(school.school.id, level.id)
            item[.level_id] = level.id
            item[.level_meaning] = level.description
            item[.level_what_to_do] = whatToDo(level, in: school.area)
            item[.level_more] = level.more
            let count = school.entries.filter { $0.levels.contains(level.id) }.count
            item[.level_count] = count == 1 ? "1 place to get help" : "\(count) places to get help"
            return item
        }
    }

    func about(_ school: ResolvedSchool, path: String, crumbs: [Crumb]) -> Values<AboutPageKey> {
        let s = school.school
        var values = layout.page(AboutPageKey.self, path: path, title: "About our Early Help Offer", scope: scope, crumbs: crumbs)
        values[.intro] = inputs.html(s.body)
        values[.reviewed_by] = s.reviewedBy
        values[.next_review] = s.nextReview?.value.description
        values[.next_review_iso] = s.nextReview?.value.iso
        return values
    }

    func howHelpWorks(_ school: ResolvedSchool, path: String, crumbs: [Crumb]) -> Values<HowHelpWorksPageKey> {
        var values = layout.page(HowHelpWorksPageKey.self, path: path, title: "How help works in \(school.area.name)", scope: scope, crumbs: crumbs)
        values[.area_text] = school.area.body.isBlank ? nil : inputs.html(school.area.body)
        values[.levels] = levelSteps(school)
        return values
    }

    /// Everything the offer contains, A to Z: each entry's card as the school's lists show it,
    /// and each topic, grouped by first letter; each letter carries the words its items are
    /// found by (name, summary, topics), for the search script.
    func aToZ(_ school: ResolvedSchool, path: String, place: Place, crumbs: [Crumb], topics: [Topic], sensitive: Bool) -> Values<AToZPageKey> {
        var values = layout.page(AToZPageKey.self, path: path, title: "A to Z of help", scope: scope, sensitive: sensitive, crumbs: crumbs)
        let index = inputs.aToZ
        var items: [AToZItem] = school.entries.map { entry in
            // An entry is found by its topics' names and the words families use for them.
            let onTopics = entry.topics.compactMap { id in inputs.topicsByID[id] ?? school.topics.first { $0.id == id } }
            let topicWords = onTopics.map(\.name) + onTopics.flatMap { $0.also.map(\.value) } + (entry.kind == .service ? ["school"] : [])
            let fields = [entry.name, "", topicWords.joined(separator: ", "), entry.fields.summary?.value ?? "",
                          index.textWords(entry.fields.body?.value ?? "")]
            return AToZItem(name: entry.name, fields: fields, index: index) {
                var item = Values<LetterItemKey>()
                let card = Values<CardKey>(entries.listedCard(entry, at: place))
                item[.card_html] = card?[.card_html] as Piece?
                return item
            }
        }
        items += topics.map { topic in
            let fields = [topic.name, topic.also.map(\.value).joined(separator: ", "), "topic", topic.description ?? "",
                          index.textWords(school.topicTexts[topic.id]?.body ?? "")]
            return AToZItem(name: topic.name, fields: fields, index: index) {
                var item = Values<LetterItemKey>()
                item[.is_topic] = true
                item[.topic_name] = topic.name
                item[.topic_url] = urls.topic(school.school.id, topic.id)
                item[.topic_description] = topic.description
                item[.root] = place.root
                // A card like an entry's, so the page places every item with one lookup.
                item[.card_html] = Piece("a-z-topic", from: item, templates: scope.templates)
                return item
            }
        }
        items.sort { ($0.rank, $0.letter, $0.key, $0.name) < ($1.rank, $1.letter, $1.key, $1.name) }
        var letters: [Values<LetterKey>] = []
        var start = 0
        while start < items.count {
            let letter = items[start].letter
            let end = items[start...].firstIndex { $0.letter != letter } ?? items.count
            let group = items[start..<end]
            var heading = Values<LetterKey>()
            heading[.letter] = letter
            heading[.letter_id] = "letter-" + (letter == "0–9" ? "0-9" : letter == "#" ? "other" : letter.lowercased())
            heading[.letter_items] = group.map { $0.make() }
            heading[.search_json] = "[" + group.map(\.wordsJSON).joined(separator: ",") + "]"
            letters.append(heading)
            start = end
        }
        values[.letters] = letters
        values[.item_count] = String(items.count)
        // Where a search that finds nothing sends a family: the school's topics.
        values[.topics] = topicLinks(topics, of: school.school.id)
        return values
    }
}
