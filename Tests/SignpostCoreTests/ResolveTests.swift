import Foundation
import SignpostModel
import SignpostResolve
import Testing

@Suite("OverrideResolver and AgencyLibrary")
struct ResolveTests {
    let schoolFile = "Content/schools/test-first/school.md"

    func provenance(_ entry: ResolvedEntry) -> [String: String] {
        Dictionary(entry.fields.provenance.map { ($0.field, $0.file) }, uniquingKeysWith: { a, _ in a })
    }

    @Test func allAgenciesAreListed() throws {
        let tree = ContentTree()
        let (site, log) = tree.resolve()
        #expect(!log.hasErrors, "\(log.summary)")
        let school = try #require(site.school("test-first"))
        #expect(Set(school.agencies.map(\.id)) == ["samaritans", "nspcc", "camhs-west", "family-front-door", "mentor-link"])
        // Sorted by name for the pages.
        #expect(school.agencies.map(\.name) == ["CAMHS West", "Family Front Door", "Mentor Link", "NSPCC", "Samaritans"])
    }

    @Test func allWithExclude() throws {
        let tree = ContentTree(school: ContentTree.school(extra: "exclude: [mentor-link, nspcc]"))
        let (site, log) = tree.resolve()
        #expect(!log.hasErrors, "\(log.summary)")
        let school = try #require(site.school("test-first"))
        #expect(Set(school.agencies.map(\.id)) == ["samaritans", "camhs-west", "family-front-door"])
    }

    @Test func excludeOfUnknownIdWarns() throws {
        let tree = ContentTree(school: ContentTree.school(extra: "exclude: [mentor-lnk]"))
        let (site, log) = tree.resolve()
        let warning = try #require(log.warnings(containing: "mentor-lnk").first, "\(log.summary)")
        #expect(warning.suggestion == "did you mean \"mentor-link\"?")
        #expect(site.school("test-first")?.agency("mentor-link") != nil)
    }

    @Test func explicitListWithUnknownIdSuggests() throws {
        let tree = ContentTree(school: ContentTree.school(agencies: "[samaritans, camhs-wst]"))
        let (site, log) = tree.resolve()
        let error = try #require(log.errors(containing: "unknown agency \"camhs-wst\"").first, "\(log.summary)")
        #expect(error.suggestion == "did you mean \"camhs-west\"?")
        #expect(error.file == schoolFile)
        #expect(error.line == 9)
        #expect(site.school("test-first")?.agencies.map(\.id) == ["samaritans"])
    }

    @Test func overrideOfOneFieldKeepsTheRest() throws {
        let tree = ContentTree()
        tree.write("schools/test-first/agencies/samaritans.md", "---\ncost: £200 per term\n---\n")
        let (site, log) = tree.resolve()
        #expect(!log.hasErrors, "\(log.summary)")
        let entry = try #require(site.school("test-first")?.agency("samaritans"))
        #expect(entry.fields.cost?.value == "£200 per term")
        #expect(entry.fields.phones?.value.map(\.number) == ["116 123"])
        #expect(entry.fields.name?.value == "Samaritans")
        #expect(entry.fields.summary?.value == "Someone to talk to.")
        // An override with no text keeps the library's text.
        #expect(entry.fields.body?.value.contains("Library text about Samaritans.") == true)
        #expect(entry.sources == ["Content/agencies/samaritans.md", "Content/schools/test-first/agencies/samaritans.md"])
        let from = provenance(entry)
        #expect(from["cost"] == "Content/schools/test-first/agencies/samaritans.md")
        #expect(from["phones"] == "Content/agencies/samaritans.md")
        #expect(from["name"] == "Content/agencies/samaritans.md")
        #expect(from["text"] == "Content/agencies/samaritans.md")
    }

    @Test func overridePhonesReplaceTheWholeList() throws {
        let tree = ContentTree()
        tree.write("schools/test-first/agencies/samaritans.md", """
        ---
        phones:
          - number: 01905 123456
            label: School referral line
        ---
        """)
        let (site, log) = tree.resolve()
        #expect(!log.hasErrors, "\(log.summary)")
        let entry = try #require(site.school("test-first")?.agency("samaritans"))
        #expect(entry.fields.phones?.value.map(\.number) == ["01905 123456"])
        #expect(entry.fields.websites?.value.map(\.url) == ["https://www.samaritans.org"])
    }

    @Test func precedenceNationalAreaSchool() throws {
        let tree = ContentTree()
        // The area changes summary and cost of a national agency; the school changes cost again.
        tree.write("areas/worcs/agencies/samaritans.md", "---\nname: Samaritans\nsummary: Area summary\ncost: Area cost\n---\n")
        tree.write("schools/test-first/agencies/samaritans.md", "---\ncost: School cost\n---\n")
        let (site, log) = tree.resolve()
        #expect(!log.hasErrors, "\(log.summary)")
        let entry = try #require(site.school("test-first")?.agency("samaritans"))
        #expect(entry.fields.summary?.value == "Area summary")
        #expect(entry.fields.cost?.value == "School cost")
        #expect(entry.fields.phones?.value.first?.number == "116 123")
        #expect(entry.sources == ["Content/agencies/samaritans.md", "Content/areas/worcs/agencies/samaritans.md",
                                  "Content/schools/test-first/agencies/samaritans.md"])
        let from = provenance(entry)
        #expect(from["summary"] == "Content/areas/worcs/agencies/samaritans.md")
        #expect(from["cost"] == "Content/schools/test-first/agencies/samaritans.md")
        #expect(from["phones"] == "Content/agencies/samaritans.md")
        #expect(from["websites"] == "Content/agencies/samaritans.md")
        // Only one Samaritans, listed once.
        #expect(site.school("test-first")?.agencies.filter { $0.id == "samaritans" }.count == 1)
    }

    /// README: "an area file with the same id as a national one replaces the national one
    /// field by field" — so an area file giving only what differs must be accepted.
    @Test func areaFileChangingOneFieldOfANationalAgencyNeedsNoName() throws {
        let tree = ContentTree()
        tree.write("areas/worcs/agencies/samaritans.md", "---\ncost: Free in Worcestershire\n---\n")
        let (site, log) = tree.resolve()
        #expect(!log.hasErrors, "\(log.summary)")
        let entry = try #require(site.school("test-first")?.agency("samaritans"))
        #expect(entry.fields.cost?.value == "Free in Worcestershire")
        #expect(entry.fields.name?.value == "Samaritans")
    }

    @Test func bodyAppend() throws {
        let tree = ContentTree()
        tree.write("schools/test-first/agencies/samaritans.md", "---\nbody: append\n---\nAsk Mrs Smith.\n")
        let (site, log) = tree.resolve()
        #expect(!log.hasErrors, "\(log.summary)")
        let entry = try #require(site.school("test-first")?.agency("samaritans"))
        let body = try #require(entry.fields.body?.value)
        let library = try #require(body.range(of: "Library text about Samaritans."))
        let school = try #require(body.range(of: "Ask Mrs Smith."))
        #expect(library.upperBound <= school.lowerBound)
        #expect(entry.fields.bodyParts.map(\.file) == ["Content/agencies/samaritans.md", "Content/schools/test-first/agencies/samaritans.md"])
        #expect(entry.fields.provenance.filter { $0.field == "text" }.map(\.file)
            == ["Content/agencies/samaritans.md", "Content/schools/test-first/agencies/samaritans.md"])
    }

    @Test func bodyPrepend() throws {
        let tree = ContentTree()
        tree.write("schools/test-first/agencies/samaritans.md", "---\nbody: prepend\n---\nAsk Mrs Smith.\n")
        let (site, _) = tree.resolve()
        let entry = try #require(site.school("test-first")?.agency("samaritans"))
        let body = try #require(entry.fields.body?.value)
        let library = try #require(body.range(of: "Library text about Samaritans."))
        let school = try #require(body.range(of: "Ask Mrs Smith."))
        #expect(school.upperBound <= library.lowerBound)
        #expect(entry.fields.bodyParts.map(\.file) == ["Content/schools/test-first/agencies/samaritans.md", "Content/agencies/samaritans.md"])
    }

    @Test func bodyReplaceIsTheDefault() throws {
        let tree = ContentTree()
        tree.write("schools/test-first/agencies/samaritans.md", "---\ncost: Free\n---\nOnly the school's words.\n")
        let (site, _) = tree.resolve()
        let entry = try #require(site.school("test-first")?.agency("samaritans"))
        let body = try #require(entry.fields.body?.value)
        #expect(body.contains("Only the school's words."))
        #expect(!body.contains("Library text"))
        #expect(entry.fields.bodyParts.map(\.file) == ["Content/schools/test-first/agencies/samaritans.md"])
    }

    @Test func overrideFileAddsAgencyToTheList() throws {
        let tree = ContentTree(school: ContentTree.school(agencies: "[samaritans]"))
        tree.write("schools/test-first/agencies/nspcc.md", "---\ncost: Free\n---\n")
        let (site, log) = tree.resolve()
        #expect(!log.hasErrors, "\(log.summary)")
        #expect(Set(site.school("test-first")?.agencies.map(\.id) ?? []) == ["samaritans", "nspcc"])
    }

    @Test func overrideOfExcludedAgencyWarnsAndIsNotPublished() throws {
        let tree = ContentTree(school: ContentTree.school(extra: "exclude: [nspcc]"))
        tree.write("schools/test-first/agencies/nspcc.md", "---\ncost: Free\n---\n")
        let (site, log) = tree.resolve()
        #expect(log.warnings(in: "Content/schools/test-first/agencies/nspcc.md").count == 1, "\(log.summary)")
        #expect(site.school("test-first")?.agency("nspcc") == nil)
    }

    @Test func localOnlyAgencyRequiresName() throws {
        let tree = ContentTree()
        tree.write("schools/test-first/agencies/local-club.md", "---\nphones: [\"01905 111222\"]\n---\n")
        let (site, log) = tree.resolve()
        let error = try #require(log.errors(in: "Content/schools/test-first/agencies/local-club.md").first, "\(log.summary)")
        #expect(error.message.contains("`name:`"))
        #expect(site.school("test-first")?.agency("local-club") == nil)
    }

    @Test func localOnlyAgencyWithNameIsListed() throws {
        let tree = ContentTree(school: ContentTree.school(agencies: "[local-club]"))
        tree.write("schools/test-first/agencies/local-club.md", "---\nname: Local Club\nphones: [\"01905 111222\"]\n---\nOur club.\n")
        let (site, log) = tree.resolve()
        #expect(!log.hasErrors, "\(log.summary)")
        let entry = try #require(site.school("test-first")?.agency("local-club"))
        #expect(entry.name == "Local Club")
        #expect(entry.sources == ["Content/schools/test-first/agencies/local-club.md"])
        #expect(site.school("test-first")?.agencies.count == 1)
    }

    @Test func localOnlyAgencyNearALibraryIdHintsAtTheTypo() throws {
        let tree = ContentTree()
        tree.write("schools/test-first/agencies/samaritan.md", "---\ncost: Free\n---\n")
        let (_, log) = tree.resolve()
        let error = try #require(log.errors(in: "Content/schools/test-first/agencies/samaritan.md").first, "\(log.summary)")
        #expect(error.suggestion?.contains("samaritans") == true)
    }

    @Test func serviceWithAgencyIdClashes() throws {
        let tree = ContentTree()
        tree.write("schools/test-first/services/samaritans.md", "---\nname: Our own Samaritans\n---\n")
        let (_, log) = tree.resolve()
        #expect(!log.errors(containing: "same id as an agency").isEmpty, "\(log.summary)")
    }

    @Test func schoolLevelNamesRenameLevels() throws {
        let tree = ContentTree(school: ContentTree.school(extra: "level_names:\n  universal: Everyone (Universal)\n  targeted: If we can't help"))
        let (site, log) = tree.resolve()
        #expect(!log.hasErrors, "\(log.summary)")
        let school = try #require(site.school("test-first"))
        #expect(school.levels.map(\.id) == ["universal", "additional", "targeted", "specialist"])
        #expect(school.levels.map(\.name) == ["Everyone (Universal)", "Additional level", "If we can't help", "Specialist level"])
        // The area itself is unchanged.
        #expect(school.area.levels.first?.name == "Universal level")
    }

    @Test func unknownLevelInLevelNames() throws {
        let tree = ContentTree(school: ContentTree.school(extra: "level_names:\n  universl: Everyone"))
        let (_, log) = tree.resolve()
        let error = try #require(log.errors(containing: "universl").first, "\(log.summary)")
        #expect(error.suggestion == "did you mean \"universal\"?")
        #expect(error.line == 11)
    }

    @Test func unknownAreaSuggests() throws {
        let tree = ContentTree(school: ContentTree.school(area: "worc"))
        let (site, log) = tree.resolve()
        let error = try #require(log.errors(containing: "unknown area").first, "\(log.summary)")
        #expect(error.suggestion == "did you mean \"worcs\"?")
        #expect(error.line == 3)
        #expect(site.schools.isEmpty)
    }

    @Test func secondAreaWithItsOwnLevels() throws {
        let tree = ContentTree()
        tree.write("areas/northshire/area.md", ContentTree.area(name: "Northshire", levels: ["tier-1", "tier-2", "tier-3"]))
        tree.write("areas/northshire/agencies/north-help.md", "---\nname: North Help\nphones: [\"0113 496 0000\"]\nlevels: [tier-2]\n---\n")
        tree.write("areas/northshire/agencies/camhs-west.md", "---\nname: Northshire CAMHS\nphones: [\"0113 496 0001\"]\nlevels: [tier-3]\n---\n")
        tree.write("schools/north-high/school.md", ContentTree.school(name: "North High", area: "northshire",
                                                                       extra: "level_names:\n  tier-1: Everyone here"))
        let (site, log) = tree.resolve()
        #expect(!log.hasErrors, "\(log.summary)")
        let north = try #require(site.school("north-high"))
        #expect(north.levels.map(\.id) == ["tier-1", "tier-2", "tier-3"])
        #expect(north.levels.map(\.name) == ["Everyone here", "Tier-2 level", "Tier-3 level"])
        #expect(north.agency("north-help")?.levels == ["tier-2"])
        // Each area's library is its own: the same id means different agencies.
        #expect(north.agency("camhs-west")?.name == "Northshire CAMHS")
        #expect(site.school("test-first")?.agency("camhs-west")?.name == "CAMHS West")
        #expect(site.school("test-first")?.agency("north-help") == nil)
        #expect(north.agency("mentor-link") == nil)
        #expect(north.agency("samaritans") != nil)
    }

    @Test func resolutionIsDeterministic() throws {
        let tree = ContentTree()
        tree.write("schools/test-first/agencies/samaritans.md", "---\nbody: append\ncost: x\n---\nMore.\n")
        let (a, _) = tree.resolve()
        let (b, _) = tree.resolve()
        let describe: (ResolvedSite) -> [String] = { site in
            site.schools.flatMap { s in s.agencies.map { "\($0.id)|\($0.fields.cost?.value ?? "")|\($0.fields.body?.value ?? "")|\($0.sources)" } }
        }
        #expect(describe(a) == describe(b))
    }
}
