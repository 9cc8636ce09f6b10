import SignpostResolve

/// One school's pages (or the site-wide pages') and what they reuse, made on first use and
/// let go of once the school's pages are written (`release`), so a large county never holds
/// them all: the layout and its pieces per folder depth and breadcrumb trail (their links are
/// relative, so they differ only by depth), and each entry's card and handout line as the
/// school's lists show them.
package final class SchoolScope: Sendable {
    /// Nil for the site-wide pages.
    let school: ResolvedSchool?
    let templates: Templates
    /// What the header, "Get help now" box and footer see, apart from `root`.
    let chrome: Values<LayoutKey>
    /// Pieces only this school shows (see `PieceSharing` for those shared across schools).
    let store: PieceStore
    /// The school's own services and the agencies it changes (made from a file in its folder).
    private let own: Set<ObjectIdentifier>
    private let layouts = Memo<LayoutPlace, TemplateObject>()
    private let listedCards = Memo<CardPlace, TemplateObject>()
    private let handoutLines = Memo<ObjectIdentifier, TemplateObject>()

    struct LayoutPlace: Hashable, Sendable {
        let root: String
        let crumbs: [Crumb]
    }

    struct CardPlace: Hashable, Sendable {
        let entry: ObjectIdentifier
        let place: Place
        let heading: String
    }

    init(school: ResolvedSchool?, inputs: RenderInputs) {
        self.school = school
        templates = inputs.theme
        store = PieceStore(templates: templates)
        chrome = LayoutValues(inputs: inputs).chrome(school)
        // The school's folder, as `school.md`'s path less its name.
        let folder = school.map { String($0.school.file.dropLast("school.md".count)) } ?? ""
        own = Set((school?.entries ?? []).filter { entry in
            entry.kind == .service || entry.sources.contains { $0.hasPrefix(folder) }
        }.map(ObjectIdentifier.init))
    }

    /// A school's own service, or an agency it changes: what it shows is the school's alone.
    func isOwn(_ entry: ResolvedEntry) -> Bool { own.contains(ObjectIdentifier(entry)) }

    var id: String? { school?.school.id }

    package func release() {
        store.removeAll()
        layouts.removeAll()
        listedCards.removeAll()
        handoutLines.removeAll()
    }

    /// What every page at `root` with this breadcrumb trail shows around its own content: the
    /// layout's values, `root`, the header, "Get help now" box, footer and trail, made once.
    /// Pages inherit them rather than copying them.
    func layout(root: String, crumbs: [Crumb]) -> TemplateObject {
        layouts.value(LayoutPlace(root: root, crumbs: crumbs)) {
            var here = chrome
            here[.root] = root
            var values = here
            values[.header_html] = store.intern(Piece("header", from: here, templates: templates))
            values[.get_help_now_html] = store.intern(Piece("get-help-now", from: here, templates: templates))
            values[.footer_html] = store.intern(Piece("footer", from: here, templates: templates))
            if !crumbs.isEmpty {
                // The trail sees the layout's values, `breadcrumbs` and `root`.
                var trail = here
                trail[.breadcrumbs] = crumbs.map(\.values)
                values[.breadcrumbs] = crumbs.map(\.values)
                values[.breadcrumbs_html] = store.intern(Piece("breadcrumbs", from: trail, templates: templates))
            }
            return values.object
        }
    }

    /// An entry in a list at `place`: its card's values, `url` (its page, from the site's root)
    /// and `card_html`. Made once per entry, depth and heading, not on every page that lists it.
    func listedCard(_ entry: ResolvedEntry, at place: Place, heading: String, make: () -> TemplateObject) -> TemplateObject {
        listedCards.value(CardPlace(entry: ObjectIdentifier(entry), place: place, heading: heading), make: make)
    }

    /// An entry on the handout: its card's values, `url` and `handout_html`.
    func handoutLine(_ entry: ResolvedEntry, make: () -> TemplateObject) -> TemplateObject {
        handoutLines.value(ObjectIdentifier(entry), make: make)
    }
}

/// Where a school's page is: the way to the site's root and to the school's folder.
struct Place: Hashable, Sendable {
    let root: String
    let toSchool: String

    /// The school's page at `path`, `within` the school's folder.
    init(path: String, within: String) {
        root = SiteURLs.root(for: path)
        toSchool = SiteURLs.toSchool(from: within)
    }
}

/// A step of the breadcrumb trail: a name and a path from the site's root.
struct Crumb: Hashable, Sendable {
    let name: String
    let url: String

    var values: Values<CrumbKey> {
        var values = Values<CrumbKey>()
        values[.crumb_name] = name
        values[.crumb_url] = url
        return values
    }
}
