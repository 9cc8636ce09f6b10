import Foundation
@testable import SignpostModel
import Testing

/// File and setting names come from the content; printed raw, a name holding ESC [2J would
/// clear the office's screen, and U+202E would reorder the message around it.
@Suite("Terminal output")
struct TerminalTextTests {
    @Test func diagnosticsWriteControlCharactersOut() {
        let diagnostic = Diagnostic(file: "Content/agencies/\u{1B}[2Jx\u{7}.md", line: 3,
                                    "unknown setting `ph\u{9B}one\u{202E}` — \u{2066}x\u{2069}\nforged: error", suggestion: "did you mean \"phone\"?\r")
        #expect(diagnostic.description == #"Content/agencies/\u{1B}[2Jx\u{7}.md:3:1: error: unknown setting `ph\u{9B}one\u{202E}` — \u{2066}x\u{2069}\u{A}forged: error — did you mean "phone"?\u{D}"#)
        // Ordinary text, accents and other scripts included, is left as it is.
        let plain = Diagnostic(file: "Content/schools/école.md", "the heading “Ça va” skips a level — 日本語", suggestion: "x")
        #expect(plain.description == "Content/schools/école.md:1:1: error: the heading “Ça va” skips a level — 日本語 — x")
    }

    @Test func aWholeReportKeepsItsLines() {
        #expect(TerminalText.escaped("a\n\tb\u{1B}c", keepingLines: true) == "a\n\tb\\u{1B}c")
    }

    @Test func jsonKeepsItsMeaningWithoutRawControls() throws {
        let diagnostic = Diagnostic(file: "x\u{1B}\u{9B}\u{202E}\u{7F}.md", "m")
        let json = TerminalText.escapedJSON(DiagnosticJSON.encode([diagnostic], schools: 1))
        #expect(!json.unicodeScalars.contains { TerminalText.needsEscaping($0) && $0 != "\n" })
        struct Report: Decodable { struct Finding: Decodable { var file: String }; var findings: [Finding] }
        let decoded = try JSONDecoder().decode(Report.self, from: Data(json.utf8))
        #expect(decoded.findings.first?.file == "x\u{1B}\u{9B}\u{202E}\u{7F}.md")
    }
}
