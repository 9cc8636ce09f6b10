/// What the pieces made from an entry are made from: each shared builder (`EntryValues`) is
/// given one of these and nothing else, and its piece is kept under it (`PieceStore`). A value
/// a piece should show differently for some school can only reach it through its input, and
/// so changes the key: schools can share a piece only if they would have made the same one.

/// An entry as its files make it: the kind, the id and the files, lowest precedence first.
/// The resolver makes an entry's fields from its files and nothing else, so two schools'
/// entries with the same files are equal; they are told apart by their files alone.
struct EntryFiles: Hashable, Sendable {
    let entry: ResolvedEntry

    static func == (a: EntryFiles, b: EntryFiles) -> Bool { a.entry === b.entry || a.entry.filesKey == b.entry.filesKey }
    func hash(into hasher: inout Hasher) { hasher.combine(entry.filesKey) }
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

/// An entry page's main part: the entry, its links, and for a school's own services and
/// changed agencies the school's name and the people the entry names.
struct ContentInput: Hashable, Sendable {
    let entry: EntryFiles
    let links: LinksInput
    let people: [Values<PersonKey>]?
    let schoolName: String?
}

/// An entry's details: its values and `entry-details` rendered from them.
struct EntryDetails: Sendable {
    let values: Values<DetailsKey>
    let html: Piece
}
