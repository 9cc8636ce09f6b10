import Foundation
import SignpostModel
import SignpostPipeline
import SignpostWrite
import Testing

@Suite("SiteWriter")
struct WriterTests {
    @Test(arguments: ["../x", "/etc/passwd", "a/../../b", "", "a//b", "a/", "/", "./index.html", "a/./b",
                      "a\\..\\b", "school/index.html\0", "café/index.html", "a b/index.html", "..", "a/..", "a/."])
    func unsafeRelativePathsAreRejected(path: String) {
        #expect(throws: SiteWriter.WriteError.self) { try SiteWriter.validate(relativePath: path) }
    }

    @Test(arguments: ["index.html", "404.html", "accessibility/index.html", "oak-first/agencies/camhs-west/index.html",
                      "assets/fonts/source_sans.woff2", "sitemap.xml", "a/.../index.html", ".well-known/x"])
    func plainRelativePathsAreAccepted(path: String) throws {
        try SiteWriter.validate(relativePath: path)
    }

    @Test func writeRefusesToEscapeStaging() throws {
        let dir = TempDir()
        #expect(throws: SiteWriter.WriteError.self) {
            try SiteWriter.write(Data("x".utf8), to: "../escaped.html", in: dir.path("staging"))
        }
        #expect(!FileManager.default.fileExists(atPath: dir.path("escaped.html").path))
    }

    @Test func checkOutputRefusesContentFolderAndItsParents() throws {
        let dir = TempDir()
        let content = dir.path("project/Content")
        let theme = dir.path("project/Themes/default")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: theme, withIntermediateDirectories: true)
        for output in [content, dir.path("project"), dir.url, dir.path("project/Themes"), theme, content.appendingPathComponent("Site"),
                       dir.path("project/Content/../Content")] {
            #expect(throws: SiteWriter.WriteError.self, "\(output.path)") {
                try SiteWriter(output: output).checkOutput(protecting: [content, theme])
            }
        }
        try SiteWriter(output: dir.path("project/Site")).checkOutput(protecting: [content, theme])
        try SiteWriter(output: dir.path("project/Content-site")).checkOutput(protecting: [content, theme])
    }

    @Test func checkOutputRefusesRoot() {
        #expect(throws: SiteWriter.WriteError.self) {
            try SiteWriter(output: URL(fileURLWithPath: "/")).checkOutput(protecting: [])
        }
    }

    @Test func checkOutputSeesThroughSymlinks() throws {
        let dir = TempDir()
        let content = dir.path("Content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        let link = dir.path("Site")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: content)
        #expect(throws: SiteWriter.WriteError.self) {
            try SiteWriter(output: link).checkOutput(protecting: [content])
        }
    }

    @Test func commitReplacesTheOldSite() throws {
        let dir = TempDir()
        let output = dir.path("Site")
        let writer = SiteWriter(output: output)
        let first = try writer.makeStaging()
        try SiteWriter.write(Data("one".utf8), to: "index.html", in: first)
        try SiteWriter.write(Data("old".utf8), to: "old/index.html", in: first)
        try writer.commit(first)
        let second = try writer.makeStaging()
        try SiteWriter.write(Data("two".utf8), to: "index.html", in: second)
        try writer.commit(second)
        #expect(snapshot(output) == ["index.html": Data("two".utf8), SiteLayout.markerName: Data(SiteLayout.markerText.utf8)])
        // No staging or old folders are left beside the output.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.url.path).filter { $0 != "Site" }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }
}

@Suite("SiteBuilder")
struct BuildTests {
    static let today = Day("2026-11-22")!
    static let fixture = Paths.fixtures.appendingPathComponent("two-areas")

    func options(content: URL, theme: URL, output: URL) -> BuildOptions {
        var options = BuildOptions(content: content, theme: theme, output: output, contentDisplay: "Content", themeDisplay: "theme")
        options.today = BuildTests.today
        return options
    }

    /// Copies the committed two-area fixture into a temp folder, so tests can change it.
    func copyFixture() throws -> TempDir {
        let dir = TempDir("signpost-build")
        try FileManager.default.copyItem(at: BuildTests.fixture.appendingPathComponent("Content"), to: dir.path("Content"))
        try FileManager.default.copyItem(at: BuildTests.fixture.appendingPathComponent("theme"), to: dir.path("theme"))
        return dir
    }

    func read(_ url: URL) -> String { (try? String(contentsOf: url, encoding: .utf8)) ?? "" }

    @Test func twoAreaSiteBuildsEveryPage() throws {
        let dir = TempDir("signpost-build")
        let output = dir.path("Site")
        let result = SiteBuilder(options: options(content: BuildTests.fixture.appendingPathComponent("Content"),
                                                  theme: BuildTests.fixture.appendingPathComponent("theme"), output: output)).build()
        #expect(result.errors.isEmpty, "\(result.diagnostics.map(\.description).joined(separator: "\n"))")
        #expect(result.wrote)
        #expect(result.schools == 2)
        let files = Set(snapshot(output).keys)
        let expected: Set<String> = [
            "index.html", "404.html", "accessibility/index.html", "sitemap.xml", "assets/style.css",
            "oak-first/index.html", "oak-first/handout/index.html",
            "oak-first/levels/universal/index.html", "oak-first/levels/additional/index.html",
            "oak-first/levels/targeted/index.html", "oak-first/levels/specialist/index.html",
            "oak-first/topics/mental-health/index.html", "oak-first/topics/bullying/index.html",
            "oak-first/agencies/samaritans/index.html", "oak-first/agencies/camhs-west/index.html",
            "oak-first/agencies/family-front-door/index.html",
            "oak-first/services/breakfast-club/index.html",
            "oak-first/pages/safeguarding-policy/index.html",
            "pine-high/index.html", "pine-high/handout/index.html",
            "pine-high/levels/tier-1/index.html", "pine-high/levels/tier-2/index.html", "pine-high/levels/tier-3/index.html",
            "pine-high/topics/mental-health/index.html", "pine-high/topics/bullying/index.html",
            "pine-high/agencies/samaritans/index.html", "pine-high/agencies/north-helpline/index.html",
        ]
        #expect(expected.subtracting(files).isEmpty, "missing: \(expected.subtracting(files).sorted())")
        // Excluded, other-area and unlisted agencies get no page.
        #expect(!files.contains("oak-first/agencies/refuge/index.html"))
        #expect(!files.contains("oak-first/agencies/north-helpline/index.html"))
        #expect(!files.contains("pine-high/agencies/camhs-west/index.html"))
        #expect(!files.contains("pine-high/levels/universal/index.html"))
        #expect(result.pages == files.filter { $0.hasSuffix(".html") }.count)

        // Template values are HTML-escaped.
        let oak = read(output.appendingPathComponent("oak-first/index.html"))
        #expect(oak.contains("Oak &lt;b&gt;&amp; First School"), "\(oak)")
        #expect(!oak.contains("<b>&"))
        let index = read(output.appendingPathComponent("index.html"))
        #expect(index.contains("Oak &lt;b&gt;&amp; First School"))
        #expect(!index.contains("<b>&"))
        #expect(index.contains("Pine High School"))
        #expect(index.contains("(Northshire)"))

        // The school's own level names, per area.
        #expect(oak.contains("Everyone (Universal)"))
        let pine = read(output.appendingPathComponent("pine-high/index.html"))
        #expect(pine.contains("Everyone here"))
        #expect(pine.contains("Tier two"))
        #expect(!pine.contains("Universal"))
        #expect(read(output.appendingPathComponent("pine-high/levels/tier-2/index.html")).contains("North Helpline"))

        // The override: new cost, library phones, appended body.
        let camhs = read(output.appendingPathComponent("oak-first/agencies/camhs-west/index.html"))
        #expect(camhs.contains("Ask the school office"))
        #expect(camhs.contains("tel:01905768020"))
        #expect(camhs.contains("Child and adolescent mental health services."))
        #expect(camhs.contains("ask Mrs Smith to make the referral"))

        // Markdown is rendered, phone numbers linked, headings anchored.
        #expect(oak.contains("<a href=\"tel:01905772740\">01905 772740</a>"))
        let policy = read(output.appendingPathComponent("oak-first/pages/safeguarding-policy/index.html"))
        #expect(policy.contains("<h2 id=\"introduction\">"))
        #expect(policy.contains("<a href=\"#contacts\">Contacts</a>"))

        // Sensitive topic pages get the exit button; a brand colour too light for white text is darkened.
        #expect(read(output.appendingPathComponent("oak-first/topics/bullying/index.html")).contains("We do not tolerate bullying."))
        #expect(oak.contains("--brand: #"))
        #expect(!oak.contains("--brand: #ffdd00"))
        #expect(result.warnings.contains { $0.file == "Content/schools/oak-first/school.md" && $0.message.contains("contrast") })

        let sitemap = read(output.appendingPathComponent("sitemap.xml"))
        #expect(sitemap.contains("<loc>https://earlyhelp.example.org/oak-first/</loc>"))
        #expect(!sitemap.contains("404"))
        #expect(read(output.appendingPathComponent("oak-first/handout/index.html")).contains("<svg"))

        // Relative links work from any depth.
        let level = read(output.appendingPathComponent("oak-first/levels/targeted/index.html"))
        #expect(level.contains("href=\"../../../oak-first/agencies/camhs-west/index.html\""), "\(level)")
    }

    @Test func buildIsDeterministic() throws {
        let dir = TempDir("signpost-build")
        let content = BuildTests.fixture.appendingPathComponent("Content")
        let theme = BuildTests.fixture.appendingPathComponent("theme")
        let a = SiteBuilder(options: options(content: content, theme: theme, output: dir.path("A"))).build()
        var serial = options(content: content, theme: theme, output: dir.path("B"))
        serial.parallel = false
        let b = SiteBuilder(options: serial).build()
        #expect(a.wrote && b.wrote)
        #expect(snapshot(dir.path("A")) == snapshot(dir.path("B")))
    }

    @Test func failedBuildLeavesThePreviousSiteUntouched() throws {
        let dir = try copyFixture()
        let output = dir.path("Site")
        let builder = SiteBuilder(options: options(content: dir.path("Content"), theme: dir.path("theme"), output: output))
        let first = builder.build()
        #expect(first.wrote, "\(first.diagnostics.map(\.description))")
        let before = snapshot(output)
        #expect(before.count > 20)

        // Break the content: invalid YAML in the national library, which every school shows.
        let library = try String(contentsOf: dir.path("Content/agencies/samaritans.md"), encoding: .utf8)
        dir.write("Content/agencies/samaritans.md", "---\nname: \"Samaritans\nphones: [\"116 123\"]\n---\n")
        let second = builder.build()
        #expect(!second.wrote)
        #expect(second.pages == 0)
        #expect(second.errors.contains { $0.file == "Content/agencies/samaritans.md" }, "\(second.diagnostics.map(\.description))")
        #expect(second.summary.hasPrefix("Build failed"))
        #expect(snapshot(output) == before)
        dir.write("Content/agencies/samaritans.md", library)

        // A broken link in Markdown fails the build too, still without touching the site.
        dir.write("Content/schools/pine-high/school.md", "---\nname: Pine High School\narea: northshire\nphone: \"0113 496 0100\"\npeople:\n  - name: Sam Jones\n    roles: [dsl]\n---\n[Policy](file:///U:/policy.pdf)\n")
        let third = builder.build()
        #expect(!third.wrote)
        #expect(third.errors.contains { $0.message.contains("file:///U:/policy.pdf") }, "\(third.diagnostics.map(\.description))")
        #expect(snapshot(output) == before)

        // No staging folders are left beside the output.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.url.path).filter { $0.hasPrefix(".") && $0 != ".signpost" }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test func missingTemplateFailsWithoutWriting() throws {
        let dir = try copyFixture()
        let output = dir.path("Site")
        try FileManager.default.removeItem(at: dir.path("theme/templates/handout.mustache"))
        let result = SiteBuilder(options: options(content: dir.path("Content"), theme: dir.path("theme"), output: output)).build()
        #expect(!result.wrote)
        #expect(result.errors.contains { $0.message.contains("handout.mustache") })
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func buildRefusesToWriteOverContent() throws {
        let dir = try copyFixture()
        let before = snapshot(dir.path("Content"))
        let result = SiteBuilder(options: options(content: dir.path("Content"), theme: dir.path("theme"), output: dir.path("Content"))).build()
        #expect(!result.wrote)
        #expect(!result.errors.isEmpty)
        #expect(snapshot(dir.path("Content")) == before)
    }
}
