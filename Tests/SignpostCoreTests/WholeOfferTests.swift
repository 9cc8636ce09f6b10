import Foundation
import SignpostModel
import SignpostPipeline
import SignpostPublish
@testable import SignpostRender
import Testing

/// The whole offer on one page, to print (`<school>/whole-offer/`, the page the whole-offer PDF
/// is made from), and the offer page's links to the PDFs with their sizes.
@Suite("Whole offer")
struct WholeOfferTests {
    /// Every `href` of the page that starts with one of `schemes`.
    static func links(_ html: String, _ schemes: [String] = ["tel:", "mailto:", "http:", "https:"]) -> Set<String> {
        Set(html.matches(of: /href="([^"]*)"/).map { String($0.1) }.filter { link in schemes.contains { link.hasPrefix($0) } })
    }

    /// The headings of a page, in order: (level, text without tags).
    static func headings(_ html: String) -> [(Int, String)] {
        html.matches(of: /<h([1-6])[^>]*>(.*?)<\/h\1>/).map { (Int($0.1)!, String($0.2).replacing(/<[^>]+>/, with: "")) }
    }

    static func built(_ dir: TempDir, content: URL = County.content, pdf: PDFSettings? = nil) -> URL {
        var options = County.options(content: content, output: dir.path("Site"))
        options.pdf = pdf
        let result = SiteBuilder(options: options).build()
        #expect(result.wrote, "\(result.errors)")
        return dir.path("Site")
    }

    @Test func theWholeOfferHasEveryContactTheSchoolsPagesShow() throws {
        let dir = TempDir()
        let site = Self.built(dir)
        for school in County.schools {
            let whole = County.page(site, "\(school)/whole-offer/index.html")
            #expect(whole.contains("<h1>"), "\(school) has no whole-offer page")
            var shown = Set<String>()
            for (path, data) in snapshot(site.appendingPathComponent(school)) where path.hasSuffix(".html") && !path.hasPrefix("whole-offer/") {
                shown.formUnion(Self.links(String(decoding: data, as: UTF8.self)))
            }
            #expect(!shown.isEmpty)
            let missing = shown.subtracting(Self.links(whole)).sorted()
            #expect(missing.isEmpty, "\(school)'s whole offer lacks \(missing)")
        }
    }

    @Test func entriesAreGroupedAsTheLevelPagesGroupThemAndEachIsShownWholeOnce() throws {
        let dir = TempDir()
        let content = try County.copy(dir)
        // A service at no level: "Other help", at the end.
        dir.write("Content/schools/elm-high/services/homework-club.md", """
        ---
        name: Homework club
        summary: A quiet room after school.
        phones: ["01905 774422"]
        ---
        Every day until 5pm.
        """)
        let site = Self.built(dir, content: content)
        let page = County.page(site, "elm-high/whole-offer/index.html")
        let headings = Self.headings(page)
        let titles = headings.map(\.1)
        // Sections in order: each level (as the school names it), "Other help" after them.
        let order = ["Get help now", "Introduction", "Key people at Elm High School", "Universal", "Additional needs", "Targeted support",
                     "Specialist", "Other help"]
        let found = order.compactMap { title in titles.firstIndex(of: title) }
        #expect(found.count == order.count && found == found.sorted(), "\(titles)")
        // Within a level, the school's own services come first.
        let universal = try #require(titles.firstIndex(of: "Universal"))
        #expect(titles[universal + 1] == "Support from Elm High School" && titles[universal + 3] == "Other organisations that can help",
                "\(titles[universal...].prefix(5))")
        // The anti-bullying team is at two levels: whole at the first, named at the second.
        #expect(page.components(separatedBy: "id=\"service-anti-bullying-team\"").count == 2)
        #expect(page.contains("See <a href=\"#service-anti-bullying-team\">Anti-bullying team under Universal</a>."))
        let other = try #require(page.range(of: "<h2 id=\"doc-other-title\">Other help</h2>"))
        #expect(page[other.upperBound...].contains("Homework club") && page[other.upperBound...].contains("tel:01905774422"))
        // No heading skips a level, and no id is used twice.
        var previous = 1
        for (level, text) in headings.dropFirst() {
            #expect(level <= previous + 1, "\(text) (h\(level)) comes after an h\(previous)")
            previous = level
        }
        let ids = page.matches(of: /\sid="([^"]+)"/).map { String($0.1) }
        #expect(Set(ids).count == ids.count, "\(ids.filter { id in ids.filter { $0 == id }.count > 1 })")
    }

    @Test func textsKeepWorkingLinksAndHeadingsBelowTheirPlace() {
        // An entry's text under its h4: its h2 becomes h5; its ids and links to them get its prefix; a
        // link written for its own page (two folders down) is made to start from the whole offer's.
        let nested = NestedHTML(level: 4, idPrefix: "agency-nspcc", from: "agencies/nspcc/index.html", to: "whole-offer/index.html")
        #expect(nested.place(##"<h2 id="how">How</h2><h3 id="more">More</h3><p><a href="#how">up</a> <a href="../../levels/universal/">level</a> "##
            + ##"<a href="../../../accessibility/index.html">a11y</a> <a href="https://x.org/#y">web</a> <a href="tel:999">999</a></p><hr />"##)
            == ##"<h5 id="agency-nspcc-how">How</h5><h6 id="agency-nspcc-more">More</h6><p><a href="#agency-nspcc-how">up</a> "##
            + ##"<a href="../levels/universal/">level</a> <a href="../../accessibility/index.html">a11y</a> <a href="https://x.org/#y">web</a> "##
            + ##"<a href="tel:999">999</a></p><hr />"##)
        // The school's introduction, written for its offer page, at the top of the school's folder.
        let intro = NestedHTML(level: 2, idPrefix: "intro", from: "index.html", to: "whole-offer/index.html")
        #expect(intro.link("services/counselling/index.html?x=1#top") == "../services/counselling/index.html?x=1#top")
        #expect(intro.link("index.html") == "../index.html" && intro.link("./") == "../" && intro.link("mailto:a@b.uk") == "mailto:a@b.uk")
        // A scheme is a colon before any "/", "?" or "#"; a colon after one is part of a path.
        #expect(intro.link("HTTPS://X.ORG/a") == "HTTPS://X.ORG/a" && intro.link("tel:+441905") == "tel:+441905")
        #expect(intro.link("pages/a:b/index.html") == "../pages/a:b/index.html" && intro.link("?q=a:b") == "../?q=a:b")
        #expect(intro.link("#a:b") == "#intro-a:b")
        // Plain text between the markup is copied as it is, other languages included.
        #expect(intro.place("<p>Café – ☎ <a href=\"x/\">y</a> src=&quot;z&quot;</p>") == "<p>Café – ☎ <a href=\"../x/\">y</a> src=&quot;z&quot;</p>")
        #expect(intro.place("<h2>A</h2><h4>B</h4>") == "<h3>A</h3><h5>B</h5>")
        // Never deeper than h6.
        #expect(NestedHTML(level: 6, idPrefix: "p", from: "index.html", to: "index.html").place("<h3>x</h3>") == "<h6>x</h6>")
    }

    @Test func theOfferPageLinksToThePDFsMadeWithTheirSizesAndToNoneThatWereNot() throws {
        let dir = TempDir()
        dir.write("fake-engine.py", PDFStageTests.fakeEngine)
        let engine = PDFEngine(name: "Fake", executable: "/usr/bin/python3",
                               arguments: [dir.path("fake-engine.py").path, dir.path("engine.log").path, "ok"], identity: "fake 1")
        let site = Self.built(dir, pdf: PDFSettings(engine: engine))
        let offer = County.page(site, "oak-first/index.html")
        let handout = try Data(contentsOf: site.appendingPathComponent("oak-first/oak-first-early-help-handout.pdf"))
        #expect(!handout.isEmpty)
        #expect(offer.contains(#"<a class="download-pdf" href="../oak-first/oak-first-early-help-handout.pdf">Download the handout "#
            + #"<span class="download-meta">(PDF, \#(PrintDownloads.size(handout.count)), 2 pages)</span></a>"#), "\(offer)")
        #expect(offer.contains(#"href="../oak-first/oak-first-early-help-offer.pdf">Download the whole offer"#))
        #expect(offer.contains(#"<a href="../oak-first/whole-offer/index.html">The whole offer, to print</a>"#))
        #expect(SiteURLsTests.brokenLinks(in: site).isEmpty)

        // No engine: the pages to print are still linked, no PDF is.
        let none = TempDir()
        let plain = County.page(Self.built(none, pdf: PDFSettings(engine: nil)), "oak-first/index.html")
        #expect(plain.contains(#"<a href="../oak-first/handout/index.html">The handout, to print</a>"#))
        #expect(!plain.contains(".pdf"))
        #expect(!County.page(Self.built(TempDir()), "oak-first/index.html").contains(".pdf"), "a build without PDFs links none")
    }

    @Test func aPreviewRebuildLinksThePDFsAsTheyNowAre() throws {
        let dir = TempDir()
        let content = try County.copy(dir)
        dir.write("fake-engine.py", PDFStageTests.fakeEngine)
        dir.write("size", "2048")
        var options = County.options(content: content, output: dir.path("Site"))
        options.pdf = PDFSettings(engine: PDFEngine(name: "Sized", executable: "/usr/bin/python3",
                                                    arguments: [dir.path("fake-engine.py").path, dir.path("engine.log").path, "sized", dir.path("size").path],
                                                    identity: "sized 1"))
        let builder = IncrementalBuilder(options: options)
        #expect(builder.build().wrote)
        let sizes = { County.page(dir.path("Site"), "oak-first/index.html").matches(of: /\(PDF, ([^)]*)\)/).map { String($0.1) } }
        let made = { (name: String) in
            PrintDownloads.size((try? Data(contentsOf: dir.path("Site/oak-first/oak-first-early-help-\(name).pdf")))?.count ?? 0) + ", 2 pages"
        }
        #expect(sizes() == [made("handout"), made("offer")] && sizes().allSatisfy { $0.hasPrefix("3 KB") }, "\(sizes())")
        // Oak's review date is on its pages to print, so both PDFs are made again, now bigger.
        dir.write("size", "5120")
        let school = content.appendingPathComponent("schools/oak-first/school.md")
        try County.edit(school) { $0.replacingOccurrences(of: "reviewed: 2026-09-01", with: "reviewed: 2026-09-02") }
        let rebuilt = builder.rebuild(changed: [school.path])
        #expect(rebuilt.wrote && rebuilt.incremental, "\(rebuilt.diagnostics)")
        #expect(rebuilt.pdf?.made == 2 && rebuilt.pdf?.reused == 4)
        #expect(sizes() == [made("handout"), made("offer")] && sizes().allSatisfy { $0.hasPrefix("6 KB") }, "\(sizes())")
        #expect(County.page(dir.path("Site"), "elm-high/index.html").contains("(PDF, 3 KB, 2 pages)"))
    }

    @Test func theLongestPagesAreMadeIntoPDFsFirst() throws {
        let project = try PDFStageTests.Project()
        #expect(project.build(project.engine(), workers: 1).wrote)
        let order = try String(contentsOf: project.log, encoding: .utf8).split(separator: "\n").map(String.init)
        let sizes = order.map { (try? FileManager.default.attributesOfItem(atPath: project.output.appendingPathComponent($0).path)[.size] as? Int) ?? 0 }
        #expect(order.count == 4 && sizes == sizes.sorted(by: >), "\(zip(order, sizes).map { "\($0) \($1)" })")
    }
}
