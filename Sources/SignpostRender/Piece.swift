import Mustache
import Synchronization

/// HTML that many pages show (the header, the "Get help now" box, the footer, an entry's
/// card), rendered from its template the first time a page needs it, then reused, rather than
/// once for every page that shows it (see Tests/bench/README.md). Templates place it unescaped:
/// `{{{header_html}}}`.
///
/// A piece is identified by what it is rendered from, and nothing else: the templates, the
/// template's name, the values, and whether it sits on a line of its own. Two pieces made
/// from equal values are equal, so a cache of pieces (`PieceCache`) can never hand one
/// school a piece made from another school's values.
final class Piece: MustacheCustomRenderable, Sendable, Hashable {
    let templates: Templates
    let template: String
    let object: TemplateObject
    /// Placed on a line of its own: the last newline is dropped (see `placedOnItsOwnLine`).
    let ownLine: Bool
    /// The HTML once rendered. Rendered outside any lock: two threads that ask at once may
    /// both render it, and the first to finish is kept (the copies are equal).
    private let rendered = AtomicLazyReference<Rendered>()
    /// What it is made from, every byte (see `fingerprint`); 0 until worked out.
    private let fullHash = Atomic<Int>(0)
    /// What it is made from, as `Hashable` hashes it; 0 until worked out. Worked out only when
    /// asked for: most pieces are never put in a set, and hashing every card's values up
    /// front cost more than making them.
    private let sampledHash = Atomic<Int>(0)

    final class Rendered: Sendable {
        let html: String
        init(_ html: String) { self.html = html }
    }

    init(_ template: String, from object: TemplateObject, templates: Templates, ownLine: Bool = true) {
        self.templates = templates
        self.template = template
        self.object = object
        self.ownLine = ownLine
    }

    convenience init<Key: TemplateKey>(_ template: String, from values: Values<Key>, templates: Templates, ownLine: Bool = true) {
        self.init(template, from: values.object, templates: templates, ownLine: ownLine)
    }

    var renderText: String {
        if let done = rendered.load() { return done.html }
        let carried = templates.carried.flatMap { Carried.templates.contains(template) ? $0 : nil }
        let key = carried == nil ? 0 : fingerprint
        if let carried, let html = carried.html(for: key) { return rendered.storeIfNil(Rendered(html)).html }
        let made = templates.library.render(object, withTemplate: template) ?? ""
        let html = ownLine ? Piece.placedOnItsOwnLine(made) : made
        carried?.keep(html, for: key)
        return rendered.storeIfNil(Rendered(html)).html
    }

    var isNull: Bool { false }

    /// A fingerprint of what the piece is made from, for incremental rebuilds: working it out
    /// does not render the piece.
    var fingerprint: Int { memoised(fullHash) { object.fingerprint(into: &$0) } }

    /// Whether the HTML has been made (tests check that fingerprinting renders nothing).
    var isRendered: Bool { rendered.load() != nil }

    static func == (a: Piece, b: Piece) -> Bool {
        a === b || (a.hash == b.hash && a.templates == b.templates && a.template == b.template && a.ownLine == b.ownLine
                    && a.object == b.object)
    }

    func hash(into hasher: inout Hasher) { hasher.combine(hash) }

    private var hash: Int { memoised(sampledHash) { $0.combine(object) } }

    /// A hash of the template and the values (`hashObject` adds them), worked out once and
    /// kept in `cell`; two threads may both work it out, and agree.
    private func memoised(_ cell: borrowing Atomic<Int>, _ hashObject: (inout Hasher) -> Void) -> Int {
        cell.memoised {
            var hasher = Hasher()
            hasher.combine(templates)
            hasher.combine(template)
            hasher.combine(ownLine)
            hashObject(&hasher)
            return hasher.finalize()
        }
    }

    /// A piece placed on a line of its own (`{{{header_html}}}`) takes the place of a
    /// partial there; a standalone partial's line leaves no newline of its own, so the
    /// piece's last newline is dropped to give the same bytes.
    static func placedOnItsOwnLine(_ html: String) -> String {
        // Not `dropLast()`: on a String that resolves to Sequence's, which copies the whole
        // text through an array.
        guard html.utf8.last == UInt8(ascii: "\n") else { return html }
        var trimmed = html
        trimmed.unicodeScalars.removeLast()   // the newline alone, even after a carriage return
        return trimmed
    }
}

/// The templates a piece or page is rendered with: the theme's (`owner` is nil; one build's
/// and the next's are equal, so a preview's carried pieces are found again).
final class Templates: Sendable, Hashable {
    let owner: String?
    let library: MustacheLibrary
    /// A preview's pieces kept from its last builds (see `Carried`); nil in a build.
    let carried: Carried?

    init(owner: String?, library: MustacheLibrary, carried: Carried? = nil) {
        self.owner = owner
        self.library = library
        self.carried = carried
    }

    static func == (a: Templates, b: Templates) -> Bool { a === b || a.owner == b.owner }
    func hash(into hasher: inout Hasher) { hasher.combine(owner) }
}
