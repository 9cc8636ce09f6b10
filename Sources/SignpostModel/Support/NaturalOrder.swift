/// Sorts names as people expect ("Service 2" before "Service 10", case ignored), with
/// each key worked out once: locale-aware comparison on every pair was a large part of a
/// build (Tests/bench/README.md).
package enum NaturalOrder {
    package static func sorted<T>(_ items: [T], by name: (T) -> String) -> [T] {
        items.map { (key: key(name($0)), item: $0) }
            .sorted { $0.key < $1.key }
            .map(\.item)
    }

    /// Lower-cased, with every run of digits padded so that numbers compare by value.
    static func key(_ text: String) -> String {
        text.isASCII ? asciiKey(text) : unicodeKey(text)
    }

    static func unicodeKey(_ text: String) -> String {
        var key = ""
        var digits = ""
        func flush() {
            if !digits.isEmpty { key += String(repeating: "0", count: max(0, 12 - digits.count)) + digits; digits = "" }
        }
        for character in text.lowercased() {
            if character.isASCII && character.isNumber { digits.append(character) } else { flush(); key.append(character) }
        }
        flush()
        return key
    }

    /// The same key for ASCII text, worked over bytes (Character by Character it was most of
    /// the time spent resolving a county).
    static func asciiKey(_ text: String) -> String {
        var key: [UInt8] = []
        key.reserveCapacity(text.utf8.count + 12)
        var digits: [UInt8] = []
        func flush() {
            if !digits.isEmpty {
                key.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: max(0, 12 - digits.count)))
                key.append(contentsOf: digits)
                digits.removeAll(keepingCapacity: true)
            }
        }
        for byte in text.utf8 {
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { digits.append(byte); continue }
            flush()
            key.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte)
        }
        flush()
        return String(decoding: key, as: UTF8.self)
    }
}
