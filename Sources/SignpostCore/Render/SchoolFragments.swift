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
    /// Each entry's card values, by `kind:id`, wrapped for the renderer.
    let cardValues: [String: [String: Any]]
    private let made = FragmentCache()

    init(library: MustacheLibrary?, layoutValues: [String: Any], cardValues: [String: [String: Any]]) {
        self.library = library
        self.layoutValues = layoutValues
        // Wrapped once here, not in every list on every page that shows the card.
        self.cardValues = cardValues.mapValues { $0.mapValues(TemplateValues.wrap) }
    }

    static let layoutTemplates = ["header": "header_html", "get-help-now": "get_help_now_html", "footer": "footer_html"]

    /// `header_html`, `get_help_now_html` and `footer_html` for a page at this depth, each
    /// placed on a line of its own (see `Fragment.placedOnItsOwnLine`).
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
    func card(_ key: String, root: String, heading: String) -> TemplateValues? {
        guard var item = cardValues[key] else { return nil }
        let values = item
        item["card_html"] = fragment("entry-card|\(root)|\(heading)|\(key)", template: "entry-card") {
            var context = values
            context["root"] = root
            context["card_heading"] = heading
            return context
        }
        return TemplateValues(item)
    }

    private func fragment(_ key: String, template: String, dropLastNewline: Bool = false,
                          values: @escaping () -> [String: Any]) -> Fragment {
        let library = self.library
        return made.fragment(key) {
            Fragment(template: template, values: values) { template, values in
                let html = library?.render(TemplateValues.wrap(values), withTemplate: template) ?? ""
                return dropLastNewline ? Fragment.placedOnItsOwnLine(html) : html
            }
        }
    }
}

/// Fragments by key, each made once however many threads ask for it.
final class FragmentCache: @unchecked Sendable {
    private var made: [String: Fragment] = [:]
    private let lock = NSLock()

    func fragment(_ key: String, make: () -> Fragment) -> Fragment {
        lock.lock(); defer { lock.unlock() }
        if let existing = made[key] { return existing }
        let fragment = make()
        made[key] = fragment
        return fragment
    }
}

/// An entry's details (body, contact details, referral, ages, cost): its values, wrapped for
/// the renderer, and `entry-details` rendered from them.
struct EntryDetails: @unchecked Sendable {
    let values: [String: Any]
    let html: Fragment
}

/// Entry details by key (the entry and the files it comes from), each made once.
final class SharedDetails: @unchecked Sendable {
    private var made: [String: EntryDetails] = [:]
    private let lock = NSLock()

    func details(_ key: String, make: () -> EntryDetails) -> EntryDetails {
        lock.lock(); defer { lock.unlock() }
        if let existing = made[key] { return existing }
        let details = make()
        made[key] = details
        return details
    }
}
