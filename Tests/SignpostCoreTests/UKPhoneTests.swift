import SignpostModel
import Testing

@Suite("UKPhone")
struct UKPhoneTests {
    @Test(arguments: [
        "01905 822666", "01905822666", "0800 1111", "116 123", "116123", "116 000", "999", "112", "101", "111",
        "07700 900123", "07700900123", "+44 7700 900123", "+447700900123", "+44 (0)1905 822666", "+44 1905 822666",
        "020 7946 0000", "0121 496 0000", "0808 800 5000", "0300 123 4567", "01905-822666", " 01905 822666 ",
        "016977 3456", "0800 789 321", "118 118", "015394 12345",
    ])
    func validNumbers(number: String) {
        #expect(UKPhone.problem(number) == nil)
    }

    @Test(arguments: [
        "12345", "", "   ", "0190 CALL US", "Freephone", "ext 2", "07700 9001234", "0190 582", "1234 567890",
        "01905 8226", "85258",
    ])
    func invalidNumbers(number: String) {
        #expect(UKPhone.problem(number) != nil)
    }

    @Test func textShortCodesOnlyWhenMarkedAsText() {
        #expect(UKPhone.problem("85258", isText: true) == nil)
        #expect(UKPhone.problem("85258") != nil)
        #expect(UKPhone.problem("12345", isText: true) == nil)
        #expect(UKPhone.problem("1234", isText: true) != nil)
    }

    @Test func problemMessagesExplain() {
        #expect(UKPhone.problem("0190 CALL US")?.contains("letters") == true)
        #expect(UKPhone.problem("0190 582")?.contains("7 digits") == true)
        #expect(UKPhone.problem("12345")?.contains("not a UK phone number") == true)
    }

    /// Ofcom's groupings, range by range (National Telephone Numbering Plan).
    @Test(arguments: [
        // 02x: 02x xxxx xxxx
        ("02079460000", "020 7946 0000"), ("029 2018 0000", "029 2018 0000"), ("+44 28 9649 6000", "028 9649 6000"),
        // 011x and 01x1: 011x xxx xxxx, 01x1 xxx xxxx
        ("01134960000", "0113 496 0000"), ("01214960000", "0121 496 0000"), ("01614960000", "0161 496 0000"),
        ("0131 496 0000", "0131 496 0000"), ("01914960000", "0191 496 0000"),
        // 01xxx xxxxxx, and 01xxx xxxxx for the 10-digit numbers
        ("01905822666", "01905 822666"), ("01905 822 666", "01905 822666"), ("01632960000", "01632 960000"),
        ("+44 (0)1905 822666", "01905 822666"), ("0175012345", "01750 12345"),
        // Five-digit codes: 01xxxx xxxxx (and 016977 xxxx)
        ("01539412345", "015394 12345"), ("01768712345", "017687 12345"), ("01697712345", "016977 12345"),
        ("0169773456", "016977 3456"), ("01339712345", "013397 12345"),
        // 03xx xxx xxxx
        ("03001234567", "0300 123 4567"), ("0300 123 3393", "0300 123 3393"), ("03451234567", "0345 123 4567"),
        // 07xxx xxxxxx
        ("07700900123", "07700 900123"), ("+44 7700 900123", "07700 900123"),
        // 0800 xxx xxxx, the 10-digit 0800 xxx xxx, and Childline's 0800 1111
        ("08001234567", "0800 123 4567"), ("0800 789 321", "0800 789 321"), ("0800789321", "0800 789 321"),
        ("08001111", "0800 1111"), ("0800 1111", "0800 1111"),
        // 0808 xxx xxxx, 084x/087x, 09xx
        ("08088005000", "0808 800 5000"), ("08444775774", "0844 477 5774"), ("08451234567", "0845 123 4567"),
        ("08701234567", "0870 123 4567"), ("09098790000", "0909 879 0000"),
        // 05x xxxx xxxx
        ("05612345678", "056 1234 5678"),
        // 116 xxx, 118 xxx, and the short numbers
        ("116123", "116 123"), ("116 000", "116 000"), ("118118", "118 118"),
        ("999", "999"), ("112", "112"), ("101", "101"), ("111", "111"),
        // Text short codes are shown as they are
        ("85258", "85258"), ("88802", "88802"),
        // Not a number: as written
        ("not a number", "not a number"), ("0190 582", "0190 582"),
    ])
    func displayGrouping(input: String, expected: String) {
        #expect(UKPhone.display(input) == expected)
    }

    @Test func hrefs() {
        #expect(UKPhone.href("01905 822666") == "tel:01905822666")
        #expect(UKPhone.href("+44 (0)1905 822666") == "tel:01905822666")
        #expect(UKPhone.href("116 123") == "tel:116123")
        #expect(UKPhone.href("85258", isText: true) == "sms:85258")
    }

    @Test func digitsDropsFormatting() {
        #expect(UKPhone.digits("(01905) 822-666") == "01905822666")
        #expect(UKPhone.digits("+44 20 7946 0000") == "02079460000")
    }
}

@Suite("LinkRules")
struct LinkRulesTests {
    enum Expect: Sendable { case ok, warning, error }

    @Test(arguments: [
        ("https://www.nspcc.org.uk", Expect.ok),
        ("https://www.nspcc.org.uk/keeping-children-safe/?a=1#x", .ok),
        ("HTTPS://WWW.NSPCC.ORG.UK", .ok),
        ("http://www.nspcc.org.uk", .warning),
        ("file:///U:/Policies/policy.pdf", .error),
        ("FILE://server/share/policy.pdf", .error),
        ("U:\\Policies\\policy.docx", .error),
        ("c:/Users/office/policy.pdf", .error),
        ("\\\\school-server\\share\\policy.pdf", .error),
        ("https:www.example.org", .error),
        ("https:/www.example.org", .error),
        ("www.example.org", .error),
        ("https://localhost/page", .error),
        ("http://127.0.0.1:8000/", .error),
        ("https://intranet/page", .error),
        ("https://server.local/page", .error),
        ("https://10.0.0.5/page", .error),
        ("https://192.168.1.20/page", .error),
        ("https://172.16.4.1/page", .error),
        ("https://172.32.4.1/page", .ok),
        ("ftp://files.example.org/x", .error),
        ("mailto:office@school.sch.uk", .error),
        ("javascript:alert(1)", .error),
        ("just some words", .error),
        ("https://", .error),
    ])
    func websites(url: String, expected: Expect) {
        let verdict = LinkRules.checkWebsite(url)
        switch (verdict, expected) {
        case (.ok, .ok), (.warning, .warning), (.error, .error): break
        default: Issue.record("\(url): got \(verdict), expected \(expected)")
        }
    }

    @Test(arguments: [
        ("https:www.example.org", "https://www.example.org"),
        ("https:/www.example.org/page", "https://www.example.org/page"),
        ("http:www.example.org", "http://www.example.org"),
        ("www.example.org", "https://www.example.org"),
    ])
    func websiteFixSuggestions(url: String, fixed: String) {
        guard case let .error(_, suggestion) = LinkRules.checkWebsite(url) else {
            Issue.record("\(url) should be an error"); return
        }
        #expect(suggestion == "write \"\(fixed)\"")
    }

    @Test(arguments: [
        ("office@school.sch.uk", true),
        ("first.last+tag@worcestershire.gov.uk", true),
        (" office@school.sch.uk ", true),
        ("office@school", false),
        ("office at school.sch.uk", false),
        ("office @school.sch.uk", false),
        ("mailto:office@school.sch.uk", false),
        ("@school.sch.uk", false),
        ("office@@school.sch.uk", false),
        ("", false),
    ])
    func emails(address: String, valid: Bool) {
        #expect((LinkRules.checkEmail(address) == .ok) == valid, "\(address): \(LinkRules.checkEmail(address))")
    }

    @Test func mailtoSuggestionDropsPrefix() {
        #expect(LinkRules.checkEmail("mailto:office@school.sch.uk")
            == .error("write the email address without \"mailto:\"", suggestion: "write \"office@school.sch.uk\""))
    }

    @Test(arguments: [
        ("javascript:alert(1)", true),
        ("  JavaScript:alert(1)", true),
        ("java\nscript:alert(1)", true),
        ("java\tscript:alert(1)", true),
        ("vbscript:msgbox", true),
        ("data:text/html;base64,AAAA", true),
        ("file:///etc/passwd", true),
        ("https://example.org", false),
        ("mailto:a@b.org", false),
        ("tel:01905822666", false),
        ("pages/policy/index.html", false),
        ("#section", false),
    ])
    func unsafeSchemes(url: String, unsafe: Bool) {
        #expect(LinkRules.isUnsafeScheme(url) == unsafe)
    }
}
