import FlyingFox
import Foundation
import SignpostCore

/// The preview server for `signpost serve`: serves a built site on 127.0.0.1 only,
/// plus one status address the injected reload script polls.
public actor PreviewServer {
    public let port: UInt16
    let resolver: SiteFileResolver
    private var status = PreviewStatus()
    private var server: HTTPServer?

    public init(siteRoot: URL, port: UInt16) {
        self.port = port
        self.resolver = SiteFileResolver(root: siteRoot)
    }

    /// What the reload script needs: a number that changes on every successful build,
    /// and the problems of the latest build, if it failed.
    public struct PreviewStatus: Sendable, Codable {
        public var version = 0
        public var errors: [String] = []
    }

    public func update(version: Int? = nil, errors: [String]) {
        if let version { status.version = version }
        status.errors = errors
    }

    func currentStatus() -> PreviewStatus { status }

    public func run() async throws {
        // 127.0.0.1 explicitly: FlyingFox's `.loopback` is the IPv6 ::1, and the preview must
        // be reachable at the address `serve` prints, and only from this machine.
        let server = HTTPServer(address: try sockaddr_in.inet(ip4: "127.0.0.1", port: port), timeout: 30, logger: .disabled)
        self.server = server
        let resolver = self.resolver
        await server.appendRoute("GET,HEAD /__signpost/status") { [weak self] _ in
            let status = await self?.currentStatus() ?? PreviewStatus()
            let body = (try? JSONEncoder().encode(status)) ?? Data()
            return HTTPResponse(statusCode: .ok, headers: [.contentType: "application/json", .init("Cache-Control"): "no-store"], body: body)
        }
        await server.appendRoute("GET,HEAD *") { request in
            PreviewServer.serveFile(request, resolver: resolver)
        }
        try await server.run()
    }

    public func waitUntilListening() async throws {
        while server == nil { try await Task.sleep(nanoseconds: 10_000_000) }
        try await server?.waitUntilListening()
    }

    public func stop() async {
        await server?.stop(timeout: 1)
    }

    static func serveFile(_ request: HTTPRequest, resolver: SiteFileResolver) -> HTTPResponse {
        let raw = request.target.path(percentEncoded: true)
        guard let file = resolver.file(for: raw), let data = try? Data(contentsOf: file) else {
            let notFound = resolver.file(for: "/404.html").flatMap { try? Data(contentsOf: $0) } ?? Data("Not found".utf8)
            return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/html; charset=utf-8"], body: notFound)
        }
        return HTTPResponse(statusCode: .ok, headers: [.contentType: SiteFileResolver.contentType(for: file), .init("Cache-Control"): "no-store"], body: data)
    }

    /// Injected before `</body>` in serve mode only (never into Site/): polls the status,
    /// reloads after a successful rebuild and shows the errors of a failed one.
    public static let reloadScript = """
    <script>
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
    </script>
    """
}
