import Foundation
import SignpostModel
import SignpostPipeline
import Testing

/// Pieces made from an entry's own files are rendered once for every school that lists the
/// entry as the library has it (`PieceSharing`). Sharing may only change how often a piece is
/// rendered, never what a page shows.
@Suite("Sharing across schools")
struct SharingTests {
    /// The fixture county plus: four more schools listing library agencies unchanged (one with
    /// its own level names, one changing an agency), and Elm High with its own footer note and links.
    static func syntheticCounty(_ dir: TempDir) throws -> URL {
        let content = try County.copy(dir)
        let extra = [
            ("birch-first", "level_names:\n  targeted: If we cannot help\n", "agencies: [nspcc, samaritans, camhs, pcso]"),
            ("cedar-high", "", "agencies: all"),
            ("hazel-first", "", "agencies: [nspcc, childline, family-front-door, young-carers]"),
            ("rowan-middle", "", "agencies: all\nexclude: [childline]"),
        ]
        for (id, levels, agencies) in extra {
            let school = content.appendingPathComponent("schools/\(id)")
            try FileManager.default.createDirectory(at: school, withIntermediateDirectories: true)
            try "---\nname: \(id.capitalized) School\narea: shire\nphone: \"01905 700000\"\npeople:\n  - name: Kim Lee\n    roles: [dsl]\n\(levels)\(agencies)\n---\nWelcome.\n"
                .write(to: school.appendingPathComponent("school.md"), atomically: true, encoding: .utf8)
        }
        let change = content.appendingPathComponent("schools/hazel-first/agencies")
        try FileManager.default.createDirectory(at: change, withIntermediateDirectories: true)
        try "---\ncost: £5 a term\n---\n".write(to: change.appendingPathComponent("nspcc.md"), atomically: true, encoding: .utf8)
        try County.edit(content.appendingPathComponent("schools/elm-high/school.md")) {
            $0.replacingOccurrences(of: "\n---\n", with: "\nfooter_note: Elm's own footer note.\nlinks:\n  - label: Elm's SEND report\n    url: https://elm.example.org/send\n---\n")
        }
        return content
    }

    @Test func sharingOnAndOffWriteTheSameBytes() throws {
        let dir = TempDir()
        let content = try Self.syntheticCounty(dir)
        var on = County.options(content: content, output: dir.path("on"))
        on.sharing = true
        var off = County.options(content: content, output: dir.path("off"))
        off.sharing = false
        let a = SiteBuilder(options: on).build(), b = SiteBuilder(options: off).build()
        #expect(a.wrote && b.wrote, "\(a.errors) \(b.errors)")
        let shared = snapshot(dir.path("on")), alone = snapshot(dir.path("off"))
        #expect(shared.count > 120)
        let different = County.differences(shared, alone)
        #expect(different.isEmpty, "pages differ with sharing on and off: \(different.prefix(5))")
        // The county really varies where sharing could go wrong.
        #expect(County.page(dir.path("on"), "hazel-first/agencies/nspcc/index.html").contains("£5 a term"))
        #expect(!County.page(dir.path("on"), "cedar-high/agencies/nspcc/index.html").contains("£5 a term"))
        #expect(County.page(dir.path("on"), "birch-first/agencies/camhs/index.html").contains(">If we cannot help</a>"))
        #expect(County.page(dir.path("on"), "elm-high/agencies/nspcc/index.html").contains("<p>Elm's own footer note.</p>"))
        #expect(!County.page(dir.path("on"), "cedar-high/agencies/nspcc/index.html").contains("Elm's"))
    }

    /// The entry itself on its page (the main part before the school's "Get help now" box).
    static func main(_ site: URL, _ path: String) -> String {
        let page = County.page(site, path)
        return page.components(separatedBy: "<main").dropFirst().first?.components(separatedBy: "<div class=\"help-column\">").first ?? ""
    }

    @Test func schoolsListingAnEntryUnchangedShowTheSameTextAndAChangeShowsOnlyAtItsSchool() throws {
        let dir = TempDir()
        let content = try Self.syntheticCounty(dir)
        let result = County.build(content: content, output: dir.path("Site"))
        try #require(result.wrote, "\(result.errors)")
        let site = dir.path("Site")
        let ash = Self.main(site, "ash-first/agencies/nspcc/index.html"), cedar = Self.main(site, "cedar-high/agencies/nspcc/index.html")
        let hazel = Self.main(site, "hazel-first/agencies/nspcc/index.html")
        #expect(ash.contains("NSPCC") && ash.count > 200)
        // The entry as the library has it reads the same at every school that lists it as it is...
        #expect(ash == cedar)
        // ...and a school's own change is on its page only.
        #expect(hazel.contains("£5 a term") && !ash.contains("£5 a term"))
    }
}
