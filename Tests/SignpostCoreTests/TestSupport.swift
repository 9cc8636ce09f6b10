import Foundation
import SignpostLoad
import SignpostModel
import SignpostResolve
import Testing

/// A fresh folder under the system temp directory, removed when the value goes away.
final class TempDir: @unchecked Sendable {
    let url: URL

    init(_ label: String = "signpost-tests") {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(label)-\(UUID().uuidString)", isDirectory: true)
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ relative: String) -> URL { url.appendingPathComponent(relative) }

    @discardableResult
    func write(_ relative: String, _ text: String) -> URL {
        write(relative, Data(text.utf8))
    }

    @discardableResult
    func write(_ relative: String, _ data: Data) -> URL {
        let file = url.appendingPathComponent(relative)
        try! FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! data.write(to: file)
        return file
    }

    func remove(_ relative: String) {
        try? FileManager.default.removeItem(at: url.appendingPathComponent(relative))
    }
}

/// A small, valid content tree: one area (worcs), two national agencies, three area agencies,
/// one school (test-first) that lists every agency. Tests add or replace files to vary it.
struct ContentTree {
    let dir: TempDir
    var root: URL { dir.path("Content") }

    init(school: String? = nil) {
        dir = TempDir("signpost-content")
        write("site.yml", """
        title: Test Offers
        base_url: https://offers.example.org/
        language: en-GB
        """)
        write("topics.yml", """
        - id: mental-health
          name: Mental health
        - id: bullying
          name: Bullying
        - id: domestic-abuse
          name: Domestic abuse
          sensitive: true
        """)
        write("agencies/samaritans.md", """
        ---
        name: Samaritans
        summary: Someone to talk to.
        phones:
          - number: "116 123"
            label: Helpline
        websites:
          - url: https://www.samaritans.org
        cost: Free
        levels: [universal]
        topics: [mental-health]
        ---
        Library text about Samaritans.
        """)
        write("agencies/nspcc.md", """
        ---
        name: NSPCC
        phones: ["0808 800 5000"]
        levels: [universal]
        topics: [bullying]
        ---
        NSPCC library text.
        """)
        write("areas/worcs/area.md", ContentTree.area(name: "Worcestershire", levels: ["universal", "additional", "targeted", "specialist"]))
        write("areas/worcs/agencies/camhs-west.md", """
        ---
        name: CAMHS West
        phones: ["01905 768020"]
        levels: [targeted]
        topics: [mental-health]
        ---
        """)
        write("areas/worcs/agencies/family-front-door.md", """
        ---
        name: Family Front Door
        phones: ["01905 822666"]
        levels: [specialist]
        ---
        """)
        write("areas/worcs/agencies/mentor-link.md", """
        ---
        name: Mentor Link
        emails: [info@mentorlink.org.uk]
        levels: [additional]
        ---
        """)
        write("schools/test-first/school.md", school ?? ContentTree.school())
    }

    static func area(name: String, levels: [String], extra: String = "") -> String {
        var text = "---\nname: \(name)\nget_help_now:\n  - label: Emergency\n    phone: \"999\"\nlevels:\n"
        for level in levels { text += "  - id: \(level)\n    name: \(level.capitalized) level\n" }
        return text + extra + "---\nAbout \(name).\n"
    }

    static func school(name: String = "Test First School", area: String = "worcs", agencies: String = "all",
                       extra: String = "", body: String = "Welcome to our offer.") -> String {
        """
        ---
        name: \(name)
        area: \(area)
        phone: "01905 772740"
        people:
          - name: Jane Smith
            roles: [headteacher, dsl]
            email: head@test.sch.uk
        agencies: \(agencies)
        \(extra)
        ---
        \(body)
        """
    }

    @discardableResult
    func write(_ relative: String, _ text: String) -> URL { dir.write("Content/" + relative, text) }
    func remove(_ relative: String) { dir.remove("Content/" + relative) }

    func load() -> (Content, DiagnosticLog) {
        let log = DiagnosticLog()
        let content = ContentLoader(root: root, displayRoot: "Content").load(log: log)
        return (content, log)
    }

    func resolve() -> (ResolvedSite, DiagnosticLog) {
        let (content, log) = load()
        return (OverrideResolver(content: content).resolve(log: log), log)
    }
}

extension DiagnosticLog {
    func errors(in file: String) -> [Diagnostic] { errors.filter { $0.file == file } }
    func warnings(in file: String) -> [Diagnostic] { warnings.filter { $0.file == file } }
    func errors(containing text: String) -> [Diagnostic] { errors.filter { $0.message.contains(text) } }
    func warnings(containing text: String) -> [Diagnostic] { warnings.filter { $0.message.contains(text) } }
    var summary: String { all.map(\.description).joined(separator: "\n") }
}

extension ResolvedSite {
    func school(_ id: String) -> ResolvedSchool? { schools.first { $0.school.id == id } }
}

extension ResolvedSchool {
    func agency(_ id: String) -> ResolvedEntry? { agencies.first { $0.id == id } }
}

enum Paths {
    /// Tests/SignpostCoreTests/
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let repoRoot = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
    /// Tests/Fixtures/: committed content the unit tests build, never the live Content/.
    static let fixtures = repoRoot.appendingPathComponent("Tests/Fixtures")
}

/// Every regular file under a folder, by relative path, with its bytes.
func snapshot(_ folder: URL) -> [String: Data] {
    var result: [String: Data] = [:]
    let base = folder.standardizedFileURL.resolvingSymlinksInPath().path
    guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [:] }
    for case let url as URL in enumerator {
        guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
        let path = url.standardizedFileURL.resolvingSymlinksInPath().path
        let relative = path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path
        result[relative] = try? Data(contentsOf: url)
    }
    return result
}
