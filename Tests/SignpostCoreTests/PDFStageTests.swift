import Foundation
import SignpostModel
import SignpostPipeline
@testable import SignpostPublish
import SignpostRender
import Synchronization
import Testing

/// The PDF stage's own logic, with a fake engine (a small Python script that answers the
/// DevTools messages the stage sends, on fds 3 and 4 as Chromium does), so failures can be
/// made to order. What Chromium itself makes of the seed pages is tested by
/// Tests/publish/test_pdf.py; the last tests here drive the real one.
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
            PDFEngine(name: "Fake", executable: "/usr/bin/python3",
                      arguments: [dir.path("fake-engine.py").path, log.path, mode], identity: identity)
        }

        func options(_ engine: PDFEngine?, workers: Int = 2, timeout: Double = 60, settings: (inout PDFSettings) -> Void = { _ in }) -> BuildOptions {
            var options = BuildOptions(content: content, theme: PDFStageTests.fixture.appendingPathComponent("theme"),
                                       output: output, contentDisplay: "Content", themeDisplay: "theme")
            options.today = Day(year: 2026, month: 11, day: 22)
            var pdf = PDFSettings(engine: engine, workers: workers, timeout: timeout)
            settings(&pdf)
            options.pdf = pdf
            return options
        }

        func build(_ engine: PDFEngine?, workers: Int = 2, timeout: Double = 60, settings: (inout PDFSettings) -> Void = { _ in }) -> BuildResult {
            SiteBuilder(options: options(engine, workers: workers, timeout: timeout, settings: settings)).build()
        }

        /// The pages the engine has been asked to render, in all builds so far.
        var rendered: [String] {
            ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init).sorted()
        }

        func pdf(_ school: String) -> URL { output.appendingPathComponent("\(school)/\(school)-early-help-handout.pdf") }
        func exists(_ school: String) -> Bool { FileManager.default.fileExists(atPath: pdf(school).path) }
    }

    /// Answers as Chromium would, printing a two-page PDF (with run-varying dates and node ids)
    /// that names the address it loaded. Modes: `ok`; `no-start` (ends at once, saying why on
    /// stderr); `fail-pine` (answers an error when printing Pine High); `crash-oak` (exits when
    /// asked to load Oak); `hang-oak` (never answers for Oak); `greedy-oak` (takes 300 MB while
    /// loading Oak); `sized` (adds as many bytes as the file named by the next argument says).
    static let fakeEngine = #"""
    import base64, json, os, sys, time
    log, mode = sys.argv[1], sys.argv[2]
    if mode == "no-start":
        print("Pango is missing", file=sys.stderr, flush=True)
        sys.exit(1)
    commands, answers = os.fdopen(3, "rb", buffering=0), os.fdopen(4, "wb", buffering=0)
    buffer = b""
    def read():
        global buffer
        while b"\0" not in buffer:
            chunk = commands.read(65536)
            if not chunk:
                sys.exit(0)
            buffer += chunk
        end = buffer.index(b"\0")
        message, buffer = json.loads(buffer[:end]), buffer[end + 1:]
        return message
    def say(message):
        answers.write(json.dumps(message).encode() + b"\0")
    def answer(message, result=None):
        say({"id": message["id"], "sessionId": message.get("sessionId"), "result": result or {}})
    def pdf(note):
        stamp = "D:%s+00'00'" % time.strftime("%Y%m%d%H%M%S")
        objects = [("<</Title (Fake)\n/CreationDate (%s)\n/ModDate (%s)>>" % (stamp, stamp)).encode(),
                   b"<</Type /Catalog\n/Pages 3 0 R>>", b"<</Type /Pages\n/Kids [4 0 R 5 0 R]\n/Count 2>>",
                   b"<</Type /Page\n/Parent 3 0 R\n/ID (node%08d)>>" % (os.getpid() % 1000 + 10), b"<</Type /Page\n/Parent 3 0 R>>"]
        out, offsets = b"%PDF-1.4\n%" + note.encode() + b"\n", []
        for number, body in enumerate(objects, 1):
            offsets.append(len(out))
            out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
        table = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
        return out + b"trailer\n<</Size %d\n/Root 2 0 R\n/Info 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, table)
    navigation, url, school, held = None, "", "", b""
    while True:
        message = read()
        method, params = message["method"], message.get("params", {})
        if method == "Target.createTarget":
            answer(message, {"targetId": "T"})
        elif method == "Target.attachToTarget":
            answer(message, {"sessionId": "S"})
        elif method == "Page.navigate":
            url = params["url"]
            page = url.split("/", 3)[3]
            with open(log, "a") as file:
                file.write(page + "\n")
            school = page.split("/")[0]
            if school == "oak-first" and mode == "crash-oak":
                os._exit(3)
            if school == "oak-first" and mode == "hang-oak":
                time.sleep(120)
            if school == "oak-first" and mode == "greedy-oak":
                held = b"x" * (300 << 20)
                time.sleep(5)
            navigation = message
            say({"method": "Fetch.requestPaused", "sessionId": "S", "params": {"requestId": "1", "request": {"url": url}}})
        elif method in ("Fetch.fulfillRequest", "Fetch.failRequest"):
            answer(message)
            if navigation:
                answer(navigation, {"frameId": "F"})
                say({"method": "Page.loadEventFired", "sessionId": "S", "params": {}})
                navigation = None
        elif method == "DOM.getDocument":
            answer(message, {"root": {"nodeId": 1}})
        elif method == "DOM.querySelectorAll":
            answer(message, {"nodeIds": []})
        elif method == "DOM.querySelector":
            answer(message, {"nodeId": 2})
        elif method == "DOM.getAttributes":
            answer(message, {"attributes": ["lang", "en-GB"]})
        elif method == "Target.getTargetInfo":
            answer(message, {"targetInfo": {"title": "Fake"}})
        elif method == "Page.printToPDF":
            if school == "pine-high" and mode == "fail-pine":
                say({"id": message["id"], "error": {"message": "the layout went wrong"}})
            else:
                padding = "x" * int(open(sys.argv[3]).read()) if mode == "sized" else ""
                answer(message, {"data": base64.b64encode(pdf("fake " + url + padding)).decode()})
        elif method == "Browser.close":
            sys.exit(0)
        else:
            answer(message)
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
        // Made from the site's own address; dated by the review date, the same bytes each time.
        let made = try String(contentsOf: project.pdf("oak-first"), encoding: .isoLatin1)
        #expect(made.hasPrefix("%PDF-1.4\n%fake https://earlyhelp.example.org/oak-first/handout/index.html\n"))
        #expect(made.contains("/CreationDate (D:20260901000000+00'00')") && made.contains("/ModDate (D:20260901000000+00'00')"))
        #expect(made.contains("(node00000001)") && made.contains("<pdfuaid:part>1</pdfuaid:part>"))
        let undated = try String(contentsOf: project.pdf("pine-high"), encoding: .isoLatin1)
        #expect(!undated.contains("/CreationDate") && !undated.contains("/ModDate"))
        #expect(project.exists("pine-high"))
        #expect(project.rendered == ["oak-first/handout/index.html", "oak-first/whole-offer/index.html",
                                     "pine-high/handout/index.html", "pine-high/whole-offer/index.html"])
        // What each was made from is build state beside the content, not a file of the site.
        let manifest = PDFManifest.read(content: project.content, output: project.output)
        #expect(snapshot(project.output).keys.filter { $0.split(separator: "/").contains { $0.hasPrefix(".") } } == [".signpost-site"])
        #expect(FileManager.default.fileExists(atPath: PDFManifest.stateFile(content: project.content, output: project.output).path))
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

        // A PDF changed in the site since it was recorded (the record is written after the
        // site is swapped in, so a build stopped between the two leaves it behind) is made again.
        try Data("%PDF-1.4\nnot the one recorded\n".utf8).write(to: project.pdf("pine-high"))
        let stale = project.build(project.engine(identity: "fake 2"))
        #expect(stale.pdf?.made == 1 && stale.pdf?.reused == 3)
        #expect(try String(contentsOf: project.pdf("pine-high"), encoding: .isoLatin1).hasPrefix("%PDF-1.4\n%fake "))
    }

    @Test func aKeptSchoolsPDFsStayRecordedSoFixingItMakesNoneAgain() throws {
        let project = try Project()
        #expect(project.build(project.engine()).pdf?.made == 4)
        let school = project.content.appendingPathComponent("schools/pine-high/school.md")
        let written = try String(contentsOf: school, encoding: .utf8)
        try written.replacingOccurrences(of: "agencies: [samaritans, north-helpline]", with: "agencies: [samaritans, no-such-agency]")
            .write(to: school, atomically: true, encoding: .utf8)
        let broken = project.build(project.engine())
        #expect(broken.kept.map(\.id) == ["pine-high"] && broken.pdf?.reused == 2, "\(broken.diagnostics)")
        #expect(PDFManifest.read(content: project.content, output: project.output).documents.count == 4)
        try written.write(to: school, atomically: true, encoding: .utf8)
        let fixed = project.build(project.engine())
        #expect(fixed.pdf?.made == 0 && fixed.pdf?.reused == 4)
        #expect(project.rendered.count == 4)
    }

    @Test func missingEngineIsOneWarningAndTheSiteIsStillWritten() throws {
        let project = try Project()
        let result = project.build(nil)
        #expect(result.wrote && result.errors.isEmpty)
        #expect(FileManager.default.fileExists(atPath: project.output.appendingPathComponent("oak-first/handout/index.html").path))
        let warnings = result.warnings.filter { $0.message.contains("PDF") }
        #expect(warnings.map(\.description) == ["Site:1:1: warning: PDFs not made: Chromium is not installed — run `make site` to install it"])
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
        #expect(warning.message == "the handout PDF of Pine High School was not made: Fake failed: Page.printToPDF failed: the layout went wrong")
        #expect(result.pdf?.missing.map(\.school) == ["pine-high", "pine-high"])
        #expect(result.warnings.filter { $0.message.contains("PDF") }.map(\.file)
            == ["Site/pine-high/pine-high-early-help-handout.pdf", "Site/pine-high/pine-high-early-help-offer.pdf"])
        #expect(PDFManifest.read(content: project.content, output: project.output).documents.keys.sorted()
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
            == ["Site:1:1: warning: PDFs not made: Fake could not start: the engine stopped with exit code 1 (Pango is missing) — run `make site` to install it again"])
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

    @Test func findsChromiumWhereMakeSiteInstallsItOrWhereItIsSaid() throws {
        let dir = TempDir("signpost-engine")
        #expect(PDFEngine.chromium(environment: ["SIGNPOST_CHROMIUM": dir.path("none").path]) == nil)
        dir.write("chrome", "#!/bin/sh\n")
        #expect(PDFEngine.chromium(environment: ["SIGNPOST_CHROMIUM": dir.path("chrome").path]) == nil, "not a program")
        chmod(dir.path("chrome").path, 0o755)
        let engine = try #require(PDFEngine.chromium(environment: ["SIGNPOST_CHROMIUM": dir.path("chrome").path]))
        #expect(engine.arguments.contains("--remote-debugging-pipe") && engine.arguments.contains("--blink-settings=scriptEnabled=false"))
        dir.write("chrome", "#!/bin/sh\n# another version\n")
        #expect(PDFEngine.chromium(environment: ["SIGNPOST_CHROMIUM": dir.path("chrome").path])?.identity != engine.identity)
        #expect(PDFEngine.chromium(environment: [:])?.executable == PDFEngine.debianChromium, "make test-deps installs Debian's chromium")
    }

    @Test func anEngineThatOutgrowsItsMemoryIsStoppedAndTheOthersAreMade() throws {
        let project = try Project()
        let result = project.build(project.engine("greedy-oak"), workers: 1) { $0.memoryLimit = 150 * 1024 * 1024 }
        #expect(result.wrote)
        #expect(!project.exists("oak-first") && project.exists("pine-high"))
        let warnings = result.warnings.filter { $0.message.contains("PDF") }
        #expect(warnings.map(\.file) == ["Site/oak-first/oak-first-early-help-handout.pdf", "Site/oak-first/oak-first-early-help-offer.pdf"])
        #expect(warnings.allSatisfy { $0.message.hasSuffix("Fake failed: it needed more than 150 MB of memory and was stopped") }, "\(warnings)")
    }

    @Test func aDocumentLongerThanThePageLimitIsNotMade() throws {
        let project = try Project()
        let result = project.build(project.engine()) { $0.pageLimit = 1 }
        #expect(result.pdf?.missing.count == 4 && !project.exists("oak-first"))
        #expect(result.warnings.filter { $0.message.contains("PDF") }.allSatisfy { $0.message.hasSuffix("Fake failed: it has more than 1 pages") })
    }

    @Test func noMoreEnginesThanCores() {
        #expect(PDFSettings(engine: nil, workers: 64).workers == ProcessInfo.processInfo.activeProcessorCount)
        #expect(PDFSettings(engine: nil, workers: 0).workers == 1)
    }

    /// A school's pages nested deeper than a PDF can show (Markdown allows 100 levels): its whole
    /// offer is refused before any engine sees it, with the school and the reason; the offer page
    /// links the PDFs that were made and not the one that was not.
    @Test func aPageNestedTooDeepIsRefusedBeforeTheEngineAndNotLinked() throws {
        let project = try Project()
        try FileManager.default.removeItem(at: project.content)
        let content = try County.copy(project.dir)
        let quotes = String(repeating: "> ", count: 40) + "Deep."
        try FileManager.default.createDirectory(at: content.appendingPathComponent("schools/oak-first/pages"), withIntermediateDirectories: true)
        try "---\ntitle: Deep\nsummary: Very deep.\n---\n\(quotes)\n"
            .write(to: content.appendingPathComponent("schools/oak-first/pages/deep.md"), atomically: true, encoding: .utf8)
        var options = County.options(content: content, output: project.output)
        options.pdf = PDFSettings(engine: project.engine())
        let result = SiteBuilder(options: options).build()
        #expect(result.wrote, "\(result.errors)")
        let warnings = result.warnings.filter { $0.message.contains("PDF") }
        #expect(warnings.map(\.file) == ["Site/oak-first/oak-first-early-help-offer.pdf"])
        #expect(warnings.first?.message.contains("PDF of Oak") == true)
        #expect(warnings.first?.message.hasSuffix("was not made: its page has lists, quotes or tables nested 40 deep, more than the 24 a PDF can show") == true,
                "\(warnings)")
        #expect(!project.rendered.contains("oak-first/whole-offer/index.html"), "the engine never saw it")
        #expect(project.rendered.contains("oak-first/handout/index.html"))
        #expect(result.pdf?.missing.map(\.pdf) == ["oak-first/oak-first-early-help-offer.pdf"])
        let offer = try String(contentsOf: project.output.appendingPathComponent("oak-first/index.html"), encoding: .utf8)
        #expect(offer.contains("oak-first-early-help-handout.pdf") && !offer.contains("oak-first-early-help-offer.pdf"))
        #expect(PrintPageBounds().problem(in: Data(String(repeating: "<ul><li>", count: 24).utf8)) == nil)
        #expect(PrintPageBounds().problem(in: Data(String(repeating: "<tr><td>1</td></tr>", count: 20_001).utf8))
            == "its page has 20001 table rows, more than the 20000 a PDF can be made from")
    }

    @Test func progressIsToldAfterEachPDF() throws {
        let project = try Project()
        let seen = Mutex<[BuildProgress]>([])
        var options = project.options(project.engine())
        options.progress = { progress in seen.withLock { $0.append(progress) } }
        #expect(SiteBuilder(options: options).build().wrote)
        let told = seen.withLock { $0 }
        #expect(told.map(\.done) == [0, 1, 2, 3, 4, 4] && told.allSatisfy { $0.total == 4 && $0.stage == "Making PDFs" })
        #expect(told.map(\.finished) == [false, false, false, false, false, true])
        #expect(told[2].line.hasPrefix("Making PDFs 2/4, about 0:") && told[2].line.hasSuffix(" left"))
        #expect(BuildProgress(stage: "Making PDFs", done: 12, total: 40, elapsed: 14.6).line == "Making PDFs 12/40, about 0:34 left")
        #expect(BuildProgress(stage: "Making PDFs", done: 40, total: 40, elapsed: 3725, finished: true).line == "Making PDFs 40/40, done in 1:02:05")
    }

    /// The real engine (`make test-deps` installs Debian's Chromium): the page asks for a
    /// stylesheet and a picture from another host and a file outside the site; the PDF is made and
    /// nothing reaches the network or the disk outside the site.
    @Test func chromiumLoadsNothingButTheSitesOwnFiles() throws {
        let engine = try #require(PDFEngine.chromium(), "Chromium is not installed: run `make test-deps`")
        let dir = TempDir("signpost-chromium")
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_in(sin_family: sa_family_t(AF_INET), sin_port: 0, sin_addr: in_addr(s_addr: UInt32(0x7f00_0001).bigEndian), sin_zero: (0, 0, 0, 0, 0, 0, 0, 0))
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) } }
        listen(listener, 8)
        let port = UInt16(bigEndian: address.sin_port)
        dir.write("Site/s/page/index.html", """
            <!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>A page</title>
            <link rel="stylesheet" href="../style.css"><link rel="stylesheet" href="http://127.0.0.1:\(port)/x.css"></head>
            <body><h1>Hello</h1><p>Call <a href="tel:01905822666">01905 822666</a>, see <a href="../other/">the other page</a>.</p>
            <img src="http://127.0.0.1:\(port)/pixel.png" alt=""><img src="file:///etc/hostname" alt=""><iframe src="https://example.org/"></iframe></body></html>
            """)
        dir.write("Site/s/style.css", "h1 { color: #123456 }")
        let worker = try PDFWorker(engine: engine, settings: PDFSettings(engine: engine))
        defer { worker.stop() }
        let job = PDFJob(school: "s", schoolName: "S", document: .handout, page: "s/page/index.html", pdf: "s/page.pdf")
        let pages = try worker.render(job, root: dir.path("Site"), timeout: 60)
        #expect(pages == 1)
        let refused = Set(worker.refused)
        #expect(refused.isSuperset(of: ["http://127.0.0.1:\(port)/x.css", "http://127.0.0.1:\(port)/pixel.png", "https://example.org/"]), "\(refused)")
        var poller = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
        #expect(poll(&poller, 1, 500) == 0, "something connected to the local server")
        let pdf = String(decoding: try Data(contentsOf: dir.path("Site/s/page.pdf")), as: UTF8.self)
        #expect(pdf.contains("/URI (tel:01905822666)") && !pdf.contains("signpost.invalid"), "links inside the site are dropped without a web address")
        #expect(pdf.contains("/StructTreeRoot") && pdf.contains("/Lang (en-GB)") && pdf.contains("<pdfuaid:part>1</pdfuaid:part>"))
        // The same page again gives the same bytes.
        let first = try Data(contentsOf: dir.path("Site/s/page.pdf"))
        _ = try worker.render(job, root: dir.path("Site"), timeout: 60)
        #expect(try Data(contentsOf: dir.path("Site/s/page.pdf")) == first)
    }

    /// Chromium's own memory limit cannot be RLIMIT_AS (its JavaScript engine reserves far more
    /// address space than it uses, so it does not start); the watchdog adds up what its processes
    /// use and stops it.
    @Test func chromiumOverItsMemoryCapIsStopped() throws {
        let engine = try #require(PDFEngine.chromium(), "Chromium is not installed: run `make test-deps`")
        let dir = TempDir("signpost-chromium")
        dir.write("Site/p/index.html", "<!doctype html><html lang=\"en-GB\"><title>x</title><p>x</p></html>")
        var settings = PDFSettings(engine: engine)
        settings.memoryLimit = 20 * 1024 * 1024
        do {
            let worker = try PDFWorker(engine: engine, settings: settings)
            defer { worker.stop() }
            _ = try worker.render(PDFJob(school: "p", schoolName: "P", document: .handout, page: "p/index.html", pdf: "p.pdf"),
                                  root: dir.path("Site"), timeout: 60)
            Issue.record("a browser in 20 MB")
        } catch {
            #expect("\(error)".contains("needed more than 20 MB of memory and was stopped"), "\(error)")
        }
    }

    @Test func bytesAreFoundWhereverTheyAre() {
        let bytes: [UInt8] = [1, 2, 3, 1, 2, 1, 2, 4]
        #expect(bytes.firstRange(of: [1, 2, 4], from: 0) == 5..<8)
        #expect(bytes.firstRange(of: [1, 2], from: 1) == 3..<5)
        #expect(bytes.firstRange(of: [1], from: 0) == 0..<1)
        #expect(bytes.firstRange(of: [2, 4, 5], from: 0) == nil && bytes.firstRange(of: [1, 2], from: 7) == nil)
        #expect(bytes.firstRange(of: [], from: 0) == nil && [UInt8]().firstRange(of: [1], from: 0) == nil)
    }

    /// The watchdog adds up the cheap resident sizes first and walks the page tables only when
    /// they are over the limit: that sum must never be below what the group uses.
    @Test func residentSizesAreNeverBelowWhatAGroupUses() {
        let group = ProcessGroupMemory.members(ofGroup: getpgrp())
        #expect(group.contains(String(getpid())))
        let used = ProcessGroupMemory.proportionalBytes(of: group)
        #expect(used > 0 && ProcessGroupMemory.residentBytes(of: group) >= used)
        #expect(ProcessGroupMemory.residentBytes(of: []) == 0 && ProcessGroupMemory.proportionalBytes(of: ["999999999"]) == 0)
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
