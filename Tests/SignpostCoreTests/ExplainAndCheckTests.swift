import Foundation
import SignpostAuthoring
import SignpostModel
import SignpostPipeline
import Testing

@Suite("Explainer, link checker and JSON report")
struct ExplainAndCheckTests {
    static let today = Day("2026-11-22")!
    static let fixture = Paths.fixtures.appendingPathComponent("two-areas")

    func options(content: URL) -> BuildOptions {
        var options = BuildOptions(content: content, theme: ExplainAndCheckTests.fixture.appendingPathComponent("theme"),
                                   output: FileManager.default.temporaryDirectory.appendingPathComponent("unused-\(UUID().uuidString)"),
                                   contentDisplay: "Content", themeDisplay: "theme")
        options.today = ExplainAndCheckTests.today
        return options
    }

    @Test func explainNamesTheFileOfEachField() throws {
        let log = DiagnosticLog()
        let result = Explainer(options: options(content: ExplainAndCheckTests.fixture.appendingPathComponent("Content")))
            .explain(school: "oak-first", entry: "camhs-west", log: log)
        guard case let .success(text) = result else { Issue.record("\(result)"); return }
        #expect(text.contains("Content/areas/worcestershire/agencies/camhs-west.md"))
        #expect(text.contains("Content/schools/oak-first/agencies/camhs-west.md"))
        // cost comes from the school's file, phones from the area's.
        let lines = text.components(separatedBy: "\n")
        let cost = try #require(lines.firstIndex { $0.contains("Ask the school office") })
        #expect(lines[cost + 1].contains("from Content/schools/oak-first/agencies/camhs-west.md"))
        let phones = try #require(lines.firstIndex { $0.contains("01905 768020") })
        #expect(lines[phones + 1].contains("from Content/areas/worcestershire/agencies/camhs-west.md"))
        #expect(text.contains("combined from:"))
    }

    @Test func explainUnknownSchoolSuggests() throws {
        let log = DiagnosticLog()
        let result = Explainer(options: options(content: ExplainAndCheckTests.fixture.appendingPathComponent("Content")))
            .explain(school: "oak-frist", entry: "camhs-west", log: log)
        guard case let .failure(diagnostic) = result else { Issue.record("expected failure"); return }
        #expect(diagnostic.suggestion == "did you mean \"oak-first\"?")
    }

    @Test func explainExcludedLibraryAgency() throws {
        let log = DiagnosticLog()
        let result = Explainer(options: options(content: ExplainAndCheckTests.fixture.appendingPathComponent("Content")))
            .explain(school: "oak-first", entry: "refuge", log: log)
        guard case let .failure(diagnostic) = result else { Issue.record("expected failure"); return }
        #expect(diagnostic.message.contains("does not list it"))
    }

    @Test func brokenInternalLinksAndAnchorsAreErrors() throws {
        let tree = ContentTree()
        tree.write("schools/test-first/pages/policy.md", """
        ---
        title: Policy
        ---
        ## Contacts

        See [the contacts](#contcts) and [missing page](../missing-page/index.html).
        Good: [contacts](#contacts), [home](../../index.html), [CAMHS](../../agencies/camhs-west/index.html).
        Typo: [CAMHS](../../agencies/camhs-wst/index.html).
        """)
        let log = DiagnosticLog()
        _ = SiteBuilder(options: options(content: tree.root)).prepare(log: log)
        let file = "Content/schools/test-first/pages/policy.md"
        let errors = log.errors(in: file)
        #expect(errors.count == 3, "\(log.summary)")
        let anchor = try #require(errors.first { $0.message.contains("#contcts") }, "\(log.summary)")
        #expect(anchor.suggestion == "did you mean \"#contacts\"?")
        #expect(anchor.line == 6)
        #expect(errors.contains { $0.message.contains("../missing-page/index.html") })
        let typo = try #require(errors.first { $0.message.contains("camhs-wst") }, "\(log.summary)")
        #expect(typo.line == 8)
        #expect(typo.suggestion == "did you mean \"../../../test-first/agencies/camhs-west/index.html\"?")
    }

    @Test func removedMarkdownLinksAreReportedOnTheirLine() throws {
        let tree = ContentTree()
        tree.write("schools/test-first/services/club.md", "---\nname: Club\n---\nLine one.\n\nSee [our form](U:\\Forms\\club.docx).\n")
        let log = DiagnosticLog()
        _ = SiteBuilder(options: options(content: tree.root)).prepare(log: log)
        let error = try #require(log.errors(in: "Content/schools/test-first/services/club.md").first, "\(log.summary)")
        #expect(error.line == 6)
        #expect(error.message.contains("network drive"))
    }

    @Test func jsonReportCountsAndFields() throws {
        let diagnostics = [
            Diagnostic(.error, file: "Content/a.md", line: 3, column: 2, "bad", suggestion: "fix it"),
            Diagnostic(.warning, file: "Content/b.md", "hmm"),
        ]
        let json = DiagnosticJSON.encode(diagnostics, schools: 4)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["errors"] as? Int == 1)
        #expect(object["warnings"] as? Int == 1)
        #expect(object["schools"] as? Int == 4)
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.count == 2)
        #expect(findings[0]["file"] as? String == "Content/a.md")
        #expect(findings[0]["line"] as? Int == 3)
        #expect(findings[0]["suggestion"] as? String == "fix it")
        #expect(findings[1]["severity"] as? String == "warning")
    }

    @Test func diagnosticDescriptionIsEditorFormat() {
        let d = Diagnostic(.error, file: "Content/a.md", line: 0, column: -3, "bad")
        #expect(d.description.hasPrefix("Content/a.md:1:1: error: bad"))
    }

    @Test func logIsSortedAndDeduplicated() {
        let log = DiagnosticLog()
        log.error("b.md", line: 2, "two")
        log.error("a.md", line: 9, "nine")
        log.error("b.md", line: 1, "one")
        log.error("b.md", line: 1, "one")
        log.warning("a.md", line: 1, "w")
        #expect(log.all.map { "\($0.file):\($0.line)" } == ["a.md:1", "a.md:9", "b.md:1", "b.md:2"])
        #expect(log.errors.count == 3)
        #expect(log.warnings.count == 1)
        #expect(log.hasErrors)
    }
}
