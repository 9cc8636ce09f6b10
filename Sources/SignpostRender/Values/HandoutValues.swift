import SignpostModel
import SignpostResolve

/// The printable handout's values: one or two sheets of A4 a family can keep, with the most
/// useful numbers and the way back to the site. The school's own number is printed once, with
/// its contact, and the school's services are listed under it ("Ask us about: …") rather than
/// each with the same number; each agency is printed once, under its first topic.
struct HandoutValues {
    let inputs: RenderInputs
    let scope: SchoolScope

    private var layout: LayoutValues { LayoutValues(inputs: inputs) }
    private var entries: EntryPieces { EntryPieces(inputs: inputs, scope: scope) }

    func handout(_ school: ResolvedSchool, path: String, topics: [Topic]) -> Values<HandoutPageKey> {
        let s = school.school
        var values = layout.page(HandoutPageKey.self, path: path, title: "\(s.name): where to get help", scope: scope)
        let schoolDigits = Set([s.phone, s.safeguardingPhone].compactMap { $0.map(HandoutValues.digits) })
        let schoolTel = s.phone.map { UKPhone.href($0) }
        // The school's safeguarding line says the school's number again: its contact shows it.
        let help = layout.getHelpNow(school).filter { line in
            let tel: String? = line[.help_tel]
            return tel == nil || tel != schoolTel
        }
        values[.help_lines] = help
        let services = school.services.map { service in
            (name: service.name, phone: service.fields.familyPhones.first { !schoolDigits.contains(HandoutValues.digits($0.number)) })
        }
        values[.ask_about] = services.map { service in
            var item = Values<AskAboutKey>()
            item[.service_name] = service.name
            item[.service_phone] = service.phone?.display
            item[.service_tel] = service.phone?.href
            return item
        }
        // What the paper shows of each agency, each once, under its first topic.
        var placed = Set<String>()
        var groups = topics.map { topic in
            (name: topic.name, agencies: school.agencies.filter { $0.topics.first == topic.id && placed.insert($0.id).inserted })
        }
        groups.append((name: "Other help", agencies: school.agencies.filter { placed.insert($0.id).inserted }))
        groups.removeAll { $0.agencies.isEmpty }

        var fixed = HandoutFit()
        fixed.text(values[.title] as String?)
        for line in help { fixed.item(line[.help_label], line[.help_phone], line[.help_hours], line[.help_note]) }
        fixed.item(s.phone, s.email, s.address)
        for service in services { fixed.item(service.name, service.phone?.display) }
        // Too much for two pages at 10pt: first the agencies a family can reach only through a
        // website (on paper, an address to type; online, one tap), then all but the
        // safeguarding leads among the people. Both are on the site.
        var people = s.people.filter { !$0.roles.isEmpty }
        var fit = HandoutValues.fit(fixed, school: s, people: people, groups: groups)
        var leftOut = 0
        if fit.size == nil {
            groups = groups.map { group in
                (name: group.name, agencies: group.agencies.filter { !HandoutValues.onlyOnline($0) })
            }
            leftOut = placed.count - groups.reduce(0) { $0 + $1.agencies.count }
            groups.removeAll { $0.agencies.isEmpty }
            fit = HandoutValues.fit(fixed, school: s, people: people, groups: groups)
        }
        if fit.size == nil {
            people = people.filter { $0.roles.contains("dsl") || $0.roles.contains("deputy-dsl") }
            fit = HandoutValues.fit(fixed, school: s, people: people, groups: groups)
        }
        if let size = fit.size, size != HandoutFit.sizes.last { values[.density] = "handout-size-\(size)" }
        if leftOut > 0 {
            values[.more_online] = leftOut == 1 ? "1 more organisation, with a website only, is listed online."
                : "\(leftOut) more organisations, with websites only, are listed online."
        }
        values[.people] = people.map { person in
            var values = layout.person(person)
            if let phone = person.phone, schoolDigits.contains(HandoutValues.digits(phone)) {
                values[.person_phone] = nil as String?
                values[.person_tel] = nil as String?
            }
            if let email = person.email, email.lowercased() == s.email?.lowercased() {
                values[.person_email] = nil as String?
                values[.person_mail_href] = nil as String?
            }
            return values
        }
        values[.groups] = groups.map { group in
            var item = Values<HandoutGroupKey>()
            item[.group_name] = group.name
            item.set(.group_agencies, list: group.agencies.map(entries.handoutLine), of: CardKey.self)
            return item
        }
        if let base = inputs.config.baseURL {
            // The offer on the county site (a school's site on its own is a copy of it).
            let url = base + (inputs.urls.onCountySite(inputs.urls.folder(s.id)) ?? "")
            values[.online_url] = url
            values[.online_short] = ContactValues.shortURL(url)
            values[.qr_svg] = QRCode.svg(for: url, label: "QR code: scan to open \(s.name)'s Early Help Offer online")
        } else if let website = s.website {
            values[.school_web] = website
            values[.school_web_short] = ContactValues.shortURL(website)
        }
        values[.next_review] = s.nextReview?.value.description
        return values
    }

    /// The whole handout's weight: `fixed` (what it always shows), with these people and groups.
    static func fit(_ fixed: HandoutFit, school: School, people: [Person], groups: [(name: String, agencies: [ResolvedEntry])]) -> HandoutFit {
        var fit = fixed
        for person in people { fit.item(person.name, person.title ?? person.roles.first, person.email == school.email ? nil : person.email) }
        for group in groups {
            fit.heading(group.name)
            for agency in group.agencies { fit.item(paperText(agency)) }
        }
        return fit
    }

    /// About what an agency's line prints (`handout-item`): its name and its ways in.
    static func paperText(_ entry: ResolvedEntry) -> String {
        let f = entry.fields
        var text = entry.name
        if f.isReferralOnly { text += ContactValues.referralWho(f.referral?.value ?? []) }
        let teams = f.teams?.value ?? []
        let contacts = f.familyContacts
        if let phone = f.familyPhones.first { text += phone.display }
        else if let email = f.familyEmails.first { text += email.address }
        else if teams.isEmpty && contacts.isEmpty, let site = f.familyWebsites.first { text += ContactValues.shortURL(site.url) }
        for team in teams { text += team.label + (team.phones.first?.display ?? team.emails.first?.address ?? "") }
        for contact in contacts { text += contact.name + (contact.phone?.display ?? contact.email ?? "") }
        return text
    }

    /// An agency a family can reach only through a website.
    static func onlyOnline(_ entry: ResolvedEntry) -> Bool {
        let f = entry.fields
        return !f.isReferralOnly && f.familyPhones.isEmpty && f.familyEmails.isEmpty
            && !(f.teams?.value ?? []).contains(where: \.isContactable) && f.familyContacts.isEmpty
    }

    /// A phone number's digits, to tell whether two ways of writing it are the same number.
    static func digits(_ phone: String) -> String { String(phone.unicodeScalars.filter { $0.properties.numericType != nil }.map(Character.init)) }
}
