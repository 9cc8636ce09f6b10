import Foundation
@testable import SignpostModel
import Testing

/// Emails are published as `mailto:` + the address, so anything but a plain address would
/// add recipients or text to every email a family sends.
@Suite("Plain email addresses")
struct PlainEmailTests {
    @Test(arguments: [
        ("x@y.org?cc=victim@evil.example", "write only the address, e.g. x@y.org"),
        ("x?bcc=victim%40evil.example&subject=hi@school.sch.uk", "write only the address, e.g. name@school.sch.uk"),
        ("office@school.sch.uk&body=hello", "write only the address, e.g. office@school.sch.uk"),
        ("office@school.sch.uk,victim@evil.example", "write only one address, e.g. office@school.sch.uk"),
        ("office@school.sch.uk; head@school.sch.uk", "write only one address, e.g. office@school.sch.uk"),
        ("office%40evil.example@school.sch.uk", "an email address looks like name@school.sch.uk, with no spaces"),
        ("of#fice@school.sch.uk", "an email address looks like name@school.sch.uk, with no spaces"),
        ("mailto:office@school.sch.uk?cc=victim@evil.example", "write \"office@school.sch.uk\""),
        (".office@school.sch.uk", "an email address looks like name@school.sch.uk, with no spaces"),
    ])
    func onlyAPlainAddressIsAccepted(address: String, suggestion: String) {
        guard case let .error(_, given) = LinkRules.checkEmail(address) else {
            Issue.record("\(address) was accepted")
            return
        }
        #expect(given == suggestion, "\(address)")
    }

    /// The one-pass check of ASCII addresses accepts exactly what the rules below it accept.
    @Test(arguments: [("a@b.co", true), ("first.last+tag@school.sch.uk", true), ("o'neil@x-y.org.uk", true), ("a@-b.co", true),
                      ("A9@B.CO", true), (".a@b.co", false), ("a.@b.co", false), ("a..b@c.co", false), ("a@b", false), ("a@b.c", false),
                      ("a@b..co", false), ("a@.co", false), ("a@b.c1", false), ("@b.co", false), ("a@b@c.co", false),
                      ("a b@c.co", false), ("a@b.co.", false), ("a@b_c.co", false), ("a<b@c.co", false), ("a@b.co\r\n", false),
                      ("", false), ("é@b.co", false)])
    func theQuickCheckAgreesWithTheRules(address: String, plain: Bool) {
        #expect(LinkRules.isPlainASCII(address) == plain, "\(address)")
        #expect((LinkRules.checkEmail(address) == .ok) == plain, "\(address)")
    }

    @Test(arguments: ["office@school.sch.uk", "first.last+tag@worcestershire.gov.uk", "o'brien@school.sch.uk", "a_b-c@x-y.org.uk"])
    func plainAddressesAreAccepted(address: String) {
        #expect(LinkRules.checkEmail(address) == .ok)
    }

    /// Every place an email is read: an agency's emails, a school, its people, a get-help-now line.
    @Test func everyEmailSettingIsChecked() {
        let bad = "office@school.sch.uk?cc=victim@evil.example"
        let tree = ContentTree(school: """
        ---
        name: Test First School
        area: worcs
        phone: "01905 772740"
        email: \(bad)
        people:
          - name: Jane Smith
            roles: [headteacher, dsl]
            email: \(bad)
        agencies: all
        ---
        Welcome.
        """)
        tree.write("areas/worcs/area.md", ContentTree.area(name: "Worcestershire", levels: ["universal"], extra: "")
            .replacingOccurrences(of: "    phone: \"999\"\n", with: "    phone: \"999\"\n    email: \(bad)\n"))
        tree.write("agencies/nspcc.md", """
        ---
        name: NSPCC
        emails: ["\(bad)"]
        levels: [universal]
        ---
        """)
        let (_, log) = tree.load()
        let refused = log.errors(containing: "is not a plain email address")
        #expect(Set(refused.map(\.file)) == ["Content/schools/test-first/school.md", "Content/areas/worcs/area.md", "Content/agencies/nspcc.md"], "\(log.summary)")
        #expect(refused.count == 4, "\(log.summary)")
    }
}
