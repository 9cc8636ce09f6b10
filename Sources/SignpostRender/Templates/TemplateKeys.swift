// The names templates can use, one enum per family of values. A case's raw value is the
// name in `{{…}}`; a family's `table` also says which family each nested list or value
// belongs to, so `TemplateSchema` can tell which names a template can see.
// swiftlint:disable identifier_name
// MARK: What every page shows around its own content

/// What the header, "Get help now" box, footer and breadcrumbs see, and every page inherits:
/// the school's (or the site's) details, `root`, and those pieces rendered.
/// `school_list_url` is set only when the site has a list of schools; `is_draft` on a draft
/// school's pages (only `serve` builds them); `help_compact` only for the offer page's short
/// "Get help now" box; `help_everywhere` when a page of no school shows only the lines every
/// area shares.
public enum LayoutKey: String, TemplateKey {
    case lang, site_title, home_url, accessibility_url, get_help_now, school, brand_style, reviewed, reviewed_iso,
         partnership_name, partnership_website, root, header_html, get_help_now_html, footer_html, breadcrumbs,
         breadcrumbs_html, school_list_url, is_draft, help_compact, help_everywhere
    public static let table = KeyTable(Self.self, nested: [.get_help_now: HelpKey.table, .school: SchoolKey.table,
                                                           .breadcrumbs: CrumbKey.table])
}

/// `school` in the layout: the school's own details.
public enum SchoolKey: String, TemplateKey {
    case school_name, school_url, school_id, handout_url, school_phone, school_tel, school_email, school_mail_href,
         school_website, school_address, logo_url, logo_alt, brand_style, safeguarding_people, a_z_url, about_url,
         how_help_works_url, area_name, footer_note_html, own_links, has_own_links
    public static let table = KeyTable(Self.self, nested: [.safeguarding_people: PersonKey.table, .own_links: OwnLinkKey.table])
}

/// A line of the "Get help now" box. `help_when` is when the line is open and `help_other_…`
/// the number for other times; `help_hours` says both in one sentence, for templates that
/// show a line's hours as text.
public enum HelpKey: String, TemplateKey {
    case help_label, help_phone, help_tel, help_hours, help_note, help_website, help_website_short, help_email,
         help_when, help_other_when, help_other_phone, help_other_tel
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
/// `root`, `card_heading`) and, in a page's list, its `url` and the rendered pieces. A way to
/// reach it: `first_phone`, else `first_email`, else `first_website`; its teams (`teams`, or,
/// when there are more than two, `many_teams` with `team_count` and `team_places`), its named
/// contacts with a phone or email (`contacts`), and for an entry reached only through a
/// referral, `referral_who` ("Ask the school or your GP to refer you"); for a school's own
/// service with no contact of its own, the school's (`ask_school`).
public enum CardKey: String, TemplateKey {
    case id, name, summary, is_service, phones, first_phone, emails, first_email, websites, first_website,
         teams, many_teams, team_count, team_places, contacts, referral_only, referral_who, ask_school,
         link, root, card_heading, url, card_html, handout_html
    public static let table = KeyTable(Self.self, nested: [.phones: PhoneKey.table, .first_phone: PhoneKey.table,
                                                           .emails: EmailKey.table, .first_email: EmailKey.table,
                                                           .websites: WebsiteKey.table, .first_website: WebsiteKey.table,
                                                           .teams: TeamKey.table, .contacts: NamedContactKey.table,
                                                           .ask_school: AskSchoolKey.table])
}

/// A phone number; `phone_caption` is the words before it: its label, else "Text" or "Phone"
/// (one lookup where the template would take four).
public enum PhoneKey: String, TemplateKey {
    case number, href, phone_label, phone_hours, is_text, phone_caption
    public static let table = KeyTable(Self.self)
}

/// An email address; `address_parts` is the address in pieces a line may end after (before
/// its `@`), for narrow printed columns: `{{#address_parts}}{{part}}<wbr>{{/address_parts}}`;
/// `email_caption` its label, else "Email".
public enum EmailKey: String, TemplateKey {
    case address, mail_href, email_label, address_parts, email_caption
    public static let table = KeyTable(Self.self, nested: [.address_parts: PartKey.table])
}

/// A web address: `web_text` is what its link says (its label, or "Samaritans website"), never
/// the address itself; `web_short` is the address without `https://`, for paper, and
/// `web_parts` the same in pieces a printed line may end after (each `/`):
/// `{{#web_parts}}{{part}}<wbr>{{/web_parts}}`; `web_caption` its label, else "Website".
public enum WebsiteKey: String, TemplateKey {
    case web_url, web_short, web_label, web_text, web_parts, web_caption
    public static let table = KeyTable(Self.self, nested: [.web_parts: PartKey.table])
}

/// A piece of an address a printed line may end after.
public enum PartKey: String, TemplateKey {
    case part
    public static let table = KeyTable(Self.self)
}

/// One of an entry's teams or offices: `team_name` is what a family reads ("Wychavon team").
/// Its own names, so that a team without phones never shows the entry's.
public enum TeamKey: String, TemplateKey {
    case team_label, team_name, team_phones, team_first_phone, team_emails, team_first_email, team_address, team_covers,
         team_postcodes, team_anchor
    public static let table = KeyTable(Self.self, nested: [.team_phones: PhoneKey.table, .team_first_phone: PhoneKey.table,
                                                           .team_emails: EmailKey.table, .team_first_email: EmailKey.table])
}

/// A named person at an agency (the school's PCSO, the Prevent officer).
public enum NamedContactKey: String, TemplateKey {
    case contact_name, contact_role, contact_phone, contact_tel, contact_email, contact_mail_href
    public static let table = KeyTable(Self.self)
}

/// `entry-details`: an entry's contact details first ("How to get in touch": phones, emails,
/// websites, teams, named contacts, address; or, for an entry reached only through a referral,
/// `referral_who` and the school to ask, `ask_school`), the people at the school who run a
/// school's own service (`people`, `school_name`), then its text, who can ask, ages and cost.
/// Ways in marked `for: professionals` are kept apart: `pro_phones`, `pro_emails`,
/// `pro_websites`, `pro_contacts` (with `for_professionals` when there is any), shown under
/// their own heading.
public enum DetailsKey: String, TemplateKey {
    case id, name, is_service, phones, emails, websites, address, teams, contacts, referral_only, referral_who, ask_school,
         people, school_name, ages, cost, referral, body, for_professionals, pro_phones, pro_emails, pro_websites, pro_contacts
    public static let table = KeyTable(Self.self, nested: [.phones: PhoneKey.table, .emails: EmailKey.table,
                                                           .pro_phones: PhoneKey.table, .pro_emails: EmailKey.table,
                                                           .pro_websites: WebsiteKey.table, .pro_contacts: NamedContactKey.table,
                                                           .websites: WebsiteKey.table, .referral: RouteKey.table,
                                                           .teams: TeamKey.table, .contacts: NamedContactKey.table,
                                                           .ask_school: AskSchoolKey.table, .people: PersonKey.table])
}

/// The school a family asks about an entry reached only through a referral, or about one of
/// the school's own services that has no contact of its own.
public enum AskSchoolKey: String, TemplateKey {
    case ask_school_name, ask_school_phone, ask_school_tel, ask_school_email, ask_school_mail_href
    public static let table = KeyTable(Self.self)
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
         details_html, content_html
    public static let table = KeyTable(Self.self, nested: [.levels: LevelLinkKey.table, .topics: TopicLinkKey.table],
                                       inherits: DetailsKey.table)
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

/// `index`: the list of schools, by area (`areas`), and all of them (`schools`).
public enum IndexPageKey: String, PageKey {
    case title, head_title, exit_page, canonical, schools, areas
    public static let table = KeyTable(Self.self, nested: [.schools: SchoolListKey.table, .areas: AreaGroupKey.table],
                                       inherits: LayoutKey.table)
}

/// An area on the list of schools, with its schools.
public enum AreaGroupKey: String, TemplateKey {
    case area_name, area_id, area_schools
    public static let table = KeyTable(Self.self, nested: [.area_schools: SchoolListKey.table])
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

/// `school`: a school's offer, the hub: the short "Get help now" box, the topics, the
/// school's own services, how help works, key people, and links to the rest.
public enum OfferPageKey: String, PageKey {
    case title, head_title, exit_page, canonical, help_compact_html, topics, services, levels, people, people_call,
         pages, reviewed_by, next_review, next_review_iso, downloads
    public static let table = KeyTable(Self.self, nested: [.people: PersonKey.table, .levels: LevelStepKey.table,
                                                           .services: EntryLinkKey.table, .topics: TopicURLKey.table,
                                                           .pages: PageLinkKey.table, .downloads: DownloadKey.table],
                                       inherits: LayoutKey.table)
}

/// A level of need in plain words: what it means for a family, what to do (the county's words,
/// else the national scale's) and the county's few more words on it (`level_more`).
public enum LevelStepKey: String, TemplateKey {
    case level_name, level_url, level_id, level_meaning, level_what_to_do, level_more, level_count
    public static let table = KeyTable(Self.self)
}

/// A link to an agency's or service's page.
public enum EntryLinkKey: String, TemplateKey {
    case entry_name, entry_url
    public static let table = KeyTable(Self.self)
}

public enum TopicURLKey: String, TemplateKey {
    case topic_name, topic_url
    public static let table = KeyTable(Self.self)
}

public enum PageLinkKey: String, TemplateKey {
    case page_title, page_url, page_summary
    public static let table = KeyTable(Self.self)
}

/// `level`: a level of need; `also_signposted` the organisations the school names at it with no
/// contacts, as plain names (`plain_name`).
public enum LevelPageKey: String, PageKey {
    case title, head_title, exit_page, canonical, level_description, level_what_to_do, level_more, entries, also_signposted
    public static let table = KeyTable(Self.self, nested: [.entries: CardKey.table, .also_signposted: PlainNameKey.table], inherits: LayoutKey.table)
}

/// An organisation named without contacts: a name only, never a link.
public enum PlainNameKey: String, TemplateKey {
    case plain_name
    public static let table = KeyTable(Self.self)
}

/// `topic`: what the school offers on a topic, titled by the topic's name; `text_title` is
/// the title of the words on the topic, when they have one of their own.
public enum TopicPageKey: String, PageKey {
    case title, head_title, exit_page, canonical, topic_description, topic_also, text_title, school_text, services, agencies
    public static let table = KeyTable(Self.self, nested: [.services: CardKey.table, .agencies: CardKey.table],
                                       inherits: LayoutKey.table)
}

/// `entry`: an agency's or service's page.
public enum EntryPageKey: String, PageKey {
    case title, head_title, exit_page, canonical, entry
    /// schema.org JSON-LD for search engines: a whole `<script type="application/ld+json">` element.
    case structured_data_html
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

/// `about`: the school's own introduction to its offer.
public enum AboutPageKey: String, PageKey {
    case title, head_title, exit_page, canonical, intro, reviewed_by, next_review, next_review_iso
    public static let table = KeyTable(Self.self, inherits: LayoutKey.table)
}

/// `how-help-works`: the area's levels of need in plain words, and the area's own text.
public enum HowHelpWorksPageKey: String, PageKey {
    case title, head_title, exit_page, canonical, area_text, levels
    public static let table = KeyTable(Self.self, nested: [.levels: LevelStepKey.table], inherits: LayoutKey.table)
}

/// `a-z`: everything the offer contains, by letter, with the words the search looks in.
public enum AToZPageKey: String, PageKey {
    case title, head_title, exit_page, canonical, letters, item_count, topics
    public static let table = KeyTable(Self.self, nested: [.letters: LetterKey.table, .topics: TopicURLKey.table], inherits: LayoutKey.table)
}

/// A letter of the A to Z: its items, and `search_json`, the words each item is found by
/// (a JSON list, in the items' order, of each item's name, family words, topics, summary and
/// the words of its text, the fields the search weighs from most to least).
public enum LetterKey: String, TemplateKey {
    case letter, letter_id, letter_items, search_json
    public static let table = KeyTable(Self.self, nested: [.letter_items: LetterItemKey.table])
}

/// An item of the A to Z, as HTML in `card_html`: an agency's or service's card, or a topic's
/// (`a-z-topic`, from the other values).
public enum LetterItemKey: String, TemplateKey {
    case card_html, is_topic, topic_name, topic_url, topic_description, root
    public static let table = KeyTable(Self.self)
}

/// `handout`: the printable page. `help_lines`: the area's "Get help now" lines (and the
/// school's safeguarding line when its number is not the school's, which the school's own
/// contact shows once); `people`: who to ask for; `ask_about`: the school's own services,
/// listed under its contact; `groups`: each agency once, under its first topic; `online_url`
/// (the offer's address, with `qr_svg`) when the site has a `base_url`, else `school_web`;
/// `density`, a class for the text size that fills two pages (`HandoutFit`); `more_online`,
/// when some agencies were left out to fit, says so.
public enum HandoutPageKey: String, PageKey {
    case title, head_title, exit_page, canonical, help_lines, people, ask_about, groups, more_online, online_url, online_short,
         qr_svg, school_web, school_web_short, next_review, density
    public static let table = KeyTable(Self.self, nested: [.help_lines: HelpKey.table, .people: PersonKey.table,
                                                           .ask_about: AskAboutKey.table, .groups: HandoutGroupKey.table],
                                       inherits: LayoutKey.table)
}

/// One of the school's own services on the handout, with its number only when it is not the
/// school's.
public enum AskAboutKey: String, TemplateKey {
    case service_name, service_phone, service_tel
    public static let table = KeyTable(Self.self)
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
    case anchor, url, summary, body, people_names, shown_at, entry_html
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
