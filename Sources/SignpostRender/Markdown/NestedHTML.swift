/// Markdown's HTML moved from the page it was written for onto a page that holds many texts
/// (the whole offer to print): its headings placed below the heading it sits under, its
/// heading ids (and the links to them) given a prefix, so that two texts with a heading of the
/// same name keep unique ids, and its relative links made to start from the new page.
///
/// Works on the renderer's own output: raw HTML never passes through it (no
/// `CMARK_OPT_UNSAFE`) and text is escaped, so every `<hN`, ` id="`, ` href="` and ` src="` in
/// it is markup the renderer wrote, with the value up to the next `"`.
struct NestedHTML {
    /// The level of the heading the text sits under: its top headings (`h2`, the renderer's
    /// `topHeadingLevel`) become one below it, and so on down, no deeper than `h6`.
    let level: Int
    /// Put in front of each heading id, with a hyphen.
    let idPrefix: String
    /// The page the text was written for, and the page it is placed on, each as a path inside
    /// the school's folder (`SiteURLs.Within`): relative links are written for the first.
    let from: String
    let to: String

    /// The text as it reads on the new page.
    func place(_ html: String) -> String {
        var html = html
        return html.withUTF8(place)
    }

    /// Over the bytes, copying runs of text whole: between tags the text is escaped, so only
    /// what is inside `<…>` can need changing, and the texts are long (whole policies, every
    /// entry of an offer) and placed for every school.
    private func place(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let shift = level + 1 - MarkdownRenderer().topHeadingLevel
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 256)
        var copied = 0   // bytes before this are in `output`
        func copy(upTo end: Int) {
            if end > copied { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<end])) }
            copied = max(copied, end)
        }
        var index = 0
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
            // `<hN` or `</hN`, N from 1 to 6, followed by `>` or a space.
            var at = open + 1
            if at < bytes.count, bytes[at] == UInt8(ascii: "/") { at += 1 }
            if at + 2 < bytes.count, bytes[at] == UInt8(ascii: "h"), bytes[at + 1] >= UInt8(ascii: "1"), bytes[at + 1] <= UInt8(ascii: "6"),
               bytes[at + 2] == UInt8(ascii: ">") || bytes[at + 2] == UInt8(ascii: " ") {
                copy(upTo: at + 1)
                output.append(UInt8(ascii: "0") + UInt8(min(max(Int(bytes[at + 1] - UInt8(ascii: "0")) + shift, 1), 6)))
                copied = at + 2
                at += 2
            }
            // The rest of the tag: each attribute whose value is rewritten starts with a space.
            while at < bytes.count, bytes[at] != UInt8(ascii: ">") {
                if bytes[at] == UInt8(ascii: " "), let attribute = Self.attribute(in: bytes, at: at) {
                    let start = at + attribute.count
                    guard let end = bytes[start...].firstIndex(of: UInt8(ascii: "\"")) else { at += 1; continue }
                    let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                    copy(upTo: start)
                    output.append(contentsOf: (attribute == Self.id ? idPrefix + "-" + value : link(value)).utf8)
                    copied = end
                    at = end
                }
                at += 1
            }
            index = min(at, bytes.count)
            if index == bytes.count { break }
        }
        copy(upTo: bytes.count)
        return String(decoding: output, as: UTF8.self)
    }

    private static let id = Array(" id=\"".utf8)
    private static let attributes = [id, Array(" href=\"".utf8), Array(" src=\"".utf8)]

    /// The attribute whose value is rewritten that starts at `index` (a space), if any.
    private static func attribute(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> [UInt8]? {
        attributes.first { needle in
            index + needle.count <= bytes.count && bytes[index + 1] == needle[1]
                && UnsafeBufferPointer(rebasing: bytes[index..<(index + needle.count)]).elementsEqual(needle)
        }
    }

    /// A link as written for `from`, as it must read on `to`: a heading of the text itself
    /// (`#…`) takes the prefix; a relative address is made to start from `to`'s folder; web
    /// addresses, emails, phones and addresses from the site's root are left as they are.
    func link(_ value: String) -> String {
        if value.hasPrefix("#") { return "#" + idPrefix + "-" + value.dropFirst() }
        if value.isEmpty || value.hasPrefix("/") { return value }
        // A scheme (`https:`, `mailto:`, `tel:`) is a colon before any `/`, `?` or `#`. Over
        // the bytes: most links are web addresses, and all of them are ASCII up to there.
        let utf8 = value.utf8
        let stop = utf8.firstIndex { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }
        if let stop, utf8[stop] == UInt8(ascii: ":") { return value }
        let end = utf8.firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? value.endIndex
        let path = value[..<end]
        // Resolved inside the school's folder; `up` counts the steps above it (to the site's
        // own pages), which stay steps above it.
        var stack = from.split(separator: "/").dropLast().map(String.init)
        var up = 0
        for piece in path.split(separator: "/", omittingEmptySubsequences: false) {
            switch piece {
            case "..": if stack.popLast() == nil { up += 1 }
            case ".", "": continue
            default: stack.append(String(piece))
            }
        }
        let depth = to.split(separator: "/").count - 1
        var rebased = String(repeating: "../", count: depth + up) + stack.joined(separator: "/")
        if path.hasSuffix("/"), !stack.isEmpty { rebased += "/" }
        if rebased.isEmpty { rebased = "./" }
        return rebased + value[end...]
    }
}
