import Foundation
import SignpostLoad
import SignpostModel
import SignpostPipeline
import Testing

/// `serve` after any add, delete or rename of a content file, template or asset writes exactly
/// what a full build of the same content writes: every file's bytes, and the same files and
/// folders. Each test drives a preview as `serve` does (the watcher's snapshots name what
/// changed) through a series of changes, and after each one builds the content afresh into
/// another folder and compares the two whole folders.
@Suite("Preview equals a full build")
struct PreviewEqualsBuildTests {
    /// A copy of a fixture and of the default theme, previewed.
    final class Preview {
        let dir = TempDir("signpost-preview")
        let content: URL
        let theme: URL
        let builder: IncrementalBuilder
        let watcher: ContentWatcher
        var last: ContentWatcher.Snapshot
        var builds = 0

        init(_ fixture: String, sitemap: Bool = true) throws {
            content = dir.path("Content")
            theme = dir.path("theme")
            try FileManager.default.copyItem(at: Paths.fixtures.appendingPathComponent("\(fixture)/Content"), to: content)
            try FileManager.default.copyItem(at: Paths.repoRoot.appendingPathComponent("Themes/default"), to: theme)
            if sitemap {
                let site = content.appendingPathComponent("site.yml")
                let text = try String(contentsOf: site, encoding: .utf8)
                if !text.contains("base_url") { try (text + "base_url: https://earlyhelp.example.org/\n").write(to: site, atomically: true, encoding: .utf8) }
            }
            builder = IncrementalBuilder(options: Preview.options(content: content, theme: theme, output: dir.path("preview")))
            watcher = ContentWatcher(folders: [content, theme])
            last = watcher.snapshot()
            let first = builder.build()
            try #require(first.wrote, "\(first.errors)")
        }

        static func options(content: URL, theme: URL, output: URL) -> BuildOptions {
            var options = BuildOptions(content: content, theme: theme, output: output, contentDisplay: "Content")
            options.today = Day(year: 2026, month: 11, day: 22)
            return options
        }

        func url(_ relative: String) -> URL { dir.path(relative) }

        func write(_ relative: String, _ text: String) throws {
            let file = url(relative)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }

        func edit(_ relative: String, _ change: (String) -> String) throws {
            let text = try String(contentsOf: url(relative), encoding: .utf8)
            let changed = change(text)
            #expect(changed != text, "\(relative) did not change")
            try write(relative, changed)
        }

        func remove(_ relative: String) throws { try FileManager.default.removeItem(at: url(relative)) }

        func rename(_ relative: String, to other: String) throws {
            try FileManager.default.createDirectory(at: url(other).deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.moveItem(at: url(relative), to: url(other))
        }

        /// Makes a change, rebuilds the preview with what the watcher saw, and compares it with a full build.
        @discardableResult
        func change(_ what: String, sourceLocation: SourceLocation = #_sourceLocation, _ make: () throws -> Void) throws -> BuildResult {
            try make()
            let now = watcher.snapshot(after: last)
            let changed = ContentWatcher.changes(from: last, to: now)
            last = now
            #expect(!changed.isEmpty, "\(what): the watcher saw no change", sourceLocation: sourceLocation)
            let result = builder.rebuild(changed: changed)
            #expect(result.wrote, "\(what): \(result.errors.map(\.description))", sourceLocation: sourceLocation)
            builds += 1
            let full = dir.path("full-\(builds)")
            let reference = SiteBuilder(options: Preview.options(content: content, theme: theme, output: full)).build()
            #expect(reference.wrote, "\(what): the full build failed: \(reference.errors.map(\.description))", sourceLocation: sourceLocation)
            let preview = tree(dir.path("preview"))
            let built = tree(full)
            let differing = Set(preview.keys).union(built.keys).filter { preview[$0] != built[$0] }.sorted()
            #expect(differing.isEmpty, "\(what): the preview differs from a full build at \(differing.prefix(8))", sourceLocation: sourceLocation)
            try? FileManager.default.removeItem(at: full)
            return result
        }
    }

    /// Every file (with its bytes) and folder (with no bytes) under `folder`, by relative path.
    static func tree(_ folder: URL) -> [String: Data?] {
        var result: [String: Data?] = [:]
        let base = folder.standardizedFileURL.path + "/"
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [:] }
        for case let path as String in walker {
            let url = URL(fileURLWithPath: base + path)
            let isFolder = (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) ?? false
            result[path] = isFolder ? Data?.none : (try? Data(contentsOf: url))
        }
        return result
    }

    static let agency = """
    ---
    name: Kooth
    summary: Online counselling for young people.
    websites: [https://www.kooth.com]
    referral: [self]
    levels: [universal, additional]
    topics: [mental-health, young-carers]
    ---
    Free, safe and anonymous online support.
    """

    @Test func aNationalAgencyAddedChangedRenamedAndDeleted() throws {
        let preview = try Preview("county")
        try preview.change("add") { try preview.write("Content/agencies/kooth.md", Self.agency) }
        try preview.change("move to other levels and topics") {
            try preview.edit("Content/agencies/kooth.md") {
                $0.replacingOccurrences(of: "[universal, additional]", with: "[targeted]").replacingOccurrences(of: "[mental-health, young-carers]", with: "[online-safety]")
            }
        }
        // The whole offer of every school that lists it changes; the entries it shows besides
        // (carried over from the last build, `Carried`) do not.
        try preview.change("its text and summary edited") {
            try preview.edit("Content/agencies/kooth.md") { $0.replacingOccurrences(of: "Free, safe", with: "Free, safe and kind,") + "\nOpen every day.\n" }
        }
        try preview.change("rename") { try preview.rename("Content/agencies/kooth.md", to: "Content/agencies/kooth-online.md") }
        try preview.change("delete") { try preview.remove("Content/agencies/kooth-online.md") }
    }

    @Test func anAreaAgencyAddedChangedRenamedAndDeleted() throws {
        let preview = try Preview("county")
        try preview.change("add") { try preview.write("Content/areas/shire/agencies/school-nurse.md", Self.agency.replacingOccurrences(of: "Kooth", with: "School nursing")) }
        try preview.change("change its name") {
            try preview.edit("Content/areas/shire/agencies/school-nurse.md") { $0.replacingOccurrences(of: "name: School nursing", with: "name: Aardvark nursing") }
        }
        try preview.change("rename") { try preview.rename("Content/areas/shire/agencies/school-nurse.md", to: "Content/areas/shire/agencies/nursing.md") }
        try preview.change("delete") { try preview.remove("Content/areas/shire/agencies/nursing.md") }
        // An area file over a national agency, added and removed.
        try preview.change("add an area version of a national agency") {
            try preview.write("Content/areas/shire/agencies/nspcc.md", "---\nphones: [\"01905 111111\"]\nlevels: [targeted]\n---\n")
        }
        try preview.change("delete it") { try preview.remove("Content/areas/shire/agencies/nspcc.md") }
    }

    @Test func aSchoolsChangesToAgenciesAddedRenamedAndDeleted() throws {
        let preview = try Preview("county")
        try preview.change("add an override") { try preview.write("Content/schools/ash-first/agencies/nspcc.md", "---\ncost: £5 a session\nlevels: [targeted]\n---\n") }
        try preview.change("rename it to another agency's") {
            try preview.rename("Content/schools/ash-first/agencies/nspcc.md", to: "Content/schools/ash-first/agencies/childline.md")
        }
        try preview.change("delete an override") { try preview.remove("Content/schools/oak-first/agencies/camhs.md") }
        try preview.change("delete the other") { try preview.remove("Content/schools/ash-first/agencies/childline.md") }
        try preview.change("add a school's own agency") { try preview.write("Content/schools/elm-high/agencies/youth-club.md", Self.agency.replacingOccurrences(of: "Kooth", with: "Youth club")) }
        try preview.change("delete it") { try preview.remove("Content/schools/elm-high/agencies/youth-club.md") }
    }

    @Test func aServiceAddedRenamedAndDeleted() throws {
        let preview = try Preview("county")
        try preview.change("add") {
            try preview.write("Content/schools/ash-first/services/homework-club.md", Self.agency.replacingOccurrences(of: "Kooth", with: "Homework club"))
        }
        try preview.change("its text edited") {
            try preview.edit("Content/schools/ash-first/services/homework-club.md") { $0 + "\nNow on Saturdays too.\n" }
        }
        try preview.change("rename") {
            try preview.rename("Content/schools/oak-first/services/breakfast-club.md", to: "Content/schools/oak-first/services/morning-club.md")
        }
        try preview.change("delete") { try preview.remove("Content/schools/ash-first/services/nurture-group.md") }
        try preview.change("delete the added one") { try preview.remove("Content/schools/ash-first/services/homework-club.md") }
    }

    @Test func aFurtherPageAddedRetitledRenamedAndDeleted() throws {
        let preview = try Preview("county")
        try preview.change("add") {
            try preview.write("Content/schools/elm-high/pages/anti-bullying-policy.md", "---\ntitle: Anti-bullying policy\norder: 2\n---\n## What we do\n\nWe listen.\n")
        }
        try preview.change("retitle (the offer page lists the titles)") {
            try preview.edit("Content/schools/elm-high/pages/anti-bullying-policy.md") { $0.replacingOccurrences(of: "title: Anti-bullying policy", with: "title: Our anti-bullying policy") }
        }
        try preview.change("rename") {
            try preview.rename("Content/schools/oak-first/pages/safeguarding-policy.md", to: "Content/schools/oak-first/pages/child-protection-policy.md")
        }
        try preview.change("delete") { try preview.remove("Content/schools/elm-high/pages/anti-bullying-policy.md") }
    }

    @Test func topicTextsOfEachLayerAddedRenamedAndDeleted() throws {
        let preview = try Preview("county")
        try preview.change("add a national text the school's own is added to") { try preview.write("Content/topics/bullying.md", "---\ntitle: Bullying\n---\nBullying is never the child's fault.\n") }
        try preview.change("add a national text for a topic no school lists") { try preview.write("Content/topics/online-safety.md", "---\ntitle: Staying safe online\n---\nTalk about what they do online.\n") }
        try preview.change("rename a national text") { try preview.rename("Content/topics/online-safety.md", to: "Content/topics/young-carers.md") }
        try preview.change("delete a national text") { try preview.remove("Content/topics/bullying.md") }
        try preview.change("delete an area's text") { try preview.remove("Content/areas/shire/topics/domestic-abuse.md") }
        try preview.change("add an area's text") { try preview.write("Content/areas/shire/topics/mental-health.md", "---\ntitle: Feeling low\n---\nIt is fine to ask for help.\n") }
        try preview.change("rename an area's text") { try preview.rename("Content/areas/shire/topics/mental-health.md", to: "Content/areas/shire/topics/online-safety.md") }
        try preview.change("delete a school's text") { try preview.remove("Content/schools/oak-first/topics/bullying.md") }
        try preview.change("add a school's text") { try preview.write("Content/schools/ash-first/topics/domestic-abuse.md", "---\nbody: append\n---\nAsk Mr Patel.\n") }
        try preview.change("rename a school's text") { try preview.rename("Content/schools/ash-first/topics/domestic-abuse.md", to: "Content/schools/ash-first/topics/mental-health.md") }
        try preview.change("delete the last national text") { try preview.remove("Content/topics/young-carers.md") }
    }

    @Test func siteWideListsChanged() throws {
        let preview = try Preview("two-counties")
        let levels = try preview.change("the national scale's words") {
            try preview.edit("Content/levels.yml") { $0.replacingOccurrences(of: "name: More support", with: "name: Much more support") }
        }
        #expect(!levels.incremental, "levels.yml reaches every school: everything is rebuilt")
        try preview.change("a topic renamed in topics.yml") {
            try preview.edit("Content/topics.yml") { $0.replacingOccurrences(of: "name: Mental health", with: "name: Feelings and mental health") }
        }
    }

    @Test func areasAndSchoolsAddedRenamedAndDeleted() throws {
        let preview = try Preview("county")
        try preview.change("a new area with a school") {
            try preview.write("Content/areas/vale/area.md", ContentTree.area(name: "Vale", levels: ["universal", "additional", "targeted", "specialist"]))
            try preview.write("Content/schools/vale-primary/school.md", ContentTree.school(name: "Vale Primary School", area: "vale"))
        }
        try preview.change("a school added") { try preview.write("Content/schools/birch-first/school.md", ContentTree.school(name: "Birch First School", area: "shire")) }
        try preview.change("a school's folder renamed") { try preview.rename("Content/schools/elm-high", to: "Content/schools/elm-academy") }
        try preview.change("a school deleted") { try preview.remove("Content/schools/ash-first") }
        try preview.change("the new area's school deleted") { try preview.remove("Content/schools/vale-primary") }
        try preview.change("the new area deleted") { try preview.remove("Content/areas/vale") }
    }

    @Test func templatesAndAssetsAddedRenamedAndDeleted() throws {
        let preview = try Preview("county")
        let footer = try String(contentsOf: preview.url("theme/templates/footer.mustache"), encoding: .utf8)
        try preview.change("a school's footer note and links added") {
            try preview.edit("Content/schools/oak-first/school.md") {
                $0.replacingOccurrences(of: "colour: ", with: "footer_note: Oak's own *note*.\nlinks:\n  - label: Oak's website\n    url: https://oak.example.org\ncolour: ")
            }
        }
        try preview.change("the note changed") { try preview.edit("Content/schools/oak-first/school.md") { $0.replacingOccurrences(of: "Oak's own *note*.", with: "Oak's new note.") } }
        try preview.change("the links removed") {
            try preview.edit("Content/schools/oak-first/school.md") { $0.replacingOccurrences(of: "links:\n  - label: Oak's website\n    url: https://oak.example.org\n", with: "") }
        }
        try preview.change("a theme template changed") { try preview.write("theme/templates/footer.mustache", footer + "<p>Every school's footer</p>\n") }
        // A template of the whole offer's entries, then content: nothing rendered with the old
        // template is carried into the rebuild after it.
        try preview.change("the whole offer's entry template changed") {
            try preview.edit("theme/templates/offer-document-entry.mustache") { $0.replacingOccurrences(of: "doc-entry-title", with: "doc-entry-title doc-title") }
        }
        try preview.change("then a service edited") {
            try preview.edit("Content/schools/oak-first/services/breakfast-club.md") { $0 + "\nFrom 7.45am.\n" }
        }
        try preview.change("a theme asset added") { try preview.write("theme/assets/extra.css", "body { margin: 0 }\n") }
        try preview.change("a theme asset renamed") { try preview.rename("theme/assets/extra.css", to: "theme/assets/more.css") }
        try preview.change("a theme asset deleted") { try preview.remove("theme/assets/more.css") }
    }

    /// The theme is loaded once per full build and carried into the rebuilds after it
    /// (`Carried`): what loading it found is still reported by each of them.
    @Test func aRebuildReportsWhatTheThemeLoadFound() throws {
        let preview = try Preview("county")
        let footer = try String(contentsOf: preview.url("theme/templates/footer.mustache"), encoding: .utf8)
        let full = try preview.change("a theme template shows a value that does not exist") {
            try preview.write("theme/templates/footer.mustache", footer + "<p>{{no_such_value}}</p>\n")
        }
        let found = { (result: BuildResult) in result.diagnostics.filter { $0.file.hasSuffix("footer.mustache") && $0.message.contains("no_such_value") } }
        #expect(found(full).count == 1 && !full.incremental)
        let rebuilt = try preview.change("then a service edited") {
            try preview.edit("Content/schools/oak-first/services/breakfast-club.md") { $0 + "\nFrom 7.45am.\n" }
        }
        #expect(rebuilt.incremental)
        #expect(found(rebuilt).count == 1)
    }

    @Test func logosAddedRenamedAndDeleted() throws {
        let preview = try Preview("county")
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><circle cx=\"5\" cy=\"5\" r=\"4\"/></svg>\n"
        try preview.change("a logo added") {
            try preview.write("Content/schools/elm-high/logo.svg", svg)
            try preview.edit("Content/schools/elm-high/school.md") { $0.replacingOccurrences(of: "agencies: all", with: "agencies: all\nlogo: logo.svg") }
        }
        try preview.change("a logo replaced by one of the same name") { try preview.write("Content/schools/elm-high/logo.svg", svg.replacingOccurrences(of: "r=\"4\"", with: "r=\"3\"")) }
        try preview.change("a logo renamed") {
            try preview.rename("Content/schools/oak-first/logo.png", to: "Content/schools/oak-first/acorn.png")
            try preview.edit("Content/schools/oak-first/school.md") { $0.replacingOccurrences(of: "logo: logo.png", with: "logo: acorn.png") }
        }
        try preview.change("a logo of another kind") {
            try preview.write("Content/schools/oak-first/acorn.svg", svg)
            try preview.edit("Content/schools/oak-first/school.md") { $0.replacingOccurrences(of: "logo: acorn.png", with: "logo: acorn.svg") }
        }
        try preview.change("a logo deleted") {
            try preview.remove("Content/schools/elm-high/logo.svg")
            try preview.edit("Content/schools/elm-high/school.md") { $0.replacingOccurrences(of: "\nlogo: logo.svg", with: "") }
        }
    }

    @Test func aChangeSavedWhileTheContentHadErrorsIsStillRebuilt() throws {
        // The first save breaks a library file, so nothing is written; the deletion made in it
        // must still reach the pages once the content is right again.
        let preview = try Preview("county")
        try preview.change("add") { try preview.write("Content/agencies/kooth.md", Self.agency) }
        try preview.remove("Content/agencies/kooth.md")
        try preview.write("Content/agencies/nspcc.md", "---\nname: [broken\n---\n")
        let now = preview.watcher.snapshot(after: preview.last)
        let broken = preview.builder.rebuild(changed: ContentWatcher.changes(from: preview.last, to: now))
        preview.last = now
        #expect(!broken.wrote)
        let nspcc = try String(contentsOf: Paths.fixtures.appendingPathComponent("county/Content/agencies/nspcc.md"), encoding: .utf8)
        try preview.change("the library fixed") { try preview.write("Content/agencies/nspcc.md", nspcc) }
    }
}
