import Foundation
import Testing
@testable import SignpostCore

/// Templates are checked before swift-mustache sees them: its parser and renderer recurse
/// without limit, so these inputs once ended the whole process (exit 139) while `check` said
/// "0 errors". Here they are checked without rendering; `Tests/cli/test_school_templates.py`
/// runs `check` and `build` on them through the binary.
@Suite("Template checks")
struct TemplateCheckerTests {
    static let theme: Theme = {
        let log = DiagnosticLog()
        return Theme(root: County.theme, displayRoot: "Themes/default", log: log)!
    }()

    static let folder = "Content/schools/test-first/templates"

    /// The school's templates checked against the default theme: the log of what was found.
    static func check(_ templates: [String: String]) -> DiagnosticLog {
        let log = DiagnosticLog()
        _ = theme.overriding(templates, displayRoot: folder, log: log)
        return log
    }

    /// A small content tree whose school has these templates, through `check`'s own preparation.
    static func prepared(_ templates: [String: String]) -> DiagnosticLog {
        let tree = ContentTree()
        for (name, text) in templates { tree.write("schools/test-first/templates/\(name).mustache", text) }
        let log = DiagnosticLog()
        let options = BuildOptions(content: tree.root, theme: County.theme, output: tree.dir.path("Site"),
                                   contentDisplay: "Content", themeDisplay: "Themes/default")
        _ = SiteBuilder(options: options).prepare(log: log)
        return log
    }

    @Test func aTemplateThatIncludesItselfIsAnErrorNamingFileAndLine() {
        let log = Self.prepared(["footer": "<footer>\n<p>Contact us</p>\n{{> footer}}\n</footer>\n"])
        let errors = log.errors(in: "\(Self.folder)/footer.mustache")
        #expect(errors.count == 1, "\(log.summary)")
        #expect(errors.first?.line == 3)
        #expect(errors.first?.message == "footer.mustache includes itself through {{> footer}} on line 3; a template cannot include itself")
        #expect(errors.first?.suggestion == "remove {{> footer}}")
    }

    @Test func twoTemplatesThatIncludeEachOtherAreAnError() {
        let log = Self.prepared(["footer": "{{> header}}\n", "header": "<header>\n{{> footer}}</header>\n"])
        #expect(log.errors(containing: "in a circle").count == 1, "\(log.summary)")
        #expect(log.errors(containing: "footer → header → footer").count == 1, "\(log.summary)")
    }

    @Test func aCircleThroughTheThemesTemplatesIsFound() {
        // The theme's school-contacts is included by its footer: a school's copy that includes the footer closes a circle.
        let log = Self.check(["school-contacts": "<ul>{{> footer}}</ul>\n"])
        #expect(log.errors(containing: "school-contacts → footer → school-contacts").count == 1, "\(log.summary)")
    }

    @Test func aCircleThroughParentsIsFound() {
        // The theme's school.mustache is {{<layout}}…; a layout that is itself {{<school}} never ends.
        let log = Self.check(["layout": "{{<school}}{{$content}}x{{/content}}{{/school}}\n"])
        #expect(log.errors(containing: "layout → school → layout").count == 1, "\(log.summary)")
    }

    @Test func dynamicPartialsAreRefused() {
        let log = Self.check(["footer": "<footer>{{>*which}}</footer>\n", "header": "{{<*which}}{{/*which}}"])
        #expect(log.errors(containing: "takes the name of the template to include from a value").count == 2, "\(log.summary)")
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "{{#school}}", count: 5_000) + "x" + String(repeating: "{{/school}}", count: 5_000)
        let log = Self.check(["footer": deep])
        #expect(log.errors(containing: "nest more than 100 deep").count == 1, "\(log.summary)")
        let fine = String(repeating: "{{#school}}", count: 40) + "x" + String(repeating: "{{/school}}", count: 40)
        #expect(!Self.check(["footer": fine]).hasErrors)
    }

    @Test func nestingCountsThroughIncludedTemplates() {
        func nested(_ levels: Int, _ inner: String) -> String {
            String(repeating: "{{#school}}", count: levels) + inner + String(repeating: "{{/school}}", count: levels)
        }
        // 60 levels in the footer around the school's contacts, 60 more inside them: 120 in all.
        let log = Self.check(["footer": nested(60, "{{> school-contacts}}"), "school-contacts": nested(60, "x")])
        #expect(log.errors(containing: "with the templates it includes").count == 1, "\(log.summary)")
        #expect(log.errors(in: "\(Self.folder)/footer.mustache").count == 1, "\(log.summary)")
        #expect(!Self.check(["footer": nested(40, "{{> school-contacts}}"), "school-contacts": nested(40, "x")]).hasErrors)
    }

    @Test func aTemplateOverTheSizeLimitIsAnError() {
        let log = Self.check(["footer": "<p>" + String(repeating: "x", count: TemplateChecker.maxBytes) + "</p>"])
        #expect(log.errors(containing: "a template may be at most 256 KB").count == 1, "\(log.summary)")
    }

    @Test func aMisspeltTemplateNameIsAnErrorWithDidYouMean() {
        let log = Self.prepared(["foter": "<footer>Ours</footer>\n"])
        let error = log.errors(in: "\(Self.folder)/foter.mustache").first
        #expect(error?.message == "foter.mustache does not replace any of the theme's templates, so it is not used", "\(log.summary)")
        #expect(error?.suggestion?.hasPrefix("did you mean footer.mustache? A school can replace: 404.mustache, a-z.mustache, a-z-topic.mustache, about.mustache, accessibility.mustache,") == true)
        #expect(error?.suggestion?.contains("school-contacts.mustache") == true)
    }

    @Test func anIncludeOfNoTemplateIsAnErrorWithDidYouMean() {
        let log = Self.check(["footer": "<footer>\n{{> school-contact}}</footer>\n"])
        let error = log.errors(containing: "names no template").first
        #expect(error?.line == 2)
        #expect(error?.suggestion?.hasPrefix("did you mean {{> school-contacts}}?") == true, "\(log.summary)")
    }

    @Test func mistakesInATemplateAreReportedWithTheirLine() {
        let log = Self.check(["footer": "<footer>\n{{#school}}\n</footer>\n"])
        #expect(log.errors.first?.line == 2)
        #expect(log.errors.first?.message.contains("{{#school}} on line 2 is never closed") == true, "\(log.summary)")
    }

    @Test func everyThemeTemplateCopiedIntoASchoolIsAcceptedAndBuildsTheSamePages() throws {
        let folder = County.theme.appendingPathComponent("templates")
        var copies: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".mustache") {
            copies[String(name.dropLast(".mustache".count))] = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        }
        #expect(copies.count == Self.theme.templates.count)
        #expect(!Self.check(copies).hasErrors, "\(Self.check(copies).summary)")
        func build(_ templates: [String: String]) -> [String: Data] {
            let tree = ContentTree()
            for (name, text) in templates { tree.write("schools/test-first/templates/\(name).mustache", text) }
            let options = BuildOptions(content: tree.root, theme: County.theme, output: tree.dir.path("Site"))
            let result = SiteBuilder(options: options).build()
            #expect(result.wrote, "\(result.errors)")
            return snapshot(tree.dir.path("Site"))
        }
        let own = build(copies)
        #expect(own.count > 10)
        #expect(own == build([:]))
    }

    @Test func theThemeIsCheckedToo() throws {
        let dir = TempDir()
        let theme = dir.path("theme")
        try FileManager.default.copyItem(at: County.theme, to: theme)
        try "{{> footer}}\n<footer></footer>\n".write(to: theme.appendingPathComponent("templates/footer.mustache"), atomically: true, encoding: .utf8)
        let log = DiagnosticLog()
        #expect(Theme(root: theme, displayRoot: "theme", log: log) == nil)
        #expect(log.errors(in: "theme/templates/footer.mustache").first?.message.contains("includes itself") == true, "\(log.summary)")
    }

    @Test func theThemesVocabularyIsReadFromItsTemplates() {
        let vocabulary = Self.theme.checked.vocabulary
        #expect(vocabulary.names[.unescaped] == ["area_text", "body", "breadcrumbs_html", "card_html", "content_html", "details_html", "entry_html", "footer_html",
                                                "get_help_now_html", "handout_html", "header_html", "help_compact_html", "intro", "links_html",
                                                "qr_svg", "school_text", "structured_data_html"])
        #expect(vocabulary.names[.tagName] == ["card_heading"])
        #expect(vocabulary.names[.style] == ["brand_style"])
        #expect(vocabulary.names[.scriptSource] == ["root"])
        #expect(vocabulary.names[.linkHref] == ["canonical", "root"])
        #expect(vocabulary.names[.resourceStart] == ["logo_url", "root"])
        #expect(vocabulary.allows(.linkStart, "web_url") && vocabulary.allows(.linkStart, "root") && !vocabulary.allows(.linkStart, "school_email"))
        #expect(Self.theme.checked.blocksInsideTags["h"]?.first?.template == "person-card")
    }
}
