import Foundation
import SignpostModel
@testable import SignpostRender
import Testing

@Suite("MarkdownRenderer")
struct MarkdownTests {
    let renderer = MarkdownRenderer()

    @Test(arguments: [
        "<script>alert(1)</script>",
        "Hello <script>alert(1)</script> there",
        "<div>\n<script src=\"https://evil.example/x.js\"></script>\n</div>",
        "<SCRIPT>alert(1)</SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<iframe src=\"https://evil.example\"></iframe>",
    ])
    func rawHTMLNeverPassesThrough(markdown: String) {
        let html = renderer.render(markdown).html.lowercased()
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<iframe"))
        #expect(!html.contains("onerror"))
    }

    @Test(arguments: [
        ("[Click me](javascript:alert(1))", "javascript:alert(1)"),
        ("[Click me](JavaScript:alert(1))", "JavaScript:alert(1)"),
        ("[Click me](javascript&colon;alert(1))", "javascript:alert(1)"),
        ("[Click me](data:text/html;base64,PHNjcmlwdD4=)", "data:text/html;base64,PHNjcmlwdD4="),
        ("[Click me](file:///U:/policy.pdf)", "file:///U:/policy.pdf"),
        ("[Click me](vbscript:msgbox)", "vbscript:msgbox"),
    ])
    func unsafeLinksAreRemovedButTextKept(markdown: String, url: String) {
        let result = renderer.render("Please " + markdown + " now.")
        #expect(result.html.contains("Click me"))
        #expect(!result.html.contains("<a"), "\(result.html)")
        #expect(!result.html.lowercased().contains("javascript:"))
        #expect(!result.html.contains("data:"))
        #expect(!result.html.contains("file:"))
        #expect(result.removedLinks.map(\.link.url) == [url])
        #expect(!result.links.map(\.url).contains(url))
    }

    @Test(arguments: [
        ("<table>", "ab<table>", 0, 2), ("<table>", "<table>", 0, 0), ("<table>", "<tab<table>", 0, 4),
        ("<table>", "<table><table>", 1, 7), ("<table>", "<tabl", 0, nil), ("<table>", "", 0, nil),
        ("<h2>", "x<h2>y", 2, nil), ("<h2>", "x<h2>y", 6, nil), ("ab", "aab", 0, 1),
    ] as [(String, String, Int, Int?)])
    func findsBytesFromAPosition(needle: String, haystack: String, start: Int, expected: Int?) {
        #expect(MarkdownRenderer.find(Array(needle.utf8), in: Array(haystack.utf8), from: start) == expected)
    }

    @Test func autolinkWithScriptSchemeIsRemoved() {
        let result = renderer.render("See <javascript:alert(1)> here")
        #expect(!result.html.contains("href=\"javascript"))
        #expect(result.removedLinks.count == 1)
    }

    @Test func networkDrivePathIsRemoved() {
        let result = renderer.render("[Policy](U:/Policies/safeguarding.pdf)")
        #expect(result.html.contains("Policy"))
        #expect(!result.html.contains("<a"))
        #expect(result.removedLinks.first?.link.url == "U:/Policies/safeguarding.pdf")
    }

    @Test func unsafeImageIsRemovedKeepingDescription() {
        let result = renderer.render("![Our hall](javascript:alert(1))")
        #expect(!result.html.contains("<img"))
        #expect(result.html.contains("Our hall"))
        #expect(result.removedLinks.count == 1)
    }

    @Test func goodLinksAreKeptAndListed() {
        let result = renderer.render("[NSPCC](https://www.nspcc.org.uk) and [policy](pages/policy/index.html#contacts)")
        #expect(result.html.contains("<a href=\"https://www.nspcc.org.uk\">NSPCC</a>"))
        #expect(result.links.map(\.url) == ["https://www.nspcc.org.uk", "pages/policy/index.html#contacts"])
        #expect(result.removedLinks.isEmpty)
    }

    @Test func imageWithoutAltIsReported() {
        let result = renderer.render("![](a.png)\n\n![Described](b.png)")
        #expect(result.imagesWithoutAlt == [MarkdownLink(url: "a.png", line: 1)])
    }

    /// Issue 25: `![a](https://tracker.example.com/pixel.gif)` was published as an `<img>`,
    /// telling another website who reads a page about domestic abuse.
    @Test(arguments: ["https://tracker.example.com/pixel.gif", "http://example.org/a.png", "//tracker.example.com/p.gif",
                      "\\\\tracker.example.com/p.gif", "HTTPS://EXAMPLE.ORG/x.png", "ftp://example.org/x.png"])
    func picturesFromOtherWebsitesAreLeftOut(url: String) {
        let result = renderer.render("Intro\n\n![A pixel](\(url)) and [a link](https://example.org/page)")
        #expect(!result.html.contains("<img"), "\(result.html)")
        #expect(result.html.contains("A pixel"))
        #expect(result.html.contains("<a href=\"https://example.org/page\">"))
        #expect(result.outsideImages.map(\.line) == [3] || result.removedLinks.map(\.link.line) == [3])
    }

    @Test func picturesOfTheSiteStay() {
        let result = renderer.render("![Our hall](hall.png) ![Map](../pages/map.png)")
        #expect(result.html.contains("<img src=\"hall.png\" alt=\"Our hall\" />"), "\(result.html)")
        #expect(result.outsideImages.isEmpty)
    }

    @Test func headingsGetIds() {
        let result = renderer.render("## Early Help\n\ntext\n\n## 4.2 Early Help\n\n## Early Help\n")
        #expect(result.html.contains("<h2 id=\"early-help\">Early Help</h2>"), "\(result.html)")
        #expect(result.html.contains("<h2 id=\"4-2-early-help\">"))
        #expect(result.html.contains("<h2 id=\"early-help-2\">"))
        #expect(result.headings.map(\.anchor) == ["early-help", "4-2-early-help", "early-help-2"])
    }

    @Test func topLevelHeadingBecomesH2() {
        let result = renderer.render("# Policy\n\n## Section\n\n### Detail\n")
        #expect(result.headings.map(\.level) == [2, 3, 4])
        #expect(!result.html.contains("<h1"))
        #expect(result.html.contains("<h2 id=\"policy\">Policy</h2>"))
        #expect(result.html.contains("<h4 id=\"detail\">"))
    }

    @Test func headingGapsAreClosed() {
        let result = renderer.render("## A\n\n#### B\n\n###### C\n\n## D\n\n### E\n")
        #expect(result.headings.map(\.level) == [2, 3, 4, 2, 3])
        #expect(result.headings.map(\.text) == ["A", "B", "C", "D", "E"])
        #expect(!result.html.contains("<h5"))
        #expect(!result.html.contains("<h6"))
    }

    @Test func skippedHeadingsAreListedAsWrittenWithTheirLines() {
        let result = renderer.render("## A\n\n#### B\n\ntext\n\n### C\n\n# D\n\n### E\n")
        #expect(result.skippedHeadings == [SkippedHeading(text: "B", line: 3, level: 4, previousLevel: 2),
                                           SkippedHeading(text: "E", line: 11, level: 3, previousLevel: 1)])
        // The page itself still closes the gaps.
        #expect(result.headings.map(\.level) == [2, 3, 3, 2, 3])
    }

    @Test func linksCarryTheLineTheyAreOn() {
        let markdown = "Intro\ncontinues [a](a.html)\n\n| h | i |\n|---|---|\n| [b](b.html) | x |\n\n> quote\n> [c](c.html)\n\nMail x@y.org\nnow\n\n[r][ref]\n\n[ref]: r.html\n"
        let result = renderer.render(markdown)
        #expect(result.links.map(\.url) == ["a.html", "b.html", "c.html", "mailto:x@y.org", "r.html"])
        #expect(result.links.map(\.line) == [2, 6, 9, 11, 14])
    }

    @Test func deepHeadingsAreCappedAtH6() {
        let renderer = MarkdownRenderer(topHeadingLevel: 5)
        let result = renderer.render("# A\n\n## B\n\n### C\n")
        #expect(result.headings.map(\.level) == [5, 6, 6])
    }

    @Test func headingWithFormattingHasPlainAnchor() {
        let result = renderer.render("## Help *now* with `code`\n")
        #expect(result.headings.first?.text == "Help now with code")
        #expect(result.headings.first?.anchor == "help-now-with-code")
    }

    @Test func tableUsesStyleAttributesAndScrolls() {
        let result = renderer.render("| Name | Phone |\n|:-----|------:|\n| A | 1 |\n| B | 2 |\n")
        #expect(result.html.contains("style=\"text-align: left\""), "\(result.html)")
        #expect(result.html.contains("style=\"text-align: right\""))
        #expect(!result.html.contains("align=\""))
        #expect(result.html.contains("<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Table\"><table>"))
        #expect(result.html.contains("</table></div>"))
    }

    @Test func taskListHasNoInputs() {
        let result = renderer.render("- [ ] To do\n- [x] Done\n")
        #expect(!result.html.contains("<input"), "\(result.html)")
        #expect(result.html.contains("To do: "))
        #expect(result.html.contains("Done: "))
        #expect(result.html.contains("task-done"))
    }

    @Test(arguments: [
        ("Call 01905 822666 today.", "tel:01905822666", "01905 822666"),
        ("Ring Childline on 0800 1111.", "tel:08001111", "0800 1111"),
        ("Samaritans: 116 123 (free).", "tel:116123", "116 123"),
        ("Mobile 07700 900123", "tel:07700900123", "07700 900123"),
        ("From abroad +44 1905 822666", "tel:01905822666", "+44 1905 822666"),
        ("London 020 7946 0000.", "tel:02079460000", "020 7946 0000"),
        ("Abroad: +44 (0)1905 822666.", "tel:01905822666", "+44 (0)1905 822666"),
        ("Tel:01905-822666", "tel:01905822666", "01905-822666"),
        ("Café, then 0800 1111 – free", "tel:08001111", "0800 1111"),
    ])
    func ukPhoneNumbersBecomeTelLinks(text: String, href: String, shown: String) {
        let result = renderer.render(text)
        #expect(result.html.contains("<a href=\"\(href)\">\(shown)</a>"), "\(result.html)")
    }

    @Test(arguments: [
        "Reference 12345678 on the form.",
        "Reviewed 2025-09-01.",
        "`01905 822666` in code",
        "Costs £0800 1111 a year",
        "Version v1.01905822666",
        "Path /01905822666",
        "Glued é01905822666 here",
        "Then 01905822666é glued",
        "Number 01905 822666/2 with a slash",
        "Too long 019058226661234",
    ])
    func nonNumbersAreNotLinked(text: String) {
        let result = renderer.render(text)
        #expect(!result.html.contains("tel:"), "\(result.html)")
    }

    @Test func numberInsideALinkIsNotLinkedAgain() {
        let result = renderer.render("[Call 01905 822666](https://example.org)")
        #expect(!result.html.contains("tel:"))
        #expect(result.html.components(separatedBy: "<a ").count == 2)
    }

    @Test func noPhoneLinksWhenTurnedOff() {
        let result = MarkdownRenderer(linkPhoneNumbers: false).render("Call 01905 822666.")
        #expect(!result.html.contains("tel:"))
        #expect(result.html.contains("01905 822666"))
    }

    @Test func twoNumbersInOneLine() {
        let result = renderer.render("Call 01905 822666 or 01905 768020 out of hours.")
        #expect(result.html.contains("<a href=\"tel:01905822666\">01905 822666</a> or <a href=\"tel:01905768020\">01905 768020</a> out of hours."),
                "\(result.html)")
    }

    static func documents() -> [String] {
        (0..<200).map { i in
            """
            # Document \(i)

            Intro paragraph \(i) with **bold**, _emphasis_ and a [link](https://example.org/\(i)).
            Call 01905 \(String(format: "%06d", 100000 + i)) or 116 123.

            ## Section \(i % 7)

            | Col A | Col B |
            |:--|--:|
            | \(i) | \(i * 2) |

            - [ ] task \(i)
            - [x] done \(i)

            #### Deep \(i)

            <script>alert(\(i))</script>

            [bad](javascript:alert(\(i)))

            ## Section \(i % 7)
            """
        }
    }

    @Test func parallelRenderingMatchesSerial() {
        let docs = MarkdownTests.documents()
        let renderer = self.renderer
        let serial = docs.map { renderer.render($0).html }
        let parallel = ParallelMap.map(docs) { renderer.render($0).html }
        let parallelAgain = ParallelMap.map(docs) { renderer.render($0).html }
        #expect(serial.count == 200)
        #expect(serial == parallel)
        #expect(serial == parallelAgain)
        #expect(serial[5].contains("<h3 id=\"section-5\">"))
        #expect(serial[5].contains("<h3 id=\"section-5-2\">"))
        #expect(!serial.contains { $0.contains("<script") })
    }

    @Test func parallelMapKeepsOrder() {
        let items = Array(0..<1000)
        #expect(ParallelMap.map(items) { $0 * 3 } == items.map { $0 * 3 })
        #expect(ParallelMap.map(items, parallel: false) { $0 + 1 } == items.map { $0 + 1 })
        #expect(ParallelMap.map([Int]()) { $0 }.isEmpty)
    }
}
