/// Everything read from `Content/`, before resolution.
public struct SiteConfig: Sendable {
    public var title: String = "Early Help Offers"
    public var baseURL: String?
    public var language: String = "en-GB"
    public var file: String = "Content/site.yml"

    package init(title: String = "Early Help Offers", baseURL: String? = nil, language: String = "en-GB", file: String = "Content/site.yml") {
        self.title = title
        self.baseURL = baseURL
        self.language = language
        self.file = file
    }
}

public struct Topic: Sendable {
    public var id: String
    public var name: String
    public var description: String?
    public var sensitive: Bool
    public var line: Int
    /// The list it was written in: `Content/topics.yml`, an area's or a school's `topics.yml`.
    public var file: String = "Content/topics.yml"
    /// The everyday words families use for it (`also:`), each where it was written: shown on
    /// the topic's page ("Also called …") and found by the search.
    public var also: [Located<String>] = []

    package init(id: String, name: String, description: String? = nil, sensitive: Bool, line: Int, file: String = "Content/topics.yml", also: [Located<String>] = []) {
        self.id = id
        self.name = name
        self.description = description
        self.sensitive = sensitive
        self.line = line
        self.file = file
        self.also = also
    }
}

/// One of an area's levels of need, with the level(s) of the national scale it covers.
public struct Level: Sendable {
    public var id: String
    public var name: String
    public var description: String?
    /// The national levels (`Content/levels.yml`) this level covers: national agencies placed
    /// at one of them are shown at this level in this area.
    public var national: [String] = []
    /// What a family at this level can do, in the county's own words (the national scale's
    /// words are shown only when the county gives none).
    public var whatToDo: String?
    /// A few more sentences about the level, in the county's words.
    public var more: String?
    /// Where `national:` was written (for messages).
    public var line: Int = 1

    public init(id: String, name: String, description: String? = nil, national: [String] = [], whatToDo: String? = nil,
                more: String? = nil, line: Int = 1) {
        self.id = id
        self.name = name
        self.description = description
        self.national = national
        self.whatToDo = whatToDo
        self.more = more
        self.line = line
    }
}

/// A level of the national scale (`Content/levels.yml`): the few levels national agencies are
/// placed at, which each area maps its own levels onto, so a national agency fits every area.
public struct NationalLevel: Sendable {
    public var id: String
    public var name: String
    /// What it means for a family, in plain words.
    public var description: String?
    /// What a family at this level can do.
    public var whatToDo: String?
    public var line: Int

    package init(id: String, name: String, description: String? = nil, whatToDo: String? = nil, line: Int) {
        self.id = id
        self.name = name
        self.description = description
        self.whatToDo = whatToDo
        self.line = line
    }
}

public struct Area: Sendable {
    public var id: String
    public var file: String
    public var name: String
    public var getHelpNow: [HelpLine]
    public var partnershipName: String?
    public var partnershipWebsite: String?
    /// Where the partnership's `website:` is written (for `check --links`).
    public var partnershipWebsiteLine: Int = 1
    public var levels: [Level]
    /// The line of `levels:` (for messages about the levels as a whole).
    public var levelsLine: Int = 1
    /// The text below the settings: the county's own words on its levels of need.
    public var body: String
    public var bodyLine: Int = 1
    public var agencies: [String: EntryFile] = [:]
    public var topicTexts: [String: TopicText] = [:]
    /// The county's own topics (`areas/<area>/topics.yml`), shown to its schools only.
    public var topics: [Topic] = []

    package init(id: String, file: String, name: String, getHelpNow: [HelpLine], partnershipName: String? = nil, partnershipWebsite: String? = nil, partnershipWebsiteLine: Int = 1, levels: [Level], levelsLine: Int = 1, body: String, bodyLine: Int = 1, agencies: [String: EntryFile] = [:], topicTexts: [String: TopicText] = [:], topics: [Topic] = []) {
        self.id = id
        self.file = file
        self.name = name
        self.getHelpNow = getHelpNow
        self.partnershipName = partnershipName
        self.partnershipWebsite = partnershipWebsite
        self.partnershipWebsiteLine = partnershipWebsiteLine
        self.levels = levels
        self.levelsLine = levelsLine
        self.body = body
        self.bodyLine = bodyLine
        self.agencies = agencies
        self.topicTexts = topicTexts
        self.topics = topics
    }
}

public struct Person: Sendable {
    public var name: String
    public var roles: [String]
    public var title: String?
    public var email: String?
    public var phone: String?
    public var line: Int

    package init(name: String, roles: [String], title: String? = nil, email: String? = nil, phone: String? = nil, line: Int) {
        self.name = name
        self.roles = roles
        self.title = title
        self.email = email
        self.phone = phone
        self.line = line
    }
}

public struct ExtraPage: Sendable {
    public var id: String
    public var file: String
    public var title: String
    public var summary: String?
    public var order: Int
    public var toc: Bool
    public var body: String
    public var bodyLine: Int

    package init(id: String, file: String, title: String, summary: String? = nil, order: Int, toc: Bool, body: String, bodyLine: Int) {
        self.id = id
        self.file = file
        self.title = title
        self.summary = summary
        self.order = order
        self.toc = toc
        self.body = body
        self.bodyLine = bodyLine
    }
}

/// Words about a topic ("What is FGM, and what we do"): national, an area's, or a school's.
/// Layered like agencies: a school's file replaces the shared text, or adds to it.
public struct TopicText: Sendable {
    public var topic: String
    public var file: String
    public var title: String?
    public var body: String
    public var bodyLine: Int
    public var bodyMode: EntryFields.BodyMode = .replace

    /// This text laid over `base` (the shared text below it), keeping every file it came from.
    package func layered(over base: ResolvedTopicText?) -> ResolvedTopicText {
        guard let base else { return ResolvedTopicText(title: title, body: body, files: [file]) }
        let text: String
        switch bodyMode {
        case _ where body.isBlank: text = base.body // a new title only
        case .replace: text = body
        case .append: text = base.body + "\n\n" + body
        case .prepend: text = body + "\n\n" + base.body
        }
        return ResolvedTopicText(title: title ?? base.title, body: text, files: base.files + [file])
    }

    package init(topic: String, file: String, title: String? = nil, body: String, bodyLine: Int, bodyMode: EntryFields.BodyMode = .replace) {
        self.topic = topic
        self.file = file
        self.title = title
        self.body = body
        self.bodyLine = bodyLine
        self.bodyMode = bodyMode
    }
}

public struct ResolvedTopicText: Sendable {
    public var title: String?
    public var body: String
    public var files: [String]
}

public struct School: Sendable {
    public enum AgencySelection: Sendable {
        case all
        case list([Located<String>])
    }

    public var id: String
    public var folder: String
    public var file: String
    public var name: String
    public var phase: String?
    public var area: Located<String>
    public var address: String?
    public var phone: String?
    public var email: String?
    public var website: String?
    /// Where `website:` is written (for `check --links`).
    public var websiteLine: Int = 1
    public var safeguardingPhone: String?
    public var logo: Located<String>?
    public var logoAlt: String?
    public var colour: Located<String>?
    public var people: [Person]
    public var levelNameList: [(level: Located<String>, name: String)]
    public var agencies: AgencySelection
    public var exclude: [Located<String>]
    /// `also_signposted:`: library agencies by id, and organisations named without contacts.
    public var alsoSignposted: [AlsoSignposted] = []
    public var reviewed: Located<Day>?
    public var reviewedBy: String?
    public var nextReview: Located<Day>?
    /// `draft: true`: `check` reports its gaps as warnings, `build` leaves it out, `serve` shows it.
    public var isDraft: Bool = false
    public var body: String
    public var bodyLine: Int
    public var overrides: [String: EntryFile] = [:]
    public var services: [String: EntryFile] = [:]
    public var pages: [ExtraPage] = []
    public var topicTexts: [String: TopicText] = [:]
    /// `footer_note:`: a short paragraph of Markdown in the footer of the school's pages.
    public var footerNote: Located<String>?
    /// `links:`: the school's own web pages (its website, SEND report, policies), in the footer.
    public var ownLinks: [SchoolLink] = []
    /// The school's own topics (`schools/<id>/topics.yml`), shown on its pages only.
    public var topics: [Topic] = []

    package init(id: String, folder: String, file: String, name: String, phase: String? = nil, area: Located<String>, address: String? = nil, phone: String? = nil, email: String? = nil, website: String? = nil, websiteLine: Int = 1, safeguardingPhone: String? = nil, logo: Located<String>? = nil, logoAlt: String? = nil, colour: Located<String>? = nil, people: [Person], levelNameList: [(level: Located<String>, name: String)], agencies: AgencySelection, exclude: [Located<String>], alsoSignposted: [AlsoSignposted] = [], reviewed: Located<Day>? = nil, reviewedBy: String? = nil, nextReview: Located<Day>? = nil, isDraft: Bool = false, body: String, bodyLine: Int, overrides: [String: EntryFile] = [:], services: [String: EntryFile] = [:], pages: [ExtraPage] = [], topicTexts: [String: TopicText] = [:], footerNote: Located<String>? = nil, ownLinks: [SchoolLink] = [], topics: [Topic] = []) {
        self.id = id
        self.folder = folder
        self.file = file
        self.name = name
        self.phase = phase
        self.area = area
        self.address = address
        self.phone = phone
        self.email = email
        self.website = website
        self.websiteLine = websiteLine
        self.safeguardingPhone = safeguardingPhone
        self.logo = logo
        self.logoAlt = logoAlt
        self.colour = colour
        self.people = people
        self.levelNameList = levelNameList
        self.agencies = agencies
        self.exclude = exclude
        self.alsoSignposted = alsoSignposted
        self.reviewed = reviewed
        self.reviewedBy = reviewedBy
        self.nextReview = nextReview
        self.isDraft = isDraft
        self.body = body
        self.bodyLine = bodyLine
        self.overrides = overrides
        self.services = services
        self.pages = pages
        self.topicTexts = topicTexts
        self.footerNote = footerNote
        self.ownLinks = ownLinks
        self.topics = topics
    }
}

public struct Content: Sendable {
    public var site: SiteConfig
    public var topics: [Topic]
    public var national: [String: EntryFile]
    public var nationalTopicTexts: [String: TopicText] = [:]
    /// The national scale of levels (`Content/levels.yml`), or nil without one: then national
    /// agencies name the areas' own level ids, which works while there is one area.
    public var nationalLevels: [NationalLevel]?
    public var nationalLevelsFile: String = "Content/levels.yml"
    public var areas: [String: Area]
    public var schools: [School]
    /// Agency ids whose files exist but could not be read: their own errors say why,
    /// so references to them are not reported again as "unknown".
    public var unreadableAgencies: Set<String> = []

    package init(site: SiteConfig, topics: [Topic], national: [String: EntryFile], nationalTopicTexts: [String: TopicText] = [:], nationalLevels: [NationalLevel]? = nil, nationalLevelsFile: String = "Content/levels.yml", areas: [String: Area], schools: [School], unreadableAgencies: Set<String> = []) {
        self.site = site
        self.topics = topics
        self.national = national
        self.nationalTopicTexts = nationalTopicTexts
        self.nationalLevels = nationalLevels
        self.nationalLevelsFile = nationalLevelsFile
        self.areas = areas
        self.schools = schools
        self.unreadableAgencies = unreadableAgencies
    }
}
