/// Sorts names as people expect ("Service 2" before "Service 10", case ignored), with
/// each key worked out once: locale-aware comparison on every pair was a tenth of a build.
enum NaturalOrder {
    static func sorted<T>(_ items: [T], by name: (T) -> String) -> [T] {
        items.map { (key: key(name($0)), item: $0) }
            .sorted { $0.key < $1.key }
            .map(\.item)
    }

    /// Lower-cased, with every run of digits padded so that numbers compare by value.
    static func key(_ text: String) -> String {
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
}
