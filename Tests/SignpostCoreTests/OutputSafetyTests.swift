import Foundation
import SignpostModel
import SignpostPipeline
import SignpostWrite
import Synchronization
import Testing

/// What `--output` may replace, the names a school may not take, and how a build swaps in.
@Suite("Output safety")
struct OutputSafetyTests {
    static let fixture = Paths.fixtures.appendingPathComponent("two-areas")

    func options(_ dir: TempDir, output: String = "Site") -> BuildOptions {
        var options = BuildOptions(content: dir.path("Content"), theme: dir.path("theme"), output: dir.path(output),
                                   contentDisplay: "Content", themeDisplay: "theme")
        options.today = Day("2026-11-22")!
        return options
    }

    func copyFixture() throws -> TempDir {
        let dir = TempDir("signpost-output")
        try FileManager.default.copyItem(at: Self.fixture.appendingPathComponent("Content"), to: dir.path("Content"))
        try FileManager.default.copyItem(at: Self.fixture.appendingPathComponent("theme"), to: dir.path("theme"))
        return dir
    }

    func describe(_ result: BuildResult) -> String { result.diagnostics.map(\.description).joined(separator: "\n") }

    // MARK: --output

    @Test func everyBuildCarriesTheMarkerAndTheSitemapDoesNotListIt() throws {
        let dir = try copyFixture()
        let result = SiteBuilder(options: options(dir)).build()
        #expect(result.wrote, "\(describe(result))")
        let marker = dir.path("Site/\(SiteLayout.markerName)")
        #expect(try String(contentsOf: marker, encoding: .utf8) == SiteLayout.markerText)
        let sitemap = try String(contentsOf: dir.path("Site/sitemap.xml"), encoding: .utf8)
        #expect(!sitemap.contains("signpost-site"))
        // The marker lets the next build replace the site.
        #expect(SiteBuilder(options: options(dir)).build().wrote)
    }

    @Test func aFolderSignpostDidNotMakeIsNeverReplaced() throws {
        let dir = try copyFixture()
        dir.write("Sources/main.swift", "print(1)")
        dir.write("Sources/.git/HEAD", "ref: refs/heads/main")
        let before = snapshot(dir.path("Sources"))
        let result = SiteBuilder(options: options(dir, output: "Sources")).build()
        #expect(!result.wrote)
        let error = try #require(result.errors.first)
        #expect(error.message.contains("refusing to replace Sources"), "\(error)")
        #expect(error.message.contains("choose an empty or new folder"), "\(error)")
        #expect(error.message.contains("delete Sources yourself if you are sure"), "\(error)")
        #expect(snapshot(dir.path("Sources")) == before)
    }

    @Test func emptyMissingAndMarkedFoldersMayBeReplaced() throws {
        let dir = TempDir()
        try FileManager.default.createDirectory(at: dir.path("empty"), withIntermediateDirectories: true)
        dir.write("marked/\(SiteLayout.markerName)", SiteLayout.markerText)
        dir.write("marked/old-school/index.html", "old")
        for name in ["empty", "missing", "marked"] {
            try SiteWriter(output: dir.path(name)).checkOutput(protecting: [])
        }
    }

    @Test func aFileOrALinkNamedLikeTheMarkerDoesNotCount() throws {
        let dir = TempDir()
        dir.write("file", "not a folder")
        dir.write("secret.txt", "mine")
        dir.write("linked/notes.txt", "mine")
        try FileManager.default.createSymbolicLink(atPath: dir.path("linked/\(SiteLayout.markerName)").path,
                                                   withDestinationPath: dir.path("secret.txt").path)
        for name in ["file", "linked"] {
            #expect(throws: SiteWriter.WriteError.self, "\(name)") { try SiteWriter(output: dir.path(name)).checkOutput(protecting: []) }
        }
        // A link to a folder is judged by where it leads.
        try FileManager.default.createSymbolicLink(atPath: dir.path("Site").path, withDestinationPath: dir.path("linked").path)
        #expect(throws: SiteWriter.WriteError.self) { try SiteWriter(output: dir.path("Site")).checkOutput(protecting: []) }
    }

    /// A site from before the marker: accepted by its exact shape only, once.
    @Test func anUnmarkedSiteOfExactlySignpostsShapeIsAccepted() throws {
        let dir = TempDir()
        for file in ["index.html", "404.html", "sitemap.xml", "accessibility/index.html", "assets/style.css",
                     "oak-first/index.html", "oak-first/handout/index.html", "oak-first/agencies/nspcc/index.html"] {
            dir.write("Site/\(file)", "x")
        }
        try SiteWriter(output: dir.path("Site")).checkOutput(protecting: [])
        // Anything else at its root, hidden or not, means someone keeps things there.
        for extra in [".git/HEAD", "CNAME", "notes/readme.txt", "Oak/index.html"] {
            dir.write("Site/\(extra)", "x")
            #expect(throws: SiteWriter.WriteError.self, "\(extra)") { try SiteWriter(output: dir.path("Site")).checkOutput(protecting: []) }
            dir.remove("Site/\(extra.split(separator: "/")[0])")
        }
        // Without its site-wide pages it is not a Signpost site.
        dir.remove("Site/404.html")
        #expect(throws: SiteWriter.WriteError.self) { try SiteWriter(output: dir.path("Site")).checkOutput(protecting: []) }
    }

    // MARK: Reserved names

    @Test(arguments: ["accessibility", "assets", "404", "index", "sitemap"])
    func aSchoolFolderMayNotTakeASiteWideName(name: String) throws {
        let dir = try copyFixture()
        let first = SiteBuilder(options: options(dir)).build()
        #expect(first.wrote, "\(describe(first))")
        let before = snapshot(dir.path("Site"))
        // A copy: the school under the reserved name is left out (never published), the others built as they were.
        try FileManager.default.copyItem(at: dir.path("Content/schools/pine-high"), to: dir.path("Content/schools/\(name)"))
        let result = SiteBuilder(options: options(dir)).build()
        #expect(!result.wrote)
        #expect(result.kept.map(\.id) == [name] && result.kept.allSatisfy { !$0.wasPublished }, "\(result.kept)")
        let error = try #require(result.errors.first { $0.file == "Content/schools/\(name)/school.md" }, "\(describe(result))")
        #expect(error.message.contains("the school folder is named \"\(name)\""))
        #expect(error.suggestion?.contains("rename the folder Content/schools/\(name)") == true)
        #expect(snapshot(dir.path("Site")) == before)
    }

    @Test func everySiteWideRootEntryIsReserved() {
        for name in SiteLayout.siteWide {
            let stem = String(name.split(separator: ".")[0])
            #expect(SiteLayout.reservedSchoolNames.contains(stem), "\(name)")
        }
    }

    @Test func twoPagesPlannedAtOnePathAreAnErrorNotAnOverwrite() throws {
        let dir = TempDir()
        let paths = ["index.html", "accessibility/index.html", "oak-first/index.html", "accessibility/index.html"]
        #expect(throws: SiteWriter.WriteError.self) { try SiteWriter.makeFolders(for: paths, in: dir.url) }
        try SiteWriter.write(Data("first".utf8), to: "assets/style.css", in: dir.url)
        #expect(throws: SiteWriter.WriteError.self) { try SiteWriter.write(Data("second".utf8), to: "assets/style.css", in: dir.url) }
        #expect(try String(contentsOf: dir.path("assets/style.css"), encoding: .utf8) == "first")
    }
}
