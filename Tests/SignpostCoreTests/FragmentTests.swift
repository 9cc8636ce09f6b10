import Foundation
import Mustache
import Testing
@testable import SignpostCore

/// The header, "Get help now" box, footer and entry cards are rendered once per school and
/// folder depth and shared by that school's pages: they must still follow a school's own
/// templates, carry the right relative links at each depth, and change when their values do.
@Suite("Shared fragments and escaping")
struct FragmentTests {
    func build(_ content: URL, _ output: URL) -> BuildResult { SeedSiteTests.build(content: content, output: output) }

    /// The seed content, with `school` using its own templates (name → text), built: the site's folder.
    func siteWithOwnTemplates(_ dir: TempDir, school: String, _ files: KeyValuePairs<String, String>,
                              sourceLocation: SourceLocation = #_sourceLocation) throws -> URL {
        let content = try SeedSiteTests.copyOfContent(dir)
        let templates = content.appendingPathComponent("schools/\(school)/templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: templates.appendingPathComponent("\(name).mustache"), atomically: true, encoding: .utf8)
        }
        let site = dir.path("Site")
        let result = build(content, site)
        #expect(result.wrote, "\(result.errors)", sourceLocation: sourceLocation)
        return site
    }

    func page(_ site: URL, _ path: String) -> String {
        (try? String(contentsOf: site.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }

    @Test func aSchoolsOwnHeaderAndCardReachEveryPageAtTheRightDepth() throws {
        let dir = TempDir()
        let site = try siteWithOwnTemplates(dir, school: "stoke-prior-first", [
            "header": "<header>STOKE HEADER {{#school}}{{school_name}}{{/school}} [{{root}}]</header>\n",
            "entry-card": "<li>STOKE CARD <{{card_heading}}><a href=\"{{link}}\">{{name}}</a></{{card_heading}}></li>\n",
        ])

        #expect(page(site, "stoke-prior-first/index.html").contains("STOKE HEADER Stoke Prior First School [../]"))
        #expect(page(site, "stoke-prior-first/handout/index.html").contains("STOKE HEADER Stoke Prior First School [../../]"))
        #expect(page(site, "stoke-prior-first/agencies/nspcc/index.html").contains("STOKE HEADER Stoke Prior First School [../../../]"))
        // Cards: h4 under the offer page's level headings, h3 on level and topic pages, links from each depth.
        #expect(page(site, "stoke-prior-first/index.html").contains("STOKE CARD <h4><a href=\"agencies/nspcc/index.html\">"))
        #expect(page(site, "stoke-prior-first/levels/universal/index.html").contains("STOKE CARD <h3><a href=\"../../agencies/nspcc/index.html\">"))
        for other in ["westlands-first/index.html", "droitwich-spa-high/agencies/nspcc/index.html", "index.html"] {
            #expect(!page(site, other).contains("STOKE"), "\(other)")
            #expect(page(site, other).contains("class=\"site-header\""), "\(other)")
        }
    }

    @Test func sharedCardsLinkWithinEachSchoolAndKeepEachSchoolsOverride() throws {
        let dir = TempDir()
        let site = dir.path("Site")
        #expect(build(SeedSiteTests.content, site).wrote)
        // NSPCC's card is rendered once for all schools: its link must lead into each school's own folder.
        for school in ["westlands-first", "droitwich-spa-high", "stoke-prior-first"] {
            let level = page(site, "\(school)/levels/universal/index.html")
            #expect(level.contains("<a href=\"../../agencies/nspcc/index.html\">NSPCC</a>"), "\(school)")
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("\(school)/agencies/nspcc/index.html").path))
        }
        // Stoke Prior renames the PCSO entry; the other schools keep the library's name.
        let renamed = "agencies/pcso/index.html\">Police – community policing team</a>"
        let library = "agencies/pcso/index.html\">Police Community Support Officers (PCSO)</a>"
        for path in ["stoke-prior-first/index.html", "stoke-prior-first/levels/targeted/index.html"] {
            #expect(page(site, path).contains(renamed) && !page(site, path).contains(library), "\(path)")
        }
        for path in ["westlands-first/index.html", "droitwich-spa-high/levels/targeted/index.html"] {
            #expect(page(site, path).contains(library) && !page(site, path).contains(renamed), "\(path)")
        }
    }

    @Test func sharedEntryLinksKeepEachSchoolsLevelNamesAndLeadIntoItsFolder() throws {
        let dir = TempDir()
        let site = dir.path("Site")
        #expect(build(SeedSiteTests.content, site).wrote)
        func links(_ path: String) -> String {
            let html = page(site, path)
            guard let start = html.range(of: "<h2>Level of need</h2>"), let end = html.range(of: "<p class=\"meta\">") ?? html.range(of: "<p><a href=\"../../index.html\">See the whole") else { return "" }
            return String(html[start.lowerBound..<end.lowerBound])
        }
        // Westlands names its levels itself; Droitwich keeps the library's names. Both link within their own folder.
        #expect(links("westlands-first/agencies/nspcc/index.html").contains("<a href=\"../../levels/universal/index.html\">Everyone (Universal)</a>"))
        #expect(links("droitwich-spa-high/agencies/nspcc/index.html").contains("<a href=\"../../levels/universal/index.html\">Universal</a>"))
        #expect(links("droitwich-spa-high/agencies/nspcc/index.html").contains("<h2>Topics</h2>\n<ul class=\"link-list\">\n<li><a href=\"../../topics/"))
        for school in ["westlands-first", "droitwich-spa-high", "stoke-prior-first"] {
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("\(school)/levels/universal/index.html").path))
        }
        // Stoke Prior and Droitwich list NSPCC with the same levels and topics: the same bytes.
        #expect(!links("stoke-prior-first/agencies/nspcc/index.html").isEmpty)
        #expect(links("stoke-prior-first/agencies/nspcc/index.html") == links("droitwich-spa-high/agencies/nspcc/index.html"))
    }

    @Test func aSchoolsOwnBreadcrumbsAndEntryLinksTemplatesAreNotSharedWithOthers() throws {
        let dir = TempDir()
        let site = try siteWithOwnTemplates(dir, school: "stoke-prior-first", [
            "breadcrumbs": "<nav>STOKE TRAIL {{school.school_name}}{{#breadcrumbs}} <a href=\"{{root}}{{crumb_url}}\">{{crumb_name}}</a>{{/breadcrumbs}}</nav>\n",
            "entry-links": "<p>STOKE LINKS{{#topics}} <a href=\"{{topic_link}}\">{{topic_name}}</a>{{/topics}}</p>\n",
        ])
        let stoke = page(site, "stoke-prior-first/agencies/nspcc/index.html")
        #expect(stoke.contains("<nav>STOKE TRAIL Stoke Prior First School <a href=\"../../../index.html\">Home</a> <a href=\"../../../stoke-prior-first/index.html\">"))
        #expect(stoke.contains("<p>STOKE LINKS <a href=\"../../topics/"))
        #expect(page(site, "stoke-prior-first/levels/universal/index.html").contains("<nav>STOKE TRAIL Stoke Prior First School <a href=\"../../../index.html\">"))
        for other in ["droitwich-spa-high/agencies/nspcc/index.html", "westlands-first/agencies/nspcc/index.html", "accessibility/index.html"] {
            #expect(!page(site, other).contains("STOKE"), "\(other)")
            #expect(page(site, other).contains("<nav class=\"breadcrumbs\" aria-label=\"Breadcrumb\">"), "\(other)")
        }
        #expect(page(site, "droitwich-spa-high/agencies/nspcc/index.html").contains("<h2>Topics</h2>"))
    }

    @Test func entryContentIsSharedButNamesEachSchoolWhereItMust() throws {
        let dir = TempDir()
        let site = try siteWithOwnTemplates(dir, school: "westlands-first", [
            "entry-content": "<p>WESTLANDS CONTENT {{name}} <a href=\"{{offer_link}}\">offer</a></p>\n",
        ])
        // The link back to the offer leads to each school's own offer page.
        for school in ["droitwich-spa-high", "stoke-prior-first"] {
            let html = page(site, "\(school)/agencies/nspcc/index.html")
            #expect(html.contains("<p><a href=\"../../index.html\">See the whole Early Help Offer</a></p>"), "\(school)")
            #expect(!html.contains("WESTLANDS"), "\(school)")
        }
        #expect(page(site, "westlands-first/agencies/nspcc/index.html").contains("<p>WESTLANDS CONTENT NSPCC <a href=\"../../index.html\">offer</a></p>"))
        // A service's people are the school's own, under its name.
        let service = page(site, "droitwich-spa-high/services/anti-bullying-team/index.html")
        #expect(service.contains("<h2 id=\"people-title\">Who to talk to at Droitwich Spa High School</h2>"))
    }

    @Test func aThemesListsStillSeeEachSchoolsOwnEntryAddresses() throws {
        // Card values are shared by the schools that list an entry unchanged; `url` is not.
        let dir = TempDir()
        let theme = dir.path("theme")
        try FileManager.default.copyItem(at: SeedSiteTests.theme, to: theme)
        try "{{#entries}}<p class=\"url\">{{root}}{{url}} {{name}}</p>\n{{/entries}}\n"
            .write(to: theme.appendingPathComponent("templates/level.mustache"), atomically: true, encoding: .utf8)
        var options = SeedSiteTests.options(content: SeedSiteTests.content, output: dir.path("Site"))
        options.theme = theme
        #expect(SiteBuilder(options: options).build().wrote)
        let site = dir.path("Site")
        for school in ["westlands-first", "droitwich-spa-high", "stoke-prior-first"] {
            #expect(page(site, "\(school)/levels/universal/index.html").contains("<p class=\"url\">../../../\(school)/agencies/nspcc/index.html NSPCC</p>"), "\(school)")
        }
    }

    @Test func sharedEntryDetailsKeepEachSchoolsOverride() throws {
        let dir = TempDir()
        let site = dir.path("Site")
        #expect(build(SeedSiteTests.content, site).wrote)
        let appended = "At Stoke Prior First School we are able to refer"
        // Stoke Prior's CAMHS page has its own appended text; Westlands lists the same agency as it is.
        #expect(page(site, "stoke-prior-first/agencies/camhs/index.html").contains(appended))
        #expect(!page(site, "westlands-first/agencies/camhs/index.html").contains(appended))
        #expect(page(site, "westlands-first/agencies/camhs/index.html").contains("How to get in touch"))
        // The same library entry, shown by two schools, has the same details.
        func details(_ path: String) -> Substring? {
            let html = page(site, path)
            guard let start = html.range(of: "<section class=\"contact-box\""), let end = html.range(of: "</section>", range: start.upperBound..<html.endIndex) else { return nil }
            return html[start.lowerBound..<end.upperBound]
        }
        #expect(details("westlands-first/agencies/nspcc/index.html") != nil)
        #expect(details("westlands-first/agencies/nspcc/index.html") == details("droitwich-spa-high/agencies/nspcc/index.html"))
    }

    @Test func aSchoolsOwnEntryDetailsTemplateIsNotSharedWithOthers() throws {
        let dir = TempDir()
        let site = try siteWithOwnTemplates(dir, school: "westlands-first", [
            "entry-details": "<p>WESTLANDS DETAILS {{name}}</p>\n",
        ])
        #expect(page(site, "westlands-first/agencies/nspcc/index.html").contains("WESTLANDS DETAILS NSPCC"))
        #expect(!page(site, "droitwich-spa-high/agencies/nspcc/index.html").contains("WESTLANDS DETAILS"))
        #expect(page(site, "droitwich-spa-high/agencies/nspcc/index.html").contains("How to get in touch"))
    }

    @Test(arguments: [("<p>a</p>\n", "<p>a</p>"), ("<p>a</p>", "<p>a</p>"), ("<p>a</p>\r\n", "<p>a</p>\r"), ("\n", ""), ("", ""),
                      ("<p>é</p>\n\n", "<p>é</p>\n")])
    func aPieceOnItsOwnLineLosesOnlyItsLastNewline(html: String, placed: String) {
        #expect(Fragment.placedOnItsOwnLine(html) == placed)
    }

    @Test func theSameDepthSharesOneRenderedHeader() throws {
        let fragments = SchoolFragments(library: try Self.library(["header": "<p>{{root}}</p>"]), layoutValues: [:])
        let a = fragments.layout(root: "../"), b = fragments.layout(root: "../"), deeper = fragments.layout(root: "../../")
        let first = try #require(a["header_html"] as? Fragment), second = try #require(b["header_html"] as? Fragment)
        let same = first === second
        #expect(same)
        #expect((a["header_html"] as? Fragment)?.renderText == "<p>../</p>")
        #expect((deeper["header_html"] as? Fragment)?.renderText == "<p>../../</p>")
    }

    @Test func changingTheSchoolsPhoneRewritesItsFooterOnAnIncrementalRebuild() throws {
        let dir = TempDir()
        let (content, builder) = try SeedSiteTests.previewing(dir, output: "incremental")
        let school = content.appendingPathComponent("schools/stoke-prior-first/school.md")
        let text = try String(contentsOf: school, encoding: .utf8)
        try text.replacingOccurrences(of: "phone: \"01527 832520\"", with: "phone: \"01527 832599\"")
            .write(to: school, atomically: true, encoding: .utf8)
        let rebuild = builder.rebuild(changed: [school.standardizedFileURL.path])
        #expect(rebuild.wrote, "\(rebuild.errors)")
        let agencyPage = page(dir.path("incremental"), "stoke-prior-first/agencies/nspcc/index.html")
        #expect(agencyPage.contains("01527 832599") && !agencyPage.contains("01527 832520"))
        #expect(build(content, dir.path("full")).wrote)
        let a = snapshot(dir.path("incremental")), b = snapshot(dir.path("full"))
        #expect(a.keys.filter { a[$0] != b[$0] }.isEmpty)
    }

    @Test func escapingCoversTheFiveCharactersByteByByte() {
        #expect(HTML.escape(#"<a href="x">Tom & Jerry's</a>"#) == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(HTML.escape("Café – “quoted” 😀") == "Café – “quoted” 😀")
        #expect(HTML.escape("") == "")
        // An apostrophe followed by a combining accent is one Character: escaping Character by
        // Character would let the quote through and end an attribute early.
        #expect(HTML.escape("'\u{301}") == "&#39;\u{301}")
    }

    @Test func themeTemplatesUseSignpostsEscaping() throws {
        let library = try Self.library(["t": #"<a title="{{x}}">"#])
        let html = library.render(TemplateValues.wrap(["x": "'\u{301} onmouseover=alert(1)"]), withTemplate: "t")
        #expect(html == #"<a title="&#39;"# + "\u{301}" + #" onmouseover=alert(1)">"#)
    }

    static func library(_ templates: [String: String]) throws -> MustacheLibrary {
        let log = DiagnosticLog()
        return try #require(Theme.compile(templates, displayRoot: "test", log: log))
    }
}

@Suite("Context fingerprints")
struct ContextHashTests {
    @Test func equalValuesHaveEqualFingerprintsWhateverTheirOrder() {
        var a: [String: String] = [:], b: [String: String] = [:]
        let keys = (0..<40).map { "key\($0)" }
        for key in keys { a[key] = key + "!" }
        b.reserveCapacity(500)
        for key in keys.reversed() { b[key] = key + "!" }
        #expect(ContextHash.of(["items": [a]] as [String: Any]) == ContextHash.of(["items": [b]] as [String: Any]))
        #expect(ContextHash.of(TemplateValues.wrap(["items": [a]] as [String: Any])) == ContextHash.of(TemplateValues.wrap(["items": [b]] as [String: Any])))
        b["key3"] = "changed"
        #expect(ContextHash.of(["items": [a]] as [String: Any]) != ContextHash.of(["items": [b]] as [String: Any]))
    }

    @Test func aFragmentCountsByWhatItIsMadeFromWithoutBeingRendered() {
        let rendered = Counter()
        func fragment(_ name: String) -> Fragment {
            Fragment(template: "t", values: { ["name": name] }) { _, values in rendered.add(); return "\(values["name"]!)" }
        }
        #expect(ContextHash.of(["f": fragment("a")]) == ContextHash.of(["f": fragment("a")]))
        #expect(ContextHash.of(["f": fragment("a")]) != ContextHash.of(["f": fragment("b")]))
        #expect(rendered.count == 0)
    }

    final class Counter: @unchecked Sendable {
        private(set) var count = 0
        func add() { count += 1 }
    }
}
