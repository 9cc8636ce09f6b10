/// Limits on the shapes of Markdown that Debian's cmark-gfm 0.29 parses in quadratic time
/// (a wide table, a table row with thousands of cells, a paragraph thousands of lines long
/// just before a table, many `www.` in one unbroken run, many `@` on one long line, quotes
/// nested thousands deep, thousands of `[` left open in one paragraph: each link made walks
/// back over every `[` still open before it). Each is far outside what an office writes, and each limit is
/// checked in one pass over the bytes before cmark sees the text, so no single text takes
/// more than about a second to render.
import Foundation

public enum MarkdownBounds {
    public static let maximumColumns = 64
    /// A row may have more cells than its table (cmark-gfm still splits them all).
    public static let maximumRowCells = 128
    public static let maximumTableCells = 100_000
    /// Lines of paragraph just before tables, in all: cmark-gfm reads them again for each table.
    public static let maximumHeaderLines = 2_000
    public static let maximumNesting = 100
    /// For each `]` in a paragraph, table row or heading, the `[` still open before it, in all
    /// (cmark-gfm walks back over them when it makes a link). A list of links costs one per link.
    public static let maximumBracketWork = 2_000_000
    /// `www.` starts times the length of the unbroken run each is in (each start scans the run).
    static let maximumWebAddressWork = 10_000_000
    /// `@` signs times the length of their line (each email found copies the rest of the line).
    static let maximumEmailWork = 1_000_000_000

    public struct Violation: Sendable, Equatable, Codable {
        /// Line in the text (1 is its first line).
        public var line: Int
        public var message: String
        public var suggestion: String

        package init(line: Int, message: String, suggestion: String) {
            self.line = line
            self.message = message
            self.suggestion = suggestion
        }
    }

    public static func check(_ markdown: String) -> Violation? {
        var text = markdown
        return text.withUTF8 { buffer in
            var scan = Scan(bytes: buffer)
            return scan.run()
        }
    }

    /// The state of one pass over the text, line by line.
    struct Scan {
        let bytes: UnsafeBufferPointer<UInt8>
        var line = 0
        var tableColumns: Int?
        var tableCells = 0
        var paragraphLines = 0
        /// The line before this one (a table's heading row, if this one is its delimiter row).
        var previousLine = 0..<0
        var headerLines = 0
        var webAddressWork = 0
        var emailWork = 0
        /// `[` open, and the work of the `]` so far, since the current paragraph (or table row,
        /// or heading) started.
        var openBrackets = 0
        var bracketWork = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func run() -> Violation? {
            guard let base = bytes.baseAddress else { return nil }
            var start = 0
            while start < bytes.count {
                let end = memchr(base + start, 10, bytes.count - start).map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - base } ?? bytes.count
                line += 1
                if let violation = take(start, end) { return violation }
                start = end + 1
            }
            return nil
        }

        static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 13 }

        mutating func take(_ start: Int, _ end: Int) -> Violation? {
            if let violation = autolinkWork(start, end) { return violation }
            var position = start
            var nesting = 0
            var listItem = false
            // Containers: quotes (>) and list markers followed by a space, possibly many on one line.
            while position < end {
                let byte = bytes[position]
                if byte == 62 { nesting += 1 } else if (byte == 45 || byte == 42 || byte == 43), position + 1 < end, Scan.isSpace(bytes[position + 1]) {
                    nesting += 1
                    listItem = true
                } else if !Scan.isSpace(byte) { break }
                position += 1
            }
            if nesting > MarkdownBounds.maximumNesting {
                return Violation(line: line, message: "this line puts \(nesting) quotes or lists inside each other; Signpost allows up to \(MarkdownBounds.maximumNesting)",
                                 suggestion: "remove the extra > or list markers at the start of the line")
            }
            if position == end {
                tableColumns = nil
                paragraphLines = 0
                openBrackets = 0
                bracketWork = 0
                return nil
            }
            if listItem || tableColumns != nil || bytes[position] == 35 { openBrackets = 0; bracketWork = 0 }
            if let violation = countBrackets(position, end) { return violation }
            // A heading, quote or list item starts a new block: the paragraph before it has ended.
            if tableColumns == nil, nesting > 0 || bytes[position] == 35 { paragraphLines = 0 }
            if let columns = tableColumns {
                let cells = cellCount(position, end)
                if cells > MarkdownBounds.maximumRowCells {
                    return Violation(line: line, message: "this table row has \(cells) cells; Signpost allows up to \(MarkdownBounds.maximumRowCells) in a row",
                                     suggestion: "split the row, or write \\| for a | that does not start a new cell")
                }
                return addCells(columns)
            }
            if let columns = delimiterColumns(position, end), paragraphLines > 0 {
                if columns > MarkdownBounds.maximumColumns {
                    return Violation(line: line - 1, message: "this table has \(columns) columns; Signpost allows up to \(MarkdownBounds.maximumColumns), and a table that wide cannot be read on a phone",
                                     suggestion: "split it into several narrower tables")
                }
                let headingCells = cellCount(previousLine.lowerBound, previousLine.upperBound)
                if headingCells > MarkdownBounds.maximumRowCells {
                    return Violation(line: line - 1, message: "this table's heading row has \(headingCells) cells; Signpost allows up to \(MarkdownBounds.maximumRowCells) in a row",
                                     suggestion: "split the row, or write \\| for a | that does not start a new cell")
                }
                headerLines += paragraphLines
                if headerLines > MarkdownBounds.maximumHeaderLines {
                    return Violation(line: line - 1, message: "the table starting here comes straight after \(paragraphLines) lines of text, with no blank line between them",
                                     suggestion: "put a blank line before the table's first row")
                }
                tableColumns = columns
                paragraphLines = 0
                return addCells(2 * columns)
            }
            paragraphLines += 1
            previousLine = position..<end
            return nil
        }

        /// Unescaped `[` and `]` on the line (most lines have neither, found with memchr).
        mutating func countBrackets(_ start: Int, _ end: Int) -> Violation? {
            guard let base = bytes.baseAddress, memchr(base + start, 91, end - start) != nil || memchr(base + start, 93, end - start) != nil else { return nil }
            var index = start
            while index < end {
                let byte = bytes[index]
                if byte == 92 { index += 2; continue }
                if byte == 91 {
                    openBrackets += 1
                } else if byte == 93, openBrackets > 0 {
                    bracketWork += openBrackets
                    openBrackets -= 1
                }
                index += 1
            }
            guard bracketWork > MarkdownBounds.maximumBracketWork else { return nil }
            return Violation(line: line, message: "this paragraph has \(openBrackets) [ brackets that no ] closes, with links after them; reading it would take minutes",
                             suggestion: "remove the [ that do not start a link, or write \\[ for each of them")
        }

        mutating func addCells(_ count: Int) -> Violation? {
            tableCells += count
            guard tableCells > MarkdownBounds.maximumTableCells else { return nil }
            return Violation(line: line, message: "the tables in this text have more than \(MarkdownBounds.maximumTableCells) cells in all; Signpost allows \(MarkdownBounds.maximumTableCells)",
                             suggestion: "split the tables over several pages")
        }

        /// Cells a row would split into: unescaped `|` (inside code too, as cmark-gfm counts them)
        /// plus one, less a pipe at either end, which only closes the row.
        func cellCount(_ start: Int, _ end: Int) -> Int {
            var pipes = 0
            var index = start
            var first = -1, last = -1
            while index < end {
                let byte = bytes[index]
                if byte == 92 { index += 2; continue }
                if byte == 124 { pipes += 1 }
                if !Scan.isSpace(byte) {
                    if first < 0 { first = index }
                    last = index
                }
                index += 1
            }
            guard first >= 0 else { return 0 }
            var cells = pipes + 1
            if bytes[first] == 124 { cells -= 1 }
            if last > first, bytes[last] == 124 { cells -= 1 }
            return max(cells, 1)
        }

        /// The number of columns if the line is a table's delimiter row (`|---|:--:|`), else nil.
        func delimiterColumns(_ start: Int, _ end: Int) -> Int? {
            var pipes = 0, dashes = 0
            for index in start..<end {
                switch bytes[index] {
                case 124: pipes += 1
                case 45: dashes += 1
                case 58, 32, 9, 13: break
                default: return nil
                }
            }
            guard pipes > 0, dashes > 0 else { return nil }
            // A pipe at either end of the row only closes it.
            var first = start, last = end
            while first < last && Scan.isSpace(bytes[first]) { first += 1 }
            while last > first && Scan.isSpace(bytes[last - 1]) { last -= 1 }
            var columns = pipes + 1
            if bytes[first] == 124 { columns -= 1 }
            if last - 1 > first, bytes[last - 1] == 124 { columns -= 1 }
            return max(columns, 1)
        }

        /// Whether `www.` occurs in the line, jumping from one `w` to the next with memchr.
        func containsWebAddressStart(_ start: Int, _ end: Int) -> Bool {
            guard let base = bytes.baseAddress else { return false }
            var index = start
            while index + 3 < end, let hit = memchr(base + index, 119, end - index - 3) {
                index = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
                if bytes[index + 1] == 119, bytes[index + 2] == 119, bytes[index + 3] == 46 { return true }
                index += 1
            }
            return false
        }

        /// Work the autolink extension would do on this line (see the limits above). Most lines
        /// have no `www.` and no `@`, found with memchr before any byte loop.
        mutating func autolinkWork(_ start: Int, _ end: Int) -> Violation? {
            guard end > start, let base = bytes.baseAddress else { return nil }
            var ats = 0
            var at = start
            while at < end, let hit = memchr(base + at, 64, end - at) {
                ats += 1
                at = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base + 1
            }
            if containsWebAddressStart(start, end) {
                var runStart = start, starts = 0
                func isDomain(_ byte: UInt8) -> Bool {
                    (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == 95 || byte == 46 || byte == 45 || byte >= 128
                }
                var index = start
                while index <= end {
                    let byte: UInt8 = index < end ? bytes[index] : 32
                    if isDomain(byte) {
                        if byte == 119, index + 3 < end, bytes[index + 1] == 119, bytes[index + 2] == 119, bytes[index + 3] == 46,
                           index == runStart || bytes[index - 1] == 95 {
                            starts += 1
                        }
                    } else {
                        if starts > 0 { webAddressWork += starts * (index - runStart) }
                        starts = 0
                        runStart = index + 1
                    }
                    index += 1
                }
            }
            if webAddressWork > MarkdownBounds.maximumWebAddressWork {
                return Violation(line: line, message: "this line has a very long run of text with no spaces that holds many web addresses; publishing it would take minutes",
                                 suggestion: "put a space between the web addresses")
            }
            if ats > 1 { emailWork += ats * (end - start) }
            if emailWork > MarkdownBounds.maximumEmailWork {
                return Violation(line: line, message: "this line is very long and has \(ats) @ signs; publishing it would take minutes",
                                 suggestion: "put each email address on a line of its own")
            }
            return nil
        }
    }
}
