/// Reads a template's HTML the way a browser's tokenizer would (HTML5, code point by code
/// point), with each Mustache tag as a hole whose output is unknown, so that what a template
/// can put on a page is decided by where its tags sit: between tags, in a quoted attribute
/// value, in a tag's name, in a web address. Run on the theme (trusted) it records where the
/// theme puts which values (`TemplateVocabulary`); run on a school's template it enforces the
/// school-template policy (`SchoolTemplateRules`) and reports each breach with its line.
struct TemplateHTMLScanner {
    enum Item {
        case scalar(Unicode.Scalar, line: Int)
        case hole(Int)
    }

    enum Mode: Equatable {
        case data, tagOpen, endTagOpen, tagName, beforeAttrName, attrName, afterAttrName, beforeAttrValue
        case valueDouble, valueSingle, valueUnquoted, afterValueQuoted, selfClosing
        case bogusComment, commentStart, commentStartDash, comment, commentEndDash, commentEnd, commentEndBang
        /// Inside `<title>`, `<textarea>` (RCDATA) or `<style>`, `<script>`… (raw text): only their end tag ends them.
        case text(element: String, raw: Bool)
    }

    /// Where a section may open and close: it must close where it opened, so that leaving it out
    /// (or repeating it) leaves the HTML around it reading the same.
    enum Boundary: Equatable {
        case data, text(Int), comment(Int), tagBody(Int), value(Int, Int)
    }

    /// A piece of an attribute's value: literal text, an escaped `{{value}}`, or a section's edge.
    struct Part {
        enum Kind { case text, value(String), hole }
        var kind: Kind
        /// The literal text, for `.text`.
        var text = ""
        var tag: Int?
        var line: Int
    }

    struct Attribute {
        var name = ""
        var line: Int
        var parts: [Part] = []
        var hasValue = false
        var quoted = false
    }

    struct Element {
        /// Lower-case (ASCII); a sanctioned value's name in braces when a value names the tag.
        var name = ""
        var isEnd = false
        var line: Int
        var start: Int
        var attributes: [Attribute] = []
    }

    let template: CheckedTemplate
    let enforce: Bool
    let vocabulary: TemplateVocabulary
    /// Block names some template replaces: their `{{$name}}` cannot be read as its default text.
    let overriddenBlocks: Set<String>

    var problems: [TemplateProblem] = []
    var recorded = TemplateVocabulary()
    /// Where templates are included and blocks placed: (name, between tags?, line).
    var includeSites: [(name: String, inText: Bool, line: Int)] = []
    var blockSites: [(name: String, inText: Bool, line: Int)] = []

    var items: [Item] = []
    var mode = Mode.data
    var element: Element?
    var commentStart = 0
    var textStart = 0
    var tagStart = 0
    var tagLine = 1
    var rawText = ""
    var textHasLessThan = false
    var rawTextLine = 1

    init(template: CheckedTemplate, enforce: Bool, vocabulary: TemplateVocabulary = TemplateVocabulary(), overriddenBlocks: Set<String> = []) {
        self.template = template
        self.enforce = enforce
        self.vocabulary = vocabulary
        self.overriddenBlocks = overriddenBlocks
    }

    mutating func scan() {
        for fragment in fragments() {
            scan(fragment)
        }
    }

    /// Tags that put nothing on the page: the browser reads the text on either side as one.
    static func isSilent(_ tag: MustacheTag) -> Bool { [.comment, .setDelimiters, .pragma, .dropped].contains(tag.kind) }

    /// A `{{$block}}` nothing replaces always shows its own text, which is read in place.
    func isFixedBlock(_ tag: MustacheTag) -> Bool {
        tag.kind == .block && !overriddenBlocks.contains(tag.name)
    }

    /// The template's text and tags as the browser would meet them: the template itself, and
    /// apart from it each `{{$block}}` replacement inside a `{{< parent}}` (placed wherever the
    /// parent puts that block, always between tags). Text directly inside a parent is not output.
    func fragments() -> [[Item]] {
        let chars = Array(template.text)
        var lineStarts = [0]
        for (index, character) in chars.enumerated() where character == "\n" || character == "\r\n" || character == "\r" {
            lineStarts.append(index + 1)
        }
        func lineOf(_ offset: Int) -> Int {
            var low = 0, high = lineStarts.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
            }
            return low + 1
        }
        func text(_ range: Range<Int>, into items: inout [Item]) {
            guard !range.isEmpty else { return }
            var line = lineOf(range.lowerBound)
            for character in chars[range] {
                for scalar in character.unicodeScalars { items.append(.scalar(scalar, line: line)) }
                if character == "\n" || character == "\r\n" || character == "\r" { line += 1 }
            }
        }
        let tags = template.tags
        var closers: [Int: Int] = [:]
        for (index, tag) in tags.enumerated() { if let opener = tag.opener { closers[opener] = index } }
        var fragments: [[Item]] = []
        /// The items from tag `from` up to tag `until` (not included), text from `textFrom` to `textUntil`.
        func build(from: Int, until: Int, textFrom: Int, textUntil: Int) -> [Item] {
            var items: [Item] = []
            var cursor = textFrom
            var index = from
            while index < until {
                let tag = tags[index]
                text(cursor..<tag.start, into: &items)
                if tag.kind == .parent, let close = closers[index] {
                    items.append(.hole(index))
                    var inner = index + 1
                    while inner < close {
                        if tags[inner].kind == .blockOverride, let end = closers[inner] {
                            fragments.append(build(from: inner + 1, until: end, textFrom: tags[inner].end, textUntil: tags[end].start))
                            inner = end
                        }
                        inner += 1
                    }
                    cursor = tags[close].end
                    index = close + 1
                    continue
                }
                if !TemplateHTMLScanner.isSilent(tag) { items.append(.hole(index)) }
                cursor = tag.end
                index += 1
            }
            text(cursor..<textUntil, into: &items)
            return items
        }
        let main = build(from: 0, until: tags.count, textFrom: 0, textUntil: chars.count)
        return [main] + fragments
    }

    // MARK: - The walk

    mutating func scan(_ fragment: [Item]) {
        items = fragment
        mode = .data
        element = nil
        var open: [(tag: Int, boundary: Boundary, fromName: Bool)] = []
        var index = 0
        while index < items.count {
            switch items[index] {
            case let .scalar(scalar, line):
                feed(scalar, line: line, at: &index)
            case let .hole(tagIndex):
                let tag = template.tags[tagIndex]
                switch tag.kind {
                case .block where isFixedBlock(tag):
                    blockSites.append((tag.name, mode == .data, tag.line))
                case .block where mode != .data:
                    blockSites.append((tag.name, false, tag.line))
                    problem(tag.line, "\(tag.written) is \(whereWeAre()); a block that other templates replace can only go between tags", "move it between tags")
                    if enforce { return }
                case .section, .inverted, .block:
                    if tag.kind == .block { blockSites.append((tag.name, true, tag.line)) }
                    let fromName = mode == .tagName
                    guard let boundary = boundary(at: index) else {
                        problem(tag.line, "\(tag.written) is \(whereWeAre()), where a section cannot start",
                                "open sections between tags or inside an attribute's quotes, e.g. <li{{#x}} class=\"x\"{{/x}}>")
                        if enforce { return }
                        break
                    }
                    open.append((tagIndex, boundary, fromName))
                    if case .value = boundary { lastAttribute { $0.parts.append(Part(kind: .hole, tag: tagIndex, line: tag.line)) } }
                case .close:
                    guard let opener = tag.opener, !isFixedBlock(template.tags[opener]),
                          let opened = open.last, opened.tag == opener else { break }
                    open.removeLast()
                    let here = boundary(at: index)
                    let continues = opened.fromName ? isTerminator(index + 1) : true
                    if here != opened.boundary || !continues {
                        let first = template.tags[opened.tag]
                        problem(tag.line, "\(first.written) on line \(first.line) and its \(tag.written) are in different places of the HTML, so leaving the section out would change how the page reads",
                                "open and close a section in the same place: both between tags, or both inside the same attribute's quotes")
                        if enforce { return }
                    }
                    if case .value = here { lastAttribute { $0.parts.append(Part(kind: .hole, tag: tagIndex, line: tag.line)) } }
                case .variable:
                    value(tagIndex, at: index)
                case .unescaped, .ampersand:
                    if !enforce { recorded.add(.unescaped, tag.name) }
                    if mode != .data {
                        problem(tag.line, "\(tag.written) is \(whereWeAre()); pieces of HTML can only go between tags", "move it between tags")
                    }
                case .partial, .parent, .dynamicPartial:
                    includeSites.append((tag.name, mode == .data, tag.line))
                    if mode != .data {
                        problem(tag.line, "\(tag.written) is \(whereWeAre()); templates can only be included between tags", "move it between tags")
                    }
                default:
                    break
                }
            }
            index += 1
        }
        if mode != .data, enforce {
            problem(lastLine(), "the template ends \(whereWeAre()); whatever includes it would read on inside it",
                    "close what is open before the end of the template (and of each section and {{$block}})")
        }
    }

    func lastLine() -> Int {
        for item in items.reversed() { if case let .scalar(_, line) = item { return line } }
        return 1
    }

    func isTerminator(_ index: Int) -> Bool {
        guard index < items.count, case let .scalar(scalar, _) = items[index] else { return false }
        return TemplateHTMLScanner.isSpace(scalar) || scalar == "/" || scalar == ">"
    }

    func boundary(at index: Int) -> Boundary? {
        switch mode {
        case .data: return .data
        case let .text(_, raw): return raw ? nil : .text(textStart)
        case .comment: return .comment(commentStart)
        case .tagName: return isTerminator(index + 1) ? element.map { .tagBody($0.start) } : nil
        case .beforeAttrName, .afterValueQuoted: return element.map { .tagBody($0.start) }
        case .valueDouble, .valueSingle: return element.map { .value($0.start, $0.attributes.count) }
        default: return nil
        }
    }

    /// An escaped `{{name}}`: text is safe between tags, in `<title>`, in a comment and in a
    /// quoted attribute value (where the attribute's own rule decides), and a tag's name only
    /// when the theme names tags with that value.
    mutating func value(_ tagIndex: Int, at index: Int) {
        let tag = template.tags[tagIndex]
        switch mode {
        case .data, .comment, .commentStart, .commentStartDash, .commentEndDash, .commentEnd, .commentEndBang, .bogusComment:
            return   // every way out of a comment needs a ">", which escaping writes as &gt;
        case .text(_, raw: false):
            return
        case .valueDouble, .valueSingle:
            lastAttribute { $0.parts.append(Part(kind: .value(tag.name), tag: tagIndex, line: tag.line)) }
        case .tagOpen, .endTagOpen:
            if !enforce { recorded.add(.tagName, tag.name) }
            if enforce, !vocabulary.allows(.tagName, tag.name) {
                problem(tag.line, "\(tag.written) makes the name of an HTML tag", "write the tag's name out, e.g. <h3>\(vocabulary.hint(.tagName))")
            }
            element = Element(name: "{{\(tag.name)}}", isEnd: mode == .endTagOpen, line: tag.line, start: tagStart)
            mode = .tagName
            if enforce, !isTerminator(index + 1) {
                problem(tag.line, "\(tag.written) is joined to more of the tag's name", "put a space after \(tag.written)")
            }
        default:
            problem(tag.line, "\(tag.written) is \(whereWeAre())", "values can go between tags or inside an attribute's quotes, e.g. title=\"\(tag.written)\"")
        }
    }

    /// Changes the attribute being read (the last of the tag being read), in place: a long
    /// value is read one character at a time, and copying it each time would take quadratic time.
    mutating func lastAttribute(_ change: (inout Attribute) -> Void) {
        guard let count = element?.attributes.count, count > 0 else { return }
        change(&element!.attributes[count - 1])
    }

    mutating func problem(_ line: Int, _ message: String, _ suggestion: String) {
        guard enforce else { return }
        problems.append(TemplateProblem(line: line, message: message, suggestion: suggestion))
    }

    func whereWeAre() -> String {
        switch mode {
        case .data: "between tags"
        case .tagOpen, .endTagOpen, .tagName: "inside the name of an HTML tag"
        case .attrName, .afterAttrName, .beforeAttrName, .selfClosing, .afterValueQuoted: "inside an HTML tag, outside any attribute's quotes"
        case .beforeAttrValue, .valueUnquoted: "in an attribute value without quotes"
        case .valueDouble, .valueSingle: "inside an attribute value"
        case .bogusComment, .commentStart, .commentStartDash, .comment, .commentEndDash, .commentEnd, .commentEndBang: "inside an HTML comment"
        case let .text(name, _): "inside <\(name)>"
        }
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}"
    }

    static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    static func lower(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar
    }

    /// Whether the items from `index` spell `word` (ASCII, any case); nil when a tag sits in the way.
    func spells(_ word: String, at index: Int) -> Bool? {
        var offset = index
        for expected in word.unicodeScalars {
            guard offset < items.count else { return false }
            guard case let .scalar(scalar, _) = items[offset] else { return nil }
            if TemplateHTMLScanner.lower(scalar) != expected { return false }
            offset += 1
        }
        return true
    }
}

/// One breach of the school-template policy, before it becomes a `Diagnostic`.
struct TemplateProblem: Equatable {
    var line: Int
    var message: String
    var suggestion: String
}
