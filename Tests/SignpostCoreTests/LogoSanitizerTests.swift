import Foundation
import Testing
@testable import SignpostCore

/// An SVG logo is a document: opened at its own address, its scripts run on the site. It is
/// published cleaned, and `check` says what was left out.
@Suite("SVG logos")
struct LogoSanitizerTests {
    static let hostile = """
    <?xml version="1.0" encoding="UTF-8"?>
    <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
    <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:h="http://www.w3.org/1999/xhtml"
         xmlns:s="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="alert(1)">
    <script>alert(2)</script><s:script>alert(3)</s:script><h:script>alert(4)</h:script>
    <defs><linearGradient id="fade"><stop offset="0" stop-color="#fff"/></linearGradient>
    <style>@import url(https://evil.example/x.css); .a { fill: red }</style></defs>
    <a xlink:href="javascript:alert(5)"><rect width="10" height="10" fill="url(#fade)" style="fill:url(https://evil.example/t.png)"/></a>
    <foreignObject><h:iframe src="https://evil.example"/></foreignObject>
    <image href="https://evil.example/track.png"/><image xlink:href="data:image/png;base64,iVBORw0KGgo="/>
    <use href="#fade"/><set attributeName="onmouseover" to="alert(6)"/><animate attributeName="href" values="javascript:alert(7)"/>
    <circle r="1" filter="url(https://evil.example/f.svg#x)" ONCLICK="alert(8)"/>
    <text x="1" y="5">Westlands &amp; co &lt;3</text>
    </svg>
    """

    func clean(_ svg: String) throws -> (svg: String, removed: [String]) {
        let cleaned = try LogoSanitizer.clean(Data(svg.utf8)).get()
        return (String(decoding: cleaned.svg, as: UTF8.self), cleaned.removed)
    }

    @Test func scriptsHandlersAndOutsideReferencesAreLeftOut() throws {
        let (svg, removed) = try clean(Self.hostile)
        for gone in ["script", "alert", "onload", "onclick", "evil.example", "foreignObject", "iframe", "@import", "<set", "<animate", "javascript"] {
            #expect(!svg.lowercased().contains(gone.lowercased()), "\(gone) in \(svg)")
        }
        // The drawing stays: shapes, the gradient they use, a picture embedded in the file, the text.
        for kept in ["<linearGradient id=\"fade\">", "<rect fill=\"url(#fade)\" height=\"10\" width=\"10\">", "<use href=\"#fade\">",
                     "xlink:href=\"data:image/png;base64,iVBORw0KGgo=\"", "Westlands &amp; co &lt;3", "<circle r=\"1\">"] {
            #expect(svg.contains(kept), "\(kept) not in \(svg)")
        }
        // A style that imports another is left out whole.
        #expect(!svg.contains("fill: red"))
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 10 10\">"))
        #expect(removed.contains("the onload attribute (a script)"))
        #expect(removed.contains("a <script> element"))
        #expect(removed.contains("a link to javascript:alert(5)"))
        #expect(removed.contains("a link to https://evil.example/track.png"))
        #expect(removed.contains { $0.contains("foreignObject") })
        #expect(removed.contains { $0.contains("@import") })
        // What is written back reads as XML again, and cleaning it again changes nothing.
        let again = try clean(svg)
        #expect(again.svg == svg && again.removed.isEmpty)
    }

    @Test(arguments: [
        "<html><script>alert(1)</script></html>",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect></svg>",
        "not a picture at all",
        "<!DOCTYPE svg [<!ENTITY a \"<script>alert(1)</script>\">]><svg xmlns=\"http://www.w3.org/2000/svg\">&a;</svg>",
        "<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><svg xmlns=\"http://www.w3.org/2000/svg\"><text>&x;</text></svg>",
        "<svg><rect/></svg>",
    ])
    func whatCannotBeReadAsAnSVGIsRefused(svg: String) {
        guard case let .failure(problem) = LogoSanitizer.clean(Data(svg.utf8)) else {
            Issue.record("accepted: \(svg)")
            return
        }
        #expect(!problem.description.isEmpty)
    }

    @Test func aLogoOverTheSizeLimitIsRefused() {
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><desc>" + String(repeating: "x", count: LogoSanitizer.maxBytes) + "</desc></svg>"
        guard case let .failure(problem) = LogoSanitizer.clean(Data(svg.utf8)) else {
            Issue.record("accepted")
            return
        }
        #expect(problem.description == "it is 5 MB; a logo may be at most 5 MB")
    }

    /// The build: `check` warns with what was removed, and the published logo is the cleaned one.
    @Test func theBuildPublishesTheCleanedLogoAndCheckSaysWhatWasRemoved() throws {
        let tree = ContentTree(school: ContentTree.school(extra: "logo: logo.svg"))
        tree.write("schools/test-first/logo.svg", Self.hostile)
        let options = BuildOptions(content: tree.root, theme: County.theme, output: tree.dir.path("Site"))
        let result = SiteBuilder(options: options).build()
        #expect(result.wrote, "\(result.errors)")
        let warning = result.warnings.first { $0.message.contains("the logo \"logo.svg\" had things a picture does not need") }
        #expect(warning?.file == "Content/schools/test-first/school.md")
        #expect(warning?.message.contains("a <script> element") == true)
        let published = try String(contentsOf: tree.dir.path("Site/test-first/logo.svg"), encoding: .utf8)
        #expect(!published.contains("script") && !published.contains("onload") && published.contains("<rect"))
    }

    @Test func anUnreadableSVGLogoIsAnError() {
        let tree = ContentTree(school: ContentTree.school(extra: "logo: logo.svg"))
        tree.write("schools/test-first/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</svg>")
        let options = BuildOptions(content: tree.root, theme: County.theme, output: tree.dir.path("Site"))
        let result = SiteBuilder(options: options).build()
        #expect(!result.wrote)
        #expect(result.errors.contains { $0.message.hasPrefix("the logo \"logo.svg\" cannot be published: it is not a readable SVG picture") }, "\(result.errors)")
    }

    @Test func otherPicturesArePublishedAsTheyAre() throws {
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x3C, 0x73, 0x63])
        #expect(try LogoSanitizer.publishable(png, ext: "png") == png)
    }
}
