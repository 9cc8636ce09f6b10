import Foundation
import Testing
@testable import SignpostCore

/// The real seed content with the default theme: what families will actually get.
@Suite("Seed site")
struct SeedSiteTests {
    static let content = Paths.repoRoot.appendingPathComponent("Content")
    static let theme = Paths.repoRoot.appendingPathComponent("Themes/default")

    /// A copy of Content/ that a test may change.
    static func copyOfContent(_ dir: TempDir) throws -> URL {
        let copy = dir.path("Content")
        try FileManager.default.copyItem(at: content, to: copy)
        return copy
    }

    /// Build options for the seed theme on a fixed day, so review-date warnings do not drift.
    static func options(content: URL, output: URL, parallel: Bool = true) -> BuildOptions {
        var options = BuildOptions(content: content, theme: theme, output: output, contentDisplay: "Content")
        options.parallel = parallel
        options.today = Day(year: 2026, month: 11, day: 22)
        return options
    }

    /// A copy of Content/ with a preview builder that has done its first, full build into `output`.
    static func previewing(_ dir: TempDir, output: String) throws -> (content: URL, builder: IncrementalBuilder) {
        let content = try copyOfContent(dir)
        let builder = IncrementalBuilder(options: options(content: content, output: dir.path(output)))
        let first = builder.build()
        try #require(first.wrote, "\(first.errors)")
        return (content, builder)
    }

    static func build(content: URL, output: URL, parallel: Bool = true) -> BuildResult {
        SiteBuilder(options: options(content: content, output: output, parallel: parallel)).build()
    }

    @Test func serialAndParallelBuildsAreByteIdentical() throws {
        // cmark-gfm's parser is not thread-safe; parsing is serialised behind a lock. This is the proof.
        let dir = TempDir()
        let serial = Self.build(content: Self.content, output: dir.path("serial"), parallel: false)
        let parallel = Self.build(content: Self.content, output: dir.path("parallel"), parallel: true)
        #expect(serial.wrote && parallel.wrote, "\(serial.errors) \(parallel.errors)")
        let a = snapshot(dir.path("serial")), b = snapshot(dir.path("parallel"))
        #expect(a.count > 200)
        #expect(a.keys.sorted() == b.keys.sorted())
        let different = a.keys.filter { a[$0] != b[$0] }
        #expect(different.isEmpty, "pages differ between serial and parallel builds: \(different.prefix(5))")
    }

    @Test func baseURLAddsSitemapAndHandoutQRCodes() throws {
        let dir = TempDir()
        let content = try Self.copyOfContent(dir)
        try "title: Test\nbase_url: https://earlyhelp.example.org/offers\nlanguage: en-GB\n".write(to: content.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
        let result = Self.build(content: content, output: dir.path("Site"))
        #expect(result.wrote, "\(result.errors)")
        let sitemap = try String(contentsOf: dir.path("Site/sitemap.xml"), encoding: .utf8)
        #expect(sitemap.contains("<loc>https://earlyhelp.example.org/offers/westlands-first/</loc>"))
        #expect(!sitemap.contains("404"))
        for school in ["droitwich-spa-high", "westlands-first", "stoke-prior-first"] {
            let handout = try String(contentsOf: dir.path("Site/\(school)/handout/index.html"), encoding: .utf8)
            #expect(handout.contains("<svg class=\"qr\" role=\"img\""), "\(school) handout has no QR code")
            #expect(handout.contains("https://earlyhelp.example.org/offers/\(school)/"))
        }
    }

    @Test func withoutBaseURLThereIsNoSitemapOrQRCode() throws {
        let dir = TempDir()
        #expect(Self.build(content: Self.content, output: dir.path("Site")).wrote)
        #expect(!FileManager.default.fileExists(atPath: dir.path("Site/sitemap.xml").path))
        let handout = try String(contentsOf: dir.path("Site/westlands-first/handout/index.html"), encoding: .utf8)
        #expect(!handout.contains("<svg class=\"qr\""))
    }

    @Test func exitThisPageOnlyOnSensitivePages() throws {
        let dir = TempDir()
        #expect(Self.build(content: Self.content, output: dir.path("Site")).wrote)
        func page(_ path: String) throws -> String { try String(contentsOf: dir.path("Site/" + path), encoding: .utf8) }
        for sensitive in ["westlands-first/topics/domestic-abuse/index.html", "droitwich-spa-high/topics/sexual-violence/index.html",
                          "stoke-prior-first/topics/fgm-honour-based-abuse/index.html", "droitwich-spa-high/topics/exploitation/index.html",
                          "westlands-first/agencies/west-mercia-womens-aid/index.html"] {
            let html = try page(sensitive)
            #expect(html.contains("Exit this page") && html.contains("exit-page.js"), "\(sensitive) has no Exit this page")
        }
        for ordinary in ["westlands-first/topics/bullying/index.html", "westlands-first/index.html", "index.html"] {
            let html = try page(ordinary)
            #expect(!html.contains("exit-page.js"), "\(ordinary) should not have Exit this page")
        }
    }

    @Test func getHelpNowComesFromTheAreaNotTheTemplate() throws {
        let dir = TempDir()
        let content = try Self.copyOfContent(dir)
        let area = content.appendingPathComponent("areas/worcestershire/area.md")
        let text = try String(contentsOf: area, encoding: .utf8)
        try text.replacingOccurrences(of: "01905 822666", with: "01905 999888").write(to: area, atomically: true, encoding: .utf8)
        #expect(Self.build(content: content, output: dir.path("Site")).wrote)
        for path in ["westlands-first/index.html", "stoke-prior-first/agencies/samaritans/index.html", "droitwich-spa-high/handout/index.html"] {
            let html = try String(contentsOf: dir.path("Site/" + path), encoding: .utf8)
            #expect(html.contains("tel:01905999888"), "\(path) does not show the area's front door number")
            #expect(html.contains("tel:999"))
        }
    }

    @Test func paleBrandColourIsDarkenedWithAWarning() throws {
        let dir = TempDir()
        let content = try Self.copyOfContent(dir)
        let school = content.appendingPathComponent("schools/westlands-first/school.md")
        let text = try String(contentsOf: school, encoding: .utf8)
        try text.replacingOccurrences(of: "\nphase:", with: "\ncolour: \"#ffdd00\"\nphase:").write(to: school, atomically: true, encoding: .utf8)
        let result = Self.build(content: content, output: dir.path("Site"))
        #expect(result.wrote)
        let warning = try #require(result.warnings.first { $0.file == "Content/schools/westlands-first/school.md" && $0.message.contains("contrast") })
        #expect(warning.line == 3)
        let html = try String(contentsOf: dir.path("Site/westlands-first/index.html"), encoding: .utf8)
        let used = try #require(html.firstMatch(of: /--brand: (#[0-9a-f]{6})/)).1
        #expect(try #require(BrandColour(hex: String(used))).contrastWithWhite >= 4.5)
        #expect(String(used) != "#ffdd00")
    }
}
