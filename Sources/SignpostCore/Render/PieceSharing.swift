import Synchronization

// Lock rules for the render layer's caches (`PieceStore`, `Memo`; also `Piece`'s HTML):
//
// 1. A cache's `Mutex` guards its dictionary and nothing else: while it is held, a thread
//    only looks a key up or stores a value. Keys hash cheaply (a `Piece` carries its hash).
// 2. Nothing is built, rendered or fingerprinted while a lock is held. A missing value is
//    built outside, then offered to the cache: the first value stored wins, and a thread
//    that built a second copy drops its own and uses the winner. Copies are equal (built
//    from the same key), so which one wins never shows in the output.
// 3. So a thread never holds two locks at once, and there is no lock order to get wrong.
//    A piece's HTML is published the same way, without a lock (`AtomicLazyReference`).

/// Pieces, and the values of entries they are made from, each kept once: the county's
/// (shared by the schools) or one school's.
final class PieceStore: Sendable {
    private let pieces = Mutex<Set<Piece>>([])
    /// Entries' card values, and details with `entry-details` rendered, by the files they
    /// are made from (see `EntryFiles`).
    let cards = Memo<EntryFiles, Values<CardKey>>()
    let details = Memo<EntryFiles, EntryDetails>()

    /// The piece equal to `piece` first stored, or `piece` itself.
    func intern(_ piece: Piece) -> Piece {
        pieces.withLock { $0.insert(piece).memberAfterInsert }
    }

    func removeAll() {
        pieces.withLock { $0.removeAll() }
        cards.removeAll()
        details.removeAll()
    }
}

/// An entry as its files make it: the kind, the id and the files, lowest precedence first.
/// The resolver makes an entry's fields from its files and nothing else, so entries with
/// the same files are equal, whichever school lists them: what is made from the entry alone
/// (`EntryValues`, given the entry and never the school) is kept under this key.
struct EntryFiles: Hashable, Sendable {
    let files: String

    init(_ entry: ResolvedEntry) { files = entry.filesKey }
}

/// An entry's details: its values and `entry-details` rendered from them.
struct EntryDetails: Sendable {
    let values: Values<DetailsKey>
    let html: Piece
}

/// Values by key, each made once per key and kept until `removeAll`.
final class Memo<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let values = Mutex<[Key: Value]>([:])

    func value(_ key: Key, make: () -> Value) -> Value {
        if let found = values.withLock({ $0[key] }) { return found }
        let made = make()
        return values.withLock { values in
            if let first = values[key] { return first }
            values[key] = made
            return made
        }
    }

    func removeAll() { values.withLock { $0.removeAll() } }
}

/// Cross-school sharing, all of it: where the pieces made from an entry's own files are
/// kept. Such a piece (its card at a depth and heading level, its handout line, its details,
/// its page's main part) is the same for every school that lists the entry as the library
/// has it, so with sharing on it is rendered once for the whole county; otherwise each school
/// renders its own, kept with the school and let go of after the school's pages.
///
/// Sharing can only change where a piece is kept, never what a page shows: pieces are found
/// by what they are rendered from (see `Piece`), and the builders of entry values are given
/// the entry alone, never the school (`EntryValues`). `signpost build --no-sharing` and a
/// test compare the two.
final class PieceSharing: Sendable {
    let isOn: Bool
    private let county = PieceStore()

    init(isOn: Bool) { self.isOn = isOn }

    /// Where `entry`'s pieces for `school` are kept. A school's own services, the agencies it
    /// changes and every entry of a school with its own templates are kept with the school,
    /// so that memory stays flat however many schools the county has.
    func store(for entry: ResolvedEntry, in school: SchoolScope) -> PieceStore {
        isOn && school.templates.owner == nil && !school.isOwn(entry) ? county : school.store
    }

    /// Where pieces that show no entry and no school (an entry page's links to its levels
    /// and topics) are kept.
    func store(in school: SchoolScope) -> PieceStore {
        isOn && school.templates.owner == nil ? county : school.store
    }

}
