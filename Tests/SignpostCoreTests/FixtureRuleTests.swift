import Foundation
import Testing

/// The unit tests build committed fixtures: an office editing its own `Content/` must not be
/// able to break the code's tests (the seed content has its checks in Tests/content).
@Suite("Fixture rule")
struct FixtureRuleTests {
    @Test func noUnitTestReadsTheLiveContentFolder() throws {
        let folder = Paths.testsFolder
        // A path to the repository's own Content/, however it is spelt.
        let forbidden = [#"repoRoot\.appending[A-Za-z]*\(\s*(path:\s*)?"Content"#, #""\.\./+Content"#, #"\.\./\.\./Content"#]
        var found: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".swift") && name != "FixtureRuleTests.swift" {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                for pattern in forbidden where line.contains(try Regex(pattern)) { found.append("\(name):\(number + 1): \(line)") }
            }
        }
        #expect(found.isEmpty, "unit tests must use Tests/Fixtures, not Content/: \(found)")
    }
}
