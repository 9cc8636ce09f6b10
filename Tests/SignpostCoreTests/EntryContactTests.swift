import Foundation
import SignpostModel
import SignpostPipeline
@testable import SignpostRender
import Testing

/// How entries show their ways in (`Tests/Fixtures/two-counties`, built with the default
/// theme): teams each labelled, named contacts, referral-only entries with the school's
/// contact, every card with a way to reach its entry, and the handout with the school's own
/// number once.
@Suite("Ways to reach an entry")
struct EntryContactTests {
    /// The two-counties fixture built with the default theme, once for the suite.
    static let site: URL = {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("entry-contacts-\(UUID().uuidString)/Site")
        var options = BuildOptions(content: TwoCounties.fixture.appendingPathComponent("Content"), theme: County.theme,
                                   output: output, contentDisplay: "Content")
        options.today = TwoCounties.today
        options.parallel = false
        let result = SiteBuilder(options: options).build()
        precondition(result.wrote, "\(result.errors)")
        return output
    }()

    func page(_ path: String) throws -> String {
        try String(contentsOf: EntryContactTests.site.appendingPathComponent(path), encoding: .utf8)
    }

    /// The `<li class="card…">` of the entry whose page is `entry` on `path`.
    func card(_ path: String, of entry: String) throws -> String {
        let html = try page(path)
        let cards = html.components(separatedBy: "<li class=\"card").dropFirst().map { $0.components(separatedBy: "</li>")[0] }
        return try #require(cards.first { $0.contains("/\(entry)/") }, "no card for \(entry) on \(path)")
    }

    func count(_ text: String, in html: String) -> Int { html.components(separatedBy: text).count - 1 }

    @Test func anAgencysPageLeadsWithItsContactDetails() throws {
        let html = try page("willow-primary/agencies/early-help-teams/index.html")
        let contact = try #require(html.range(of: "How to get in touch"))
        let text = try #require(html.range(of: "A family support worker works with the whole family"))
        let help = try #require(html.range(of: "id=\"get-help-now\""))
        #expect(contact.lowerBound < text.lowerBound && text.lowerBound < help.lowerBound)
    }

    @Test func theAgencyPageShowsEveryTeamLabelled() throws {
        let html = try page("willow-primary/agencies/early-help-teams/index.html")
        for (index, label) in ["Ashdown", "Brookfield", "Castleford", "Dunmere", "Elmbridge", "Fernley"].enumerated() {
            let heading = try #require(html.range(of: "id=\"team-\(label.lowercased())\">\(label) team</h4>"), "\(label)")
            let phone = try #require(html.range(of: "href=\"tel:0117496010\(index + 1)\""), "\(label)'s phone")
            #expect(heading.lowerBound < phone.lowerBound)
            #expect(html.contains("mailto:\(label.lowercased())@severnshire.example.org.uk"))
        }
        #expect(html.contains("<h3 id=\"teams\">Local teams</h3>"))
        #expect(html.contains("Covers: Ashdown and the villages around it (postcodes BS1 and BS2)"))
        #expect(html.contains("Covers: postcode BS3"))
        #expect(html.contains("Covers: Fernley, Upper Fernley and Marsh End"))
        #expect(html.contains("The Old Library, Dunmere, BS5 1AA"))
    }

    @Test func aCardNamesTheTeamsAndSendsToThePageNeverOneUnlabelledNumber() throws {
        let card = try card("willow-primary/topics/safeguarding/index.html", of: "early-help-teams")
        #expect(card.contains("Teams in 6 places: Ashdown, Brookfield, Castleford, Dunmere, Elmbridge and Fernley."))
        #expect(card.contains("early-help-teams/index.html#teams\">Find the team for where you live</a>"))
        #expect(!card.contains("tel:"), "a card must not show one team's number as the agency's")
        #expect(card.contains("mailto:earlyhelp@severnshire.example.org.uk"), "its own email is its first way in")
    }

    @Test func theHandoutLabelsEachTeamsNumber() throws {
        let html = try page("willow-primary/handout/index.html")
        for (index, label) in ["Ashdown", "Brookfield", "Castleford", "Dunmere", "Elmbridge", "Fernley"].enumerated() {
            #expect(html.contains("<span class=\"handout-team\">\(label): <a href=\"tel:0117496010\(index + 1)\">0117 496 010\(index + 1)</a></span>"), "\(label)")
        }
    }

    @Test func namedContactsShowOnThePageTheCardAndTheHandout() throws {
        let html = try page("willow-primary/agencies/police/index.html")
        #expect(html.contains("<h3>People you can ask for</h3>"))
        #expect(html.contains("<span class=\"contact-person\">PCSO Jo Bright</span>, Police Community Support Officer for Ashdown&#39;s schools")
                || html.contains("<span class=\"contact-person\">PCSO Jo Bright</span>, Police Community Support Officer for Ashdown's schools"))
        #expect(html.contains("href=\"tel:01174960050\""))
        #expect(html.contains("<span class=\"contact-person\">DC Sam Patel</span>, Prevent officer"))
        let card = try card("willow-primary/topics/safeguarding/index.html", of: "police")
        #expect(card.contains("PCSO Jo Bright"))
        #expect(card.contains("href=\"tel:01174960050\""))
        #expect(!card.contains("DC Sam Patel"), "a card shows only the people a family can reach")
        #expect(try page("willow-primary/handout/index.html").contains("PCSO Jo Bright: <a href=\"tel:01174960050\">0117 496 0050</a>"))
    }

    @Test func aReferralOnlyEntryShowsWhoToAskAndTheSchoolsOwnContact() throws {
        let willow = try page("willow-primary/agencies/community-paediatrics/index.html")
        #expect(willow.contains("How to get this help"))
        #expect(willow.contains("<p class=\"contact-referral\">Ask your GP, your health visitor or the school nurse to refer you.</p>"))
        #expect(willow.contains("Willow Primary School can help you ask: call <a href=\"tel:01174960200\">0117 496 0200</a>"))
        #expect(!willow.contains("Who can ask for help"), "the route is said once, in the contact box")
        // A national referral-only entry shows each school its own contact: the school's
        // value reaches the shared piece through its input.
        let oak = try page("oak-first/agencies/national-centre-for-domestic-violence/index.html")
        let willowNCDV = try page("willow-primary/agencies/national-centre-for-domestic-violence/index.html")
        #expect(oak.contains("Oak First School can help you ask: call <a href=\"tel:01905772740\">"))
        #expect(willowNCDV.contains("Willow Primary School can help you ask: call <a href=\"tel:01174960200\">"))
        #expect(!oak.contains("01174960200") && !willowNCDV.contains("01905772740"))
        let card = try card("willow-primary/topics/send/index.html", of: "community-paediatrics")
        #expect(card.contains("<p class=\"card-contact card-referral\">Ask your GP, your health visitor or the school nurse to refer you.</p>"))
        #expect(try page("willow-primary/handout/index.html").contains("Community Paediatric Service</span> <span class=\"handout-referral\">Ask your GP"))
    }

    @Test func aSchoolServiceWithNoContactOfItsOwnIsReachedThroughTheSchool() throws {
        let card = try card("willow-primary/topics/mental-health/index.html", of: "nurture-group")
        #expect(card.contains("Ask at the school:</span> <a href=\"tel:01174960200\">0117 496 0200</a>"))
        let html = try page("willow-primary/services/nurture-group/index.html")
        let box = try #require(html.components(separatedBy: "<section class=\"contact-box\"").dropFirst().first?.components(separatedBy: "</section>").first)
        #expect(box.contains("Ask at Willow Primary School: call <a href=\"tel:01174960200\">0117 496 0200</a>"))
    }

    @Test func theHandoutShowsTheSchoolsOwnNumberOnce() throws {
        let html = try page("willow-primary/handout/index.html")
        #expect(count("tel:01174960200", in: html) == 1, "the school's number, with its contact")
        #expect(html.contains("Ask us about"))
        #expect(html.contains("<li>Nurture Group</li>"))
        #expect(html.contains("All the help, online: <a class=\"url\" href=\"https://earlyhelp.example.org/willow-primary/\">earlyhelp.example.org/willow-primary</a>"))
        #expect(html.contains("class=\"qr\""))
        #expect(html.contains("last reviewed <time datetime=\"2026-10\">October 2026</time> · next review October 2027"))
    }
}

@Suite("Contact words")
struct ContactWordsTests {
    @Test func referralRoutesReadAsOneSentence() {
        #expect(ContactValues.referralWho(["gp"]) == "Ask your GP to refer you")
        #expect(ContactValues.referralWho(["school", "gp", "health-visitor"]) == "Ask the school, your GP or your health visitor to refer you")
        #expect(ContactValues.referralWho([]) == "Ask the school to refer you")
    }

    @Test func teamsAreNamedForWhatTheyAre() {
        #expect(ContactValues.teamName("Wychavon") == "Wychavon team")
        #expect(ContactValues.teamName("Worcester office") == "Worcester office")
        #expect(ContactValues.teamName("North Team") == "North Team")
    }

    @Test func webLinksSayWhereTheyGo() {
        let sites = ContactValues.websites([Website(url: "https://www.samaritans.org/", label: nil),
                                            Website(url: "https://www.samaritans.org/how-we-can-help/", label: "How we can help"),
                                            Website(url: "https://jo.samaritans.org/x", label: nil)], of: "Samaritans")
        #expect(sites.map { $0[.web_text] as String? } == ["Samaritans website", "How we can help", "Samaritans website: jo.samaritans.org"])
        #expect(sites[1][.web_short] as String? == "www.samaritans.org/how-we-can-help")
        #expect(sites[1][.web_parts]?.map { (part: Values<PartKey>) in part[.part] as String? ?? "" } == ["www.samaritans.org/", "how-we-can-help"])
    }

    @Test func aNameThatSaysWebsiteIsNotFollowedByWebsiteAgain() {
        let sites = ContactValues.websites([Website(url: "https://www.safeguardingworcestershire.org.uk/", label: nil),
                                            Website(url: "https://x.example.org/", label: nil)], of: "Safeguarding Partnership (WSCB) website")
        #expect(sites.map { $0[.web_text] as String? } == ["Safeguarding Partnership (WSCB) website", "Safeguarding Partnership (WSCB) website: x.example.org"])
        #expect(ContactValues.websites([Website(url: "https://a.example/", label: nil)], of: "Parent Zone web site")[0][.web_text] as String? == "Parent Zone web site")
    }

    @Test func largerTextOnlyWhenItStillFitsTwoPages() {
        var short = HandoutFit()
        short.text(String(repeating: "x", count: 3000))
        var long = HandoutFit()
        long.text(String(repeating: "x", count: 7000))
        var tooLong = HandoutFit()
        tooLong.text(String(repeating: "x", count: 9000))
        #expect(short.size == 120)
        #expect(long.size == 100)
        #expect(tooLong.size == nil)
        #expect(long.pages(at: 100) < long.pages(at: 110))
    }
}
