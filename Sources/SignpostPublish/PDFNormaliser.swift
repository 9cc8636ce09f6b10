import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Makes a PDF written by Chromium (Skia) the same bytes for the same page, and marks it as the
/// accessible document it is tagged as. Skia writes its objects uncompressed (only page
/// contents and fonts are compressed) with a plain cross-reference table, so:
/// - what varies from run to run is replaced by text of the same length, which keeps every
///   offset in the table right: the dates (the offer's review date, or blanks, which a PDF
///   reads as white space) and the structure elements' ids (the page's DOM node numbers,
///   which depend on what the tab showed before; renumbered in the same order, so the sorted
///   id tree stays sorted);
/// - the XMP metadata (title, language, PDF/UA part 1) is added as an incremental update: a
///   new metadata stream and the catalog again, pointing at it.
struct PDFNormaliser {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The document's title and language, for the metadata.
    var title: String
    var language: String
    /// The creation and modification date (ISO 8601 day), or nil for none.
    var date: String?

    func normalise(_ pdf: Data) throws(Failure) -> Data {
        var bytes = [UInt8](pdf)
        guard bytes.starts(with: Array("%PDF-".utf8)) else { throw Failure(description: "the engine did not write a PDF") }
        try replaceDates(&bytes)
        renumberNodeIDs(&bytes)
        try addMetadata(&bytes)
        return Data(bytes)
    }

    /// The pages of a PDF Skia wrote (each page object says `/Type /Page`).
    static func pageCount(_ pdf: Data) -> Int {
        let bytes = [UInt8](pdf)
        let marker = Array("/Type /Page".utf8)
        var count = 0
        var from = 0
        while let found = bytes.firstRange(of: marker, from: from) {
            let next = found.upperBound < bytes.count ? bytes[found.upperBound] : 0
            if !(next >= UInt8(ascii: "a") && next <= UInt8(ascii: "z")) { count += 1 }
            from = found.upperBound
        }
        return count
    }

    private func replaceDates(_ bytes: inout [UInt8]) throws(Failure) {
        let stamp = date.map { "D:" + $0.replacingOccurrences(of: "-", with: "") + "000000+00'00'" }
        for key in ["/CreationDate", "/ModDate"] {
            var from = 0
            while let found = bytes.firstRange(of: Array((key + " (").utf8), from: from) {
                guard let close = bytes[found.upperBound...].firstIndex(of: UInt8(ascii: ")")) else { break }
                let span = found.lowerBound...close
                let replacement = stamp.map { Array("\(key) (\($0))".utf8) } ?? []
                guard replacement.count <= span.count else { throw Failure(description: "its dates could not be set") }
                bytes.replaceSubrange(span, with: replacement + Array(repeating: UInt8(ascii: " "), count: span.count - replacement.count))
                from = close + 1
            }
        }
    }

    /// `(node00000019)` → `(node00000001)`, the same width, in the same order.
    private func renumberNodeIDs(_ bytes: inout [UInt8]) {
        let marker = Array("(node".utf8)
        var spans: [(range: Range<Int>, number: Int)] = []
        var from = 0
        while let found = bytes.firstRange(of: marker, from: from) {
            var end = found.upperBound
            while end < bytes.count, bytes[end] >= UInt8(ascii: "0"), bytes[end] <= UInt8(ascii: "9") { end += 1 }
            from = end
            guard end > found.upperBound, end < bytes.count, bytes[end] == UInt8(ascii: ")"),
                  let number = Int(String(decoding: bytes[found.upperBound..<end], as: UTF8.self)) else { continue }
            spans.append((found.upperBound..<end, number))
        }
        let order = Dictionary(uniqueKeysWithValues: Set(spans.map(\.number)).sorted().enumerated().map { ($1, $0 + 1) })
        for (range, number) in spans {
            let digits = String(order[number]!)
            guard digits.count <= range.count else { continue }
            bytes.replaceSubrange(range, with: Array((String(repeating: "0", count: range.count - digits.count) + digits).utf8))
        }
    }

    private func addMetadata(_ bytes: inout [UInt8]) throws(Failure) {
        let text = String(decoding: bytes.suffix(2048), as: UTF8.self)
        guard let trailer = text.range(of: "trailer", options: .backwards),
              let size = Self.number(after: "/Size ", in: text[trailer.upperBound...]),
              let root = Self.number(after: "/Root ", in: text[trailer.upperBound...]),
              let start = text.range(of: "startxref", options: .backwards),
              let previous = Self.number(after: "startxref", in: text[start.lowerBound...])
        else { throw Failure(description: "its trailer could not be read") }
        let info = Self.number(after: "/Info ", in: text[trailer.upperBound...])
        guard let object = bytes.firstRange(of: Array("\n\(root) 0 obj\n".utf8), from: 0),
              let end = bytes.firstRange(of: Array("\nendobj".utf8), from: object.upperBound),
              bytes[object.upperBound...].starts(with: Array("<<".utf8))
        else { throw Failure(description: "its catalog could not be read") }
        var catalog = Array(bytes[object.upperBound..<end.lowerBound])
        catalog.insert(contentsOf: Array("/Metadata \(size) 0 R\n".utf8), at: 2)

        let xmp = Array(metadata.utf8)
        var update: [UInt8] = Array("\n".utf8)
        let metadataOffset = bytes.count + update.count
        update += Array("\(size) 0 obj\n<</Type /Metadata\n/Subtype /XML\n/Length \(xmp.count)>> stream\n".utf8) + xmp
            + Array("\nendstream\nendobj\n".utf8)
        let catalogOffset = bytes.count + update.count
        update += Array("\(root) 0 obj\n".utf8) + catalog + Array("\nendobj\n".utf8)
        let table = bytes.count + update.count
        func entry(_ offset: Int) -> String {
            let digits = String(offset)
            return String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n"
        }
        var xref = "xref\n\(root) 1\n" + entry(catalogOffset) + "\(size) 1\n" + entry(metadataOffset)
        xref += "trailer\n<</Size \(size + 1)\n/Root \(root) 0 R\n" + (info.map { "/Info \($0) 0 R\n" } ?? "") + "/Prev \(previous)>>\n"
        xref += "startxref\n\(table)\n%%EOF\n"
        bytes += update + Array(xref.utf8)
    }

    private var metadata: String {
        func escaped(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;")
        }
        let dates = date.map { "<xmp:CreateDate>\($0)</xmp:CreateDate><xmp:ModifyDate>\($0)</xmp:ModifyDate>" } ?? ""
        return """
        <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
        <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
        <rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
        <pdfuaid:part>1</pdfuaid:part>
        <dc:title><rdf:Alt><rdf:li xml:lang="x-default">\(escaped(title))</rdf:li></rdf:Alt></dc:title>
        <dc:language><rdf:Bag><rdf:li>\(escaped(language))</rdf:li></rdf:Bag></dc:language>\(dates)
        </rdf:Description></rdf:RDF></x:xmpmeta>
        <?xpacket end="r"?>
        """
    }

    private static func number(after marker: String, in text: Substring) -> Int? {
        guard let found = text.range(of: marker) else { return nil }
        let digits = text[found.upperBound...].drop { $0 == " " || $0 == "\n" || $0 == "\r" }.prefix { $0.isASCII && $0.isNumber }
        return Int(digits)
    }
}
