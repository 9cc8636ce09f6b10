// The names templates can use, one enum per family of values. A case's raw value is the
// name in `{{…}}`; a family's `table` also says which family each nested list or value
// belongs to, so `TemplateSchema` can tell which names a template can see.
// swiftlint:disable identifier_name

// MARK: What every page shows around its own content

/// What the header, "Get help now" box, footer and breadcrumbs see, and every page inherits:
/// the school's (or the site's) details, `root`, and those pieces rendered.
public enum LayoutKey: String, TemplateKey {
    case lang, site_title, home_url, accessibility_url, get_help_now, school, brand_style, reviewed, reviewed_iso,
         partnership_name, partnership_website, root, header_html, get_help_now_html, footer_html, breadcrumbs,
         breadcrumbs_html
    /// The list of schools, when the site has one (not a school's site on its own).
    case school_list_url
    public static let table = KeyTable(Self.self, nested: [.get_help_now: HelpKey.table, .school: SchoolKey.table,
                                                           .breadcrumbs: CrumbKey.table])
}

/// `school` in the layout: the school's own details.
public enum SchoolKey: String, TemplateKey {
    case school_name, school_url, school_id, handout_url, school_phone, school_tel, school_email, school_mail_href,
         school_website, school_address, logo_url, logo_alt, brand_style, safeguarding_people
    public static let table = KeyTable(Self.self, nested: [.safeguarding_people: PersonKey.table])
}

/// A line of the "Get help now" box.
public enum HelpKey: String, TemplateKey {
    case help_label, help_phone, help_tel, help_hours, help_note, help_website, help_website_short, help_email
    public static let table = KeyTable(Self.self)
}

/// One of the school's people.
public enum PersonKey: String, TemplateKey {
    case person_name, person_role, person_roles, person_email, person_mail_href, person_phone, person_tel
    public static let table = KeyTable(Self.self)
}

/// A step of the breadcrumb trail.
public enum CrumbKey: String, TemplateKey {
    case crumb_name, crumb_url
    public static let table = KeyTable(Self.self)
}

// MARK: Agencies and services

/// An entry as lists show it (`entry-card`, `handout-item`), with where it is placed (`link`,
/// `root`, `card_heading`) and, in a page's list, its `url` and the rendered pieces.
public enum CardKey: String, TemplateKey {
    case id, name, summary, is_service, phones, first_phone, emails, websites, first_website,
         link, root, card_heading, url, card_html, handout_html
    public static let table = KeyTable(Self.self, nested: [.phones: PhoneKey.table, .first_phone: PhoneKey.table,
                                                           .emails: EmailKey.table, .websites: WebsiteKey.table,
                                                           .first_website: WebsiteKey.table])
}

public enum PhoneKey: String, TemplateKey {
    case number, href, phone_label, phone_hours, is_text
    public static let table = KeyTable(Self.self)
}

public enum EmailKey: String, TemplateKey {
    case address, mail_href, email_label
    public static let table = KeyTable(Self.self)
}

public enum WebsiteKey: String, TemplateKey {
    case web_url, web_short, web_label
    public static let table = KeyTable(Self.self)
}

/// `entry-details`: an entry's text and contact details.
public enum DetailsKey: String, TemplateKey {
    case id, name, is_service, phones, emails, websites, address, ages, cost, referral, body
    public static let table = KeyTable(Self.self, nested: [.phones: PhoneKey.table, .emails: EmailKey.table,
                                                           .websites: WebsiteKey.table, .referral: RouteKey.table])
}

/// A way to ask for help ("The school can refer you").
public enum RouteKey: String, TemplateKey {
    case route
    public static let table = KeyTable(Self.self)
}

/// `entry-links`: an entry page's links to its levels and topics, within the school.
public enum EntryLinksKey: String, TemplateKey {
    case root, levels, topics
    public static let table = KeyTable(Self.self, nested: [.levels: LevelLinkKey.table, .topics: TopicLinkKey.table])
}

public enum LevelLinkKey: String, TemplateKey {
    case level_name, level_link
    public static let table = KeyTable(Self.self)
}

public enum TopicLinkKey: String, TemplateKey {
    case topic_name, topic_link
    public static let table = KeyTable(Self.self)
}

/// `entry` on an entry's page, and `entry-content` (its main part, `content_html`). It
/// inherits the entry's details (`DetailsKey`).
public enum EntryContentKey: String, TemplateKey {
    case id, name, offer_link, root, levels, topics, summary, is_service, links_html, entry_reviewed, entry_reviewed_iso,
         school_name, people, details_html, content_html
    public static let table = KeyTable(Self.self, nested: [.levels: LevelLinkKey.table, .topics: TopicLinkKey.table,
                                                           .people: PersonKey.table], inherits: DetailsKey.table)
}

// MARK: Pages

/// A page's own values: the four every page has, then its template's. Page values inherit
/// the layout's (`LayoutKey`).
public protocol PageKey: TemplateKey {
    static var title: Self { get }
    static var head_title: Self { get }
    static var exit_page: Self { get }
    static var canonical: Self { get }
}

/// `index`: the list of schools.
public enum IndexPageKey: String, PageKey {
    case title, head_title, exit_page, canonical, schools
    public static let table = KeyTable(Self.self, nested: [.schools: SchoolListKey.table], inherits: LayoutKey.table)
}

public enum SchoolListKey: String, TemplateKey {
    case school_name, school_url, area_name, phase, school_reviewed
    public static let table = KeyTable(Self.self)
}

/// `404`.
public enum NotFoundPageKey: String, PageKey {
    case title, head_title, exit_page, canonical, home_absolute
    public static let table = KeyTable(Self.self, inherits: LayoutKey.table)
}

/// `accessibility`: the statement, with every school's contact details.
public enum AccessibilityPageKey: String, PageKey {
    case title, head_title, exit_page, canonical, schools_list, statement_date
    public static let table = KeyTable(Self.self, nested: [.schools_list: SchoolContactKey.table], inherits: LayoutKey.table)
}

public enum SchoolContactKey: String, TemplateKey {
    case school_name, school_email, school_phone, school_tel
    public static let table = KeyTable(Self.self)
}

/// `school`: a school's offer.
public enum OfferPageKey: String, PageKey {
    case title, head_title, exit_page, canonical, intro, people, levels, other_entries, topics, pages, reviewed_by, next_review
    case downloads
    public static let table = KeyTable(Self.self, nested: [.people: PersonKey.table, .levels: OfferLevelKey.table,
                                                           .other_entries: CardKey.table, .topics: TopicURLKey.table,
                                                           .pages: PageLinkKey.table, .downloads: DownloadKey.table],
                                       inherits: LayoutKey.table)
}

public enum OfferLevelKey: String, TemplateKey {
    case level_name, level_url, level_id, level_description, level_services, level_agencies
    public static let table = KeyTable(Self.self, nested: [.level_services: CardKey.table, .level_agencies: CardKey.table])
}

public enum TopicURLKey: String, TemplateKey {
    case topic_name, topic_url
    public static let table = KeyTable(Self.self)
}

public enum PageLinkKey: String, TemplateKey {
    case page_title, page_url, page_summary
    public static let table = KeyTable(Self.self)
}

/// `level`: a level of need.
public enum LevelPageKey: String, PageKey {
    case title, head_title, exit_page, canonical, level_description, entries
    public static let table = KeyTable(Self.self, nested: [.entries: CardKey.table], inherits: LayoutKey.table)
}

/// `topic`: what the school offers on a topic.
public enum TopicPageKey: String, PageKey {
    case title, head_title, exit_page, canonical, topic_description, school_text, services, agencies
    public static let table = KeyTable(Self.self, nested: [.services: CardKey.table, .agencies: CardKey.table],
                                       inherits: LayoutKey.table)
}

/// `entry`: an agency's or service's page.
public enum EntryPageKey: String, PageKey {
    case title, head_title, exit_page, canonical, entry
    public static let table = KeyTable(Self.self, nested: [.entry: EntryContentKey.table], inherits: LayoutKey.table)
}

/// `page`: one of the school's further pages.
public enum ExtraPageKey: String, PageKey {
    case title, head_title, exit_page, canonical, page_summary, body, toc
    public static let table = KeyTable(Self.self, nested: [.toc: TocKey.table], inherits: LayoutKey.table)
}

public enum TocKey: String, TemplateKey {
    case toc_text, toc_anchor, toc_sub
    public static let table = KeyTable(Self.self)
}

/// `handout`: the printable page.
public enum HandoutPageKey: String, PageKey {
    case title, head_title, exit_page, canonical, people, services, groups, online_url, qr_svg
    public static let table = KeyTable(Self.self, nested: [.people: PersonKey.table, .services: CardKey.table,
                                                           .groups: HandoutGroupKey.table], inherits: LayoutKey.table)
}

public enum HandoutGroupKey: String, TemplateKey {
    case group_name, group_agencies
    public static let table = KeyTable(Self.self, nested: [.group_agencies: CardKey.table])
}

// MARK: The whole offer to print, and the offer page's downloads

/// `offer-document`: the whole offer on one page, to print, and the page its PDF is made from.
public enum OfferDocumentKey: String, PageKey {
    case title, head_title, exit_page, canonical, intro, people, levels, other_help, other_services, other_agencies, topic_texts,
         further_pages, reviewed_by, next_review, online_url
    public static let table = KeyTable(Self.self, nested: [.people: PersonKey.table, .levels: DocumentLevelKey.table,
                                                           .other_services: DocumentEntryKey.table, .other_agencies: DocumentEntryKey.table,
                                                           .topic_texts: DocumentTopicKey.table,
                                                           .further_pages: DocumentPageKey.table], inherits: LayoutKey.table)
}

/// A level of need in the whole offer: its entries, the school's own first.
public enum DocumentLevelKey: String, TemplateKey {
    case level_name, level_id, level_url, level_description, level_what_to_do, level_services, level_agencies
    public static let table = KeyTable(Self.self, nested: [.level_services: DocumentEntryKey.table,
                                                           .level_agencies: DocumentEntryKey.table])
}

/// An entry in the whole offer, with all its details (`DetailsKey`), under an `h4`; `body` is
/// its text with its headings below that one. An entry listed at more than one level is shown
/// whole at the first and named at the others (`shown_at`).
public enum DocumentEntryKey: String, TemplateKey {
    case anchor, url, summary, body, people_names, shown_at
    public static let table = KeyTable(Self.self, inherits: DetailsKey.table)
}

/// The school's own words on a topic, and the entries that help with it (`anchor` and `name`).
public enum DocumentTopicKey: String, TemplateKey {
    case topic_name, topic_id, topic_url, school_text, topic_entries
    public static let table = KeyTable(Self.self, nested: [.topic_entries: DocumentLinkKey.table])
}

public enum DocumentLinkKey: String, TemplateKey {
    case link_name, link_anchor
    public static let table = KeyTable(Self.self)
}

/// One of the school's further pages, whole.
public enum DocumentPageKey: String, TemplateKey {
    case page_title, page_id, page_url, page_summary, body
    public static let table = KeyTable(Self.self)
}

/// A document of the school's to print or download (`downloads`): its page, and its PDF
/// when the build made one (`pdf_url`, `pdf_size` such as "180 KB", `pdf_pages`).
public enum DownloadKey: String, TemplateKey {
    case download_name, page_url, pdf_url, pdf_size, pdf_pages
    public static let table = KeyTable(Self.self)
}
