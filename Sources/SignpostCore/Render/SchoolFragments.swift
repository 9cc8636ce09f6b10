import Foundation
import Mustache

/// One school's shared fragments (or the site-wide pages'), made on first use and kept:
/// the header, "Get help now" box and footer per folder depth (their links are relative, so
/// they differ only by depth), and each entry's card per depth and heading level.
final class SchoolFragments: @unchecked Sendable {
    /// The templates this school renders with (its own overrides, or the theme's).
    private let library: MustacheLibrary?
    /// What header, get-help-now and footer see, apart from `root`; pre-wrapped for the renderer.
    let layoutValues: [String: Any]
    /// Each entry's card values, by `kind:id`.
    let cardValues: [String: [String: Any]]
    private var made: [String: Fragment] = [:]
    private let lock = NSLock()

    init(library: MustacheLibrary?, layoutValues: [String: Any], cardValues: [String: [String: Any]]) {
        self.library = library
        self.layoutValues = layoutValues
        self.cardValues = cardValues
    }

    static let layoutTemplates = ["header": "header_html", "get-help-now": "get_help_now_html", "footer": "footer_html"]

    /// `header_html`, `get_help_now_html` and `footer_html` for a page at this depth. Each is
    /// placed on a line of its own, like the partial it replaces; a standalone partial's line
    /// leaves no newline of its own, so the fragment's last newline is dropped to match.
    func layout(root: String) -> [String: Any] {
        var values: [String: Any] = [:]
        for (template, key) in SchoolFragments.layoutTemplates {
            values[key] = fragment("\(template)|\(root)", template: template, dropLastNewline: true) { [layoutValues] in
                var context = layoutValues
                context["root"] = root
                return context
            }
        }
        return values
    }

    /// An entry's card values plus `card_html`, its card rendered at this depth and heading level.
    func card(_ key: String, root: String, heading: String) -> [String: Any]? {
        guard var item = cardValues[key] else { return nil }
        let values = item
        item["card_html"] = fragment("entry-card|\(root)|\(heading)|\(key)", template: "entry-card") {
            var context = values
            context["root"] = root
            context["card_heading"] = heading
            return context
        }
        return item
    }

    private func fragment(_ key: String, template: String, dropLastNewline: Bool = false,
                          values: @escaping () -> [String: Any]) -> Fragment {
        lock.lock(); defer { lock.unlock() }
        if let existing = made[key] { return existing }
        let library = self.library
        let fragment = Fragment {
            var html = library?.render(TemplateValues.wrap(values()), withTemplate: template) ?? ""
            if dropLastNewline && html.hasSuffix("\n") { html.removeLast() }
            return html
        }
        made[key] = fragment
        return fragment
    }
}
