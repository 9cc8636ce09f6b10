import Foundation
@testable import SignpostLoad
import SignpostModel
import Testing

/// How `serve` notices saves.
@Suite("ContentWatcher")
struct WatcherTests {
    /// Sets a file's modification time, as a file system with a coarse clock would leave it.
    func setModified(_ path: String, to time: timespec) {
        var times = [time, time]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
    }

    func modified(_ path: String) -> timespec {
        var info = stat()
        #expect(stat(path, &info) == 0)
        return info.st_mtim
    }

    @Test func addedChangedAndRemovedFilesAreSeen() throws {
        let dir = TempDir()
        let a = dir.write("Content/a.md", "one")
        let b = dir.write("Content/b.md", "two")
        let watcher = ContentWatcher(folders: [dir.path("Content")])
        let first = watcher.snapshot()
        try Data("three".utf8).write(to: a)
        try FileManager.default.removeItem(at: b)
        let c = dir.write("Content/sub/c.md", "new")
        let second = watcher.snapshot(after: first)
        #expect(ContentWatcher.changes(from: first, to: second) == [a.path, b.path, c.path].sorted())
        #expect(ContentWatcher.changes(from: second, to: watcher.snapshot(after: second)).isEmpty)
    }

    /// A save of the same size within one tick of the file system's clock leaves size and time
    /// as they were; the bytes still tell.
    @Test func aSameSizeSaveWithinOneClockTickIsSeen() throws {
        let dir = TempDir()
        let file = dir.write("Content/a.md", "phone: 01905 111111")
        let watcher = ContentWatcher(folders: [dir.path("Content")])
        let first = watcher.snapshot()
        let stamp = modified(file.path)
        let handle = try FileHandle(forWritingTo: file)
        try handle.write(contentsOf: Data("phone: 01905 222222".utf8))
        try handle.close()
        setModified(file.path, to: stamp)
        let second = watcher.snapshot(after: first)
        #expect(ContentWatcher.changes(from: first, to: second) == [file.path])
    }

    /// Once a file's time is well in the past, it is compared by its stamp alone again.
    @Test func aSettledFileIsNotReadOnEveryPoll() throws {
        let dir = TempDir()
        let file = dir.write("Content/a.md", "text")
        setModified(file.path, to: timespec(tv_sec: 1_700_000_000, tv_nsec: 0))
        let watcher = ContentWatcher(folders: [dir.path("Content")])
        let snapshot = watcher.snapshot()
        #expect(snapshot.files[file.path]?.digest == nil)
        #expect(watcher.snapshot(after: snapshot).files[file.path]?.digest == nil)
    }

    /// The first snapshot is taken before the first build: a file saved while it runs (or
    /// before the watching starts) is rebuilt, not taken as already built.
    @Test func aSaveDuringTheFirstBuildIsRebuilt() async throws {
        let dir = TempDir()
        let file = dir.write("Content/a.md", "before")
        let watcher = ContentWatcher(folders: [dir.path("Content")])
        let seen = try await withThrowingTaskGroup(of: [String].self) { group in
            group.addTask {
                var rebuilt: [String] = []
                do {
                    try await watcher.watch(every: .milliseconds(20), start: {
                        // The office saves while the first build reads the content.
                        try Data("after, and longer".utf8).write(to: file)
                    }, rebuild: { changed in
                        rebuilt = changed
                        withUnsafeCurrentTask { $0?.cancel() }
                    })
                } catch is CancellationError {}
                return rebuilt
            }
            group.addTask {
                try await Task.sleep(for: .seconds(5))
                return []
            }
            let first = try await group.next() ?? []
            group.cancelAll()
            return first
        }
        #expect(seen == [file.path])
    }
}
