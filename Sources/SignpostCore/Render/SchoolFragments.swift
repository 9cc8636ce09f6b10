import Foundation
import Mustache

/// One school's shared fragments (or the site-wide pages'), made on first use and kept until
/// the school's pages are written (`release`):
/// the header, "Get help now" box, footer and breadcrumb trail per folder depth (their links
/// are relative, so they differ only by depth), and each entry's card per depth and heading
/// level, and its links to levels and topics (unless all schools share them).
final class SchoolFragments: @unchecked Sendable {
    /// The templates this school renders with (its own overrides, or the theme's).
    private let library: MustacheLibrary?
    /// What header, get-help-now and footer see, apart from `root`; pre-wrapped for the renderer.
    let layoutValues: [String: Any]
    private let cards = OnceCache<String, [String: Any]>()
    private let made = OnceCache<String, Fragment>()
    /// Each card as a list shows it, per entry, depth and heading level.
    private let placedCards = OnceCache<PlacedCard, TemplateValues>()
    /// What pages show around their own content, per depth and breadcrumb trail.
    private let pageLayouts = OnceCache<String, TemplateValues>()
    /// The details, and the own pages' values, of this school's services and changed agencies.
    let details = OnceCache<String, EntryDetails>()
    let entryPages = OnceCache<String, TemplateValues>()

    struct PlacedCard: Hashable {
        let entry: ObjectIdentifier
        let root: String
        let heading: String
    }

    init(library: MustacheLibrary?, layoutValues: [String: Any]) {
        self.library = library
        self.layoutValues = layoutValues
    }

    /// Lets go of the cards and rendered fragments once the school's pages are written.
    func release() {
        made.removeAll()
        details.removeAll()
        cards.removeAll()
        placedCards.removeAll()
        pageLayouts.removeAll()
        entryPages.removeAll()
    }

    static func cardKey(_ entry: ResolvedEntry) -> String { entry.kind.rawValue + ":" + entry.id }

    /// The card values of this school's own entries (see `PageContexts.cardBase`).
    func cardValues(_ entry: ResolvedEntry, make: () -> [String: Any]) -> [String: Any] {
        cards.value(SchoolFragments.cardKey(entry), make: make)
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

    /// An entry's card values plus `card_html`, its card rendered at this depth and heading
    /// level. `link` goes from the page to the entry's page without naming the school's
    /// folder, so a library entry's card is the same for every school that lists it as it
    /// is: such cards are kept in `shared` (all schools'), the others with the school.
    /// Worked out once per entry, depth and heading, not on every page that lists the entry.
    /// `base` is the entry's card values, `url` its page from the site's root (this school's).
    func card(_ entry: ResolvedEntry, root: String, heading: String, url: @autoclosure () -> String, link: @autoclosure () -> String,
              base: @autoclosure () -> [String: Any], shared: @autoclosure () -> OnceCache<String, Fragment>?) -> TemplateValues {
        placedCards.value(PlacedCard(entry: ObjectIdentifier(entry), root: root, heading: heading)) {
            let base = base()
            var values = base
            values["link"] = TemplateText(link())
            values["root"] = TemplateText(root)
            values["card_heading"] = TemplateText(heading)
            let key = "entry-card|" + root + "|" + heading + "|" + entry.filesKey
            let html = fragment(key, template: "entry-card", in: shared() ?? made) { values }
            return TemplateValues(["url": TemplateText(url()), "card_html": html], inheriting: base)
        }
    }

    /// What every page of the school at `root` with this breadcrumb trail shows around its own
    /// content: the layout's values, `root`, the header, "Get help now" box, footer and trail,
    /// made and wrapped once. A page's values inherit them (`TemplateValues.inheritedKey`)
    /// rather than copying them. The trail (`breadcrumbs`) sees the layout's values,
    /// `breadcrumbs` and `root`.
    func pageLayout(root: String, crumbs: [(name: String, url: String)]) -> TemplateValues {
        let trail = crumbs.map { $0.name + "\u{1F}" + $0.url }.joined(separator: "\u{1E}")
        return pageLayouts.value(root + "|" + trail) {
            var values = layoutValues
            values.merge(layout(root: root)) { _, fragment in fragment }
            values["root"] = root
            if !crumbs.isEmpty {
                let list = crumbs.map { ["crumb_name": $0.name, "crumb_url": $0.url] }
                values["breadcrumbs"] = list
                values["breadcrumbs_html"] = fragment("breadcrumbs|" + root + "|" + trail, template: "breadcrumbs", dropLastNewline: true) { [layoutValues] in
                    var trailValues = layoutValues
                    trailValues["breadcrumbs"] = list
                    trailValues["root"] = root
                    return trailValues
                }
            }
            return TemplateValues(values.mapValues(TemplateValues.wrap))
        }
    }

    /// A piece rendered once per `key` from `template` and `values`: kept with the school, or in
    /// `cache` when every school shares it.
    func fragment(_ key: String, template: String, dropLastNewline: Bool = false, in cache: OnceCache<String, Fragment>? = nil,
                          values: @escaping () -> [String: Any]) -> Fragment {
        let library = self.library
        return (cache ?? made).value(key) {
            Fragment(template: template, values: values) { template, values in
                let html = library?.render(TemplateValues.wrap(values), withTemplate: template) ?? ""
                return dropLastNewline ? Fragment.placedOnItsOwnLine(html) : html
            }
        }
    }
}
