import Foundation
import Testing
import CCmarkGFM
@testable import SignpostCore

/// Markdown is parsed on many threads at once, each with its own cmark-gfm parser. The parser
/// keeps its inline special characters in one global table that each parse used to add to and
/// take from; these tests hold the library and `MarkdownRenderer.registered` to reading it only.
@Suite("Markdown on many threads", .timeLimit(.minutes(1)))
struct MarkdownThreadTests {
    /// Strikethrough (`~`) and web addresses (`:`, `w`) need the shared table; tables parse
    /// each row's inlines on their own, which added and removed the characters once per row.
    static let text = (0..<40).map { number in
        "Para \(number) ~~gone~~ see www.example.org/\(number) or https://example.org/\(number).\n\n|a|b|\n|-|-|\n|~~x~~|www.example.com|\n"
    }.joined(separator: "\n")

    @Test func parsesOnManyThreadsMatchOneThread() async {
        let renderer = MarkdownRenderer()
        let expected = renderer.render(Self.text).html
        #expect(expected.contains("<del>gone</del>"))
        #expect(expected.contains("<a href=\"http://www.example.org/39\">"))
        let differing = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var differing = 0
                    for _ in 0..<60 where renderer.render(Self.text).html != expected { differing += 1 }
                    return differing
                }
            }
            return await group.reduce(0, +)
        }
        #expect(differing == 0)
    }

    @Test func aTextOverTheTimeLimitIsLeftOut() throws {
        let renderer = MarkdownRenderer(timeLimit: .nanoseconds(1))
        let result = renderer.render(String(repeating: "A paragraph with *emphasis* and [a link](/x).\n\n", count: 200))
        let refused = try #require(result.refused)
        #expect(refused.message.contains("took more than"))
        #expect(result.html.isEmpty)
    }
}

extension MarkdownThreadTests {
    /// Package.swift exports the stand-in from every program, so parsing takes no lock.
    @Test func parsingTakesNoLock() {
        _ = MarkdownRenderer.registered
        #expect(SpecialCharacters.isShared)
    }

    /// What another thread's parse does when its inlines end, through the symbol the library's
    /// own call reaches: with the library's function, `~` and `:` left the table, and a parse
    /// running meanwhile read `~~` as plain text.
    @Test func aParseEndingElsewhereTakesNoCharacterAway() throws {
        let renderer = MarkdownRenderer()
        _ = renderer.render("warm up")
        let symbol = try #require(dlsym(nil, "cmark_manage_extensions_special_characters"))
        let manage = unsafeBitCast(symbol, to: SpecialCharacters.Manage.self)
        let other = cmark_parser_new(MarkdownRenderer.options)!
        MarkdownRenderer.attachExtensions(to: other)
        manage(other, 0)
        cmark_parser_free(other)
        let html = renderer.render("~~gone~~ www.example.org").html
        #expect(html.contains("<del>gone</del>"), "\(html)")
        #expect(html.contains("<a href=\"http://www.example.org\">"), "\(html)")
    }
}
