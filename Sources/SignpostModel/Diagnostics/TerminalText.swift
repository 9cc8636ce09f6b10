/// Text about to be shown in a terminal, with control characters written out instead of
/// obeyed. File and setting names come from the content: a file named with `ESC [2J` would
/// clear the screen, and a right-to-left override (U+202E) would reorder the message around it.
public enum TerminalText {
    /// C0 controls, DEL, C1 controls (a terminal may read U+009B as the start of a command) and
    /// the bidirectional embeddings, overrides and isolates.
    static func needsEscaping(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
    }

    /// `\u{1B}[2J` for ESC [2J. `keepingLines`: newlines and tabs stay as they are (a whole report).
    public static func escaped(_ text: String, keepingLines: Bool = false) -> String {
        let keep: (Unicode.Scalar) -> Bool = { keepingLines && ($0 == "\n" || $0 == "\t") }
        guard text.unicodeScalars.contains(where: { needsEscaping($0) && !keep($0) }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if needsEscaping(scalar), !keep(scalar) {
                result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// JSON from `JSONEncoder`, which escapes C0 controls itself but writes DEL, C1 controls and
    /// bidi overrides as they are: those become `\u009B`-style escapes, which read back as the
    /// same text (they can only occur inside JSON strings).
    public static func escapedJSON(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: needsEscaping) else { return json }
        var result = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if needsEscaping(scalar), scalar.value >= 0x20 {
                let hex = String(scalar.value, radix: 16)
                result.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}
