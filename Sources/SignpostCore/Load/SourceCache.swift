import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Remembers each content file as parsed, with the findings it produced, keyed by path and
/// checked against the file's size and modification time.
public final class SourceCache: @unchecked Sendable {
    private struct Entry {
        var size: Int
        var modified: Int
        var file: SourceFile?
        var findings: [Diagnostic]
        /// What the loader made of the file (kept with it, so an unchanged file is not converted again).
        var converted: Any?
    }

    private var entries: [String: Entry] = [:]
    private let lock = NSLock()

    public init() {}

    func read(_ url: URL, displayPath: String, log: DiagnosticLog) -> SourceFile? {
        // stat() directly: FileManager's attributes dictionary costs more than the check itself.
        var info = stat()
        guard stat(url.path, &info) == 0 else { return SourceFile.read(url, displayPath: displayPath, log: log) }
        let size = Int(info.st_size)
        let modified = Int(info.st_mtim.tv_sec) &* 1_000_000_000 &+ Int(info.st_mtim.tv_nsec)
        lock.lock()
        let cached = entries[url.path]
        lock.unlock()
        if let cached, cached.size == size, cached.modified == modified {
            cached.findings.forEach(log.add)
            return cached.file
        }
        let ownLog = DiagnosticLog()
        let file = SourceFile.read(url, displayPath: displayPath, log: ownLog)
        let findings = ownLog.all
        findings.forEach(log.add)
        lock.lock()
        entries[url.path] = Entry(size: size, modified: modified, file: file, findings: findings)
        lock.unlock()
        return file
    }

    /// The file as `convert` makes it, worked out once for each version of the file.
    func converted<T>(_ url: URL, displayPath: String, log: DiagnosticLog, convert: (SourceFile) -> T) -> T? {
        guard let file = read(url, displayPath: displayPath, log: log) else { return nil }
        lock.lock()
        let cached = entries[url.path]?.converted as? T
        lock.unlock()
        if let cached { return cached }
        let value = convert(file)
        lock.lock()
        entries[url.path]?.converted = value
        lock.unlock()
        return value
    }
}
