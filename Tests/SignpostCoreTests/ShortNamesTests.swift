import Foundation
import Mustache
import Testing
@testable import SignpostCore

/// Templates are compiled with short stand-ins for the names they look up (`ShortNames`):
/// the same pages must come out, and only the names a family knows may change.
@Suite("Short names in compiled templates")
struct ShortNamesTests {
    static func short(_ name: String) throws -> String {
        _ = TemplateSchema.families
        return try #require(ShortNames.register(name))
    }

    @Test func theNamesFamiliesKnowGetStandInsAndNothingElseChanges() throws {
        let summary = try Self.short("summary"), phones = try Self.short("phones"), number = try Self.short("number")
        #expect(summary.utf8.count == 2 && summary.first!.isNumber)
        let template = """
            {{! summary }}{{#summary}}<p>{{ summary }}</p>{{/summary}}{{^phones}}none{{/phones}}
            {{#phones}}{{{number}}}{{& number}}{{.}}{{/phones}}{{> entry-card}}{{<layout}}{{$lead}}x{{/lead}}{{/layout}}
            {{lowercased(summary)}}{{#first()}}f{{/first()}}{{not_a_key}}{{phones.number}}
            """
        #expect(ShortNames.compact(template) == """
            {{! summary }}{{#\(summary)}}<p>{{\(summary)}}</p>{{/\(summary)}}{{^\(phones)}}none{{/\(phones)}}
            {{#\(phones)}}{{{\(number)}}}{{&\(number)}}{{.}}{{/\(phones)}}{{> entry-card}}{{<layout}}{{$lead}}x{{/lead}}{{/layout}}
            {{lowercased(summary)}}{{#first()}}f{{/first()}}{{not_a_key}}{{\(phones).\(number)}}
            """)
    }

    @Test func afterADelimiterChangeTagsStayAsWritten() throws {
        let summary = try Self.short("summary")
        #expect(ShortNames.compact("{{summary}}{{=<% %>=}}<% summary %><%={{ }}=%>{{summary}}")
                == "{{\(summary)}}{{=<% %>=}}<% summary %><%={{ }}=%>{{summary}}")
    }

    @Test func everyFamilyAnswersToTheStandInAsToTheName() throws {
        var tables = TemplateSchema.families.values.flatMap { $0 }
        var seen = Set<ObjectIdentifier>()
        while let table = tables.popLast() {
            guard seen.insert(ObjectIdentifier(table)).inserted else { continue }
            tables += [table.inherits].compactMap { $0 } + Array(table.nested.values)
            for name in table.lookup.keys where !(name.first?.isNumber ?? true) {
                let short = try Self.short(name)
                #expect(table.lookup[short]?.own == table.lookup[name]?.own, "\(name)")
                #expect(table.lookup[short]?.inherited == table.lookup[name]?.inherited, "\(name)")
            }
        }
        #expect(seen.count > 20)
    }

    /// What the theme's templates render is the same whether they were compiled with the
    /// stand-ins or as written: sections, lists, escaping, values inherited and nested.
    @Test func aTemplateRendersTheSameCompiledShort() throws {
        let text = """
            {{#phones}}<li>{{number}} {{{number}}}{{#first()}} (first){{/first()}}</li>{{/phones}}{{^emails}}no email{{/emails}}
            {{#summary}}<p>{{summary}}</p>{{/summary}}{{uppercased(summary)}}
            """
        var phone = Values<PhoneKey>()
        phone[.number] = "01905 <822666>"
        var card = Values<CardKey>()
        card[.phones] = [phone, phone]
        card[.summary] = "Help & advice"
        let short = try #require(Theme.compile(["t": text], displayRoot: "test", log: DiagnosticLog()))
        var written = MustacheLibrary()
        try written.register(Theme.escapingPragma + text, named: "t")
        let rendered = short.render(card.object, withTemplate: "t")
        #expect(rendered == written.render(card.object, withTemplate: "t"))
        #expect(rendered?.contains("01905 &lt;822666&gt; 01905 <822666> (first)") == true)
        #expect(rendered?.contains("<p>Help &amp; advice</p>HELP &amp; ADVICE") == true)
        #expect(ShortNames.compact(text) != text)
    }

    @Test func aMistakeIsReportedFromTheTemplateAsWritten() {
        let log = DiagnosticLog()
        #expect(Theme.compile(["t": "<p>\n{{#summary}}{{summary}}{{/phones}}</p>"], displayRoot: "test", log: log) == nil)
        let message = log.all.map(\.message).joined()
        #expect(message.contains("this template has a mistake"))
        #expect(!message.contains(ShortNames.compact("{{summary}}").dropFirst(2).dropLast(2)), "\(message)")
    }
}
