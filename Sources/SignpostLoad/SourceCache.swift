import Foundation
import Glibc
import SignpostModel
#if canImport(Glibc)
#endif

/// Remembers each content file as parsed, with the findings it produced, keyed by path and
/// checked against the file's size and modification time.
///
/// A modification time only moves in steps of the file system's clock, so a save of the same
/// size within the step after the file was read would look unchanged. A file read while it
/// was that recently modified ("racy", as `ContentWatcher` calls it) is remembered with a
/// digest of its bytes, and compared by them until its modification time has settled.
public final class SourceCache: @unchecked Sendable {
    private struct Entry {
        var size: Int
        var modified: Int
        /// The bytes' digest, kept while the file is racy.
        var digest: Int?
        var file: SourceFile?
        var findings: [Diagnostic]
        /// What the loader made of the file (kept with it, so an unchanged file is not converted again).
        var converted: Any?
    }

    private var entries: [String: Entry] = [:]
    private let lock = NSLock()

    public init() {}

    func read(_ relative: String, from gate: FileGate, kind: FileGate.Kind, log: DiagnosticLog) -> SourceFile? {
        // Checked without following links, like the read itself: a file swapped for a link
        // (or a link's target edited) is read again, and refused.
        guard case let .success(status) = gate.status(relative), status.type == .file else {
            return SourceFile.read(relative, from: gate, kind: kind, log: log)
        }
        let key = gate.url(relative).path
        let racy = status.modified >= SourceCache.now() &- ContentWatcher.racyNanoseconds
        lock.lock()
        let cached = entries[key]
        lock.unlock()
        var bytes: Data?
        if let cached, cached.size == status.size, cached.modified == status.modified {
            guard let digest = cached.digest else {
                cached.findings.forEach(log.add)
                return cached.file
            }
            bytes = try? gate.read(relative, kind: kind).get()
            if let bytes, SourceCache.digest(bytes) == digest {
                if !racy {
                    lock.lock()
                    entries[key]?.digest = nil
                    lock.unlock()
                }
                cached.findings.forEach(log.add)
                return cached.file
            }
        }
        let ownLog = DiagnosticLog()
        let data = bytes ?? gate.read(relative, kind: kind, log: ownLog)
        let file = data.flatMap { SourceFile.parse($0, url: gate.url(relative), displayPath: gate.display(relative), log: ownLog) }
        let findings = ownLog.all
        findings.forEach(log.add)
        lock.lock()
        entries[key] = Entry(size: status.size, modified: status.modified, digest: racy ? data.map(SourceCache.digest) : nil,
                             file: file, findings: findings)
        lock.unlock()
        return file
    }

    /// The file as `convert` makes it, worked out once for each version of the file.
    func converted<T>(_ relative: String, from gate: FileGate, kind: FileGate.Kind, log: DiagnosticLog, convert: (SourceFile) -> T) -> T? {
        guard let file = read(relative, from: gate, kind: kind, log: log) else { return nil }
        let key = gate.url(relative).path
        lock.lock()
        let cached = entries[key]?.converted as? T
        lock.unlock()
        if let cached { return cached }
        let value = convert(file)
        lock.lock()
        entries[key]?.converted = value
        lock.unlock()
        return value
    }

    static func digest(_ data: Data) -> Int {
        var hasher = Hasher()
        hasher.combine(data)
        return hasher.finalize()
    }

    /// Nanoseconds since 1970, as modification times are kept.
    static func now() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int(now.tv_sec) &* 1_000_000_000 &+ Int(now.tv_nsec)
    }
}
