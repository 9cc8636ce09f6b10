import Foundation
import SignpostModel
import SignpostPipeline
@testable import SignpostRender
import Testing

/// How a family finds help, built with the default theme: the offer page as a hub (the short
/// "Get help now" box first), "Get help now" one tap from the top of every page and saying when
/// to use each number, the A to Z with its search words, how help works with the area's own
/// text, and pages of no school that never show one county's numbers as everyone's.
@Suite("Finding help")
struct HubTests {
    /// The two-counties fixture (or a changed copy of it) built with the default theme.
    struct Built {
        let dir = TempDir("hub-site")
        let result: BuildResult
        var site: URL { dir.path("Site") }

        init(content: URL = TwoCounties.fixture.appendingPathComponent("Content"), drafts: Bool = false) {
            var options = TwoCounties.options(content: content, output: dir.path("Site"))
            options.theme = County.theme
            options.includeDrafts = drafts
            result = SiteBuilder(options: options).build()
        }

        func page(_ path: String) -> String { County.page(site, path) }

        var pages: [(path: String, html: String)] {
            snapshot(site).filter { $0.key.hasSuffix(".html") }.map { ($0.key, String(decoding: $0.value, as: UTF8.self)) }
                .sorted { $0.path < $1.path }
        }
    }

    static func shows(_ html: String, _ digits: String) -> Bool {
        html.contains(UKPhone.display(digits)) || html.contains(UKPhone.href(digits))
    }

    // MARK: No county's numbers as everyone's

    @Test func noPageShowsAnotherCountysNumbersAsItsOwn() throws {
        let built = Built()
        #expect(built.result.wrote, "\(built.result.errors)")
        let (site, _) = TwoCounties.resolve()
        // Each area's own numbers: those of its box that the other area does not give.
        let numbers = site.content.areas.mapValues { area in
            Set(area.getHelpNow.flatMap { [$0.phone, $0.outOfHours?.phone] }.compactMap { $0 }.map(UKPhone.digits))
        }
        let own = numbers.mapValues { mine in mine.filter { n in numbers.values.filter { $0.contains(n) }.count == 1 } }
        #expect(own["worcestershire"] == ["01905822666"])
        #expect(own["severnshire"] == ["01174960000", "01174960001"])
        for (path, html) in built.pages {
            let folder = String(path.split(separator: "/").first ?? "")
            if let school = site.school(folder) {
                for (area, theirs) in own where area != school.area.id {
                    for number in theirs { #expect(!Self.shows(html, number), "\(path) (in \(school.area.name)) shows \(number), a number of \(area)") }
                }
            } else {
                let showing = own.filter { $0.value.contains { Self.shows(html, $0) } }.keys.sorted()
                #expect(showing.isEmpty || showing.count == own.count, "\(path) belongs to no school but shows only \(showing)'s numbers")
            }
        }
        // What is true everywhere stays, with the way to the rest.
        for path in ["index.html", "404.html", "accessibility/index.html"] {
            #expect(built.page(path).contains("href=\"tel:999\""), "\(path)")
            #expect(built.page(path).contains("Choose your child's school</a> to see who to call."), "\(path)")
        }
        // A school's own pages give its own county's front door.
        #expect(Self.shows(built.page("oak-first/index.html"), "01905822666"))
        #expect(Self.shows(built.page("willow-primary/index.html"), "01174960000"))
    }

    @Test func theListOfSchoolsIsByArea() throws {
        let built = Built()
        let index = built.page("index.html")
        let severn = try #require(index.range(of: "<h2 id=\"area-severnshire\">Schools in Severnshire</h2>"))
        let worcs = try #require(index.range(of: "<h2 id=\"area-worcestershire\">Schools in Worcestershire</h2>"))
        let willow = try #require(index.range(of: "Willow Primary School</a>"))
        let oak = try #require(index.range(of: "Oak First School</a>"))
        #expect(severn.upperBound < willow.lowerBound && willow.upperBound < worcs.lowerBound && worcs.upperBound < oak.lowerBound)
    }

    /// With one area, every school's family is in it: its whole box is true for all of them.
    @Test func withOneAreaThePagesOfNoSchoolShowItsBox() {
        let dir = TempDir()
        #expect(County.build(content: County.content, output: dir.path("Site")).wrote)
        let index = County.page(dir.path("Site"), "index.html")
        #expect(index.contains("href=\"tel:01905822666\""))
        #expect(!index.contains("to see who to call"))
    }

    // MARK: "Get help now"

    @Test func outOfHoursIsReadAsANumberOrWithItsWords() throws {
        let tree = ContentTree()
        tree.write("areas/worcs/area.md", """
        ---
        name: Worcestershire
        get_help_now:
          - label: Family Front Door
            phone: "01905 822666"
            hours: Monday to Friday, during office hours
            out_of_hours:
              phone: "01905 768020"
              when: At other times, and at weekends
          - label: Duty team
            phone: "01632 960000"
            out_of_hours: "01632 960001"
        levels:
          - id: universal
            name: Universal
        ---
        """)
        let (content, log) = tree.load()
        #expect(log.errors.isEmpty, "\(log.summary)")
        let lines = try #require(content.areas["worcs"]?.getHelpNow)
        #expect(lines.map(\.outOfHours?.phone) == ["01905 768020", "01632 960001"])
        #expect(lines.map(\.outOfHours?.when) == ["At other times, and at weekends", nil])
        #expect(lines[0].hours == "Monday to Friday, during office hours")
    }

    @Test(arguments: [
        ("    out_of_hours: [\"01905 768020\"]\n", "`out_of_hours` should be a phone number, or a group with `phone:` and `when:`", 6),
        ("    out_of_hours:\n      when: At night\n", "`out_of_hours` needs a `phone:` setting", 7),
        ("    out_of_hours:\n      phone: \"01905 768020\"\n      wen: At night\n", "unknown setting `wen` for out_of_hours", 8),
        ("    out_of_hours: \"12345\"\n", "", 6),
    ])
    func aMistakeInOutOfHoursNamesItsLine(setting: String, message: String, line: Int) throws {
        let tree = ContentTree()
        tree.write("areas/worcs/area.md", "---\nname: Worcestershire\nget_help_now:\n  - label: Front door\n    phone: \"01905 822666\"\n"
                   + setting + "levels:\n  - id: universal\n    name: Universal\n---\n")
        let (_, log) = tree.load()
        let error = try #require(log.errors(in: "Content/areas/worcs/area.md").first, "\(log.summary)")
        if !message.isEmpty { #expect(error.message == message) }
        #expect(error.line == line, "\(log.summary)")
    }

    @Test func eachLineSaysWhenToUseItsNumbers() {
        let open = LayoutValues.helpLine(HelpLine(label: "Front Door", phone: "0117 496 0000", hours: "Monday to Friday, 9am to 5pm",
                                                  outOfHours: OutOfHours(phone: "01174960001", when: nil)))
        let when: String? = open[.help_when], other: String? = open[.help_other_when], phone: String? = open[.help_other_phone]
        let tel: String? = open[.help_other_tel], hours: String? = open[.help_hours]
        #expect(when == "Monday to Friday, 9am to 5pm")
        #expect(other == "At other times" && phone == "0117 496 0001" && tel == "tel:01174960001")
        // Templates that show only `help_hours` still give both numbers.
        #expect(hours == "Monday to Friday, 9am to 5pm. At other times, call 0117 496 0001.")
        let night = LayoutValues.helpLine(HelpLine(label: "Duty team", outOfHours: OutOfHours(phone: "0117 496 0001", when: "At night")))
        let nightHours: String? = night[.help_hours], noWhen: String? = night[.help_when]
        #expect(nightHours == "At night, call 0117 496 0001." && noWhen == nil)
        let closed = LayoutValues.helpLine(HelpLine(label: "Duty team", outOfHours: OutOfHours(phone: "0117 496 0001", when: nil)))
        let closedWhen: String? = closed[.help_other_when]
        #expect(closedWhen == "Out of hours")
    }

    @Test func theBoxGivesTheOutOfHoursNumberBesideTheHours() {
        let county = TwoCounties()
        county.edit("areas/severnshire/area.md", "  - label: Out of hours\n    phone: \"0117 496 0001\"\n", "")
        county.edit("areas/severnshire/area.md", "    hours: Monday to Friday, 9am to 5pm\n",
                    "    hours: Monday to Friday, 9am to 5pm\n    out_of_hours: \"0117 496 0001\"\n")
        let built = Built(content: county.content)
        #expect(built.result.wrote, "\(built.result.errors)")
        for path in ["willow-primary/index.html", "willow-primary/agencies/cyps/index.html"] {
            let html = built.page(path)
            #expect(html.contains("<span class=\"help-hours\">Monday to Friday, 9am to 5pm</span>\n"
                                  + "<span class=\"help-other\">At other times, call <a class=\"help-phone-small\" href=\"tel:01174960001\">0117 496 0001</a></span>"), "\(path)")
        }
    }

    /// One link to the box, at the top of every page; the offer page opens with the short box,
    /// every other page has the box after its own content.
    @Test func getHelpNowIsOneTapFromTheTopOfEveryPage() throws {
        let built = Built()
        #expect(built.result.wrote, "\(built.result.errors)")
        for (path, html) in built.pages where !path.hasSuffix("handout/index.html") && !path.hasSuffix("whole-offer/index.html") {
            #expect(html.components(separatedBy: "id=\"get-help-now\"").count == 2, "\(path): one box")
            let link = try #require(html.range(of: "<a class=\"help-link\" href=\"#get-help-now\">Get help now</a>"), "\(path)")
            let main = try #require(html.range(of: "<main"), "\(path)")
            #expect(link.upperBound < main.lowerBound, "\(path): the link comes before the page's own content")
        }
        let offer = built.page("oak-first/index.html")
        let box = try #require(offer.range(of: "id=\"get-help-now\""))
        let topics = try #require(offer.range(of: "What do you need help with?"))
        #expect(box.upperBound < topics.lowerBound)
        #expect(offer.contains("get-help-now-compact"))
        // The short box leaves out what the offer page shows below it (the school's people).
        #expect(!offer.contains("Safeguarding contacts at"))
        let entry = built.page("oak-first/agencies/samaritans/index.html")
        let own = try #require(entry.range(of: "class=\"page-body\""))
        let after = try #require(entry.range(of: "id=\"get-help-now\""))
        #expect(own.upperBound < after.lowerBound && !entry.contains("get-help-now-compact"))
    }

    // MARK: The offer page and the pages it leads to

    @Test func theOfferPageIsAHubThatLeadsToTheRest() throws {
        let built = Built()
        let offer = built.page("willow-primary/index.html")
        let here = "../willow-primary/"
        #expect(offer.contains("<form class=\"search-form\" action=\"\(here)a-z/index.html\" method=\"get\" role=\"search\">"))
        #expect(offer.contains("<a href=\"\(here)topics/mental-health/index.html\">Mental health and wellbeing</a>"))
        #expect(offer.contains("<h2 id=\"school-help-title\">Help from the school</h2>"))
        #expect(offer.contains("<a href=\"\(here)services/nurture-group/index.html\">"))
        // How help works: the school's name for each level, what it means and what to do.
        #expect(offer.contains("<a href=\"\(here)levels/community/index.html\">Community (a bit of help)</a>"))
        #expect(offer.contains("<p>Help from one service, close to home.</p>"))
        #expect(offer.contains("<p><strong>What to do:</strong> Contact the service yourself.</p>"))
        #expect(offer.contains("<a href=\"\(here)how-help-works/index.html\">How help works in Severnshire</a>"))
        #expect(offer.contains("<a href=\"\(here)about.html\">About our Early Help Offer</a>"))
        // Month dates read as months.
        #expect(offer.contains("Next review: <time datetime=\"2027-10\">October 2027</time>"))
        #expect(offer.contains("Last reviewed <time datetime=\"2026-10\">October 2026</time> by Amy Khan."))
        // The school's long introduction is on its own page.
        #expect(!offer.contains("Willow's offer."))
        let about = built.page("willow-primary/about.html")
        #expect(about.contains("<h1>About our Early Help Offer</h1>") && about.contains("Willow's offer."))
    }

    /// The area's explanation of its levels is published where a family meets the levels.
    @Test func theAreasOwnTextIsOnHowHelpWorks() {
        let built = Built()
        let page = built.page("willow-primary/how-help-works/index.html")
        #expect(page.contains("<h1>How help works in Severnshire</h1>"))
        #expect(page.contains("Severnshire's four tiers of need."))
        #expect(page.contains("Community (a bit of help)"))
        #expect(!built.page("oak-first/how-help-works/index.html").contains("Severnshire's four tiers"))
    }

    @Test func aLevelPageSaysWhatToDo() {
        let built = Built()
        let level = built.page("willow-primary/levels/universal/index.html")
        #expect(level.contains("<h2>What to do</h2>\n<p>Contact the service yourself.</p>"))
        // A level whose national level says nothing to do has no such part.
        #expect(!built.page("willow-primary/levels/acute/index.html").contains("What to do"))
    }

    @Test func theAToZListsEverythingWithTheWordsItIsFoundBy() throws {
        let built = Built()
        let page = built.page("willow-primary/a-z/index.html")
        let (site, _) = TwoCounties.resolve()
        let willow = try #require(site.school("willow-primary"))
        for entry in willow.entries {
            #expect(page.contains("href=\"../\(SiteURLs.Within.entry(entry))\""), "\(entry.id) is not in the A to Z")
        }
        #expect(page.contains("<a href=\"../../willow-primary/topics/domestic-abuse/index.html\">Domestic abuse</a>"))
        // Each list carries, for each item in order, the fields the search weighs: name, the
        // words families use, topics, summary and the words of its text.
        var lists = 0
        var items: [[String]] = []
        for match in page.matches(of: /<ul class="cards" data-search="([^"]*)">\n((?:.|\n)*?)<\/ul>/) {
            lists += 1
            let json = String(match.1).replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&amp;", with: "&")
            let fields = try JSONDecoder().decode([[String]].self, from: Data(json.utf8))
            #expect(fields.count == String(match.2).components(separatedBy: "<li class=\"card").count - 1)
            #expect(fields.allSatisfy { $0.count == 5 })
            items += fields
        }
        #expect(lists > 3)
        // An entry is found by its topics' names.
        let ncdv = try #require(items.first { $0[0] == "National Centre for Domestic Violence" })
        #expect(ncdv[2].contains("Domestic abuse"))
        #expect(ncdv[3] == "A free, fast emergency injunction service for survivors of domestic violence.")
        // A topic is found by the words families use for it.
        let topic = try #require(items.first { $0[0] == "Domestic abuse" })
        #expect(topic[2] == "topic")
        #expect(page.contains("<script src=\"../../assets/search.js\" defer></script>"))
    }

    /// Each item's words are encoded once for the county and joined into each letter's list:
    /// the list must be the one JSONEncoder writes for all of them at once.
    @Test func theSearchWordsJoinIntoTheListJSONEncoderWrites() throws {
        let index = AToZIndex()
        let words = ["Café \"quoted\" / slash", "tab\there", "<b>&amp;</b>", "", "☎ 0800 1111", "line\nbreak"]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let whole = String(decoding: try encoder.encode(words), as: UTF8.self)
        #expect("[" + words.map(index.json).joined(separator: ",") + "]" == whole)
        #expect(index.json(words[0]) == index.json(words[0]))
        // Sorted without case or accents; the letter is the first letter or digit.
        #expect(index.place("Émile's club") == ("emile's club", "E", 2))
        #expect(index.place("999 emergency").letter == "0–9" && index.place("“Quoted”").letter == "Q" && index.place("—").letter == "#")
    }

    /// "Domestic abuse" opens "Domestic abuse": a topic's own text's title is a sub-heading.
    @Test func aTopicsPageIsTitledByItsName() {
        let dir = TempDir()
        #expect(County.build(content: County.content, output: dir.path("Site")).wrote)
        let page = County.page(dir.path("Site"), "oak-first/topics/bullying/index.html")
        #expect(page.contains("<h1>Bullying and cyberbullying</h1>"))
        #expect(page.contains("<h2>Bullying at Oak First School</h2>"))
    }

    @Test func theOfferLevelAndAToZPagesOfferExitThisPage() {
        let built = Built()
        for path in ["oak-first/index.html", "oak-first/levels/universal/index.html", "oak-first/a-z/index.html"] {
            #expect(built.page(path).contains("class=\"exit-this-page\""), "\(path)")
        }
    }

    @Test func aDraftsPagesSayItIsADraft() {
        let county = TwoCounties()
        county.edit("schools/hazel-primary/services/homework-club.md", "[tier-2]", "[community]")
        county.edit("schools/hazel-primary/school.md", "  - name: \"\"\n", "  - name: Kim Lee\n    phone: \"0117 496 0300\"\n")
        county.edit("schools/hazel-primary/school.md", "phone: \"\"\n", "")
        let served = Built(content: county.content, drafts: true)
        #expect(served.result.wrote, "\(served.result.errors)")
        #expect(served.page("hazel-primary/index.html").contains("<strong>Draft: not published.</strong>"))
        #expect(served.page("hazel-primary/agencies/cyps/index.html").contains("Draft: not published"))
        #expect(!served.page("willow-primary/index.html").contains("Draft: not published"))
        let published = Built(content: county.content)
        #expect(!published.pages.contains { $0.html.contains("Draft: not published") })
    }

    /// A site of one school has no list of schools, so no page offers one.
    @Test func aSiteOfOneSchoolHasNoLinkToAllSchools() {
        let dir = TempDir()
        var options = County.options(content: County.content, output: dir.path("Site"))
        options.urls = SiteURLs(.oneSchool("oak-first"))
        #expect(SiteBuilder(options: options).build().wrote)
        for path in ["index.html", "levels/universal/index.html", "accessibility/index.html", "a-z/index.html"] {
            #expect(!County.page(dir.path("Site"), path).contains("All schools"), "\(path)")
        }
        #expect(County.page(dir.path("Site"), "404.html").contains("Go to the Early Help Offer"))
        let county = TempDir()
        #expect(County.build(content: County.content, output: county.path("Site")).wrote)
        #expect(County.page(county.path("Site"), "oak-first/index.html").contains(">All schools</a>"))
    }
}
