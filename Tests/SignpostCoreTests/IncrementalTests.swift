import Foundation
import Testing
@testable import SignpostCore

/// An incremental rebuild must write exactly what a full build of the same content writes,
/// while re-rendering only the pages that show the saved file.
@Suite("Incremental rebuilds")
struct IncrementalTests {
    func edit(_ file: URL, _ change: (String) -> String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        try change(text).write(to: file, atomically: true, encoding: .utf8)
    }

    @Test(arguments: [
        "agencies/samaritans.md",                                   // a national agency: many schools
        "areas/worcestershire/agencies/family-front-door.md",       // an area agency
        "schools/droitwich-spa-high/agencies/mentor-link.md",       // one school's override
        "schools/westlands-first/services/breakfast-club.md",       // one school's service
        "areas/worcestershire/topics/fgm-honour-based-abuse.md",    // a shared topic text
    ])
    func rebuildMatchesAFullBuild(file: String) throws {
        let dir = TempDir()
        let (content, builder) = try SeedSiteTests.previewing(dir, output: "incremental")
        let changed = content.appendingPathComponent(file)
        try edit(changed) { $0 + "\n\nA sentence added while the site was being previewed.\n" }
        let rebuild = builder.rebuild(changed: [changed.standardizedFileURL.path])
        #expect(rebuild.wrote, "\(rebuild.errors)")
        #expect(rebuild.pages > 0 && rebuild.pages < 200, "re-rendered \(rebuild.pages) pages")

        let full = SeedSiteTests.build(content: content, output: dir.path("full"))
        #expect(full.wrote)
        let a = snapshot(dir.path("incremental")), b = snapshot(dir.path("full"))
        #expect(a.keys.sorted() == b.keys.sorted())
        let different = a.keys.filter { a[$0] != b[$0] }.sorted()
        #expect(different.isEmpty, "pages differ from a full build: \(different.prefix(5))")
    }

    @Test func aBrokenSaveWritesNothingAndTheNextGoodSaveRecovers() throws {
        let dir = TempDir()
        let (content, builder) = try SeedSiteTests.previewing(dir, output: "Site")
        let output = dir.path("Site")
        let before = snapshot(output)
        let file = content.appendingPathComponent("agencies/samaritans.md")
        let original = try String(contentsOf: file, encoding: .utf8)
        try "---\nname: [broken\n---\n".write(to: file, atomically: true, encoding: .utf8)
        let broken = builder.rebuild(changed: [file.standardizedFileURL.path])
        #expect(!broken.wrote && !broken.errors.isEmpty)
        #expect(snapshot(output) == before)
        try original.write(to: file, atomically: true, encoding: .utf8)
        #expect(builder.rebuild(changed: [file.standardizedFileURL.path]).wrote)
        #expect(snapshot(output) == before)
    }
}

@Suite("Incremental rebuilds: templates")
struct IncrementalTemplateTests {
    @Test func aSchoolTemplateAddedWhilePreviewingIsUsed() throws {
        let dir = TempDir()
        let (content, builder) = try SeedSiteTests.previewing(dir, output: "Site")
        let template = content.appendingPathComponent("schools/westlands-first/templates/footer.mustache")
        try FileManager.default.createDirectory(at: template.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "<footer>WESTLANDS FOOTER</footer>\n".write(to: template, atomically: true, encoding: .utf8)
        #expect(builder.rebuild(changed: [template.standardizedFileURL.path]).wrote)
        let page = try String(contentsOf: dir.path("Site/westlands-first/agencies/nspcc/index.html"), encoding: .utf8)
        #expect(page.contains("WESTLANDS FOOTER"))
    }
}
