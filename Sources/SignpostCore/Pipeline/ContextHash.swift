/// A fingerprint of the values a template receives: equal fingerprints mean the page would
/// render to the same bytes, so an incremental rebuild can leave it as it is.
enum ContextHash {
    static func of(_ value: Any) -> Int {
        var hasher = Hasher()
        feed(value, into: &hasher)
        return hasher.finalize()
    }

    /// Entries are hashed one by one and summed, so the order a dictionary happens to hold
    /// them in does not matter, without sorting the keys of every dictionary.
    private static func feed(_ dictionary: [String: Any], into hasher: inout Hasher) {
        var sum = 0
        for (key, value) in dictionary {
            var entry = Hasher()
            entry.combine(key)
            feed(value, into: &entry)
            sum &+= entry.finalize()
        }
        hasher.combine(3); hasher.combine(dictionary.count); hasher.combine(sum)
    }

    private static func feed(_ value: Any, into hasher: inout Hasher) {
        switch ValueKind(of: value) {
        case .string(let text): hasher.combine(0); hasher.combine(text)
        case .text(let text): hasher.combine(0); hasher.combine(text.text)
        case .bool(let flag): hasher.combine(1); hasher.combine(flag)
        case .int(let number): hasher.combine(2); hasher.combine(number)
        case .dictionary(let dictionary): feed(dictionary, into: &hasher)
        case .templateValues(let values):
            hasher.combine(7)
            hasher.combine(values.fingerprint { values in
                var own = Hasher()
                feed(values, into: &own)
                return own.finalize()
            })
        case .fragment(let fragment):
            // What it is made from, so that checking a page does not render its fragments.
            hasher.combine(6); hasher.combine(fragment.fingerprint)
        case .array(let items):
            hasher.combine(4); hasher.combine(items.count)
            for item in items { feed(item, into: &hasher) }
        case .other:
            // Anything else is described in full, so a value we did not expect still counts.
            hasher.combine(5); hasher.combine(String(describing: value))
        }
    }
}
