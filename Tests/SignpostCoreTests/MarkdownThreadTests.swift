import Foundation
import SignpostRender
import Testing

/// Markdown is rendered on many threads at once. cmark-gfm keeps its inline special characters
/// in one global table that each parse adds to and takes from, so a parse ending on one thread
/// can take `~` from another: these tests hold the renderer to the same HTML on every thread.
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
