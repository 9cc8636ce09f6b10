import Foundation
import SignpostModel
@testable import SignpostRender
import Testing

/// The theme's templates are checked before swift-mustache sees them: its parser and renderer
/// recurse without limit, so these inputs once ended the whole process (exit 139) while
/// `check` said "0 errors". Each test changes some of the default theme's templates.
@Suite("Template checks")
struct TemplateCheckerTests {
    static let templates: [String: String] = {
        let folder = County.theme.appendingPathComponent("templates")
        var templates: [String: String] = [:]
        for name in try! FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".mustache") {
            templates[String(name.dropLast(".mustache".count))] = try! String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        }
        return templates
    }()

    static let folder = "theme/templates"

    /// The default theme with these templates changed or added, checked: the log of what was found.
    static func check(_ changed: [String: String]) -> DiagnosticLog {
        let log = DiagnosticLog()
        _ = TemplateChecker.check(templates.merging(changed) { $1 }, displayRoot: folder, log: log)
        return log
    }

    /// Alias kept for the tests below, which once went through a school's folder.
    static func prepared(_ changed: [String: String]) -> DiagnosticLog { check(changed) }

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
        #expect(log.errors(containing: "footer → school-contacts → footer").count == 1, "\(log.summary)")
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

    @Test func anIncludeOfNoTemplateIsAWarningWithDidYouMean() {
        let log = Self.check(["footer": "<footer>\n{{> school-contact}}</footer>\n"])
        let warning = log.warnings.first { $0.message.contains("names no template") }
        #expect(warning?.file == "\(Self.folder)/footer.mustache")
        #expect(warning?.line == 2)
        #expect(warning?.suggestion?.hasPrefix("did you mean {{> school-contacts}}?") == true, "\(log.summary)")
        #expect(!log.hasErrors)
    }

    @Test func aNameTheTemplateCannotSeeIsAWarningWithDidYouMean() {
        let card = Self.templates["entry-card"]!.replacingOccurrences(of: "{{summary}}", with: "{{sumary}}")
        let log = Self.check(["entry-card": card])
        let warnings = log.warnings.filter { $0.file == "\(Self.folder)/entry-card.mustache" }
        #expect(warnings.count == 1, "\(log.summary)")
        #expect(warnings.first?.message == "{{sumary}} shows nothing: entry-card.mustache has no value called \"sumary\"")
        #expect(warnings.first?.suggestion == "did you mean summary?")
        // A page's own values are not the layout's: the layout cannot see an entry page's `entry`.
        let layout = Self.check(["layout": Self.templates["layout"]! + "{{#entry}}x{{/entry}}\n"])
        #expect(layout.warnings.contains { $0.file == "\(Self.folder)/layout.mustache" && $0.message.contains("\"entry\"") }, "\(layout.summary)")
        // A partial sees what the templates including it see.
        let person = Self.check(["person-card": Self.templates["person-card"]! + "{{school_name}}{{person_name}}\n"])
        #expect(person.warnings.isEmpty, "\(person.summary)")
    }

    @Test func theDefaultThemeHasNoFindingsAtAll() {
        let log = Self.check([:])
        #expect(log.all.isEmpty, "\(log.summary)")
    }

    /// The default theme with its footer replaced, loaded as a build loads it.
    static func loadTheme(footer: String, log: DiagnosticLog) throws -> Theme? {
        let dir = TempDir()
        let theme = dir.path("theme")
        try FileManager.default.copyItem(at: County.theme, to: theme)
        try footer.write(to: theme.appendingPathComponent("templates/footer.mustache"), atomically: true, encoding: .utf8)
        return Theme(root: theme, displayRoot: "theme", log: log)
    }

    @Test func theThemeIsCheckedWhenItLoads() throws {
        let log = DiagnosticLog()
        #expect(try Self.loadTheme(footer: "{{> footer}}\n<footer></footer>\n", log: log) == nil)
        #expect(log.errors(in: "theme/templates/footer.mustache").first?.message.contains("includes itself") == true, "\(log.summary)")
    }

    @Test func aSectionNeverClosedIsAMistakeWithTheFile() throws {
        let log = DiagnosticLog()
        #expect(try Self.loadTheme(footer: "<footer>\n{{#school}}\n</footer>\n", log: log) == nil)
        #expect(log.errors(in: "theme/templates/footer.mustache").first?.message.hasPrefix("this template has a mistake") == true, "\(log.summary)")
    }
}
