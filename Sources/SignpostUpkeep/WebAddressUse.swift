import SignpostResolve
import SignpostRender

/// One external web address as it is written in `Content/`, with the entry it belongs to (if
/// any) and the schools whose pages show it: what `check --links` checks and `report` lists.
public struct WebAddressUse: Sendable, Hashable {
    public var url: String
    public var file: String
    public var line: Int
    public var column: Int
    /// The agency or service it belongs to, by id; nil for a school's, an area's or a page's own.
    public var entry: String?
    /// That entry's name, as families see it.
    public var entryName: String?
    /// The schools that show it, sorted.
    public var schools: [String]
}

/// Finds every http(s) address in the content: entries' `websites`, schools' and areas' own,
/// and links inside every Markdown text a school shows. Each place is listed once, with all
/// the schools that show it.
public enum WebAddressFinder {
    public static func find(in site: ResolvedSite, markdown: RenderedTexts) -> [WebAddressUse] {
        struct Place: Hashable { var url: String, file: String, line: Int, column: Int }
        var found: [Place: WebAddressUse] = [:]
        func add(_ url: String, _ file: String, _ line: Int, _ column: Int = 1, entry: ResolvedEntry? = nil, school: String) {
            let url = url.trimmed(newlines: false)
            guard isWeb(url) else { return }
            let place = Place(url: url, file: file, line: line, column: column)
            var use = found[place] ?? WebAddressUse(url: url, file: file, line: line, column: column, entry: entry?.id, entryName: entry?.name, schools: [])
            if !use.schools.contains(school) { use.schools.append(school) }
            found[place] = use
        }
        let urls = SiteURLs()
        for resolved in site.schools {
            let school = resolved.school
            let id = school.id
            if let website = school.website { add(website, school.file, school.websiteLine, school: id) }
            let area = resolved.area
            if let website = area.partnershipWebsite { add(website, area.file, area.partnershipWebsiteLine, school: id) }
            for line in area.getHelpNow { if let website = line.website { add(website, area.file, line.websiteLine, school: id) } }
            var entryByPage: [String: ResolvedEntry] = [:]
            for entry in resolved.entries {
                entryByPage[urls.entry(id, entry)] = entry
                if let websites = entry.fields.websites {
                    for website in websites.value { add(website.url, websites.file, websites.line, websites.column, entry: entry, school: id) }
                }
            }
            for body in resolved.markdownBodies(nationalTopicTexts: site.content.nationalTopicTexts, urls: urls) {
                guard let rendered = markdown[body.text] else { continue }
                for link in rendered.links where isWeb(link.url) {
                    let at = body.locate(link.line)
                    add(link.url, at.file, at.line, entry: entryByPage[body.page], school: id)
                }
            }
        }
        return found.values.map { use in
            var use = use
            use.schools.sort()
            return use
        }.sorted { ($0.file, $0.line, $0.column, $0.url) < ($1.file, $1.line, $1.column, $1.url) }
    }

    static func isWeb(_ url: String) -> Bool {
        url.hasPrefix(ignoringASCIICase: "https://") || url.hasPrefix(ignoringASCIICase: "http://")
    }
}
