import Foundation

/// Notices saved files by comparing names, sizes and modification times. Polling is
/// portable and cheap at this size (a few thousand files), and needs no OS-specific API.
public struct ContentWatcher: Sendable {
    public let folders: [URL]

    public init(folders: [URL]) { self.folders = folders }

    public struct Snapshot: Sendable, Equatable {
        var files: [String: Stamp]
    }

    struct Stamp: Sendable, Equatable { var size: Int; var modified: Double }

    public func snapshot() -> Snapshot {
        var files: [String: Stamp] = [:]
        for folder in folders {
            guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.contentModificationDateKey, .fileSizeKey, .isRegularFileKey],
                                                                  options: [.skipsHiddenFiles]) else { continue }
            for case let url as URL in enumerator {
                guard let values = try? url.resourceValues(forKeys: [.contentModificationDateKey, .fileSizeKey, .isRegularFileKey]),
                      values.isRegularFile == true else { continue }
                files[url.path] = Stamp(size: values.fileSize ?? 0, modified: values.contentModificationDate?.timeIntervalSince1970 ?? 0)
            }
        }
        return Snapshot(files: files)
    }

    /// Files added, removed or changed between two snapshots.
    public static func changes(from old: Snapshot, to new: Snapshot) -> [String] {
        var changed = Set<String>()
        for (path, stamp) in new.files where old.files[path] != stamp { changed.insert(path) }
        for path in old.files.keys where new.files[path] == nil { changed.insert(path) }
        return changed.sorted()
    }
}
