extension String {
    /// `hasPrefix`, with A–Z and a–z counted the same (web address schemes, `mailto:`…),
    /// compared over bytes: no lower-cased copy of the text on paths that run for every link.
    package func hasPrefix(ignoringASCIICase prefix: String) -> Bool {
        func folded(_ byte: UInt8) -> UInt8 { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte }
        return utf8.count >= prefix.utf8.count && zip(utf8, prefix.utf8).allSatisfy { folded($0) == folded($1) }
    }
}

extension UInt8 {
    /// A–Z or a–z.
    package var isASCIILetter: Bool { (self | 0x20) >= 97 && (self | 0x20) <= 122 }
    /// 0–9.
    package var isASCIIDigit: Bool { self >= 48 && self <= 57 }
}

extension StringProtocol {
    /// Only ASCII bytes: each byte is then one Character (but "\r\n"), and checks can go byte
    /// by byte rather than Character by Character.
    package var isASCII: Bool { utf8.allSatisfy { $0 < 0x80 } }
}
