import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An SVG logo is a document that can carry scripts, event handlers and links to other
/// websites, and anyone who opens the logo's own address runs them on the site. It is read as
/// XML and written again with only what a picture needs: SVG elements that draw, their
/// attributes, links within the picture (`#id`) and pictures embedded in it. Anything else is
/// left out and named, so the office can see what was removed. What does not read as XML is
/// refused.
public enum LogoSanitizer {
    public struct Cleaned: Sendable {
        public var svg: Data
        /// What was left out, in words (`a <script> element`, `the onload attribute`), once each.
        public var removed: [String]
    }

    public struct Problem: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    static let svgNamespace = "http://www.w3.org/2000/svg"
    static let xlinkNamespace = "http://www.w3.org/1999/xlink"
    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    /// Elements that draw, group, define or describe; nothing that runs, animates, links out or embeds other documents.
    static let drawing: Set<String> = [
        "svg", "g", "defs", "symbol", "use", "title", "desc", "switch", "path", "rect", "circle", "ellipse", "line",
        "polyline", "polygon", "text", "tspan", "textPath", "linearGradient", "radialGradient", "stop", "pattern",
        "clipPath", "mask", "marker", "filter", "image", "style", "feBlend", "feColorMatrix", "feComponentTransfer",
        "feComposite", "feConvolveMatrix", "feDiffuseLighting", "feDisplacementMap", "feDistantLight", "feDropShadow",
        "feFlood", "feFuncA", "feFuncB", "feFuncG", "feFuncR", "feGaussianBlur", "feMerge", "feMergeNode",
        "feMorphology", "feOffset", "fePointLight", "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence",
    ]
    /// Parts of a drawing program's file a picture does not need; left out without a word.
    static let quietlyLeftOut: Set<String> = ["metadata"]

    /// Far above any logo, even one with a photograph inside.
    static let maxBytes = FileGate.Kind.logo.limit

    public static func clean(_ data: Data) -> Result<Cleaned, Problem> {
        if data.count > maxBytes {
            return .failure(Problem(description: "it is \(data.count >> 20) MB; a logo may be at most \(maxBytes >> 20) MB"))
        }
        if data.range(of: Data("<!ENTITY".utf8)) != nil {
            return .failure(Problem(description: "it declares XML entities, which could hide what it contains"))
        }
        let cleaner = SVGCleaner(limit: max(data.count * 4, 1 << 16))
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = cleaner
        // On Linux, `parse()` can report success after an error: the error itself is what counts.
        let parsed = parser.parse() && parser.parserError == nil && !cleaner.malformed
        if let failure = cleaner.failure { return .failure(Problem(description: failure)) }
        guard parsed, cleaner.sawRoot else {
            let line = parser.lineNumber
            return .failure(Problem(description: "it is not a readable SVG picture (the XML stops making sense on line \(line))"))
        }
        return .success(Cleaned(svg: Data(cleaner.output.utf8), removed: cleaner.removed))
    }
}

/// The XML reader's delegate: writes each element it keeps, skips each it does not (with all
/// that is inside it).
final class SVGCleaner: NSObject, XMLParserDelegate {
    let limit: Int
    var output = ""
    var removed: [String] = []
    var failure: String?
    var sawRoot = false
    /// The elements written and still open.
    var open: [String] = []
    /// How deep inside an element that is left out (with all it holds) the reader is.
    var skipping = 0
    var styleText: String?
    var prefixes: [String: [String]] = [:]

    init(limit: Int) { self.limit = limit }

    var malformed = false

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        malformed = true
        parser.abortParsing()
    }

    func remove(_ what: String) { if !removed.contains(what) { removed.append(what) } }

    func parser(_ parser: XMLParser, didStartMappingPrefix prefix: String, toURI namespaceURI: String) {
        prefixes[prefix, default: []].append(namespaceURI)
    }

    func parser(_ parser: XMLParser, didEndMappingPrefix prefix: String) {
        _ = prefixes[prefix]?.popLast()
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        let local = elementName.split(separator: ":").last.map(String.init) ?? elementName
        let inSVG = namespaceURI == LogoSanitizer.svgNamespace
        if open.isEmpty && skipping == 0 {
            guard !sawRoot, inSVG, local == "svg" else {
                failure = "it is not an SVG picture (it starts with <\(qualifiedName ?? elementName)>)"
                parser.abortParsing()
                return
            }
            sawRoot = true
        }
        guard skipping == 0 else { skipping += 1; return }
        let name = inSVG && local == "a" ? "g" : local   // a link's contents stay, the link goes
        guard inSVG, LogoSanitizer.drawing.contains(name) else {
            if !(inSVG && LogoSanitizer.quietlyLeftOut.contains(local)) && namespaceURI?.contains("inkscape") != true && namespaceURI?.contains("sodipodi") != true {
                switch local {
                case "script": remove("a <script> element")
                case "foreignObject": remove("a <foreignObject> element (HTML inside the picture)")
                case "set", "animate", "animateMotion", "animateTransform": remove("an animation (<\(local)>)")
                default: remove("a <\(local)> element")
                }
            }
            skipping = 1
            return
        }
        if local == "a" { remove("a link (<a>), whose contents were kept") }
        var written = open.isEmpty ? "<svg xmlns=\"\(LogoSanitizer.svgNamespace)\" xmlns:xlink=\"\(LogoSanitizer.xlinkNamespace)\"" : "<\(name)"
        for (attribute, value) in attributes.sorted(by: { $0.key < $1.key }) {
            if let kept = keep(attribute, value, in: name) { written += " \(kept)=\"\(SVGCleaner.escape(value))\"" }
        }
        output += written + ">"
        open.append(name)
        if name == "style" { styleText = "" }
        if output.utf8.count > limit {
            failure = "it grows too large when read (more than \(limit / 1024) KB)"
            parser.abortParsing()
        }
    }

    /// The attribute's name as written back, or nil when it is left out.
    func keep(_ qualified: String, _ value: String, in element: String) -> String? {
        let parts = qualified.split(separator: ":", maxSplits: 1).map(String.init)
        let (prefix, local) = parts.count == 2 ? (parts[0], parts[1]) : ("", qualified)
        if prefix == "xmlns" || qualified == "xmlns" { return nil }
        let namespace = prefix.isEmpty ? nil : prefix == "xml" ? LogoSanitizer.xmlNamespace : prefixes[prefix]?.last
        let written: String
        switch namespace {
        case nil: written = local
        case LogoSanitizer.xlinkNamespace?: written = "xlink:" + local
        case LogoSanitizer.xmlNamespace? where local == "space" || local == "lang": written = "xml:" + local
        default: return nil   // a drawing program's own notes (inkscape:label, …)
        }
        let compact = value.lowercased().filter { !$0.isWhitespace && !$0.isNewline && $0 != "\0" }
        if local.lowercased().hasPrefix("on") {
            remove("the \(local) attribute (a script)")
            return nil
        }
        if local == "href" {
            let target = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if target.hasPrefix("#") { return written }
            if element == "image", SVGCleaner.isEmbeddedPicture(compact) { return written }
            remove("a link to \(target.prefix(60))")
            return nil
        }
        if compact.contains("javascript:") || compact.contains("vbscript:") {
            remove("the \(local) attribute (a script)")
            return nil
        }
        if local == "style", let problem = StyleText.problem(value, allowRelative: false) {
            remove("a style that \(problem)")
            return nil
        }
        if compact.contains("url("), let problem = StyleText.problem(value, allowRelative: false) {
            remove("the \(local) attribute, which \(problem)")
            return nil
        }
        return written
    }

    /// `data:image/png;base64,…`: a picture inside the picture, which loads nothing.
    static func isEmbeddedPicture(_ compact: String) -> Bool {
        ["png", "jpeg", "jpg", "gif", "webp"].contains { compact.hasPrefix("data:image/\($0);base64,") }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        guard skipping == 0 else { skipping -= 1; return }
        guard let name = open.popLast() else { return }
        if name == "style", let css = styleText {
            styleText = nil
            if let problem = StyleText.problem(css, allowRelative: false) {
                remove("a style that \(problem)")
            } else {
                output += SVGCleaner.escape(css)
            }
        }
        output += "</\(name)>"
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard skipping == 0, !open.isEmpty else { return }
        if styleText != nil { styleText! += string } else { output += SVGCleaner.escape(string) }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        self.parser(parser, foundCharacters: String(decoding: CDATABlock, as: UTF8.self))
    }

    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}

extension LogoSanitizer {
    /// For `check` and `build`: an SVG logo that cannot be read is an error; what cleaning
    /// leaves out is a warning (the published copy is clean, but the office should know).
    static func report(_ data: Data, logo: Located<String>, log: DiagnosticLog) {
        switch clean(data) {
        case let .failure(problem):
            log.error(logo.file, line: logo.line, column: logo.column, "the logo \"\(logo.value)\" cannot be published: \(problem)",
                      suggestion: "save it again from the drawing program as a plain SVG, or use a PNG picture")
        case let .success(cleaned) where !cleaned.removed.isEmpty:
            log.warning(logo.file, line: logo.line, column: logo.column,
                        "the logo \"\(logo.value)\" had things a picture does not need, left out of the published copy: \(cleaned.removed.joined(separator: ", "))",
                        suggestion: "save a clean copy from the drawing program, or use a PNG picture")
        default:
            break
        }
    }

    /// The bytes to publish for a logo: an SVG cleaned, any other picture as it is.
    static func publishable(_ data: Data, ext: String) throws -> Data {
        guard ext == "svg" else { return data }
        return try clean(data).get().svg
    }
}
