import Foundation
import HTTPTypes
import NIOCore
import NIOEmbedded
import Testing
@testable import SignpostServe

/// The preview server's own rules, without a network: which Host it answers, and the limits
/// on a request's head. `Tests/cli/test_cli.py` checks the same against the running binary.
@Suite("Preview server")
struct PreviewServerTests {
    @Test(arguments: ["127.0.0.1", "127.0.0.1:8000", "localhost", "LOCALHOST:8000", "[::1]", "[::1]:8000"])
    func localHostsAreAnswered(host: String) {
        #expect(PreviewServer.isLocalHost(host, port: 8000))
    }

    @Test(arguments: ["evil.example", "evil.example:8000", "127.0.0.1:8001", "localhost:80", "127.0.0.1.evil.example",
                      "localhost.", "[::1]:8001", "127.0.0.2", "", ":8000", "0.0.0.0:8000", "localhost:8000:8000"])
    func otherHostsAreRefused(host: String) {
        #expect(!PreviewServer.isLocalHost(host, port: 8000))
    }

    @Test func aRequestForAnotherHostGets421() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("signpost-preview-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("home".utf8).write(to: dir.appendingPathComponent("index.html"))
        let server = PreviewServer(siteRoot: dir, port: 8000)
        let rebinding = HTTPRequest(method: .get, scheme: nil, authority: "attacker.example:8000", path: "/")
        #expect(server.respond(to: rebinding).0.status.code == 421)
        let local = HTTPRequest(method: .get, scheme: nil, authority: "127.0.0.1:8000", path: "/")
        let (head, body) = server.respond(to: local)
        #expect(head.status == .ok)
        #expect(String(buffer: body) == "home")
        let post = HTTPRequest(method: .post, scheme: nil, authority: "127.0.0.1:8000", path: "/")
        #expect(server.respond(to: post).0.status == .methodNotAllowed)
    }

    /// Feeds `bytes` to a limiter and returns what it forwarded, what it answered, and whether it closed.
    func limit(_ chunks: [String], limits: PreviewLimits = PreviewLimits()) throws -> (forwarded: String, answer: String, open: Bool) {
        let channel = EmbeddedChannel(handler: RequestHeadLimiter(limits: limits))
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 8000)).wait()
        #expect(channel.isActive)
        var forwarded = ""
        for chunk in chunks {
            try channel.writeInbound(ByteBuffer(string: chunk))
            while let part = try channel.readInbound(as: ByteBuffer.self) { forwarded += String(buffer: part) }
        }
        var answer = ""
        while let part = try channel.readOutbound(as: ByteBuffer.self) { answer += String(buffer: part) }
        // A refused connection lingers a moment (reading and dropping) before it closes.
        channel.embeddedEventLoop.advanceTime(by: RequestHeadLimiter.linger)
        return (forwarded, answer, channel.isActive)
    }

    @Test func plainRequestsPassUntouched() throws {
        let requests = ["GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", "HEAD /a HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n"]
        let result = try limit(requests)
        #expect(result.forwarded == requests.joined())
        #expect(result.answer.isEmpty)
        #expect(result.open)
    }

    @Test func aLongRequestLineGets414() throws {
        let result = try limit(["GET /" + String(repeating: "a", count: 5000), String(repeating: "a", count: 5000) + " HTTP/1.1\r\n\r\n"])
        #expect(result.answer.hasPrefix("HTTP/1.1 414 "))
        #expect(!result.open)
        #expect(result.forwarded.utf8.count <= PreviewLimits().requestLine)
    }

    @Test(arguments: [
        "X-Long: " + String(repeating: "b", count: 9000) + "\r\n",
        String(repeating: "X-Many: 1\r\n", count: 101),
        String(repeating: "X-Big: " + String(repeating: "c", count: 7000) + "\r\n", count: 5),
    ])
    func largeHeadersGet431(headers: String) throws {
        let result = try limit(["GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "\r\n"])
        #expect(result.answer.hasPrefix("HTTP/1.1 431 "))
        #expect(!result.open)
    }

    @Test func theLimitsApplyToEachRequestOfAConnection() throws {
        let small = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: " + String(repeating: "d", count: 6000) + "\r\n\r\n"
        let result = try limit(Array(repeating: small, count: 10))
        #expect(result.answer.isEmpty, "heads are counted one by one, not added up")
        let second = try limit([small, "GET /" + String(repeating: "e", count: 9000) + " HTTP/1.1\r\n\r\n"])
        #expect(second.answer.hasPrefix("HTTP/1.1 414 "))
    }

    @Test(arguments: ["Content-Length: 5", "content-length:12", "Transfer-Encoding: chunked"])
    func aRequestBodyGets413(header: String) throws {
        let result = try limit(["POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n\(header)\r\n\r\nhello"])
        #expect(result.answer.hasPrefix("HTTP/1.1 413 "))
        #expect(!result.open)
    }
}
