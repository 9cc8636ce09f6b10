import Foundation
import Testing
@testable import SignpostCore

/// Pieces made from an entry's own files are rendered once for every school that lists the
/// entry as the library has it (`PieceSharing`). Sharing may only change how often a piece is
/// rendered, never what a page shows.
@Suite("Sharing across schools")
struct SharingTests {
    /// The fixture county plus: four more schools listing library agencies unchanged (one with
    /// its own level names, one changing an agency), and Elm High with its own templates.
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
        County.writeTemplates([
            "entry-card": "<li class=\"elm\"><{{card_heading}}><a href=\"{{link}}\">{{name}}</a></{{card_heading}}>{{#summary}} {{summary}}{{/summary}}</li>\n",
            "entry-details": "<p>ELM {{name}}{{#cost}}: {{cost}}{{/cost}}</p>\n",
            "footer": "<footer>Elm's own footer, {{root}}</footer>\n",
        ], for: "elm-high", in: content)
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
        #expect(County.page(dir.path("on"), "elm-high/agencies/nspcc/index.html").contains("<p>ELM NSPCC</p>"))
    }

    /// Entry pages' main parts, from two schools that list NSPCC as the library has it.
    func nspccContent(sharing: Bool) throws -> (Piece, Piece, Piece) {
        let dir = TempDir()
        let content = try Self.syntheticCounty(dir)
        let log = DiagnosticLog()
        var options = County.options(content: content, output: dir.path("unused"))
        options.sharing = sharing
        let prepared = SiteBuilder(options: options).prepare(log: log)
        try #require(!log.hasErrors, "\(log.summary)")
        func piece(_ path: String) throws -> Piece {
            let plan = try #require(prepared.plans.first { $0.path == path })
            let entry = try #require(plan.values.child(named: "entry") as? TemplateObject)
            return try #require(entry.child(named: "content_html") as? Piece)
        }
        return (try piece("ash-first/agencies/nspcc/index.html"), try piece("cedar-high/agencies/nspcc/index.html"),
                try piece("hazel-first/agencies/nspcc/index.html"))
    }

    @Test func withSharingOnSchoolsShareOnePieceAndASchoolsChangeGetsItsOwn() throws {
        let (ash, cedar, hazel) = try nspccContent(sharing: true)
        #expect(ash === cedar)
        #expect(ash !== hazel && ash != hazel)
        let (ashAlone, cedarAlone, _) = try nspccContent(sharing: false)
        #expect(ashAlone !== cedarAlone)
        // Equal, all the same: made from equal values.
        #expect(ashAlone == cedarAlone)
    }
}
