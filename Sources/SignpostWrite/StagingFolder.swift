import Foundation
import Glibc
import SignpostModel
#if canImport(Glibc)
#endif

/// The folder a build writes into, beside the output (`.Site-building-1A2B3C4D` for `Site`),
/// and the folders that killed builds leave behind. Each build holds an advisory lock
/// (`flock`) on its own staging folder while it runs; the kernel releases it when the
/// process ends however it ends, so a staging folder nobody holds is a leftover.
enum StagingFolder {
    /// The name's prefix for an output folder; the full name adds a dash and 8 hexadecimal digits.
    static func prefix(for output: URL) -> String { ".\(output.lastPathComponent)-building" }

    /// Makes a fresh, locked staging folder holding the marker. Returns its URL and the
    /// open descriptor that holds the lock; closing the descriptor releases it.
    static func make(beside output: URL) throws -> (url: URL, lock: Int32) {
        let parent = output.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let id = UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(8)
        let url = parent.appendingPathComponent("\(prefix(for: output))-\(id)")
        guard mkdir(url.path, 0o755) == 0 else {
            throw SiteWriter.WriteError.io("could not create \(url.lastPathComponent) beside \(output.lastPathComponent): \(String(cString: strerror(errno)))")
        }
        let lock = open(url.path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard lock >= 0, flock(lock, LOCK_EX | LOCK_NB) == 0 else {
            let problem = String(cString: strerror(errno))
            if lock >= 0 { close(lock) }
            try? TreeRemover.remove(url)
            throw SiteWriter.WriteError.io("could not lock \(url.lastPathComponent): \(problem)")
        }
        do {
            try SiteWriter.write(Data(SiteLayout.markerText.utf8), to: SiteLayout.markerName, in: url)
        } catch {
            close(lock)
            try? TreeRemover.remove(url)
            throw error
        }
        return (url, lock)
    }

    /// Whether `name` is exactly a name Signpost gives the folders beside `output`: the staging
    /// prefix (or `.Site-old`, which earlier versions moved the old site to), a dash and
    /// 8 upper-case hexadecimal digits.
    static func isStagingName(_ name: String, for output: URL) -> Bool {
        for prefix in [prefix(for: output), ".\(output.lastPathComponent)-old"].map({ $0 + "-" }) where name.hasPrefix(prefix) {
            let id = name.utf8.dropFirst(prefix.utf8.count)
            return id.count == 8 && id.allSatisfy { (48...57).contains($0) || (65...70).contains($0) }
        }
        return false
    }

    /// Removes the staging folders of builds that were killed (their names match exactly, they
    /// are real folders, not links, and no running build holds their lock). Returns the names
    /// removed, for the build to report.
    static func removeLeftovers(beside output: URL) -> [String] {
        let parent = output.deletingLastPathComponent()
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return [] }
        var removed: [String] = []
        for name in names.sorted() where isStagingName(name, for: output) {
            let path = parent.appendingPathComponent(name).path
            let folder = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard folder >= 0 else { continue }
            defer { close(folder) }
            // Held by a build that is still running: leave it alone.
            guard flock(folder, LOCK_EX | LOCK_NB) == 0 else { continue }
            if (try? TreeRemover.remove(URL(fileURLWithPath: path))) != nil { removed.append(name) }
        }
        return removed
    }
}
