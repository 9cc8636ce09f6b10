import Foundation
import Testing
@testable import SignpostCore

/// The PDF stage's own logic, with a fake engine (a small Python script speaking the same
/// protocol as the WeasyPrint driver), so these need no WeasyPrint. What the real engine
/// makes of the seed pages is tested by Tests/publish/test_pdf.py.
@Suite("PDF stage")
struct PDFStageTests {
    static let fixture = Paths.fixtures.appendingPathComponent("two-areas")

    /// A copy of the two-area fixture, a fake engine and a log of the pages it was asked for.
    struct Project {
        let dir = TempDir("signpost-pdf")
        var content: URL { dir.path("Content") }
        var output: URL { dir.path("Site") }
        var log: URL { dir.path("engine.log") }

        init() throws {
            try FileManager.default.copyItem(at: PDFStageTests.fixture.appendingPathComponent("Content"), to: content)
            dir.write("fake-engine.py", PDFStageTests.fakeEngine)
        }

        /// `mode`: how the fake behaves (see `fakeEngine`).
        func engine(_ mode: String = "ok", identity: String = "fake 1") -> PDFEngine {
            PDFEngine(name: "Fake", executable: "/usr/bin/env",
                      arguments: ["python3", dir.path("fake-engine.py").path, log.path, mode], identity: identity)
        }

        func options(_ engine: PDFEngine?, workers: Int = 2, timeout: Double = 60) -> BuildOptions {
            var options = BuildOptions(content: content, theme: PDFStageTests.fixture.appendingPathComponent("theme"),
                                       output: output, contentDisplay: "Content", themeDisplay: "theme")
            options.today = Day(year: 2026, month: 11, day: 22)
            options.pdf = PDFSettings(engine: engine, workers: workers, timeout: timeout)
            return options
        }

        func build(_ engine: PDFEngine?, workers: Int = 2, timeout: Double = 60) -> BuildResult {
            SiteBuilder(options: options(engine, workers: workers, timeout: timeout)).build()
        }

        /// The pages the engine has been asked to render, in all builds so far.
        var rendered: [String] {
            ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init).sorted()
        }

        func pdf(_ school: String) -> URL { output.appendingPathComponent("\(school)/\(school)-early-help-handout.pdf") }
        func exists(_ school: String) -> Bool { FileManager.default.fileExists(atPath: pdf(school).path) }
    }

    /// Writes "%PDF-fake <page> <date> <site>" as the PDF. Modes: `ok`; `no-start` (says it
    /// cannot start); `fail-pine` (answers an error for Pine High); `crash-oak` (exits while
    /// rendering Oak); `hang-oak` (never answers for Oak). It also prints a line that is not
    /// an answer, as a library might.
    static let fakeEngine = #"""
    import json, os, sys, time
    log, mode = sys.argv[1], sys.argv[2]
    def say(message):
        print(json.dumps(message), flush=True)
    if mode == "no-start":
        say({"ready": False, "error": "Pango is missing"})
        sys.exit(0)
    print("a library's chatter, not an answer", flush=True)
    say({"ready": True, "engine": "Fake 1"})
    for line in sys.stdin:
        job = json.loads(line)
        with open(log, "a") as file:
            file.write(job["page"] + "\n")
        school = job["page"].split("/")[0]
        if mode == "fail-pine" and school == "pine-high":
            say({"id": job["id"], "ok": False, "error": "ValueError: the layout went wrong"})
            continue
        if mode == "crash-oak" and school == "oak-first":
            os._exit(3)
        if mode == "hang-oak" and school == "oak-first":
            time.sleep(120)
        with open(os.path.join(job["root"], job["pdf"]), "w") as file:
            file.write(f"%PDF-fake {job['page']} {job['date']} {job['site']}\n")
        say({"id": job["id"], "ok": True, "pages": 2})
    """#

    static let schools = ["oak-first", "pine-high"]

    @Test func fileNamesSayWhoseAndWhatAndComeFromOnePlace() throws {
        #expect(PrintDocument.handout.fileName(school: "westlands-first") == "westlands-first-early-help-handout.pdf")
        #expect(PrintDocument.wholeOffer.fileName(school: "westlands-first") == "westlands-first-early-help-offer.pdf")
        #expect(PrintDocument.all == [.handout, .wholeOffer])
        let project = try Project()
        let log = DiagnosticLog()
        let site = SiteBuilder(options: project.options(nil)).prepare(log: log).site
        let jobs = PDFJob.all(for: site)
        #expect(jobs.map(\.page) == ["oak-first/handout/index.html", "oak-first/whole-offer/index.html",
                                      "pine-high/handout/index.html", "pine-high/whole-offer/index.html"])
        #expect(jobs.map(\.pdf) == ["oak-first/oak-first-early-help-handout.pdf", "oak-first/oak-first-early-help-offer.pdf",
                                     "pine-high/pine-high-early-help-handout.pdf", "pine-high/pine-high-early-help-offer.pdf"])
        // The date is the offer's review date (Pine High gives none); links resolve against the site's address.
        #expect(jobs.map(\.date) == ["2026-09-01", "2026-09-01", nil, nil])
        #expect(jobs.allSatisfy { $0.siteURL == "https://earlyhelp.example.org/" })
        // A site of one school keeps its pages, and so its PDFs, at the top.
        let alone = PDFJob.all(for: site, urls: SiteURLs(.oneSchool("pine-high")))
        #expect(alone.map(\.pdf) == ["pine-high-early-help-handout.pdf", "pine-high-early-help-offer.pdf"])
        #expect(alone.map(\.page) == ["handout/index.html", "whole-offer/index.html"])
    }

    @Test func buildMakesEverySchoolsPDFAndAManifest() throws {
        let project = try Project()
        let result = project.build(project.engine())
        #expect(result.wrote, "\(result.diagnostics)")
        #expect(result.pdf?.made == 4 && result.pdf?.reused == 0 && result.pdf?.missing.isEmpty == true)
        #expect(result.pdf?.documents.map(\.pages) == [2, 2, 2, 2])
        #expect(try String(contentsOf: project.pdf("oak-first"), encoding: .utf8)
            == "%PDF-fake oak-first/handout/index.html 2026-09-01 https://earlyhelp.example.org/\n")
        #expect(project.exists("pine-high"))
        #expect(project.rendered == ["oak-first/handout/index.html", "oak-first/whole-offer/index.html",
                                     "pine-high/handout/index.html", "pine-high/whole-offer/index.html"])
        let manifest = try #require(PDFManifest.read(from: project.output))
        #expect(manifest.documents.keys.sorted() == ["oak-first/oak-first-early-help-handout.pdf", "oak-first/oak-first-early-help-offer.pdf",
                                                     "pine-high/pine-high-early-help-handout.pdf", "pine-high/pine-high-early-help-offer.pdf"])
        #expect(manifest.documents.values.allSatisfy { $0.engine == "fake 1" && $0.bytes > 0 })
        #expect(result.summary.hasPrefix("Built 2 schools"))
        #expect(result.pdf?.summary == "Made 4 PDFs")
    }

    @Test func unchangedPDFsAreCopiedAndOnlyChangedSchoolsAreMadeAgain() throws {
        let project = try Project()
        #expect(project.build(project.engine()).wrote)
        let again = project.build(project.engine())
        #expect(again.pdf?.reused == 4 && again.pdf?.made == 0)
        #expect(again.pdf?.summary == "Made 0 PDFs, kept 4 unchanged")
        #expect(project.rendered.count == 4, "nothing changed, so nothing is rendered again")
        #expect(project.exists("oak-first") && project.exists("pine-high"))

        // Oak's own text changes its handout? The fixture's handout shows its name: change that.
        let school = project.content.appendingPathComponent("schools/oak-first/school.md")
        try String(contentsOf: school, encoding: .utf8).replacingOccurrences(of: "Oak <b>& First School", with: "Oak First School")
            .write(to: school, atomically: true, encoding: .utf8)
        let changed = project.build(project.engine())
        #expect(changed.pdf?.made == 2 && changed.pdf?.reused == 2)
        #expect(project.rendered.filter { $0.hasPrefix("oak-first/") }.count == 4)
        #expect(project.rendered.filter { $0.hasPrefix("pine-high/") }.count == 2)

        // A stylesheet every page uses, or another engine, makes them all again.
        let style = project.dir.path("theme")
        try FileManager.default.copyItem(at: PDFStageTests.fixture.appendingPathComponent("theme"), to: style)
        try Data("body { color: #111 }\n".utf8).write(to: style.appendingPathComponent("assets/style.css"))
        var options = project.options(project.engine())
        options.theme = style
        #expect(SiteBuilder(options: options).build().pdf?.made == 4)
        #expect(project.build(project.engine(identity: "fake 2")).pdf?.made == 4)
        #expect(project.rendered.count == 14)
    }

    @Test func missingEngineIsOneWarningAndTheSiteIsStillWritten() throws {
        let project = try Project()
        let result = project.build(nil)
        #expect(result.wrote && result.errors.isEmpty)
        #expect(FileManager.default.fileExists(atPath: project.output.appendingPathComponent("oak-first/handout/index.html").path))
        let warnings = result.warnings.filter { $0.message.contains("PDF") }
        #expect(warnings.map(\.description) == ["Site:1:1: warning: PDFs not made: WeasyPrint is not installed — run `make site` to install it"])
        #expect(!project.exists("oak-first") && !project.exists("pine-high"))
        #expect(result.pdf?.missing.count == 4)

        // PDFs made before from the same pages are still right without an engine: kept.
        #expect(project.build(project.engine()).pdf?.made == 4)
        let kept = project.build(nil)
        #expect(kept.pdf?.reused == 4 && kept.warnings.filter { $0.message.contains("PDF") }.isEmpty)
        #expect(project.exists("oak-first") && project.exists("pine-high"))
    }

    @Test func oneSchoolsFailureIsAWarningNamingItAndTheRestAreMade() throws {
        let project = try Project()
        let result = project.build(project.engine("fail-pine"))
        #expect(result.wrote && result.errors.isEmpty)
        #expect(project.exists("oak-first") && !project.exists("pine-high"))
        let warning = try #require(result.warnings.first { $0.message.contains("PDF") })
        #expect(warning.file == "Site/pine-high/pine-high-early-help-handout.pdf")
        #expect(warning.message == "the handout PDF of Pine High School was not made: Fake failed: ValueError: the layout went wrong")
        #expect(result.pdf?.missing.map(\.school) == ["pine-high", "pine-high"])
        #expect(result.warnings.filter { $0.message.contains("PDF") }.map(\.file)
            == ["Site/pine-high/pine-high-early-help-handout.pdf", "Site/pine-high/pine-high-early-help-offer.pdf"])
        #expect(PDFManifest.read(from: project.output)?.documents.keys.sorted()
            == ["oak-first/oak-first-early-help-handout.pdf", "oak-first/oak-first-early-help-offer.pdf"])
    }

    @Test(arguments: [("crash-oak", "the engine stopped with exit code 3"), ("hang-oak", "took longer than 1 seconds")])
    func anEngineThatDiesOrHangsIsReplacedForTheNextSchool(mode: String, reason: String) throws {
        let project = try Project()
        let result = project.build(project.engine(mode), workers: 1, timeout: 1)
        #expect(result.wrote)
        #expect(!project.exists("oak-first") && project.exists("pine-high"))
        let warnings = result.warnings.filter { $0.message.contains("PDF") }
        #expect(warnings.map(\.file) == ["Site/oak-first/oak-first-early-help-handout.pdf", "Site/oak-first/oak-first-early-help-offer.pdf"])
        #expect(warnings.allSatisfy { $0.message.contains(reason) }, "\(warnings)")
    }

    @Test func aPDFPathOutsideTheSiteIsRefused() throws {
        let project = try Project()
        #expect(project.build(nil).wrote)
        let job = PDFJob(school: "oak-first", schoolName: "Oak First School", document: .handout,
                         page: "oak-first/handout/index.html", pdf: "../escaped.pdf")
        let log = DiagnosticLog()
        let report = PDFStage(settings: PDFSettings(engine: project.engine()), outputDisplay: "Site")
            .run([job], in: project.output, previous: nil, log: log)
        #expect(report.missing.count == 1 && report.documents.isEmpty)
        #expect(log.warnings.map(\.message) == ["the handout PDF of Oak First School was not made: ../escaped.pdf is not a plain path inside the site"])
        #expect(!FileManager.default.fileExists(atPath: project.dir.path("escaped.pdf").path) && project.rendered.isEmpty)
    }

    @Test func anEngineThatCannotStartIsOneWarning() throws {
        let project = try Project()
        let result = project.build(project.engine("no-start"))
        #expect(result.wrote)
        #expect(result.warnings.filter { $0.message.contains("PDF") }.map(\.description)
            == ["Site:1:1: warning: PDFs not made: Fake could not start: Pango is missing — run `make site` to install it again"])
        #expect(!project.exists("oak-first") && !project.exists("pine-high"))
    }

    @Test func previewRebuildsMakePDFsOnlyWhenAskedAndOnlyForChangedSchools() throws {
        let project = try Project()
        let quiet = IncrementalBuilder(options: {
            var options = project.options(nil)
            options.pdf = nil
            return options
        }())
        #expect(quiet.build().pdf == nil && !project.exists("oak-first"))

        let builder = IncrementalBuilder(options: project.options(project.engine()))
        #expect(builder.build().pdf?.made == 4)
        let school = project.content.appendingPathComponent("schools/oak-first/school.md")
        try String(contentsOf: school, encoding: .utf8).replacingOccurrences(of: "Oak <b>& First School", with: "Oak First School")
            .write(to: school, atomically: true, encoding: .utf8)
        let rebuilt = builder.rebuild(changed: [school.standardizedFileURL.path])
        #expect(rebuilt.incremental && rebuilt.wrote, "\(rebuilt.diagnostics)")
        #expect(rebuilt.pdf?.made == 2 && rebuilt.pdf?.reused == 2)
        #expect(project.rendered.filter { $0.hasPrefix("oak-first/") }.count == 4)
        #expect(project.exists("oak-first") && project.exists("pine-high"))
    }

    @Test func findsWeasyPrintWhereMakeSiteInstallsIt() throws {
        let dir = TempDir("signpost-engine")
        let install = dir.path("project/" + PDFEngine.installFolder).path
        #expect(PDFEngine.weasyPrint(installedIn: install) == nil)
        dir.write("project/\(PDFEngine.installFolder)/weasyprint/__init__.py", "")
        #expect(PDFEngine.weasyPrint(installedIn: install) == nil, "not complete until make writes .pins")
        dir.write("project/\(PDFEngine.installFolder)/.pins", "weasyprint==70.0 python3.11\n")
        let engine = try #require(PDFEngine.weasyPrint(installedIn: install))
        #expect(engine.arguments.contains("-I") && engine.identity.contains("weasyprint==70.0"))
        dir.write("project/\(PDFEngine.installFolder)/.pins", "weasyprint==71.0 python3.11\n")
        #expect(PDFEngine.weasyPrint(installedIn: install)?.identity != engine.identity)

        let program = dir.path("project/.build/x86_64-unknown-linux-gnu/release/signpost").path
        #expect(PDFEngine.weasyPrint(environment: [:], currentFolder: "/nonexistent", program: program) != nil)
        #expect(PDFEngine.weasyPrint(environment: [:], currentFolder: dir.path("project").path, program: "/nonexistent/signpost") != nil)
        #expect(PDFEngine.weasyPrint(environment: [:], currentFolder: "/nonexistent", program: "/nonexistent/signpost") == nil)
        #expect(PDFEngine.weasyPrint(environment: ["SIGNPOST_WEASYPRINT": install], currentFolder: "/", program: "/x") != nil)
        #expect(PDFEngine.weasyPrint(environment: ["SIGNPOST_WEASYPRINT": dir.path("elsewhere").path],
                                     currentFolder: dir.path("project").path, program: program) == nil)
    }

    @Test func sourcesAreThePageAndTheFilesItUses() {
        let html = Data((#"<link rel="stylesheet" href="../../assets/style.css"><a href="tel:999">999</a><img src="../logo.png" alt="">"#
            + #"<a href="https://example.org/x">x</a><a href="../index.html#top">up</a><a href="mailto:a@b.uk">a</a>"#).utf8)
        #expect(PDFSourceHasher.references(in: html) == ["../../assets/style.css", "../index.html", "../logo.png"])
        var one = SourceFingerprint(), two = SourceFingerprint()
        one.add("ab"); one.add("c")
        two.add("a"); two.add("bc")
        #expect(one.hex != two.hex && one.hex.count == 16)
        #expect(SourceFingerprint.of(Data("same".utf8)) == SourceFingerprint.of(Data("same".utf8)))
    }
}
