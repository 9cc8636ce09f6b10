import Foundation
import Glibc
@testable import SignpostLoad
import SignpostModel
@testable import SignpostWrite
import Testing
#if canImport(Glibc)
#endif

/// The parse cache that `serve` keeps between rebuilds must never hand back an old version of
/// a file: a save of the same size within one tick of the file system's clock keeps the size
/// and the modification time, so only the bytes can tell.
@Suite("Source cache")
struct SourceCacheTests {
    func setModified(_ url: URL, seconds: Int, nanoseconds: Int) {
        var times = [timespec(tv_sec: seconds, tv_nsec: nanoseconds), timespec(tv_sec: seconds, tv_nsec: nanoseconds)]
        #expect(utimensat(AT_FDCWD, url.path, &times, 0) == 0)
    }

    func read(_ cache: SourceCache, _ gate: FileGate) -> String? {
        cache.read("agencies/a.md", from: gate, kind: .markdown, log: DiagnosticLog())?.body
    }

    @Test func aSameSizeSaveWithinOneClockTickIsReadAgain() throws {
        let dir = TempDir()
        let file = dir.write("Content/agencies/a.md", "---\nname: A\n---\nFirst text.\n")
        // Recent, as a save just now is: the cache cannot rely on the time.
        let now = Int(Date().timeIntervalSince1970)
        setModified(file, seconds: now, nanoseconds: 5)
        let gate = FileGate(root: dir.path("Content"), displayRoot: "Content")
        let cache = SourceCache()
        #expect(read(cache, gate) == "First text.\n")
        try Data("---\nname: A\n---\nOther text.\n".utf8).write(to: file)
        setModified(file, seconds: now, nanoseconds: 5)
        #expect(read(cache, gate) == "Other text.\n")
    }

    @Test func aFileModifiedLongAgoIsTakenFromTheCache() throws {
        let dir = TempDir()
        let file = dir.write("Content/agencies/a.md", "---\nname: A\n---\nFirst text.\n")
        setModified(file, seconds: 1_600_000_000, nanoseconds: 0)
        let gate = FileGate(root: dir.path("Content"), displayRoot: "Content")
        let cache = SourceCache()
        #expect(read(cache, gate) == "First text.\n")
        // Not racy, so unchanged size and time mean unchanged: the file is not read again.
        try Data("---\nname: A\n---\nOther text.\n".utf8).write(to: file)
        setModified(file, seconds: 1_600_000_000, nanoseconds: 0)
        #expect(read(cache, gate) == "First text.\n")
    }
}

/// A school's `agencies:` list can name thousands of ids that do not exist (a pasted list):
/// the report lists the first ones with a hint and sums up the rest in one line.
@Suite("Unknown agencies, many times")
struct UnknownAgencyReportTests {
    @Test func fifteenThousandUnknownIdsGiveTwentyMessagesAndACount() throws {
        // 18,000 values in all: within the settings block's limit of 20,000.
        let ids = (0..<15_000).map { "no-such-agency-\($0)" }.joined(separator: ", ")
        let excluded = (0..<3_000).map { "not-listed-\($0)" }.joined(separator: ", ")
        let tree = ContentTree(school: ContentTree.school(agencies: "[samaritans, \(ids)]", extra: "exclude: [\(excluded)]"))
        let (site, log) = tree.resolve()
        let unknown = log.errors.filter { $0.message.contains("unknown agenc") }
        #expect(unknown.count == 21, "\(unknown.count) messages")
        let count = try #require(unknown.first { $0.message.contains("14,980 more unknown agencies") }, "\(unknown.suffix(2))")
        #expect(count.line == 9)
        let exclusions = log.warnings.filter { $0.message.contains("exclude") }
        #expect(exclusions.count == 21, "\(exclusions.count) warnings")
        #expect(site.school("test-first")?.agencies.map(\.id) == ["samaritans"])
    }
}

/// Staging folders of killed builds must never be committed by accident.
@Suite("Ignored files")
struct IgnoredFilesTests {
    @Test func gitIgnoresTheStagingFolders() throws {
        let text = try String(contentsOf: Paths.repoRoot.appendingPathComponent(".gitignore"), encoding: .utf8)
        let patterns = text.split(separator: "\n").map { $0.hasSuffix("/") ? String($0.dropLast()) : String($0) }
        let output = Paths.repoRoot.appendingPathComponent("Site")
        let staging = StagingFolder.prefix(for: output) + "-1A2B3C4D"
        #expect(StagingFolder.isStagingName(staging, for: output))
        #expect(patterns.contains { fnmatch($0, staging, 0) == 0 }, "no line of .gitignore matches \(staging)")
    }
}
