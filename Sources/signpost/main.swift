import ArgumentParser
import Foundation
import SignpostAuthoring
import SignpostLinks
import SignpostLoad
import SignpostModel
import SignpostPipeline
import SignpostPublish
import SignpostRender
import SignpostServe
import SignpostUpkeep

/// The command line is a thin shell over the stage targets: it parses arguments, calls the
/// library and prints what it returns.
struct Signpost: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "signpost",
        abstract: "Builds accessible Early Help Offer websites from the Markdown in Content/.",
        subcommands: [Build.self, Check.self, Explain.self, New.self, Serve.self, Report.self, Export.self, MarkdownReader.self],
        defaultSubcommand: Build.self
    )
}

struct Paths: ParsableArguments {
    @Option(help: "The folder with the site's content.")
    var content = "Content"

    @Option(help: "The theme folder.")
    var theme = "Themes/default"

    func url(_ path: String) -> URL {
        URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
    }

    func options(output: String) -> BuildOptions {
        var options = BuildOptions(content: url(content), theme: url(theme), output: url(output),
                                   contentDisplay: content.hasSuffix("/") ? String(content.dropLast()) : content, themeDisplay: theme)
        let program = Bundle.main.executableURL ?? URL(fileURLWithPath: "/proc/self/exe")
        options.markdownWorkers = MarkdownWorkers(command: MarkdownWorkerCommand(executable: program, arguments: [MarkdownReader.configuration.commandName!]))
        return options
    }
}

/// A Markdown worker process, started by `build`, `check` and `serve` (`MarkdownWorkers`).
struct MarkdownReader: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "markdown-worker", abstract: "Render Markdown texts sent on standard input (used by build).",
                                                    shouldDisplay: false)

    func run() throws { MarkdownWorker.serve() }
}

/// Unbuffered, so `serve` shows each rebuild at once even when its output is piped.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((TerminalText.escaped(line, keepingLines: true) + "\n").utf8))
}

func printDiagnostics(_ diagnostics: [Diagnostic]) {
    for diagnostic in diagnostics {
        FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site into the output folder (the previous site stays if the build fails).")

    @OptionGroup var paths: Paths

    @Option(help: "Where to write the site (default: Site, or <school>-early-help-offer with --school).")
    var output: String?

    @Option(help: ArgumentHelp("Write one school's site on its own: its offer at the top, no other school's pages.",
                               valueName: "school folder name"))
    var school: String?

    @Flag(help: "With --school: also write <school>-early-help-offer.zip of that site, next to its folder.")
    var zip = false

    @Flag(help: "Render on one thread (for comparing output).")
    var serial = false

    /// Every school renders its own pieces (for comparing output; see PieceSharing).
    @Flag(help: .hidden)
    var noSharing = false
    @Flag(inversion: .prefixedNo, help: "Make each school's PDFs (with Chromium, which `make site` installs).")
    var pdf = true

    @Flag(help: "Fail (exit 1) when a PDF could not be made, as a publishing pipeline should.")
    var strict = false

    @Flag(help: "Show no progress (errors and warnings are always shown).")
    var quiet = false

    func validate() throws {
        if zip && school == nil { throw ValidationError("--zip makes a zip of one school's site: say which, e.g. --school westlands-first --zip") }
        if let school, school.isEmpty || !school.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) {
            throw ValidationError(TerminalText.escaped("\"\(school)\" is not a school's folder name: use the name of its folder in Content/schools, e.g. westlands-first"))
        }
    }

    func run() throws {
        var options = paths.options(output: output ?? school.map { "\($0)-early-help-offer" } ?? "Site")
        if let school { options.urls = SiteURLs(.oneSchool(school)) }
        options.parallel = !serial
        if serial { options.markdownWorkers?.count = 1 }
        options.sharing = !noSharing
        if pdf { options.pdf = PDFSettings(engine: PDFEngine.chromium()) }
        if !quiet { options.progress = ProgressLine().handler }
        let result = SiteBuilder(options: options).build()
        printDiagnostics(result.diagnostics)
        if let drafts = result.draftsNote { print(drafts) }
        print(result.summary)
        if let report = result.pdf { print(report.summary) }
        if !result.wrote { throw ExitCode(1) }
        if strict, let report = result.pdf, !report.missing.isEmpty {
            FileHandle.standardError.write(Data("error: \(report.missing.count) PDF\(report.missing.count == 1 ? "" : "s") not made (--strict): see the warnings above\n".utf8))
            throw ExitCode(1)
        }
        if let school, zip {
            let file = options.output.deletingLastPathComponent().appendingPathComponent(SchoolZip.fileName(school: school))
            do { try SchoolZip.write(folder: options.output, to: file) } catch {
                FileHandle.standardError.write(Data("\(file.lastPathComponent):1:1: error: the zip could not be written: \(error.localizedDescription)\n".utf8))
                throw ExitCode(1)
            }
            print("Wrote \(file.lastPathComponent), ready to upload")
        }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check every file in Content/ without writing anything.",
        discussion: "With --links, also asks every web address in Content/ whether it still works (needs the internet; results are kept for a day in .signpost/links.json).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var paths: Paths

    @Option(help: "How to print the findings: text or json.")
    var format: Format = .text

    @Flag(help: "Also check that every web address still works (dead, or moved for good).")
    var links = false

    /// Seconds to wait for each answer (tests shorten it).
    @Option(help: .hidden)
    var linkTimeout: Double?

    func run() throws {
        // `--links` is async (URLSession); main runs it through `runChecking()`.
        try finish(prepare(), links: [])
    }

    func prepare() -> (SiteBuilder.Prepared, DiagnosticLog) {
        let log = DiagnosticLog()
        var options = paths.options(output: "Site")
        options.includeDrafts = true // a draft's gaps are reported, as warnings
        return (SiteBuilder(options: options).prepare(log: log), log)
    }

    func runChecking() async throws {
        let (prepared, log) = prepare()
        guard links else { return try finish((prepared, log), links: []) }
        let content = paths.url(paths.content)
        let uses = WebAddressFinder.find(in: prepared.site, markdown: prepared.markdown)
        var memory = LinkMemory.load(content: content)
        let due = memory.needingCheck(uses.map(\.url), now: Date())
        let known = Set(uses.map(\.url)).count - due.count
        if format == .text {
            say("Checking \(due.count) web address\(due.count == 1 ? "" : "es")\(known > 0 ? " (\(known) checked in the last day, not asked again)" : "")…")
        }
        var settings = LinkCheckSettings()
        if let linkTimeout { settings.timeout = linkTimeout }
        let results = await LinkChecker(settings: settings).check(due)
        for (url, result) in results { memory.results[url] = result }
        if results.count < due.count {
            log.warning(paths.content, "\(due.count - results.count) web address\(due.count - results.count == 1 ? "" : "es") could not be checked: this computer is not connected to the internet",
                        suggestion: "run `signpost check --links` again when it is")
        }
        do { try memory.save(content: content) } catch {
            log.warning(LinkMemory.file(content: content).path, "the link results could not be saved: \(error.localizedDescription)",
                        suggestion: "check that the folder beside Content/ can be written to")
        }
        try finish((prepared, log), links: memory.diagnostics(for: uses))
    }

    func finish(_ prepared: (SiteBuilder.Prepared, DiagnosticLog), links: [Diagnostic]) throws {
        let (prepared, log) = prepared
        links.forEach(log.add)
        let findings = log.all
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.count - errors
        switch format {
        case .text:
            for finding in findings { print(finding.description) }
            print("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s") in \(prepared.site.schools.count) school\(prepared.site.schools.count == 1 ? "" : "s")")
        case .json:
            print(TerminalText.escapedJSON(DiagnosticJSON.encode(findings, schools: prepared.site.schools.count)))
        }
        if errors > 0 { throw ExitCode(1) }
    }
}

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show an agency as a school publishes it, and which file each field came from.",
        discussion: "With no school and agency, lists every setting an agency or a service can have.")

    @OptionGroup var paths: Paths

    @Argument(help: "The school's folder name, e.g. westlands-first.")
    var school: String?

    @Argument(help: "The agency or service id, e.g. mentor-link.")
    var agency: String?

    @Option(help: "How to print it: text or json.")
    var format: Explainer.Format = .text

    func validate() throws {
        if school != nil && agency == nil { throw ValidationError("say which agency or service of \(school!) to explain, e.g. `signpost explain \(school!) samaritans`") }
    }

    func run() throws {
        guard let school, let agency else {
            print(FieldGuide.text(format), terminator: "")
            return
        }
        let log = DiagnosticLog()
        let report = Explainer(options: paths.options(output: "Site")).explain(school: school, entry: agency, format: format, log: log)
        switch report {
        case let .success(text): print(TerminalText.escaped(text, keepingLines: true), terminator: "")
        case let .failure(diagnostic):
            printDiagnostics([diagnostic])
            throw ExitCode(1)
        }
    }
}

extension Explainer.Format: ExpressibleByArgument {}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Start a new school, area, agency or service, with every setting explained.")

    @Option(help: "The folder with the site's content.")
    var content = "Content"

    @Argument(help: "What to create: school, area, agency or service.")
    var kind: String

    @Argument(help: "Its name, in quotes, e.g. \"St Example Primary\".")
    var name: String

    @Option(help: "The area (county) folder, for a school or an area's agency.")
    var area: String?

    @Option(help: "The school folder, for a service.")
    var school: String?

    func validate() throws {
        guard Scaffold.Kind(rawValue: kind) != nil else {
            throw ValidationError(TerminalText.escaped("\"\(kind)\" is not something `new` can create: use school, area, agency or service"))
        }
    }

    func run() throws {
        let root = URL(fileURLWithPath: content, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
        switch Scaffold(content: root, contentDisplay: content).create(Scaffold.Kind(rawValue: kind)!, name: name, area: area, school: school) {
        case let .success(files):
            for file in files { print(TerminalText.escaped("Created \(file)")) }
            print("Fill in the settings marked FILL IN, then run `signpost check` to see what is still missing.")
        case let .failure(diagnostic):
            printDiagnostics([diagnostic])
            throw ExitCode(1)
        }
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build, serve on http://127.0.0.1 and rebuild whenever a file is saved.")

    @OptionGroup var paths: Paths

    @Option(help: "The port to listen on (127.0.0.1 only).")
    var port: UInt16 = 8000

    @Option(help: .hidden)
    var idleTimeout: Int64?

    @Option(help: .hidden)
    var maxConnections: Int?
    @Flag(inversion: .prefixedNo, help: "Also make each school's PDFs, again after each save that changes them (slower).")
    var pdf = false

    @Flag(help: "Show no progress (errors and warnings are always shown).")
    var quiet = false

    func run() async throws { try await serve() }

    func serve() async throws {
        // The preview is built outside Site/, because it carries the reload script, in a folder
        // mkdtemp makes: a new name no one can have made first, open only to this user.
        var template = Array((NSTemporaryDirectory() + "signpost-serve-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw ValidationError("could not make a folder for the preview in \(NSTemporaryDirectory()): \(String(cString: strerror(errno)))")
        }
        let work = URL(fileURLWithPath: String(cString: made))
        let output = work.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        var options = paths.options(output: output.path)
        options.injectBeforeBodyEnd = PreviewServer.reloadScript
        options.includeDrafts = true
        var limits = PreviewLimits()
        if let idleTimeout { limits.idleSeconds = idleTimeout }
        if let maxConnections { limits.connections = maxConnections }
        if pdf {
            options.pdf = PDFSettings(engine: PDFEngine.chromium())
            if !quiet { options.progress = ProgressLine().handler }
        }
        let server = PreviewServer(siteRoot: output, port: port, limits: limits)
        let watcher = ContentWatcher(folders: [options.content, options.theme])

        let builder = IncrementalBuilder(options: options)
        var version = 1
        func rebuild(_ reason: String, changed: [String]? = nil) {
            let result = changed.map { builder.rebuild(changed: $0) } ?? builder.build()
            printDiagnostics(result.diagnostics)
            say(reason.isEmpty ? result.summary : "\(reason): \(result.summary)")
            if let report = result.pdf { say(report.summary) }
            // Schools kept as last published: the others' pages changed, so the page reloads.
            let updated = result.wrote || !result.kept.isEmpty
            if updated { version += 1 }
            server.update(version: updated ? version : nil, errors: result.errors.map(\.description))
        }

        // Ctrl-C (and a polite kill) stop cleanly and remove the preview folder.
        let stops = [SIGINT, SIGTERM].map { number -> DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .main)
            source.setEventHandler {
                say("\nStopped.")
                try? FileManager.default.removeItem(at: work)
                Foundation.exit(0)
            }
            source.resume()
            return source
        }
        defer { stops.forEach { $0.cancel() } }

        // Build before listening, so the first page anyone opens is a built one.
        try await watcher.watch(every: .milliseconds(300), start: {
            rebuild("")
            Task { try await server.run() }
            try await server.waitUntilListening()
            say("Serving on http://127.0.0.1:\(port)/ — press Ctrl-C to stop. Watching \(paths.content)/ and \(paths.theme)/ for changes.")
        }, rebuild: { changed in
            let names = changed.map { URL(fileURLWithPath: $0).lastPathComponent }
            rebuild("Changed \(names.prefix(3).joined(separator: ", "))\(names.count > 3 ? " and \(names.count - 3) more" : "")", changed: changed)
        })
    }
}

// Usage mistakes exit with 2, content problems with 1 (ArgumentParser's own default is 64).
do {
    var command = try Signpost.parseAsRoot()
    if let serve = command as? Serve {
        try await serve.serve()
    } else if let check = command as? Check {
        try await check.runChecking()
    } else {
        try command.run()
    }
} catch let exit as ExitCode {
    Signpost.exit(withError: exit)
} catch {
    let code = Signpost.exitCode(for: error)
    if code == .validationFailure {
        FileHandle.standardError.write(Data((Signpost.fullMessage(for: error) + "\n").utf8))
        Foundation.exit(2)
    }
    Signpost.exit(withError: error)
}
