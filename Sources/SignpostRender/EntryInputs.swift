import SignpostResolve

/// What the pieces made from an entry are made from: each shared builder (`EntryValues`) is
/// given one of these and nothing else, and its piece is kept under it (`PieceStore`). A value
/// a piece should show differently for some school can only reach it through its input, and
/// so changes the key: schools can share a piece only if they would have made the same one.

/// An entry as its files make it: the kind, the id and the files, lowest precedence first.
/// The resolver makes an entry's fields from its files and nothing else, so two schools'
/// entries with the same files are equal; they are told apart by their files alone. A school's
/// own service with no contact of its own is reached through the school: `school` is then the
/// school's contact, shown on its card (no other school has the service's files).
struct EntryFiles: Hashable, Sendable {
    let entry: ResolvedEntry
    let school: SchoolContact?

    init(entry: ResolvedEntry, school: SchoolContact? = nil) {
        self.entry = entry
        self.school = school
    }

    static func == (a: EntryFiles, b: EntryFiles) -> Bool {
        (a.entry === b.entry || a.entry.filesKey == b.entry.filesKey) && a.school == b.school
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(entry.filesKey)
        hasher.combine(school)
    }
}

/// An entry's card placed on a page: where, and under which heading level.
struct CardInput: Hashable, Sendable {
    let entry: EntryFiles
    let place: Place
    let heading: String
}

/// An entry page's links to its levels (by the names the school gives them) and topics.
struct LinksInput: Hashable, Sendable {
    struct Link: Hashable, Sendable {
        let id: String
        let name: String
    }

    let levels: [Link]
    let topics: [Link]
    let place: Place
}

/// What an entry's details (`entry-details`) are made from: the entry, and what only one school
/// shows. For a school's own service, the school's name and the people the service names; for
/// an entry reached only through a referral, the school a family can ask (its contact shows
/// beside the route). Without either, the details are the entry's alone and shared.
struct DetailsInput: Hashable, Sendable {
    let entry: EntryFiles
    let people: [Values<PersonKey>]?
    let schoolName: String?
    let askSchool: SchoolContact?

    init(entry: EntryFiles, people: [Values<PersonKey>]? = nil, schoolName: String? = nil, askSchool: SchoolContact? = nil) {
        self.entry = entry
        self.people = people
        self.schoolName = schoolName
        self.askSchool = askSchool
    }

    /// Nothing a school adds: the same for every school that lists the entry.
    var isShared: Bool { people == nil && askSchool == nil }
}

/// A school's name and contact, as an entry reached through a referral shows it.
struct SchoolContact: Hashable, Sendable {
    let name: String
    let phone: String?
    let email: String?
}

/// An entry page's main part: its details and its links.
struct ContentInput: Hashable, Sendable {
    let details: DetailsInput
    let links: LinksInput
}

/// An entry shown whole in the school's whole offer (`offer-document-entry`): its details as
/// the school's page shows them, and whether it is the school's own (which names its people).
struct DocumentInput: Hashable, Sendable {
    let details: DetailsInput
    let isOwn: Bool
}

/// An entry's details: its values and `entry-details` rendered from them.
struct EntryDetails: Sendable {
    let values: Values<DetailsKey>
    let html: Piece
}

/// What an entry page's JSON-LD is made from: the entry, the school's contact where the page
/// reaches the service through it, and the area the entry serves (the whole country for a
/// national entry).
struct StructuredDataInput: Hashable, Sendable {
    let entry: EntryFiles
    let areaName: String
    let national: Bool
}
