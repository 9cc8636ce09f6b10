import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Notices saved files by comparing names, sizes, inodes and modification times. Polling is
/// portable and cheap at this size (a few thousand files), and needs no OS-specific API.
///
/// A file's modification time only moves in steps of the file system's clock (a few
/// milliseconds on Linux, up to two seconds elsewhere), so a save of the same size within
/// the step after a snapshot would look unchanged. Files modified that recently are
/// "racy": the snapshot also keeps a digest of their bytes, and the next snapshot compares
/// it, the way git treats racily clean index entries.
public struct ContentWatcher: Sendable {
    public let folders: [URL]

    public init(folders: [URL]) { self.folders = folders }

    public struct Snapshot: Sendable, Equatable {
        var files: [String: Stamp]
    }

    struct Stamp: Sendable, Equatable {
        var size: Int
        var modified: Int   // nanoseconds
        var inode: UInt64
        /// Modified within `racyNanoseconds` of the snapshot; such stamps carry a digest.
        var racy = false
        var digest: Int?

        func sameFile(as other: Stamp) -> Bool {
            size == other.size && modified == other.modified && inode == other.inode
                && (digest == nil || other.digest == nil || digest == other.digest)
        }
    }

    /// How recent a modification is treated as racy.
    static let racyNanoseconds = 2_000_000_000

    /// Every watched file's stamp. Pass the previous snapshot so a file that was racy then is
    /// checked by its bytes again now.
    public func snapshot(after previous: Snapshot? = nil) -> Snapshot {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let racySince = Int(now.tv_sec) &* 1_000_000_000 &+ Int(now.tv_nsec) &- ContentWatcher.racyNanoseconds
        var files: [String: Stamp] = [:]
        for folder in folders {
            guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles]) else { continue }
            for case let url as URL in enumerator {
                var info = stat()
                guard lstat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
                var stamp = Stamp(size: Int(info.st_size), modified: Int(info.st_mtim.tv_sec) &* 1_000_000_000 &+ Int(info.st_mtim.tv_nsec),
                                  inode: UInt64(info.st_ino))
                stamp.racy = stamp.modified >= racySince
                // Racy before and unchanged by its stamp: its bytes settle whether it changed.
                let wasRacy = previous?.files[url.path].map { $0.racy && $0.sameFile(as: stamp) } ?? false
                if stamp.racy || wasRacy { stamp.digest = ContentWatcher.digest(of: url.path) }
                files[url.path] = stamp
            }
        }
        return Snapshot(files: files)
    }

    static func digest(of path: String) -> Int? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        var hasher = Hasher()
        hasher.combine(data)
        return hasher.finalize()
    }

    /// Files added, removed or changed between two snapshots.
    public static func changes(from old: Snapshot, to new: Snapshot) -> [String] {
        var changed = Set<String>()
        for (path, stamp) in new.files where !(old.files[path]?.sameFile(as: stamp) ?? false) { changed.insert(path) }
        for path in old.files.keys where new.files[path] == nil { changed.insert(path) }
        return changed.sorted()
    }

    /// Runs `start` (the first build, and whatever must follow it), then calls `rebuild` with
    /// the files changed since, after every save, polling every `interval`, until cancelled.
    /// The first snapshot is taken before `start`, so a file saved while the first build
    /// reads the content is rebuilt too rather than taken as already built.
    public func watch(every interval: Duration, start: () async throws -> Void, rebuild: ([String]) async -> Void) async throws {
        var last = snapshot()
        try await start()
        while true {
            try await Task.sleep(for: interval)
            let now = snapshot(after: last)
            let changed = ContentWatcher.changes(from: last, to: now)
            last = now
            if !changed.isEmpty { await rebuild(changed) }
        }
    }
}
