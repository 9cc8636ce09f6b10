import Foundation

/// Style text (CSS) in a school's template or an SVG logo: it may not load anything from
/// another website or run anything (old browsers ran `expression()`), and escapes (`\75 rl(`)
/// could hide either, so they are refused.
enum StyleText {
    /// What is wrong, completing "the style …", or nil. `allowRelative`: `url(…)` may name a
    /// file of the site; otherwise only a part of the same picture (`url(#fade)`).
    static func problem(_ css: String, allowRelative: Bool) -> String? {
        if css.contains("\\") { return "uses \\ escapes, which can hide what a style does" }
        let text = withoutComments(css.lowercased())
        if text.contains("@import") { return "loads another style sheet with @import" }
        for risky in ["expression(", "-moz-binding", "behavior"] where hasProperty(risky, in: text) {
            return "uses \(risky.trimmingCharacters(in: ["("])), which can run scripts in old browsers"
        }
        var rest = Substring(text)
        while let url = rest.range(of: "url(") {
            let argument = rest[url.upperBound...].prefix { $0 != ")" }.trimmingCharacters(in: [" ", "\"", "'", "\t", "\n", "\r", "\u{0C}"])
            let elsewhere = allowRelative ? scheme(argument) != nil || argument.hasPrefix("//") : !argument.hasPrefix("#")
            if elsewhere { return "loads \(argument.prefix(40)) from another place" }
            rest = rest[url.upperBound...]
        }
        for quote in ["\"", "'"] {
            for (index, piece) in text.components(separatedBy: quote).enumerated() where index % 2 == 1 {
                let trimmed = piece.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix("//") || ["http", "https", "ftp", "ws", "wss", "file"].contains(scheme(trimmed) ?? "") {
                    return "names \(trimmed.prefix(40)), which a style could load from another place"
                }
            }
        }
        return nil
    }

    /// `/* … */` taken out (each as a space), in one pass.
    static func withoutComments(_ css: String) -> String {
        var result = ""
        var rest = Substring(css)
        while let open = rest.range(of: "/*") {
            result += rest[..<open.lowerBound] + " "
            guard let close = rest.range(of: "*/", range: open.upperBound..<rest.endIndex) else { return result }
            rest = rest[close.upperBound...]
        }
        return result + rest
    }

    /// `behavior` on its own, not inside `scroll-behavior` (nor `expression(` inside a longer name).
    static func hasProperty(_ name: String, in text: String) -> Bool {
        var rest = Substring(text)
        while let found = rest.range(of: name) {
            let before = found.lowerBound > text.startIndex ? text[text.index(before: found.lowerBound)] : " "
            if name.hasPrefix("-") || !(before.isLetter || before.isNumber || before == "-" || before == "_") { return true }
            rest = rest[found.upperBound...]
        }
        return false
    }

    /// `https` for `https://…`: letters, digits, `+ - .` before a colon, starting with a letter.
    static func scheme(_ address: String) -> String? {
        guard let colon = address.firstIndex(of: ":"), let first = address.first, first.isASCII, first.isLetter else { return nil }
        let name = address[..<colon]
        guard name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else { return nil }
        return name.lowercased()
    }
}
