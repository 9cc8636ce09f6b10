import Foundation
import Mustache
import SignpostModel
import SignpostPipeline
@testable import SignpostRender
import Testing

/// The header, "Get help now" box, footer and entry cards are pieces, rendered once and shared
/// by the pages (and schools) that show them: they must still follow the theme's templates,
/// carry the right relative links at each depth, and keep each school's own values.
@Suite("Shared pieces")
struct PieceTests {
    func page(_ site: URL, _ path: String) -> String { County.page(site, path) }

    @Test func aThemesHeaderAndCardReachEveryPageAtTheRightDepth() throws {
        let dir = TempDir()
        let site = try County.withTheme(dir, [
            "header": "<header>ASH HEADER {{#school}}{{school_name}}{{/school}} [{{root}}]</header>\n",
            "entry-card": "<li>ASH CARD <{{card_heading}}><a href=\"{{link}}\">{{name}}</a></{{card_heading}}></li>\n",
        ])
        #expect(page(site, "ash-first/index.html").contains("ASH HEADER Ash First School [../]"))
        #expect(page(site, "ash-first/handout/index.html").contains("ASH HEADER Ash First School [../../]"))
        #expect(page(site, "ash-first/agencies/nspcc/index.html").contains("ASH HEADER Ash First School [../../../]"))
        // Cards: h3 under the A to Z's letters and on level and topic pages, links from each depth.
        #expect(page(site, "ash-first/a-z/index.html").contains("ASH CARD <h3><a href=\"../agencies/nspcc/index.html\">"))
        #expect(page(site, "ash-first/levels/universal/index.html").contains("ASH CARD <h3><a href=\"../../agencies/nspcc/index.html\">"))
        #expect(page(site, "elm-high/agencies/nspcc/index.html").contains("ASH HEADER Elm High School [../../../]"))
        #expect(page(site, "index.html").contains("ASH HEADER "))
    }

    @Test func sharedCardsLinkWithinEachSchoolAndKeepEachSchoolsOverride() throws {
        let dir = TempDir()
        let site = dir.path("Site")
        #expect(County.build(content: County.content, output: site).wrote)
        // NSPCC's card is rendered once for all schools: its link must lead into each school's own folder.
        for school in County.schools {
            #expect(page(site, "\(school)/levels/universal/index.html").contains("<a href=\"../../agencies/nspcc/index.html\">NSPCC</a>"), "\(school)")
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("\(school)/agencies/nspcc/index.html").path))
        }
        // Elm High renames the PCSO entry; the other schools keep the library's name.
        let renamed = "agencies/pcso/index.html\">Police – community policing team</a>"
        let library = "agencies/pcso/index.html\">Police Community Support Officers (PCSO)</a>"
        for path in ["elm-high/a-z/index.html", "elm-high/levels/additional/index.html"] {
            #expect(page(site, path).contains(renamed) && !page(site, path).contains(library), "\(path)")
        }
        for path in ["oak-first/a-z/index.html", "ash-first/levels/additional/index.html"] {
            #expect(page(site, path).contains(library) && !page(site, path).contains(renamed), "\(path)")
        }
    }

    @Test func sharedEntryLinksKeepEachSchoolsLevelNamesAndLeadIntoItsFolder() throws {
        let dir = TempDir()
        let site = dir.path("Site")
        #expect(County.build(content: County.content, output: site).wrote)
        func links(_ path: String) -> String {
            let html = page(site, path)
            guard let start = html.range(of: "<h2>Level of need</h2>"), let end = html.range(of: "<p><a href=\"../../index.html\">See the whole") else { return "" }
            return String(html[start.lowerBound..<end.lowerBound])
        }
        // Oak names its levels itself; Elm keeps the library's names. Both link within their own folder.
        #expect(links("oak-first/agencies/nspcc/index.html").contains("<a href=\"../../levels/universal/index.html\">Everyone (Universal)</a>"))
        #expect(links("elm-high/agencies/nspcc/index.html").contains("<a href=\"../../levels/universal/index.html\">Universal</a>"))
        #expect(links("elm-high/agencies/nspcc/index.html").contains("<h2>Topics</h2>\n<ul class=\"link-list\">\n<li><a href=\"../../topics/bullying/index.html\">"))
        // Ash and Elm list NSPCC with the same levels and topics: the same bytes.
        #expect(!links("ash-first/agencies/nspcc/index.html").isEmpty)
        #expect(links("ash-first/agencies/nspcc/index.html") == links("elm-high/agencies/nspcc/index.html"))
    }

    @Test func aThemesBreadcrumbsAndEntryLinksLeadWithinEachSchool() throws {
        let dir = TempDir()
        let site = try County.withTheme(dir, [
            "breadcrumbs": "<nav>ASH TRAIL {{school.school_name}}{{#breadcrumbs}} <a href=\"{{root}}{{crumb_url}}\">{{crumb_name}}</a>{{/breadcrumbs}}</nav>\n",
            "entry-links": "<p>ASH LINKS{{#topics}} <a href=\"{{topic_link}}\">{{topic_name}}</a>{{/topics}}</p>\n",
        ])
        let ash = page(site, "ash-first/agencies/nspcc/index.html")
        #expect(ash.contains("<nav>ASH TRAIL Ash First School <a href=\"../../../index.html\">Home</a> <a href=\"../../../ash-first/index.html\">"))
        #expect(ash.contains("<p>ASH LINKS <a href=\"../../topics/"))
        #expect(page(site, "ash-first/levels/universal/index.html").contains("<nav>ASH TRAIL Ash First School <a href=\"../../../index.html\">"))
        #expect(page(site, "elm-high/agencies/nspcc/index.html").contains("<nav>ASH TRAIL Elm High School <a href=\"../../../index.html\">Home</a> <a href=\"../../../elm-high/index.html\">"))
    }

    @Test func entryContentIsSharedButNamesEachSchoolWhereItMust() throws {
        let dir = TempDir()
        let site = try County.withTheme(dir, [
            "entry-content": "<p>OAK CONTENT {{name}} <a href=\"{{offer_link}}\">offer</a></p>\n",
        ])
        // The link back to the offer leads to each school's own offer page.
        for school in County.schools {
            #expect(page(site, "\(school)/agencies/nspcc/index.html").contains("<p>OAK CONTENT NSPCC <a href=\"../../index.html\">offer</a></p>"), "\(school)")
        }
    }

    @Test func aThemesListsStillSeeEachSchoolsOwnEntryAddresses() throws {
        // Card values are shared by the schools that list an entry unchanged; `url` is not.
        let dir = TempDir()
        let theme = dir.path("theme")
        try FileManager.default.copyItem(at: County.theme, to: theme)
        try "{{#entries}}<p class=\"url\">{{root}}{{url}} {{name}}</p>\n{{/entries}}\n"
            .write(to: theme.appendingPathComponent("templates/level.mustache"), atomically: true, encoding: .utf8)
        var options = County.options(content: County.content, output: dir.path("Site"))
        options.theme = theme
        #expect(SiteBuilder(options: options).build().wrote)
        for school in County.schools {
            #expect(page(dir.path("Site"), "\(school)/levels/universal/index.html").contains("<p class=\"url\">../../../\(school)/agencies/nspcc/index.html NSPCC</p>"), "\(school)")
        }
    }

    @Test func sharedEntryDetailsKeepEachSchoolsOverride() throws {
        let dir = TempDir()
        let site = dir.path("Site")
        #expect(County.build(content: County.content, output: site).wrote)
        let appended = "At Oak First School we are able to refer to CAMHS ourselves."
        // Oak's CAMHS page has its own appended text; Ash lists the same agency as it is.
        #expect(page(site, "oak-first/agencies/camhs/index.html").contains(appended))
        #expect(!page(site, "ash-first/agencies/camhs/index.html").contains(appended))
        #expect(page(site, "ash-first/agencies/camhs/index.html").contains("How to get in touch"))
        // The same library entry, shown by two schools, has the same details.
        func details(_ path: String) -> Substring? {
            let html = page(site, path)
            guard let start = html.range(of: "<section class=\"contact-box\""), let end = html.range(of: "</section>", range: start.upperBound..<html.endIndex) else { return nil }
            return html[start.lowerBound..<end.upperBound]
        }
        #expect(details("ash-first/agencies/nspcc/index.html") != nil)
        #expect(details("ash-first/agencies/nspcc/index.html") == details("elm-high/agencies/nspcc/index.html"))
    }

    @Test(arguments: [("<p>a</p>\n", "<p>a</p>"), ("<p>a</p>", "<p>a</p>"), ("<p>a</p>\r\n", "<p>a</p>\r"), ("\n", ""), ("", ""),
                      ("<p>é</p>\n\n", "<p>é</p>\n")])
    func aPieceOnItsOwnLineLosesOnlyItsLastNewline(html: String, placed: String) {
        #expect(Piece.placedOnItsOwnLine(html) == placed)
    }

    @Test func theSameDepthSharesOneRenderedHeader() throws {
        let (site, _) = ContentTree().resolve()
        let inputs = RenderInputs(site: site, markdown: RenderedTexts(), today: Day(year: 2026, month: 11, day: 22), brandColours: [:],
                                  library: try Self.library(["header": "<p>{{root}}</p>"]))
        let scope = SchoolScope(school: site.schools[0], inputs: inputs)
        func header(_ root: String) throws -> Piece {
            let object = scope.layout(root: root, crumbs: [])
            return try #require(object.child(named: "header_html") as? Piece)
        }
        let first = try header("../"), second = try header("../"), deeper = try header("../../")
        #expect(first === second)
        #expect(first.renderText == "<p>../</p>")
        #expect(deeper.renderText == "<p>../../</p>")
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
        let library = try Self.library(["t": #"<a title="{{person_name}}">"#])
        var values = Values<PersonKey>()
        values[.person_name] = "'\u{301} onmouseover=alert(1)"
        #expect(library.render(values.object, withTemplate: "t") == #"<a title="&#39;"# + "\u{301}" + #" onmouseover=alert(1)">"#)
    }

    static func library(_ templates: [String: String]) throws -> MustacheLibrary {
        let log = DiagnosticLog()
        return try #require(Theme.compile(templates, displayRoot: "test", log: log))
    }
}
