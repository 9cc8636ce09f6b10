/// One setting an agency or a school service can have. `EntryField.all` is the one table of
/// them: the loader knows and reads these keys, overrides replace them field by field,
/// `explain` shows them, `new` writes them, and the README's list of fields is made from it.
/// Adding a field: a stored property in `EntryFields` and a row here (a new kind of value
/// also needs its reader in `EntryReader` and its display in `Explainer`).
public struct EntryField: Sendable {
    /// What sort of value it holds.
    public enum Kind: String, Sendable {
        case text, phones, emails, websites, ids, referral, access, date, teams, contacts, bodyMode

        /// How the README and `explain` describe the value.
        public var words: String {
            switch self {
            case .text: return "words"
            case .phones: return "a list of phone numbers"
            case .emails: return "a list of email addresses"
            case .websites: return "a list of web addresses"
            case .ids: return "a list of ids"
            case .referral: return "a list of referral routes"
            case .access: return "`direct` or `referral`"
            case .date: return "a date or a month"
            case .teams: return "a list of teams"
            case .contacts: return "a list of named people"
            case .bodyMode: return "`replace`, `append` or `prepend`"
            }
        }
    }

    /// Which files may give it.
    public struct Use: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// A library agency: `agencies/` (national) or `areas/<area>/agencies/`.
        public static let agency = Use(rawValue: 1)
        /// A school's change to a library agency, or its own agency (`schools/<school>/agencies/`).
        public static let override = Use(rawValue: 2)
        /// A school's own service (`schools/<school>/services/`).
        public static let service = Use(rawValue: 4)
        public static let all: Use = [.agency, .override, .service]
    }

    /// Where the value lives in `EntryFields`, typed so each stage reads and shows it properly.
    package enum Slot: Sendable {
        case text(WritableKeyPath<EntryFields, Located<String>?> & Sendable)
        case strings(WritableKeyPath<EntryFields, Located<[String]>?> & Sendable)
        case phones(WritableKeyPath<EntryFields, Located<[Phone]>?> & Sendable)
        case emails(WritableKeyPath<EntryFields, Located<[Email]>?> & Sendable)
        case websites(WritableKeyPath<EntryFields, Located<[Website]>?> & Sendable)
        case date(WritableKeyPath<EntryFields, Located<Day>?> & Sendable)
        case access(WritableKeyPath<EntryFields, Located<EntryFields.Access>?> & Sendable)
        case teams(WritableKeyPath<EntryFields, Located<[Team]>?> & Sendable)
        case contacts(WritableKeyPath<EntryFields, Located<[NamedContact]>?> & Sendable)
        /// `body:` says how the text combines with the library's; it is no value of its own.
        case bodyMode

        /// The same slot with its type forgotten, for what every field does alike (nil for `body:`).
        var path: (any FieldPath)? {
            switch self {
            case let .text(p): return TypedPath(path: p)
            case let .strings(p): return TypedPath(path: p)
            case let .phones(p): return TypedPath(path: p)
            case let .emails(p): return TypedPath(path: p)
            case let .websites(p): return TypedPath(path: p)
            case let .date(p): return TypedPath(path: p)
            case let .access(p): return TypedPath(path: p)
            case let .teams(p): return TypedPath(path: p)
            case let .contacts(p): return TypedPath(path: p)
            case .bodyMode: return nil
            }
        }
    }

    /// The setting's name in a file: `phones`.
    public let key: String
    public let kind: Kind
    /// What it means, in plain words for a school office.
    public let meaning: String
    /// How it is written, as YAML lines.
    public let example: String
    public let use: Use
    package let slot: Slot
    /// Kept once: overrides and `explain` go through every field for every entry.
    package let path: (any FieldPath)?

    init(_ key: String, _ kind: Kind, _ slot: Slot, use: Use = .all, meaning: String, example: String) {
        self.key = key
        self.kind = kind
        self.meaning = meaning
        self.example = example
        self.use = use
        self.slot = slot
        path = slot.path
    }

    /// The keys a file of this kind may have.
    package static func keys(for use: Use) -> [String] { all.filter { $0.use.contains(use) }.map(\.key) }

    public static func named(_ key: String) -> EntryField? { all.first { $0.key == key } }

    /// `add_phones:` and the like: meaningful only in a change to a library agency.
    public var addsToLibrary: Bool { key.hasPrefix("add_") }

    public static let all: [EntryField] = [
        EntryField("name", .text, .text(\.name), meaning: "The name families know it by.", example: "name: Samaritans"),
        EntryField("summary", .text, .text(\.summary),
                   meaning: "One sentence a parent understands: what it does, and for whom.",
                   example: "summary: Someone to talk to, day or night, about anything that is upsetting you."),
        EntryField("phones", .phones, .phones(\.phones),
                   meaning: "Its phone numbers, each with an optional `label` and `hours`; `text: true` marks a number you send a text message to; `for: professionals` one for professionals only (shown on its page, not to families first).",
                   example: """
                   phones:
                     - number: 116 123
                       label: Helpline
                       hours: 24 hours a day, every day
                     - number: "85258"
                       label: Text SHOUT
                       text: true
                   """),
        EntryField("emails", .emails, .emails(\.emails),
                   meaning: "Its email addresses, each on its own or with an `address` and a `label` (and `for: professionals` for one that is not for families).",
                   example: "emails: [jo@samaritans.org]"),
        EntryField("websites", .websites, .websites(\.websites),
                   meaning: "Its web addresses (starting https://), each on its own or with a `url` and a `label` (and `for: professionals` for one that is not for families).",
                   example: """
                   websites:
                     - url: https://www.samaritans.org
                       label: Samaritans
                   """),
        EntryField("add_phones", .phones, .phones(\.addPhones), use: [.agency, .override],
                   meaning: "In a change to a library agency: phone numbers added after the library's, written like `phones:`, so the library's list need not be typed again.",
                   example: """
                   add_phones:
                     - number: 01905 123456
                       label: Local office
                   """),
        EntryField("add_emails", .emails, .emails(\.addEmails), use: [.agency, .override],
                   meaning: "In a change to a library agency: email addresses added after the library's, written like `emails:`.",
                   example: "add_emails: [local@example.org.uk]"),
        EntryField("add_websites", .websites, .websites(\.addWebsites), use: [.agency, .override],
                   meaning: "In a change to a library agency: web addresses added after the library's, written like `websites:`.",
                   example: "add_websites: [https://www.example.org.uk/local]"),
        EntryField("address", .text, .text(\.address), meaning: "A postal or visiting address.",
                   example: "address: 76 The Ridgeway, Astwood Bank, B96 6LX"),
        EntryField("teams", .teams, .teams(\.teams),
                   meaning: "Its teams or offices, one for each district or place: each has a `label` (such as the district), its own `phones`, `emails` and `address`, and what it covers, in words (`covers`) or as postcode districts (`postcodes`).",
                   example: """
                   teams:
                     - label: Wychavon
                       phones: ["01632 960001"]
                       emails: [wychavon@example.org.uk]
                       covers: Droitwich, Evesham and Pershore
                       postcodes: [WR9, WR10, WR11]
                   """),
        EntryField("contacts", .contacts, .contacts(\.contacts),
                   meaning: "Named people families may be told to ask for (the school's PCSO, the Prevent officer), each with a `name`, their `role` in words, and a `phone` or an `email` (needed: a role with no one to contact goes in the text); `for: professionals` marks someone families do not contact.",
                   example: """
                   contacts:
                     - name: PC Sam Patel
                       role: Police Community Support Officer for Droitwich
                       phone: 01632 960002
                   """),
        EntryField("access", .access, .access(\.access),
                   meaning: "How families reach it: `direct` (the default: they contact it themselves) or `referral` (only through a referral, which `referral:` says who can make). An entry with `access: referral` needs no phone, email or website of its own.",
                   example: "access: referral"),
        EntryField("referral", .referral, .strings(\.referral),
                   meaning: "Who can ask it for help on a family's behalf: " + ReferralKind.ids.map { "`\($0)`" }.joined(separator: ", ") + ". `self` means families can contact it themselves.",
                   example: "referral: [self, school, gp]"),
        EntryField("ages", .text, .text(\.ages), meaning: "Who it is for, by age, in words.", example: "ages: 5 to 18"),
        EntryField("cost", .text, .text(\.cost), meaning: "What it costs a family, in words.", example: "cost: Free"),
        EntryField("levels", .ids, .strings(\.levels),
                   meaning: "The levels of need it is for. A national agency (in `Content/agencies/`) names levels of the national scale in `Content/levels.yml`; an area's agency, a school's file and a service name the area's own levels, from its `area.md`.",
                   example: "levels: [universal, additional]"),
        EntryField("topics", .ids, .strings(\.topics), meaning: "The topics it helps with: ids from `Content/topics.yml`.",
                   example: "topics: [mental-health]"),
        EntryField("reviewed", .date, .date(\.reviewed),
                   meaning: "When someone last checked it: a date (2025-09-01) or a month (2025-09).",
                   example: "reviewed: 2025-09-01"),
        EntryField("people", .ids, .strings(\.people), use: .service,
                   meaning: "The school's key people who run it, named as in `people:` in school.md.",
                   example: "people: [Rachel Roberts]"),
        EntryField("body", .bodyMode, .bodyMode, use: [.agency, .override],
                   meaning: "What the text below the settings does to the library's text: `replace` it (the default), `append` (add it after) or `prepend` (add it before).",
                   example: "body: append"),
    ]
}

/// What every field does alike, whatever its type: overriding, comparing, saying where it came from.
package protocol FieldPath: Sendable {
    /// Copies the field from `other` when `other` gives it.
    func take(_ result: inout EntryFields, from other: EntryFields)
    /// Nil when `override` does not give the field; otherwise whether `base` already has that value.
    func isSame(_ base: EntryFields, _ override: EntryFields) -> Bool?
    /// Where the field was written, when it is set.
    func origin(in fields: EntryFields) -> Located<Void>?
}

struct TypedPath<Value: Equatable & Sendable>: FieldPath {
    let path: WritableKeyPath<EntryFields, Located<Value>?> & Sendable

    func take(_ result: inout EntryFields, from other: EntryFields) {
        if let value = other[keyPath: path] { result[keyPath: path] = value }
    }

    func isSame(_ base: EntryFields, _ override: EntryFields) -> Bool? {
        guard let theirs = override[keyPath: path] else { return nil }
        return base[keyPath: path]?.value == theirs.value
    }

    func origin(in fields: EntryFields) -> Located<Void>? { fields[keyPath: path]?.map { _ in () } }
}
