import Foundation
import SignpostModel
import SignpostPipeline
import SignpostRender
import SignpostResolve
import Testing

/// Every path of a page comes from `SiteURLs`: a site laid out another way (one school on its
/// own, its offer at the root) is another scheme, and its links still all lead somewhere.
@Suite("Site URLs")
struct SiteURLsTests {
    /// Every relative `href` and `src` in the site's pages that leads to no file of the site.
    static func brokenLinks(in site: URL) -> [String] {
        let files = snapshot(site)
        var broken: [String] = []
        for (page, data) in files where page.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            for match in html.matches(of: /(?:href|src)="([^"#]*)(?:#[^"]*)?"/) {
                let link = String(match.1)
                if link.isEmpty || link.contains(":") || link.hasPrefix("/") { continue }   // absolute, or this page
                var parts = page.split(separator: "/").dropLast().map(String.init)
                for piece in link.split(separator: "/") {
                    if piece == ".." { if parts.popLast() == nil { broken.append("\(page): \(link) leaves the site") } }
                    else if piece != "." { parts.append(String(piece)) }
                }
                var target = parts.joined(separator: "/")
                if link.hasSuffix("/") || link.hasSuffix(".") { target = target.isEmpty ? "index.html" : target + "/index.html" }
                if files[target] == nil { broken.append("\(page): \(link)") }
            }
        }
        return broken.sorted()
    }

    @Test func everyLinkOfTheCountyLeadsToAPageOfIt() throws {
        let dir = TempDir()
        #expect(County.build(content: County.content, output: dir.path("Site")).wrote)
        let broken = Self.brokenLinks(in: dir.path("Site"))
        #expect(broken.isEmpty, "\(broken.prefix(10))")
    }

    @Test func oneSchoolOnItsOwnHasItsOfferAtTheRootAndEveryLinkLeadsToOneOfItsPages() throws {
        let dir = TempDir()
        var options = County.options(content: County.content, output: dir.path("Site"))
        options.urls = SiteURLs(.oneSchool("oak-first"))
        let result = SiteBuilder(options: options).build()
        #expect(result.wrote, "\(result.errors)")
        let site = dir.path("Site")
        let files = snapshot(site)
        #expect(County.page(site, "index.html").contains("<h1>Oak First School Early Help Offer</h1>"))
        for path in ["levels/universal/index.html", "agencies/nspcc/index.html", "services/breakfast-club/index.html",
                     "pages/safeguarding-policy/index.html", "topics/bullying/index.html", "handout/index.html",
                     "accessibility/index.html", "404.html", "logo.png", "assets/style.css"] {
            #expect(files[path] != nil, "\(path) is missing")
        }
        // Only this school: no folder of its own, no other school's pages.
        #expect(!files.keys.contains { $0.hasPrefix("oak-first/") || $0.hasPrefix("elm-high/") || $0.hasPrefix("ash-first/") })
        #expect(!County.page(site, "accessibility/index.html").contains("Elm High School"))
        let broken = Self.brokenLinks(in: site)
        #expect(broken.isEmpty, "\(broken.prefix(10))")
        // Links within the school read as they do in the county, from one folder less deep.
        #expect(County.page(site, "agencies/nspcc/index.html").contains("<a href=\"../../levels/universal/index.html\">Everyone (Universal)</a>"))
        #expect(County.page(site, "levels/universal/index.html").contains("<img class=\"site-logo\" src=\"../../logo.png\""))
    }

    @Test func pathsOfASchoolComeFromItsFolderAndThePathWithin() {
        let entry = ResolvedEntry(id: "nspcc", kind: .agency, fields: EntryFields(), sources: [])
        let county = SiteURLs(), alone = SiteURLs(.oneSchool("oak"))
        #expect(county.entry("oak", entry) == "oak/agencies/nspcc/index.html")
        #expect(alone.entry("oak", entry) == "agencies/nspcc/index.html")
        #expect(county.offer("oak") == "oak/index.html" && alone.offer("oak") == "index.html")
        #expect(county.schoolList == "index.html" && alone.schoolList == nil)
        #expect(county.logo("oak", file: "Crest.PNG") == "oak/logo.png")
        #expect(SiteURLs.root(for: "oak/levels/universal/index.html") == "../../../")
        #expect(SiteURLs.toSchool(from: SiteURLs.Within.level("universal")) == "../../")
        #expect(!alone.includes(school: "elm") && alone.includes(school: "oak") && county.includes(school: "elm"))
    }
}
