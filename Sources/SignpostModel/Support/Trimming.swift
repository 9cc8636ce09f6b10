extension StringProtocol {
    /// The text without the spaces (and, by default, line breaks) at either end: the same
    /// characters as Foundation's `.whitespaces` and `.whitespacesAndNewlines`, but without
    /// bridging every value to NSString, a large part of reading a county's content
    /// (Tests/bench/README.md).
    package func trimmed(newlines: Bool = true) -> String {
        let scalars = unicodeScalars
        let isSpace = { (scalar: Unicode.Scalar) -> Bool in Self.isSpace(scalar, newlines: newlines) }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        // One copy of the bytes, not a scalar at a time.
        return String(self[first..<scalars.index(after: last)])
    }

    /// True when the text is empty or only spaces and line breaks.
    package var isBlank: Bool { unicodeScalars.allSatisfy { Self.isSpace($0, newlines: true) } }

    static func isSpace(_ scalar: Unicode.Scalar, newlines: Bool) -> Bool {
        switch scalar.value {
        case 0x20, 0x09: return true
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return newlines
        case ..<0x80: return false
        default: return scalar.properties.generalCategory == .spaceSeparator
        }
    }
}
