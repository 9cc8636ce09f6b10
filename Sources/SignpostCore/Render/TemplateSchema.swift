import Foundation

/// Which names each template can use: the keys of the values it is rendered with (their
/// family, the family they inherit, the families nested in them), and, for a partial, what the
/// templates that include it can see. For telling a school that `{{sumary}}` shows nothing.
public struct TemplateSchema: Sendable {
    /// The families each template of the theme is rendered with (partials are not listed:
    /// they see what their includers see).
    public static let families: [String: [KeyTable]] = [
        "index": [IndexPageKey.table], "404": [NotFoundPageKey.table], "accessibility": [AccessibilityPageKey.table],
        "school": [OfferPageKey.table], "level": [LevelPageKey.table], "topic": [TopicPageKey.table],
        "entry": [EntryPageKey.table], "page": [ExtraPageKey.table], "handout": [HandoutPageKey.table],
        "header": [LayoutKey.table], "get-help-now": [LayoutKey.table], "footer": [LayoutKey.table],
        "breadcrumbs": [LayoutKey.table], "entry-card": [CardKey.table], "handout-item": [CardKey.table],
        "entry-details": [DetailsKey.table], "entry-links": [EntryLinksKey.table], "entry-content": [EntryContentKey.table],
        "about": [AboutPageKey.table], "a-z": [AToZPageKey.table], "how-help-works": [HowHelpWorksPageKey.table],
        "offer-document": [OfferDocumentKey.table], "offer-document-entry": [DocumentEntryKey.table],
        "offer-document-again": [DocumentEntryKey.table], "a-z-topic": [LetterItemKey.table],
    ]

    /// The pages that place themselves in `layout` (`{{<layout}}`): it sees what all of them give it.
    static let pages = ["index", "404", "accessibility", "school", "level", "topic", "entry", "page", "handout", "about", "a-z",
                        "how-help-works"]

    private let visible: [String: Set<String>]

    /// The schema for a set of templates (name → text), which decides who includes whom.
    public init(templates: [String: String]) {
        var visible = TemplateSchema.families.mapValues { Set($0.flatMap(TemplateSchema.names)) }
        visible["layout"] = TemplateSchema.pages.compactMap { visible[$0] }.reduce(nil) { seen, names in seen.map { $0.intersection(names) } ?? names }
        // A partial sees what each template that includes it sees, however deep the includes go.
        let includes = templates.mapValues { TemplateTags.partials(in: $0) }
        var changed = true
        while changed {
            changed = false
            for (includer, partials) in includes {
                guard let names = visible[includer] else { continue }
                for partial in partials where TemplateSchema.families[partial] == nil && partial != "layout" {
                    let before = visible[partial]?.count
                    visible[partial, default: []].formUnion(names)
                    if visible[partial]?.count != before { changed = true }
                }
            }
        }
        self.visible = visible
    }

    /// Every name the template can use, or nil for a template the site never renders.
    public func names(visibleIn template: String) -> Set<String>? { visible[template] }

    /// A family's names and those of the families it inherits and nests, all the way down.
    static func names(_ table: KeyTable) -> [String] {
        var seen: Set<ObjectIdentifier> = []
        var names: [String] = []
        func visit(_ table: KeyTable) {
            guard seen.insert(ObjectIdentifier(table)).inserted else { return }
            names += table.names
            table.inherits.map(visit)
            table.nested.values.forEach(visit)
        }
        visit(table)
        return names
    }
}

/// The tags of a Mustache template, read the way swift-mustache reads them (delimiter
/// changes included), without rendering anything.
public enum TemplateTags {
    /// A name a template looks up (`{{name}}`, `{{{name}}}`, `{{#name}}`, `{{^name}}`): each part
    /// of a dotted name, and the value a transform is applied to (`lowercased(name)`), with its line.
    public struct Name: Sendable, Equatable {
        public let name: String
        public let line: Int
    }

    public static func names(in template: String) -> [Name] {
        var names: [Name] = []
        for tag in tags(in: template) {
            guard let sigil = tag.text.first else { continue }
            var body = Substring(tag.text)
            switch sigil {
            case "#", "^", "&", "{": body = body.dropFirst()
            case "/", "!", ">", "<", "$", "%", "=": continue
            default: break
            }
            if body.last == "}" { body = body.dropLast() }
            var name = body.trimmed(newlines: false)
            // `transform(name)`: the name inside; `first()` and the like name no value.
            if let open = name.firstIndex(of: "("), name.hasSuffix(")") {
                name = String(name[name.index(after: open)..<name.index(before: name.endIndex)])
            }
            guard !name.isEmpty, name != "." else { continue }
            for part in name.split(separator: ".") { names.append(Name(name: String(part), line: tag.line)) }
        }
        return names
    }

    /// The partials a template includes (`{{> name}}`) or places itself in (`{{< name}}`).
    public static func partials(in template: String) -> Set<String> {
        Set(tags(in: template).compactMap { tag in
            guard let sigil = tag.text.first, sigil == ">" || sigil == "<" else { return nil }
            return tag.text.dropFirst().trimmed(newlines: false)
        })
    }

    /// Each tag's text between its delimiters, and the line it starts on.
    static func tags(in template: String) -> [(text: String, line: Int)] {
        var tags: [(String, Int)] = []
        scan(template) { text, line, _ in tags.append((text, line)) }
        return tags
    }

    /// Calls `visit` with each tag's text (trimmed; a triple mustache's with both braces), its
    /// line, and the part of the template between its delimiters. Over UTF-8 bytes: every
    /// template is scanned several times whenever a theme is loaded.
    static func scan(_ template: String, _ visit: (_ text: String, _ line: Int, _ inside: Range<String.Index>) -> Void) {
        let bytes = Array(template.utf8), utf8 = template.utf8
        var open = Array("{{".utf8), close = Array("}}".utf8)
        func find(_ needle: [UInt8], from start: Int) -> Int? {
            guard let first = needle.first, needle.count <= bytes.count else { return nil }
            var index = start
            while index <= bytes.count - needle.count {
                if bytes[index] == first, needle.indices.allSatisfy({ bytes[index + $0] == needle[$0] }) { return index }
                index += 1
            }
            return nil
        }
        var line = 1, counted = 0, position = 0
        while let start = find(open, from: position) {
            let inner = start + open.count
            // A triple mustache ends with one more brace.
            let triple = open == Array("{{".utf8) && inner < bytes.count && bytes[inner] == UInt8(ascii: "{")
            let closing = triple ? Array("}".utf8) + close : close
            guard let end = find(closing, from: inner) else { break }
            line += bytes[counted..<inner].reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            counted = inner
            let inside = utf8.index(utf8.startIndex, offsetBy: inner)..<utf8.index(utf8.startIndex, offsetBy: end)
            let text = template[inside].trimmed(newlines: false)
            visit(triple ? text + "}" : text, line, inside)
            position = end + closing.count
            if text.first == "=", text.last == "=" {
                let delimiters = text.dropFirst().dropLast().split(separator: " ", omittingEmptySubsequences: true)
                if delimiters.count == 2 { open = Array(delimiters[0].utf8); close = Array(delimiters[1].utf8) }
            }
        }
    }
}
