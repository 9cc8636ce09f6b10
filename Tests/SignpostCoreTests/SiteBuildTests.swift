import Foundation
import SignpostModel
import SignpostRender
import Testing

/// Whole builds of the fixture county with the default theme: what families get.
@Suite("Site builds")
struct SiteBuildTests {
    @Test func serialAndParallelBuildsAreByteIdentical() throws {
        // cmark-gfm's parser is not thread-safe; parsing is serialised behind a lock. This is the proof.
        let dir = TempDir()
        let content = try County.copy(dir)
        // More schools than cores, each with its own Markdown, so the threads overlap.
        for index in 1...8 {
            try FileManager.default.copyItem(at: content.appendingPathComponent("schools/oak-first"),
                                             to: content.appendingPathComponent("schools/oak-\(index)"))
            try County.edit(content.appendingPathComponent("schools/oak-\(index)/school.md")) {
                $0.replacingOccurrences(of: "name: Oak First School", with: "name: Oak \(index) School") + "\n## Copy \(index)\n\nA *table*:\n\n| a | b |\n| - | - |\n| \(index) | x |\n"
            }
        }
        let serial = County.build(content: content, output: dir.path("serial"), parallel: false)
        let parallel = County.build(content: content, output: dir.path("parallel"), parallel: true)
        #expect(serial.wrote && parallel.wrote, "\(serial.errors) \(parallel.errors)")
        let a = snapshot(dir.path("serial")), b = snapshot(dir.path("parallel"))
        #expect(a.count > 200)
        let different = County.differences(a, b)
        #expect(different.isEmpty, "pages differ between serial and parallel builds: \(different.prefix(5))")
    }

    @Test func baseURLAddsSitemapAndHandoutQRCodes() throws {
        let dir = TempDir()
        let content = try County.copy(dir)
        try "title: Test\nbase_url: https://earlyhelp.example.org/offers/\nlanguage: en-GB\n".write(to: content.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
        let result = County.build(content: content, output: dir.path("Site"))
        #expect(result.wrote, "\(result.errors)")
        let sitemap = try String(contentsOf: dir.path("Site/sitemap.xml"), encoding: .utf8)
        #expect(sitemap.contains("<loc>https://earlyhelp.example.org/offers/oak-first/</loc>"))
        #expect(sitemap.contains("<loc>https://earlyhelp.example.org/offers/oak-first/agencies/nspcc/</loc>"))
        #expect(!sitemap.contains("404"))
        for school in County.schools {
            let handout = County.page(dir.path("Site"), "\(school)/handout/index.html")
            #expect(handout.contains("<svg class=\"qr\" role=\"img\""), "\(school) handout has no QR code")
            #expect(handout.contains("https://earlyhelp.example.org/offers/\(school)/"))
        }
        #expect(County.page(dir.path("Site"), "oak-first/levels/universal/index.html")
            .contains("<link rel=\"canonical\" href=\"https://earlyhelp.example.org/offers/oak-first/levels/universal/\">"))
    }

    @Test func withoutBaseURLThereIsNoSitemapOrQRCode() throws {
        let dir = TempDir()
        #expect(County.build(content: County.content, output: dir.path("Site")).wrote)
        #expect(!FileManager.default.fileExists(atPath: dir.path("Site/sitemap.xml").path))
        #expect(!County.page(dir.path("Site"), "oak-first/handout/index.html").contains("<svg class=\"qr\""))
        #expect(!County.page(dir.path("Site"), "oak-first/index.html").contains("rel=\"canonical\""))
    }

    @Test func exitThisPageOnlyOnSensitivePages() throws {
        let dir = TempDir()
        #expect(County.build(content: County.content, output: dir.path("Site")).wrote)
        // Domestic abuse is sensitive: its topic pages, the pages of entries under it, and the
        // offer page, its levels and its A to Z, which list them.
        for sensitive in ["oak-first/topics/domestic-abuse/index.html", "ash-first/topics/domestic-abuse/index.html",
                          "elm-high/agencies/domestic-abuse-helpline/index.html", "oak-first/agencies/family-front-door/index.html",
                          "oak-first/index.html", "oak-first/levels/universal/index.html", "oak-first/a-z/index.html"] {
            let html = County.page(dir.path("Site"), sensitive)
            #expect(html.contains("Exit this page") && html.contains("exit-page.js"), "\(sensitive) has no Exit this page")
        }
        for ordinary in ["oak-first/topics/bullying/index.html", "oak-first/about.html", "index.html", "oak-first/agencies/nspcc/index.html"] {
            #expect(!County.page(dir.path("Site"), ordinary).contains("exit-page.js"), "\(ordinary) should not have Exit this page")
        }
    }

    @Test func getHelpNowComesFromTheAreaNotTheTemplate() throws {
        let dir = TempDir()
        let content = try County.copy(dir)
        try County.edit(content.appendingPathComponent("areas/shire/area.md")) { $0.replacingOccurrences(of: "01905 822666", with: "01905 999888") }
        #expect(County.build(content: content, output: dir.path("Site")).wrote)
        for path in ["oak-first/index.html", "ash-first/agencies/nspcc/index.html", "elm-high/handout/index.html", "index.html"] {
            let html = County.page(dir.path("Site"), path)
            #expect(html.contains("tel:01905999888"), "\(path) does not show the area's front door number")
            #expect(html.contains("tel:999"))
        }
        // A school's safeguarding team follows the area's lines, on its own number if it has one.
        #expect(County.page(dir.path("Site"), "ash-first/index.html").contains("Ash First School safeguarding team"))
        #expect(County.page(dir.path("Site"), "ash-first/index.html").contains("tel:01527832599"))
    }

    @Test func paleBrandColourIsDarkenedWithAWarning() throws {
        let dir = TempDir()
        let content = try County.copy(dir)
        try County.edit(content.appendingPathComponent("schools/oak-first/school.md")) {
            $0.replacingOccurrences(of: "colour: \"#1d5fa0\"", with: "colour: \"#ffdd00\"")
        }
        let result = County.build(content: content, output: dir.path("Site"))
        #expect(result.wrote)
        let warning = try #require(result.warnings.first { $0.file == "Content/schools/oak-first/school.md" && $0.message.contains("contrast") })
        #expect(warning.line == 8)
        let html = County.page(dir.path("Site"), "oak-first/index.html")
        let used = try #require(html.firstMatch(of: /--brand: (#[0-9a-f]{6})/)).1
        #expect(try #require(BrandColour(hex: String(used))).contrastWithWhite >= 4.5)
        #expect(String(used) != "#ffdd00")
    }

    @Test func aSchoolsLogoIsCopiedAndShownInItsHeader() throws {
        let dir = TempDir()
        #expect(County.build(content: County.content, output: dir.path("Site")).wrote)
        #expect(FileManager.default.fileExists(atPath: dir.path("Site/oak-first/logo.png").path))
        #expect(County.page(dir.path("Site"), "oak-first/levels/universal/index.html")
            .contains("<img class=\"site-logo\" src=\"../../../oak-first/logo.png\" alt=\"Oak First School&#39;s acorn\">"))
    }
}
