import Synchronization

/// The HTML of the whole offer's entries, carried from one build of a preview (`serve`) to
/// the next. A saved agency changes the whole offer of every school that lists it, and each
/// of those pages shows the school's own services whole: without this, every rebuild would
/// render all of them again although only the saved file changed.
///
/// Kept under the piece's fingerprint, which counts every byte it is made from (its values,
/// the template's name and whose templates): a piece made from anything else has another
/// fingerprint, as a page does for `ContextHash`. Templates do not change between a preview's
/// rebuilds (a change to one is a full build, which starts with an empty `CarriedPieces`).
final class CarriedPieces: Sendable {
    /// The templates whose pieces are carried: few pieces, each large and slow to render.
    static let templates: Set<String> = ["offer-document-entry"]

    private let html = Mutex<[Int: String]>([:])

    func html(for fingerprint: Int) -> String? { html.withLock { $0[fingerprint] } }

    func keep(_ text: String, for fingerprint: Int) { html.withLock { $0[fingerprint] = text } }

    var count: Int { html.withLock { $0.count } }
}
