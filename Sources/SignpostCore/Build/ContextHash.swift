/// A fingerprint of the values a template receives: equal fingerprints mean the page would
/// render to the same bytes, so an incremental rebuild can leave it as it is.
enum ContextHash {
    static func of(_ value: Any) -> Int {
        var hasher = Hasher()
        feed(value, into: &hasher)
        return hasher.finalize()
    }

    private static func feed(_ value: Any, into hasher: inout Hasher) {
        switch value {
        case let text as String:
            hasher.combine(0); hasher.combine(text)
        case let flag as Bool:
            hasher.combine(1); hasher.combine(flag)
        case let number as Int:
            hasher.combine(2); hasher.combine(number)
        case let dictionary as [String: Any]:
            hasher.combine(3); hasher.combine(dictionary.count)
            for key in dictionary.keys.sorted() {
                hasher.combine(key)
                feed(dictionary[key]!, into: &hasher)
            }
        case let array as [Any]:
            hasher.combine(4); hasher.combine(array.count)
            for item in array { feed(item, into: &hasher) }
        case let values as TemplateValues:
            feed(values.values, into: &hasher)
        case let fragment as Fragment:
            // Its HTML, rendered here if no page has needed it yet (it is kept for the page).
            hasher.combine(6); hasher.combine(fragment.renderText)
        default:
            // Anything else is described in full, so a value we did not expect still counts.
            hasher.combine(5); hasher.combine(String(describing: value))
        }
    }
}
