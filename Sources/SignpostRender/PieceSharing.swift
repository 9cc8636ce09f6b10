import SignpostResolve
import Synchronization

// Lock rules for the render layer's caches (`Memo`, `PieceStore`; also `Piece`'s HTML):
//
// 1. A cache's `Mutex` guards its dictionary and nothing else: while it is held, a thread
//    only looks a key up or stores a value.
// 2. Nothing is built, rendered or fingerprinted while a lock is held. A missing value is
//    built outside, then offered to the cache: the first value stored wins, and a thread
//    that built a second copy drops its own and uses the winner. Copies are equal (built
//    from the same key), so which one wins never shows in the output.
// 3. So a thread never holds two locks at once, and there is no lock order to get wrong.
//    A piece's HTML is published the same way, without a lock (`AtomicLazyReference`).

/// Values by key, each made once per key (see the lock rules above) and kept until `removeAll`.
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

/// The pieces made from entries, and their values, kept under the inputs they are made from
/// (`EntryInputs`): the county's store (shared by every school that uses the theme's
/// templates) or one school's. A store renders with one set of templates only, so its keys
/// need not name them.
final class PieceStore: Sendable {
    let templates: Templates
    /// An entry's card values and its `entry-card` per place and heading; its `handout-item`.
    let cards = Memo<EntryFiles, Values<CardKey>>()
    let cardPieces = Memo<CardInput, Piece>()
    let handoutLines = Memo<EntryFiles, Piece>()
    /// An entry's details, with `entry-details`; its page's links (`entry-links`); its page's
    /// `entry` values with `entry-content`.
    let details = Memo<EntryFiles, EntryDetails>()
    let links = Memo<LinksInput, (values: Values<EntryLinksKey>, html: Piece)>()
    let contents = Memo<ContentInput, Values<EntryContentKey>>()
    /// An entry page's JSON-LD element.
    let structuredData = Memo<StructuredDataInput, String>()
    /// An entry shown whole in the whole offer (`offer-document-entry`).
    let documentEntries = Memo<DocumentInput, (values: Values<DocumentEntryKey>, html: Piece)>()
    /// Pieces found by what they are rendered from (the header, footer and the like).
    private let pieces = Mutex<Set<Piece>>([])

    init(templates: Templates) { self.templates = templates }

    /// The piece equal to `piece` first stored, or `piece` itself.
    func intern(_ piece: Piece) -> Piece {
        pieces.withLock { $0.insert(piece).memberAfterInsert }
    }

    func removeAll() {
        cards.removeAll()
        cardPieces.removeAll()
        handoutLines.removeAll()
        details.removeAll()
        links.removeAll()
        contents.removeAll()
        structuredData.removeAll()
        documentEntries.removeAll()
        pieces.withLock { $0.removeAll() }
    }
}

/// Cross-school sharing, all of it: which store keeps the pieces made from an entry. Such a
/// piece (its card at a depth and heading level, its handout line, its details, its page's
/// links and main part) is the same for every school that lists the entry as its files make
/// it, so with sharing on it is rendered once for the county; otherwise each school renders
/// its own, kept with the school and let go of after the school's pages.
///
/// Sharing can only change where a piece is kept, never what a page shows: each piece's
/// builder is given one input value and nothing else (never the school), and the piece is
/// kept under that input (`EntryInputs`). `signpost build --no-sharing` and a test compare.
final class PieceSharing: Sendable {
    let isOn: Bool
    private let county: PieceStore

    init(isOn: Bool, theme: Templates) {
        self.isOn = isOn
        county = PieceStore(templates: theme)
    }

    /// Where `entry`'s pieces for `school` are kept. A school's own services and the agencies
    /// it changes (whose inputs no other school has) and every entry of a school with its own
    /// templates stay with the school, so that memory stays flat however large the county.
    func store(for entry: ResolvedEntry, in school: SchoolScope) -> PieceStore {
        school.isOwn(entry) ? school.store : store(in: school)
    }

    /// Where the pieces of `school` that show no entry (an entry page's links) are kept.
    func store(in school: SchoolScope) -> PieceStore {
        isOn && school.store.templates === county.templates ? county : school.store
    }
}
