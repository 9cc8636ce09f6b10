import Foundation
import Synchronization

/// One problem found in the content, written for a school office rather than a programmer.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable { case error, warning }

    public var severity: Severity
    /// Path relative to the project (e.g. `Content/schools/x/school.md`), as editors expect.
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String
    public var suggestion: String?

    public init(_ severity: Severity = .error, file: String, line: Int = 1, column: Int = 1,
                _ message: String, suggestion: String? = nil) {
        self.severity = severity
        self.file = file
        self.line = max(line, 1)
        self.column = max(column, 1)
        self.message = message
        self.suggestion = suggestion
    }

    /// `path:line:column: error: message — suggestion`, the format editors and CI understand,
    /// on one line, with any control character in a name written out (`TerminalText`).
    public var description: String {
        var text = "\(file):\(line):\(column): \(severity.rawValue): \(message)"
        if let suggestion { text += " — \(suggestion)" }
        return TerminalText.escaped(text)
    }
}

/// Collects every finding of a run, so one build reports all problems at once.
/// A class because many loaders append to it; a `Mutex` guards it for the parallel stages.
public final class DiagnosticLog: Sendable {
    private let items = Mutex<[Diagnostic]>([])

    public init() {}

    public func add(_ diagnostic: Diagnostic) {
        items.withLock { $0.append(diagnostic) }
    }

    public func error(_ file: String, line: Int = 1, column: Int = 1, _ message: String, suggestion: String? = nil) {
        add(Diagnostic(.error, file: file, line: line, column: column, message, suggestion: suggestion))
    }

    public func warning(_ file: String, line: Int = 1, column: Int = 1, _ message: String, suggestion: String? = nil) {
        add(Diagnostic(.warning, file: file, line: line, column: column, message, suggestion: suggestion))
    }

    /// Sorted by file then line, duplicates removed, so output is stable run to run.
    public var all: [Diagnostic] {
        let items = items.withLock { $0 }
        var seen = Set<Diagnostic>()
        return items.filter { seen.insert($0).inserted }.sorted {
            ($0.file, $0.line, $0.column, $0.message) < ($1.file, $1.line, $1.column, $1.message)
        }
    }

    public var errors: [Diagnostic] { all.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { all.filter { $0.severity == .warning } }
    public var hasErrors: Bool {
        items.withLock { $0.contains { $0.severity == .error } }
    }
}
