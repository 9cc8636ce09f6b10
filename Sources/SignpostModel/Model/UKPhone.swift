/// UK telephone numbers: which are real, and how people expect to see them grouped.
public enum UKPhone {
    /// Digits only, with +44 turned back into 0.
    public static func digits(_ text: String) -> String {
        // Over bytes: every phone link on every page goes through here.
        var digits: [UInt8] = []
        digits.reserveCapacity(16)
        for byte in text.utf8 where byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { digits.append(byte) }
        let international = text.utf8.drop(while: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }).starts(with: "+44".utf8)
        return national(String(decoding: digits, as: UTF8.self), international: international)
    }

    /// The digits as dialled in the UK: +44 1905 … and +44 (0)1905 … become 01905 ….
    package static func national(_ digits: String, international: Bool) -> String {
        guard international else { return digits }
        var digits = "0" + digits.dropFirst(2)
        if digits.hasPrefix("00") { digits.removeFirst() }
        return digits
    }

    /// Whether digits (as `digits` gives them) make a UK number: emergency and short numbers,
    /// 116 helplines, 118 directory enquiries, and 11-digit numbers (10 for some 01 and 0800
    /// numbers). `problem` explains the rest; the text scanner calls this directly on what it
    /// has already found to be digits.
    package static func isValidNumber(digits d: String) -> Bool {
        if ["999", "112", "101", "111", "105", "119"].contains(d) { return true }
        if d.count == 6, d.hasPrefix("116") || d.hasPrefix("118") { return true }
        guard d.hasPrefix("0") else { return false }
        if d == "08001111" { return true } // Childline's memorable 8-digit freephone number
        return d.count == 11 || (d.count == 10 && (d.hasPrefix("01") || d.hasPrefix("0800")))
    }

    /// Why a number cannot be a UK number, or nil when it can.
    public static func problem(_ text: String, isText: Bool = false) -> String? {
        let trimmed = text.trimmed(newlines: false)
        if trimmed.isEmpty { return "the phone number is empty" }
        if trimmed.contains(where: { $0.isLetter }) {
            return "\"\(trimmed)\" has letters in it; give only the number (put words such as \"ext. 2\" or \"text SHOUT\" in the label)"
        }
        let d = digits(trimmed)
        if isValidNumber(digits: d) { return nil }
        if isText, (5...6).contains(d.count), !d.hasPrefix("0") { return nil }
        guard d.hasPrefix("0") else { return "\"\(trimmed)\" is not a UK phone number (UK numbers start with 0, or are short numbers such as 999, 101, 111 or 116 123)" }
        return "\"\(trimmed)\" has \(d.count) digits; UK numbers have 11 (for example 01905 822666)"
    }


    /// Grouped as Ofcom's numbering plan writes each range: 020 7946 0000, 0121 496 0000,
    /// 01905 822666, 015394 12345, 0300 123 4567, 07700 900123, 0800 123 4567, 0800 789 321,
    /// 116 123. Short codes for texts (85258) are shown as they are.
    public static func display(_ text: String) -> String {
        let d = digits(text)
        guard problem(text) == nil || (5...6).contains(d.count) else { return text.trimmed(newlines: false) }
        guard let sizes = grouping(d) else { return d }
        var parts: [Substring] = []
        var rest = Substring(d)
        for size in sizes where !rest.isEmpty {
            parts.append(rest.prefix(size))
            rest = rest.dropFirst(size)
        }
        if !rest.isEmpty { parts.append(rest) }
        return parts.joined(separator: " ")
    }

    /// Areas with a five-digit code after the 0 (their own local numbers are five digits, or
    /// four on some 016977 lines), where the usual 01xxx xxxxxx split would cut the code.
    static let sixFigureCodes: Set<String> = ["013397", "013398", "013873", "015242", "015394", "015395", "015396",
                                              "016973", "016974", "016977", "017683", "017684", "017687", "019467"]

    /// The sizes of the groups a number's digits are written in, or nil to write them unbroken.
    static func grouping(_ d: String) -> [Int]? {
        switch d.count {
        case 6 where d.hasPrefix("116") || d.hasPrefix("118"): return [3, 3]
        case ...6: return nil // 999, 101, text short codes
        case 8 where d.hasPrefix("0800"): return [4, 4]
        case 10:
            if d.hasPrefix("0800") { return [4, 3, 3] }
            if sixFigureCodes.contains(String(d.prefix(6))) { return [6, 4] }
            return [5, 5]
        case 11:
            if d.hasPrefix("02") || d.hasPrefix("05") { return [3, 4, 4] }
            if d.hasPrefix("011") || (d.hasPrefix("01") && d.dropFirst(3).first == "1") { return [4, 3, 4] }
            if sixFigureCodes.contains(String(d.prefix(6))) { return [6, 5] }
            if d.hasPrefix("01") || d.hasPrefix("07") { return [5, 6] }
            return [4, 3, 4] // 03, 08 and 09 numbers
        default: return nil
        }
    }

    /// The `tel:` (or `sms:`) address: digits only, which every phone understands.
    public static func href(_ text: String, isText: Bool = false) -> String {
        (isText ? "sms:" : "tel:") + digits(text)
    }
}
