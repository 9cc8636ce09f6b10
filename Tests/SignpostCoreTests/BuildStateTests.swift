import Foundation
import SignpostModel
import SignpostPipeline
import SignpostRender
@testable import SignpostWrite
import Testing

/// Issue 25 finding 8 (issue 22, "Nothing but the site in the output"): the list of every
/// school's contact details was written into the output as `.signpost-schools.json`, which web
/// hosts serve, even in one school's own folder. Build state now lives in `.signpost/` beside
/// the content folder, one file per output folder.
@Suite("Build state stays out of the output")
struct BuildStateTests {
    /// Every file a family could fetch: what a host would serve from the folder.
    static func hidden(_ folder: URL) -> [String] {
        snapshot(folder).keys.filter { $0.split(separator: "/").contains { $0.hasPrefix(".") } && $0 != ".signpost-site" }.sorted()
    }

    @Test func aCountyBuildKeepsItsStateBesideTheContent() throws {
        let dir = TempDir("signpost-state")
        let content = try County.copy(dir)
        #expect(County.build(content: content, output: dir.path("Site")).wrote)
        #expect(County.build(content: content, output: dir.path("Other")).wrote)
        #expect(Self.hidden(dir.path("Site")).isEmpty, "\(Self.hidden(dir.path("Site")))")
        let first = SchoolSummaries.stateFile(content: content, output: dir.path("Site"))
        let second = SchoolSummaries.stateFile(content: content, output: dir.path("Other"))
        #expect(first != second)
        #expect(first.deletingLastPathComponent() == dir.path(".signpost").standardizedFileURL)
        #expect(SchoolSummaries.read(content: content, output: dir.path("Site"))?.schools.keys.sorted() == County.schools.sorted())
        #expect(FileManager.default.fileExists(atPath: second.path))
    }

    @Test func anOldBuildsStateInTheOutputIsReadOnceAndLeftBehind() throws {
        let dir = TempDir("signpost-state")
        let content = try County.copy(dir)
        #expect(County.build(content: content, output: dir.path("Site")).wrote)
        let state = SchoolSummaries.stateFile(content: content, output: dir.path("Site"))
        try FileManager.default.moveItem(at: state, to: dir.path("Site").appendingPathComponent(SchoolSummaries.fileName))
        #expect(SchoolSummaries.read(content: content, output: dir.path("Site"))?.schools.count == 3)
        #expect(County.build(content: content, output: dir.path("Site")).wrote)
        #expect(!FileManager.default.fileExists(atPath: dir.path("Site").appendingPathComponent(SchoolSummaries.fileName).path))
        #expect(FileManager.default.fileExists(atPath: state.path))
    }

    @Test func oneSchoolsFolderHoldsOnlyThatSchool() throws {
        let dir = TempDir("signpost-state")
        let content = try County.copy(dir)
        var options = County.options(content: content, output: dir.path("Site"))
        options.urls = SiteURLs(.oneSchool("elm-high"))
        #expect(SiteBuilder(options: options).build().wrote)
        #expect(Self.hidden(dir.path("Site")).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: dir.path(".signpost").path))
        for (path, data) in snapshot(dir.path("Site")) where path.hasSuffix(".html") || path.hasSuffix(".json") || path.hasSuffix(".xml") {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("Oak First School") && !text.contains("Ash First School"), "\(path)")
        }
    }
}
