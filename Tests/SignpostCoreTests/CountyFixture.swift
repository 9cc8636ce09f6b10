import Foundation
import SignpostModel
import SignpostPipeline
import Testing

/// A small county (Tests/Fixtures/county): one area (shire) with four levels, a shared topic
/// text and four agencies; four national agencies; three schools. Oak First renames two
/// levels, changes CAMHS (text appended), has a service with its people, a further page with
/// contents, its own bullying text, a colour and a logo. Elm High lists every agency, renames
/// the PCSO entry and has two services. Ash First lists some agencies unchanged and has a
/// service and a separate safeguarding number. Built with the default theme on a fixed day.
enum County {
    static let content = Paths.fixtures.appendingPathComponent("county/Content")
    static let theme = Paths.repoRoot.appendingPathComponent("Themes/default")
    static let schools = ["oak-first", "elm-high", "ash-first"]

    /// A copy of the county that a test may change.
    static func copy(_ dir: TempDir) throws -> URL {
        let copy = dir.path("Content")
        try FileManager.default.copyItem(at: content, to: copy)
        return copy
    }

    static func options(content: URL, output: URL, parallel: Bool = true) -> BuildOptions {
        var options = BuildOptions(content: content, theme: theme, output: output, contentDisplay: "Content")
        options.parallel = parallel
        options.today = Day(year: 2026, month: 11, day: 22)
        return options
    }

    static func build(content: URL, output: URL, parallel: Bool = true) -> BuildResult {
        SiteBuilder(options: options(content: content, output: output, parallel: parallel)).build()
    }

    /// A copy of the county with a preview builder that has done its first, full build into `output`.
    static func previewing(_ dir: TempDir, output: String) throws -> (content: URL, builder: IncrementalBuilder) {
        let content = try copy(dir)
        let builder = IncrementalBuilder(options: options(content: content, output: dir.path(output)))
        let first = builder.build()
        try #require(first.wrote, "\(first.errors)")
        return (content, builder)
    }

    /// The county built with a copy of the default theme whose templates (name → text) are
    /// replaced: the site's folder.
    static func withTheme(_ dir: TempDir, _ files: KeyValuePairs<String, String>,
                          sourceLocation: SourceLocation = #_sourceLocation) throws -> URL {
        let theme = dir.path("theme")
        try FileManager.default.copyItem(at: County.theme, to: theme)
        for (name, text) in files {
            try text.write(to: theme.appendingPathComponent("templates/\(name).mustache"), atomically: true, encoding: .utf8)
        }
        let site = dir.path("Site")
        var options = options(content: content, output: site)
        options.theme = theme
        let result = SiteBuilder(options: options).build()
        #expect(result.wrote, "\(result.errors)", sourceLocation: sourceLocation)
        return site
    }

    /// A `templates/` folder in a school's folder, as school templates once were.
    static func writeTemplates(_ files: KeyValuePairs<String, String>, for school: String, in content: URL) {
        let templates = content.appendingPathComponent("schools/\(school)/templates")
        try? FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        for (name, text) in files {
            try? text.write(to: templates.appendingPathComponent("\(name).mustache"), atomically: true, encoding: .utf8)
        }
    }

    static func page(_ site: URL, _ path: String) -> String {
        (try? String(contentsOf: site.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }

    static func edit(_ file: URL, _ change: (String) -> String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        try change(text).write(to: file, atomically: true, encoding: .utf8)
    }

    /// The paths of two snapshots' files whose bytes differ, or that only one has.
    static func differences(_ a: [String: Data], _ b: [String: Data]) -> [String] {
        Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()
    }
}
