import SignpostModel

/// The settings of `school.md` that change what the school's pages show besides its colour and
/// logo: `footer_note:` and `links:`. Bounded so that the footer stays a footer.
extension ContentLoader {
    static let maxFooterNote = 300
    static let maxOwnLinks = 8
    static let maxLinkLabel = 80

    /// The line of a top-level key itself (a block value starts on the next line).
    func keyLine(_ key: String, _ reader: FieldReader) -> Int {
        reader.node.entries?.first { $0.key == key }?.keyLine ?? reader.node[key]?.line ?? 1
    }

    func footerNote(_ reader: FieldReader) -> Located<String>? {
        guard let note = reader.string("footer_note") else { return nil }
        let located = Located(note.value, file: note.file, line: keyLine("footer_note", reader), column: note.column)
        let length = note.value.count
        guard length <= ContentLoader.maxFooterNote else {
            reader.log.error(reader.file, line: located.line, "the footer note is \(length) characters; it may be at most \(ContentLoader.maxFooterNote)",
                             suggestion: "keep it to a sentence or two, and put the rest in the school's introduction or a further page")
            return nil
        }
        return located
    }

    func ownLinks(_ reader: FieldReader) -> [SchoolLink] {
        guard let node = reader.node["links"], !node.isNull else { return [] }
        let line = keyLine("links", reader)
        guard let items = node.items else {
            reader.log.error(reader.file, line: line, "`links` should be a list of `- label:` and `url:`",
                             suggestion: "write each link as\n  - label: School website\n    url: https://…")
            return []
        }
        guard items.count <= ContentLoader.maxOwnLinks else {
            reader.log.error(reader.file, line: line, "`links` has \(items.count) links; a school may list at most \(ContentLoader.maxOwnLinks)",
                             suggestion: "keep the ones families need most: the school website, the SEND information report, the safeguarding policy")
            return []
        }
        var links: [SchoolLink] = []
        for item in items {
            guard item.entries != nil else {
                reader.log.error(reader.file, line: item.line, column: item.column, "each link needs a `label:` and a `url:`")
                continue
            }
            reader.checkKeys(item, known: ["label", "url"], what: "a link")
            guard let label = reader.string("label", in: item) else {
                reader.log.error(reader.file, line: item.line, column: item.column, "each link needs a `label:`: the words families click",
                                 suggestion: "for example `label: SEND information report`")
                continue
            }
            guard label.value.count <= ContentLoader.maxLinkLabel else {
                reader.log.error(reader.file, line: label.line, column: label.column,
                                 "the link's label is \(label.value.count) characters; it may be at most \(ContentLoader.maxLinkLabel)",
                                 suggestion: "name the page in a few words, such as \"Safeguarding policy\"")
                continue
            }
            guard item["url"] != nil else {
                reader.log.error(reader.file, line: item.line, column: item.column, "the link \"\(label.value)\" needs a `url:`")
                continue
            }
            guard let url = reader.website("url", in: item) else { continue }
            links.append(SchoolLink(label: label.value, url: url))
        }
        return links
    }
}
