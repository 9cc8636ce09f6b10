import Foundation
import SignpostModel
import SignpostResolve

/// The site's URL scheme: where every page and file lives, as a path from the site's root.
/// Every path of a page comes from here, so a site laid out differently (one school on its
/// own, its offer at the root) is a different scheme, not an edit at every call site.
///
/// A school's pages are its folder (`folder(_:)`) plus a path within the school (`Within`),
/// so that links from one of its pages to another can be made without naming the school:
/// `toSchool(from:)` then the path within. Pieces many schools show are made that way.
public struct SiteURLs: Sendable, Hashable {
    public enum Scheme: Sendable, Hashable {
        /// Every school in a folder of its own (`westlands-first/index.html`), the list of
        /// schools at the root.
        case county
        /// One school only, its offer at the root `index.html`.
        case oneSchool(String)
    }

    public let scheme: Scheme

    public init(_ scheme: Scheme = .county) { self.scheme = scheme }

    // MARK: The site's own files

    /// The list of schools, when the site has one.
    public var schoolList: String? { if case .county = scheme { return "index.html" } else { return nil } }
    /// Where "home" leads: the list of schools, or the one school's offer.
    public var home: String { "index.html" }
    public var notFound: String { "404.html" }
    public var accessibility: String { "accessibility/index.html" }
    public var sitemap: String { "sitemap.xml" }
    public func asset(_ name: String) -> String { "assets/" + name }

    /// Whether the site has pages for this school.
    public func includes(school id: String) -> Bool {
        switch scheme {
        case .county: return true
        case .oneSchool(let only): return id == only
        }
    }

    // MARK: A school's pages

    /// The school's folder, ending in `/` (or empty when the school is the site).
    public func folder(_ school: String) -> String {
        switch scheme {
        case .county: return school + "/"
        case .oneSchool: return ""
        }
    }

    public func offer(_ school: String) -> String { folder(school) + Within.offer }

    /// Where a page of this site is on the county site (`base_url`), if it is there at all: a
    /// school's site on its own is a copy of the school's folder, but its own site-wide pages
    /// (its accessibility statement, its 404 page) are not copies of the county's.
    public func onCountySite(_ path: String) -> String? {
        switch scheme {
        case .county: return path
        case .oneSchool(let id):
            let first = path.split(separator: "/").first.map(String.init) ?? path
            return path != home && SiteLayout.siteWide.contains(first) ? nil : id + "/" + path
        }
    }
    public func level(_ school: String, _ level: String) -> String { folder(school) + Within.level(level) }
    public func topic(_ school: String, _ topic: String) -> String { folder(school) + Within.topic(topic) }
    public func entry(_ school: String, _ entry: ResolvedEntry) -> String { folder(school) + Within.entry(entry) }
    public func handout(_ school: String) -> String { folder(school) + Within.handout }
    public func about(_ school: String) -> String { folder(school) + Within.about }
    public func aToZ(_ school: String) -> String { folder(school) + Within.aToZ }
    public func howHelpWorks(_ school: String) -> String { folder(school) + Within.howHelpWorks }
    /// The whole offer on one page, to print (and the page its PDF is made from).
    public func wholeOffer(_ school: String) -> String { folder(school) + Within.wholeOffer }
    public func page(_ school: String, _ page: String) -> String { folder(school) + Within.page(page) }
    /// The school's logo, copied from `file` in its folder under a name of its own: `logo.png`
    /// for an SVG, which is published drawn as a PNG (`LogoFile`).
    public func logo(_ school: String, file: String) -> String {
        let ext = URL(fileURLWithPath: file).pathExtension.lowercased()
        return folder(school) + "logo." + (ext == "svg" || ext.isEmpty ? "png" : ext)
    }

    /// Paths within a school's folder: the same for every school and every scheme.
    public enum Within {
        public static let offer = "index.html"
        public static let handout = "handout/index.html"
        /// The school's own introduction (staff training, statutory text), off the offer page
        /// but beside it, so links in `school.md`'s text, written from the offer page, still lead
        /// where they did.
        public static let about = "about.html"
        /// Everything the offer contains, A to Z, with the search.
        public static let aToZ = "a-z/index.html"
        /// The area's levels of need in plain words, with the area's own text.
        public static let howHelpWorks = "how-help-works/index.html"
        public static let wholeOffer = "whole-offer/index.html"
        public static func level(_ id: String) -> String { "levels/\(id)/index.html" }
        public static func topic(_ id: String) -> String { "topics/\(id)/index.html" }
        public static func page(_ id: String) -> String { "pages/\(id)/index.html" }
        public static func entry(_ entry: ResolvedEntry) -> String {
            (entry.kind == .service ? "services/" : "agencies/") + entry.id + "/index.html"
        }
    }

    // MARK: Relative links

    /// From the page at `path`, the way back to the site's root: `../` per folder.
    public static func root(for path: String) -> String {
        // Counted over bytes, not Characters: this runs for every page and piece.
        var slashes = 0
        for byte in path.utf8 where byte == UInt8(ascii: "/") { slashes += 1 }
        return String(repeating: "../", count: slashes)
    }

    /// From a school's page at `within` (a path inside its folder), the way to the school's
    /// folder. Links made with it name no school, so they read the same in every school's
    /// copy of a shared piece.
    public static func toSchool(from within: String) -> String { root(for: within) }
}
