import Foundation
@testable import SignpostModel
import SignpostPipeline
@testable import SignpostValidate
import Testing

/// What `check` promises in the README, reported with the file and line each finding is on:
/// headings that skip a level, links in every text a page shows (topic texts too), each
/// occurrence on its own line, lines of joined (`body: append`) texts in their own files,
/// and long runs of one mistake summed up after the first few.
@Suite("Findings in Markdown, on their lines", .timeLimit(.minutes(1)))
struct ReportingTests {
    static let theme = Paths.fixtures.appendingPathComponent("two-areas/theme")

    static func prepare(_ tree: ContentTree) -> DiagnosticLog {
        let log = DiagnosticLog()
        var options = BuildOptions(content: tree.root, theme: theme, output: tree.dir.path("Site"), contentDisplay: "Content", themeDisplay: "theme")
        options.today = Day(year: 2026, month: 1, day: 1)
        _ = SiteBuilder(options: options).prepare(log: log)
        return log
    }

    @Test func aHeadingThatSkipsALevelIsReportedOnItsLine() throws {
        let tree = ContentTree()
        tree.write("schools/test-first/pages/policy.md", "---\ntitle: Policy\n---\n## Who we are\n\nText.\n\n#### Our team\n\nMore.\n\n### Fine\n")
        let log = Self.prepare(tree)
        let warnings = log.warnings(in: "Content/schools/test-first/pages/policy.md")
        #expect(warnings.count == 1, "\(log.summary)")
        let warning = try #require(warnings.first)
        #expect(warning.line == 8)
        #expect(warning.message.contains("\"Our team\" skips a level: it is a #### heading straight after a ## one"))
        #expect(warning.suggestion?.hasPrefix("make it ###") == true)
    }

    @Test func headingLevelsThatStepDownOneAtATimeAreFine() {
        let tree = ContentTree()
        tree.write("schools/test-first/pages/policy.md", "---\ntitle: Policy\n---\n### Starts at three\n\n#### Four\n\n## Back up to two\n\n### Three\n")
        let log = Self.prepare(tree)
        #expect(log.warnings(in: "Content/schools/test-first/pages/policy.md").isEmpty, "\(log.summary)")
    }

    @Test func linksInTopicTextsAreChecked() throws {
        let tree = ContentTree()
        tree.write("topics/bullying.md", "---\ntitle: Bullying\n---\nWhat to do.\n\nSee [CAMHS](../../agencies/camhs-wst/index.html).\n")
        tree.write("areas/worcs/topics/mental-health.md", "---\ntitle: Mental health\n---\nFirst line.\n[Jump](#nowhere)\n")
        tree.write("schools/test-first/topics/domestic-abuse.md", "Our words.\n\n[Missing](../../pages/missing/index.html)\n")
        let log = Self.prepare(tree)
        let national = try #require(log.errors(in: "Content/topics/bullying.md").first, "\(log.summary)")
        #expect(national.line == 6)
        #expect(national.message.contains("leads to a page that does not exist"))
        #expect(national.suggestion == "did you mean \"../../../test-first/agencies/camhs-west/index.html\"?")
        let area = try #require(log.errors(in: "Content/areas/worcs/topics/mental-health.md").first, "\(log.summary)")
        #expect(area.line == 5)
        #expect(area.message.contains("(#nowhere) that does not exist"))
        let own = try #require(log.errors(in: "Content/schools/test-first/topics/domestic-abuse.md").first, "\(log.summary)")
        #expect(own.line == 3)
    }

    @Test func theSameUnsafeLinkTwiceIsReportedOnEachLine() throws {
        let tree = ContentTree()
        tree.write("schools/test-first/services/club.md", "---\nname: Club\n---\nOne [form](U:\\Forms\\club.docx).\n\nTwo.\n\nAgain [form](U:\\Forms\\club.docx) and ![](pic.png).\n")
        let log = Self.prepare(tree)
        let errors = log.errors(in: "Content/schools/test-first/services/club.md")
        #expect(errors.filter { $0.message.contains("network drive") }.map(\.line) == [4, 8], "\(log.summary)")
        #expect(errors.first { $0.message.contains("no description") }?.line == 8)
    }

    @Test func linesOfAnAppendedTextNameTheirOwnFile() throws {
        let tree = ContentTree()
        tree.write("agencies/samaritans.md", """
        ---
        name: Samaritans
        phones: ["116 123"]
        ---
        Library text.

        A [library form](U:\\Library\\form.docx).
        """)
        tree.write("schools/test-first/agencies/samaritans.md", "---\ncost: Free\nbody: append\n---\nSchool text.\n\nA [school form](U:\\School\\form.docx).\n")
        let log = Self.prepare(tree)
        let library = try #require(log.errors(in: "Content/agencies/samaritans.md").first, "\(log.summary)")
        #expect(library.line == 7)
        #expect(library.message.contains("Library"))
        let own = try #require(log.errors(in: "Content/schools/test-first/agencies/samaritans.md").first, "\(log.summary)")
        #expect(own.line == 7)
        #expect(own.message.contains("School"))
    }

    @Test func manyFindingsOfOneKindAreSummedUp() throws {
        let tree = ContentTree()
        let lines = (0..<10_000).map { "Item \($0): [open](javascript:alert(\($0)))" }.joined(separator: "\n\n")
        tree.write("schools/test-first/pages/bad.md", "---\ntitle: Bad\n---\n" + lines + "\n")
        let log = Self.prepare(tree)
        let errors = log.errors(in: "Content/schools/test-first/pages/bad.md")
        #expect(errors.count == 21)
        #expect(errors.filter { $0.message.contains("is a script or embedded-data link") }.map(\.line) == (0..<20).map { 4 + 2 * $0 })
        let summary = try #require(errors.last)
        #expect(summary.message.contains("and 9,980 more links that are not published in this text"), "\(summary)")
        #expect(summary.line == 44)
    }

    @Test func manyBrokenLinksAreSummedUpWithHintsFromTheirFolder() throws {
        let tree = ContentTree()
        let lines = (0..<3_000).map { "[x](../../agencies/camhs-wst-\($0)/index.html)" }.joined(separator: "\n")
        tree.write("schools/test-first/pages/links.md", "---\ntitle: Links\n---\n[close](../../agencies/samaritan/index.html)\n" + lines + "\n")
        let log = Self.prepare(tree)
        let errors = log.errors(in: "Content/schools/test-first/pages/links.md")
        #expect(errors.count == 21, "\(errors.prefix(3))")
        #expect(errors.first?.suggestion == "did you mean \"../../../test-first/agencies/samaritans/index.html\"?")
        #expect(errors.last?.message.contains("and 2,981 more links to pages or headings that do not exist") == true)
    }

    @Test func aTextTooOddToRenderIsAnErrorOnItsLine() throws {
        let tree = ContentTree()
        tree.write("schools/test-first/pages/wide.md", "---\ntitle: Wide\n---\nIntro.\n\n" + String(repeating: "|x", count: 5_000) + "|\n|-|\n")
        let log = Self.prepare(tree)
        let error = try #require(log.errors(in: "Content/schools/test-first/pages/wide.md").first, "\(log.summary)")
        #expect(error.line == 6)
        #expect(error.message.contains("heading row has 5000 cells"))
    }
}

@Suite("Did you mean, over long lists")
struct SuggestionIndexTests {
    /// Optimal string alignment distance, computed in full (no bound, no early exit).
    static func fullDistance(_ a: [Character], _ b: [Character]) -> Int {
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1) }
            }
        }
        return table[a.count][b.count]
    }

    /// The plain scan the bounded search must agree with: every candidate's full distance.
    static func plainNearest(_ word: String, _ candidates: [String]) -> String? {
        let target = Array(word.lowercased())
        var best: (String, Int)?
        for candidate in candidates {
            let distance = fullDistance(target, Array(candidate.lowercased()))
            if best == nil || distance < best!.1 { best = (candidate, distance) }
        }
        guard let (name, distance) = best else { return nil }
        if distance <= max(2, target.count / 3) { return name }
        if target.count >= 3 { return candidates.first { $0.lowercased().hasPrefix(word.lowercased()) } }
        return nil
    }

    @Test func boundedSearchAgreesWithAPlainScan() {
        var generator = SystemRandomNumberGenerator()
        let letters = Array("abcdeh-")
        func word() -> String { String((0..<Int.random(in: 1...12, using: &generator)).map { _ in letters.randomElement(using: &generator)! }) }
        for _ in 0..<300 {
            let candidates = (0..<Int.random(in: 0...40, using: &generator)).map { _ in word() }
            let index = SuggestionIndex(candidates)
            for _ in 0..<5 {
                let query = Bool.random(using: &generator) && !candidates.isEmpty ? String(candidates.randomElement()!.shuffled()) : word()
                let expected = Self.plainNearest(query, candidates)
                #expect(Suggestion.nearest(to: query, in: candidates) == expected, "\(query) in \(candidates)")
                #expect(index.nearest(to: query) == expected, "\(query) in \(candidates)")
            }
        }
    }

    @Test(arguments: [("kitten", "sitting", 3), ("", "abc", 3), ("same", "same", 0), ("phnoe", "phone", 1), ("abcdef", "zzzzzz", 6)])
    func boundedDistanceGivesUpOnlyPastItsLimit(a: String, b: String, distance: Int) {
        #expect(Suggestion.boundedDistance(Array(a), Array(b), limit: distance) == distance)
        #expect(Suggestion.boundedDistance(Array(a), Array(b), limit: 10) == distance)
        if distance > 0 { #expect(Suggestion.boundedDistance(Array(a), Array(b), limit: distance - 1) == nil) }
    }

    @Test func pageHintsComeFromTheLinksOwnFolder() {
        let index = PageIndex(["index.html", "oak-first/index.html", "oak-first/agencies/camhs-west/index.html",
                               "oak-first/agencies/nspcc/index.html", "pine-high/agencies/camhs-east/index.html", "404.html"])
        #expect(index.nearest(to: "oak-first/agencies/camhs-wst/index.html") == "oak-first/agencies/camhs-west/index.html")
        #expect(index.nearest(to: "oak-frist/agencies/nspc/index.html") == "oak-first/agencies/nspcc/index.html")
        #expect(index.nearest(to: "oak-first/agencies/childline/index.html") == nil)
        #expect(index.nearest(to: "404.htm") == "404.html")
        #expect(index.contains("oak-first/index.html"))
    }

    @Test func numbersAreGroupedForReading() {
        #expect(RepeatedFindings.grouped(14_990) == "14,990")
        #expect(RepeatedFindings.grouped(999) == "999")
        #expect(RepeatedFindings.grouped(1_000_000) == "1,000,000")
    }
}
