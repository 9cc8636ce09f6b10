import Foundation
import SignpostModel
import SignpostPipeline
import Testing

/// The bad-input corpus (Tests/Fixtures/bad-input): each case is dropped into a valid site
/// that has already been built once. It must give a clear message naming the file, fail the
/// build (exit 1 from the CLI), never crash or hang, and leave the previous site byte-for-byte.
/// Inputs that once hung would take far longer than the time limit unbounded (minutes to hours),
/// so each case finishing at all shows its bound holds; no test measures a duration.
@Suite("Bad input never breaks anything", .timeLimit(.minutes(1)))
struct BadInputTests {
    static let corpus = Paths.repoRoot.appendingPathComponent("Tests/Fixtures/bad-input")
    static let base = Paths.fixtures.appendingPathComponent("two-areas")

    /// A copy of the two-area fixture, built once into `Site/`.
    final class BuiltSite: @unchecked Sendable {
        let dir = TempDir("signpost-bad-input")
        var content: URL { dir.path("Content") }
        var output: URL { dir.path("Site") }

        init() throws {
            try FileManager.default.copyItem(at: BadInputTests.base.appendingPathComponent("Content"), to: content)
            let first = build()
            #expect(first.wrote, "the base fixture must build: \(first.errors)")
        }

        func build() -> BuildResult {
            var options = BuildOptions(content: content, theme: BadInputTests.base.appendingPathComponent("theme"), output: output, contentDisplay: "Content")
            options.today = Day(year: 2026, month: 11, day: 22)
            return SiteBuilder(options: options).build()
        }

        func place(_ corpusFile: String, at relative: String) throws {
            let target = content.appendingPathComponent(relative)
            try? FileManager.default.removeItem(at: target)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: BadInputTests.corpus.appendingPathComponent(corpusFile), to: target)
        }

        /// Builds after a change and checks the failure is reported and harmless.
        func expectRejected(file: String, mentioning fragment: String, sourceLocation: SourceLocation = #_sourceLocation) {
            let before = snapshot(output)
            let result = build()
            #expect(!result.wrote, "the build must fail", sourceLocation: sourceLocation)
            let matching = result.errors.filter { $0.file == file && $0.message.localizedCaseInsensitiveContains(fragment) }
            #expect(!matching.isEmpty, "expected an error in \(file) mentioning \"\(fragment)\"; got: \(result.errors.map(\.description))", sourceLocation: sourceLocation)
            #expect(snapshot(output) == before, "the previous site must be left exactly as it was", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: [
        ("malformed-yaml.md", "cannot be read"),
        ("tab.md", "tab"),
        ("invalid-utf8.md", "UTF-8"),
        ("empty.md", "empty"),
        ("binary.md", "not a text file"),
        ("no-closing.md", "never closed"),
        ("duplicate-keys.md", "more than once"),
        ("alias-bomb.md", "alias"),
        ("alias-key-bomb.md", "YAML aliases"),
        ("alias-line-separators.md", "more than 64 YAML aliases"),
    ])
    func corpusFileIsRejected(corpusFile: String, fragment: String) throws {
        let site = try BuiltSite()
        try site.place(corpusFile, at: "agencies/bad-agency.md")
        site.expectRejected(file: "Content/agencies/bad-agency.md", mentioning: fragment)
    }

    @Test func malformedYAMLNamesTheLine() throws {
        let site = try BuiltSite()
        try site.place("malformed-yaml.md", at: "agencies/bad-agency.md")
        let error = try #require(site.build().errors.first { $0.file == "Content/agencies/bad-agency.md" })
        #expect((3...4).contains(error.line), "the unclosed list is on line 3: \(error)")
    }

    @Test(arguments: ["bom.md", "crlf.md"])
    func windowsEditorFilesAreAccepted(corpusFile: String) throws {
        // A byte-order mark and Windows line endings are what Notepad and Word save: not mistakes.
        let site = try BuiltSite()
        try site.place(corpusFile, at: "agencies/windows-agency.md")
        let result = site.build()
        #expect(result.wrote, "\(result.errors)")
        let page = try String(contentsOf: site.output.appendingPathComponent("oak-first/agencies/windows-agency/index.html"), encoding: .utf8)
        #expect(!page.contains("\u{FEFF}") && !page.contains("\r"))
        #expect(page.contains("Saved"))
    }

    @Test func aTwentyMegabyteFileIsRefusedWithItsSizeAndTheLimit() throws {
        let site = try BuiltSite()
        var big = Data("---\nname: Huge\n---\n".utf8)
        big.append(Data(repeating: UInt8(ascii: "a"), count: 20 * 1024 * 1024))
        try big.write(to: site.content.appendingPathComponent("agencies/huge.md"))
        site.expectRejected(file: "Content/agencies/huge.md", mentioning: "this file is 20 MB; Signpost reads")
        // Nothing of it reaches a page: the other agencies' pages are as they were.
        #expect(!site.build().diagnostics.contains { $0.message.contains("aaaa") })
    }

    @Test func unknownAgencyGetsASuggestion() throws {
        let site = try BuiltSite()
        try site.place("unknown-agency-school.md", at: "schools/oak-first/school.md")
        site.expectRejected(file: "Content/schools/oak-first/school.md", mentioning: "unknown agency \"camhs-wst\"")
        let error = try #require(site.build().errors.first { $0.message.contains("camhs-wst") })
        #expect(error.suggestion == "did you mean \"camhs-west\"?")
    }

    @Test func overrideThatRepeatsItsLibraryEntryIsAWarning() throws {
        // A school that copies the library file into its own folder "overrides it with itself":
        // nothing changes today, and every later update to the library would be lost. It is
        // how an office starts a change, so it builds, with a warning that says so.
        let site = try BuiltSite()
        try FileManager.default.copyItem(at: site.content.appendingPathComponent("agencies/samaritans.md"),
                                         to: site.content.appendingPathComponent("schools/oak-first/agencies/samaritans.md"))
        let result = site.build()
        #expect(result.wrote, "\(result.errors)")
        let warning = try #require(result.diagnostics.first { $0.file == "Content/schools/oak-first/agencies/samaritans.md" })
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("repeats the library"))
        #expect(warning.suggestion == "delete it, or keep only the settings and text that are different for your school")
    }

    @Test(arguments: ["Family Front Door.md", "FamilyHelp.md"])
    func fileNamesWithSpacesOrCapitalsAreRejected(name: String) throws {
        let site = try BuiltSite()
        try site.place("bom.md", at: "agencies/\(name)")
        site.expectRejected(file: "Content/agencies/\(name)", mentioning: "web address")
    }

    @Test func idsDifferingOnlyInCaseAreRejected() throws {
        let site = try BuiltSite()
        try FileManager.default.copyItem(at: site.content.appendingPathComponent("agencies/samaritans.md"),
                                         to: site.content.appendingPathComponent("agencies/Samaritans.md"))
        site.expectRejected(file: "Content/agencies/Samaritans.md", mentioning: "differ only in capitals")
    }

    @Test func symlinkLoopIsReportedNotFollowed() throws {
        let site = try BuiltSite()
        let loop = site.content.appendingPathComponent("agencies/loop.md")
        try FileManager.default.createSymbolicLink(atPath: loop.path, withDestinationPath: "loop.md")
        let folderLoop = site.content.appendingPathComponent("schools/oak-first/pages/again")
        try FileManager.default.createSymbolicLink(atPath: folderLoop.path, withDestinationPath: ".")
        site.expectRejected(file: "Content/agencies/loop.md", mentioning: "is a link to another place")
    }

    /// 15,000 quoted values that look like settings ("call us: ab: now"): each once made the
    /// unclosed-quote check split the whole block into lines again (minutes, unbounded).
    @Test func manyQuotedValuesThatLookLikeSettings() throws {
        let site = try BuiltSite()
        let items = (0..<15_000).map { "  - \"call us: ab: now \($0)\"\n" }.joined()
        try Data("---\nname: Quoted\nphones: [\"0808 800 5000\"]\nreferral:\n\(items)---\nBody.\n".utf8)
            .write(to: site.content.appendingPathComponent("agencies/quoted.md"))
        site.expectRejected(file: "Content/agencies/quoted.md", mentioning: "unknown referral route")
    }

    /// Inputs that once hung a build or read outside Content/, too large or too odd to keep as
    /// files (a pipe, a link, megabytes of one pattern): each is made in place as an agency file.
    static let generated: [String: (make: @Sendable (URL) throws -> Void, fragment: String)] = [
        "named pipe": ({ url in _ = mkfifo(url.path, 0o644) }, "named pipe"),
        "link to /etc/passwd": ({ url in try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: "/etc/passwd") }, "is a link to another place"),
        "table row of 50,000 cells": ({ url in try agency("|a|b|\n|-|-|\n" + String(repeating: "|x", count: 50_000) + "|\n").write(to: url) }, "50000 cells"),
        "www. after underscores": ({ url in try agency(String(repeating: "www.a_", count: 40_000)).write(to: url) }, "web addresses"),
        "10,000 unsafe links": ({ url in try agency(String(repeating: "[x](javascript:alert(1)) ", count: 10_000)).write(to: url) }, "more links that are not published"),
        "10,000 pictures without a description": ({ url in try agency(String(repeating: "![](a.png) ", count: 10_000)).write(to: url) }, "more pictures without a description"),
        "quotes 100,000 deep": ({ url in try agency(String(repeating: ">", count: 100_000) + " deep").write(to: url) }, "quotes or lists inside each other"),
    ]

    static func agency(_ body: String) -> Data {
        Data("---\nname: Generated\nphones: [\"0808 800 5000\"]\n---\n\(body)\n".utf8)
    }

    @Test(arguments: generated.keys.sorted())
    func generatedInputIsRejected(name: String) throws {
        let site = try BuiltSite()
        let input = try #require(Self.generated[name])
        try input.make(site.content.appendingPathComponent("agencies/bad-agency.md"))
        site.expectRejected(file: "Content/agencies/bad-agency.md", mentioning: input.fragment)
    }
}
