import Foundation
import SignpostAuthoring
import SignpostModel
import SignpostValidate
import Testing

@Suite("The table of entry fields")
struct FieldTableTests {
    /// Every field given in two files, each value different: the later file wins field by field.
    static let everyField = """
    ---
    name: NAME
    summary: SUMMARY
    phones: ["0117 496 0NNN"]
    emails: [NAME@example.org.uk]
    websites: [https://NAME.example.org.uk]
    add_phones: ["0117 496 1NNN"]
    add_emails: [more-NAME@example.org.uk]
    add_websites: [https://more.NAME.example.org.uk]
    address: ADDRESS
    teams:
      - label: TEAM
        phones: ["0117 496 0NNN"]
    contacts:
      - name: PERSON
        email: NAME@example.org.uk
    access: ACCESS
    referral: [REFERRAL]
    ages: AGES
    cost: COST
    levels: [LEVEL]
    topics: [TOPIC]
    reviewed: 2026-0M
    body: append
    ---
    Text of NAME.
    """

    static func file(_ name: String, number: String, access: String, referral: String, level: String, topic: String, month: String) -> String {
        everyField.replacingOccurrences(of: "NAME", with: name).replacingOccurrences(of: "NNN", with: number)
            .replacingOccurrences(of: "ACCESS", with: access).replacingOccurrences(of: "REFERRAL", with: referral)
            .replacingOccurrences(of: "LEVEL", with: level).replacingOccurrences(of: "TOPIC", with: topic)
            .replacingOccurrences(of: "SUMMARY", with: "summary of \(name)").replacingOccurrences(of: "ADDRESS", with: "address of \(name)")
            .replacingOccurrences(of: "TEAM", with: "team of \(name)").replacingOccurrences(of: "PERSON", with: "person of \(name)")
            .replacingOccurrences(of: "AGES", with: "ages of \(name)").replacingOccurrences(of: "COST", with: "cost of \(name)")
            .replacingOccurrences(of: "0M", with: month)
    }

    @Test func everyFieldIsReadAndOverriddenFieldByField() throws {
        let tree = ContentTree()
        tree.write("areas/worcs/agencies/library.md", FieldTableTests.file("library", number: "001", access: "direct", referral: "self",
                                                                            level: "universal", topic: "bullying", month: "01")
            .replacingOccurrences(of: "body: append\n", with: ""))
        tree.write("schools/test-first/agencies/library.md", FieldTableTests.file("school", number: "002", access: "referral", referral: "gp",
                                                                                  level: "targeted", topic: "mental-health", month: "02"))
        let (site, log) = tree.resolve()
        #expect(!log.hasErrors, "\(log.summary)")
        let entry = try #require(site.school("test-first")?.agency("library"))
        let school = "Content/schools/test-first/agencies/library.md"
        let keys = EntryField.all.filter { $0.use.contains(.override) && $0.kind != .bodyMode }.map(\.key)
        // Every field of the table is set, and comes from the school's file.
        #expect(entry.fields.provenance.filter { $0.field != "text" }.map(\.field) == keys)
        for row in entry.fields.provenance where row.field != "text" { #expect(row.file == school, "\(row.field)") }
        #expect(entry.fields.access?.value == .referral)
        #expect(entry.fields.teams?.value.map(\.label) == ["team of school"])
        // A new whole list replaces the library's, and what the same file adds comes after it.
        #expect(entry.fields.phones?.value.map(\.number) == ["0117 496 0002", "0117 496 1002"])
        #expect(entry.fields.emails?.value.map(\.address) == ["school@example.org.uk", "more-school@example.org.uk"])
        #expect(entry.fields.contacts?.value.map(\.email) == ["school@example.org.uk"])
        #expect(entry.fields.reviewed?.value == Day(year: 2026, month: 2))
        #expect(entry.fields.body?.value == "Text of library.\n\nText of school.")
        // A copy of every field, changing nothing, is the "repeats the library" mistake.
        let library = try #require(tree.load().0.areas["worcs"]?.agencies["library"]?.fields)
        #expect(library.isRepeated(by: library))
    }

    @Test func unknownKeysListTheTablesKeys() throws {
        let tree = ContentTree()
        tree.write("agencies/childline.md", "---\nname: Childline\nphones: [\"0800 1111\"]\nteam:\n  - label: x\n---\n")
        let (_, log) = tree.load()
        let error = try #require(log.errors(containing: "unknown setting `team`").first, "\(log.summary)")
        #expect(error.suggestion == "did you mean \"teams\"?")
        tree.write("agencies/childline.md", "---\nname: Childline\nphones: [\"0800 1111\"]\npeople: [x]\n---\n")
        let error2 = try #require(tree.load().1.errors(containing: "unknown setting `people`").first)
        #expect(error2.suggestion == "the settings an agency can have are: " + EntryField.keys(for: .agency).joined(separator: ", "))
    }

    static let readme = try! String(contentsOf: Paths.repoRoot.appendingPathComponent("README.md"), encoding: .utf8)

    static func section(_ name: String) -> String? {
        guard let start = readme.range(of: "<!-- \(name) -->\n"), let end = readme.range(of: "<!-- /\(name) -->", range: start.upperBound..<readme.endIndex) else { return nil }
        return String(readme[start.upperBound..<end.lowerBound])
    }

    /// The README's list of fields is made from the table: `signpost explain` prints it.
    @Test func theReadmesFieldListIsTheTable() throws {
        let section = try #require(FieldTableTests.section("entry-fields"), "README.md has no <!-- entry-fields --> section")
        #expect(section == FieldGuide.markdown, "paste the list `signpost explain` prints into README.md")
    }

    @Test func theReadmesRolesAreTheList() throws {
        let section = try #require(FieldTableTests.section("roles"), "README.md has no <!-- roles --> section")
        #expect(section == FieldGuide.rolesMarkdown)
    }

    @Test func everyKeyOfTheTableIsInTheGuide() {
        for field in EntryField.all { #expect(FieldGuide.markdown.contains("**`\(field.key)`**")) }
        let json = FieldGuide.text(.json)
        for field in EntryField.all { #expect(json.contains("\"key\" : \"\(field.key)\"")) }
        for role in Role.all { #expect(json.contains("\"id\" : \"\(role.id)\"")) }
        for kind in ReferralKind.all { #expect(json.contains("\"id\" : \"\(kind.id)\"")) }
    }
}

@Suite("Teams, named contacts and referral-only entries")
struct TeamsAndContactsTests {
    @Test func teamsAreReadWithTheirDistricts() throws {
        let (site, log) = TwoCounties.resolve()
        #expect(log.errors.allSatisfy(TwoCounties.isDrafts), "\(log.summary)")
        let teams = try #require(site.school("willow-primary")?.agency("early-help-teams")?.fields.teams?.value)
        #expect(teams.map(\.label) == ["Ashdown", "Brookfield", "Castleford", "Dunmere", "Elmbridge", "Fernley"])
        #expect(teams[0].phones.map(\.display) == ["0117 496 0101"])
        #expect(teams[0].emails.map(\.address) == ["ashdown@severnshire.example.org.uk"])
        #expect(teams[0].postcodes == ["BS1", "BS2"])
        #expect(teams[3].postcodes == ["BS5"])
        #expect(teams[3].address == "The Old Library, Dunmere, BS5 1AA")
        #expect(teams[5].covers == "Fernley, Upper Fernley and Marsh End")
    }

    @Test func namedContactsAreRead() throws {
        let (site, _) = TwoCounties.resolve()
        let people = try #require(site.school("willow-primary")?.agency("police")?.fields.contacts?.value)
        #expect(people.map(\.name) == ["PCSO Jo Bright", "DC Sam Patel"])
        #expect(people[0].role == "Police Community Support Officer for Ashdown's schools")
        #expect(people[0].phone?.display == "0117 496 0050")
        #expect(people[0].email == "jo.bright@police.example.org.uk")
        #expect(people[0].isForFamilies)
        // The Prevent officer is someone professionals contact, not families.
        #expect(people[1].phone == nil && people[1].email == "prevent@police.example.org.uk")
        #expect(people[1].forProfessionals && !people[1].isForFamilies)
    }

    /// The police (a named person's phone), the early help teams (teams' phones) and community
    /// paediatrics (a referral) have no contact of their own, and that is not an error.
    @Test func teamsContactsAndReferralsCountAsAWayIn() {
        let (_, log) = TwoCounties.check()
        #expect(log.errors(containing: "no way to contact").isEmpty, "\(log.summary)")
    }

    @Test func withoutThemItIsStillAnError() throws {
        let county = TwoCounties()
        county.edit("areas/severnshire/agencies/police.md", "    phone: \"0117 496 0050\"\n    email: jo.bright@police.example.org.uk\n", "")
        county.edit("areas/severnshire/agencies/community-paediatrics.md", "access: referral\n", "")
        let (_, log) = TwoCounties.check(county.content)
        let files = Set(log.errors(containing: "has no way to contact it").map(\.file))
        #expect(files == ["Content/areas/severnshire/agencies/police.md", "Content/areas/severnshire/agencies/community-paediatrics.md"], "\(log.summary)")
    }

    @Test func teamsAreCheckedOnTheirOwnLines() throws {
        let tree = ContentTree()
        tree.write("areas/worcs/agencies/teams.md", """
        ---
        name: Teams
        teams:
          - label: North
            phones: ["0117 496 0101", "12345"]
            emails: [north@@example.org]
            postcodes: [WR9, not a postcode]
            phnoes: []
          - label: North
            phones: ["0117 496 0102"]
          - label: Empty
          - just words
        contacts:
          - name: Jo
            phone: "0190 582"
          - role: Nobody
        ---
        """)
        let (_, log) = tree.load()
        let file = "Content/areas/worcs/agencies/teams.md"
        func line(_ text: String) -> Int? { log.all.first { $0.file == file && $0.message.contains(text) }?.line }
        #expect(line("\"12345\" is not a UK phone number") == 5, "\(log.summary)")
        #expect(line("north@@example.org") == 6, "\(log.summary)")
        #expect(line("\"not a postcode\" is not a UK postcode") == 7, "\(log.summary)")
        #expect(line("unknown setting `phnoes` for a team") == 8, "\(log.summary)")
        #expect(line("two teams are labelled \"North\"") == 9, "\(log.summary)")
        #expect(line("the team \"Empty\" has no phone, email or address") == 11, "\(log.summary)")
        #expect(line("each team should be a group of settings") == 12, "\(log.summary)")
        #expect(line("has 7 digits") == 15, "\(log.summary)")
        #expect(line("each named contact needs a `name:`") == 16, "\(log.summary)")
    }

    @Test func aReferralOnlyEntrySaysWhoRefers() throws {
        let tree = ContentTree()
        tree.write("areas/worcs/agencies/paediatrics.md", "---\nname: Paediatrics\naccess: referral\n---\n")
        tree.write("areas/worcs/agencies/cwd.md", "---\nname: CWD\naccess: referral\nreferral: [self, school]\n---\n")
        tree.write("areas/worcs/agencies/ok.md", "---\nname: OK\naccess: referral\nreferral: [school, health-visitor]\n---\n")
        tree.write("areas/worcs/agencies/typo.md", "---\nname: Typo\naccess: referal\nphones: [\"0800 1111\"]\n---\n")
        let (site, log) = tree.resolve()
        ReferenceValidator(today: TwoCounties.today).validate(site, log: log)
        let missing = try #require(log.errors(in: "Content/areas/worcs/agencies/paediatrics.md").first, "\(log.summary)")
        #expect(missing.message == "\"Paediatrics\" is reached only through a referral, but does not say who can refer")
        #expect(missing.line == 3)
        let contradiction = try #require(log.errors(in: "Content/areas/worcs/agencies/cwd.md").first, "\(log.summary)")
        #expect(contradiction.message.contains("says families can contact it themselves"))
        #expect(log.errors(in: "Content/areas/worcs/agencies/ok.md").isEmpty, "\(log.summary)")
        #expect(log.errors(in: "Content/areas/worcs/agencies/typo.md").first?.suggestion == "did you mean \"referral\"?")
    }

    @Test func aSchoolChangesTeamsAsAWholeField() throws {
        let county = TwoCounties()
        county.write("schools/willow-primary/agencies/early-help-teams.md", "---\nteams:\n  - label: Our district\n    phones: [\"0117 496 0999\"]\n---\n")
        let (site, log) = TwoCounties.resolve(county.content)
        #expect(log.errors.allSatisfy(TwoCounties.isDrafts), "\(log.summary)")
        let entry = try #require(site.school("willow-primary")?.agency("early-help-teams"))
        #expect(entry.fields.teams?.value.map(\.label) == ["Our district"])
        #expect(entry.fields.teams?.file == "Content/schools/willow-primary/agencies/early-help-teams.md")
        #expect(entry.fields.emails?.value.map(\.address) == ["earlyhelp@severnshire.example.org.uk"])
    }

    @Test func explainShowsTeamsAndContacts() throws {
        let explainer = Explainer(options: TwoCounties.options())
        guard case let .success(teams) = explainer.explain(school: "willow-primary", entry: "early-help-teams", log: DiagnosticLog()),
              case let .success(police) = explainer.explain(school: "willow-primary", entry: "police", log: DiagnosticLog()) else {
            Issue.record("explain failed"); return
        }
        #expect(teams.contains("teams     Ashdown: 0117 496 0101, ashdown@severnshire.example.org.uk (covers Ashdown and the villages around it; BS1 BS2)"))
        #expect(teams.contains("          Fernley: 0117 496 0106"))
        #expect(police.contains("contacts  PCSO Jo Bright, Police Community Support Officer for Ashdown's schools: 0117 496 0050: jo.bright@police.example.org.uk"))
    }

    @Test func explainJSONGivesEveryFieldWithItsFile() throws {
        let explainer = Explainer(options: TwoCounties.options())
        guard case let .success(text) = explainer.explain(school: "willow-primary", entry: "early-help-teams", format: .json, log: DiagnosticLog()) else {
            Issue.record("explain failed"); return
        }
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(json["id"] as? String == "early-help-teams")
        let fields = try #require(json["fields"] as? [String: [String: Any]])
        #expect(Set(fields.keys) == ["name", "summary", "emails", "teams", "levels", "topics"])
        let teams = try #require(fields["teams"]?["value"] as? [[String: Any]])
        #expect(teams.count == 6)
        #expect(teams[0]["postcodes"] as? [String] == ["BS1", "BS2"])
        #expect(fields["teams"]?["line"] as? Int == 6)
        #expect(fields["teams"]?["file"] as? String == "Content/areas/severnshire/agencies/early-help-teams.md")
        guard case let .success(prevent) = explainer.explain(school: "willow-primary", entry: "prevent", format: .json, log: DiagnosticLog()),
              let value = try JSONSerialization.jsonObject(with: Data(prevent.utf8)) as? [String: Any] else { Issue.record("prevent"); return }
        #expect(value["national_levels"] as? [String] == ["intensive"])
    }
}

@Suite("Month dates")
struct MonthDateTests {
    @Test(arguments: [("2026-10", "October 2026", "2026-10"), ("2026-1", "January 2026", "2026-01"), ("2025-09-01", "1 September 2025", "2025-09-01")])
    func monthsAreDates(text: String, shown: String, iso: String) throws {
        let day = try #require(Day(text))
        #expect(day.description == shown)
        #expect(day.iso == iso)
    }

    @Test(arguments: ["2026-13", "2026-00", "26-10", "2026-10-32", "2026", "2026-10-", "October 2026"])
    func notDates(text: String) { #expect(Day(text) == nil) }

    @Test func aMonthComparesAsItsLastDay() throws {
        let october = try #require(Day("2026-10"))
        #expect(october > Day("2026-10-30")!)
        #expect(october < Day("2026-11-01")!)
        #expect(Day("2024-02")!.day == 29)
        #expect(october.earliest == Day("2026-10-01")!)
    }

    static func validate(_ extra: String) -> DiagnosticLog {
        let tree = ContentTree(school: ContentTree.school(extra: extra))
        let (site, log) = tree.resolve()
        ReferenceValidator(today: TwoCounties.today).validate(site, log: log)
        return log
    }

    @Test func aReviewDueThisMonthIsNotYetPast() {
        let log = MonthDateTests.validate("reviewed: 2025-11\nnext_review: 2026-11")
        #expect(log.all.isEmpty, "\(log.summary)")
    }

    @Test func aReviewDueLastMonthWarnsInWords() throws {
        let log = MonthDateTests.validate("reviewed: 2025-10\nnext_review: 2026-10")
        let warning = try #require(log.warnings.first, "\(log.summary)")
        #expect(warning.message == "the offer was due for review in October 2026, which has passed")
        #expect(log.warnings.count == 1)
    }

    @Test func reviewedThisMonthIsNotInTheFuture() {
        let log = MonthDateTests.validate("reviewed: 2026-11\nnext_review: 2027-11")
        #expect(log.all.isEmpty, "\(log.summary)")
    }

    @Test func aMonthIsAcceptedOnEntries() throws {
        let (site, log) = TwoCounties.resolve()
        #expect(log.errors.allSatisfy(TwoCounties.isDrafts), "\(log.summary)")
        #expect(site.school("willow-primary")?.agency("samaritans")?.fields.reviewed?.value.description == "September 2026")
        #expect(site.school("willow-primary")?.school.nextReview?.value.description == "October 2027")
    }

    @Test func aBadDateSaysBothForms() throws {
        let tree = ContentTree(school: ContentTree.school(extra: "next_review: October 2026"))
        let (_, log) = tree.load()
        let error = try #require(log.errors(containing: "next_review").first)
        #expect(error.suggestion == "for 1 September 2025 write 2025-09-01; for October 2026 write 2026-10")
    }
}
