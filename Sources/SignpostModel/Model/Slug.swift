/// Web-address-safe names. Slugs come only from file and folder names, so checking
/// them here is what keeps every output path inside `Site/`.
public enum Slug {
    public static func isValid(_ text: String) -> Bool {
        // Over bytes: every content file's name is checked, and only ASCII can pass.
        let bytes = text.utf8
        return !bytes.isEmpty && bytes.count <= 100 && bytes.first != UInt8(ascii: "-") && bytes.allSatisfy {
            ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "-")
        }
    }

    /// A suggestion for a name that is not valid: "Family Front Door" → "family-front-door".
    public static func make(_ text: String) -> String {
        // ASCII text (most headings) byte by byte; the Characters of other text decide below.
        if text.isASCII {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            for byte in text.utf8 {
                if byte.isASCIILetter || byte.isASCIIDigit { bytes.append(byte.isASCIILetter ? byte | 0x20 : byte) }
                else if !bytes.isEmpty && bytes.last != UInt8(ascii: "-") { bytes.append(UInt8(ascii: "-")) }
            }
            while bytes.last == UInt8(ascii: "-") { bytes.removeLast() }
            return bytes.isEmpty ? "page" : String(decoding: bytes, as: UTF8.self)
        }
        var result = ""
        for character in text.lowercased() {
            if character.isASCII && (character.isLetter || character.isNumber) { result.append(character) }
            else if !result.isEmpty && result.last != "-" { result.append("-") }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result.isEmpty ? "page" : result
    }
}
