import Foundation

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
        values[.get_help_now] = getHelpNow(school)
        guard let school else { return values }
        let s = school.school
        var info = Values<SchoolKey>()
        info[.school_name] = s.name
        info[.school_url] = urls.offer(s.id)
        info[.school_id] = s.id
        info[.handout_url] = urls.handout(s.id)
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

    /// The area's "Get help now" lines (the first area's on the site-wide pages), then the
    /// school's safeguarding team.
    func getHelpNow(_ school: ResolvedSchool?) -> [Values<HelpKey>] {
        var lines: [Values<HelpKey>] = []
        let area = school?.area ?? inputs.site.content.areas.values.sorted { $0.id < $1.id }.first
        for line in area?.getHelpNow ?? [] {
            var item = Values<HelpKey>()
            item[.help_label] = line.label
            if let phone = line.phone {
                item[.help_phone] = UKPhone.display(phone)
                item[.help_tel] = UKPhone.href(phone)
            }
            item[.help_hours] = line.hours
            item[.help_note] = line.note
            item[.help_website] = line.website
            item[.help_website_short] = line.website.map(EntryValues.shortURL)
            item[.help_email] = line.email
            lines.append(item)
        }
        if let s = school?.school,
           let phone = s.safeguardingPhone ?? s.phone ?? s.people.first(where: { $0.roles.contains("dsl") })?.phone {
            var item = Values<HelpKey>()
            item[.help_label] = "\(s.name) safeguarding team"
            item[.help_phone] = UKPhone.display(phone)
            item[.help_tel] = UKPhone.href(phone)
            item[.help_note] = "Ask for the Designated Safeguarding Lead."
            lines.append(item)
        }
        return lines
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
    func page<Key: PageKey>(_ key: Key.Type, path: String, title: String, scope: SchoolScope, sensitive: Bool = false,
                            crumbs: [Crumb] = []) -> Values<Key> {
        var values = Values<Key>(inheriting: scope.layout(root: SiteURLs.root(for: path), crumbs: crumbs))
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
