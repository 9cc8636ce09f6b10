import Foundation
import Testing
@testable import SignpostCore

/// A name a template cannot see shows nothing, silently (swift-mustache renders a missing
/// value as empty): a school's own template is refused with "did you mean", the theme's gets a
/// warning. Names are checked where they are used, against the values of the section around them.
@Suite("Template names")
struct TemplateNameTests {
    static let folder = TemplateCheckerTests.folder

    static func errors(_ template: String, as name: String) -> [Diagnostic] {
        TemplateCheckerTests.check([name: template]).errors
    }

    @Test func aMisspeltNameInASchoolFooterIsAnErrorWithDidYouMean() {
        let log = TemplateCheckerTests.prepared(["footer": "<footer>\n{{#school}}<p>{{school_nme}}</p>{{/school}}\n<p>{{reviewd}}</p>\n</footer>\n"])
        let errors = log.errors(in: "\(Self.folder)/footer.mustache")
        #expect(errors.count == 2, "\(log.summary)")
        #expect(errors.first?.line == 2 && errors.first?.column == 15)
        #expect(errors.first?.message == "{{school_nme}} shows nothing: inside {{#school}}, footer.mustache has no value called \"school_nme\"")
        #expect(errors.first?.suggestion == "did you mean {{school_name}}?")
        #expect(errors.last?.line == 3 && errors.last?.column == 4)
        #expect(errors.last?.message == "{{reviewd}} shows nothing: footer.mustache has no value called \"reviewd\"")
        #expect(errors.last?.suggestion == "did you mean {{reviewed}}?")
    }

    @Test func aNameWithNoCloseMatchListsTheNamesTheTemplateCanUse() throws {
        let error = try #require(Self.errors("<footer>{{#wibble}}x{{/wibble}}</footer>", as: "footer").first)
        #expect(error.message == "{{#wibble}} … {{/wibble}} never shows: footer.mustache has no value called \"wibble\"")
        #expect(error.suggestion?.hasPrefix("the names it can use here are: accessibility_url, brand_style, breadcrumbs,") == true, "\(error)")
        #expect(error.suggestion?.contains("site_title") == true && error.suggestion?.contains("school_name") == false)
    }

    @Test func aNameOnlyAValueHoldsSaysWhichValue() throws {
        // The footer's values have the school's name only inside `school`.
        let error = try #require(Self.errors("<footer>{{school_name}}</footer>", as: "footer").first)
        #expect(error.suggestion == "school_name is part of school: write {{school.school_name}}, or put it between {{#school}} and {{/school}}")
    }

    @Test func aNestedSectionsNamesAreCheckedAgainstItsOwnFamily() {
        // A card's first phone has a number, not a web address; after the section, the card has neither.
        let card = "<li>{{#first_phone}}<a href=\"{{href}}\">{{number}}</a> {{web_url}}{{/first_phone}} {{number}}</li>\n"
        let errors = Self.errors(card, as: "entry-card")
        #expect(errors.map(\.column) == [55, 83], "\(errors.map(\.description))")
        #expect(errors.first?.message == "{{web_url}} shows nothing: inside {{#first_phone}}, entry-card.mustache has no value called \"web_url\"")
        #expect(errors.first?.suggestion?.hasPrefix("web_url is part of first_website: write {{first_website.web_url}}") == true)
        #expect(errors.last?.suggestion?.hasPrefix("number is part of first_phone") == true)
        // An inverted section shows only when there is no phone: nothing inside it has a number.
        #expect(Self.errors("{{^first_phone}}{{number}}{{/first_phone}}", as: "entry-card").count == 1)
        // Sections nest: a level's services are entries, and the page's values are still in sight.
        let offer = "{{#levels}}{{level_name}}{{#level_services}}{{name}} {{level_name}} {{title}} {{level_servces}}{{/level_services}}{{/levels}}"
        let nested = Self.errors(offer, as: "offer-document")
        #expect(nested.count == 1, "\(nested.map(\.description))")
        #expect(nested.first?.message.hasPrefix("{{level_servces}} shows nothing: inside {{#level_services}}") == true)
        #expect(nested.first?.suggestion == "did you mean {{level_services}}?")
    }

    @Test func dottedNamesAreCheckedPartByPart() {
        let errors = Self.errors("{{<layout}}{{$lead}}{{school.school_nme}} {{schol.school_name}} {{school.school_name}} {{title.x}}{{/lead}}{{/layout}}", as: "level")
        #expect(errors.count == 2, "\(errors.map(\.description))")
        #expect(errors.first?.message == "{{school.school_nme}} shows nothing: school has no value called \"school_nme\"")
        #expect(errors.first?.suggestion == "did you mean {{school.school_name}}?")
        #expect(errors.last?.suggestion == "did you mean {{school.school_name}}?")
    }

    @Test func transformsAndTheirNamesAreChecked() throws {
        let card = "{{#phones}}{{#first()}}x{{/first()}}{{index()}}{{.}}{{/phones}}{{uppercased(name)}}{{#reversed(phones)}}{{number}}{{/reversed(phones)}}\n"
        #expect(Self.errors(card, as: "entry-details").isEmpty, "\(Self.errors(card, as: "entry-details").map(\.description))")
        let wrong = Self.errors("{{upercased(name)}} {{#frist()}}x{{/frist()}} {{count()}} {{lowercased(nme)}}", as: "entry-card")
        try #require(wrong.count == 4, "\(wrong.map(\.description))")
        #expect(wrong[0].suggestion?.hasPrefix("did you mean uppercased? A template can use capitalized, count,") == true)
        #expect(wrong[1].suggestion?.hasPrefix("did you mean first?") == true)
        #expect(wrong[2].message == "{{count()}} shows nothing: count() needs a value in its brackets, like count(name)")
        #expect(wrong[3].suggestion == "did you mean {{lowercased(name)}}?")
    }

    @Test func aPartialSeesWhatItsIncludersSeeWhereTheyIncludeIt() {
        // The footer includes school-contacts inside {{#school}}: the school's details are in sight.
        #expect(Self.errors("<p>{{school_phone}} {{site_title}}</p>", as: "school-contacts").isEmpty)
        #expect(Self.errors("<p>{{school_phon}}</p>", as: "school-contacts").first?.suggestion == "did you mean {{school_phone}}?")
        // The offer page includes person-card inside {{#people}}.
        #expect(Self.errors("<li>{{person_name}} {{intro}}</li>", as: "person-card").isEmpty)
        #expect(Self.errors("<li>{{person_nmae}}</li>", as: "person-card").first?.suggestion == "did you mean {{person_name}}?")
    }

    @Test func aCopyOfEveryDefaultTemplateHasNoFindingAtAll() throws {
        let copies = try TemplateSchemaTests.themeTemplates()
        let log = TemplateCheckerTests.check(copies)
        #expect(log.all.isEmpty, "\(log.summary)")
        let themeLog = DiagnosticLog()
        #expect(Theme(root: County.theme, displayRoot: "Themes/default", log: themeLog) != nil)
        #expect(themeLog.all.isEmpty, "\(themeLog.summary)")
    }

    @Test func theThemesOwnMisspeltNamesAreWarningsNamingTheThemeFile() throws {
        let dir = TempDir()
        let theme = dir.path("theme")
        try FileManager.default.copyItem(at: County.theme, to: theme)
        let footer = theme.appendingPathComponent("templates/footer.mustache")
        try (try String(contentsOf: footer, encoding: .utf8) + "<p>{{reviewd}}</p>\n").write(to: footer, atomically: true, encoding: .utf8)
        let log = DiagnosticLog()
        #expect(Theme(root: theme, displayRoot: "theme", log: log) != nil)
        #expect(!log.hasErrors, "\(log.summary)")
        let warning = log.warnings.first
        #expect(log.warnings.count == 1 && warning?.file == "theme/templates/footer.mustache", "\(log.summary)")
        #expect(warning?.message == "{{reviewd}} shows nothing: footer.mustache has no value called \"reviewd\"")
        #expect(warning?.suggestion == "did you mean {{reviewed}}?")
    }
}
