import Synchronization

/// Short stand-ins for the names templates look up, used only inside compiled templates.
/// swift-mustache splits a name into its dotted parts, Character by Character, on every
/// lookup, so each `{{…}}` costs more the longer its name is. A theme is compiled with each
/// key name replaced by a stand-in of two characters, and every `KeyTable` answers to both.
/// A stand-in starts with a digit, which no key name does; names no family has stay as they
/// are (they show nothing either way), and so do transforms and every tag after a change of
/// delimiters. Messages about a template always come from its text as written.
enum ShortNames {
    /// name → stand-in, in the order families first list them (one process's tables agree).
    private static let given = Mutex<[String: String]>([:])
    private static let digits = Array("0123456789")
    private static let symbols = Array("0123456789abcdefghijklmnopqrstuvwxyz")

    /// The stand-in for a key name, given the first time a family lists it; nil once all
    /// two-character stand-ins are taken (the name is then looked up as it is).
    static func register(_ name: String) -> String? {
        given.withLock { given in
            if let known = given[name] { return known }
            let number = given.count
            guard number < digits.count * symbols.count else { return nil }
            let short = String([digits[number / symbols.count], symbols[number % symbols.count]])
            given[name] = short
            return short
        }
    }

    /// The template with every name a family knows replaced by its stand-in.
    static func compact(_ template: String) -> String {
        _ = TemplateSchema.families   // every family's table is made, so every name has its stand-in
        let known = given.withLock { $0 }
        var result = ""
        result.reserveCapacity(template.utf8.count)
        var copied = template.startIndex
        var delimitersChanged = false
        TemplateTags.scan(template) { text, _, inside in
            if text.first == "=" { delimitersChanged = true }
            guard !delimitersChanged, let short = shortened(text, known) else { return }
            result += template[copied..<inside.lowerBound]
            result += short
            copied = inside.upperBound
        }
        result += template[copied...]
        return result
    }

    /// What goes between a tag's delimiters instead, or nil to leave it as written. A triple
    /// mustache's is `{name`: the scan reads its last brace as part of the closing delimiter.
    static func shortened(_ text: String, _ known: [String: String]) -> String? {
        guard let sigil = text.first else { return nil }
        var body = Substring(text)
        var lead = ""
        var triple = false
        switch sigil {
        case "#", "^", "&", "/": lead = String(sigil); body = body.dropFirst()
        case "{": lead = "{"; triple = true; body = body.dropFirst()
        case "!", ">", "<", "$", "%", "=": return nil
        default: break
        }
        if triple {
            guard body.last == "}" else { return nil }
            body = body.dropLast()
        }
        let name = body.trimmed(newlines: false)
        // `.` is the value itself; transforms (`lowercased(name)`, `first()`) stay as written.
        guard !name.isEmpty, name != ".", !name.contains("(") else { return nil }
        var changed = false
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map { part -> String in
            guard let short = known[String(part)] else { return String(part) }
            changed = true
            return short
        }
        return changed ? lead + parts.joined(separator: ".") : nil
    }
}
