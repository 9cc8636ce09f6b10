import Foundation
import SignpostModel
import SignpostResolve

/// The values every page shows around its own content: the site's and the school's details,
/// the "Get help now" box, people, and each page's title.
struct LayoutValues {
    let inputs: RenderInputs

    var config: SiteConfig { inputs.config }
    var urls: SiteURLs { inputs.urls }

    /// What the header, "Get help now" box and footer see on every page of a school (or of
    /// the site-wide pages, with `school` nil).
    func chrome(_ school: ResolvedSchool?) -> Values<LayoutKey> {
        var values = Values<LayoutKey>()
        values[.lang] = config.language
        values[.site_title] = config.title
        values[.home_url] = urls.home
        values[.school_list_url] = urls.schoolList
        values[.accessibility_url] = urls.accessibility
        values[.school_list_url] = urls.schoolList
        guard let school else {
            let (lines, everywhere) = sharedHelp()
            values[.get_help_now] = lines
            values[.help_everywhere] = everywhere
            return values
        }
        values[.get_help_now] = getHelpNow(school)
        values[.is_draft] = school.school.isDraft
        let s = school.school
        var info = Values<SchoolKey>()
        info[.school_name] = s.name
        info[.school_url] = urls.offer(s.id)
        info[.school_id] = s.id
        info[.handout_url] = urls.handout(s.id)
        info[.a_z_url] = urls.aToZ(s.id)
        info[.about_url] = urls.about(s.id)
        info[.how_help_works_url] = urls.howHelpWorks(s.id)
        info[.area_name] = school.area.name
        if let phone = s.phone {
            info[.school_phone] = UKPhone.display(phone)
            info[.school_tel] = UKPhone.href(phone)
        }
        if let email = s.email {
            info[.school_email] = email
            info[.school_mail_href] = "mailto:" + email
        }
        info[.school_website] = s.website
        info[.school_address] = s.address
        if let logo = s.logo {
            info[.logo_url] = urls.logo(s.id, file: logo.value)
            info[.logo_alt] = s.logoAlt ?? "\(s.name) logo"
        }
        if let brand = inputs.brandColours[s.id] {
            info[.brand_style] = "--brand: \(brand.hex)"
            values[.brand_style] = "--brand: \(brand.hex)"
        }
        if let note = s.footerNote { info[.footer_note_html] = inputs.html(note.value) }
        info[.own_links] = s.ownLinks.map { link in
            var values = Values<OwnLinkKey>()
            values[.own_link_label] = link.label
            values[.own_link_url] = link.url
            return values
        }
        info[.has_own_links] = !s.ownLinks.isEmpty
        info[.safeguarding_people] = s.people.filter { $0.roles.contains("dsl") || $0.roles.contains("deputy-dsl") }.map(person)
        values[.school] = info
        if let reviewed = s.reviewed?.value {
            values[.reviewed] = reviewed.description
            values[.reviewed_iso] = reviewed.iso
        }
        values[.partnership_name] = school.area.partnershipName
        values[.partnership_website] = school.area.partnershipWebsite
        return values
    }

    /// The school's area's "Get help now" lines, then the school's safeguarding team.
    func getHelpNow(_ school: ResolvedSchool) -> [Values<HelpKey>] {
        var lines = school.area.getHelpNow.map(LayoutValues.helpLine)
        let s = school.school
        if let phone = s.safeguardingPhone ?? s.phone ?? s.people.first(where: { $0.roles.contains("dsl") })?.phone {
            var item = Values<HelpKey>()
            item[.help_label] = "\(s.name) safeguarding team"
            item[.help_phone] = UKPhone.display(phone)
            item[.help_tel] = UKPhone.href(phone)
            item[.help_note] = "Ask for the Designated Safeguarding Lead."
            lines.append(item)
        }
        return lines
    }

    /// For a page that belongs to no school (the list of schools, 404, the accessibility
    /// statement): only the lines every area on the site gives, the same number in each, so
    /// no family is shown another county's front door as its own. With more than one area,
    /// `everywhere` is true and the box says to choose a school for the rest.
    func sharedHelp() -> (lines: [Values<HelpKey>], everywhere: Bool) {
        let site = inputs.site
        let schoolAreas = site.schools.filter { urls.includes(school: $0.school.id) }.map(\.area.id)
        let ids = Set(schoolAreas.isEmpty ? Array(site.content.areas.keys) : schoolAreas)
        let areas = site.content.areas.values.filter { ids.contains($0.id) }.sorted { $0.id < $1.id }
        guard let first = areas.first else { return ([], false) }
        guard areas.count > 1 else { return (first.getHelpNow.map(LayoutValues.helpLine), false) }
        let digits = { (phone: String?) in phone.map(UKPhone.digits) }
        var lines: [Values<HelpKey>] = []
        for line in first.getHelpNow {
            guard let number = digits(line.phone) else { continue }
            let same = areas.dropFirst().compactMap { area in area.getHelpNow.first { digits($0.phone) == number } }
            guard same.count == areas.count - 1 else { continue }
            // The number is everyone's; words that differ between areas may be one area's.
            let agree = { (words: (HelpLine) -> String?) in same.allSatisfy { words($0) == words(line) } }
            var shared = HelpLine(label: line.label, phone: line.phone)
            if agree(\.hours) && same.allSatisfy({ digits($0.outOfHours?.phone) == digits(line.outOfHours?.phone) && $0.outOfHours?.when == line.outOfHours?.when }) {
                shared.hours = line.hours
                shared.outOfHours = line.outOfHours
            }
            if agree(\.note) { shared.note = line.note }
            if agree(\.website) { shared.website = line.website }
            if agree(\.email) { shared.email = line.email }
            lines.append(LayoutValues.helpLine(shared))
        }
        return (lines, true)
    }

    /// One line of the box: when its number is open, and what to call at other times.
    static func helpLine(_ line: HelpLine) -> Values<HelpKey> {
        var item = Values<HelpKey>()
        item[.help_label] = line.label
        if let phone = line.phone {
            item[.help_phone] = UKPhone.display(phone)
            item[.help_tel] = UKPhone.href(phone)
        }
        item[.help_when] = line.hours
        item[.help_hours] = line.hours
        if let other = line.outOfHours {
            let when = other.when ?? (line.hours == nil ? "Out of hours" : "At other times")
            let display = UKPhone.display(other.phone)
            item[.help_other_when] = when
            item[.help_other_phone] = display
            item[.help_other_tel] = UKPhone.href(other.phone)
            let sentence = when + ", call " + display + "."
            item[.help_hours] = line.hours.map { Self.sentence($0) + " " + sentence } ?? sentence
        }
        item[.help_note] = line.note
        item[.help_website] = line.website
        item[.help_website_short] = line.website.map(EntryValues.shortURL)
        item[.help_email] = line.email
        return item
    }

    /// Words ending in a full stop, so a second sentence can follow.
    static func sentence(_ words: String) -> String {
        guard let last = words.last, !".!?".contains(last) else { return words }
        return words + "."
    }

    func person(_ p: Person) -> Values<PersonKey> {
        var values = Values<PersonKey>()
        values[.person_name] = p.name
        let roles = p.roles.compactMap(Role.words(for:)).joined(separator: ", ")
        values[.person_role] = p.title ?? (roles.isEmpty ? nil : roles)
        if p.title != nil && !roles.isEmpty { values[.person_roles] = roles }
        if let email = p.email {
            values[.person_email] = email
            values[.person_mail_href] = "mailto:" + email
        }
        if let phone = p.phone {
            values[.person_phone] = UKPhone.display(phone)
            values[.person_tel] = UKPhone.href(phone)
        }
        return values
    }

    /// A page's own values, inheriting the layout for its place and breadcrumb trail.
    /// `root`: the way to the site's root from the page, if not the relative one (the 404 page,
    /// served at any depth, needs an absolute one).
    func page<Key: PageKey>(_ key: Key.Type, path: String, title: String, scope: SchoolScope, sensitive: Bool = false,
                            crumbs: [Crumb] = [], root: String? = nil) -> Values<Key> {
        var values = Values<Key>(inheriting: scope.layout(root: root ?? SiteURLs.root(for: path), crumbs: crumbs))
        values[.title] = title
        // The browser tab's title, whole: one lookup where the template would take four.
        values[.head_title] = title + " – " + config.title
        values[.exit_page] = sensitive
        if let base = config.baseURL, let there = urls.onCountySite(path) {
            values[.canonical] = base + there.replacingOccurrences(of: "index.html", with: "")
        }
        return values
    }
}
