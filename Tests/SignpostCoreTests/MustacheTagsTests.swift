import Foundation
import Mustache
import Testing
@testable import SignpostCore

/// The tag reader must find exactly the tags swift-mustache finds, or the checks built on it
/// (include circles, nesting, the school-template policy) would look at a different template.
@Suite("Mustache tags")
struct MustacheTagsTests {
    func tags(_ text: String) throws -> [MustacheTag] { try MustacheTags.parse(text).get() }

    @Test func kindsNamesLinesAndNesting() throws {
        let text = """
        <p>{{title}}</p>
        {{#school}}{{{intro}}}{{& body}}{{^people}}none{{/people}}{{/school}}
        {{> footer}}{{>*dynamic}}{{! a comment }}
        {{<layout}}
        {{$content}}{{name}}{{/content}}
        {{/layout}}
        {{$h}}h3{{/h}}
        """
        let read = try tags(text)
        let summary = read.map { "\($0.kind):\($0.name):\($0.line):\($0.depth)" }
        #expect(summary == [
            "variable:title:1:0", "section:school:2:0", "unescaped:intro:2:1", "ampersand:body:2:1",
            "inverted:people:2:1", "close:people:2:1", "close:school:2:0", "partial:footer:3:0",
            "dynamicPartial:dynamic:3:0", "comment::3:0", "parent:layout:4:0", "blockOverride:content:5:1",
            "variable:name:5:2", "close:content:5:1", "close:layout:6:0", "block:h:7:0", "close:h:7:0",
        ])
        // Each tag knows what it sits in, and each close what it closes.
        #expect(read[2].enclosing == 1 && read[6].opener == 1 && read[12].enclosing == 11 && read[14].opener == 10)
        #expect(read[7].includes && read[10].includes && !read[8].includes && read[8].isDynamic)
        #expect(try tags("{{<*which}}{{/*which}}").first?.isDynamic == true)
    }

    @Test func delimiterChangesLastUntilTheSectionEnds() throws {
        let read = try tags("{{#a}}{{=<% %>=}}<%x%>{{y}}<%/a%>{{z}}")
        #expect(read.map(\.name) == ["a", "<% %>", "x", "a", "z"])
        #expect(read.map(\.kind) == [.section, .setDelimiters, .variable, .close, .variable])
    }

    @Test func commentsEndWhereSwiftMustacheEndsThem() throws {
        // Its search for the end does not try again at the character that broke a partial match:
        // "x%%%>" does not end the comment, so <%y%%> is inside it.
        let text = "{{=<% %%>=}}<%! x%%%> <%y%%>"
        let read = try tags(text)
        #expect(read.map(\.kind) == [.setDelimiters, .comment])
        #expect(try !MustacheTemplate(string: text).render(["y": "RENDERED"]).contains("RENDERED"))
        #expect(try MustacheTemplate(string: "{{=<% %%>=}}<%! x %%> <%y%%>").render(["y": "RENDERED"]).contains("RENDERED"))
        #expect(try tags("{{=<% %%>=}}<%! x %%> <%y%%>").last?.name == "y")
    }

    @Test func aDelimiterBeforeALineBreakOrAtTheEndIsDropped() throws {
        #expect(try tags("a{{\nb{{#x}}{{/x}}").map(\.kind) == [.dropped, .section, .close])
        #expect(try tags("a{{\r\nb").map(\.kind) == [.dropped])
        #expect(try tags("a{{").map(\.kind) == [.dropped])
        #expect(try MustacheTemplate(string: "a{{\nb").render([String: String]()) == "a\nb")
    }

    @Test func fiftyThousandNestedSectionsAreReadWithoutRecursion() throws {
        let read = try tags(String(repeating: "{{#a}}", count: 50_000) + String(repeating: "{{/a}}", count: 50_000))
        #expect(read.map(\.depth).max() == 49_999)
    }

    @Test(arguments: [
        ("{{#a}}x", "{{#a}} on line 1 is never closed"),
        ("{{#a}}\n{{/b}}", "{{/b}} closes nothing that is open here"),
        ("{{/a}}", "{{/a}} closes nothing"),
        ("x {{name", "this tag is not finished"),
        ("{{<layout}}{{x}}{{/layout}}", "cannot go directly inside {{<layout}}"),
        ("{{{x}}", "needs a third closing brace"),
        ("{{% OTHER: x }}", "is not a setting"),
        ("{{=<%=}}", "delimiter change is not written correctly"),
        ("{{a(b}}", "is not written correctly"),
        ("text {", "ends part-way through a tag"),
    ])
    func mistakesAreFoundWithTheirLine(text: String, message: String) throws {
        let result = MustacheTags.parse(text)
        guard case let .failure(error) = result else {
            Issue.record("\(text) was read")
            return
        }
        #expect(error.message.contains(message), "\(error.message)")
        // swift-mustache refuses each of them too.
        #expect(throws: (any Error).self) { try MustacheTemplate(string: text) }
    }

    @Test func everyThemeTemplateReadsAsSwiftMustacheReadsIt() throws {
        let folder = County.theme.appendingPathComponent("templates")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".mustache") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let read = try tags(text)
            _ = try MustacheTemplate(string: text)
            // The text between the tags, put back together, is the template.
            var rebuilt = ""
            var cursor = 0
            let chars = Array(text)
            for tag in read {
                rebuilt += String(chars[cursor..<tag.start]) + String(chars[tag.start..<tag.end])
                cursor = tag.end
            }
            #expect(rebuilt + String(chars[cursor...]) == text, "\(name)")
            #expect(read.allSatisfy { $0.depth < 10 }, "\(name)")
        }
    }

    @Test(arguments: ["{{a}}", "{{#a}}{{/a}}", "{{ a.b }}", "{{#first()}}x{{/first()}}", "{{uppercased(a)}}", "{{>  p }}",
                      "{{<p}}{{$b}}x{{/b}}{{/p}}", "{{=| |=}}|a|", "{{% CONTENT_TYPE: HTML }}", "{{!\n}}", "{{", "a}}"])
    func acceptsWhatSwiftMustacheAccepts(text: String) throws {
        _ = try MustacheTemplate(string: text)
        #expect(throws: Never.self) { try MustacheTags.parse(text).get() }
    }
}

/// A fixed-seed fuzz: the theme's templates with random tags, braces and delimiters spliced
/// in. The tag reader must accept exactly what swift-mustache accepts, or a school's
/// template would be refused for nothing, or reach swift-mustache unchecked.
@Suite("Mustache tags against swift-mustache")
struct MustacheTagsAgreementTests {
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static let pieces = ["{{", "}}", "{{{", "}}}", "{{#a}}", "{{/a}}", "{{^b}}", "{{/b}}", "{{> footer}}", "{{>*x}}", "{{<layout}}",
                         "{{/layout}}", "{{$content}}", "{{/content}}", "{{! c }}", "{{=<% %>=}}", "<%x%>", "<%/a%>", "{{=| |=}}",
                         "|y|", "{{% CONTENT_TYPE: HTML }}", "{{&z}}", "{{first()}}", "{{a(b}}", "{{ a.b }}", "{", "}", "\n", "\r\n",
                         "<p>", "{{#first()}}", "{{/first()}}", "{{$h}}h3{{/h}}", "%>", "<%", "{{ }}", "{{.}}", "{{#é}}", "{{/é}}"]

    @Test func theReaderAcceptsExactlyWhatSwiftMustacheAccepts() throws {
        let folder = County.theme.appendingPathComponent("templates")
        let seeds = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().filter { $0.hasSuffix(".mustache") }
            .map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
        var random = Generator(state: 20_251_126)
        var disagreements: [String] = []
        for _ in 0..<600 {
            var text = Array(seeds[random.next(seeds.count)])
            for _ in 0..<(1 + random.next(4)) {
                let at = random.next(text.count + 1)
                if random.next(3) == 0, !text.isEmpty {
                    text.removeSubrange(at..<min(text.count, at + 1 + random.next(12)))
                } else {
                    text.insert(contentsOf: Self.pieces[random.next(Self.pieces.count)], at: at)
                }
            }
            let template = String(text)
            let ours = (try? MustacheTags.parse(template).get()) != nil
            let theirs = (try? MustacheTemplate(string: template)) != nil
            if ours != theirs { disagreements.append("ours \(ours), swift-mustache \(theirs):\n\(template)") }
        }
        #expect(disagreements.isEmpty, "\(disagreements.count) disagreements; first:\n\(disagreements.first ?? "")")
    }
}
