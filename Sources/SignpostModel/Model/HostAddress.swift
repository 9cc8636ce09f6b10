import Glibc

/// What a web address's host is when it is written as a number: the computer the page is
/// opened on, a private network, or a public address. The C library's own parsers read the
/// number, so every spelling a browser accepts is recognised: `2130706433`, `0177.0.0.1`,
/// `0x7f.0.0.1` and `127.1` are all 127.0.0.1 (`inet_aton`), and `[::1]` or
/// `[::ffff:127.0.0.1]` are read as IPv6 (`inet_pton`).
public enum HostAddress: Equatable, Sendable {
    case thisComputer
    case privateNetwork
    case publicAddress

    /// nil when the host is a name rather than a number.
    public static func classify(_ host: String) -> HostAddress? {
        var name = host
        if name.hasPrefix("["), name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        // A name ending in a dot is the same host (`127.0.0.1.` is 127.0.0.1).
        if name.hasSuffix("."), !name.contains(":") { name.removeLast() }
        if name.contains(":") {
            var address = in6_addr()
            guard inet_pton(AF_INET6, name, &address) == 1 else { return nil }
            return classify(ipv6: withUnsafeBytes(of: address) { Array($0) })
        }
        // inet_aton reads any mix of decimal, octal (0…) and hex (0x…) parts, one to four of them.
        guard let first = name.utf8.first, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") else { return nil }
        var address = in_addr()
        guard inet_aton(name, &address) != 0 else { return nil }
        let value = UInt32(bigEndian: address.s_addr)
        return classify(ipv4: [UInt8(value >> 24), UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff)])
    }

    static func classify(ipv4 bytes: [UInt8]) -> HostAddress {
        switch (bytes[0], bytes[1]) {
        case (127, _), (0, _): return .thisComputer
        case (10, _), (192, 168), (169, 254): return .privateNetwork
        case (172, let second) where (16...31).contains(second): return .privateNetwork
        case (100, let second) where (64...127).contains(second): return .privateNetwork
        default: return .publicAddress
        }
    }

    static func classify(ipv6 bytes: [UInt8]) -> HostAddress {
        if bytes[0..<10].allSatisfy({ $0 == 0 }) {
            // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (the old compatible form) carry an IPv4 address.
            if bytes[10] == 0xff && bytes[11] == 0xff { return classify(ipv4: Array(bytes[12...])) }
            if bytes[10] == 0 && bytes[11] == 0 {
                if bytes[12..<15].allSatisfy({ $0 == 0 }) && bytes[15] <= 1 { return .thisComputer }
                return classify(ipv4: Array(bytes[12...]))
            }
        }
        if bytes[0] & 0xfe == 0xfc || (bytes[0] == 0xfe && bytes[1] & 0xc0 == 0x80) { return .privateNetwork }
        return .publicAddress
    }
}
