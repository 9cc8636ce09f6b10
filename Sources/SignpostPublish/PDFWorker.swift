import Foundation
import Glibc
import SignpostModel
#if canImport(Glibc)
#endif

/// One running browser with one tab: it starts once and then prints document after document.
/// Used by one thread.
///
/// The tab loads each page from a stand-in web address (the site's own, or
/// `https://signpost.invalid/` when it has none), so that links between the site's pages
/// print as links to the published site. Every request the tab makes is intercepted: a file
/// of the site being built is answered from the folder, anything else is refused, so the
/// browser never reaches the network or any other file. Scripts are off.
final class PDFWorker {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Links inside the site resolve against this origin when the site has no web address;
    /// they are taken out before printing (`.invalid` never resolves), so the PDF keeps no link
    /// that would only work on this disk.
    static let standIn = "https://signpost.invalid/"

    /// The links that resolve to the stand-in origin: written with it, or relative (no scheme
    /// before any "/") other than to a place on the same page, which prints as a link inside
    /// the PDF.
    static let linksWithinTheSite = ##"a[href^="\##(standIn)"], a[href]:not([href^="#"]):not([href*=":"]), "##
        + #"a[href*=":"]:not([href^="http:"]):not([href^="https:"]):not([href^="mailto:"]):not([href^="tel:"]):not([href^="sms:"])"#

    /// Takes the `href` out of every link `linksWithinTheSite` finds.
    static let removeLinksWithinTheSite: String = {
        let selector = (try? JSONSerialization.data(withJSONObject: [linksWithinTheSite])).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        return "for (const link of document.querySelectorAll(\(selector)[0])) link.removeAttribute('href')"
    }()

    private let pipe: DevToolsPipe
    private let session: String
    private let target: String
    private let folder: URL
    private let limits: PDFSettings

    /// Addresses the last document asked for and was refused (for tests and messages).
    private(set) var refused: [String] = []

    /// Starts the browser and opens its tab. Starting does not depend on the content, so it has
    /// its own, generous time limit (a busy machine can take seconds).
    init(engine: PDFEngine, settings: PDFSettings, startTimeout: Double = 120) throws(Failure) {
        limits = settings
        folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("signpost-pdf-\(getpid())-\(UUID().uuidString.prefix(8))")
        do {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("profile"), withIntermediateDirectories: true)
            try Data(PDFEngine.fontConfig(cache: folder.appendingPathComponent("fonts").path).utf8)
                .write(to: folder.appendingPathComponent("fonts.conf"))
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw Failure(description: "\(engine.name) could not be started: \(error.localizedDescription)")
        }
        let environment = ["HOME": folder.path, "TMPDIR": NSTemporaryDirectory(), "FONTCONFIG_FILE": folder.appendingPathComponent("fonts.conf").path,
                           "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        let arguments = engine.arguments + ["--user-data-dir=" + folder.appendingPathComponent("profile").path, "about:blank"]
        let started: DevToolsPipe
        do throws(DevToolsPipe.Failure) {
            started = try DevToolsPipe(executable: engine.executable, arguments: arguments, environment: environment,
                                       errorsPath: folder.appendingPathComponent("errors.log").path)
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw Failure(description: "\(engine.name) could not be started (\(error.description))")
        }
        pipe = started
        pipe.memoryLimit = settings.memoryLimit
        pipe.deadline = Date().addingTimeInterval(startTimeout)
        pipe.deadlineReason = "it did not start within \(Int(startTimeout)) seconds"
        do throws(DevToolsPipe.Failure) {
            // A tab in the background is never drawn for a screen, only printed.
            target = try pipe.call("Target.createTarget", ["url": "about:blank", "background": true])["targetId"] as? String ?? ""
            session = try pipe.call("Target.attachToTarget", ["targetId": target, "flatten": true])["sessionId"] as? String ?? ""
            try pipe.call("Page.enable", session: session)
            // The page is styled for print from the start, so printing does not restyle it from
            // the screen's rules (the PDF is the same).
            try pipe.call("Emulation.setEmulatedMedia", ["media": "print"], session: session)
            try pipe.call("Fetch.enable", ["patterns": [["urlPattern": "*", "requestStage": "Request"]]], session: session)
        } catch {
            pipe.kill()
            try? FileManager.default.removeItem(at: folder)
            throw Failure(description: "\(engine.name) could not start: \(error.description)")
        }
    }

    deinit { stop() }

    /// False once the browser has ended (it failed, took too long or used too much memory):
    /// start another.
    var isRunning: Bool { pipe.isRunning }

    func stop() {
        pipe.close(within: 2)
        try? FileManager.default.removeItem(at: folder)
    }

    /// Prints `job`'s page of the site in `root` to its PDF; the number of pages.
    func render(_ job: PDFJob, root: URL, timeout: Double) throws(Failure) -> Int {
        let root = root.standardizedFileURL.resolvingSymlinksInPath()
        pipe.deadline = Date().addingTimeInterval(timeout)
        pipe.deadlineReason = "it took longer than \(Int(timeout)) seconds and was stopped"
        refused = []
        let origin = job.siteURL ?? Self.standIn
        do throws(DevToolsPipe.Failure) {
            pipe.dropEvents()
            try pipe.post("Page.navigate", ["url": origin + job.page], session: session)
            var loaded = false
            var pageServed = false
            while !loaded {
                let event = try pipe.nextEvent()
                guard event["sessionId"] as? String == session || event["sessionId"] == nil else { continue }
                let params = event["params"] as? [String: Any] ?? [:]
                switch event["method"] as? String {
                case "Fetch.requestPaused":
                    let request = params["request"] as? [String: Any] ?? [:]
                    let url = request["url"] as? String ?? ""
                    let id = params["requestId"] as? String ?? ""
                    if let (data, kind) = Self.file(url, origin: origin, root: root) {
                        if url.hasPrefix(origin + job.page) { pageServed = true }
                        try pipe.call("Fetch.fulfillRequest", ["requestId": id, "responseCode": 200, "body": data.base64EncodedString(),
                                                               "responseHeaders": [["name": "Content-Type", "value": kind]]], session: session)
                    } else {
                        refused.append(url)
                        try pipe.call("Fetch.failRequest", ["requestId": id, "errorReason": "BlockedByClient"], session: session)
                    }
                case "Page.loadEventFired":
                    loaded = true
                case "Inspector.detached", "Target.targetCrashed", "Target.detachedFromTarget":
                    throw DevToolsPipe.Failure(description: "the page's tab stopped")
                default:
                    continue
                }
            }
            guard pageServed else { throw DevToolsPipe.Failure(description: "the page could not be loaded") }
            let document = try pipe.call("DOM.getDocument", ["depth": 0], session: session)["root"] as? [String: Any] ?? [:]
            let top = document["nodeId"] as? Int ?? 0
            if job.siteURL == nil {
                // One expression of Signpost's own rather than a call for each link (a whole offer
                // has dozens); the page's own scripts stay off.
                let removed = try pipe.call("Runtime.evaluate", ["expression": Self.removeLinksWithinTheSite, "returnByValue": true], session: session)
                if removed["exceptionDetails"] != nil { throw DevToolsPipe.Failure(description: "the links within the site could not be taken out") }
            }
            let html = try pipe.call("DOM.querySelector", ["nodeId": top, "selector": "html"], session: session)["nodeId"] as? Int ?? 0
            let attributes = try pipe.call("DOM.getAttributes", ["nodeId": html], session: session)["attributes"] as? [String] ?? []
            let language = stride(from: 0, to: attributes.count - 1, by: 2).first { attributes[$0] == "lang" }.map { attributes[$0 + 1] } ?? ""
            let title = (try pipe.call("Target.getTargetInfo", ["targetId": target])["targetInfo"] as? [String: Any])?["title"] as? String ?? ""
            // One page more than allowed is asked for: if it comes, the document is too long.
            let printed = try pipe.call("Page.printToPDF", [
                "printBackground": true, "preferCSSPageSize": true, "paperWidth": 8.27, "paperHeight": 11.69,
                "generateTaggedPDF": true, "generateDocumentOutline": true, "pageRanges": "1-\(limits.pageLimit + 1)",
            ], session: session)
            guard let data = Data(base64Encoded: printed["data"] as? String ?? "") else {
                throw DevToolsPipe.Failure(description: "the engine sent no PDF")
            }
            let pages = PDFNormaliser.pageCount(data)
            guard pages <= limits.pageLimit else {
                throw DevToolsPipe.Failure(description: "it has more than \(limits.pageLimit) pages")
            }
            let normalised: Data
            do throws(PDFNormaliser.Failure) {
                normalised = try PDFNormaliser(title: title, language: language, date: job.date).normalise(data)
            } catch {
                throw DevToolsPipe.Failure(description: error.description)
            }
            try write(normalised, to: root.appendingPathComponent(job.pdf))
            return pages
        } catch {
            throw Failure(description: error.description)
        }
    }

    /// Written beside the target and renamed, so a failure never leaves half a PDF in the site.
    private func write(_ data: Data, to target: URL) throws(DevToolsPipe.Failure) {
        let part = target.appendingPathExtension("part")
        do {
            try data.write(to: part)
            guard rename(part.path, target.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? FileManager.default.removeItem(at: part)
            throw DevToolsPipe.Failure(description: "the PDF could not be written: \(error.localizedDescription)")
        }
    }

    /// A file of the site for a request to `url`, and its type; nil for anything else.
    static func file(_ url: String, origin: String, root: URL) -> (Data, String)? {
        guard url.hasPrefix(origin) else { return nil }
        let path = url.dropFirst(origin.count).split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
            .split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]
        guard let relative = String(path).removingPercentEncoding, !relative.isEmpty else { return nil }
        let file = root.appendingPathComponent(relative).standardizedFileURL.resolvingSymlinksInPath()
        guard file.path.hasPrefix(root.path + "/"), PDFSourceHasher.isFile(file.path),
              let data = FileManager.default.contents(atPath: file.path) else { return nil }
        let kinds = ["html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "png": "image/png", "jpg": "image/jpeg",
                     "jpeg": "image/jpeg", "svg": "image/svg+xml", "gif": "image/gif", "webp": "image/webp", "woff2": "font/woff2",
                     "woff": "font/woff", "ttf": "font/ttf", "otf": "font/otf"]
        return (data, kinds[file.pathExtension.lowercased()] ?? "application/octet-stream")
    }
}
