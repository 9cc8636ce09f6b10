import Foundation
@testable import SignpostRender
import SignpostValidate
import Testing

/// The words of an entry's text that the A to Z's search finds it by: folded as families'
/// words are, each once, without link targets, web or email addresses.
@Suite("Text words")
struct TextWordsTests {
    @Test func wordsAreFoldedOnceInOrderWithoutAddresses() {
        let text = """
        ## Can't sleep? Café–help

        Call us, or read [our advice](https://example.org/advice) at www.example.org/help or
        email help@example.org. The Café helps, and HELPS again: naïve ‘worries’ (don’t wait).
        See <https://example.org/x> and a [page](../other.md).
        """
        #expect(TextWords.of(text) == "cant sleep cafe help call us or read our advice at email the helps and again naive worries dont wait see page")
    }

    @Test func oneLetterWordsAndEmptyTextsGiveNothing() {
        #expect(TextWords.of("") == "")
        #expect(TextWords.of("a b c 1 2") == "")
        #expect(TextWords.of("@ x@ @y a@b") == "")
    }

    /// The words as they were first found, with Foundation's regular expressions over the
    /// whole text: any text must give the same words, so a county's search finds what it did.
    static func reference(_ markdown: String) -> String {
        var plain = markdown.replacingOccurrences(of: #"\]\([^)\s]*\)"#, with: "]", options: .regularExpression)
        plain = plain.replacingOccurrences(of: #"(https?://|www\.)\S+|\S+@\S+"#, with: " ", options: .regularExpression)
        var seen = Set<String>()
        var kept: [String] = []
        for word in TopicWords.key(plain).split(separator: " ") where word.count > 1 {
            if seen.insert(String(word)).inserted { kept.append(String(word)) }
        }
        return kept.joined(separator: " ")
    }

    @Test func anyTextGivesTheWordsTheRegularExpressionsGave() {
        let pieces = ["word", "Word", "WORD", " ", "  ", "\n", "\t", "'", "’", "@", "]", "(", ")", "](", "http://", "https://",
                      "www.", "x", "é", "Ärger", "–", "-", ".", ",", "ß", "naïve", "e\u{301}", "\u{301}", "\u{A0}", "1", "42",
                      "_", "#", "|", "*", "can't", "don’t", "a@b.c", "日本", "🙂", "İ"]
        var seed: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            // A fixed sequence, so a failure can be run again.
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        for _ in 0..<3000 {
            let text = (0..<next(24)).map { _ in pieces[next(pieces.count)] }.joined()
            #expect(TextWords.of(text) == Self.reference(text), "\(text.debugDescription)")
        }
    }
}
