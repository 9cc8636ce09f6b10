/// Web-address-safe names. Slugs come only from file and folder names, so checking
/// them here is what keeps every output path inside `Site/`.
public enum Slug {
    public static func isValid(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 100 && text.first != "-" &&
            text.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// A suggestion for a name that is not valid: "Family Front Door" → "family-front-door".
    public static func make(_ text: String) -> String {
        var result = ""
        for character in text.lowercased() {
            if character.isASCII && (character.isLetter || character.isNumber) { result.append(character) }
            else if !result.isEmpty && result.last != "-" { result.append("-") }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result.isEmpty ? "page" : result
    }
}
