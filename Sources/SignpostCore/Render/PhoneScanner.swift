/// Finds UK phone numbers in running text ("call 01905 822666 or 0800 1111").
/// A hand-written scanner rather than a Regex: it runs on every text node of every page,
/// and Swift's Regex costs far more than the Markdown parse itself.
enum PhoneScanner {
    static func numbers(in text: String) -> [Range<String.Index>] {
        // Most text has no run of six digits at all: skip it cheaply.
        var digits = 0
        for byte in text.utf8 where byte >= 48 && byte <= 57 { digits += 1; if digits >= 6 { break } }
        guard digits >= 6 else { return [] }

        var found: [Range<String.Index>] = []
        var index = text.startIndex
        var previous: Character?
        while index < text.endIndex {
            let character = text[index]
            let startsNumber = (character == "0" || character == "1" || character == "+") && !continuesWord(previous)
            guard startsNumber, let end = scan(text, from: index) else {
                previous = character
                index = text.index(after: index)
                continue
            }
            found.append(index..<end)
            previous = text[text.index(before: end)]
            index = end
        }
        return found
    }

    /// A number must not be glued to a word, a price or a path ("£0800", "v1.0800", "/0800").
    static func continuesWord(_ character: Character?) -> Bool {
        guard let character else { return false }
        return character.isLetter || character.isNumber || "£.,/_-".contains(character)
    }

    /// The longest valid UK number starting at `start`: digits with single spaces or hyphens
    /// between them, and an optional "+44 (0)" prefix.
    static func scan(_ text: String, from start: String.Index) -> String.Index? {
        var index = start
        if text[index] == "+" {
            guard text[index...].hasPrefix("+44") else { return nil }
            index = text.index(index, offsetBy: 3)
            if index < text.endIndex, text[index] == " " { index = text.index(after: index) }
            if text[index...].hasPrefix("(0)") { index = text.index(index, offsetBy: 3) }
            if index < text.endIndex, text[index] == " " { index = text.index(after: index) }
        }
        var lastDigitEnd: String.Index?
        var best: String.Index?
        var count = 0
        while index < text.endIndex {
            let character = text[index]
            if character.isASCII && character.isNumber {
                count += 1
                index = text.index(after: index)
                lastDigitEnd = index
                if count > 11 { break }
                // Only the lengths a UK number can have are worth validating.
                if [3, 6, 8, 10, 11].contains(count), UKPhone.problem(String(text[start..<index])) == nil {
                    let next = index < text.endIndex ? text[index] : nil
                    if next == nil || !(next!.isLetter || next!.isNumber || next == "/") { best = index }
                }
            } else if (character == " " || character == "-"), let end = lastDigitEnd, end == index {
                index = text.index(after: index)
            } else {
                break
            }
        }
        return best
    }
}
