import Foundation

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

    func read(_ relative: String, from gate: FileGate, kind: FileGate.Kind, log: DiagnosticLog) -> SourceFile? {
        // Checked without following links, like the read itself: a file swapped for a link
        // (or a link's target edited) is read again, and refused.
        guard case let .success(status) = gate.status(relative), status.type == .file else {
            return SourceFile.read(relative, from: gate, kind: kind, log: log)
        }
        let key = gate.url(relative).path
        lock.lock()
        let cached = entries[key]
        lock.unlock()
        if let cached, cached.size == status.size, cached.modified == status.modified {
            cached.findings.forEach(log.add)
            return cached.file
        }
        let ownLog = DiagnosticLog()
        let file = SourceFile.read(relative, from: gate, kind: kind, log: ownLog)
        let findings = ownLog.all
        findings.forEach(log.add)
        lock.lock()
        entries[key] = Entry(size: status.size, modified: status.modified, file: file, findings: findings)
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
}
