import Foundation
@testable import SignpostModel
@testable import SignpostRender
import SignpostResolve
import Testing

@Suite("BrandColour")
struct ColourTests {
    @Test(arguments: [
        ("#1d5fa0", "#1d5fa0"),
        ("1d5fa0", "#1d5fa0"),
        ("#ABC", "#aabbcc"),
        (" #ffffff ", "#ffffff"),
    ])
    func parsesHex(input: String, hex: String) {
        #expect(BrandColour(hex: input)?.hex == hex)
    }

    @Test(arguments: ["red", "#12345", "#1234567", "#gggggg", "", "#"])
    func rejectsNonColours(input: String) {
        #expect(BrandColour(hex: input) == nil)
    }

    @Test func contrastExtremes() throws {
        let white = try #require(BrandColour(hex: "#ffffff"))
        let black = try #require(BrandColour(hex: "#000000"))
        #expect(abs(white.contrastWithWhite - 1) < 0.001)
        #expect(abs(black.contrastWithWhite - 21) < 0.001)
        // GOV.UK blue #1d70b8 is about 5.17:1 against white.
        let govuk = try #require(BrandColour(hex: "#1d70b8"))
        #expect(abs(govuk.contrastWithWhite - 5.17) < 0.05)
    }

    @Test func darkColourIsUnchanged() throws {
        let navy = try #require(BrandColour(hex: "#0b0c0c"))
        #expect(navy.darkenedForContrast() == navy)
    }

    @Test(arguments: ["#ffff00", "#ffffff", "#00ff00", "#87ceeb", "#ff8800", "#1d70b8", "#d4351c", "#f0f0f0"])
    func darkeningReachesAA(input: String) throws {
        let colour = try #require(BrandColour(hex: input))
        let safe = colour.darkenedForContrast()
        #expect(safe.contrastWithWhite >= 4.5)
        // What the site actually publishes is the hex, so that must pass too.
        let published = try #require(BrandColour(hex: safe.hex))
        #expect(published.contrastWithWhite >= 4.5, "\(input) → \(safe.hex) has \(published.contrastWithWhite):1")
    }

    /// Every colour on a coarse grid: the published hex of the darkened colour passes AA.
    @Test func darkenedHexAlwaysPassesAcrossTheGrid() throws {
        var failures: [String] = []
        for r in stride(from: 0, through: 255, by: 15) {
            for g in stride(from: 0, through: 255, by: 15) {
                for b in stride(from: 0, through: 255, by: 15) {
                    let hex = String(format: "#%02x%02x%02x", r, g, b)
                    let safe = BrandColour(hex: hex)!.darkenedForContrast()
                    if BrandColour(hex: safe.hex)!.contrastWithWhite < 4.5 { failures.append("\(hex)→\(safe.hex)") }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) colours fail after rounding, e.g. \(failures.prefix(5))")
    }

    @Test func darkeningKeepsTheHue() throws {
        let colour = try #require(BrandColour(hex: "#ff8800"))
        let safe = colour.darkenedForContrast()
        #expect(safe.blue == 0)
        // Each step is rounded to a published 8-bit hex, so the ratio holds to within rounding.
        #expect(abs(safe.green / safe.red - colour.green / colour.red) < 0.01)
        #expect(safe.red < colour.red)
    }
}

@Suite("Slug")
struct SlugTests {
    @Test(arguments: [
        ("family-front-door", true), ("nspcc", true), ("camhs-west-2", true), ("a", true),
        ("Family", false), ("family front door", false), ("-leading", false), ("", false),
        ("young_carers", false), ("café", false), ("a.b", false), ("../x", false), ("a/b", false),
        (String(repeating: "a", count: 100), true), (String(repeating: "a", count: 101), false),
    ])
    func validity(text: String, valid: Bool) {
        #expect(Slug.isValid(text) == valid)
    }

    @Test(arguments: [
        ("Family Front Door", "family-front-door"),
        ("NSPCC", "nspcc"),
        ("young_carers", "young-carers"),
        ("4.2 Early Help", "4-2-early-help"),
        ("St. Mary's C of E", "st-mary-s-c-of-e"),
        ("  --Hello--  ", "hello"),
        ("!!!", "page"),
        ("", "page"),
        ("What is CAMHS?", "what-is-camhs"),
    ])
    func make(text: String, slug: String) {
        #expect(Slug.make(text) == slug)
        #expect(Slug.isValid(Slug.make(text)))
    }
}

@Suite("Suggestion")
struct SuggestionTests {
    static let agencies = ["samaritans", "nspcc", "camhs-west", "camhs-cast", "family-front-door", "mentor-link"]

    @Test(arguments: [
        ("phnoe", ["phone", "email", "website"], "phone"),
        ("camhs-wst", agencies, "camhs-west"),
        ("samaritan", agencies, "samaritans"),
        ("NSPCC", agencies, "nspcc"),
        ("family-frontdoor", agencies, "family-front-door"),
        ("mentor", agencies, "mentor-link"),
        ("websties", ["websites", "phones"], "websites"),
    ] as [(String, [String], String)])
    func findsNearest(word: String, candidates: [String], expected: String) {
        #expect(Suggestion.nearest(to: word, in: candidates) == expected)
    }

    @Test(arguments: [
        ("zzzzzz", agencies),
        ("childline", agencies),
        ("x", [String]()),
    ] as [(String, [String])])
    func noSuggestionWhenNothingIsClose(word: String, candidates: [String]) {
        #expect(Suggestion.nearest(to: word, in: candidates) == nil)
    }

    @Test func didYouMeanWording() {
        #expect(Suggestion.didYouMean("phnoe", in: ["phone"]) == "did you mean \"phone\"?")
        #expect(Suggestion.didYouMean("qqqqqq", in: ["phone"]) == nil)
    }

    @Test func editDistance() {
        #expect(Suggestion.editDistance(Array("kitten"), Array("sitting")) == 3)
        #expect(Suggestion.editDistance(Array(""), Array("abc")) == 3)
        #expect(Suggestion.editDistance(Array("same"), Array("same")) == 0)
    }
}

@Suite("Day")
struct DayTests {
    @Test(arguments: [("2025-09-01", true), ("2024-02-29", true), ("2025-02-29", false), ("2025-13-01", false),
                      ("2025-04-31", false), ("1 September 2025", false), ("2025-9-1", true), ("", false)])
    func parsing(text: String, valid: Bool) {
        #expect((Day(text) != nil) == valid)
    }

    @Test func formatting() throws {
        let day = try #require(Day("2025-09-01"))
        #expect(day.description == "1 September 2025")
        #expect(day.iso == "2025-09-01")
        #expect(Day("2024-02-29")!.adding(years: 1) == Day("2025-02-28")!)
        #expect(Day("2025-01-01")! < Day("2025-01-02")!)
    }
}

/// `trimmed()` replaces Foundation's `trimmingCharacters(in:)` on hot paths: it must cut the same characters.
@Suite("Trimming")
struct TrimmingTests {
    static let samples = ["", "   ", " a ", "\t\ta b\t", "\n\nline\r\n", "\u{A0}non-breaking\u{A0}", "\u{3000}wide\u{2003}",
                          "\u{2028}sep\u{2029}", "\u{85}next\u{85}", " é ", "x\u{301} ", "\u{FEFF}bom", "a\u{B}\u{C}"]

    @Test(arguments: samples)
    func sameAsFoundation(text: String) {
        #expect(text.trimmed() == text.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(text.trimmed(newlines: false) == text.trimmingCharacters(in: .whitespaces))
        #expect(text.isBlank == text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
        #expect(Substring(text).trimmed() == text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

@Suite("Short web addresses")
struct ShortURLTests {
    @Test(arguments: [
        ("https://www.nspcc.org.uk/", "www.nspcc.org.uk"), ("HTTPS://Www.Example.org/a/b/", "Www.Example.org/a/b"),
        ("http://kooth.com", "kooth.com"), ("www.childline.org.uk", "www.childline.org.uk"), ("https://", ""),
        ("http:/x", "http:/x"), ("https://café.example/menu", "café.example/menu"), ("", ""),
    ])
    func dropsTheSchemeAndTheLastSlash(url: String, short: String) {
        #expect(EntryValues.shortURL(url) == short)
    }
}

@Suite("Natural order")
struct NaturalOrderTests {
    @Test(arguments: ["Service 2", "Service 10", "service 10b", "CAMHS", "camhs", "Year 7-9 group", "0800 1111",
                      "A1B22C333", "", "  spaced  ", "Zz-Top_99.5", "007", "1234567890123"])
    func asciiKeysMatchTheGeneralOnes(name: String) {
        #expect(NaturalOrder.asciiKey(name) == NaturalOrder.unicodeKey(name))
    }

    @Test func numbersSortByValueAndCaseIsIgnored() {
        let names = ["Service 10", "service 2", "Service 1", "Église", "apple", "Banana"]
        #expect(NaturalOrder.sorted(names) { $0 } == ["apple", "Banana", "Service 1", "service 2", "Service 10", "Église"])
    }
}

@Suite("Links inside the site")
struct InternalLinkTests {
    @Test(arguments: [
        ("pages/policy/index.html", true), ("#section-2", true), ("../index.html", true), ("", false),
        ("https://www.nspcc.org.uk", false), ("HTTP://example.org", false), ("Mailto:office@school.org", false),
        ("TEL:0800 1111", false), ("sms:85258", false), ("http", true), ("telephone-help.html", true),
    ])
    func onlyLinksWithoutASchemeAreTheSites(link: String, inSite: Bool) {
        let checker = MarkdownLinkChecker(site: ResolvedSite(content: Content(site: SiteConfig(), topics: [], national: [:], areas: [:], schools: []), schools: []),
                                          markdown: RenderedTexts(), plans: [])
        #expect(checker.isInternal(link) == inSite)
    }
}
