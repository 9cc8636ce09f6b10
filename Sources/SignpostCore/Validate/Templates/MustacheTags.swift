/// One Mustache tag of a template, found exactly where swift-mustache 2.1.1 finds it. The
/// library's own parsed tokens are internal, and its parser recurses once per nested section,
/// so templates are read here first (without recursion) and checked before it sees them.
public struct MustacheTag: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// `{{name}}`, escaped.
        case variable
        /// `{{{name}}}`, not escaped.
        case unescaped
        /// `{{& name}}`, not escaped either.
        case ampersand
        /// `{{#name}}` and `{{^name}}`.
        case section, inverted
        /// `{{/name}}`, closing the tag at `opener`.
        case close
        /// `{{> name}}`; `{{>*name}}` takes the template's name from a value.
        case partial, dynamicPartial
        /// `{{< name}}`: the template `name`, with some of its blocks replaced.
        case parent
        /// `{{$name}}` inside `{{< parent}}`: replaces the parent's block of that name.
        case blockOverride
        /// `{{$name}}` anywhere else: a block, with its own text as the default.
        case block
        /// `{{! … }}`, `{{=<% %>=}}`, `{{% CONTENT_TYPE: … }}`.
        case comment, setDelimiters, pragma
        /// A start delimiter followed by a line break, or ending the template: swift-mustache
        /// leaves it out of the page (and keeps the line break).
        case dropped
    }

    public var kind: Kind
    /// The name as written, transforms included (`first()`, `school.school_name`); for a
    /// pragma, its setting; for a delimiter change, the new delimiters.
    public var name: String
    /// 1-based, as editors count (a tag spanning lines reports its first).
    public var line: Int
    public var column: Int
    /// Where the whole tag, delimiters included, sits in the template's `Character`s.
    public var start: Int
    public var end: Int
    /// How many sections, blocks and parents are open around the tag (0 at the top).
    public var depth: Int
    /// The index (in the list of tags) of the innermost section, block or parent around the tag.
    public var enclosing: Int?
    /// For a `.close`, the index of the tag it closes.
    public var opener: Int?

    /// Whether the tag opens something a `{{/name}}` must close.
    public var opens: Bool { [.section, .inverted, .parent, .block, .blockOverride].contains(kind) }
    /// `{{>*name}}` and `{{<*name}}`: the template's name comes from a value.
    public var isDynamic: Bool { kind == .dynamicPartial || (kind == .parent && name.hasPrefix("*")) }
    /// Whether the tag includes the template `name` (`{{> name}}`, `{{< name}}`).
    public var includes: Bool { (kind == .partial || kind == .parent) && !isDynamic }
}

/// A template swift-mustache would refuse, with where and why, in words for a school office.
public struct MustacheSyntaxError: Error, Sendable, Equatable {
    public var line: Int
    public var column: Int
    public var message: String
}

/// Reads a template's tags the way swift-mustache's parser does (same delimiters, same name
/// characters, same rules for what closes what), iteratively, so no input can exhaust the stack.
public enum MustacheTags {
    public static func parse(_ text: String) -> Result<[MustacheTag], MustacheSyntaxError> {
        var reader = Reader(text)
        do {
            return .success(try reader.read())
        } catch {
            return .failure(error)
        }
    }

    struct Frame {
        var name: String
        var tag: Int
        var start: [Character]
        var end: [Character]
        /// Directly inside `{{< parent}}`, where `{{$name}}` replaces a block (swift-mustache's
        /// `isPartialDefinitionTopLevel`; a delimiter change clears it, as there).
        var parentTopLevel: Bool
        /// Directly inside `{{< parent}}`, whatever the delimiters: only replacements may go here.
        var parentBody: Bool
    }

    struct Reader {
        let chars: [Character]
        let lineStarts: [Int]
        var tags: [MustacheTag] = []
        var frames: [Frame]
        var position = 0

        init(_ text: String) {
            chars = Array(text)
            var starts = [0]
            for (index, character) in chars.enumerated() where character == "\n" || character == "\r\n" || character == "\r" {
                starts.append(index + 1)
            }
            lineStarts = starts
            frames = [Frame(name: "", tag: -1, start: ["{", "{"], end: ["}", "}"], parentTopLevel: false, parentBody: false)]
        }

        func location(_ offset: Int) -> (line: Int, column: Int) {
            var low = 0, high = lineStarts.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
            }
            return (low + 1, offset - lineStarts[low] + 1)
        }

        func failure(_ offset: Int, _ message: String) -> MustacheSyntaxError {
            let (line, column) = location(offset)
            return MustacheSyntaxError(line: line, column: column, message: message)
        }

        func matches(_ delimiter: [Character], at offset: Int) -> Bool {
            guard offset + delimiter.count <= chars.count else { return false }
            for (index, character) in delimiter.enumerated() where chars[offset + index] != character { return false }
            return true
        }

        mutating func read() throws(MustacheSyntaxError) -> [MustacheTag] {
            while let tagStart = try nextTagStart() {
                try readTag(from: tagStart)
            }
            if frames.count > 1, let open = frames.last {
                let tag = tags[open.tag]
                throw failure(tag.start, "\(tag.written) on line \(tag.line) is never closed: add {{/\(open.name)}} where it should end")
            }
            return tags
        }

        /// The offset of the next start delimiter, or nil at the end of the text. swift-mustache
        /// gives up when the text ends part-way through what may be a delimiter.
        mutating func nextTagStart() throws(MustacheSyntaxError) -> Int? {
            let start = frames[frames.count - 1].start
            while position < chars.count {
                if chars[position] == start[0] {
                    if position + start.count > chars.count {
                        throw failure(position, "the template ends part-way through a tag")
                    }
                    if matches(start, at: position) {
                        let tagStart = position
                        position += start.count
                        return tagStart
                    }
                }
                position += 1
            }
            return nil
        }

        mutating func skipWhitespace() {
            while position < chars.count, chars[position].isWhitespace { position += 1 }
        }

        static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
        static let plainNameCharacters = nameCharacters.subtracting(["(", ")"])
        static let partialNameCharacters = nameCharacters.union(["/"])

        mutating func readWord(_ allowed: Set<Character>) -> String {
            let from = position
            while position < chars.count, allowed.contains(chars[position]) { position += 1 }
            return String(chars[from..<position])
        }

        /// Whitespace, a name, whitespace, the end delimiter (swift-mustache's `parseName`).
        mutating func readName(tagStart: Int, partial: Bool = false) throws(MustacheSyntaxError) -> String {
            skipWhitespace()
            let name = readWord(partial ? Reader.partialNameCharacters : Reader.nameCharacters)
            skipWhitespace()
            try readEnd(tagStart: tagStart)
            if !partial, !Reader.validTransforms(name) {
                throw failure(tagStart, "the name \"\(name)\" is not written correctly: brackets go like first() or uppercased(name)")
            }
            return name
        }

        mutating func readEnd(tagStart: Int) throws(MustacheSyntaxError) {
            let end = frames[frames.count - 1].end
            guard matches(end, at: position) else {
                throw failure(tagStart, "this tag is not finished: a name may use letters, digits, . - _ ? and must end with \(String(end))")
            }
            position += end.count
        }

        /// `name`, `t(name)`, `t1(t2(name))`: the forms swift-mustache accepts.
        static func validTransforms(_ name: String) -> Bool {
            guard name.contains("(") else { return !name.contains(")") }
            var opens = 0
            var rest = Substring(name)
            while let index = rest.firstIndex(of: "("), !rest[..<index].contains(")") {
                opens += 1
                rest = rest[rest.index(after: index)...]
            }
            let closing = rest.drop { plainNameCharacters.contains($0) }
            return !closing.isEmpty && closing.allSatisfy { $0 == ")" } && closing.count == opens
        }

        mutating func readTag(from tagStart: Int) throws(MustacheSyntaxError) {
            guard position < chars.count, !chars[position].isNewline else {
                try add(.dropped, "", tagStart)
                return
            }
            let marker = chars[position]
            var kind = MustacheTag.Kind.variable
            var name = ""
            switch marker {
            case "#", "^":
                position += 1
                kind = marker == "#" ? .section : .inverted
                name = try readName(tagStart: tagStart)
            case "/":
                position += 1
                name = try readName(tagStart: tagStart)
                kind = .close
            case "!":
                position += 1
                try skipComment(tagStart: tagStart)
                kind = .comment
            case "{":
                position += 1
                name = try readName(tagStart: tagStart)
                guard position < chars.count, chars[position] == "}" else {
                    throw failure(tagStart, "{{{\(name)}} needs a third closing brace: {{{\(name)}}}")
                }
                position += 1
                kind = .unescaped
            case "&":
                position += 1
                name = try readName(tagStart: tagStart)
                kind = .ampersand
            case ">":
                position += 1
                skipWhitespace()
                kind = .partial
                if position < chars.count, chars[position] == "*" {
                    position += 1
                    kind = .dynamicPartial
                }
                name = try readName(tagStart: tagStart, partial: true)
            case "<":
                position += 1
                skipWhitespace()
                name = try readName(tagStart: tagStart, partial: true)
                kind = .parent
            case "$":
                position += 1
                name = try readName(tagStart: tagStart)
                if name.contains("(") { throw failure(tagStart, "a block {{$\(name)}} cannot use brackets") }
                kind = frames[frames.count - 1].parentTopLevel ? .blockOverride : .block
            case "=":
                position += 1
                name = try readDelimiters(tagStart: tagStart)
                kind = .setDelimiters
            case "%":
                position += 1
                name = try readPragma(tagStart: tagStart)
                kind = .pragma
            default:
                name = try readName(tagStart: tagStart)
            }
            try add(kind, name, tagStart)
        }

        mutating func add(_ kind: MustacheTag.Kind, _ name: String, _ tagStart: Int) throws(MustacheSyntaxError) {
            let (line, column) = location(tagStart)
            let frame = frames[frames.count - 1]
            var tag = MustacheTag(kind: kind, name: name, line: line, column: column, start: tagStart, end: position,
                                  depth: frames.count - 1, enclosing: frame.tag >= 0 ? frame.tag : nil)
            // swift-mustache allows only block overrides (and text, comments, delimiter changes) directly inside a parent.
            if frame.parentBody, ![.blockOverride, .close, .comment, .setDelimiters, .dropped].contains(kind) {
                throw failure(tagStart, "\(tag.written) cannot go directly inside {{<\(frame.name)}}: only {{$block}} replacements can")
            }
            if kind == .close {
                guard frames.count > 1, frame.name == name else {
                    let expected = frames.count > 1 ? "; the open one is \(tags[frame.tag].written), closed with {{/\(frame.name)}}" : ""
                    throw failure(tagStart, "{{/\(name)}} closes nothing that is open here\(expected)")
                }
                tag.depth -= 1
                tag.enclosing = tags[frame.tag].enclosing
                tag.opener = frame.tag
                frames.removeLast()
            }
            tags.append(tag)
            if tag.opens {
                frames.append(Frame(name: name, tag: tags.count - 1, start: frame.start, end: frame.end,
                                   parentTopLevel: kind == .parent, parentBody: kind == .parent))
            }
        }

        /// To the end delimiter, matched as swift-mustache's `read(untilString:)` does: after a
        /// partial match fails, the character that broke it is not tried again as a start.
        mutating func skipComment(tagStart: Int) throws(MustacheSyntaxError) {
            let end = frames[frames.count - 1].end
            var matched = 0
            while position < chars.count {
                if chars[position] == end[matched] {
                    matched += 1
                    if matched == end.count {
                        position += 1
                        return
                    }
                } else {
                    matched = 0
                }
                position += 1
            }
            throw failure(tagStart, "this comment is never closed with \(String(end))")
        }

        /// `{{=<% %>=}}`: new delimiters until the enclosing section ends (as in swift-mustache).
        mutating func readDelimiters(tagStart: Int) throws(MustacheSyntaxError) -> String {
            let invalid = failure(tagStart, "this delimiter change is not written correctly: it looks like {{=<% %>=}}")
            skipWhitespace()
            let opening = readUntil { $0.isWhitespace }
            guard position < chars.count, !opening.isEmpty else { throw invalid }
            skipWhitespace()
            let closing = readUntil { $0 == "=" || $0.isWhitespace }
            guard position < chars.count, !closing.isEmpty else { throw invalid }
            skipWhitespace()
            guard position < chars.count, chars[position] == "=" else { throw invalid }
            position += 1
            guard matches(frames[frames.count - 1].end, at: position) else { throw invalid }
            position += frames[frames.count - 1].end.count
            frames[frames.count - 1].start = opening
            frames[frames.count - 1].end = closing
            frames[frames.count - 1].parentTopLevel = false
            return String(opening) + " " + String(closing)
        }

        mutating func readUntil(_ stop: (Character) -> Bool) -> [Character] {
            let from = position
            while position < chars.count, !stop(chars[position]) { position += 1 }
            return Array(chars[from..<position])
        }

        /// `{{% CONTENT_TYPE: HTML }}`, the only setting swift-mustache knows.
        mutating func readPragma(tagStart: Int) throws(MustacheSyntaxError) -> String {
            let invalid = failure(tagStart, "this setting is not written correctly: the only one is {{% CONTENT_TYPE: HTML }}")
            skipWhitespace()
            let variable = readWord(Reader.plainNameCharacters)
            skipWhitespace()
            guard position < chars.count, chars[position] == ":" else { throw invalid }
            position += 1
            skipWhitespace()
            let value = readWord(Reader.plainNameCharacters)
            skipWhitespace()
            guard matches(frames[frames.count - 1].end, at: position), !variable.isEmpty, !value.isEmpty else { throw invalid }
            position += frames[frames.count - 1].end.count
            guard variable == "CONTENT_TYPE" else { throw failure(tagStart, "\"\(variable)\" is not a setting templates have: the only one is CONTENT_TYPE") }
            return "\(variable): \(value)"
        }
    }
}

extension MustacheTag {
    /// The tag as a template writes it (with the usual delimiters), for messages.
    public var written: String {
        switch kind {
        case .variable: "{{\(name)}}"
        case .unescaped: "{{{\(name)}}}"
        case .ampersand: "{{&\(name)}}"
        case .section: "{{#\(name)}}"
        case .inverted: "{{^\(name)}}"
        case .close: "{{/\(name)}}"
        case .partial: "{{> \(name)}}"
        case .dynamicPartial: "{{>*\(name)}}"
        case .parent: "{{< \(name)}}"
        case .block, .blockOverride: "{{$\(name)}}"
        case .comment: "{{! … }}"
        case .setDelimiters: "{{=\(name)=}}"
        case .pragma: "{{% \(name) }}"
        case .dropped: "{{"
        }
    }
}
