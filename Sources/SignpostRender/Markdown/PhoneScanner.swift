import SignpostModel

/// Finds UK phone numbers in running text ("call 01905 822666 or 0800 1111").
/// A hand-written scanner over UTF-8 bytes rather than a Regex or Characters: it runs on
/// every text node of every page, and both cost far more than the Markdown parse itself.
enum PhoneScanner {
    static func numbers(in text: String) -> [Range<String.Index>] {
        var text = text
        let spans = text.withUTF8 { scan(bytes: $0) }
        guard !spans.isEmpty else { return [] }
        // Numbers start and end on ASCII bytes, which are always character boundaries here.
        let utf8 = text.utf8
        return spans.map { utf8.index(utf8.startIndex, offsetBy: $0.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: $0.upperBound) }
    }

    static func scan(bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        // Most text has no run of six digits at all: skip it cheaply.
        var digits = 0
        for byte in bytes where isDigit(byte) { digits += 1; if digits >= 6 { break } }
        guard digits >= 6 else { return [] }

        var found: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let startsNumber = (byte == UInt8(ascii: "0") || byte == UInt8(ascii: "1") || byte == UInt8(ascii: "+"))
                && !continuesWord(before: index, in: bytes)
            if startsNumber, let end = number(in: bytes, from: index) {
                found.append(index..<end)
                index = end
            } else {
                index += 1
            }
        }
        return found
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte.isASCIIDigit }

    /// A number must not be glued to a word, a price or a path ("£0800", "v1.0800", "/0800").
    static func continuesWord(before index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard index > 0 else { return false }
        let byte = bytes[index - 1]
        if byte < 0x80 { return isDigit(byte) || byte.isASCIILetter || ".,/_-".utf8.contains(byte) }
        guard let scalar = scalar(endingBefore: index, in: bytes) else { return true }
        return scalar == "£" || isWordScalar(scalar)
    }

    /// What may not follow a number: a letter, a digit or a slash.
    static func continuesNumber(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let byte = bytes[index]
        if byte < 0x80 { return isDigit(byte) || byte.isASCIILetter || byte == UInt8(ascii: "/") }
        guard let scalar = scalar(startingAt: index, in: bytes) else { return true }
        return isWordScalar(scalar)
    }

    /// The longest valid UK number starting at `start`: digits with single spaces or hyphens
    /// between them, and an optional "+44 (0)" prefix.
    static func number(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        func has(_ prefix: StaticString, at index: Int) -> Bool {
            let count = prefix.utf8CodeUnitCount
            guard index + count <= bytes.count else { return false }
            return (0..<count).allSatisfy { bytes[index + $0] == prefix.utf8Start[$0] }
        }
        let international = bytes[start] == UInt8(ascii: "+")
        var index = start
        if international {
            guard has("+44", at: index) else { return nil }
            index += 3
            if index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
            if has("(0)", at: index) { index += 3 }
            if index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
        }
        var lastDigitEnd: Int?
        var best: Int?
        var count = 0
        while index < bytes.count {
            let byte = bytes[index]
            if isDigit(byte) {
                count += 1
                index += 1
                lastDigitEnd = index
                if count > 11 { break }
                // Only the lengths a UK number can have are worth validating.
                // The same digits `UKPhone.digits` would take from the text so far.
                if [3, 6, 8, 10, 11].contains(count),
                   UKPhone.isValidNumber(digits: UKPhone.national(String(decoding: bytes[start..<index].filter(isDigit), as: UTF8.self),
                                                                  international: international)),
                   index == bytes.count || !continuesNumber(at: index, in: bytes) {
                    best = index
                }
            } else if (byte == UInt8(ascii: " ") || byte == UInt8(ascii: "-")), lastDigitEnd == index {
                index += 1
            } else {
                break
            }
        }
        return best
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return properties.isAlphabetic || properties.numericType != nil
        }
    }

    static func scalar(endingBefore index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        var start = index - 1
        while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return scalar(startingAt: start, in: bytes)
    }

    static func scalar(startingAt index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        var iterator = UnsafeBufferPointer(rebasing: bytes[index...]).makeIterator()
        var decoder = Unicode.UTF8()
        if case let .scalarValue(scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }
}
