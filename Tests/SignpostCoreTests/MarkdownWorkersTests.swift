import Foundation
import SignpostModel
import SignpostPipeline
import SignpostRender
import Testing

/// `build`, `check` and `serve` parse Markdown in worker processes (`signpost markdown-worker`),
/// so a text whose parse runs away is stopped, reported and left out while every other
/// school's texts are read.
@Suite("Markdown in worker processes", .timeLimit(.minutes(1)))
struct MarkdownWorkersTests {
    static let signpost = Paths.repoRoot.appendingPathComponent(".build/debug/signpost")
    static let standIn = MarkdownWorkerCommand(executable: URL(fileURLWithPath: "/usr/bin/python3"),
                                               arguments: [Paths.fixtures.appendingPathComponent("markdown-workers/stand_in_worker.py").path])

    @Test func workersRenderWhatTheRendererRendersInThisProcess() throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.signpost.path), "build the signpost program first (swift build)")
        let texts = [
            MarkdownThreadTests.text,
            "## Help\n\nCall 01905 123456 or see [the page](../page.md).\n\n#### Skipped\n\n![](/logo.png) ![a](https://tracker.example.com/p.gif)",
            "[bad](javascript:alert(1)) and [share](U:/Policies/x.pdf)\n\n- [ ] a task\n- [x] done",
            String(repeating: "![[]()", count: 100_000),
            "",
        ]
        let workers = MarkdownWorkers(command: MarkdownWorkerCommand(executable: Self.signpost, arguments: ["markdown-worker"]), count: 2)
        let rendered = workers.render(texts)
        let here = MarkdownRenderer()
        #expect(rendered.count == texts.count)
        for (text, result) in zip(texts, rendered) {
            let expected = here.render(text)
            #expect(result.html == expected.html)
            #expect(result.headings == expected.headings)
            #expect(result.links == expected.links)
            #expect(result.removedLinks == expected.removedLinks)
            #expect(result.imagesWithoutAlt == expected.imagesWithoutAlt)
            #expect(result.outsideImages == expected.outsideImages)
            #expect(result.skippedHeadings == expected.skippedHeadings)
            #expect(result.refused == expected.refused)
        }
        #expect(rendered[0].html.contains("<del>gone</del>"))
        #expect(rendered[3].refused != nil)
    }

    /// The stand-in never answers a text with SLOW in it: without the time limit this test
    /// would wait ten minutes and fail on the suite's limit.
    @Test func aTextNotReadInTimeIsStoppedAndTheOthersAreRead() throws {
        var texts = (0..<12).map { "text \($0)" }
        texts[3] = "text SLOW"
        let rendered = MarkdownWorkers(command: Self.standIn, count: 2, timeLimit: .seconds(2)).render(texts)
        let refused = try #require(rendered[3].refused)
        #expect(refused.message.contains("took more than"))
        #expect(rendered[3].html.isEmpty)
        for (index, result) in rendered.enumerated() where index != 3 {
            #expect(result.html == "<p>text \(index)</p>" && result.refused == nil)
        }
    }

    @Test func aWorkerThatStopsLeavesOutOnlyItsText() throws {
        var texts = (0..<8).map { "text \($0)" }
        texts[5] = "text CRASH"
        let rendered = MarkdownWorkers(command: Self.standIn, count: 2).render(texts)
        let refused = try #require(rendered[5].refused)
        #expect(refused.message.contains("stopped while reading it"))
        #expect(rendered.enumerated().filter { $0.element.refused == nil }.map(\.offset) == [0, 1, 2, 3, 4, 6, 7])
    }

    @Test func aReaderThatCannotStartIsAnErrorForEachText() {
        let missing = MarkdownWorkerCommand(executable: URL(fileURLWithPath: "/nonexistent/signpost"), arguments: ["markdown-worker"])
        let rendered = MarkdownWorkers(command: missing, count: 2).render(["a", "b", "c"])
        #expect(rendered.allSatisfy { $0.refused?.message.contains("could not be started") == true })
    }

    /// A build given workers reports a text left out at its file, and the rest of the site
    /// is built as in this process.
    @Test func aBuildWithWorkersMatchesABuildWithout() throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.signpost.path), "build the signpost program first (swift build)")
        let content = TwoCounties.fixture.appendingPathComponent("Content")
        let outputs = (0..<2).map { _ in FileManager.default.temporaryDirectory.appendingPathComponent("workers-\(UUID().uuidString)") }
        defer { outputs.forEach { try? FileManager.default.removeItem(at: $0) } }
        var withWorkers = BuildOptions(content: content, theme: County.theme, output: outputs[0])
        withWorkers.today = Day(year: 2026, month: 11, day: 22)
        withWorkers.markdownWorkers = MarkdownWorkers(command: MarkdownWorkerCommand(executable: Self.signpost, arguments: ["markdown-worker"]))
        var without = withWorkers
        without.output = outputs[1]
        without.markdownWorkers = nil
        let a = SiteBuilder(options: withWorkers).build(), b = SiteBuilder(options: without).build()
        #expect(a.wrote && b.wrote)
        #expect(a.diagnostics.map(\.description) == b.diagnostics.map(\.description).map { $0.replacingOccurrences(of: outputs[1].lastPathComponent, with: outputs[0].lastPathComponent) })
        let files = try FileManager.default.subpathsOfDirectory(atPath: outputs[0].path).sorted()
        #expect(files == (try FileManager.default.subpathsOfDirectory(atPath: outputs[1].path).sorted()))
        for file in files where file.hasSuffix(".html") {
            #expect(FileManager.default.contentsEqual(atPath: outputs[0].appendingPathComponent(file).path, andPath: outputs[1].appendingPathComponent(file).path), "\(file)")
        }
    }
}
