/// One tag of a Mustache template, as much of it as the theme's check needs.
struct TemplateTag: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// `{{name}}`, `{{{name}}}`, `{{& name}}`: a value shown.
        case value
        /// `{{#name}}`, `{{^name}}`: a section, closed by `{{/name}}`.
        case section
        /// `{{$name}}`: a block, closed by `{{/name}}`.
        case block
        case close
        /// `{{> name}}`, and `{{< name}}` (which is also closed by `{{/name}}`).
        case partial, parent
        /// `{{>*name}}`, `{{<*name}}`: the template's name comes from a value.
        case dynamic
        /// Comments, pragmas, delimiter changes.
        case other
    }

    var kind: Kind
    /// The name as written, transforms included (`first()`, `school.school_name`).
    var name: String
    var line: Int
    var column: Int
    /// The tag as written, for messages (`{{> footer}}`).
    var written: String
    /// How many sections, blocks and parents are open around the tag (0 at the top).
    var depth: Int

    var opens: Bool { kind == .section || kind == .block || kind == .parent }
    var includes: Bool { kind == .partial || kind == .parent }
}

/// The tags of a template, read the way swift-mustache reads them (delimiter changes
/// included), without recursion, so no template can use up the stack here.
enum TemplateTags {
    static func read(_ template: String) -> [TemplateTag] {
        var tags: [TemplateTag] = []
        var depth = 0
        scan(template) { text, line, column in
            var tag = TemplateTag(kind: .other, name: "", line: line, column: column, written: "{{\(text)}}", depth: depth)
            guard let sigil = text.first else { return }
            let rest = text.dropFirst().trimmed(newlines: false)
            switch sigil {
            case "#", "^": tag.kind = .section; tag.name = rest
            case "$": tag.kind = .block; tag.name = rest
            case "/": tag.kind = .close; tag.name = rest
            case ">", "<":
                tag.kind = rest.hasPrefix("*") ? .dynamic : (sigil == ">" ? .partial : .parent)
                tag.name = rest
                // A dynamic parent still opens what a `{{/name}}` closes.
                if sigil == "<" { depth += 1 }
            case "!", "=", "%": break
            case "&": tag.kind = .value; tag.name = rest
            case "{": tag.kind = .value; tag.name = String(rest.dropLast()).trimmed(newlines: false)
            default: tag.kind = .value; tag.name = text
            }
            if tag.kind == .section || tag.kind == .block { depth += 1 }
            if tag.kind == .close, depth > 0 { depth -= 1; tag.depth = depth }
            tags.append(tag)
        }
        return tags
    }

    /// The value names a template looks up, each part of a dotted name and the name inside a
    /// transform (`lowercased(name)`); `.` and `first()` name none.
    static func valueNames(_ tag: TemplateTag) -> [String] {
        guard tag.kind == .value || tag.kind == .section else { return [] }
        var name = Substring(tag.name)
        while let open = name.firstIndex(of: "("), name.hasSuffix(")") {
            name = name[name.index(after: open)..<name.index(before: name.endIndex)]
        }
        return name.split(separator: ".").map(String.init)
    }

    /// Calls `visit` with each tag's text between its delimiters (trimmed; a triple mustache's
    /// with its inner braces), and the line and column where the tag starts.
    static func scan(_ template: String, _ visit: (_ text: String, _ line: Int, _ column: Int) -> Void) {
        let bytes = Array(template.utf8)
        var open = Array("{{".utf8), close = Array("}}".utf8)
        func find(_ needle: [UInt8], from start: Int) -> Int? { bytes.firstRange(of: needle, from: start)?.lowerBound }
        var line = 1, lineStart = 0, counted = 0, position = 0
        while let start = find(open, from: position) {
            let inner = start + open.count
            let triple = open == Array("{{".utf8) && inner < bytes.count && bytes[inner] == UInt8(ascii: "{")
            let closing = triple ? Array("}".utf8) + close : close
            guard let end = find(closing, from: inner) else { break }
            for index in counted..<start where bytes[index] == UInt8(ascii: "\n") { line += 1; lineStart = index + 1 }
            counted = start
            let text = String(decoding: bytes[inner..<end], as: UTF8.self).trimmed(newlines: false)
            visit(triple ? text + "}" : text, line, start - lineStart + 1)
            position = end + closing.count
            if text.first == "=", text.last == "=" {
                let delimiters = text.dropFirst().dropLast().split(separator: " ", omittingEmptySubsequences: true)
                if delimiters.count == 2 { open = Array(delimiters[0].utf8); close = Array(delimiters[1].utf8) }
            }
        }
    }
}
