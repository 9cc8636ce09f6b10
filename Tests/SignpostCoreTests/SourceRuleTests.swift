import Foundation
import Testing

/// Rules the code base keeps (HELPERS.md, issue 13): small files a newcomer can read, and
/// concurrency the compiler checks.
@Suite("Source rules")
struct SourceRuleTests {
    static let maxLines = 400

    /// Every Swift file under Sources/, by path from the repository root, with its text.
    static func sources() throws -> [(path: String, text: String)] {
        let root = Paths.repoRoot.appendingPathComponent("Sources")
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        var files: [(String, String)] = []
        for case let url as URL in walker where url.pathExtension == "swift" {
            let path = String(url.standardizedFileURL.path.dropFirst(Paths.repoRoot.standardizedFileURL.path.count + 1))
            files.append((path, try String(contentsOf: url, encoding: .utf8)))
        }
        return files.sorted { $0.0 < $1.0 }
    }

    @Test func noSourceFileIsOver400Lines() throws {
        let files = try Self.sources()
        #expect(files.count > 50)
        var long: [String] = []
        for (path, text) in files {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count - (text.hasSuffix("\n") ? 1 : 0)
            if lines > Self.maxLines { long.append("\(path): \(lines) lines") }
        }
        #expect(long.isEmpty, "a source file may have at most \(Self.maxLines) lines; split these: \(long)")
    }

    @Test func atMostThreeUncheckedSendables() throws {
        var found: [String] = []
        for (path, text) in try Self.sources() {
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.contains("@unchecked Sendable") && !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                found.append("\(path):\(number + 1)")
            }
        }
        #expect(found.count <= 3, "use a Mutex (Synchronization) instead of @unchecked Sendable: \(found)")
    }
}
