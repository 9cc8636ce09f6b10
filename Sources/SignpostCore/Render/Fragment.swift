import Foundation
import Mustache

/// HTML that many pages show — the header, the "Get help now" box, the footer, an entry's
/// card — rendered from its template the first time a page needs it, then reused. Every page
/// of a school at one folder depth shows the same bytes, and rendering them again for each
/// page was most of a build's time. Templates place it unescaped: `{{{header_html}}}`.
final class Fragment: MustacheCustomRenderable, @unchecked Sendable {
    private let make: () -> String
    private let lock = NSLock()
    private var made: String?

    init(_ make: @escaping () -> String) { self.make = make }

    var renderText: String {
        lock.lock(); defer { lock.unlock() }
        if let made { return made }
        let text = make()
        made = text
        return text
    }

    var isNull: Bool { false }

    /// A fragment placed on a line of its own (`{{{header_html}}}`) takes the place of a
    /// partial there; a standalone partial's line leaves no newline of its own, so the
    /// fragment's last newline is dropped to give the same bytes.
    static func placedOnItsOwnLine(_ html: String) -> String {
        html.hasSuffix("\n") ? String(html.dropLast()) : html
    }
}
