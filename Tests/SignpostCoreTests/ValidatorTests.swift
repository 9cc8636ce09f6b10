import Foundation
import SignpostModel
import SignpostValidate
import Testing

@Suite("ReferenceValidator")
struct ValidatorTests {
    static let today = Day("2026-11-22")!
    let schoolFile = "Content/schools/test-first/school.md"

    func validate(_ tree: ContentTree) -> DiagnosticLog {
        let (site, log) = tree.resolve()
        ReferenceValidator(today: ValidatorTests.today).validate(site, log: log)
        return log
    }

    @Test func validTreeHasNoFindings() {
        let log = validate(ContentTree())
        #expect(log.all.isEmpty, "\(log.summary)")
    }

    @Test func missingDSL() throws {
        let tree = ContentTree(school: """
        ---
        name: Test First School
        area: worcs
        phone: "01905 772740"
        people:
          - name: Jane Smith
            roles: [headteacher]
        agencies: all
        ---
        """)
        let log = validate(tree)
        let error = try #require(log.errors(in: schoolFile).first, "\(log.summary)")
        #expect(error.message.contains("Designated Safeguarding Lead"))
    }

    @Test func dslWithNoWayToReach() throws {
        let tree = ContentTree(school: """
        ---
        name: Test First School
        area: worcs
        people:
          - name: Jane Smith
            roles: [dsl]
        agencies: all
        ---
        """)
        let log = validate(tree)
        let error = try #require(log.errors(in: schoolFile).first, "\(log.summary)")
        #expect(error.message.contains("no way to reach"))
        #expect(error.line == 5)
    }

    @Test func dslReachableThroughSchoolPhone() {
        let tree = ContentTree(school: """
        ---
        name: Test First School
        area: worcs
        phone: "01905 772740"
        people:
          - name: Jane Smith
            roles: [dsl]
        agencies: all
        ---
        """)
        let log = validate(tree)
        #expect(!log.hasErrors, "\(log.summary)")
    }

    @Test func agencyWithNoContact() throws {
        let tree = ContentTree()
        tree.write("agencies/no-contact.md", "---\nname: No Contact\nsummary: Nothing to call.\n---\n")
        let log = validate(tree)
        let errors = log.errors(in: "Content/agencies/no-contact.md")
        #expect(errors.count == 1, "\(log.summary)")
        #expect(errors.first?.message.contains("no way to contact") == true)
    }

    @Test func overrideThatRemovesAllContactsIsBlamed() throws {
        let tree = ContentTree()
        tree.write("schools/test-first/agencies/mentor-link.md", "---\nemails: []\n---\n")
        let log = validate(tree)
        #expect(log.errors(in: "Content/schools/test-first/agencies/mentor-link.md").first?.message.contains("no way to contact") == true,
                "\(log.summary)")
    }

    @Test func unknownTopicSuggests() throws {
        let tree = ContentTree()
        tree.write("agencies/childline.md", "---\nname: Childline\nphones: [\"0800 1111\"]\ntopics: [mental-helth, bullying]\n---\n")
        let log = validate(tree)
        let error = try #require(log.errors(containing: "unknown topic").first, "\(log.summary)")
        #expect(error.file == "Content/agencies/childline.md")
        #expect(error.line == 4)
        #expect(error.message.contains("mental-helth"))
        #expect(error.suggestion == "did you mean \"mental-health\"?")
        #expect(log.errors.count == 1)
    }

    @Test func unknownLevelSuggests() throws {
        let tree = ContentTree()
        tree.write("areas/worcs/agencies/childline.md", "---\nname: Childline\nphones: [\"0800 1111\"]\nlevels: [universl]\n---\n")
        let log = validate(tree)
        let error = try #require(log.errors(containing: "unknown level of need").first, "\(log.summary)")
        #expect(error.file == "Content/areas/worcs/agencies/childline.md")
        #expect(error.suggestion == "did you mean \"universal\"?")
        #expect(log.errors.count == 1)
    }

    @Test func libraryProblemReportedOnceForManySchools() throws {
        let tree = ContentTree()
        tree.write("agencies/childline.md", "---\nname: Childline\ntopics: [nonsense-topic]\n---\n")
        for index in 1...3 {
            tree.write("schools/school-\(index)/school.md", ContentTree.school(name: "School \(index)"))
        }
        let log = validate(tree)
        #expect(log.errors(containing: "nonsense-topic").count == 1, "\(log.summary)")
        #expect(log.errors(containing: "no way to contact").count == 1, "\(log.summary)")
    }

    @Test func servicePeopleMustBeSchoolPeople() throws {
        let tree = ContentTree()
        tree.write("schools/test-first/services/breakfast-club.md", "---\nname: Breakfast Club\npeople: [Jane Smyth]\n---\n")
        let log = validate(tree)
        let error = try #require(log.errors(containing: "unknown person").first, "\(log.summary)")
        #expect(error.suggestion == "did you mean \"Jane Smith\"?")
    }

    @Test func pastNextReviewWarns() throws {
        let tree = ContentTree(school: ContentTree.school(extra: "reviewed: 2025-09-01\nnext_review: 2026-09-01"))
        let log = validate(tree)
        #expect(!log.hasErrors, "\(log.summary)")
        let warning = try #require(log.warnings(in: schoolFile).first, "\(log.summary)")
        #expect(warning.message.contains("1 September 2026"))
        #expect(warning.line == 11)
        #expect(log.warnings.count == 1)
    }

    @Test func futureNextReviewIsQuiet() {
        let tree = ContentTree(school: ContentTree.school(extra: "reviewed: 2026-09-01\nnext_review: 2027-09-01"))
        let log = validate(tree)
        #expect(log.all.isEmpty, "\(log.summary)")
    }

    @Test func schoolReviewedOverAYearAgoWarns() throws {
        let tree = ContentTree(school: ContentTree.school(extra: "reviewed: 2025-11-21"))
        let log = validate(tree)
        let warning = try #require(log.warnings(in: schoolFile).first, "\(log.summary)")
        #expect(warning.message.contains("over a year ago"))
    }

    @Test func schoolReviewedExactlyAYearAgoIsQuiet() {
        let tree = ContentTree(school: ContentTree.school(extra: "reviewed: 2025-11-22"))
        let log = validate(tree)
        #expect(log.all.isEmpty, "\(log.summary)")
    }

    @Test func reviewedInTheFutureWarns() throws {
        let tree = ContentTree(school: ContentTree.school(extra: "reviewed: 2027-01-01\nnext_review: 2028-01-01"))
        let log = validate(tree)
        #expect(log.warnings(containing: "in the future").count == 1, "\(log.summary)")
    }

    @Test func agencyReviewedOverAYearAgoWarns() throws {
        let tree = ContentTree()
        tree.write("agencies/childline.md", "---\nname: Childline\nphones: [\"0800 1111\"]\nreviewed: 2025-01-01\n---\n")
        let log = validate(tree)
        let warning = try #require(log.warnings(in: "Content/agencies/childline.md").first, "\(log.summary)")
        #expect(warning.message.contains("over a year ago"))
        #expect(warning.line == 4)
    }

    @Test func agencyReviewedRecentlyIsQuiet() {
        let tree = ContentTree()
        tree.write("agencies/childline.md", "---\nname: Childline\nphones: [\"0800 1111\"]\nreviewed: 2026-06-01\n---\n")
        let log = validate(tree)
        #expect(log.all.isEmpty, "\(log.summary)")
    }

    /// A national agency whose level only exists in one of two areas: whether it is reported
    /// must not depend on the alphabetical order of the schools that list it.
    @Test func findingsDoNotDependOnSchoolOrder() throws {
        func run(firstSchoolArea: String, secondSchoolArea: String) -> [String] {
            let tree = ContentTree()
            tree.remove("schools/test-first")
            tree.write("areas/northshire/area.md", ContentTree.area(name: "Northshire", levels: ["tier-1", "tier-2"]))
            tree.write("schools/school-a/school.md", ContentTree.school(name: "Alpha School", area: firstSchoolArea))
            tree.write("schools/school-b/school.md", ContentTree.school(name: "Beta School", area: secondSchoolArea))
            let log = validate(tree)
            return log.all.map { "\($0.file):\($0.line): \($0.message)" }
        }
        let one = run(firstSchoolArea: "worcs", secondSchoolArea: "northshire")
        let two = run(firstSchoolArea: "northshire", secondSchoolArea: "worcs")
        #expect(one == two)
    }
}
