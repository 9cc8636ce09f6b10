import SignpostModel
import Testing

/// Web addresses that reach the computer a page is opened on, or a private network, are
/// refused however the number is written (issue 25: `0177.0.0.1`, `0x7f.0.0.1` and
/// `[::ffff:127.0.0.1]` were published).
@Suite("Host addresses")
struct HostAddressTests {
    @Test(arguments: [
        "http://127.0.0.1/", "http://0177.0.0.1/", "http://0x7f.0.0.1/", "http://0x7F000001/", "http://2130706433/",
        "http://127.1/", "http://017700000001/", "http://127.0.0.1./", "http://[::1]/", "http://[::ffff:127.0.0.1]/",
        "http://[::ffff:7f00:1]/", "http://[0:0:0:0:0:ffff:127.0.0.1]:8080/x", "http://0.0.0.0/", "http://0/", "http://[::]/",
        "https://app.localhost/",
    ])
    func thisComputerInEverySpelling(url: String) {
        guard case let .error(message, _) = LinkRules.checkWebsite(url) else {
            Issue.record("\(url) was accepted")
            return
        }
        #expect(message.contains("the computer it is opened on"), "\(url): \(message)")
    }

    @Test(arguments: [
        "http://10.1.2.3/", "http://012.1.2.3/", "http://0xa.1.2.3/", "http://167772161/", "http://192.168.1.1/", "http://0xc0.0xa8.1.1/",
        "http://172.16.0.1/", "http://169.254.169.254/latest/", "http://[::ffff:10.0.0.1]/", "http://[::ffff:192.168.0.1]/",
        "http://[fd00::1]/", "http://[fe80::1]/", "http://100.64.0.1/",
    ])
    func privateNetworksInEverySpelling(url: String) {
        guard case let .error(message, _) = LinkRules.checkWebsite(url) else {
            Issue.record("\(url) was accepted")
            return
        }
        #expect(message.contains("private network"), "\(url): \(message)")
    }

    @Test(arguments: ["https://8.8.8.8/", "https://172.32.4.1/", "https://[2001:db8::1]/", "https://1e100.net/", "https://0day.example.org/"])
    func publicAddressesAreAccepted(url: String) {
        #expect(LinkRules.checkWebsite(url) == .ok, "\(url)")
    }

    @Test func namesAreNotNumbers() {
        #expect(HostAddress.classify("www.nspcc.org.uk") == nil)
        #expect(HostAddress.classify("1e100.net") == nil)
        #expect(HostAddress.classify("0x7f.0.0.1") == .thisComputer)
    }
}
