import SignpostModel
@testable import SignpostRender
import Testing

/// What the scanner must find in running text (and so link), and what it must leave alone.
/// Written out by hand from the UK's number ranges, not worked out from the validator, so a
/// scanner and validator that drift apart fail here.
@Suite("PhoneScanner")
struct PhoneScannerTests {
    @Test(arguments: [
        ("Call 01905 822666 today.", ["01905 822666"]),
        ("Call 01905822666.", ["01905822666"]),
        ("Ring 0800 1111 or 116 123, any time.", ["0800 1111", "116 123"]),
        ("Anti-Terrorist Hotline: 0800 789 321", ["0800 789 321"]),
        ("London 020 7946 0000 and Birmingham 0121 496 0000", ["020 7946 0000", "0121 496 0000"]),
        ("From abroad: +44 (0)1905 822666", ["+44 (0)1905 822666"]),
        ("Mobile +44 7700 900123 (texts too)", ["+44 7700 900123"]),
        ("Helpline 0300 123 3393 or 0808-800-5000", ["0300 123 3393", "0808-800-5000"]),
        ("Keswick 017687 12345 and Brampton 016977 3456", ["017687 12345", "016977 3456"]),
        ("In an emergency call 112, or 101 if it is not an emergency; 0800 1111", ["112", "101", "0800 1111"]),
        ("Directory enquiries on 118 118 and the helpline 116 000", ["118 118", "116 000"]),
        // Not numbers: references, dates, prices, paths, glued words, too long or too short.
        ("Reference 12345678 on the form.", []),
        ("Reviewed 2025-09-01 and 2026-10-31.", []),
        ("Costs £0800 1111 a year", []),
        ("Version v1.01905822666", []),
        ("Path /01905822666", []),
        ("Glued é01905822666 here", []),
        ("Then 01905822666é glued", []),
        ("Number 01905 822666/2 with a slash", []),
        ("Too long 019058226661234", []),
        ("Too short 01905 8226 and 0190 582", []),
        ("Text SHOUT to 85258 or 88802", []),
    ])
    func findsExactlyTheNumbers(text: String, numbers: [String]) {
        let found = PhoneScanner.numbers(in: text).map { String(text[$0]) }
        #expect(found == numbers, "\(text)")
    }

    /// Every number the scanner finds is one the validator accepts, shown as Ofcom groups it.
    @Test func whatItFindsIsValid() {
        let text = "Call 01905 822666, 0800 789 321, 020 7946 0000, 116 123 or 015394 12345."
        let found = PhoneScanner.numbers(in: text).map { String(text[$0]) }
        #expect(found.map { UKPhone.problem($0) } == Array(repeating: nil, count: 5))
        #expect(found.map(UKPhone.display) == ["01905 822666", "0800 789 321", "020 7946 0000", "116 123", "015394 12345"])
    }
}
