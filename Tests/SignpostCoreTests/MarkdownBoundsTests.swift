import Foundation
import SignpostRender
import Testing

/// Shapes of Markdown that Debian's cmark-gfm 0.29 parses in quadratic time are refused
/// before parsing, each with a message naming the line. Each input here would take from
/// seconds to hours to render unbounded; the tests assert the message, never a duration.
@Suite("Markdown bounds", .timeLimit(.minutes(1)))
struct MarkdownBoundsTests {
    let renderer = MarkdownRenderer()

    static func table(columns: Int, rows: Int) -> String {
        "|" + (0..<columns).map { "h\($0)" }.joined(separator: "|") + "|\n|" + String(repeating: "---|", count: columns) + "\n"
            + String(repeating: "|" + String(repeating: "cell|", count: columns) + "\n", count: rows)
    }

    /// Each case by name (the inputs are large, so they are made in the test, not shown as arguments).
    static let pathological: [String: (markdown: @Sendable () -> String, line: Int, message: String)] = [
        "wide table": ({ "Intro.\n\n" + table(columns: 70, rows: 3) }, 3, "this table has 70 columns; Signpost allows up to 64"),
        "wide row": ({ "|a|b|\n|-|-|\n|x|y|\n" + String(repeating: "|x", count: 50_000) + "|\n" }, 4, "this table row has 50000 cells"),
        "wide heading row": ({ String(repeating: "|x", count: 50_000) + "|\n|-|\n" }, 1, "heading row has 50000 cells"),
        "wide delimiter row": ({ "a\n" + String(repeating: "|-", count: 50_000) + "|\n" }, 1, "this table has 50000 columns"),
        "many cells": ({ "Intro.\n\n" + table(columns: 60, rows: 2_000) }, 1_669, "more than 100000 cells in all"),
        "long paragraph before a table": ({ String(repeating: "word\n", count: 2_500) + "a|b\n-|-\n" }, 2_501, "comes straight after 2501 lines of text"),
        "deep quotes": ({ "ok\n\n" + String(repeating: ">", count: 150) + " deep" }, 3, "puts 150 quotes or lists inside each other"),
        "deep lists and quotes": ({ "ok\n" + String(repeating: "- > ", count: 200) + "x" }, 2, "puts 400 quotes or lists"),
        "www. after underscores": ({ "Visit\n" + String(repeating: "www.a_", count: 40_000) }, 2, "holds many web addresses"),
        "@ in one run": ({ "Mail\n" + String(repeating: "a@", count: 400_000) }, 2, "has 400000 @ signs"),
        "images around empty links": ({ "---\n" + String(repeating: "![[]()", count: 166_000) }, 2, "[ brackets that no ] closes"),
        "open brackets, then links, in a quote": ({ "> start\n" + String(repeating: "> ![a [b\n", count: 1_000) + String(repeating: "> [x](y)\n", count: 2_000) },
                                                 2_001, "this paragraph has 2000 [ brackets that no ] closes"),
        "emails on one line": ({ String(repeating: "x@y.org ", count: 20_000) }, 1, "has 20000 @ signs"),
    ]

    @Test(arguments: pathological.keys.sorted())
    func pathologicalShapesAreRefusedWithTheirLine(name: String) throws {
        let shape = try #require(Self.pathological[name])
        let result = renderer.render(shape.markdown())
        let refused = try #require(result.refused, "rendered \(result.html.utf8.count) bytes of HTML")
        #expect(refused.message.contains(shape.message), "\(refused.message)")
        #expect(refused.line == shape.line, "line \(refused.line)")
        #expect(!refused.suggestion.isEmpty)
        #expect(result.html.isEmpty)
    }

    @Test(arguments: [
        table(columns: 12, rows: 400),
        "Intro line\n" + table(columns: 4, rows: 3),
        "Escaped \\| pipes | in | a | table\n|-|-|-|-|\n|`a|b`|c|d|e|\n",
        "> quoted\n> > twice\n> > > three times\n\n- list\n  - nested\n    - more\n",
        String(repeating: "Contact office@school.sch.uk or head@school.sch.uk, or see www.school.sch.uk/about_us. ", count: 2_000),
        "* * *\n\n- - -\n\n| a |\n|:-:|\n| b |\n",
        String(repeating: "- [A service](https://example.org/a) and [another](https://example.org/b)\n", count: 1_500),
        "|a|b|\n|-|-|\n" + String(repeating: "|[x](https://example.org/x) [y](/y) [z](/z)|[w](/w) [v](/v)|\n", count: 400),
        String(repeating: "Escaped \\[ brackets \\[ here\n", count: 1_000),
        String(repeating: "[A service](https://example.org/a) and [another](/b)\n", count: 20_000),
        String(repeating: "[", count: 3_000) + " unclosed, then a few links: [a](/a) [b](/b)\n",
        String(repeating: "A long paragraph line without a blank line.\n", count: 3_000) + "\nThen a table:\n\n" + table(columns: 3, rows: 10),
    ])
    func realContentIsRendered(markdown: String) {
        let result = renderer.render(markdown)
        #expect(result.refused == nil, "\(result.refused?.message ?? "")")
        #expect(!result.html.isEmpty)
    }
}
