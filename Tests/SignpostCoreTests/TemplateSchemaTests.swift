import Foundation
import Testing
@testable import SignpostCore

/// The key enums are also the schema of what templates can see: every name the default
/// theme uses is in its template's schema, so a name that is not is a mistake.
@Suite("Template schema")
struct TemplateSchemaTests {
    static func themeTemplates() throws -> [String: String] {
        let folder = County.theme.appendingPathComponent("templates")
        var templates: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".mustache") {
            templates[String(name.dropLast(".mustache".count))] = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        }
        return templates
    }

    @Test func everyNameInTheDefaultThemeIsInItsTemplatesSchema() throws {
        let templates = try Self.themeTemplates()
        #expect(templates.count > 20)
        let schema = TemplateSchema(templates: templates)
        var unknown: [String] = []
        for (template, text) in templates.sorted(by: { $0.key < $1.key }) {
            // exit-this-page uses no values; every other template is rendered or included somewhere.
            guard let visible = schema.names(visibleIn: template) else {
                if !TemplateTags.names(in: text).isEmpty { unknown.append("\(template): not in the schema") }
                continue
            }
            for tag in TemplateTags.names(in: text) where !visible.contains(tag.name) {
                unknown.append("\(template).mustache:\(tag.line): \(tag.name)")
            }
        }
        #expect(unknown.isEmpty, "\(unknown)")
    }

    @Test func aMisspeltNameIsNotInTheSchema() throws {
        let schema = TemplateSchema(templates: try Self.themeTemplates())
        let card = try #require(schema.names(visibleIn: "entry-card"))
        #expect(card.contains("summary") && card.contains("number") && card.contains("web_short"))
        #expect(!card.contains("sumary"))
        // A page sees its own values, the layout's and those nested in them, not another page's.
        let entry = try #require(schema.names(visibleIn: "entry"))
        #expect(entry.isSuperset(of: ["entry", "content_html", "school_name", "lang", "root", "help_label", "crumb_name"]))
        #expect(!entry.contains("intro") && !entry.contains("is_home"))
        // Partials see what the templates including them see.
        #expect(try #require(schema.names(visibleIn: "person-card")).isSuperset(of: ["person_name", "school_name"]))
        #expect(try #require(schema.names(visibleIn: "school-contacts")).contains("school_phone"))
        #expect(schema.names(visibleIn: "foter") == nil)
    }

    @Test func tagsAreReadAsSwiftMustacheReadsThem() {
        let text = "{{! a comment }}<p>{{a}}\n{{{b}}} {{& c}}</p>\n{{#d.e}}{{^f}}{{/f}}{{/d.e}}\n{{#first()}}{{lowercased(g)}}{{/first()}}{{> part}}{{$block}}{{/block}}\n{{=<% %>=}}<% h %>{{i}}"
        #expect(TemplateTags.names(in: text).map(\.name) == ["a", "b", "c", "d", "e", "f", "g", "h"])
        #expect(TemplateTags.names(in: text).map(\.line) == [1, 2, 2, 3, 3, 3, 4, 5])
        #expect(TemplateTags.partials(in: "{{<layout}}{{> person-card}}") == ["layout", "person-card"])
    }
}
