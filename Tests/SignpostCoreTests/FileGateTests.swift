import Foundation
@testable import SignpostLoad
import SignpostModel
import SignpostPipeline
import SignpostRender
import Testing

/// Nothing outside Content/ and the theme is ever read: links (to files or folders) are
/// refused with a message naming them, pipes and devices are never opened for reading, and
/// each kind of file has a size limit. Git stores links, so one commit could otherwise
/// publish any file on the build machine.
@Suite("Reading only what is really in Content/")
struct FileGateTests {
    static let secret = "---\nname: SECRET FROM THE BUILD MACHINE\nphones: [\"0808 800 5000\"]\n---\nSECRET BODY\n"
    static let theme = Paths.fixtures.appendingPathComponent("two-areas/theme")

    /// A file (or folder) beside Content/, which a link inside Content/ points at.
    static func outside(_ tree: ContentTree, _ name: String, _ text: String = secret) -> URL {
        tree.dir.write("outside/\(name)", text)
    }

    static func link(_ tree: ContentTree, _ relative: String, to target: URL) throws {
        let path = tree.root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: path.path, withDestinationPath: target.path)
    }

    static func expectLinkRefused(_ log: DiagnosticLog, file: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let error = log.errors(in: file).first
        #expect(error?.message.contains("is a link to another place on the computer") == true, "\(log.summary)", sourceLocation: sourceLocation)
        #expect(error?.suggestion?.contains("replace the link with the") == true, sourceLocation: sourceLocation)
        #expect(!log.summary.contains("SECRET"), sourceLocation: sourceLocation)
    }

    static func prepare(_ tree: ContentTree, theme: URL = FileGateTests.theme) -> (SiteBuilder.Prepared, DiagnosticLog) {
        let log = DiagnosticLog()
        var options = BuildOptions(content: tree.root, theme: theme, output: tree.dir.path("Site"), contentDisplay: "Content", themeDisplay: "theme")
        options.today = Day(year: 2026, month: 1, day: 1)
        return (SiteBuilder(options: options).prepare(log: log), log)
    }

    @Test func linkedAgencyFileIsRefused() throws {
        let tree = ContentTree()
        try Self.link(tree, "agencies/leak.md", to: Self.outside(tree, "passwd.md"))
        let (content, log) = tree.load()
        Self.expectLinkRefused(log, file: "Content/agencies/leak.md")
        #expect(content.national["leak"] == nil)
    }

    @Test func linkedTopicTextIsRefused() throws {
        let tree = ContentTree()
        try Self.link(tree, "topics/bullying.md", to: Self.outside(tree, "bullying.md", "---\ntitle: SECRET\n---\nSECRET BODY\n"))
        try Self.link(tree, "schools/test-first/topics/mental-health.md", to: Self.outside(tree, "mh.md", "SECRET BODY\n"))
        let (content, log) = tree.load()
        Self.expectLinkRefused(log, file: "Content/topics/bullying.md")
        Self.expectLinkRefused(log, file: "Content/schools/test-first/topics/mental-health.md")
        #expect(content.nationalTopicTexts.isEmpty)
        #expect(content.schools.first?.topicTexts.isEmpty == true)
    }

    @Test func linkedPagesFolderIsRefused() throws {
        let tree = ContentTree()
        let folder = Self.outside(tree, "etc/policy.md", "---\ntitle: SECRET\n---\nSECRET BODY\n").deletingLastPathComponent()
        try Self.link(tree, "schools/test-first/pages", to: folder)
        let (content, log) = tree.load()
        let error = try #require(log.errors(in: "Content/schools/test-first/pages").first, "\(log.summary)")
        #expect(error.message.contains("this folder is a link to another place on the computer"))
        #expect(error.suggestion == "replace the link with the folder itself")
        #expect(content.schools.first?.pages.isEmpty == true)
    }

    @Test func linkedSchoolFolderIsRefused() throws {
        let tree = ContentTree()
        let folder = Self.outside(tree, "elsewhere/school.md", ContentTree.school(name: "SECRET school")).deletingLastPathComponent()
        try Self.link(tree, "schools/elsewhere", to: folder)
        try Self.link(tree, "areas/far", to: tree.root.appendingPathComponent("areas/worcs"))
        let (content, log) = tree.load()
        #expect(log.errors(in: "Content/schools/elsewhere").first?.message.contains("folder is a link") == true, "\(log.summary)")
        #expect(log.errors(in: "Content/areas/far").first?.message.contains("folder is a link") == true, "\(log.summary)")
        #expect(content.schools.map(\.id) == ["test-first"])
        #expect(content.areas["far"] == nil)
    }

    @Test func linkedSchoolFileIsRefused() throws {
        let tree = ContentTree()
        tree.remove("schools/test-first/school.md")
        try Self.link(tree, "schools/test-first/school.md", to: Self.outside(tree, "school.md", ContentTree.school(name: "SECRET school")))
        let (content, log) = tree.load()
        Self.expectLinkRefused(log, file: "Content/schools/test-first/school.md")
        #expect(content.schools.isEmpty)
    }

    @Test func linkedLogoIsRefused() throws {
        let tree = ContentTree(school: ContentTree.school(extra: "logo: logo.png"))
        try Self.link(tree, "schools/test-first/logo.png", to: Self.outside(tree, "id_rsa.png", "SECRET KEY"))
        let (_, log) = Self.prepare(tree)
        let error = try #require(log.errors(in: "Content/schools/test-first/school.md").first { $0.message.contains("logo") }, "\(log.summary)")
        #expect(error.message.contains("is a link to another place on the computer"), "\(log.summary)")
        #expect(error.line == 10)
    }

    @Test func linkedSchoolTemplateIsRefused() throws {
        let tree = ContentTree()
        try Self.link(tree, "schools/test-first/templates/footer.mustache", to: Self.outside(tree, "shadow", "SECRET {{title}}"))
        let (content, log) = tree.load()
        // School templates are retired: the link is named as a file to delete, and never opened.
        let error = try #require(log.errors(in: "Content/schools/test-first/templates/footer.mustache").first, "\(log.summary)")
        #expect(error.message.hasPrefix("schools no longer have their own templates"))
        #expect(!log.all.contains { $0.message.contains("SECRET") })
        #expect(content.schools.count == 1)
    }

    @Test func linkedSchoolTemplateFolderIsRefused() throws {
        let tree = ContentTree()
        let folder = Self.outside(tree, "tpl/footer.mustache", "SECRET").deletingLastPathComponent()
        try Self.link(tree, "schools/test-first/templates", to: folder)
        let (content, log) = tree.load()
        #expect(log.errors(in: "Content/schools/test-first/templates").first?.message.hasPrefix("schools no longer have their own templates") == true, "\(log.summary)")
        #expect(log.errors(in: "Content/schools/test-first/templates/footer.mustache").isEmpty, "\(log.summary)")
        #expect(content.schools.count == 1)
    }

    @Test func linkedThemeTemplateAndAssetAreRefused() throws {
        let dir = TempDir()
        let theme = dir.path("theme")
        try FileManager.default.copyItem(at: Self.theme, to: theme)
        let secret = dir.write("secret.txt", "SECRET")
        try FileManager.default.removeItem(at: theme.appendingPathComponent("templates/404.mustache"))
        try FileManager.default.createSymbolicLink(atPath: theme.appendingPathComponent("templates/404.mustache").path, withDestinationPath: secret.path)
        try FileManager.default.createSymbolicLink(atPath: theme.appendingPathComponent("assets/leak.txt").path, withDestinationPath: secret.path)
        let log = DiagnosticLog()
        let loaded = Theme(root: theme, displayRoot: "theme", log: log)
        let template = try #require(log.errors(in: "theme/templates/404.mustache").first, "\(log.summary)")
        #expect(template.message.contains("is a link to another place on the computer; Signpost only publishes files that are really in the theme folder"))
        #expect(log.errors(in: "theme/assets/leak.txt").first?.message.contains("is a link") == true, "\(log.summary)")
        #expect(loaded?.templates.values.contains { $0.contains("SECRET") } != true)
        #expect(loaded?.assets.contains("leak.txt") != true)
    }

    @Test func linksInAFolderAreNotFollowed() throws {
        let tree = ContentTree()
        try Self.link(tree, "agencies/more", to: Self.outside(tree, "more/extra.md").deletingLastPathComponent())
        try Self.link(tree, "agencies/notes.txt", to: Self.outside(tree, "notes.txt", "SECRET"))
        let (content, log) = tree.load()
        #expect(!log.hasErrors, "\(log.summary)")
        #expect(log.warnings(in: "Content/agencies/more").first?.message.contains("link") == true, "\(log.summary)")
        #expect(log.warnings(in: "Content/agencies/notes.txt").first?.message.contains("link") == true, "\(log.summary)")
        #expect(Set(content.national.keys) == ["samaritans", "nspcc"])
    }

    @Test(.timeLimit(.minutes(1)))
    func namedPipeSavedAsMarkdownDoesNotHang() throws {
        let tree = ContentTree()
        #expect(mkfifo(tree.root.appendingPathComponent("agencies/pipe.md").path, 0o644) == 0)
        try FileManager.default.createDirectory(at: tree.root.appendingPathComponent("schools/test-first/templates"), withIntermediateDirectories: true)
        #expect(mkfifo(tree.root.appendingPathComponent("schools/test-first/templates/footer.mustache").path, 0o644) == 0)
        let (content, log) = tree.load()
        let error = try #require(log.errors(in: "Content/agencies/pipe.md").first, "\(log.summary)")
        #expect(error.message.contains("named pipe"))
        // A pipe left in a school's templates/ folder is named, never opened.
        #expect(log.errors(in: "Content/schools/test-first/templates/footer.mustache").first?.message.hasPrefix("schools no longer have their own templates") == true, "\(log.summary)")
        #expect(content.national["pipe"] == nil)
    }

    @Test func oversizedFilesOfEachKindAreRefused() throws {
        let tree = ContentTree(school: ContentTree.school(extra: "logo: logo.png"))
        tree.write("topics.yml", "- id: big\n  name: Big\n  description: " + String(repeating: "x", count: 1_100_000) + "\n")
        tree.dir.write("Content/schools/test-first/logo.png", Data(repeating: 0x89, count: 6 << 20))
        let (_, log) = Self.prepare(tree)
        #expect(log.errors(in: "Content/topics.yml").first?.message.contains("settings files of up to 1 MB") == true, "\(log.summary)")
        #expect(log.errors(in: "Content/schools/test-first/school.md").contains { $0.message.contains("logos of up to 5 MB") }, "\(log.summary)")
    }

    @Test(arguments: ["../outside.md", "/etc/passwd", "agencies/../../outside.md"])
    func pathsThatLeaveTheRootAreRefused(path: String) {
        let tree = ContentTree()
        let gate = FileGate(root: tree.root, displayRoot: "Content")
        guard case .failure(.outside) = gate.read(path, kind: .markdown) else {
            Issue.record("\(path) was not refused as outside")
            return
        }
    }

    @Test func aLinkOnTheWayToAFileIsRefused() throws {
        let tree = ContentTree()
        try Self.link(tree, "schools/test-first/pages", to: Self.outside(tree, "etc/policy.md").deletingLastPathComponent())
        let gate = FileGate(root: tree.root, displayRoot: "Content")
        #expect(gate.read("schools/test-first/pages/policy.md", kind: .markdown) == .failure(.link(isFolder: true)))
        #expect(gate.status("schools/test-first/pages/policy.md") == .failure(.link(isFolder: true)))
        #expect(gate.list("schools/test-first/pages") == .failure(.link(isFolder: true)))
    }

    @Test func sizesAreWrittenForAnOffice() {
        #expect(FileGate.describe(1 << 20) == "1 MB")
        #expect(FileGate.describe(1_363_149) == "1.3 MB")
        #expect(FileGate.describe(340_000) == "332 KB")
        #expect(FileGate.describe(12) == "12 bytes")
    }
}
