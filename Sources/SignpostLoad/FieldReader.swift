import SignpostModel

/// Reads one settings block (a YAML mapping) into typed values. Unknown settings are
/// reported with the nearest known name and the list of expected ones, so a typo
/// (`phnoe:`) never silently drops a value.
struct FieldReader {
    let file: String
    let node: YAMLNode
    let log: DiagnosticLog
    let what: String

    init?(_ node: YAMLNode?, file: String, known: [String], what: String, log: DiagnosticLog, line: Int = 1) {
        self.file = file
        self.log = log
        self.what = what
        guard let node else {
            self.node = YAMLNode(kind: .map([]), line: line, column: 1)
            return
        }
        guard let entries = node.entries else {
            log.error(file, line: node.line, column: node.column, "the settings of \(what) must be lines of `name: value`, but this is \(node.kindName)")
            return nil
        }
        self.node = node
        for entry in entries where !known.contains(entry.key) {
            let hint = Suggestion.didYouMean(entry.key, in: known)
                ?? "the settings \(what) can have are: \(known.joined(separator: ", "))"
            log.error(file, line: entry.keyLine, column: entry.keyColumn, "unknown setting `\(entry.key)` for \(what)", suggestion: hint)
        }
    }

    func located<T>(_ key: String, _ value: T) -> Located<T> {
        let n = node[key]!
        return Located(value, file: file, line: n.line, column: n.column)
    }

    func string(_ key: String, required: Bool = false, in sub: YAMLNode? = nil, context: String? = nil) -> Located<String>? {
        let parent = sub ?? node
        guard let value = parent[key], !value.isNull else {
            if required {
                log.error(file, line: parent.line, column: parent.column, "\(context ?? what) needs a `\(key):` setting")
            }
            return nil
        }
        guard let text = value.scalar else {
            log.error(file, line: value.line, column: value.column, "`\(key)` should be a single value, but it is \(value.kindName)")
            return nil
        }
        let trimmed = text.trimmed()
        if trimmed.isEmpty {
            if required {
                log.error(file, line: value.line, column: value.column, "`\(key)` is empty", suggestion: "fill it in")
            } else if case .scalar(_, plain: false) = value.kind {
                // `key: ""` is how `signpost new` marks a blank for the office to fill in.
                log.warning(file, line: value.line, column: value.column, "`\(key)` is not filled in yet", suggestion: "fill it in, or delete the line if it does not apply")
            }
            return nil
        }
        return Located(trimmed, file: file, line: value.line, column: value.column)
    }

    func bool(_ key: String, in sub: YAMLNode? = nil) -> Bool? {
        guard let text = string(key, in: sub) else { return nil }
        switch text.value.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            log.error(file, line: text.line, column: text.column, "`\(key)` should be true or false, not \"\(text.value)\"")
            return nil
        }
    }

    func int(_ key: String) -> Int? {
        guard let text = string(key) else { return nil }
        guard let value = Int(text.value) else {
            log.error(file, line: text.line, column: text.column, "`\(key)` should be a whole number, not \"\(text.value)\"")
            return nil
        }
        return value
    }

    func day(_ key: String, in sub: YAMLNode? = nil) -> Located<Day>? {
        guard let text = string(key, in: sub) else { return nil }
        guard let day = Day(text.value) else {
            log.error(file, line: text.line, column: text.column, "`\(key)` should be a date written as year-month-day, or a month as year-month, not \"\(text.value)\"", suggestion: "for 1 September 2025 write 2025-09-01; for October 2026 write 2026-10")
            return nil
        }
        return text.map { _ in day }
    }

    /// A list of single values; a lone value is accepted as a list of one.
    func strings(_ key: String, in sub: YAMLNode? = nil) -> Located<[String]>? {
        guard let value = (sub ?? node)[key], !value.isNull else { return nil }
        if let single = value.scalar {
            return Located([single.trimmed(newlines: false)], file: file, line: value.line, column: value.column)
        }
        guard let items = value.items else {
            log.error(file, line: value.line, column: value.column, "`\(key)` should be a list such as [a, b], but it is \(value.kindName)")
            return nil
        }
        var result: [String] = []
        for item in items {
            if let text = item.scalar { result.append(text.trimmed(newlines: false)) }
            else { log.error(file, line: item.line, column: item.column, "each item of `\(key)` should be a single value, but this is \(item.kindName)") }
        }
        return Located(result, file: file, line: value.line, column: value.column)
    }

    /// Items of a list, each kept with its own node so callers can report precise lines.
    func nodes(_ key: String, in sub: YAMLNode? = nil) -> [YAMLNode]? {
        guard let value = (sub ?? node)[key], !value.isNull else { return nil }
        if value.items == nil && value.entries != nil { return [value] }
        if value.scalar != nil { return [value] }
        return value.items
    }

    /// Checks a nested group of settings against its known keys.
    func checkKeys(_ sub: YAMLNode, known: [String], what: String) {
        for entry in sub.entries ?? [] where !known.contains(entry.key) {
            let hint = Suggestion.didYouMean(entry.key, in: known) ?? "\(what) can have: \(known.joined(separator: ", "))"
            log.error(file, line: entry.keyLine, column: entry.keyColumn, "unknown setting `\(entry.key)` for \(what)", suggestion: hint)
        }
    }

    // MARK: Contacts, validated as they are read so each finding names its own line.

    /// A contact list: each item is either a bare value or a group whose main setting is
    /// `valueKey` plus a `label` (and `extraKeys`). Each item is checked on its own line.
    func contacts<T>(_ key: String, valueKey: String, extraKeys: [String] = [], what: String,
                     make: (_ value: String, _ item: YAMLNode?) -> T, check: (T) -> LinkRules.Verdict) -> Located<[T]>? {
        guard let items = nodes(key) else { return nil }
        var values: [T] = []
        for item in items {
            let value: T
            if let text = item.scalar {
                value = make(text.trimmed(newlines: false), nil)
            } else if item.entries != nil {
                checkKeys(item, known: [valueKey, "label"] + extraKeys, what: what)
                guard let main = string(valueKey, required: true, in: item, context: what) else { continue }
                value = make(main.value, item)
            } else {
                log.error(file, line: item.line, column: item.column, "\(what) should be a single value, or a group with `\(valueKey):` and `label:`")
                continue
            }
            if report(check(value), line: item.line, column: item.column) { values.append(value) }
        }
        return located(key, values)
    }

    /// `for:` on a contact: `families` (the default) or `professionals`.
    func forProfessionals(_ item: YAMLNode?) -> Bool {
        guard let item, let text = string("for", in: item) else { return false }
        switch text.value.lowercased() {
        case "professionals": return true
        case "families": return false
        default:
            log.error(file, line: text.line, column: text.column, "`for:` should be families or professionals, not \"\(text.value)\"",
                      suggestion: "write `for: professionals` on a line families should not be given first; leave it out for families")
            return false
        }
    }

    /// `audience`: whether its items may say `for: professionals` (a team's numbers are all for families).
    func phones(_ key: String = "phones", audience: Bool = true) -> Located<[Phone]>? {
        contacts(key, valueKey: "number", extraKeys: ["hours", "text"] + (audience ? ["for"] : []), what: "a phone", make: { number, item in
            Phone(number: number, label: item.flatMap { string("label", in: $0)?.value },
                  hours: item.flatMap { string("hours", in: $0)?.value }, isText: item.flatMap { bool("text", in: $0) } ?? false,
                  forProfessionals: forProfessionals(item))
        }, check: { phone in
            UKPhone.problem(phone.number, isText: phone.isText).map { .error($0, suggestion: nil) } ?? .ok
        })
    }

    func emails(_ key: String = "emails", audience: Bool = true) -> Located<[Email]>? {
        contacts(key, valueKey: "address", extraKeys: audience ? ["for"] : [], what: "an email", make: { address, item in
            Email(address: address, label: item.flatMap { string("label", in: $0)?.value }, forProfessionals: forProfessionals(item))
        }, check: { LinkRules.checkEmail($0.address) })
    }

    func websites(_ key: String = "websites") -> Located<[Website]>? {
        contacts(key, valueKey: "url", extraKeys: ["for"], what: "a website", make: { url, item in
            Website(url: url, label: item.flatMap { string("label", in: $0)?.value }, forProfessionals: forProfessionals(item))
        }, check: { LinkRules.checkWebsite($0.url) })
    }

    /// A single phone/email/website setting (a school's `phone:`), validated.
    func phone(_ key: String, in sub: YAMLNode? = nil) -> String? {
        guard let text = string(key, in: sub) else { return nil }
        if let problem = UKPhone.problem(text.value) {
            log.error(file, line: text.line, column: text.column, problem)
            return nil
        }
        return text.value
    }

    func email(_ key: String, in sub: YAMLNode? = nil) -> String? {
        guard let text = string(key, in: sub) else { return nil }
        return report(LinkRules.checkEmail(text.value), line: text.line, column: text.column) ? text.value : nil
    }

    func website(_ key: String, in sub: YAMLNode? = nil) -> String? {
        guard let text = string(key, in: sub) else { return nil }
        return report(LinkRules.checkWebsite(text.value), line: text.line, column: text.column) ? text.value : nil
    }

    /// Logs a verdict; true when the value may be published.
    func report(_ verdict: LinkRules.Verdict, line: Int, column: Int) -> Bool {
        switch verdict {
        case .ok: return true
        case let .warning(message):
            log.warning(file, line: line, column: column, message)
            return true
        case let .error(message, suggestion):
            log.error(file, line: line, column: column, message, suggestion: suggestion)
            return false
        }
    }
}
