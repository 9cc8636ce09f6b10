import Foundation

/// Where the theme's own templates put which values: a school's template may put a value in a
/// sensitive place (unescaped, a tag's name, the start of a web address, a style) only if the
/// theme puts the same value there. The theme is trusted code; this list is read from it.
public struct TemplateVocabulary: Sendable, Equatable {
    public enum Position: String, Sendable, CaseIterable {
        /// `{{{name}}}`: HTML Signpost has already made safe (`body`, `card_html`, …).
        case unescaped
        /// `<{{name}}>`: a tag's name chosen by Signpost (`card_heading`).
        case tagName
        /// The start of a link's address (`href="{{web_url}}"`, `href="{{root}}{{school_url}}"`).
        case linkStart
        /// The start of the address of something the page loads (`src="{{root}}{{logo_url}}"`).
        case resourceStart
        /// What comes before `assets/…` in `<script src>` and `<link href>`.
        case scriptSource, linkHref
        /// A whole `style="…"` value (`{{brand_style}}`).
        case style
    }

    var names: [Position: Set<String>] = [:]
    /// The theme's asset files (`exit-page.js`, `style.css`), which pages may load.
    var assets: Set<String> = []

    mutating func add(_ position: Position, _ name: String) { names[position, default: []].insert(name) }

    func allows(_ position: Position, _ name: String) -> Bool { names[position]?.contains(name) ?? false }

    /// "; the theme uses {{root}}, {{web_url}} there", for suggestions.
    func hint(_ position: Position) -> String {
        guard let known = names[position], !known.isEmpty else { return "" }
        return "; the theme uses " + known.sorted().map { "{{\($0)}}" }.joined(separator: ", ") + " there"
    }

    mutating func merge(_ other: TemplateVocabulary) {
        for (position, more) in other.names { names[position, default: []].formUnion(more) }
        assets.formUnion(other.assets)
    }
}

extension TemplateHTMLScanner {
    /// Elements a school's template may not use at all, with why, in words for whoever edits it.
    static let refusedElements: [String: String] = {
        var refused: [String: String] = [:]
        for name in ["iframe", "frame", "frameset", "object", "embed", "applet", "portal", "fencedframe"] {
            refused[name] = "would show another page or program inside this one"
        }
        for name in ["svg", "math"] { refused[name] = "is a drawing written into the page, which can carry scripts" }
        for name in ["noscript", "xmp", "noembed", "noframes", "plaintext"] { refused[name] = "is an old or special element whose contents browsers read in different ways" }
        refused["base"] = "would change where every link on the page leads"
        return refused
    }()

    static let linkAttributes: Set<String> = ["href", "action", "formaction", "cite", "longdesc", "usemap"]
    static let resourceAttributes: Set<String> = ["src", "poster", "background", "data", "codebase", "archive", "classid",
                                                   "lowsrc", "dynsrc", "manifest", "icon", "profile", "xlink:href"]
    static let linkSchemes: Set<String> = ["http", "https", "mailto", "tel", "sms"]
    static let cssFix = "use the theme's classes, or a colour as plain text (color: #1d5fa0)"

    enum AddressRule { case link, resource, scriptSource, linkHref, srcset, style }

    static func rule(for attribute: String, in element: String) -> AddressRule? {
        if element == "script", attribute == "src" { return .scriptSource }
        if element == "link", attribute == "href" { return .linkHref }
        if attribute == "style" { return .style }
        if attribute == "srcset" || attribute == "imagesrcset" { return .srcset }
        if linkAttributes.contains(attribute) { return .link }
        if resourceAttributes.contains(attribute) { return .resource }
        return nil
    }

    /// An attribute's value as a browser's URL parser sees it with every value left empty, and
    /// with no spaces or control characters at all: the parser drops tabs and newlines anywhere
    /// and spaces at the start, and swift-mustache drops the spaces around a tag on a line of
    /// its own, so "java⏎  {{! x }}⏎script:" is published as "java⏎script:". `values` says where
    /// each value (or section) sits in that text.
    struct Address {
        var text: [Unicode.Scalar] = []
        var values: [(offset: Int, part: Part)] = []

        init(_ parts: [Part]) {
            for part in parts {
                switch part.kind {
                case .text:
                    for scalar in part.text.unicodeScalars where scalar.value > 0x20 {
                        text.append(scalar)
                    }
                case .value, .hole:
                    values.append((text.count, part))
                }
            }
        }

        /// Up to the first `:`, `/`, `?` or `#`: where a value could still make the address's scheme.
        var schemeEnd: Int { text.firstIndex { ":/?#".unicodeScalars.contains($0) } ?? text.count }
        var leadingSlashes: Int { text.prefix { $0 == "/" || $0 == "\\" }.count }
        var string: String { String(String.UnicodeScalarView(text)) }

        /// `javascript`, `https`…: the scheme, when the text starts with one.
        var scheme: String? {
            let end = schemeEnd
            guard end < text.count, text[end] == ":", end > 0, TemplateHTMLScanner.isASCIILetter(text[0]),
                  text[..<end].allSatisfy({ TemplateHTMLScanner.isASCIILetter($0) || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0) })
            else { return nil }
            return String(String.UnicodeScalarView(text[..<end])).lowercased()
        }

        /// Values (and sections) that sit where they could change where the address leads.
        func valuesBefore(_ end: Int) -> [Part] { values.filter { $0.offset <= end }.map(\.part) }
    }

    /// What the theme does, for the vocabulary (the theme itself is not checked).
    mutating func record(_ element: Element) {
        for attribute in element.attributes {
            guard let rule = TemplateHTMLScanner.rule(for: attribute.name, in: element.name) else { continue }
            let address = Address(attribute.parts)
            let position: TemplateVocabulary.Position
            var end = address.schemeEnd
            switch rule {
            case .link: position = .linkStart
            case .resource, .srcset: position = .resourceStart; end = max(end, address.leadingSlashes)
            case .scriptSource: position = .scriptSource; end = 0
            case .linkHref: position = .linkHref; end = 0
            case .style:
                if attribute.parts.count == 1, case let .value(name) = attribute.parts[0].kind { recorded.add(.style, name) }
                continue
            }
            for part in address.valuesBefore(end) { if case let .value(name) = part.kind { recorded.add(position, name) } }
        }
    }

    /// The policy for one start tag of a school's template.
    mutating func check(_ element: Element) {
        guard !element.isEnd else { return }
        let tag = "<\(element.name)>"
        if let why = TemplateHTMLScanner.refusedElements[element.name] {
            problem(element.line, "a school's template cannot use \(tag): it \(why)", "remove it; to point families to another page, link to it with <a href=\"https://…\">")
            return
        }
        if element.name == "script" {
            let names = element.attributes.map(\.name)
            if !names.contains("src") || names.contains(where: { !["src", "defer", "async"].contains($0) }) {
                let scripts = vocabulary.assets.filter { $0.hasSuffix(".js") }.sorted()
                let example = scripts.first.map { "<script src=\"{{root}}assets/\($0)\" defer></script>" } ?? "none"
                problem(element.line, "a school's template cannot run scripts of its own: \(tag) may only load one of the theme's scripts",
                        "remove it, or load a theme script exactly as the theme does: \(example)")
                return
            }
        }
        for attribute in element.attributes { check(attribute, of: element) }
    }

    mutating func check(_ attribute: Attribute, of element: Element) {
        let name = attribute.name
        let line = attribute.line
        if name.hasPrefix("on") {
            problem(line, "the attribute \(name) would run a script", "remove it; a school's template cannot run scripts")
            return
        }
        // A Content-Security-Policy only takes away (each policy a page carries applies), so a
        // school's copy of the theme's `<head>` may keep it, written out as the theme has it.
        if name == "http-equiv", element.name == "meta", attribute.parts.count == 1, case .text = attribute.parts[0].kind,
           attribute.parts[0].text.lowercased() == "content-security-policy" {
            return
        }
        if ["srcdoc", "ping", "http-equiv"].contains(name) {
            let why = ["srcdoc": "puts a whole page inside this one", "ping": "reports each click to another website",
                       "http-equiv": "can reload the page or send it elsewhere"][name]!
            problem(line, "the attribute \(name) \(why)", "remove it")
            return
        }
        guard let rule = TemplateHTMLScanner.rule(for: name, in: element.name) else { return }
        for part in attribute.parts {
            guard case .text = part.kind else { continue }
            var rest = Substring(part.text)
            while let amp = rest.firstIndex(of: "&") {
                rest = rest[rest.index(after: amp)...]
                if !rest.hasPrefix("amp;") {
                    problem(part.line, "the \(name)=\"…\" value uses a character code (&…;), which hides what it says",
                            "write the value out in plain characters (a & as &amp;)")
                    return
                }
            }
        }
        let address = Address(attribute.parts)
        switch rule {
        case .link: checkLink(address, attribute)
        case .resource: checkResource(address, attribute, element)
        case .srcset:
            if !address.values.isEmpty || address.string.contains(":") || address.string.contains("//") || address.string.contains("\\") {
                problem(line, "\(name)=\"…\" in <\(element.name)> may only list the site's own pictures, written out", "use src=\"…\" with a picture of the site")
            }
        case .scriptSource, .linkHref: checkAsset(address, attribute, element, position: rule == .scriptSource ? .scriptSource : .linkHref)
        case .style: checkStyle(attribute)
        }
    }

    mutating func refuseValues(_ parts: [Part], _ attribute: Attribute, _ position: TemplateVocabulary.Position, _ what: String) {
        for part in parts {
            switch part.kind {
            case let .value(value) where !vocabulary.allows(position, value):
                problem(part.line, "{{\(value)}} starts \(what) in \(attribute.name)=\"…\", but it is not an address Signpost has checked",
                        "start the address with text (https://…, #…) or use a value the theme starts addresses with\(vocabulary.hint(position))")
            case .hole:
                problem(part.line, "a section starts \(what) in \(attribute.name)=\"…\"", "put the section around the whole attribute, or after the address's https://")
            default:
                break
            }
        }
    }

    mutating func checkLink(_ address: Address, _ attribute: Attribute) {
        refuseValues(address.valuesBefore(address.schemeEnd), attribute, .linkStart, "the web address")
        if let scheme = address.scheme, !TemplateHTMLScanner.linkSchemes.contains(scheme) {
            let runs = ["javascript", "vbscript", "data"].contains(scheme) ? "would run a script or open something that is not a web page" : "is not a web page, an email or a phone number"
            problem(attribute.line, "the address \"\(address.string.prefix(40))\" in \(attribute.name)=\"…\" \(runs)",
                    "link to a web page (https://…), an email (mailto:), a phone (tel:) or a page of the site")
        }
    }

    mutating func checkResource(_ address: Address, _ attribute: Attribute, _ element: Element) {
        let loads = "<\(element.name) \(attribute.name)=\"\(address.string.prefix(40))\"> loads something"
        if let scheme = address.scheme {
            problem(attribute.line, "\(loads) from another place (\(scheme):); pages load nothing from other websites", "use a file of the site, such as the school's logo")
        } else if address.leadingSlashes >= 2 {
            problem(attribute.line, "\(loads) from another website (its address starts with //); pages load nothing from other websites", "use a file of the site, such as the school's logo")
        }
        refuseValues(address.valuesBefore(max(address.schemeEnd, address.leadingSlashes)), attribute, .resourceStart, "the address of what the page loads")
    }

    /// `<script src>` and `<link href>`: only the theme's own files (`{{root}}assets/style.css`).
    mutating func checkAsset(_ address: Address, _ attribute: Attribute, _ element: Element, position: TemplateVocabulary.Position) {
        let path = address.string
        let asset = path.hasPrefix("assets/") ? String(path.dropFirst("assets/".count)) : nil
        let known = asset.map { vocabulary.assets.contains($0) && (position == .linkHref || $0.hasSuffix(".js")) } ?? path.isEmpty
        let valuesFirst = address.values.allSatisfy { $0.offset == 0 }
        if !known || !valuesFirst {
            let files = vocabulary.assets.filter { position == .linkHref || $0.hasSuffix(".js") }.sorted().map { "{{root}}assets/\($0)" }
            problem(attribute.line, "<\(element.name) \(attribute.name)=\"\(path.prefix(40))\"> does not load one of the theme's own files",
                    "load only the theme's files: " + (files.isEmpty ? "the theme has none" : files.joined(separator: ", ")))
        }
        refuseValues(address.values.map(\.part), attribute, position, "the address of what the page loads")
    }

    mutating func checkStyle(_ attribute: Attribute) {
        if attribute.parts.count == 1, case let .value(name) = attribute.parts[0].kind, vocabulary.allows(.style, name) { return }
        if let part = attribute.parts.first(where: { if case .text = $0.kind { false } else { true } }) {
            problem(part.line, "a value inside style=\"…\" could change how the whole page looks and load from other websites",
                    "use the theme's classes\(vocabulary.hint(.style).isEmpty ? "" : ", or " + vocabulary.names[.style]!.sorted().map { "style=\"{{\($0)}}\"" }.joined(separator: ", "))")
            return
        }
        let text = attribute.parts.map(\.text).joined()
        if let css = StyleText.problem(text, allowRelative: true) {
            problem(attribute.line, "the style=\"…\" \(css)", TemplateHTMLScanner.cssFix)
        }
    }
}
