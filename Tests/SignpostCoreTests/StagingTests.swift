import Foundation
import SignpostModel
import SignpostPipeline
@testable import SignpostWrite
import Synchronization
import Testing

/// Staging folders, the leftovers of killed builds, and the swap that puts a build in place.
@Suite("Staging and swap")
struct StagingTests {
    func names(in dir: TempDir) throws -> Set<String> {
        // The build state beside the content (`.signpost/`) is no staging folder.
        Set(try FileManager.default.contentsOfDirectory(atPath: dir.url.path)).subtracting([".signpost"])
    }

    @Test func exchangeSwapsTwoFoldersInOneStep() throws {
        let dir = TempDir()
        dir.write("a/index.html", "A")
        dir.write("b/index.html", "B")
        dir.write("b/more/page.html", "B2")
        #expect(try FolderSwap.exchange(dir.path("a"), dir.path("b")))
        #expect(snapshot(dir.path("a")) == ["index.html": Data("B".utf8), "more/page.html": Data("B2".utf8)])
        #expect(snapshot(dir.path("b")) == ["index.html": Data("A".utf8)])
    }

    @Test(arguments: [true, false])
    func replaceLeavesTheNewSiteAndHandsBackTheOld(exchange: Bool) throws {
        let dir = TempDir()
        dir.write("Site/index.html", "old")
        dir.write(".Site-building-00000000/index.html", "new")
        let old = try #require(try FolderSwap.replace(dir.path("Site"), with: dir.path(".Site-building-00000000"), exchange: exchange))
        #expect(snapshot(dir.path("Site")) == ["index.html": Data("new".utf8)])
        #expect(snapshot(old) == ["index.html": Data("old".utf8)])
        // Where the old site waits to be deleted is a name the next build cleans up.
        #expect(StagingFolder.isStagingName(old.lastPathComponent, for: dir.path("Site")))
    }

    final class Watch: Sendable {
        let done = Atomic(false)
        let misses = Atomic(0)
    }

    /// A reader looking at the site while builds are swapped in always finds one.
    @Test func theSiteIsThereAtEveryInstantOfACommit() throws {
        let dir = TempDir()
        let output = dir.path("Site")
        let writer = SiteWriter(output: output)
        let first = try writer.makeStaging()
        try SiteWriter.write(Data("0".utf8), to: "index.html", in: first)
        try writer.commit(first)
        let watch = Watch()
        let reader = Thread {
            let page = output.appendingPathComponent("index.html").path
            while !watch.done.load(ordering: .relaxed) {
                if access(page, F_OK) != 0 { watch.misses.add(1, ordering: .relaxed) }
            }
        }
        reader.start()
        for round in 1...300 {
            let staging = try writer.makeStaging()
            try SiteWriter.write(Data("\(round)".utf8), to: "index.html", in: staging)
            try writer.commit(staging)
        }
        watch.done.store(true, ordering: .relaxed)
        while !reader.isFinished { usleep(1000) }
        #expect(watch.misses.load(ordering: .relaxed) == 0)
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "300")
        #expect(try names(in: dir) == ["Site"])
    }

    @Test func staleStagingFoldersAreRemovedAndReported() throws {
        let dir = TempDir("signpost-build")
        let fixture = Paths.fixtures.appendingPathComponent("two-areas")
        try FileManager.default.copyItem(at: fixture.appendingPathComponent("Content"), to: dir.path("Content"))
        try FileManager.default.copyItem(at: fixture.appendingPathComponent("theme"), to: dir.path("theme"))
        // Left by killed builds: this version's, and an earlier version's old site.
        dir.write(".Site-building-1A2B3C4D/index.html", "half a site")
        dir.write(".Site-old-0F0F0F0F/index.html", "an old site")
        // Not Signpost's, or not stale: left alone.
        dir.write(".Site-building-notmine/keep.txt", "x")
        dir.write(".Site-building-1a2b3c4d/keep.txt", "x")
        dir.write(".Other-building-1A2B3C4D/keep.txt", "x")
        try FileManager.default.createSymbolicLink(atPath: dir.path(".Site-building-DEADBEEF").path, withDestinationPath: dir.path("Content").path)
        dir.write(".Site-building-CAFEF00D/index.html", "a build still running")
        let running = open(dir.path(".Site-building-CAFEF00D").path, O_RDONLY | O_DIRECTORY)
        defer { close(running) }
        #expect(flock(running, LOCK_EX | LOCK_NB) == 0)

        var options = BuildOptions(content: dir.path("Content"), theme: dir.path("theme"), output: dir.path("Site"),
                                   contentDisplay: "Content", themeDisplay: "theme")
        options.today = Day("2026-11-22")!
        let result = SiteBuilder(options: options).build()
        #expect(result.wrote, "\(result.diagnostics.map(\.description))")
        let notes = result.warnings.filter { $0.file == "Site" && $0.message.contains("interrupted builds") }
        #expect(notes.count == 1)
        #expect(notes.first?.message.contains(".Site-building-1A2B3C4D, .Site-old-0F0F0F0F") == true, "\(notes)")
        #expect(try names(in: dir) == ["Content", "theme", "Site", ".Site-building-notmine", ".Site-building-1a2b3c4d",
                                       ".Other-building-1A2B3C4D", ".Site-building-DEADBEEF", ".Site-building-CAFEF00D"])
        #expect(FileManager.default.fileExists(atPath: dir.path("Content/site.yml").path))
    }

    /// A build that fails after writing its pages (here, copying a logo that cannot be read)
    /// leaves the previous site byte for byte and no staging folder.
    @Test func aBuildThatFailsLateLeavesThePreviousSite() throws {
        let dir = TempDir("signpost-build")
        let fixture = Paths.fixtures.appendingPathComponent("two-areas")
        try FileManager.default.copyItem(at: fixture.appendingPathComponent("Content"), to: dir.path("Content"))
        try FileManager.default.copyItem(at: fixture.appendingPathComponent("theme"), to: dir.path("theme"))
        var options = BuildOptions(content: dir.path("Content"), theme: dir.path("theme"), output: dir.path("Site"),
                                   contentDisplay: "Content", themeDisplay: "theme")
        options.today = Day("2026-11-22")!
        #expect(SiteBuilder(options: options).build().wrote)
        let before = snapshot(dir.path("Site"))
        // The logo's name is right, but it is a folder: found by the check, unreadable when copied.
        let school = dir.path("Content/schools/oak-first/school.md")
        let text = try String(contentsOf: school, encoding: .utf8)
        try text.replacingOccurrences(of: "\nname:", with: "\nlogo: crest.png\nname:").write(to: school, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: dir.path("Content/schools/oak-first/crest.png"), withIntermediateDirectories: true)
        let result = SiteBuilder(options: options).build()
        #expect(!result.wrote)
        #expect(!result.errors.isEmpty)
        #expect(snapshot(dir.path("Site")) == before)
        #expect(try names(in: dir) == ["Content", "theme", "Site"])
    }
}
