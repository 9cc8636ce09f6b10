import Foundation

/// What a page to print may hold before it goes to the engine. Every Markdown file is within
/// its own limits, but a school's whole offer gathers all of them into one page, and a layout
/// engine's time and memory grow with the depth of nesting and the number of table rows; past
/// these bounds the PDF would run to thousands of pages or never finish. A page past them is
/// refused with the reason, so the office can shorten what it wrote.
struct PrintPageBounds: Sendable {
    /// Lists and quotes inside each other (Markdown allows up to 100).
    var depth = 24
    /// Table rows in the whole page.
    var tableRows = 20_000
    /// The page's size in bytes.
    var bytes = 32 * 1024 * 1024

    /// Why the page cannot be printed, in an office's words; nil when it can.
    func problem(in html: Data) -> String? {
        if html.count > bytes {
            return "its page is \(html.count / (1024 * 1024)) MB, more than the \(bytes / (1024 * 1024)) MB a PDF can be made from"
        }
        var deepest = 0, depthNow = 0, rows = 0
        html.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var index = 0
            while index < bytes.count {
                guard bytes[index] == UInt8(ascii: "<") else { index += 1; continue }
                let closing = index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "/")
                var start = index + (closing ? 2 : 1)
                var name: [UInt8] = []
                while start < bytes.count, name.count < 11, (bytes[start] | 0x20) >= UInt8(ascii: "a"), (bytes[start] | 0x20) <= UInt8(ascii: "z") {
                    name.append(bytes[start] | 0x20)
                    start += 1
                }
                index = start
                switch name {
                case Array("ul".utf8), Array("ol".utf8), Array("blockquote".utf8), Array("table".utf8):
                    if closing { depthNow = max(0, depthNow - 1) } else {
                        depthNow += 1
                        deepest = max(deepest, depthNow)
                    }
                case Array("tr".utf8):
                    if !closing { rows += 1 }
                default:
                    break
                }
            }
        }
        if deepest > depth {
            return "its page has lists, quotes or tables nested \(deepest) deep, more than the \(depth) a PDF can show"
        }
        if rows > tableRows {
            return "its page has \(rows) table rows, more than the \(tableRows) a PDF can be made from"
        }
        return nil
    }
}
