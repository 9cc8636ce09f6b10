import Foundation
import SignpostLoad
import SignpostModel
import Testing

@Suite("ContentLoader")
struct LoaderTests {
    @Test func validTreeLoadsWithoutFindings() throws {
        let tree = ContentTree()
        let (content, log) = tree.load()
        #expect(log.all.isEmpty, "\(log.summary)")
        #expect(content.site.title == "Test Offers")
        #expect(content.topics.map(\.id) == ["mental-health", "bullying", "domestic-abuse"])
        #expect(content.topics.last?.sensitive == true)
        #expect(Set(content.national.keys) == ["samaritans", "nspcc"])
        #expect(Set(content.areas["worcs"].map { Array($0.agencies.keys) } ?? []) == ["camhs-west", "family-front-door", "mentor-link"])
        #expect(content.areas["worcs"]?.levels.map(\.id) == ["universal", "additional", "targeted", "specialist"])
        let school = try #require(content.schools.first)
        #expect(school.id == "test-first")
        #expect(school.name == "Test First School")
        #expect(school.people.first?.roles == ["headteacher", "dsl"])
        let samaritans = try #require(content.national["samaritans"])
        #expect(samaritans.fields.phones?.value.first?.number == "116 123")
        #expect(samaritans.fields.cost?.value == "Free")
        #expect(samaritans.file == "Content/agencies/samaritans.md")
    }

    /// A site.yml that gives only the address: the site is still titled and its pages say
    /// they are in British English (`<html lang>`), as the README promises.
    @Test func siteSettingsLeftOutTakeTheirDefaults() throws {
        let tree = ContentTree()
        tree.write("site.yml", "base_url: https://earlyhelp.example.org/\n")
        let (content, _) = tree.load()
        #expect(content.site.title == "Early Help Offers")
        #expect(content.site.language == "en-GB")
        #expect(content.site.file == "Content/site.yml")
        #expect(content.topics.allSatisfy { $0.file == "Content/topics.yml" })
        #expect(content.nationalLevelsFile == "Content/levels.yml")
    }

    @Test func unknownSchoolKeyGetsDidYouMean() throws {
        let tree = ContentTree(school: ContentTree.school(extra: "phnoe: \"01905 111222\""))
        let (_, log) = tree.load()
        let error = try #require(log.errors(containing: "unknown setting `phnoe`").first, "\(log.summary)")
        #expect(error.file == "Content/schools/test-first/school.md")
        #expect(error.suggestion == "did you mean \"phone\"?")
        // The key is written on the line after `agencies: all` (file line 10).
        #expect(error.line == 10, "\(log.summary)")
    }

    @Test func unknownAgencyKeyIsReportedWithItsLine() throws {
        let tree = ContentTree()
        tree.write("agencies/childline.md", "---\nname: Childline\nphones: [\"0800 1111\"]\nwebsties: [https://www.childline.org.uk]\n---\n")
        let (content, log) = tree.load()
        let error = try #require(log.errors(containing: "unknown setting `websties`").first, "\(log.summary)")
        #expect(error.line == 4)
        #expect(error.suggestion == "did you mean \"websites\"?")
        // The rest of the file is still read.
        #expect(content.national["childline"]?.fields.phones?.value.count == 1)
    }

    @Test func unknownNestedKeyInPhone() throws {
        let tree = ContentTree()
        tree.write("agencies/childline.md", "---\nname: Childline\nphones:\n  - number: \"0800 1111\"\n    lable: Helpline\n---\n")
        let (_, log) = tree.load()
        let error = try #require(log.errors(containing: "unknown setting `lable`").first, "\(log.summary)")
        #expect(error.line == 5)
        #expect(error.suggestion == "did you mean \"label\"?")
    }

    @Test(arguments: [
        ("Family Front Door.md", "family-front-door.md"),
        ("ChildLine.md", "childline.md"), // (a name that collides with an existing id gets its own message: BadInputTests)
        ("young_carers.md", "young-carers.md"),
    ])
    func badFileNamesAreRejectedWithASlug(name: String, suggested: String) throws {
        let tree = ContentTree()
        tree.write("agencies/\(name)", "---\nname: Bad name\nphones: [\"0800 1111\"]\n---\n")
        let (content, log) = tree.load()
        let error = try #require(log.errors(in: "Content/agencies/\(name)").first, "\(log.summary)")
        #expect(error.message.contains("cannot be used in a web address"))
        #expect(error.suggestion == "rename it to \"\(suggested)\"")
        #expect(!content.national.values.contains { $0.fields.name?.value == "Bad name" })
    }

    @Test func badSchoolFolderNameIsRejected() throws {
        let tree = ContentTree()
        tree.write("schools/St Mary's/school.md", ContentTree.school(name: "St Mary's"))
        let (content, log) = tree.load()
        let error = try #require(log.errors(in: "Content/schools/St Mary's").first, "\(log.summary)")
        #expect(error.suggestion == "rename it to \"st-mary-s\"")
        #expect(content.schools.map(\.id) == ["test-first"])
    }

    @Test func nonMarkdownFileIsAWarning() throws {
        let tree = ContentTree()
        tree.write("agencies/notes.txt", "hello")
        let (_, log) = tree.load()
        #expect(log.warnings(in: "Content/agencies/notes.txt").count == 1)
        #expect(!log.hasErrors, "\(log.summary)")
    }

    @Test(arguments: [
        "12345",
        "0190 CALL US",
        "07700 9001234",
        "0190 582",
    ])
    func invalidPhonesAreErrors(number: String) throws {
        let tree = ContentTree()
        tree.write("agencies/bad-phone.md", "---\nname: Bad phone\nphones:\n  - number: \"0800 1111\"\n  - number: \"\(number)\"\n---\n")
        let (content, log) = tree.load()
        let errors = log.errors(in: "Content/agencies/bad-phone.md")
        #expect(errors.count == 1, "\(log.summary)")
        #expect(errors.first?.line == 5)
        // The good number is kept, the bad one dropped.
        #expect(content.national["bad-phone"]?.fields.phones?.value.map(\.number) == ["0800 1111"])
    }

    @Test(arguments: ["not-an-email", "office@school", "mailto:office@school.sch.uk", "office @school.sch.uk"])
    func invalidEmailsAreErrors(address: String) throws {
        let tree = ContentTree()
        tree.write("agencies/bad-email.md", "---\nname: Bad email\nphones: [\"0800 1111\"]\nemails:\n  - \"\(address)\"\n---\n")
        let (content, log) = tree.load()
        let errors = log.errors(in: "Content/agencies/bad-email.md")
        #expect(errors.count == 1, "\(log.summary)")
        #expect(errors.first?.line == 5)
        #expect(content.national["bad-email"]?.fields.emails?.value.isEmpty == true)
    }

    @Test(arguments: [
        ("file:///U:/Policies/early-help.pdf", "file on a computer"),
        ("U:\\\\Policies\\\\early-help.docx", "network drive"),
        ("https:www.example.org", "missing the //"),
        ("www.example.org", "needs https://"),
        ("https://intranet/page", "private network"),
    ])
    func invalidWebsitesAreErrors(url: String, words: String) throws {
        let tree = ContentTree()
        tree.write("agencies/bad-web.md", "---\nname: Bad web\nphones: [\"0800 1111\"]\nwebsites:\n  - url: \"\(url)\"\n---\n")
        let (content, log) = tree.load()
        let errors = log.errors(in: "Content/agencies/bad-web.md")
        #expect(errors.count == 1, "\(log.summary)")
        #expect(errors.first?.message.contains(words) == true, "\(log.summary)")
        #expect(errors.first?.line == 5)
        #expect(content.national["bad-web"]?.fields.websites?.value.isEmpty == true)
    }

    @Test func httpWebsiteIsOnlyAWarning() throws {
        let tree = ContentTree()
        tree.write("agencies/plain-http.md", "---\nname: Plain\nwebsites: [\"http://www.example.org\"]\n---\n")
        let (content, log) = tree.load()
        #expect(!log.hasErrors, "\(log.summary)")
        let warning = try #require(log.warnings(in: "Content/agencies/plain-http.md").first)
        #expect(warning.message.contains("https"))
        #expect(warning.line == 3)
        #expect(content.national["plain-http"]?.fields.websites?.value.map(\.url) == ["http://www.example.org"])
    }

    @Test func schoolLevelContactsAreChecked() throws {
        let tree = ContentTree(school: """
        ---
        name: Test First School
        area: worcs
        phone: "12345"
        email: office.school
        website: www.school.example.org
        people:
          - name: Jane Smith
            roles: [dsl]
            email: head@test.sch.uk
        ---
        """)
        let (content, log) = tree.load()
        let errors = log.errors(in: "Content/schools/test-first/school.md")
        #expect(Set(errors.map(\.line)) == [4, 5, 6], "\(log.summary)")
        #expect(content.schools.first?.phone == nil)
        #expect(content.schools.first?.email == nil)
    }

    @Test func unknownRoleGetsSuggestion() throws {
        let tree = ContentTree(school: """
        ---
        name: Test First School
        area: worcs
        people:
          - name: Jane Smith
            roles: [dls]
        ---
        """)
        let (_, log) = tree.load()
        let error = try #require(log.errors(containing: "unknown role").first, "\(log.summary)")
        #expect(error.suggestion == "did you mean \"dsl\"?")
        #expect(error.line == 6)
    }

    @Test func pageTitleComesFromFirstHeading() throws {
        let tree = ContentTree()
        tree.write("schools/test-first/pages/policy.md", "# Our Safeguarding Policy\n\nWe keep children safe.\n\n## Contacts\n\nAsk us.\n")
        let (content, log) = tree.load()
        #expect(!log.hasErrors, "\(log.summary)")
        let page = try #require(content.schools.first?.pages.first)
        #expect(page.id == "policy")
        #expect(page.title == "Our Safeguarding Policy")
        #expect(!page.body.contains("# Our Safeguarding Policy"))
        #expect(page.body.contains("## Contacts"))
        #expect(page.toc)
    }

    @Test func pageTitleSettingWins() throws {
        let tree = ContentTree()
        tree.write("schools/test-first/pages/policy.md", "---\ntitle: From settings\norder: 2\ntoc: false\n---\n# A heading\n\nText\n")
        let (content, log) = tree.load()
        #expect(!log.hasErrors, "\(log.summary)")
        let page = try #require(content.schools.first?.pages.first)
        #expect(page.title == "From settings")
        #expect(page.order == 2)
        #expect(!page.toc)
        #expect(page.body.contains("# A heading"))
    }

    @Test func pageWithoutAnyTitleIsAnError() throws {
        let tree = ContentTree()
        tree.write("schools/test-first/pages/untitled.md", "Just text, no heading.\n")
        let (content, log) = tree.load()
        #expect(log.errors(in: "Content/schools/test-first/pages/untitled.md").count == 1, "\(log.summary)")
        #expect(content.schools.first?.pages.isEmpty == true)
    }

    @Test func agencyWithoutNameIsAnError() throws {
        let tree = ContentTree()
        tree.write("agencies/nameless.md", "---\nphones: [\"0800 1111\"]\n---\n")
        let (content, log) = tree.load()
        #expect(log.errors(in: "Content/agencies/nameless.md").first?.message.contains("`name:`") == true, "\(log.summary)")
        #expect(content.national["nameless"] == nil)
    }

    @Test func badBodyModeIsAnError() throws {
        let tree = ContentTree()
        tree.write("schools/test-first/agencies/samaritans.md", "---\nbody: after\n---\nExtra.\n")
        let (_, log) = tree.load()
        let error = try #require(log.errors(in: "Content/schools/test-first/agencies/samaritans.md").first, "\(log.summary)")
        #expect(error.message.contains("replace, append or prepend"))
        #expect(error.line == 2)
    }

    @Test func missingContentFolder() throws {
        let log = DiagnosticLog()
        let content = ContentLoader(root: URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)"), displayRoot: "Content").load(log: log)
        #expect(log.errors.count == 1)
        #expect(content.schools.isEmpty)
    }

    @Test func brokenFileDoesNotStopOtherFiles() throws {
        let tree = ContentTree()
        tree.write("agencies/broken.md", "---\nname: \"Broken\n---\n")
        let (content, log) = tree.load()
        #expect(log.errors(in: "Content/agencies/broken.md").count == 1, "\(log.summary)")
        #expect(content.national["samaritans"] != nil)
        #expect(content.schools.count == 1)
    }
}
