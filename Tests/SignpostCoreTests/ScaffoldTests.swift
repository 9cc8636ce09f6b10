import Foundation
import SignpostAuthoring
import SignpostModel
import Testing

@Suite("signpost new")
struct ScaffoldTests {
    static let today = Day("2026-11-22")!

    func scaffold(_ county: TwoCounties) -> Scaffold { Scaffold(content: county.content, contentDisplay: "Content") }

    func created(_ result: Result<[String], Diagnostic>) -> [String]? {
        if case let .success(files) = result { return files }
        Issue.record("\(result)")
        return nil
    }

    func failure(_ result: Result<[String], Diagnostic>) -> Diagnostic? {
        if case let .failure(problem) = result { return problem }
        Issue.record("expected a failure, got \(result)")
        return nil
    }

    @Test func aNewAreaIsCommentedAndMapsTheNationalScale() throws {
        let county = TwoCounties()
        let files = created(scaffold(county).create(.area, name: "Gloucestershire", area: nil, school: nil))
        #expect(files == ["Content/areas/gloucestershire/area.md"])
        let text = county.read("areas/gloucestershire/area.md")
        #expect(text.contains("name: \"Gloucestershire\""))
        #expect(text.contains("get_help_now:"))
        #expect(text.contains("safeguarding_partnership:"))
        for id in ["everyone", "early-help", "intensive", "protection"] { #expect(text.contains("    national: \(id)\n")) }
        // The county's own words for what to do, ready to write over the national scale's.
        #expect(text.contains("    # what_to_do: Contact the service yourself.\n"))
        // Only the blanks to fill in are reported, all in the new file; no national level lacks a place.
        let (_, log) = TwoCounties.check(county.content)
        let new = log.all.filter { $0.file == "Content/areas/gloucestershire/area.md" }
        #expect(!new.isEmpty)
        #expect(new.allSatisfy { $0.message.contains("empty") || $0.message.contains("not filled in") }, "\(log.summary)")
        #expect(log.all.filter { !$0.file.hasPrefix("Content/schools/hazel-primary/") && $0.file != "Content/areas/gloucestershire/area.md" }.isEmpty, "\(log.summary)")
    }

    @Test func aNewSchoolTakesItsExamplesFromItsArea() throws {
        let county = TwoCounties()
        _ = created(scaffold(county).create(.school, name: "St Example Primary", area: "severnshire", school: nil, today: ScaffoldTests.today))
        let text = county.read("schools/st-example-primary/school.md")
        #expect(text.contains("draft: true\n"))
        #expect(text.contains("area: severnshire"))
        #expect(text.contains("e.g. 0117 123 4567"), "the example phone has the area's own code")
        #expect(!text.contains("01905"))
        #expect(text.contains("#   community: Community\n") && text.contains("#   acute: Acute\n"))
        #expect(!text.contains("additional"))
        #expect(text.contains("reviewed:  "), "reviewed is left empty")
        #expect(!text.contains(ScaffoldTests.today.iso), "no review that never happened")
        #expect(!FileManager.default.fileExists(atPath: county.content.appendingPathComponent("schools/st-example-primary/services").path))
        // A draft: check reports only warnings, and the rest of the site is still clean.
        let (_, log) = TwoCounties.check(county.content)
        #expect(log.errors.isEmpty, "\(log.summary)")
        #expect(!log.warnings(in: "Content/schools/st-example-primary/school.md").isEmpty)
    }

    @Test func anAreaWithoutLocalNumbersGetsNeutralExamples() throws {
        let county = TwoCounties()
        county.edit("areas/severnshire/area.md", "    phone: \"0117 496 0000\"\n", "")
        county.edit("areas/severnshire/area.md", "    phone: \"0117 496 0001\"\n", "")
        _ = created(scaffold(county).create(.school, name: "New School", area: "severnshire", school: nil))
        #expect(county.read("schools/new-school/school.md").contains("e.g. 01632 960000"))
    }

    @Test func aMissingOrUnknownAreaListsTheAreas() throws {
        let county = TwoCounties()
        let missing = try #require(failure(scaffold(county).create(.school, name: "X", area: nil, school: nil)))
        #expect(missing.suggestion == "areas are: severnshire, worcestershire")
        let unknown = try #require(failure(scaffold(county).create(.school, name: "X", area: "gloucestershire", school: nil)))
        #expect(unknown.message == "there is no area \"gloucestershire\"")
        #expect(unknown.suggestion == "areas are: severnshire, worcestershire")
        let typo = try #require(failure(scaffold(county).create(.school, name: "X", area: "severnshir", school: nil)))
        #expect(typo.suggestion == "did you mean \"severnshire\"? (areas are: severnshire, worcestershire)")
    }

    /// `signpost new agency --area ../../..` wrote outside Content/.
    @Test(arguments: ["../../..", "..", "worcestershire/../..", "/tmp", "Worcestershire", ""])
    func namesThatAreNotIdsAreRefused(area: String) throws {
        let county = TwoCounties()
        let before = snapshot(county.dir.url)
        #expect(failure(scaffold(county).create(.agency, name: "Escape", area: area, school: nil)) != nil)
        #expect(failure(scaffold(county).create(.school, name: "Escape", area: area, school: nil)) != nil)
        #expect(failure(scaffold(county).create(.service, name: "Escape", area: nil, school: area)) != nil)
        #expect(snapshot(county.dir.url) == before)
        #expect(!FileManager.default.fileExists(atPath: county.dir.url.deletingLastPathComponent().appendingPathComponent("agencies/escape.md").path))
    }

    @Test func aNameWithNothingToMakeAnIdFromIsRefused() throws {
        let county = TwoCounties()
        #expect(failure(scaffold(county).create(.agency, name: "../..", area: nil, school: nil))?.message.contains("no letters or digits") == true)
        // Dots and slashes in a real name only become hyphens.
        #expect(created(scaffold(county).create(.agency, name: "A/B ../Help", area: nil, school: nil)) == ["Content/agencies/a-b-help.md"])
    }

    @Test func aNewAgencyOffersTheRightLevels() throws {
        let county = TwoCounties()
        _ = created(scaffold(county).create(.agency, name: "Kidz Klub", area: nil, school: nil))
        _ = created(scaffold(county).create(.agency, name: "Food Bank", area: "severnshire", school: nil))
        _ = created(scaffold(county).create(.service, name: "Homework Club", area: nil, school: "willow-primary"))
        #expect(county.read("agencies/kidz-klub.md").contains("any of: everyone, early-help, intensive, protection"))
        #expect(county.read("areas/severnshire/agencies/food-bank.md").contains("any of: universal, community, specialist, acute"))
        #expect(county.read("schools/willow-primary/services/homework-club.md").contains("any of: universal, community, specialist, acute"))
        // Every setting of the table is there, to fill in or as a note.
        let agency = county.read("agencies/kidz-klub.md")
        for field in EntryField.all where field.use.contains(.agency) && !field.addsToLibrary { #expect(agency.contains("\(field.key):"), "\(field.key)") }
        // A new agency changes no library agency: it has nothing to add to.
        #expect(!agency.contains("add_phones"))
        let (_, log) = TwoCounties.check(county.content)
        let files = Set(log.all.map(\.file)).subtracting(log.all.filter { $0.file.hasPrefix("Content/schools/hazel-primary/") }.map(\.file))
        #expect(files.isSubset(of: ["Content/agencies/kidz-klub.md", "Content/areas/severnshire/agencies/food-bank.md",
                                    "Content/schools/willow-primary/services/homework-club.md"]), "\(log.summary)")
    }

    @Test func anExistingFileIsNeverOverwritten() throws {
        let county = TwoCounties()
        let before = county.read("agencies/nspcc.md")
        let problem = try #require(failure(scaffold(county).create(.agency, name: "NSPCC", area: nil, school: nil)))
        #expect(problem.message.contains("already exists"))
        #expect(county.read("agencies/nspcc.md") == before)
    }
}

/// Issue 25 finding 4: `signpost new school "Accessibility"` made `schools/accessibility`,
/// which `check` then refused, and names with line breaks or terminal codes wrote files that
/// failed `check`.
@Suite("signpost new refuses names the site cannot use")
struct ScaffoldNameTests {
    @Test(arguments: ["Accessibility", "assets", "Index", "404", "Sitemap", " accessibility! "])
    func aSchoolCannotTakeANameTheSiteUses(name: String) throws {
        let county = TwoCounties()
        let result = Scaffold(content: county.content, contentDisplay: "Content").create(.school, name: name, area: "severnshire", school: nil)
        guard case let .failure(problem) = result else { Issue.record("\(name) was created: \(result)"); return }
        #expect(problem.message.contains("the site already uses for its own pages"), "\(problem.message)")
        #expect(problem.suggestion?.contains("accessibility, assets, index, sitemap") == true || problem.suggestion?.contains("404, accessibility") == true)
        let schools = try FileManager.default.contentsOfDirectory(atPath: county.content.appendingPathComponent("schools").path)
        #expect(!schools.contains(Slug.make(name)))
    }

    @Test(arguments: ["Oak\nFirst", "Oak\r\nFirst", "Oak \u{1B}[31mFirst", "Oak\u{7}First", "Oak\u{202E}First", "Oak\u{2028}First", "Oak\tFirst\u{0}"])
    func aNameWithControlCharactersIsRefused(name: String) throws {
        let county = TwoCounties()
        for kind in [Scaffold.Kind.school, .area, .agency] {
            let result = Scaffold(content: county.content, contentDisplay: "Content").create(kind, name: name, area: kind == .school ? "severnshire" : nil, school: nil)
            guard case let .failure(problem) = result else { Issue.record("\(kind) \(name.debugDescription) was created"); continue }
            #expect(problem.message.contains("line break or an invisible control character"), "\(problem.message)")
            #expect(!problem.message.contains("\u{1B}") && !problem.message.contains("\n"))
        }
    }

    @Test func anOrdinaryNameIsStillCreated() {
        let county = TwoCounties()
        let result = Scaffold(content: county.content, contentDisplay: "Content").create(.school, name: "Accessibility Academy", area: "severnshire", school: nil)
        guard case .success = result else { Issue.record("\(result)"); return }
    }
}
