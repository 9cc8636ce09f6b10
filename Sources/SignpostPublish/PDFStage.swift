import Dispatch
import Foundation
import SignpostModel
import SignpostRender
import SignpostWrite
import Synchronization

/// How a build makes PDFs.
public struct PDFSettings: Sendable {
    /// Nil when no engine is installed: the build says so once and writes the site without them.
    public var engine: PDFEngine?
    /// How many engines print at once, each a browser with one tab; never more than the cores.
    public var workers: Int
    /// Seconds one document may take before its engine is stopped (content cannot hang a build).
    public var timeout: Double
    /// Bytes one engine's processes may use together before it is stopped.
    public var memoryLimit: Int
    /// Pages one PDF may have: a longer one is not made.
    public var pageLimit: Int
    /// What a page may hold before it is sent to the engine.
    var bounds = PrintPageBounds()

    public init(engine: PDFEngine?, workers: Int = ProcessInfo.processInfo.activeProcessorCount, timeout: Double = 180,
                memoryLimit: Int = 1024 * 1024 * 1024, pageLimit: Int = 1000) {
        self.engine = engine
        self.workers = max(1, min(workers, ProcessInfo.processInfo.activeProcessorCount))
        self.timeout = timeout
        self.memoryLimit = memoryLimit
        self.pageLimit = max(1, pageLimit)
    }
}

/// What the PDF stage did.
public struct PDFReport: Sendable {
    public struct Document: Sendable {
        public var job: PDFJob
        public var bytes: Int
        public var pages: Int
        /// Copied from the previous build rather than made again.
        public var reused: Bool
    }

    /// The PDFs now in the site, in job order.
    public var documents: [Document] = []
    /// Jobs whose PDF could not be made (each also has a warning).
    public var missing: [PDFJob] = []
    /// What each PDF now in the site was made from, for the next build to keep what is unchanged.
    package var manifest = PDFManifest()

    public var made: Int { documents.filter { !$0.reused }.count }

    /// Each PDF now in the site by its path, for the pages that link to it.
    package var downloads: [String: PrintDownloads.Made] {
        Dictionary(documents.map { ($0.job.pdf, PrintDownloads.Made(bytes: $0.bytes, pages: $0.pages)) }) { first, _ in first }
    }
    public var reused: Int { documents.filter(\.reused).count }

    public var summary: String {
        var text = "Made \(made) PDF\(made == 1 ? "" : "s")"
        if reused > 0 { text += ", kept \(reused) unchanged" }
        if !missing.isEmpty { text += "; \(missing.count) not made" }
        return text
    }
}

/// Turns pages of the built site into PDFs: after the pages and assets are in the staging
/// folder, before it replaces the site. A PDF whose sources are unchanged since the last build
/// is copied from it; the rest are shared among a few engine processes, each rendering one
/// document after another. A document that fails is a warning naming its school; the site is
/// written all the same.
public struct PDFStage: Sendable {
    public var settings: PDFSettings
    /// How the output folder is named in messages ("Site").
    public var outputDisplay: String
    /// Told after each PDF is made.
    public var progress: BuildProgressHandler?

    public init(settings: PDFSettings, outputDisplay: String, progress: BuildProgressHandler? = nil) {
        self.settings = settings
        self.outputDisplay = outputDisplay
        self.progress = progress
    }

    static let stageName = "Making PDFs"

    /// Makes the PDFs of `jobs` in `root`, reusing those in `previous` (the live site, which
    /// may be `root` itself for a rebuild in place) that `old` says were made from the same
    /// sources. The report's `manifest` records what the PDFs now in `root` were made from.
    package func run(_ jobs: [PDFJob], in root: URL, previous: URL?, old: PDFManifest = PDFManifest(), log: DiagnosticLog) -> PDFReport {
        let root = root.standardizedFileURL
        let inPlace = previous?.standardizedFileURL == root
        var hasher = PDFSourceHasher(root: root)
        var manifest = PDFManifest()
        var report = PDFReport()
        var kept: [Int: PDFReport.Document] = [:]
        var toMake: [(index: Int, job: PDFJob, source: String)] = []
        for (index, job) in jobs.enumerated() {
            // Paths come from validated ids; checked again here because the engine writes to them.
            guard (try? SiteWriter.validate(relativePath: job.page)) != nil, (try? SiteWriter.validate(relativePath: job.pdf)) != nil else {
                log.warning(outputDisplay, "the \(job.document.name) PDF of \(job.schoolName) was not made: \(job.pdf) is not a plain path inside the site")
                report.missing.append(job)
                continue
            }
            guard let source = hasher.fingerprint(page: job.page) else {
                log.warning(display(job), "the \(job.document.name) PDF of \(job.schoolName) was not made: its page \(job.page) was not written")
                report.missing.append(job)
                continue
            }
            // Without an engine, a PDF made from the same sources by any engine is still right.
            if let entry = old.documents[job.pdf], entry.source == source,
               entry.engine == settings.engine?.identity ?? entry.engine,
               let previous, reuse(job.pdf, bytes: entry.bytes, from: previous, in: root, inPlace: inPlace) {
                manifest.documents[job.pdf] = entry
                kept[index] = .init(job: job, bytes: entry.bytes, pages: entry.pages, reused: true)
            } else {
                if inPlace { try? FileManager.default.removeItem(at: root.appendingPathComponent(job.pdf)) }
                if let html = FileManager.default.contents(atPath: root.appendingPathComponent(job.page).path),
                   let problem = settings.bounds.problem(in: html) {
                    log.warning(display(job), "the \(job.document.name) PDF of \(job.schoolName) was not made: \(problem)",
                                suggestion: "shorten the lists or tables in the school's pages; the web pages were written")
                    report.missing.append(job)
                    continue
                }
                toMake.append((index, job, source))
            }
        }
        var made: [Int: PDFReport.Document] = [:]
        if !toMake.isEmpty {
            if let engine = settings.engine {
                let results = render(toMake.map(\.job), engine: engine, root: root)
                for ((index, job, source), result) in zip(toMake, results) {
                    switch result {
                    case let .success(pages):
                        let bytes = (try? FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(job.pdf).path)[.size] as? Int) ?? 0
                        manifest.documents[job.pdf] = .init(source: source, engine: engine.identity, bytes: bytes, pages: pages)
                        made[index] = .init(job: job, bytes: bytes, pages: pages, reused: false)
                    case let .failure(failure):
                        try? FileManager.default.removeItem(at: root.appendingPathComponent(job.pdf))
                        report.missing.append(job)
                        if case .engineDidNotStart = failure.kind {
                            continue  // said once below
                        }
                        log.warning(display(job), "the \(job.document.name) PDF of \(job.schoolName) was not made: \(engine.name) failed: \(failure.message)",
                                    suggestion: "the web pages were written; build again, and if it fails again, report this message")
                    }
                }
                if let failure = results.compactMap({ result -> PDFRenderFailure? in
                    if case let .failure(failure) = result, case .engineDidNotStart = failure.kind { return failure }
                    return nil
                }).first {
                    log.warning(outputDisplay, "PDFs not made: \(failure.message)", suggestion: "run `make site` to install it again")
                }
            } else {
                report.missing += toMake.map(\.job)
                log.warning(outputDisplay, "PDFs not made: Chromium is not installed", suggestion: "run `make site` to install it")
            }
        }
        report.documents = jobs.indices.compactMap { kept[$0] ?? made[$0] }
        report.manifest = manifest
        return report
    }

    private func display(_ job: PDFJob) -> String { outputDisplay + "/" + job.pdf }

    /// A PDF of the last build is kept only if it is still there at the size it was made: the
    /// record and the site it describes are written one after the other, not as one.
    private func reuse(_ pdf: String, bytes: Int, from previous: URL, in root: URL, inPlace: Bool) -> Bool {
        let source = previous.appendingPathComponent(pdf)
        guard PDFSourceHasher.isFile(source.path),
              (try? FileManager.default.attributesOfItem(atPath: source.path)[.size] as? Int) == bytes else { return false }
        if inPlace { return true }
        let target = root.appendingPathComponent(pdf)
        try? FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        return (try? FileManager.default.copyItem(at: source, to: target)) != nil
    }

    /// Renders on up to `settings.workers` engines at once, each taking the next job when it
    /// has finished one; an engine that fails, hangs or outgrows its memory is replaced for the
    /// jobs after it.
    /// The longest pages go first (a whole offer takes many times a handout's time), so the
    /// short ones fill in around them rather than one long document finishing last alone.
    func render(_ jobs: [PDFJob], engine: PDFEngine, root: URL) -> [Result<Int, PDFRenderFailure>] {
        let sizes = jobs.map { job in
            (try? FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(job.page).path)[.size] as? Int) ?? 0
        }
        let queue = PDFJobQueue(order: jobs.indices.sorted { (sizes[$0], $1) > (sizes[$1], $0) })
        let settings = settings
        let totalBytes = sizes.reduce(0, +)
        let started = Date()
        let progress = progress
        progress?(BuildProgress(stage: Self.stageName, done: 0, total: jobs.count, elapsed: 0))
        DispatchQueue.concurrentPerform(iterations: min(settings.workers, jobs.count)) { _ in
            var worker: PDFWorker?
            defer { worker?.stop() }
            while let index = queue.next() {
                if worker == nil || worker?.isRunning == false {
                    worker?.stop()
                    worker = nil
                    do throws(PDFWorker.Failure) { worker = try PDFWorker(engine: engine, settings: settings) } catch {
                        // Another engine may have started: it takes this job. If none did,
                        // the jobs left over fail with this reason.
                        queue.giveBack(index, because: error.description)
                        return
                    }
                }
                let done: (count: Int, bytes: Int)
                do throws(PDFWorker.Failure) {
                    done = queue.finish(index, .success(try worker!.render(jobs[index], root: root, timeout: settings.timeout)), bytes: sizes[index])
                } catch {
                    done = queue.finish(index, .failure(.init(kind: .documentFailed, message: error.description)), bytes: sizes[index])
                }
                progress?(BuildProgress(stage: Self.stageName, done: done.count, total: jobs.count, elapsed: Date().timeIntervalSince(started),
                                        share: Double(done.bytes) / Double(max(1, totalBytes))))
            }
        }
        let results = queue.results
        progress?(BuildProgress(stage: Self.stageName, done: jobs.count, total: jobs.count, elapsed: Date().timeIntervalSince(started), finished: true))
        return results
    }
}

struct PDFRenderFailure: Error, Sendable {
    enum Kind: Sendable { case engineDidNotStart, documentFailed }
    var kind: Kind
    var message: String
}

/// The jobs the engines share: each asks for the next index and hands back its result, or
/// gives the job back when its engine would not start.
final class PDFJobQueue: Sendable {
    private struct State {
        var order: [Int]
        var next = 0
        var returned: [Int] = []
        var results: [Result<Int, PDFRenderFailure>?]
        var startFailure: String?
        var finishedBytes = 0
    }

    private let state: Mutex<State>

    /// `order`: the jobs' indices, in the order they are handed out.
    init(order: [Int]) { state = Mutex(State(order: order, results: Array(repeating: nil, count: order.count))) }

    func next() -> Int? {
        state.withLock { state in
            if let index = state.returned.popLast() { return index }
            guard state.next < state.order.count else { return nil }
            defer { state.next += 1 }
            return state.order[state.next]
        }
    }

    /// How many jobs are finished, this one included, and the bytes of their pages.
    func finish(_ index: Int, _ result: Result<Int, PDFRenderFailure>, bytes: Int = 0) -> (count: Int, bytes: Int) {
        state.withLock { state in
            state.results[index] = result
            state.finishedBytes += bytes
            return (state.results.filter { $0 != nil }.count, state.finishedBytes)
        }
    }

    func giveBack(_ index: Int, because reason: String) {
        state.withLock { state in
            state.returned.append(index)
            state.startFailure = reason
        }
    }

    /// Jobs no engine took fail with the reason the last engine gave for not starting.
    var results: [Result<Int, PDFRenderFailure>] {
        state.withLock { state in
            state.results.map { $0 ?? .failure(.init(kind: .engineDidNotStart, message: state.startFailure ?? "no engine started")) }
        }
    }
}
