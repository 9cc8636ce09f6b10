import Foundation
import SignpostModel
@testable import SignpostPipeline
import SignpostRender
@testable import SignpostWrite
import Testing

/// One school's mistake never blocks the others: an error in one school's own folder keeps that
/// school's last published pages (byte for byte, with its PDFs) while every other school is
/// built; an error in the library every school shares stops the whole build.
@Suite("One school's mistake never blocks the others")
struct IsolationTests {
    /// The county (Tests/Fixtures/county, with a web address so it has a sitemap), built once,
    /// with a PDF in Oak First's folder as the PDF stage would leave it.
    final class Built {
        let dir = TempDir("signpost-isolation")
        let content: URL
        var output: URL { dir.path("Site") }
        let before: [String: Data]

        init() throws {
            content = try County.copy(dir)
            try County.edit(content.appendingPathComponent("site.yml")) { $0 + "base_url: https://earlyhelp.example.org/\n" }
            let first = County.build(content: content, output: dir.path("Site"))
            try #require(first.wrote, "\(first.errors)")
            try Data("%PDF-1.7 Oak's handout".utf8).write(to: dir.path("Site/oak-first/oak-first-early-help-handout.pdf"))
            before = snapshot(dir.path("Site"))
        }

        func build() -> BuildResult { County.build(content: content, output: output) }

        func write(_ relative: String, _ text: String) throws {
            let file = content.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }

        func edit(_ relative: String, _ change: (String) -> String) throws { try County.edit(content.appendingPathComponent(relative), change) }

        /// What every school shows changes: a national agency's text, and Elm High's phone.
        func changeTheOthers() throws {
            try edit("agencies/nspcc.md") { $0 + "\nA sentence added after the first build.\n" }
            try edit("schools/elm-high/school.md") { $0.replacingOccurrences(of: "phone: \"01905 774421\"", with: "phone: \"01905 774499\"") }
        }

        /// The files of one school's folder, from a snapshot.
        func folder(_ school: String, _ files: [String: Data]) -> [String: Data] { files.filter { $0.key.hasPrefix(school + "/") } }
    }

    /// Ways an office can break its own school's files.
    static let breakages: [String: @Sendable (Built) throws -> Void] = [
        "settings that are not valid YAML in school.md": { try $0.edit("schools/oak-first/school.md") { $0.replacingOccurrences(of: "name: Oak First School", with: "name: [Oak First School") } },
        "an unknown agency in school.md": { try $0.edit("schools/oak-first/school.md") { $0.replacingOccurrences(of: "agencies: [nspcc,", with: "agencies: [nspcc, no-such-agency,") } },
        "a templates/ folder, which schools no longer have": { try $0.write("schools/oak-first/templates/footer.mustache", "<footer>Ours</footer>\n") },
        "an SVG logo saved as logo.png": {
            try $0.write("schools/oak-first/logo.png", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")
        },
        "a page with a Markdown shape that took minutes to read": {
            try $0.write("schools/oak-first/pages/p.md", "---\ntitle: P\n---\n" + String(repeating: "![[]()", count: 160_000) + "\n")
        },
        "a picture from another website": { try $0.edit("schools/oak-first/pages/safeguarding-policy.md") { $0 + "\n![A pixel](https://tracker.example.com/pixel.gif)\n" } },
        "a service that is not text": { try Data("---\nname: Club\n\0\0\0".utf8).write(to: $0.content.appendingPathComponent("schools/oak-first/services/breakfast-club.md")) },
        "a further page with a broken link": { try $0.edit("schools/oak-first/pages/safeguarding-policy.md") { $0 + "\nSee [the old policy](../old-policy/index.html).\n" } },
        "a topic text that is not valid YAML": { try $0.write("schools/oak-first/topics/bullying.md", "---\ntitle: [Bullying\n---\nText.\n") },
        "a change naming a level no scale has": { try $0.write("schools/oak-first/agencies/nspcc.md", "---\nlevels: [tier-9]\n---\n") },
    ]

    @Test(arguments: breakages.keys.sorted())
    func aSchoolsErrorKeepsItsLastPublishedPages(breakage: String) throws {
        let site = try Built()
        try site.changeTheOthers()
        let breakIt = try #require(Self.breakages[breakage])
        try breakIt(site)
        let result = site.build()
        #expect(!result.wrote, "the build fails: its exit code is 1")
        let messages = result.errors.map(\.description)
        let outside = result.errors.filter { !$0.file.hasPrefix("Content/schools/oak-first/") }
        #expect(!messages.isEmpty)
        #expect(outside.isEmpty, "\(messages)")
        #expect(result.kept.map(\.id) == ["oak-first"], "\(result.kept)")
        #expect(result.kept.first?.wasPublished == true)
        let note = result.keptNote ?? ""
        #expect(note.hasPrefix("Kept the last published pages of Oak First School: its files have "), "\(note)")
        #expect(result.summary.hasPrefix(note), "\(result.summary)")
        #expect(result.summary.contains("built the other 2 schools"), "\(result.summary)")

        let after = snapshot(site.output)
        let kept = site.folder("oak-first", site.before)
        #expect(kept["oak-first/oak-first-early-help-handout.pdf"] != nil && kept["oak-first/logo.png"] != nil)
        #expect(site.folder("oak-first", after) == kept, "Oak First's pages, logo and PDF are as they were")
        // The others show what changed.
        #expect(County.page(site.output, "elm-high/agencies/nspcc/index.html").contains("A sentence added after the first build."))
        #expect(County.page(site.output, "ash-first/agencies/nspcc/index.html").contains("A sentence added after the first build."))
        #expect(County.page(site.output, "elm-high/index.html").contains("01905 774499"))
        // The site-wide pages still list Oak First as it was published, and lead to its pages.
        #expect(after["index.html"] == site.before["index.html"] || County.page(site.output, "index.html").contains("oak-first/index.html"))
        #expect(County.page(site.output, "index.html").contains("Oak First School") && County.page(site.output, "index.html").contains("oak-first/index.html"))
        #expect(County.page(site.output, "accessibility/index.html").contains("Oak First School"))
        #expect(County.page(site.output, "sitemap.xml").contains("https://earlyhelp.example.org/oak-first/pages/safeguarding-policy/"))
        let state = try String(contentsOf: SchoolSummaries.stateFile(content: site.content, output: site.output), encoding: .utf8)
        #expect(state.contains("Oak First School"))
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent(SchoolSummaries.fileName).path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.dir.url.path).filter { $0.hasPrefix(".") && $0 != ".signpost" }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test func onceFixedTheSchoolIsBuiltAsAFullBuildWouldBuildIt() throws {
        let site = try Built()
        let schoolFile = site.content.appendingPathComponent("schools/oak-first/school.md")
        let original = try String(contentsOf: schoolFile, encoding: .utf8)
        try Self.breakages["settings that are not valid YAML in school.md"]!(site)
        try site.changeTheOthers()
        #expect(site.build().kept.map(\.id) == ["oak-first"])
        try original.write(to: schoolFile, atomically: true, encoding: .utf8)
        let fixed = site.build()
        #expect(fixed.wrote && fixed.kept.isEmpty, "\(fixed.errors)")
        #expect(County.page(site.output, "oak-first/agencies/nspcc/index.html").contains("A sentence added after the first build."))
        let fresh = County.build(content: site.content, output: site.dir.path("Fresh"))
        #expect(fresh.wrote)
        #expect(County.differences(snapshot(site.output), snapshot(site.dir.path("Fresh"))).isEmpty)
    }

    @Test func anErrorInTheLibraryKeepsTheWholePreviousSite() throws {
        let site = try Built()
        try site.changeTheOthers()
        try Self.breakages["an unknown agency in school.md"]!(site)
        try site.write("areas/shire/agencies/pcso.md", "---\nname: [PCSO\n---\n")
        let result = site.build()
        #expect(!result.wrote && result.kept.isEmpty)
        #expect(result.errors.contains { $0.file == "Content/areas/shire/agencies/pcso.md" })
        #expect(result.summary.hasPrefix("Build failed"), "\(result.summary)")
        #expect(snapshot(site.output) == site.before)
    }

    @Test func aSchoolNeverPublishedIsLeftOut() throws {
        let site = try Built()
        // Not a draft, and no DSL yet: an error in its own folder.
        try site.write("schools/birch-first/school.md", "---\nname: Birch First School\narea: shire\n---\nHello.\n")
        try site.changeTheOthers()
        let result = site.build()
        #expect(!result.wrote)
        #expect(result.kept == [KeptSchool(id: "birch-first", name: "Birch First School", errors: result.errors.count, wasPublished: false)], "\(result.kept)")
        #expect(result.keptNote?.hasPrefix("Left out Birch First School, which has not been published before: its files have") == true, "\(result.keptNote ?? "")")
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("birch-first").path))
        #expect(!County.page(site.output, "index.html").contains("Birch First"))
        #expect(County.page(site.output, "elm-high/agencies/nspcc/index.html").contains("A sentence added after the first build."))
    }

    @Test func twoSchoolsWithErrorsAreNamedInOneLine() throws {
        let site = try Built()
        try Self.breakages["an unknown agency in school.md"]!(site)
        try site.edit("schools/ash-first/school.md") { $0.replacingOccurrences(of: "agencies: [nspcc,", with: "agencies: [nspcc, nspc,") }
        let result = site.build()
        #expect(result.kept.map(\.id) == ["ash-first", "oak-first"])
        #expect(result.keptNote == "2 schools' files have errors: kept the last published pages of Ash First School (1 error) and Oak First School (1 error)")
        #expect(site.folder("ash-first", snapshot(site.output)) == site.folder("ash-first", site.before))
    }

    @Test func aLinkToAPageAKeptSchoolDoesNotHaveKeepsItsSchoolToo() throws {
        // Oak adds a page and breaks a service; Elm links to Oak's new page, which Oak's last
        // published pages do not have, so Elm is kept as well rather than publish a broken link.
        let site = try Built()
        try site.write("schools/oak-first/pages/new-page.md", "---\ntitle: New page\n---\nNew.\n")
        try Self.breakages["a service that is not text"]!(site)
        try site.edit("schools/elm-high/school.md") { $0 + "\nSee [Oak's new page](../oak-first/pages/new-page/index.html).\n" }
        let result = site.build()
        #expect(result.kept.map(\.id) == ["elm-high", "oak-first"], "\(result.kept) \(result.errors.map(\.description))")
        #expect(result.errors.contains { $0.file == "Content/schools/elm-high/school.md" && $0.message.contains("new-page") })
        #expect(site.folder("elm-high", snapshot(site.output)) == site.folder("elm-high", site.before))
    }

    @Test func aSchoolFolderNamedAfterASiteWidePageKeepsNothing() throws {
        // The error is the folder's, but nothing of the site's own `assets/` is kept as a school.
        let site = try Built()
        try FileManager.default.copyItem(at: site.content.appendingPathComponent("schools/ash-first"), to: site.content.appendingPathComponent("schools/assets"))
        try site.changeTheOthers()
        let result = site.build()
        #expect(result.kept.map(\.id) == ["assets"] && !result.kept[0].wasPublished, "\(result.kept)")
        let assets = snapshot(site.output).keys.filter { $0.hasPrefix("assets/") }.sorted()
        #expect(assets == site.before.keys.filter { $0.hasPrefix("assets/") }.sorted())
    }

    @Test func aSiteOfOneSchoolIsNotBuiltWithItsErrors() throws {
        let dir = TempDir("signpost-isolation")
        let content = try County.copy(dir)
        var options = County.options(content: content, output: dir.path("Oak"))
        options.urls = SiteURLs(.oneSchool("oak-first"))
        #expect(SiteBuilder(options: options).build().wrote)
        let before = snapshot(dir.path("Oak"))
        try County.edit(content.appendingPathComponent("schools/oak-first/school.md")) { $0.replacingOccurrences(of: "agencies: [nspcc,", with: "agencies: [nspcc, nspc,") }
        let result = SiteBuilder(options: options).build()
        #expect(!result.wrote && result.kept.isEmpty && result.summary.hasPrefix("Build failed"))
        #expect(snapshot(dir.path("Oak")) == before)
    }

    @Test func aKeptFolderIsNeverWrittenOverAPlannedPage() throws {
        let dir = TempDir()
        dir.write("live/oak-first/index.html", "old")
        dir.write("staging/oak-first/index.html", "new")
        let files = try #require(KeptFolder.files(of: "oak-first", in: dir.path("live")))
        #expect(throws: SiteWriter.WriteError.self) { try KeptFolder.copy(files, from: dir.path("live"), to: dir.path("staging")) }
        #expect(County.page(dir.path("staging"), "oak-first/index.html") == "new")
        #expect(KeptFolder.files(of: "assets", in: dir.path("live")) == nil)
    }

    @Test func thePreviewKeepsASchoolWithErrorsAndShowsTheOthersChanges() throws {
        let dir = TempDir()
        let (content, builder) = try County.previewing(dir, output: "preview")
        let before = snapshot(dir.path("preview"))
        let school = content.appendingPathComponent("schools/oak-first/school.md")
        let original = try String(contentsOf: school, encoding: .utf8)
        try County.edit(school) { $0.replacingOccurrences(of: "name: Oak First School", with: "name: [Oak First School") }
        let nspcc = content.appendingPathComponent("agencies/nspcc.md")
        try County.edit(nspcc) { $0 + "\nA sentence added while previewing.\n" }
        let broken = builder.rebuild(changed: [school.path, nspcc.path])
        #expect(!broken.wrote && broken.kept.map(\.id) == ["oak-first"], "\(broken.kept) \(broken.errors.map(\.description))")
        let during = snapshot(dir.path("preview"))
        #expect(during.filter { $0.key.hasPrefix("oak-first/") } == before.filter { $0.key.hasPrefix("oak-first/") })
        #expect(County.page(dir.path("preview"), "elm-high/agencies/nspcc/index.html").contains("A sentence added while previewing."))
        try original.write(to: school, atomically: true, encoding: .utf8)
        let fixed = builder.rebuild(changed: [school.path])
        #expect(fixed.wrote && fixed.kept.isEmpty, "\(fixed.errors)")
        #expect(County.build(content: content, output: dir.path("full")).wrote)
        #expect(County.differences(snapshot(dir.path("preview")), snapshot(dir.path("full"))).isEmpty)
    }
}

extension IsolationTests {
    /// Issue 25 finding 7: when Elm High deleted a page that Oak First links to, and Oak First
    /// was kept as last published because of its own error, Oak First's kept page linked to a
    /// page that was gone. The page is kept from the live site too, and the build says so.
    @Test func aKeptSchoolsLinkToAPageAnotherSchoolDeletedStillLeadsSomewhere() throws {
        let dir = TempDir("signpost-isolation")
        let content = try County.copy(dir)
        let output = dir.path("Site")
        func write(_ relative: String, _ text: String) throws {
            let file = content.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        try write("schools/elm-high/pages/uniform.md", "---\ntitle: Uniform help\n---\n\nAsk the office about uniform.\n")
        try County.edit(content.appendingPathComponent("schools/oak-first/pages/safeguarding-policy.md")) {
            $0 + "\nSee [Elm High's uniform help](../../../elm-high/pages/uniform/index.html).\n"
        }
        let first = County.build(content: content, output: output)
        try #require(first.wrote, "\(first.errors)")
        try #require(FileManager.default.fileExists(atPath: output.appendingPathComponent("elm-high/pages/uniform/index.html").path))

        try FileManager.default.removeItem(at: content.appendingPathComponent("schools/elm-high/pages/uniform.md"))
        try County.edit(content.appendingPathComponent("schools/oak-first/school.md")) { $0.replacingOccurrences(of: "agencies: [nspcc,", with: "agencies: [nspcc, no-such-agency,") }
        let result = County.build(content: content, output: output)
        #expect(result.kept.map(\.id) == ["oak-first"], "\(result.diagnostics.map(\.description))")
        #expect(County.page(output, "oak-first/pages/safeguarding-policy/index.html").contains("elm-high/pages/uniform/index.html"))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("elm-high/pages/uniform/index.html").path),
                "the page Oak First's kept page links to is still there")
        let warning = result.diagnostics.first { $0.severity == .warning && $0.message.contains("elm-high/pages/uniform/index.html") }
        #expect(warning?.file == "Content/schools/elm-high", "\(result.diagnostics.map(\.description))")
        #expect(warning?.message.contains("oak-first") == true)

        // Once Oak First is fixed, the old page goes.
        try County.edit(content.appendingPathComponent("schools/oak-first/school.md")) { $0.replacingOccurrences(of: "no-such-agency, ", with: "") }
        try County.edit(content.appendingPathComponent("schools/oak-first/pages/safeguarding-policy.md")) {
            $0.replacingOccurrences(of: "\nSee [Elm High's uniform help](../../../elm-high/pages/uniform/index.html).\n", with: "")
        }
        let fixed = County.build(content: content, output: output)
        #expect(fixed.wrote, "\(fixed.errors)")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("elm-high/pages/uniform/index.html").path))
    }
}
