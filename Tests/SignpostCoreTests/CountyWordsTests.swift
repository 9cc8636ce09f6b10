import Foundation
import SignpostAuthoring
import SignpostModel
import SignpostPipeline
import SignpostRender
import Testing

/// Issue 23, on `Tests/Fixtures/two-counties`: Severnshire, the second county, in its own
/// words (its levels' `what_to_do`, professionals-only lines, its own topics, overrides that
/// keep national level ids or add one phone, names signposted without contacts).
@Suite("Each county in its own words")
struct CountyWordsTests {
    /// The fixture, built with the default theme (whose templates show all of it) into its own folder.
    struct Built {
        let output = TempDir("county-words-site")
        let result: BuildResult

        init(content: URL = TwoCounties.fixture.appendingPathComponent("Content")) {
            var options = TwoCounties.options(content: content, output: output.url.appendingPathComponent("Site"))
            options.theme = Paths.repoRoot.appendingPathComponent("Themes/default")
            options.themeDisplay = "Themes/default"
            result = SiteBuilder(options: options).build()
        }

        func page(_ path: String) throws -> String {
            try String(contentsOf: output.url.appendingPathComponent("Site/\(path)"), encoding: .utf8)
        }

        func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: output.url.appendingPathComponent("Site/\(path)").path) }
    }

    static let ownWords = "Ask the school&#39;s Designated Safeguarding Lead to hold a Team Around the Family meeting with you."
    static let nationalWords = "Ask the school about an Early Help Assessment"

    @Test func aCountysLevelSaysWhatToDoInItsOwnWords() throws {
        let built = Built()
        #expect(built.result.wrote, "\(built.result.diagnostics)")
        for path in ["willow-primary/index.html", "willow-primary/levels/specialist/index.html",
                     "willow-primary/how-help-works/index.html", "willow-primary/whole-offer/index.html"] {
            let html = try built.page(path)
            #expect(html.contains(Self.ownWords), "\(path)")
        }
        // The level's further words, where the level is explained at length.
        #expect(try built.page("willow-primary/levels/specialist/index.html").contains("In Severnshire this is called a Family Plan."))
        #expect(try built.page("willow-primary/how-help-works/index.html").contains("In Severnshire this is called a Family Plan."))
        // A level without its own words falls back to the national scale's.
        #expect(try built.page("willow-primary/levels/universal/index.html").contains("Contact the service yourself."))
        // Worcestershire's school keeps the national words for its own levels, in the whole
        // offer too (it showed no "What to do" at all while the school's copy of a level lost
        // its `national:`).
        #expect(try !built.page("oak-first/how-help-works/index.html").contains("Team Around the Family"))
        #expect(try built.page("oak-first/whole-offer/index.html").contains("<strong>What to do:</strong> Contact the service yourself."))
    }

    @Test func noSentenceAboutWhereTheLevelsComeFromUnlessTheCountyWroteIt() throws {
        let built = Built()
        let page = try built.page("willow-primary/how-help-works/index.html")
        #expect(!page.contains("These levels come from"))
        #expect(page.contains("Severnshire's four tiers of need."))
    }

    @Test func aProfessionalsLineIsOnTheEntryPageOnly() throws {
        let built = Built()
        #expect(built.result.wrote, "\(built.result.diagnostics)")
        let entry = try built.page("willow-primary/agencies/cyps/index.html")
        #expect(entry.contains("For professionals"))
        #expect(entry.contains("0117 496 0011"))
        #expect(entry.contains("0117 496 0010"))
        // The family's number comes first, the professionals' after its heading.
        let heading = try #require(entry.range(of: "For professionals"))
        #expect(entry.range(of: "0117 496 0011")!.lowerBound > heading.lowerBound)
        #expect(entry.range(of: "0117 496 0010")!.lowerBound < heading.lowerBound)
        for path in ["willow-primary/handout/index.html", "willow-primary/levels/specialist/index.html",
                     "willow-primary/topics/mental-health/index.html", "willow-primary/a-z/index.html", "willow-primary/index.html"] {
            let html = try built.page(path)
            #expect(!html.contains("0117 496 0011"), "\(path)")
            #expect(!html.contains("prevent@police.example.org.uk"), "\(path)")
        }
        #expect(try built.page("willow-primary/handout/index.html").contains("0117 496 0010"))
        // The whole offer keeps it, labelled.
        let whole = try built.page("willow-primary/whole-offer/index.html")
        #expect(whole.contains("0117 496 0011"))
        #expect(whole.contains("Consultation line (for professionals):"))
    }

    @Test func familyContactsLeaveOutProfessionalsLines() throws {
        let (site, _) = TwoCounties.resolve()
        let cyps = try #require(site.school("willow-primary")?.agency("cyps"))
        #expect(cyps.fields.familyPhones.map(\.number) == ["0117 496 0010"])
        #expect(cyps.fields.professionalPhones.map(\.number) == ["0117 496 0011"])
        let police = try #require(site.school("willow-primary")?.agency("police"))
        #expect(police.fields.familyContacts.map(\.name) == ["PCSO Jo Bright"])
    }

    @Test func aNamedContactNeedsAPhoneOrAnEmail() throws {
        let tree = TwoCounties()
        tree.edit("areas/severnshire/agencies/police.md", "    email: prevent@police.example.org.uk\n", "")
        let (_, log) = TwoCounties.check(tree.content)
        let error = try #require(log.errors(in: "Content/areas/severnshire/agencies/police.md").first, "\(log.summary)")
        #expect(error.message == "the named contact \"DC Sam Patel\" has no phone or email, so families cannot reach them")
        #expect(error.suggestion == "give them a `phone:` or an `email:`; a role with no one to contact (such as \"Chair of MAPPA\") belongs in the text below the settings")
    }

    @Test func forTakesFamiliesOrProfessionals() throws {
        let tree = TwoCounties()
        tree.edit("areas/severnshire/agencies/cyps.md", "for: professionals", "for: teachers")
        let (_, log) = TwoCounties.check(tree.content)
        let error = try #require(log.errors(in: "Content/areas/severnshire/agencies/cyps.md").first, "\(log.summary)")
        #expect(error.message == "`for:` should be families or professionals, not \"teachers\"")
    }

    /// An office copies the national file into the school's folder, as it naturally would, and
    /// changes nothing yet: it keeps `levels: [everyone]`, a national id.
    @Test func aNationalFileCopiedIntoAnOverrideBuilds() throws {
        let tree = TwoCounties()
        tree.write("schools/willow-primary/agencies/samaritans.md", tree.read("agencies/samaritans.md"))
        #expect(tree.read("schools/willow-primary/agencies/samaritans.md").contains("levels: [everyone]"))
        let (prepared, log) = TwoCounties.check(tree.content)
        #expect(log.errors.isEmpty, "\(log.summary)")
        let samaritans = try #require(prepared.site.school("willow-primary")?.agency("samaritans"))
        #expect(samaritans.levels == ["universal"])
        #expect(samaritans.sources.last == "Content/schools/willow-primary/agencies/samaritans.md")
        let warning = try #require(log.warnings(in: "Content/schools/willow-primary/agencies/samaritans.md").first, "\(log.summary)")
        #expect(warning.message.contains("repeats the library's entry for \"samaritans\" without changing anything"))
        let built = Built(content: tree.content)
        #expect(built.result.wrote, "\(built.result.diagnostics)")
        #expect(try built.page("willow-primary/levels/universal/index.html").contains("Samaritans"))
    }

    @Test func anOverrideMayNameTheCountysLevelOrTheNationalOne() throws {
        let tree = TwoCounties()
        tree.write("schools/willow-primary/agencies/prevent.md", "---\nlevels: [everyone, acute]\n---\n")
        let (prepared, log) = TwoCounties.check(tree.content)
        #expect(log.errors.isEmpty, "\(log.summary)")
        #expect(prepared.site.school("willow-primary")?.agency("prevent")?.levels == ["universal", "acute"])
    }

    @Test func aNationalLevelInACountyFileSaysHowTheScalesMap() throws {
        let tree = TwoCounties()
        tree.edit("areas/severnshire/agencies/front-door.md", "levels: [acute]", "levels: [protection]")
        let (_, log) = TwoCounties.check(tree.content)
        let error = try #require(log.errors(in: "Content/areas/severnshire/agencies/front-door.md").first, "\(log.summary)")
        #expect(error.message == "unknown level of need \"protection\": `protection` is a national level; in Severnshire it is `acute`")
        #expect(error.suggestion == "write `acute`; this file names Severnshire's own levels (universal, community, specialist, acute)")
    }

    @Test func aCountyLevelInANationalFileSaysHowTheScalesMap() throws {
        let tree = TwoCounties()
        tree.edit("agencies/nspcc.md", "levels: [protection]", "levels: [acute]")
        let (_, log) = TwoCounties.check(tree.content)
        let error = try #require(log.errors(in: "Content/agencies/nspcc.md").first, "\(log.summary)")
        #expect(error.message == "unknown national level \"acute\"")
        #expect(error.suggestion == "`acute` is a level of Severnshire only; it covers the national level `protection`. A national agency names levels of the national scale (Content/levels.yml): everyone, early-help, intensive, protection")
    }

    @Test func anOverrideAddsOnePhone() throws {
        let (prepared, log) = TwoCounties.check()
        #expect(log.errors.isEmpty, "\(log.summary)")
        let nspcc = try #require(prepared.site.school("willow-primary")?.agency("nspcc"))
        #expect(nspcc.fields.phones?.value.map(\.number) == ["0808 800 5000", "0117 496 0300"])
        let oak = try #require(prepared.site.school("oak-first")?.agency("nspcc"))
        #expect(oak.fields.phones?.value.map(\.number) == ["0808 800 5000"])
        let built = Built()
        let page = try built.page("willow-primary/agencies/nspcc/index.html")
        #expect(page.contains("0808 800 5000") && page.contains("0117 496 0300"))
        // explain shows the whole list and where the added number came from.
        let text = try Explainer(options: TwoCounties.options()).explain(school: "willow-primary", entry: "nspcc", log: DiagnosticLog()).get()
        #expect(text.contains("phones    0808 800 5000; Severnshire NSPCC service centre 0117 496 0300"), "\(text)")
        #expect(text.contains("add_phones Severnshire NSPCC service centre 0117 496 0300"), "\(text)")
        #expect(text.contains("Content/schools/willow-primary/agencies/nspcc.md"), "\(text)")
    }

    @Test func anAreaTopicIsShownOnlyByItsSchools() throws {
        let built = Built()
        #expect(built.result.wrote, "\(built.result.diagnostics)")
        #expect(built.exists("willow-primary/topics/drugs-and-alcohol/index.html"))
        #expect(try built.page("willow-primary/index.html").contains("Drugs and alcohol"))
        #expect(!built.exists("oak-first/topics/drugs-and-alcohol/index.html"))
        #expect(try !built.page("oak-first/index.html").contains("Drugs and alcohol"))
        // A school's own topic, on its pages only.
        #expect(built.exists("willow-primary/topics/young-carers/index.html"))
        #expect(try built.page("willow-primary/services/young-carers-club/index.html").contains("Young carers"))
    }

    @Test func aNationalAgencyCannotNameACountysTopic() throws {
        let tree = TwoCounties()
        tree.edit("agencies/nspcc.md", "topics: [safeguarding]", "topics: [safeguarding, drugs-and-alcohol]")
        let (_, log) = TwoCounties.check(tree.content)
        let error = try #require(log.errors(in: "Content/agencies/nspcc.md").first, "\(log.summary)")
        #expect(error.message == "unknown topic \"drugs-and-alcohol\"")
        #expect(error.suggestion == "\"drugs-and-alcohol\" is a topic of Severnshire only (Content/areas/severnshire/topics.yml); a national agency names the shared topics in Content/topics.yml")
    }

    @Test func anOwnTopicMayNotRepeatASharedOne() throws {
        let tree = TwoCounties()
        tree.write("areas/severnshire/topics.yml", "- id: send\n  name: SEND\n")
        let (_, log) = TwoCounties.check(tree.content)
        let error = try #require(log.errors(in: "Content/areas/severnshire/topics.yml").first, "\(log.summary)")
        #expect(error.message == "the topic \"send\" is already in Content/topics.yml")
    }

    @Test func namesWithoutContactsArePlainNamesOnTheLevelPage() throws {
        let built = Built()
        #expect(built.result.wrote, "\(built.result.diagnostics)")
        let page = try built.page("willow-primary/levels/universal/index.html")
        #expect(page.contains("Also signposted"))
        #expect(page.contains("<li>Winston&#39;s Wish</li>"), "\(page)")
        #expect(page.contains("<li>Cruse Bereavement Support</li>"))
        #expect(try built.page("willow-primary/levels/community/index.html").contains("<li>Cruse Bereavement Support</li>"))
        #expect(try !built.page("willow-primary/levels/acute/index.html").contains("Cruse"))
    }

    @Test func aNameThatIsALibraryAgencyIsSuggested() throws {
        let tree = TwoCounties()
        tree.edit("schools/willow-primary/school.md", "  - name: Winston's Wish\n", "  - name: The NSPCC\n")
        let (_, log) = TwoCounties.check(tree.content)
        let warning = try #require(log.warnings(containing: "library agency").first, "\(log.summary)")
        #expect(warning.message == "\"The NSPCC\" is the library agency `nspcc`")
        #expect(warning.suggestion == "write `- agency: nspcc` instead of its name, so families get its contacts")
    }

    @Test func anAgencyByIdIsListed() throws {
        let tree = TwoCounties()
        tree.edit("schools/willow-primary/school.md", "agencies: all", "agencies: [front-door]")
        let (prepared, log) = TwoCounties.check(tree.content)
        #expect(log.errors(in: "Content/schools/willow-primary/school.md").isEmpty, "\(log.summary)")
        #expect(prepared.site.school("willow-primary")?.agency("prevent") != nil)
        tree.edit("schools/willow-primary/school.md", "  - agency: prevent", "  - agency: prevnet")
        let (_, again) = TwoCounties.check(tree.content)
        let error = try #require(again.errors(in: "Content/schools/willow-primary/school.md").first, "\(again.summary)")
        #expect(error.message == "unknown agency \"prevnet\"")
    }

    @Test func anEmptyValueOnAGetHelpNowLineIsReported() throws {
        let tree = TwoCounties()
        tree.edit("areas/severnshire/area.md", "  - label: Out of hours\n    phone: \"0117 496 0001\"\n", "  - label: Out of hours\n    phone:\n    website:\n")
        let (_, log) = TwoCounties.check(tree.content)
        let found = log.warnings(in: "Content/areas/severnshire/area.md").filter { $0.message.contains("is empty on the \"Get help now\" line") }
        #expect(found.map(\.message) == ["`phone` is empty on the \"Get help now\" line \"Out of hours\"", "`website` is empty on the \"Get help now\" line \"Out of hours\""], "\(log.summary)")
        #expect(found.first?.suggestion == "fill it in, or delete the line: every setting of a line but `label` is optional")
    }

    @Test func aThemeMessageNeverSuggestsThePathItRejects() {
        let log = DiagnosticLog()
        let empty = TempDir("no-theme")
        _ = Theme(root: empty.url.appendingPathComponent("Themes/default"), displayRoot: "Themes/default", log: log)
        let error = log.errors.first
        #expect(error?.message == "the theme folder Themes/default has no templates/ folder")
        #expect(error?.suggestion?.contains("--theme Themes/default") == false)
        #expect(error?.suggestion == "run signpost from the folder that holds Content/ and Themes/, or give --theme the whole path of a theme folder")
        let other = DiagnosticLog()
        _ = Theme(root: empty.url.appendingPathComponent("mytheme"), displayRoot: "mytheme", log: other)
        #expect(other.errors.first?.suggestion == "use --theme Themes/default, the theme that comes with Signpost")
    }

    @Test func aNationalFileCannotAddToAList() throws {
        let tree = TwoCounties()
        tree.edit("agencies/nspcc.md", "phones: [\"0808 800 5000\"]", "add_phones: [\"0808 800 5000\"]")
        let (_, log) = TwoCounties.check(tree.content)
        let error = try #require(log.errors(in: "Content/agencies/nspcc.md").first, "\(log.summary)")
        #expect(error.message == "`add_phones:` adds to a library agency's list, but this file is the library's own entry")
        #expect(error.suggestion == "write the whole list in `phones:`")
    }

    @Test func anAgencyWithOnlyProfessionalsLinesIsToldToSayReferral() throws {
        let tree = TwoCounties()
        tree.edit("areas/severnshire/agencies/cyps.md", "  - \"0117 496 0010\"\n", "")
        let (_, log) = TwoCounties.check(tree.content)
        let error = try #require(log.errors(in: "Content/areas/severnshire/agencies/cyps.md").first, "\(log.summary)")
        #expect(error.message == "\"CYPS (Children and Young People's Service)\" has no way to contact it")
        #expect(error.suggestion == "its phones, emails and websites are all `for: professionals`; if families reach it only through a referral, write `access: referral` and who refers in `referral:`")
    }

    @Test func aNameWithoutLevelsIsReported() throws {
        let tree = TwoCounties()
        tree.edit("schools/willow-primary/school.md", "    levels: [universal]\n", "")
        let (_, log) = TwoCounties.check(tree.content)
        let error = try #require(log.errors(in: "Content/schools/willow-primary/school.md").first, "\(log.summary)")
        #expect(error.message == "\"Winston's Wish\" has no `levels:`, so no page would name it")
        #expect(error.suggestion == "add the levels of need it belongs at, such as `levels: [universal]`")
    }

    @Test func aNationalLevelInLevelNamesSaysHowTheScalesMap() throws {
        let tree = TwoCounties()
        tree.edit("schools/willow-primary/school.md", "  community: Community (a bit of help)", "  early-help: Community (a bit of help)")
        let (_, log) = TwoCounties.check(tree.content)
        let error = try #require(log.errors(in: "Content/schools/willow-primary/school.md").first, "\(log.summary)")
        #expect(error.message == "unknown level of need \"early-help\": `early-help` is a national level; in Severnshire it is `community` in level_names")
    }

    /// The search's words and "Get help now" never carry a professionals' line.
    @Test func theSearchAndGetHelpNowLeaveOutProfessionalsLines() throws {
        let built = Built()
        let aToZ = try built.page("willow-primary/a-z/index.html")
        #expect(aToZ.contains("CYPS"))
        #expect(!aToZ.contains("0117 496 0011") && !aToZ.contains("01174960011"))
        // On the entry's own page the line is there, but not inside the "Get help now" box.
        let page = try built.page("willow-primary/agencies/cyps/index.html")
        #expect(page.contains("tel:01174960011"))
        let start = try #require(page.range(of: "<section class=\"get-help-now\""))
        let end = try #require(page[start.upperBound...].range(of: "</section>"))
        let box = page[start.lowerBound..<end.upperBound]
        #expect(box.contains("tel:01174960001"))
        #expect(!box.contains("tel:01174960011"))
    }
}
