import Foundation
import NIOCore
import NIOPosix
@testable import SignpostLinks
import SignpostModel
import SignpostPipeline
@testable import SignpostUpkeep
import Synchronization
import Testing

/// A small web server on 127.0.0.1 whose paths answer as dead, moved and slow sites do: the
/// link checker is tested against it and never reaches the internet.
final class FakeSites: Sendable {
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    let channel: Channel
    /// Each request's method, path and User-Agent, in order.
    let log = RequestLog()
    var requests: [String] { log.items.withLock { $0 } }

    let port: Int
    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    init() throws {
        let seen = log
        channel = try ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(FakeSiteHandler(seen: seen)) }
            }
            .bind(host: "127.0.0.1", port: 0).wait()
        port = channel.localAddress!.port!
    }

    func stop() {
        try? channel.close().wait()
        try? group.syncShutdownGracefully()
    }
}

final class RequestLog: Sendable {
    let items = Mutex<[String]>([])
    /// Requests being answered now, and the most at once.
    let open = Mutex((now: 0, most: 0))
}

/// Answers one request per connection, by path.
final class FakeSiteHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer
    let seen: RequestLog
    let head = Mutex("")

    init(seen: RequestLog) { self.seen = seen }

    func respond(_ context: ChannelHandlerContext, method: String, _ status: String, _ headers: [String] = []) {
        let body = method == "HEAD" ? "" : "hello"
        let response = (["HTTP/1.1 \(status)", "Content-Length: 5", "Connection: close"] + headers)
            .joined(separator: "\r\n") + "\r\n\r\n" + body
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: response))).whenComplete { _ in bound.value.close(promise: nil) }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let text = head.withLock { head in
            head += String(buffer: unwrapInboundIn(data))
            return head
        }
        guard text.contains("\r\n\r\n") else { return }
        let words = text.split(separator: " ", maxSplits: 2)
        let method = String(words[0]), path = String(words[1])
        let agent = text.split(separator: "\r\n").first { $0.lowercased().hasPrefix("user-agent:") } ?? ""
        seen.items.withLock { $0.append("\(method) \(path) \(agent)") }
        func answer(_ status: String, _ headers: [String] = []) { respond(context, method: method, status, headers) }
        switch path {
        case "/ok": answer("200 OK")
        case "/moved": answer("301 Moved Permanently", ["Location: /new-home"])
        case "/moved-twice": answer("308 Permanent Redirect", ["Location: /moved"])
        case "/new-home": answer("200 OK")
        case "/for-now": answer("302 Found", ["Location: /ok"])
        case "/moved-to-nowhere": answer("301 Moved Permanently", ["Location: /gone"])
        case "/gone": answer("410 Gone")
        case "/error": answer("500 Internal Server Error")
        case "/no-head": method == "HEAD" ? answer("405 Method Not Allowed", ["Allow: GET"]) : answer("200 OK")
        case "/drop": context.close(promise: nil)
        case _ where path.hasPrefix("/wait"):
            seen.open.withLock { $0.now += 1; $0.most = max($0.most, $0.now) }
            let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
            context.eventLoop.scheduleTask(in: .milliseconds(300)) {
                self.seen.open.withLock { $0.now -= 1 }
                self.respond(bound.value, method: method, "200 OK")
            }
        case "/slow":
            let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
            context.eventLoop.scheduleTask(in: .seconds(8)) { self.respond(bound.value, method: method, "200 OK") }
        default: answer("404 Not Found")
        }
    }
}

@Suite("Link checks (a local server)", .serialized)
struct LinkCheckerTests {
    static func check(_ paths: [String], timeout: Double = 2) async throws -> (results: [String: LinkResult], sites: FakeSites) {
        let sites = try FakeSites()
        var settings = LinkCheckSettings()
        settings.timeout = timeout
        settings.hostDelay = .milliseconds(10)
        let results = await LinkChecker(settings: settings).check(paths.map(sites.url))
        sites.stop()
        return (results, sites)
    }

    @Test func eachAnswerIsReadAsAFamilyWouldMeetIt() async throws {
        let paths = ["/ok", "/moved", "/missing", "/gone", "/error", "/no-head", "/drop", "/slow", "/for-now", "/moved-twice", "/moved-to-nowhere"]
        let (results, sites) = try await Self.check(paths)
        func result(_ path: String) -> LinkResult { results[sites.url(path)]! }
        #expect(results.count == paths.count)
        #expect(result("/ok").status == .ok)
        #expect(result("/ok").code == 200)
        #expect(result("/moved").status == .moved)
        #expect(result("/moved").movedTo == sites.url("/new-home"))
        // Two permanent moves: the fix is where they end.
        #expect(result("/moved-twice").movedTo == sites.url("/new-home"))
        #expect(result("/missing").status == .dead)
        #expect(result("/missing").reason == "the page was not found (404)")
        #expect(result("/gone").status == .dead)
        #expect(result("/gone").code == 410)
        #expect(result("/error").status == .dead)
        #expect(result("/error").reason == "the site had an error (500)")
        #expect(result("/no-head").status == .ok)
        #expect(result("/drop").status == .dead)
        #expect(result("/slow").status == .dead)
        #expect(result("/slow").reason == "it did not answer within 2 seconds")
        // A temporary redirect is followed and is no fix to write.
        #expect(result("/for-now").status == .ok)
        #expect(result("/for-now").movedTo == nil)
        // A move to a dead page is dead: the new address would not help.
        #expect(result("/moved-to-nowhere").status == .dead)
        #expect(result("/moved-to-nowhere").code == 410)
    }

    @Test func aSiteNameThatCannotBeFoundIsDeadButNoNameFoundAtAllMeansOffline() async throws {
        let (results, sites) = try await Self.check(["/ok"])
        #expect(results.count == 1)
        var settings = LinkCheckSettings()
        settings.timeout = 2
        settings.hostDelay = .milliseconds(10)
        let other = try FakeSites()
        defer { other.stop() }
        // `.invalid` is a name no DNS ever answers (RFC 2606).
        let mixed = await LinkChecker(settings: settings).check([other.url("/ok"), "https://signpost-test.invalid/"])
        #expect(mixed["https://signpost-test.invalid/"]?.status == .dead)
        #expect(mixed["https://signpost-test.invalid/"]?.reason == "its site name could not be found (DNS)")
        #expect(mixed[other.url("/ok")]?.status == .ok)
        let none = await LinkChecker(settings: settings).check(["https://a.signpost-test.invalid/", "https://b.signpost-test.invalid/"])
        #expect(none.isEmpty)
        _ = sites
    }

    @Test func headIsTriedFirstThenGetAndTheUserAgentNamesSignpost() async throws {
        let (_, sites) = try await Self.check(["/no-head", "/ok"])
        let requests = sites.requests
        #expect(requests.filter { $0.hasPrefix("HEAD /ok ") }.count == 1)
        #expect(!requests.contains { $0.hasPrefix("GET /ok ") })
        let noHead = requests.filter { $0.contains(" /no-head ") }.map { String($0.prefix(while: { $0 != " " })) }
        #expect(noHead == ["HEAD", "GET"])
        #expect(requests.allSatisfy { $0.contains("Signpost") })
    }

    @Test func requestsToOneSiteAreSpacedOut() async throws {
        let sites = try FakeSites()
        defer { sites.stop() }
        var settings = LinkCheckSettings()
        settings.hostDelay = .milliseconds(300)
        let start = ContinuousClock.now
        _ = await LinkChecker(settings: settings).check(["/ok", "/new-home", "/x"].map(sites.url))
        // Three HEADs and a GET (for the 404), each 300 ms after the one before.
        #expect(ContinuousClock.now - start >= .milliseconds(900))
    }

    @Test(arguments: [1, 4])
    func noMoreThanTheSetNumberAreAskedAtOnce(concurrency: Int) async throws {
        let sites = try FakeSites()
        defer { sites.stop() }
        var settings = LinkCheckSettings()
        settings.concurrency = concurrency
        settings.hostDelay = .milliseconds(10)
        let results = await LinkChecker(settings: settings).check((1...8).map { sites.url("/wait/\($0)") })
        #expect(results.values.allSatisfy { $0.status == .ok })
        let most = sites.log.open.withLock { $0.most }
        #expect(most <= concurrency)
        if concurrency > 1 { #expect(most > 1) }
    }

    @Test func resultsAreRememberedForADayAndWarnWhereTheAddressIsWritten() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("signpost-links-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let content = dir.appendingPathComponent("Content")
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        var memory = LinkMemory()
        memory.results["https://a.example/"] = LinkResult(status: .dead, code: 404, reason: "the page was not found (404)", checked: now.addingTimeInterval(-3600))
        memory.results["https://b.example/"] = LinkResult(status: .ok, code: 200, checked: now.addingTimeInterval(-2 * 86400))
        memory.results["https://c.example/"] = LinkResult(status: .moved, code: 200, movedTo: "https://c.example/new", checked: now)
        try memory.save(content: content)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(".signpost/links.json").path))
        let loaded = LinkMemory.load(content: content)
        #expect(loaded == memory)
        #expect(loaded.needingCheck(["https://a.example/", "https://b.example/", "https://c.example/", "https://d.example/"], now: now)
                == ["https://b.example/", "https://d.example/"])
        let uses = ["https://a.example/", "https://b.example/", "https://c.example/"].enumerated().map {
            WebAddressUse(url: $0.element, file: "Content/agencies/x.md", line: $0.offset + 3, column: 3, entry: "x", entryName: "X", schools: ["s"])
        }
        let warnings = loaded.diagnostics(for: uses).map(\.description)
        #expect(warnings == [
            "Content/agencies/x.md:3:3: warning: the web address \"https://a.example/\" does not work: the page was not found (404) — find the organisation's current page and write its address, or take the address out",
            "Content/agencies/x.md:5:3: warning: the web address \"https://c.example/\" has moved for good to \"https://c.example/new\" — write \"https://c.example/new\"",
        ])
    }

    @Test func everyWebAddressInTheCountyIsFoundWithTheSchoolsThatShowIt() throws {
        let log = DiagnosticLog()
        let prepared = SiteBuilder(options: County.options(content: County.content, output: URL(fileURLWithPath: "/nonexistent"))).prepare(log: log)
        let uses = WebAddressFinder.find(in: prepared.site, markdown: prepared.markdown)
        #expect(!uses.isEmpty)
        #expect(uses.allSatisfy { $0.url.hasPrefix("http") && !$0.schools.isEmpty && $0.line >= 1 })
        // National agencies' addresses are listed once, with every school that shows them.
        let national = uses.filter { $0.file.contains("/agencies/") && !$0.file.contains("/areas/") && !$0.file.contains("/schools/") }
        #expect(national.contains { $0.schools.count > 1 })
        #expect(Set(uses.map { "\($0.file):\($0.line):\($0.url)" }).count == uses.count)
        // Schools' and areas' own addresses are named at the line they are written on.
        let own = Set(uses.filter { $0.file.hasSuffix("area.md") || $0.file.hasSuffix("school.md") }.map { "\($0.file):\($0.line) \($0.url)" })
        #expect(own == ["Content/areas/shire/area.md:10 https://www.shire.gov.uk/safeguardingchildren/",
                        "Content/areas/shire/area.md:15 https://www.shiresafeguarding.org.uk/",
                        "Content/schools/elm-high/school.md:6 https://www.elmhigh.shire.sch.uk"])
    }
}
