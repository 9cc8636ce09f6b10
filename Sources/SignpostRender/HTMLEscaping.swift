import Mustache

/// Escaping for text placed in HTML: the five characters that can end a text or an attribute.
package enum HTML {
    /// Byte by byte, and without copying a value that has nothing to escape (most of them).
    /// swift-mustache's own escaping looks every Character up in a dictionary, which costs
    /// much more on every value of every page; this gives the same bytes.
    package static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard let first = bytes.firstIndex(where: needsEscaping) else { return nil }
            var escaped: [UInt8] = Array(bytes[..<first])
            escaped.reserveCapacity(bytes.count + 32)
            for byte in bytes[first...] {
                switch byte {
                case UInt8(ascii: "&"): escaped.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): escaped.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): escaped.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\""): escaped.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'"): escaped.append(contentsOf: "&#39;".utf8)
                default: escaped.append(byte)
                }
            }
            return String(decoding: escaped, as: UTF8.self)
        } ?? text
    }

    private static func needsEscaping(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }

    /// The name templates are compiled with (`Theme` puts the pragma in front of each one).
    static let contentTypeName = "signpost-html"

    /// Registers the content type with swift-mustache, once.
    static let registerContentType: Void = MustacheContentTypes.register(HTMLContent(), named: contentTypeName)
}

/// swift-mustache's content type for `{{value}}`, using `HTML.escape`.
struct HTMLContent: MustacheContentType {
    func escapeText(_ text: String) -> String { HTML.escape(text) }
}
