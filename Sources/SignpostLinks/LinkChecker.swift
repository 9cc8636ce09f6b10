import Foundation
import FoundationNetworking
import SignpostUpkeep
#if canImport(FoundationNetworking)
#endif

/// Checks web addresses over HTTP(S): HEAD first, GET when HEAD is refused, redirects
/// followed one by one so a permanent move (301, 308) can be reported with its new address.
/// Kept out of the stage targets, so the generator itself has no networking code.
public struct LinkChecker: Sendable {
    public let settings: LinkCheckSettings

    public init(settings: LinkCheckSettings = LinkCheckSettings()) { self.settings = settings }

    /// A result for each address, checked `settings.concurrency` at a time. An address that
    /// could not be asked because this computer is offline gets no result (it is not dead);
    /// when not one site name could be looked up, no address gets one.
    public func check(_ urls: [String], now: @escaping @Sendable () -> Date = Date.init) async -> [String: LinkResult] {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = settings.timeout
        configuration.timeoutIntervalForResource = settings.timeout * 2
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        let session = URLSession(configuration: configuration, delegate: RedirectRefuser(), delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        let pacing = HostPacing(delay: settings.hostDelay)
        var results: [String: LinkResult] = [:]
        await withTaskGroup(of: (String, LinkResult?).self) { group in
            var pending = urls[...]
            func startNext() {
                guard let url = pending.popFirst() else { return }
                group.addTask { (url, await check(url, session: session, pacing: pacing, now: now)) }
            }
            for _ in 0..<max(1, settings.concurrency) { startNext() }
            for await (url, result) in group {
                if let result { results[url] = result }
                startNext()
            }
        }
        // Not one site answered and no name could be looked up: this computer is offline (or
        // cannot look names up), which says nothing about the addresses.
        let lookups = Set([LinkChecker.words(for: URLError(.cannotFindHost), timeout: 0)])
        if urls.count > 1, results.count == urls.count, results.values.allSatisfy({ $0.code == nil && lookups.contains($0.reason ?? "") }) {
            return [:]
        }
        return results
    }

    func check(_ address: String, session: URLSession, pacing: HostPacing, now: @Sendable () -> Date) async -> LinkResult? {
        guard var url = URL(string: address), url.host != nil else {
            return LinkResult(status: .dead, reason: "it is not a complete web address", checked: now())
        }
        var movedTo: String?
        var permanentSoFar = true
        var method = "HEAD"
        for _ in 0...settings.maxRedirects {
            var answer = await ask(url, method: method, session: session, pacing: pacing)
            // Many servers refuse HEAD (405, 501) or answer it wrongly; GET is what a browser sends.
            if method == "HEAD", case let .status(code, _) = answer, code >= 400 {
                method = "GET"
                answer = await ask(url, method: method, session: session, pacing: pacing)
            }
            switch answer {
            case .offline:
                return nil
            case let .failed(reason):
                return LinkResult(status: .dead, reason: reason, checked: now())
            case let .status(code, location) where (300...399).contains(code) && code != 304:
                guard let location, let next = URL(string: location, relativeTo: url)?.absoluteURL,
                      let scheme = next.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
                    return LinkResult(status: .dead, code: code, reason: "it redirects (\(code)) without saying where to", checked: now())
                }
                if permanentSoFar && (code == 301 || code == 308) { movedTo = next.absoluteString } else { permanentSoFar = false }
                if code == 303 { method = "GET" }
                url = next
            case let .status(code, _) where code >= 400:
                return LinkResult(status: .dead, code: code, reason: LinkChecker.words(forStatus: code), checked: now())
            case let .status(code, _):
                if let movedTo, movedTo != address {
                    return LinkResult(status: .moved, code: code, movedTo: movedTo, checked: now())
                }
                return LinkResult(status: .ok, code: code, checked: now())
            }
        }
        return LinkResult(status: .dead, reason: "it redirects more than \(settings.maxRedirects) times", checked: now())
    }

    enum Answer { case status(Int, location: String?), failed(String), offline }

    func ask(_ url: URL, method: String, session: URLSession, pacing: HostPacing) async -> Answer {
        await pacing.wait(for: url.host?.lowercased() ?? "")
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: settings.timeout)
        request.httpMethod = method
        request.setValue(settings.userAgent, forHTTPHeaderField: "User-Agent")
        request.setValue("text/html,application/xhtml+xml,*/*;q=0.8", forHTTPHeaderField: "Accept")
        let timeout = settings.timeout
        return await withCheckedContinuation { continuation in
            let task = session.dataTask(with: request) { _, response, error in
                if let http = response as? HTTPURLResponse {
                    continuation.resume(returning: .status(http.statusCode, location: http.value(forHTTPHeaderField: "Location")))
                } else if (error as? URLError)?.code == .notConnectedToInternet {
                    continuation.resume(returning: .offline)
                } else {
                    continuation.resume(returning: .failed(LinkChecker.words(for: error, timeout: timeout)))
                }
            }
            task.resume()
        }
    }

    static func words(forStatus code: Int) -> String {
        switch code {
        case 404: return "the page was not found (404)"
        case 410: return "the page has been taken down for good (410)"
        case 401, 403: return "the site refuses to show the page (\(code))"
        case 429: return "the site asked us to slow down (429); it may work later"
        case 400..<500: return "the site refused the request (\(code))"
        default: return "the site had an error (\(code))"
        }
    }

    static func words(for error: Error?, timeout: Double) -> String {
        guard let error = error as? URLError else { return "it gave no answer" }
        switch error.code {
        case .timedOut: return "it did not answer within \(Int(timeout)) second\(Int(timeout) == 1 ? "" : "s")"
        case .cannotFindHost, .dnsLookupFailed: return "its site name could not be found (DNS)"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
             .serverCertificateHasUnknownRoot, .serverCertificateNotYetValid, .clientCertificateRejected:
            return "its secure connection failed (TLS certificate)"
        case .cannotConnectToHost: return "the site refused the connection"
        case .networkConnectionLost: return "the site dropped the connection"
        case .badServerResponse, .zeroByteResource: return "the site gave a broken answer"
        case .httpTooManyRedirects: return "it redirects too many times"
        default: return "it could not be reached (\(error.localizedDescription))"
        }
    }
}

/// Stops URLSession following redirects itself, so each hop's status is seen.
final class RedirectRefuser: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        completionHandler(nil)
    }
}
