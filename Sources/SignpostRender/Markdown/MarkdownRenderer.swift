import CCmarkGFM
import Foundation
import SignpostModel
import SignpostValidate

public struct Heading: Sendable, Hashable, Codable {
    public var level: Int
    public var text: String
    public var anchor: String
}

/// A link or picture address as written, with the line it is on (1 is the text's first line).
public struct MarkdownLink: Sendable, Hashable, Codable {
    public var url: String
    public var line: Int
}

/// A heading more than one level below the one before it (`##` then `####`), as written.
public struct SkippedHeading: Sendable, Hashable, Codable {
    public var text: String
    public var line: Int
    public var level: Int
    public var previousLevel: Int
}

/// A link taken out of the output, and why.
public struct RemovedLink: Sendable, Hashable, Codable {
    public var link: MarkdownLink
    public var reason: String
}

public struct RenderedMarkdown: Sendable, Codable {
    public var html: String
    public var headings: [Heading]
    /// Every link target left in the output, for `check` to resolve.
    public var links: [MarkdownLink]
    /// Links removed because they cannot work or are unsafe, with the reason.
    public var removedLinks: [RemovedLink]
    /// Images with no description, which screen-reader users cannot see.
    public var imagesWithoutAlt: [MarkdownLink]
    /// Images from anywhere but the site itself, replaced by their description: a picture from
    /// another website tells that website who is reading the page.
    public var outsideImages: [MarkdownLink] = []
    /// Headings that skip a level in the text (the output closes the gap).
    public var skippedHeadings: [SkippedHeading] = []
    /// Set when the text is beyond what can be rendered in reasonable time; it is then not rendered.
    public var refused: MarkdownBounds.Violation?
}

/// Markdown → HTML with Debian's cmark-gfm. Raw HTML is never passed through (no
/// CMARK_OPT_UNSAFE), and link targets are checked in the syntax tree before rendering.
///
/// cmark-gfm 0.29's parser is not thread-safe: every parse adds its extensions' characters to
/// one global table of inline special characters and removes them when it ends
/// (`cmark_manage_extensions_special_characters`, upstream PR #176), so a parse ending on one
/// thread takes `~` from a parse running on another. Parsing therefore holds one process-wide
/// lock; tree edits and HTML rendering run in parallel. `MarkdownBounds` refuses every shape
/// known to be slower than linear before the lock is taken, so each parse is short; a parse
/// still over `timeLimit` is reported and its HTML left out. A build renders in worker
/// processes (`MarkdownWorkers`), each with a renderer of its own, where a parse that runs
/// away is stopped rather than waited for.
public struct MarkdownRenderer: Sendable {
    static let extensionNames = ["table", "autolink", "strikethrough", "tagfilter", "tasklist"]
    /// Registering extensions changes global state, so it happens once, before any parse.
    static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()
    static let parseLock = NSLock()

    static func attachExtensions(to parser: OpaquePointer) {
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
    }

    public static let options: Int32 = CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES | CMARK_OPT_VALIDATE_UTF8
    public static let defaultTimeLimit: Duration = .seconds(1)

    /// The heading level the body's top headings become (the page title is the only h1).
    public var topHeadingLevel: Int
    public var linkPhoneNumbers: Bool
    /// How long one text's parse may take. `MarkdownBounds` keeps every known slow shape far
    /// below it; this catches any shape not yet known.
    public var timeLimit: Duration

    public init(topHeadingLevel: Int = 2, linkPhoneNumbers: Bool = true, timeLimit: Duration = MarkdownRenderer.defaultTimeLimit) {
        self.topHeadingLevel = topHeadingLevel
        self.linkPhoneNumbers = linkPhoneNumbers
        self.timeLimit = timeLimit
    }

    public func render(_ markdown: String) -> RenderedMarkdown {
        var result = RenderedMarkdown(html: "", headings: [], links: [], removedLinks: [], imagesWithoutAlt: [])
        if let violation = MarkdownBounds.check(markdown) {
            result.refused = violation
            return result
        }
        _ = MarkdownRenderer.registered
        let clock = ContinuousClock()
        let started = clock.now
        let parser = cmark_parser_new(MarkdownRenderer.options)!
        MarkdownRenderer.attachExtensions(to: parser)
        var text = markdown
        func parse() -> OpaquePointer {
            text.withUTF8 { bytes in
                bytes.withMemoryRebound(to: CChar.self) { if let start = $0.baseAddress { cmark_parser_feed(parser, start, $0.count) } }
            }
            return cmark_parser_finish(parser)!
        }
        let document = MarkdownRenderer.parseLock.withLock { parse() }
        defer {
            cmark_node_free(document)
            cmark_parser_free(parser)
        }
        if clock.now - started > timeLimit {
            result.refused = MarkdownRenderer.tooSlow(timeLimit)
            return result
        }

        let nodes = collect(document)
        sanitiseLinks(nodes.links, into: &result)
        if linkPhoneNumbers { link(phoneNumbersIn: nodes.texts) }
        let headings = levelHeadings(nodes.headings, skipped: &result.skippedHeadings)

        let extensions = cmark_parser_get_syntax_extensions(parser)
        guard let raw = cmark_render_html(document, MarkdownRenderer.options, extensions) else { return result }
        var html = String(cString: raw)
        free(raw)
        html = addAnchors(to: html, headings: headings, result: &result)
        html = labelTaskItems(html)
        html = wrapTables(html)
        result.html = html
        return result
    }

    /// Why a text that took longer than `limit` to read is left out.
    static func tooSlow(_ limit: Duration) -> MarkdownBounds.Violation {
        MarkdownBounds.Violation(
            line: 1, message: "this text took more than \(limit) to read, so it is left out; its shape is far from anything an office writes",
            suggestion: "look for long runs of [ ] * _ < or ` with no words between them, and remove them or write \\ before each")
    }

    // MARK: Tree walking

    struct Nodes {
        var links: [OpaquePointer] = []
        var texts: [OpaquePointer] = []
        var headings: [OpaquePointer] = []
    }

    func collect(_ document: OpaquePointer) -> Nodes {
        var nodes = Nodes()
        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        var insideLink = 0
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
                if event == CMARK_EVENT_ENTER { insideLink += 1; nodes.links.append(node) } else { insideLink -= 1 }
            } else if event == CMARK_EVENT_ENTER {
                if type == CMARK_NODE_TEXT && insideLink == 0 { nodes.texts.append(node) }
                if type == CMARK_NODE_HEADING { nodes.headings.append(node) }
            }
        }
        return nodes
    }

    /// The line a node starts on; inline nodes cmark made itself (an email found in text) have
    /// none, so their block's line is used.
    static func line(of node: OpaquePointer) -> Int {
        var current: OpaquePointer? = node
        while let candidate = current {
            let line = Int(cmark_node_get_start_line(candidate))
            if line > 0 { return line }
            current = cmark_node_parent(candidate)
        }
        return 1
    }

    func sanitiseLinks(_ links: [OpaquePointer], into result: inout RenderedMarkdown) {
        for node in links {
            let link = MarkdownLink(url: cmark_node_get_url(node).map { String(cString: $0) } ?? "", line: MarkdownRenderer.line(of: node))
            let url = link.url
            let isImage = cmark_node_get_type(node) == CMARK_NODE_IMAGE
            var reason: String?
            if LinkRules.isUnsafeScheme(url) {
                reason = url.hasPrefix(ignoringASCIICase: "file:") ? "a file on a computer or network drive, which families cannot open" : "a script or embedded-data link, which is never published"
            } else if LinkRules.isDrivePath(url) {
                reason = "a path on a network drive, which families cannot open"
            } else if url.hasPrefix(ignoringASCIICase: "http"), case let .error(message, _) = LinkRules.checkWebsite(url) {
                reason = message
            }
            if let reason {
                result.removedLinks.append(RemovedLink(link: link, reason: reason))
                unwrap(node)
                continue
            }
            if isImage, MarkdownRenderer.isOutsideAddress(url) {
                result.outsideImages.append(link)
                unwrap(node)
                continue
            }
            result.links.append(link)
            if isImage && cmark_node_first_child(node) == nil {
                result.imagesWithoutAlt.append(link)
            }
        }
    }

    /// An address with a scheme (`https:`, `data:`, anything before a colon ahead of the first
    /// slash), or one starting `//` or `\\`, which browsers read as another host.
    static func isOutsideAddress(_ url: String) -> Bool {
        let trimmed = url.drop { $0 == " " || $0 == "\t" || $0 == "\n" }
        if trimmed.hasPrefix("//") || trimmed.hasPrefix("\\") || trimmed.hasPrefix("/\\") || trimmed.hasPrefix("\\/") { return true }
        guard let colon = trimmed.firstIndex(of: ":") else { return false }
        return !trimmed[..<colon].contains { $0 == "/" || $0 == "?" || $0 == "#" }
    }

    /// Replaces a link by its text (an image by its description), keeping what the reader sees.
    func unwrap(_ node: OpaquePointer) {
        while let child = cmark_node_first_child(node) {
            cmark_node_unlink(child)
            cmark_node_insert_before(node, child)
        }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    /// Turns UK phone numbers written in text into `tel:` links, so a parent on a phone can tap them.
    func link(phoneNumbersIn texts: [OpaquePointer]) {
        for node in texts {
            guard let literal = cmark_node_get_literal(node) else { continue }
            let text = String(cString: literal)
            let matches = PhoneScanner.numbers(in: text)
            guard !matches.isEmpty else { continue }
            var cursor = text.startIndex
            for range in matches {
                if cursor < range.lowerBound { insert(text: String(text[cursor..<range.lowerBound]), before: node) }
                let number = String(text[range])
                let link = cmark_node_new(CMARK_NODE_LINK)!
                cmark_node_set_url(link, UKPhone.href(number))
                let label = cmark_node_new(CMARK_NODE_TEXT)!
                cmark_node_set_literal(label, number)
                cmark_node_append_child(link, label)
                cmark_node_insert_before(node, link)
                cursor = range.upperBound
            }
            if cursor < text.endIndex { insert(text: String(text[cursor...]), before: node) }
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
    }

    func insert(text: String, before node: OpaquePointer) {
        let piece = cmark_node_new(CMARK_NODE_TEXT)!
        cmark_node_set_literal(piece, text)
        cmark_node_insert_before(node, piece)
    }

    /// Shifts heading levels so the body's highest heading sits just under the page title,
    /// and closes gaps (an h2 followed by an h4 becomes h2, h3), so no level is skipped on the
    /// page; the gaps as written are listed in `skipped`, for `check` to report.
    func levelHeadings(_ nodes: [OpaquePointer], skipped: inout [SkippedHeading]) -> [(level: Int, text: String)] {
        var result: [(Int, String)] = []
        var stack: [(source: Int, output: Int)] = []
        var previous: Int?
        for node in nodes {
            let source = Int(cmark_node_get_heading_level(node))
            let text = plainText(node)
            if let previous, source > previous + 1 {
                skipped.append(SkippedHeading(text: text, line: MarkdownRenderer.line(of: node), level: source, previousLevel: previous))
            }
            previous = source
            while let last = stack.last, last.source >= source { stack.removeLast() }
            let output = min((stack.last?.output ?? topHeadingLevel - 1) + 1, 6)
            stack.append((source, output))
            cmark_node_set_heading_level(node, Int32(output))
            result.append((output, text))
        }
        return result
    }

    func plainText(_ node: OpaquePointer) -> String {
        var text = ""
        let iterator = cmark_iter_new(node)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(child)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(child) {
                text += String(cString: literal)
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                text += " "
            }
        }
        return text.trimmed(newlines: false)
    }

    // MARK: HTML touches cmark cannot do itself

    /// Gives each heading a stable id from its text. Raw HTML is never passed through,
    /// so every `<hN>` in the output is one of our headings, in document order.
    func addAnchors(to html: String, headings: [(level: Int, text: String)], result: inout RenderedMarkdown) -> String {
        guard !headings.isEmpty else { return html }
        // Works on bytes: Foundation's range(of:) on Swift strings converts to UTF-16 each call.
        let bytes = Array(html.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + headings.count * 32)
        var used: [String: Int] = [:]
        var position = 0
        for heading in headings {
            let tag: [UInt8] = Array("<h\(heading.level)>".utf8)
            guard let found = MarkdownRenderer.find(tag, in: bytes, from: position) else { break }
            var anchor = Slug.make(heading.text)
            if let count = used[anchor] { used[anchor] = count + 1; anchor += "-\(count + 1)" } else { used[anchor] = 1 }
            result.headings.append(Heading(level: heading.level, text: heading.text, anchor: anchor))
            output.append(contentsOf: bytes[position..<found])
            output.append(contentsOf: "<h\(heading.level) id=\"\(anchor)\">".utf8)
            position = found + tag.count
        }
        output.append(contentsOf: bytes[position...])
        return String(decoding: output, as: UTF8.self)
    }

    /// Where `needle` next occurs in `haystack` at or after `start`: `memchr` to each candidate
    /// first byte, `memcmp` for the rest (an element-by-element loop here was a large part of
    /// the Markdown step: Tests/bench/README.md).
    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        haystack.withUnsafeBytes { hay in needle.withUnsafeBytes { pin in find(pin, in: hay, from: start) } }
    }

    static func find(_ needle: UnsafeRawBufferPointer, in haystack: UnsafeRawBufferPointer, from start: Int) -> Int? {
        guard let first = needle.first, let base = haystack.baseAddress, start >= 0 else { return nil }
        var position = start
        while haystack.count - position >= needle.count {
            guard let hit = memchr(base + position, Int32(first), haystack.count - position - needle.count + 1) else { return nil }
            let index = base.distance(to: UnsafeRawPointer(hit))
            if memcmp(hit, needle.baseAddress!, needle.count) == 0 { return index }
            position = index + 1
        }
        return nil
    }

    /// cmark-gfm's task-list checkboxes have no label; show a tick or box with words instead.
    func labelTaskItems(_ html: String) -> String {
        var html = html
        var needle = "type=\"checkbox\""
        let hasCheckbox = html.withUTF8 { bytes in
            needle.withUTF8 { MarkdownRenderer.find(UnsafeRawBufferPointer($0), in: UnsafeRawBufferPointer(bytes), from: 0) != nil }
        }
        guard hasCheckbox else { return html }
        return html
            .replacingOccurrences(of: "<input type=\"checkbox\" checked=\"\" disabled=\"\" />", with: "<span class=\"task task-done\"><span class=\"visually-hidden\">Done: </span></span>")
            .replacingOccurrences(of: "<input type=\"checkbox\" disabled=\"\" />", with: "<span class=\"task\"><span class=\"visually-hidden\">To do: </span></span>")
    }

    /// Wide tables scroll inside their own focusable region instead of making the page scroll
    /// sideways. Each region needs a unique name (axe: landmark-unique), so they are numbered.
    func wrapTables(_ html: String) -> String {
        let bytes = Array(html.utf8)
        let open = Array("<table>".utf8), close = Array("</table>".utf8)
        guard MarkdownRenderer.find(open, in: bytes, from: 0) != nil else { return html }
        var count = 0
        var position = 0
        while let found = MarkdownRenderer.find(open, in: bytes, from: position) { count += 1; position = found + open.count }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + count * 100)
        position = 0
        var number = 0
        while position < bytes.count {
            let nextOpen = MarkdownRenderer.find(open, in: bytes, from: position)
            let nextClose = MarkdownRenderer.find(close, in: bytes, from: position)
            guard let next = [nextOpen, nextClose].compactMap({ $0 }).min() else { break }
            output.append(contentsOf: bytes[position..<next])
            if next == nextOpen {
                number += 1
                let label = count > 1 ? "Table \(number)" : "Table"
                output.append(contentsOf: "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"\(label)\"><table>".utf8)
                position = next + open.count
            } else {
                output.append(contentsOf: "</table></div>".utf8)
                position = next + close.count
            }
        }
        output.append(contentsOf: bytes[min(position, bytes.count)...])
        return String(decoding: output, as: UTF8.self)
    }

}
