import Foundation
import SignpostExport
import SignpostModel
import SignpostPipeline
@testable import SignpostUpkeep
import Testing

/// `signpost report` on Tests/Fixtures/review (see its README), made on 1 March 2027: the rows
/// it lists, in the order to act on them, the counts per area, and where it will not write.
@Suite("Review report")
struct ReviewReportTests {
    static let root = Paths.fixtures.appendingPathComponent("review")
    static let today = Day(year: 2027, month: 3, day: 1)

    static func report() -> ReviewReport {
        var options = BuildOptions(content: root.appendingPathComponent("Content"), theme: County.theme,
                                   output: root.appendingPathComponent("Site"), contentDisplay: "Content")
        options.today = today
        let prepared = SiteBuilder(options: options).prepare(log: DiagnosticLog())
        let uses = WebAddressFinder.find(in: prepared.site, markdown: prepared.markdown)
        return ReviewReport(site: prepared.site, uses: uses, links: LinkMemory.load(content: options.content), today: today, contentDisplay: "Content")
    }

    @Test func eachSchoolsReviewIsShownOverdueFirst() {
        let schools = Self.report().schools
        #expect(schools.map(\.school) == ["Ash First School", "Elm High School", "Oak First School"])
        #expect(schools.map(\.overdue) == [true, true, false])
        #expect(schools[0].lastReview == nil)
        #expect(schools[1].nextReview == Day(year: 2026, month: 10, day: 1)) // a year after its review
        #expect(schools[2].nextReview == Day(year: 2027, month: 9, day: 1))
    }

    @Test func rowsAreWhatNeedsDoingMostUrgentFirst() {
        let rows = Self.report().rows
        let kinds = rows.map(\.kind)
        #expect(kinds.first == .overdueSchool)
        #expect(rows[0].subject == "Elm High School")
        #expect(rows[0].detail.contains("151 days ago"))
        #expect(rows[1].kind == .unreviewedSchool && rows[1].subject == "Ash First School")
        // Kinds come in their order, never mixed.
        let order = ReviewReport.order
        #expect(kinds.map { order.firstIndex(of: $0)! } == kinds.map { order.firstIndex(of: $0)! }.sorted())
        let dead = rows.filter { $0.kind == .deadLink }
        #expect(dead.map(\.subject) == ["Samaritans"])
        #expect(dead[0].schools == ["Elm High School", "Oak First School"])
        #expect(dead[0].file == "Content/agencies/samaritans.md")
        let moved = rows.filter { $0.kind == .movedLink }
        #expect(moved.map(\.subject) == ["CAMHS"])
        #expect(moved[0].line == 23)
        #expect(moved[0].detail.contains("https://www.shire.nhs.uk/services/camhs/"))
        let stale = rows.filter { $0.kind == .staleEntry }
        #expect(stale.map(\.subject) == ["Samaritans"])
        #expect(stale[0].date == "2025-06-01")
        let unreviewed = Set(rows.filter { $0.kind == .unreviewedEntry }.map(\.file))
        // NSPCC (December 2026) and the breakfast club (September 2026) are up to date.
        #expect(!unreviewed.contains("Content/agencies/nspcc.md"))
        #expect(!unreviewed.contains("Content/schools/oak-first/services/breakfast-club.md"))
        #expect(unreviewed.contains("Content/agencies/childline.md"))
        #expect(unreviewed.contains("Content/schools/elm-high/services/counselling.md"))
        #expect(unreviewed.count == 11)
    }

    @Test func eachAreaHasItsCounts() {
        let areas = Self.report().areas
        #expect(areas.map(\.area) == ["Shire", "National"])
        #expect(areas[0].schools == 3 && areas[0].overdueSchools == 2)
        #expect(areas[0].unreviewedEntries == 9 && areas[0].movedLinks == 1)
        #expect(areas[1].unreviewedEntries == 2 && areas[1].staleEntries == 1 && areas[1].deadLinks == 1)
    }

    @Test func thePageAndCSVCarryTheSameRows() throws {
        let report = Self.report()
        let csv = report.csv.split(separator: "\r\n")
        #expect(csv.count == report.rows.count + 1)
        #expect(csv[1].hasPrefix("1,School offer overdue for review,Shire,Elm High School,"))
        let html = report.html
        #expect(html.contains("<html lang=\"en-GB\">"))
        #expect(html.contains("<caption>\(report.rows.count) things to do, most urgent first</caption>"))
        #expect(html.contains("<th scope=\"row\">Oak First School</th><td>Samaritans</td><td>CAMHS</td>"))
        #expect(!html.contains("<script") && !html.contains("http://") && !html.contains("src="))
        #expect(html.contains("Web addresses were last checked on 2027-02-27"))
    }

    @Test func aSpreadsheetNeverRunsACellAsAFormula() {
        var report = Self.report()
        report.rows = [ReviewReport.Row(kind: .deadLink, area: "=HYPERLINK(\"x\")", subject: "a, b", schools: [], file: "f", line: 1, detail: "d", date: nil, urgency: 0)]
        #expect(report.csv.contains("1,Web address does not work,\"'=HYPERLINK(\"\"x\"\")\",\"a, b\","))
    }

    @Test func itIsNeverWrittenIntoTheSiteOrContent() throws {
        let dir = TempDir()
        let site = dir.url.appendingPathComponent("Site")
        let content = dir.url.appendingPathComponent("Content")
        let report = Self.report()
        #expect(throws: ExportError.self) { try report.write(to: site, site: site, content: content) }
        #expect(throws: ExportError.self) { try report.write(to: site.appendingPathComponent("review"), site: site, content: content) }
        #expect(throws: ExportError.self) { try report.write(to: content.appendingPathComponent("review"), site: site, content: content) }
        // A site built somewhere else is known by its marker.
        let other = dir.url.appendingPathComponent("public")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try Data().write(to: other.appendingPathComponent(SiteLayout.markerName))
        #expect(throws: ExportError.self) { try report.write(to: other.appendingPathComponent("review"), site: site, content: content) }
        let out = dir.url.appendingPathComponent("review")
        try report.write(to: out, site: site, content: content)
        try report.write(to: out, site: site, content: content)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("index.html").path))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("review.csv").path))
        #expect(!FileManager.default.fileExists(atPath: site.path))
    }
}
