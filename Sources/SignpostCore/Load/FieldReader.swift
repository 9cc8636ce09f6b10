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

    func has(_ key: String) -> Bool { node[key] != nil }

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
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
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
            log.error(file, line: text.line, column: text.column, "`\(key)` should be a date written as year-month-day, not \"\(text.value)\"", suggestion: "for 1 September 2025 write 2025-09-01")
            return nil
        }
        return text.map { _ in day }
    }

    /// A list of single values; a lone value is accepted as a list of one.
    func strings(_ key: String, in sub: YAMLNode? = nil) -> Located<[String]>? {
        guard let value = (sub ?? node)[key], !value.isNull else { return nil }
        if let single = value.scalar {
            return Located([single.trimmingCharacters(in: .whitespaces)], file: file, line: value.line, column: value.column)
        }
        guard let items = value.items else {
            log.error(file, line: value.line, column: value.column, "`\(key)` should be a list such as [a, b], but it is \(value.kindName)")
            return nil
        }
        var result: [String] = []
        for item in items {
            if let text = item.scalar { result.append(text.trimmingCharacters(in: .whitespaces)) }
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

    func phones(_ key: String = "phones") -> Located<[Phone]>? {
        guard let items = nodes(key) else { return nil }
        var phones: [Phone] = []
        for item in items {
            var phone: Phone
            if let text = item.scalar {
                phone = Phone(number: text)
            } else if item.entries != nil {
                checkKeys(item, known: ["number", "label", "hours", "text"], what: "a phone")
                guard let number = string("number", required: true, in: item, context: "a phone") else { continue }
                phone = Phone(number: number.value, label: string("label", in: item)?.value,
                              hours: string("hours", in: item)?.value, isText: bool("text", in: item) ?? false)
            } else {
                log.error(file, line: item.line, column: item.column, "a phone should be a number, or a group with `number:`, `label:` and `hours:`")
                continue
            }
            if let problem = UKPhone.problem(phone.number, isText: phone.isText) {
                log.error(file, line: item.line, column: item.column, problem)
                continue
            }
            phones.append(phone)
        }
        return located(key, phones)
    }

    func emails(_ key: String = "emails") -> Located<[Email]>? {
        guard let items = nodes(key) else { return nil }
        var emails: [Email] = []
        for item in items {
            var email: Email
            if let text = item.scalar {
                email = Email(address: text.trimmingCharacters(in: .whitespaces), label: nil)
            } else if item.entries != nil {
                checkKeys(item, known: ["address", "label"], what: "an email")
                guard let address = string("address", required: true, in: item, context: "an email") else { continue }
                email = Email(address: address.value, label: string("label", in: item)?.value)
            } else { continue }
            if report(LinkRules.checkEmail(email.address), line: item.line, column: item.column) { emails.append(email) }
        }
        return located(key, emails)
    }

    func websites(_ key: String = "websites") -> Located<[Website]>? {
        guard let items = nodes(key) else { return nil }
        var sites: [Website] = []
        for item in items {
            var site: Website
            if let text = item.scalar {
                site = Website(url: text.trimmingCharacters(in: .whitespaces), label: nil)
            } else if item.entries != nil {
                checkKeys(item, known: ["url", "label"], what: "a website")
                guard let url = string("url", required: true, in: item, context: "a website") else { continue }
                site = Website(url: url.value, label: string("label", in: item)?.value)
            } else { continue }
            if report(LinkRules.checkWebsite(site.url), line: item.line, column: item.column) { sites.append(site) }
        }
        return located(key, sites)
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
