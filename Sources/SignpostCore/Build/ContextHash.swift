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
        // Dispatch on the exact type first: a failed `as?` cast from a dictionary to a class
        // goes through Foundation's bridging and copies the whole dictionary.
        switch ValueKind(of: value) {
        case .string: hasher.combine(0); hasher.combine(value as! String)
        case .bool: hasher.combine(1); hasher.combine(value as! Bool)
        case .int: hasher.combine(2); hasher.combine(value as! Int)
        case .dictionary: feed(value as! [String: Any], into: &hasher)
        case .templateValues:
            hasher.combine(7)
            hasher.combine((value as! TemplateValues).fingerprint { values in
                var own = Hasher()
                feed(values, into: &own)
                return own.finalize()
            })
        case .fragment:
            // What it is made from, so that checking a page does not render its fragments.
            hasher.combine(6); hasher.combine((value as! Fragment).fingerprint)
        case .array(let items):
            hasher.combine(4); hasher.combine(items.count)
            for item in items { feed(item, into: &hasher) }
        case .other:
            // Other collections (such as [[String: String]]) by their contents: a dictionary's
            // description lists its entries in no fixed order. Anything else is described in full.
            if let dictionary = value as? [String: Any] {
                feed(dictionary, into: &hasher)
            } else if let items = value as? [Any] {
                hasher.combine(4); hasher.combine(items.count)
                for item in items { feed(item, into: &hasher) }
            } else {
                hasher.combine(5); hasher.combine(String(describing: value))
            }
        }
    }
}

/// The kinds of value page contexts hold, told apart by exact type rather than by casting.
enum ValueKind {
    case string, bool, int, dictionary, templateValues, fragment, array([Any]), other

    init(of value: Any) {
        let type = Swift.type(of: value)
        if type == String.self { self = .string }
        else if type == [String: Any].self { self = .dictionary }
        else if type == TemplateValues.self { self = .templateValues }
        else if type == Fragment.self { self = .fragment }
        else if type == Bool.self { self = .bool }
        else if type == Int.self { self = .int }
        else if type == [Any].self { self = .array(value as! [Any]) }
        else if type == [[String: Any]].self { self = .array((value as! [[String: Any]]).map { $0 as Any }) }
        else if type == [TemplateValues].self { self = .array((value as! [TemplateValues]).map { $0 as Any }) }
        else if type == [String].self { self = .array((value as! [String]).map { $0 as Any }) }
        else { self = .other }
    }
}
