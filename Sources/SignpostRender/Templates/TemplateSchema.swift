/// Which names each template can use: the keys of the values it is rendered with (their
/// family, the family they inherit, the families nested in them), and, for a partial, what the
/// templates that include it can see. For telling whoever edits the theme that `{{sumary}}`
/// shows nothing.
struct TemplateSchema: Sendable {
    /// The families each template of the theme is rendered with (partials are not listed:
    /// they see what their includers see).
    static let families: [String: [KeyTable]] = [
        "index": [IndexPageKey.table], "404": [NotFoundPageKey.table], "accessibility": [AccessibilityPageKey.table],
        "school": [OfferPageKey.table], "level": [LevelPageKey.table], "topic": [TopicPageKey.table],
        "entry": [EntryPageKey.table], "page": [ExtraPageKey.table], "handout": [HandoutPageKey.table],
        "header": [LayoutKey.table], "get-help-now": [LayoutKey.table], "footer": [LayoutKey.table],
        "breadcrumbs": [LayoutKey.table], "entry-card": [CardKey.table], "handout-item": [CardKey.table],
        "entry-details": [DetailsKey.table], "entry-links": [EntryLinksKey.table], "entry-content": [EntryContentKey.table],
        "about": [AboutPageKey.table], "a-z": [AToZPageKey.table], "how-help-works": [HowHelpWorksPageKey.table],
        "offer-document": [OfferDocumentKey.table], "offer-document-entry": [DocumentEntryKey.table],
        "offer-document-again": [DocumentEntryKey.table], "a-z-topic": [LetterItemKey.table],
    ]

    /// The pages that place themselves in `layout` (`{{<layout}}`): it sees what all of them give it.
    static let pages = ["index", "404", "accessibility", "school", "level", "topic", "entry", "page", "handout", "about", "a-z",
                        "how-help-works"]

    private let visible: [String: Set<String>]

    /// The schema for a theme whose templates include these (name → names of the templates it includes).
    init(includes: [String: Set<String>]) {
        var visible = TemplateSchema.families.mapValues { Set($0.flatMap(TemplateSchema.names)) }
        visible["layout"] = TemplateSchema.pages.compactMap { visible[$0] }.reduce(nil) { seen, names in seen.map { $0.intersection(names) } ?? names }
        // A partial sees what each template that includes it sees, however deep the includes go.
        var changed = true
        while changed {
            changed = false
            for (includer, partials) in includes.sorted(by: { $0.key < $1.key }) {
                guard let names = visible[includer] else { continue }
                for partial in partials where TemplateSchema.families[partial] == nil && partial != "layout" {
                    let before = visible[partial]?.count
                    visible[partial, default: []].formUnion(names)
                    if visible[partial]?.count != before { changed = true }
                }
            }
        }
        self.visible = visible
    }

    /// Every name the template can use, or nil for a template the site never renders.
    func names(visibleIn template: String) -> Set<String>? { visible[template] }

    /// A family's names and those of the families it inherits and nests, all the way down.
    static func names(_ table: KeyTable) -> [String] {
        var seen: Set<ObjectIdentifier> = []
        var names: [String] = []
        func visit(_ table: KeyTable) {
            guard seen.insert(ObjectIdentifier(table)).inserted else { return }
            names += table.names
            table.inherits.map(visit)
            table.nested.values.forEach(visit)
        }
        visit(table)
        return names
    }
}
