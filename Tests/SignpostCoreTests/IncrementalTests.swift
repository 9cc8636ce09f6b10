import Foundation
import SignpostModel
import Testing

/// An incremental rebuild must write exactly what a full build of the same content writes,
/// while re-rendering only the pages that show the saved file.
@Suite("Incremental rebuilds")
struct IncrementalTests {
    @Test(arguments: [
        "agencies/nspcc.md",                                 // a national agency: every school
        "areas/shire/agencies/family-front-door.md",         // an area agency
        "schools/elm-high/agencies/pcso.md",                 // one school's change to an agency
        "areas/shire/agencies/camhs.md",                     // an agency one school changes and others list as it is
        "schools/oak-first/services/breakfast-club.md",      // one school's service
        "areas/shire/topics/domestic-abuse.md",              // a shared topic text
    ])
    func rebuildMatchesAFullBuild(file: String) throws {
        let dir = TempDir()
        let (content, builder) = try County.previewing(dir, output: "incremental")
        let changed = content.appendingPathComponent(file)
        try County.edit(changed) { $0 + "\n\nA sentence added while the site was being previewed.\n" }
        let rebuild = builder.rebuild(changed: [changed.standardizedFileURL.path])
        #expect(rebuild.wrote, "\(rebuild.errors)")
        let all = snapshot(dir.path("incremental")).keys.filter { $0.hasSuffix(".html") }.count
        #expect(rebuild.pages > 0 && rebuild.pages < all / 2, "re-rendered \(rebuild.pages) of \(all) pages")

        let full = County.build(content: content, output: dir.path("full"))
        #expect(full.wrote)
        let different = County.differences(snapshot(dir.path("incremental")), snapshot(dir.path("full")))
        #expect(different.isEmpty, "pages differ from a full build: \(different.prefix(5))")
    }

    @Test func anEditInTheMiddleOfALongTextIsRebuilt() throws {
        // Texts hash by their length, start and end (`TemplateText`); fingerprints must still see every byte.
        let dir = TempDir()
        let (content, builder) = try County.previewing(dir, output: "incremental")
        let file = content.appendingPathComponent("areas/shire/agencies/camhs.md")
        try County.edit(file) { $0.replacingOccurrences(of: "1. Talk to the school", with: "1. Speak to the school") }
        #expect(builder.rebuild(changed: [file.standardizedFileURL.path]).wrote)
        #expect(County.page(dir.path("incremental"), "ash-first/agencies/camhs/index.html").contains("Speak to the school"))
        #expect(County.page(dir.path("incremental"), "oak-first/agencies/camhs/index.html").contains("Speak to the school"))
    }

    @Test func linksToPagesOfSchoolsNotRebuiltStillCount() throws {
        // Only Oak's pages are planned again; Elm's stay, and Oak may link to them.
        let dir = TempDir()
        let (content, builder) = try County.previewing(dir, output: "incremental")
        let oak = content.appendingPathComponent("schools/oak-first/school.md")
        try County.edit(oak) { $0 + "\nSee also [Elm's counsellor](../elm-high/services/counselling/index.html).\n" }
        let rebuild = builder.rebuild(changed: [oak.standardizedFileURL.path])
        #expect(rebuild.wrote, "\(rebuild.errors)")
        // A link to a page that is gone is still an error.
        try County.edit(oak) { $0.replacingOccurrences(of: "services/counselling/", with: "services/counsel/") }
        let broken = builder.rebuild(changed: [oak.standardizedFileURL.path])
        #expect(broken.errors.contains { $0.message.contains("../elm-high/services/counsel/index.html") })
    }

    @Test func aBrokenSaveWritesNothingAndTheNextGoodSaveRecovers() throws {
        let dir = TempDir()
        let (content, builder) = try County.previewing(dir, output: "Site")
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

    @Test func changingTheSchoolsPhoneRewritesItsFooterOnAnIncrementalRebuild() throws {
        let dir = TempDir()
        let (content, builder) = try County.previewing(dir, output: "incremental")
        let school = content.appendingPathComponent("schools/ash-first/school.md")
        try County.edit(school) { $0.replacingOccurrences(of: "phone: \"01527 832520\"", with: "phone: \"01527 832511\"") }
        let rebuild = builder.rebuild(changed: [school.standardizedFileURL.path])
        #expect(rebuild.wrote, "\(rebuild.errors)")
        let agencyPage = County.page(dir.path("incremental"), "ash-first/agencies/nspcc/index.html")
        #expect(agencyPage.contains("01527 832511") && !agencyPage.contains("01527 832520"))
        #expect(County.build(content: content, output: dir.path("full")).wrote)
        #expect(County.differences(snapshot(dir.path("incremental")), snapshot(dir.path("full"))).isEmpty)
    }
}

@Suite("Incremental rebuilds: templates")
struct IncrementalTemplateTests {
    @Test func aTemplatesFolderAddedWhilePreviewingIsReportedAndTheSchoolKept() throws {
        let dir = TempDir()
        let (content, builder) = try County.previewing(dir, output: "Site")
        let before = County.page(dir.path("Site"), "oak-first/agencies/nspcc/index.html")
        County.writeTemplates(["footer": "<footer>OAK FOOTER</footer>\n"], for: "oak-first", in: content)
        let template = content.appendingPathComponent("schools/oak-first/templates/footer.mustache")
        let result = builder.rebuild(changed: [template.standardizedFileURL.path])
        #expect(result.errors.map(\.file) == ["Content/schools/oak-first/templates/footer.mustache"], "\(result.errors)")
        #expect(result.kept.map(\.id) == ["oak-first"])
        #expect(County.page(dir.path("Site"), "oak-first/agencies/nspcc/index.html") == before)
    }
}
