import Foundation
import SignpostLoad
import SignpostModel
import SignpostPipeline
import SignpostResolve
import SignpostValidate
import Testing

/// `Tests/Fixtures/two-counties`: Worcestershire and a synthetic second county, Severnshire
/// (four tiers Universal, Community, Specialist, Acute; a "Front Door"; CYPS; early help teams
/// in six districts; a named PCSO; a referral-only service; a draft school; month dates).
struct TwoCounties {
    static let fixture = Paths.fixtures.appendingPathComponent("two-counties")
    static let theme = Paths.fixtures.appendingPathComponent("two-areas/theme")
    static let today = Day("2026-11-22")!

    /// A copy to change, removed with the value.
    let dir = TempDir("two-counties")
    var content: URL { dir.path("Content") }

    init() {
        try! FileManager.default.copyItem(at: TwoCounties.fixture.appendingPathComponent("Content"), to: content)
    }

    func write(_ relative: String, _ text: String) { dir.write("Content/" + relative, text) }

    func read(_ relative: String) -> String { try! String(contentsOf: content.appendingPathComponent(relative), encoding: .utf8) }

    /// Replaces text in a file, failing the test if it is not there.
    func edit(_ relative: String, _ old: String, _ new: String) {
        let text = read(relative)
        #expect(text.contains(old), "\(relative) has no \(old)")
        write(relative, text.replacingOccurrences(of: old, with: new))
    }

    static func options(content: URL = fixture.appendingPathComponent("Content"), output: URL? = nil) -> BuildOptions {
        var options = BuildOptions(content: content, theme: theme,
                                   output: output ?? FileManager.default.temporaryDirectory.appendingPathComponent("unused-\(UUID().uuidString)"),
                                   contentDisplay: "Content", themeDisplay: "theme")
        options.today = today
        options.parallel = false
        return options
    }

    /// What `check` reports (drafts included, their gaps as warnings).
    static func check(_ content: URL = fixture.appendingPathComponent("Content")) -> (SiteBuilder.Prepared, DiagnosticLog) {
        var options = options(content: content)
        options.includeDrafts = true
        let log = DiagnosticLog()
        return (SiteBuilder(options: options).prepare(log: log), log)
    }

    /// Resolving alone does not soften the draft school's (hazel-primary's) errors.
    static func isDrafts(_ finding: Diagnostic) -> Bool { finding.file.hasPrefix("Content/schools/hazel-primary/") }

    static func resolve(_ content: URL = fixture.appendingPathComponent("Content")) -> (ResolvedSite, DiagnosticLog) {
        let log = DiagnosticLog()
        let loaded = ContentLoader(root: content, displayRoot: "Content").load(log: log)
        return (OverrideResolver(content: loaded).resolve(log: log), log)
    }
}

@Suite("Levels that travel between counties")
struct LevelScaleTests {
    @Test func theFixtureIsValidInBothCounties() {
        let (prepared, log) = TwoCounties.check()
        #expect(log.errors.isEmpty, "\(log.summary)")
        #expect(Set(prepared.site.schools.map(\.school.id)) == ["oak-first", "willow-primary", "hazel-primary"])
    }

    /// The same national files, no edit: each county shows them at its own level.
    @Test func aNationalAgencyIsPlacedAtEachCountysOwnLevel() throws {
        let (site, _) = TwoCounties.resolve()
        let oak = try #require(site.school("oak-first"))
        let willow = try #require(site.school("willow-primary"))
        #expect(oak.agency("nspcc")?.levels == ["specialist"])
        #expect(willow.agency("nspcc")?.levels == ["acute"])
        // "Specialist" is Worcestershire's top level but Severnshire's third.
        #expect(oak.agency("prevent")?.levels == ["targeted"])
        #expect(willow.agency("prevent")?.levels == ["specialist"])
        #expect(oak.agency("samaritans")?.levels == ["universal"])
        #expect(willow.agency("samaritans")?.levels == ["universal"])
        // Area files keep their area's ids.
        #expect(willow.agency("front-door")?.levels == ["acute"])
        // The place a value was written stays the national file (for messages and explain).
        #expect(willow.agency("nspcc")?.fields.levels?.file == "Content/agencies/nspcc.md")
    }

    @Test func oneAreaLevelMayCoverSeveralNationalLevels() throws {
        let county = TwoCounties()
        county.edit("areas/severnshire/area.md", "    national: intensive\n", "    national: [intensive, protection]\n")
        county.edit("areas/severnshire/area.md", "    national: protection\n", "")
        let (site, log) = TwoCounties.resolve(county.content)
        #expect(log.errors.allSatisfy(TwoCounties.isDrafts), "\(log.summary)")
        #expect(site.school("willow-primary")?.agency("nspcc")?.levels == ["specialist"])
    }

    @Test func aMissingMappingIsNamedWithItsFix() throws {
        let county = TwoCounties()
        county.edit("areas/severnshire/area.md", "    national: early-help\n", "")
        let (_, log) = TwoCounties.check(county.content)
        let error = try #require(log.errors(in: "Content/areas/severnshire/area.md").first, "\(log.summary)")
        #expect(error.message == "the national level `early-help` has no place among Severnshire's levels")
        #expect(error.suggestion == "add `national: early-help` to one of them")
        #expect(error.line == 14) // the `levels:` line
        #expect(log.errors.count == 1, "\(log.summary)")
    }

    @Test func anAreasLevelIdInANationalFileIsExplained() throws {
        let county = TwoCounties()
        county.edit("agencies/nspcc.md", "levels: [protection]", "levels: [specialist]")
        let (_, log) = TwoCounties.check(county.content)
        let error = try #require(log.errors(containing: "unknown national level").first, "\(log.summary)")
        #expect(error.file == "Content/agencies/nspcc.md")
        #expect(error.line == 4)
        #expect(error.suggestion?.contains("is a level of Severnshire only") == true)
        #expect(error.suggestion?.contains("everyone, early-help, intensive, protection") == true)
        #expect(log.errors.count == 1, "\(log.summary)")
    }

    @Test func aMisspeltNationalLevelSuggests() throws {
        let county = TwoCounties()
        county.edit("areas/severnshire/area.md", "    national: early-help\n", "    national: earlyhelp\n")
        let (_, log) = TwoCounties.check(county.content)
        let error = try #require(log.errors(containing: "unknown national level \"earlyhelp\"").first, "\(log.summary)")
        #expect(error.file == "Content/areas/severnshire/area.md")
        #expect(error.line == 22)
        #expect(error.suggestion == "did you mean \"early-help\"?")
    }

    @Test func withoutAScaleNationalMustNotBeWritten() throws {
        let county = TwoCounties()
        try FileManager.default.removeItem(at: county.content.appendingPathComponent("levels.yml"))
        let (_, log) = TwoCounties.check(county.content)
        #expect(log.errors(containing: "there is no national scale").count == 8, "\(log.summary)")
    }

    /// Without levels.yml, national agencies name the areas' ids (one county's content keeps
    /// working); when an area lacks one, the message points to the national scale.
    @Test func withoutAScaleAnAreaLackingANationalLevelPointsToTheScale() throws {
        let tree = ContentTree()
        tree.write("areas/northshire/area.md", ContentTree.area(name: "Northshire", levels: ["tier-1", "tier-2"]))
        tree.write("schools/north-high/school.md", ContentTree.school(name: "North High", area: "northshire"))
        let (site, log) = tree.resolve()
        ReferenceValidator(today: TwoCounties.today).validate(site, log: log)
        let error = try #require(log.errors(in: "Content/agencies/samaritans.md").first, "\(log.summary)")
        #expect(error.message == "unknown level of need \"universal\"")
        #expect(error.suggestion?.contains("add the national scale Content/levels.yml") == true)
    }

    @Test func levelPagesOfBothCountiesListTheNationalAgencies() throws {
        let output = TempDir("two-counties-site")
        let result = SiteBuilder(options: TwoCounties.options(output: output.url.appendingPathComponent("Site"))).build()
        #expect(result.wrote, "\(result.diagnostics)")
        func page(_ path: String) throws -> String {
            try String(contentsOf: output.url.appendingPathComponent("Site/\(path)"), encoding: .utf8)
        }
        #expect(try page("oak-first/levels/specialist/index.html").contains("NSPCC"))
        #expect(try page("willow-primary/levels/acute/index.html").contains("NSPCC"))
        #expect(try !page("willow-primary/levels/specialist/index.html").contains("NSPCC"))
        #expect(try page("willow-primary/levels/specialist/index.html").contains("Prevent"))
    }
}

@Suite("Draft schools")
struct DraftTests {
    @Test func aDraftsGapsAreWarnings() {
        let (_, log) = TwoCounties.check()
        let hazel = log.warnings.filter { $0.file.hasPrefix("Content/schools/hazel-primary/") }
        #expect(log.errors.isEmpty, "\(log.summary)")
        let messages = hazel.map(\.message)
        #expect(messages.contains("families have no way to reach the Designated Safeguarding Lead"), "\(log.summary)")
        #expect(messages.contains("unknown agency \"samaritan\""), "\(log.summary)")
        #expect(messages.contains("unknown level of need \"tier-2\""), "\(log.summary)")
        #expect(messages.contains("`name` is empty"), "\(log.summary)")
    }

    @Test func removingDraftMakesThemErrors() {
        let county = TwoCounties()
        county.edit("schools/hazel-primary/school.md", "draft: true\n", "")
        let (_, log) = TwoCounties.check(county.content)
        let hazel = log.errors.filter { $0.file.hasPrefix("Content/schools/hazel-primary/") }.map(\.message)
        #expect(hazel.contains("families have no way to reach the Designated Safeguarding Lead"), "\(log.summary)")
        #expect(hazel.contains("unknown agency \"samaritan\""), "\(log.summary)")
        #expect(hazel.contains("unknown level of need \"tier-2\""), "\(log.summary)")
        #expect(hazel.contains("`name` is empty"), "\(log.summary)")
    }

    @Test func buildLeavesDraftsOutAndSaysSo() throws {
        let output = TempDir("drafts-site")
        let result = SiteBuilder(options: TwoCounties.options(output: output.url.appendingPathComponent("Site"))).build()
        #expect(result.wrote, "\(result.diagnostics)")
        #expect(result.draftsLeftOut == ["Hazel Primary School"])
        #expect(result.draftsNote == "Left out 1 draft school: Hazel Primary School (remove `draft: true` from its school.md to publish it)")
        // Its gaps are `check`'s to show; the build says only that it left the school out.
        #expect(!result.diagnostics.contains { $0.file.hasPrefix("Content/schools/hazel-primary/") }, "\(result.diagnostics)")
        #expect(!FileManager.default.fileExists(atPath: output.url.appendingPathComponent("Site/hazel-primary").path))
        #expect(FileManager.default.fileExists(atPath: output.url.appendingPathComponent("Site/willow-primary/index.html").path))
        #expect(try !String(contentsOf: output.url.appendingPathComponent("Site/index.html"), encoding: .utf8).contains("Hazel"))
    }

    @Test func serveBuildsDrafts() throws {
        let output = TempDir("drafts-served")
        var options = TwoCounties.options(output: output.url.appendingPathComponent("Site"))
        options.includeDrafts = true
        // The served draft is built despite its gaps; a clean draft gives pages.
        let county = TwoCounties()
        county.edit("schools/hazel-primary/services/homework-club.md", "[tier-2]", "[community]")
        county.edit("schools/hazel-primary/school.md", "  - name: \"\"\n", "  - name: Kim Lee\n    phone: \"0117 496 0300\"\n")
        county.edit("schools/hazel-primary/school.md", "phone: \"\"\n", "")
        options.content = county.content
        let result = SiteBuilder(options: options).build()
        #expect(result.wrote, "\(result.diagnostics)")
        #expect(result.draftsLeftOut.isEmpty)
        #expect(FileManager.default.fileExists(atPath: output.url.appendingPathComponent("Site/hazel-primary/index.html").path))
        let (prepared, _) = TwoCounties.check(county.content)
        #expect(prepared.site.school("hazel-primary")?.isDraft == true)
        #expect(prepared.site.school("willow-primary")?.isDraft == false)
    }

    /// A draft whose school.md lacks even its name and area is still a draft: no error.
    @Test func aDraftWithoutNameOrArea() {
        let county = TwoCounties()
        county.write("schools/hazel-primary/school.md", "---\ndraft: true\nname:\narea:\n---\n")
        let (_, log) = TwoCounties.check(county.content)
        #expect(log.errors.isEmpty, "\(log.summary)")
        #expect(!log.warnings(in: "Content/schools/hazel-primary/school.md").isEmpty, "\(log.summary)")
    }

    @Test func aDraftsErrorsNeverStopAnotherSchool() {
        let county = TwoCounties()
        county.write("schools/hazel-primary/pages/policy.md", "---\ntitle: Policy\n---\n[broken](../missing/index.html) and ![](x.png)\n")
        county.write("schools/hazel-primary/agencies/nspcc.md", "---\nphones: [\"12345\"]\n---\n")
        let output = TempDir("drafts-others")
        var options = TwoCounties.options(content: county.content, output: output.url.appendingPathComponent("Site"))
        options.includeDrafts = true
        let result = SiteBuilder(options: options).build()
        #expect(result.errors.isEmpty, "\(result.diagnostics)")
        #expect(result.wrote)
        #expect(FileManager.default.fileExists(atPath: output.url.appendingPathComponent("Site/willow-primary/index.html").path))
    }
}
