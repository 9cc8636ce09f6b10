import Foundation
import HTTPTypes
import HummingbirdCore
import Logging
import NIOCore
import NIOPosix
import SignpostModel
import SignpostRender
import SignpostWrite
import Synchronization

/// The preview server for `signpost serve`: serves a built site on 127.0.0.1 only, to
/// requests addressed to 127.0.0.1, localhost or [::1] (so a web page cannot reach it
/// through a DNS name of its own: DNS rebinding), plus one status address the injected
/// reload script polls. HummingbirdCore (SwiftNIO) runs it; `PreviewLimits` bounds what
/// one request or one client can hold.
public final class PreviewServer: Sendable {
    public let port: UInt16
    public let limits: PreviewLimits
    let resolver: SiteFileResolver
    private let status = Mutex(PreviewStatus())
    private let state = Mutex(State.starting)

    enum State: Sendable { case starting, listening, failed(String) }

    public init(siteRoot: URL, port: UInt16, limits: PreviewLimits = PreviewLimits()) {
        self.port = port
        self.limits = limits
        self.resolver = SiteFileResolver(root: siteRoot)
    }

    /// What the reload script needs: a number that changes on every successful build,
    /// and the problems of the latest build, if it failed.
    public struct PreviewStatus: Sendable, Codable {
        public var version = 0
        public var errors: [String] = []
    }

    public func update(version: Int? = nil, errors: [String]) {
        status.withLock { status in
            if let version { status.version = version }
            status.errors = errors
        }
    }

    /// Serves until the process ends.
    public func run() async throws {
        var logger = Logger(label: "signpost.serve")
        logger.logLevel = .critical
        let http1 = HTTP1Channel.Configuration(idleTimeout: .seconds(limits.idleSeconds),
                                               httpDecoderConfiguration: .init(maxHeaderFieldSize: limits.head, maxHeaderListSize: limits.head,
                                                                               maxHeaderFieldCount: limits.headerCount + 1))
        let channel = LimitedHTTP1Channel(http1: HTTP1Channel(responder: { [self] request, writer, _ in
            let (head, body) = respond(to: request.head)
            if request.head.method == .head || body.readableBytes == 0 {
                try await writer.writeResponse(head)
            } else {
                try await writer.write(response: head, body: ResponseBody(byteBuffer: body))
            }
        }, configuration: http1), limits: limits)
        let server = Server(childChannelSetup: channel,
                            configuration: ServerConfiguration(address: .hostname("127.0.0.1", port: Int(port)),
                                                               availableConnectionsDelegate: MaximumAvailableConnections(limits.connections, logger: logger)),
                            onServerRunning: { [self] _ in state.withLock { $0 = .listening } },
                            eventLoopGroup: MultiThreadedEventLoopGroup.singleton, logger: logger)
        do {
            try await server.run()
        } catch {
            state.withLock { $0 = .failed("\(error)") }
            throw error
        }
    }

    /// Returns once the server accepts connections; throws if it could not start (port in use).
    public func waitUntilListening() async throws {
        while true {
            switch state.withLock({ $0 }) {
            case .listening: return
            case let .failed(problem): throw PreviewError(message: "could not serve on 127.0.0.1:\(port): \(problem)")
            case .starting: try await Task.sleep(nanoseconds: 10_000_000)
            }
        }
    }

    public struct PreviewError: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// The whole answer to one request, as a head and a body (for HEAD, the body is not sent).
    func respond(to request: HTTPRequest) -> (HTTPResponse, ByteBuffer) {
        guard let host = request.authority, PreviewServer.isLocalHost(host, port: port) else {
            return answer(.misdirectedRequest, "text/plain; charset=utf-8",
                          Data("This preview answers only at http://127.0.0.1:\(port)/ (or localhost).\n".utf8))
        }
        guard request.method == .get || request.method == .head else {
            var (head, body) = answer(.methodNotAllowed, "text/plain; charset=utf-8", Data("The preview only shows pages.\n".utf8))
            head.headerFields[.allow] = "GET, HEAD"
            return (head, body)
        }
        let path = request.path ?? "/"
        if path == "/__signpost/reload.js" {
            return answer(.ok, "text/javascript; charset=utf-8", Data(PreviewServer.reloadScriptSource.utf8))
        }
        if path == "/__signpost/status" || path.hasPrefix("/__signpost/status?") {
            let body = (try? JSONEncoder().encode(status.withLock { $0 })) ?? Data()
            return answer(.ok, "application/json", body)
        }
        guard let file = resolver.file(for: path), let data = try? Data(contentsOf: file) else {
            let notFound = resolver.file(for: "/404.html").flatMap { try? Data(contentsOf: $0) } ?? Data("Not found".utf8)
            return answer(.notFound, "text/html; charset=utf-8", notFound)
        }
        return answer(.ok, SiteFileResolver.contentType(for: file), data)
    }

    private func answer(_ status: HTTPResponse.Status, _ type: String, _ body: Data) -> (HTTPResponse, ByteBuffer) {
        var fields = HTTPFields()
        fields[.contentType] = type
        fields[.contentLength] = String(body.count)
        fields[.cacheControl] = "no-store"
        fields[.init("X-Content-Type-Options")!] = "nosniff"
        fields[.init("Content-Security-Policy")!] = ContentSecurityPolicy.header
        return (HTTPResponse(status: status, headerFields: fields), ByteBuffer(bytes: body))
    }

    /// The Host header of a request meant for this preview: 127.0.0.1, localhost or [::1],
    /// with no port or this server's port. Any other name, such as an attacker's domain that
    /// resolves to 127.0.0.1, is refused.
    static func isLocalHost(_ host: String, port: UInt16) -> Bool {
        var name = Substring(host.lowercased())
        if let colon = name.lastIndex(of: ":"), !name.hasSuffix("]") {
            guard name[name.index(after: colon)...] == Substring(String(port)) else { return false }
            name = name[..<colon]
        }
        return name == "127.0.0.1" || name == "localhost" || name == "[::1]"
    }

    /// Injected before `</body>` in serve mode only (never into Site/): loads the script that
    /// polls the status, reloads after a successful rebuild and shows the errors of a failed
    /// one. A file, not a script in the page: the pages allow no script written into them.
    public static let reloadScript = "<script src=\"/__signpost/reload.js\"></script>\n"

    static let reloadScriptSource = """
    (function () {
      var seen = null, box = null;
      function show(errors) {
        if (!errors.length) { if (box) { box.remove(); box = null; } return; }
        if (!box) {
          box = document.createElement('div');
          box.setAttribute('role', 'alert');
          box.style.cssText = 'position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;background:#fff;color:#0b0c0c;border-top:5px solid #d4351c;padding:1em;font:16px/1.4 monospace;z-index:9999;white-space:pre-wrap';
          document.body.appendChild(box);
        }
        box.textContent = 'The last save has problems, so this is the previous version of the page:\\n\\n' + errors.join('\\n');
      }
      function poll() {
        fetch('/__signpost/status', {cache: 'no-store'}).then(function (r) { return r.json(); }).then(function (s) {
          if (seen !== null && s.version !== seen) { location.reload(); return; }
          seen = s.version; show(s.errors);
        }).catch(function () {}).finally(function () { setTimeout(poll, 700); });
      }
      poll();
    })();
    """
}

/// HummingbirdCore's HTTP/1 channel with `RequestHeadLimiter` in front of its decoder.
struct LimitedHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value
    let http1: HTTP1Channel
    let limits: PreviewLimits

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        do {
            try channel.pipeline.syncOperations.addHandler(RequestHeadLimiter(limits: limits), position: .first)
        } catch {
            return channel.eventLoop.makeFailedFuture(error)
        }
        return http1.setup(channel: channel, logger: logger)
    }

    func handle(value: Value, logger: Logger) async {
        await http1.handle(value: value, logger: logger)
    }
}
