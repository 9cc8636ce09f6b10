import Foundation
import Mustache
import Synchronization

/// HTML that many pages show — the header, the "Get help now" box, the footer, an entry's
/// card — rendered from its template the first time a page needs it, then reused. Every page
/// of a school at one folder depth shows the same bytes, and rendering them again for each
/// page was most of a build's time. Templates place it unescaped: `{{{header_html}}}`.
final class Fragment: MustacheCustomRenderable, @unchecked Sendable {
    let template: String
    private let makeValues: () -> [String: Any]
    private let render: (String, [String: Any]) -> String
    private let lock = NSLock()
    private var values: [String: Any]?
    /// The HTML once made, read without the lock: both threads ask for the same header,
    /// footer and cards on almost every page, and waiting on each other there cost time.
    private let made = AtomicLazyReference<Made>()
    private var hash: Int?

    final class Made: Sendable {
        let text: String
        init(_ text: String) { self.text = text }
    }

    /// `render` turns the template's name and the values into HTML; both run at most once.
    init(template: String, values: @escaping () -> [String: Any], render: @escaping (String, [String: Any]) -> String) {
        self.template = template
        self.makeValues = values
        self.render = render
    }

    var renderText: String {
        if let made = made.load() { return made.text }
        lock.lock(); defer { lock.unlock() }
        if let made = made.load() { return made.text }
        return made.storeIfNil(Made(render(template, valuesLocked()))).text
    }

    /// A fingerprint of what the fragment is made from (its template and values), for
    /// incremental rebuilds: working it out does not render the fragment.
    var fingerprint: Int {
        lock.lock(); defer { lock.unlock() }
        if let hash { return hash }
        let value = ContextHash.of(["template": template, "values": valuesLocked()] as [String: Any])
        hash = value
        return value
    }

    private func valuesLocked() -> [String: Any] {
        if let values { return values }
        let made = makeValues()
        values = made
        return made
    }

    var isNull: Bool { false }

    /// A fragment placed on a line of its own (`{{{header_html}}}`) takes the place of a
    /// partial there; a standalone partial's line leaves no newline of its own, so the
    /// fragment's last newline is dropped to give the same bytes.
    static func placedOnItsOwnLine(_ html: String) -> String {
        // Not `dropLast()`: on a String that resolves to Sequence's, which copies the whole text
        // through an array (a twentieth of a build, for the long entry details).
        guard html.utf8.last == UInt8(ascii: "\n") else { return html }
        var trimmed = html
        trimmed.unicodeScalars.removeLast()   // the newline alone, even after a carriage return
        return trimmed
    }
}
