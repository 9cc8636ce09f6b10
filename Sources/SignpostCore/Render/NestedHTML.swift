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
        let shift = level + 1 - MarkdownRenderer().topHeadingLevel
        let bytes = Array(html.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 64)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            // `<hN` or `</hN`, N from 1 to 6, followed by `>` or a space.
            if byte == UInt8(ascii: "<") {
                var at = index + 1
                if at < bytes.count, bytes[at] == UInt8(ascii: "/") { at += 1 }
                if at + 2 < bytes.count, bytes[at] == UInt8(ascii: "h"), bytes[at + 1] >= UInt8(ascii: "1"), bytes[at + 1] <= UInt8(ascii: "6"),
                   bytes[at + 2] == UInt8(ascii: ">") || bytes[at + 2] == UInt8(ascii: " ") {
                    output.append(contentsOf: bytes[index...at])
                    output.append(UInt8(ascii: "0") + UInt8(min(max(Int(bytes[at + 1] - UInt8(ascii: "0")) + shift, 1), 6)))
                    index = at + 2
                    continue
                }
            }
            if byte == UInt8(ascii: " ") {
                for attribute in [" id=\"", " href=\"", " src=\""] where Self.matches(bytes, at: index, attribute) {
                    let start = index + attribute.utf8.count
                    guard let end = bytes[start...].firstIndex(of: UInt8(ascii: "\"")) else { break }
                    let value = String(decoding: bytes[start..<end], as: UTF8.self)
                    output.append(contentsOf: attribute.utf8)
                    output.append(contentsOf: (attribute == " id=\"" ? idPrefix + "-" + value : link(value)).utf8)
                    index = end
                    break
                }
                if index < bytes.count, bytes[index] == UInt8(ascii: "\"") { continue }
            }
            output.append(byte)
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// A link as written for `from`, as it must read on `to`: a heading of the text itself
    /// (`#…`) takes the prefix; a relative address is made to start from `to`'s folder; web
    /// addresses, emails, phones and addresses from the site's root are left as they are.
    func link(_ value: String) -> String {
        if value.hasPrefix("#") { return "#" + idPrefix + "-" + value.dropFirst() }
        if value.isEmpty || value.hasPrefix("/") { return value }
        let end = value.firstIndex { $0 == "?" || $0 == "#" } ?? value.endIndex
        let path = value[..<end]
        if let colon = path.firstIndex(of: ":"), !path[..<colon].contains("/") { return value }
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

    private static func matches(_ bytes: [UInt8], at index: Int, _ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard index + needle.count <= bytes.count else { return false }
        return bytes[index..<(index + needle.count)].elementsEqual(needle)
    }
}
