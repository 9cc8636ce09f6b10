/// The HTML5 tokenizer's states, as far as they decide what is a tag, an attribute, a comment
/// or text (the WHATWG "Tokenization" section); character references and parse errors change
/// none of that and are left to the rules.
extension TemplateHTMLScanner {
    mutating func feed(_ scalar: Unicode.Scalar, line: Int, at index: inout Int) {
        let space = TemplateHTMLScanner.isSpace(scalar)
        switch mode {
        case .data:
            if scalar == "<" {
                mode = .tagOpen
                tagStart = index
                tagLine = line
            }
        case .tagOpen:
            if scalar == "!" {
                markupDeclaration(at: &index, line: line)
            } else if scalar == "/" {
                mode = .endTagOpen
            } else if TemplateHTMLScanner.isASCIILetter(scalar) {
                element = Element(name: String(Character(TemplateHTMLScanner.lower(scalar))), line: tagLine, start: tagStart)
                mode = .tagName
            } else if scalar == "?" {
                mode = .bogusComment
            } else {
                mode = .data
                feed(scalar, line: line, at: &index)
            }
        case .endTagOpen:
            if TemplateHTMLScanner.isASCIILetter(scalar) {
                element = Element(name: String(Character(TemplateHTMLScanner.lower(scalar))), isEnd: true, line: tagLine, start: tagStart)
                mode = .tagName
            } else {
                mode = scalar == ">" ? .data : .bogusComment
            }
        case .tagName:
            if space { mode = .beforeAttrName }
            else if scalar == "/" { mode = .selfClosing }
            else if scalar == ">" { emit(at: index) }
            else { element?.name.unicodeScalars.append(TemplateHTMLScanner.lower(scalar)) }
        case .beforeAttrName:
            if space { break }
            if scalar == "/" || scalar == ">" {
                mode = .afterAttrName
                feed(scalar, line: line, at: &index)
            } else {
                element?.attributes.append(Attribute(line: line))
                mode = .attrName
                if scalar == "=" { lastAttribute { $0.name = "=" } } else { feed(scalar, line: line, at: &index) }
            }
        case .attrName:
            if space || scalar == "/" || scalar == ">" {
                mode = .afterAttrName
                feed(scalar, line: line, at: &index)
            } else if scalar == "=" {
                mode = .beforeAttrValue
            } else {
                lastAttribute { $0.name.unicodeScalars.append(TemplateHTMLScanner.lower(scalar)) }
            }
        case .afterAttrName:
            if space { break }
            if scalar == "/" { mode = .selfClosing }
            else if scalar == "=" { mode = .beforeAttrValue }
            else if scalar == ">" { emit(at: index) }
            else {
                element?.attributes.append(Attribute(line: line))
                mode = .attrName
                feed(scalar, line: line, at: &index)
            }
        case .beforeAttrValue:
            if space { break }
            lastAttribute { $0.hasValue = true }
            if scalar == "\"" || scalar == "'" {
                lastAttribute { $0.quoted = true }
                mode = scalar == "\"" ? .valueDouble : .valueSingle
            } else if scalar == ">" {
                emit(at: index)
            } else {
                mode = .valueUnquoted
                feed(scalar, line: line, at: &index)
            }
        case .valueDouble, .valueSingle:
            if scalar == (mode == .valueDouble ? "\"" : "'") { mode = .afterValueQuoted } else { appendValue(scalar, line: line) }
        case .valueUnquoted:
            if space { mode = .beforeAttrName }
            else if scalar == ">" { emit(at: index) }
            else { appendValue(scalar, line: line) }
        case .afterValueQuoted:
            if space { mode = .beforeAttrName }
            else if scalar == "/" { mode = .selfClosing }
            else if scalar == ">" { emit(at: index) }
            else {
                mode = .beforeAttrName
                feed(scalar, line: line, at: &index)
            }
        case .selfClosing:
            if scalar == ">" { emit(at: index) } else {
                mode = .beforeAttrName
                feed(scalar, line: line, at: &index)
            }
        case .bogusComment:
            if scalar == ">" { mode = .data }
        case .commentStart, .commentStartDash:
            if scalar == "-" { mode = mode == .commentStart ? .commentStartDash : .commentEnd }
            else if scalar == ">" { mode = .data }
            else {
                mode = .comment
                feed(scalar, line: line, at: &index)
            }
        case .comment:
            if scalar == "-" { mode = .commentEndDash }
        case .commentEndDash:
            if scalar == "-" { mode = .commentEnd } else {
                mode = .comment
                feed(scalar, line: line, at: &index)
            }
        case .commentEnd:
            if scalar == ">" { mode = .data }
            else if scalar == "!" { mode = .commentEndBang }
            else if scalar != "-" {
                mode = .comment
                feed(scalar, line: line, at: &index)
            }
        case .commentEndBang:
            if scalar == "-" { mode = .commentEndDash }
            else if scalar == ">" { mode = .data }
            else {
                mode = .comment
                feed(scalar, line: line, at: &index)
            }
        case let .text(name, _):
            textContent(scalar, line: line, at: &index, element: name)
        }
    }

    /// After `<!`: a comment (`<!--`), or else a "bogus comment" to the next `>` (`<!DOCTYPE …>`, `<![CDATA[…`).
    mutating func markupDeclaration(at index: inout Int, line: Int) {
        switch spells("--", at: index + 1) {
        case true:
            mode = .commentStart
            commentStart = tagStart
            index += 2
        case nil:
            problem(line, "a template tag splits the start of an HTML comment <!--", "write <!-- in one piece")
            mode = .bogusComment
        default:
            mode = .bogusComment
        }
    }

    mutating func appendValue(_ scalar: Unicode.Scalar, line: Int) {
        lastAttribute { attribute in
            if let last = attribute.parts.indices.last, case .text = attribute.parts[last].kind {
                attribute.parts[last].text.unicodeScalars.append(scalar)
            } else {
                attribute.parts.append(Part(kind: .text, text: String(Character(scalar)), tag: nil, line: line))
            }
        }
    }

    /// The text of `<title>`, `<textarea>` (whose tags are not read) or `<style>`, `<script>`…
    /// (raw text), up to the element's own end tag.
    mutating func textContent(_ scalar: Unicode.Scalar, line: Int, at index: inout Int, element name: String) {
        if scalar == "<" {
            switch spells("/" + name, at: index + 1) {
            case true where isTerminator(index + 2 + name.unicodeScalars.count):
                finishText(name)
                element = Element(name: name, isEnd: true, line: line, start: index)
                mode = .tagName
                index += 1 + name.unicodeScalars.count
                return
            case nil:
                problem(line, "a template tag sits inside </\(name)>", "write </\(name)> in one piece")
                rawText.unicodeScalars.append(scalar)
                return
            default:
                break
            }
            // Inside <select>, browsers ignore some of these elements and read their text as HTML;
            // with no "<" in it, the text reads the same either way.
            if !textHasLessThan { problem(line, "<\(name)> on line \(rawTextLine) contains \"<\"", "write &lt; instead of <") }
            textHasLessThan = true
        }
        rawText.unicodeScalars.append(scalar)
    }

    mutating func finishText(_ name: String) {
        guard enforce else { return }
        if name == "script", rawText.unicodeScalars.contains(where: { !TemplateHTMLScanner.isSpace($0) }) {
            problem(rawTextLine, "a school's template cannot run scripts: the <script> on line \(rawTextLine) has code in it", "remove the script")
        }
        if name == "style", let css = StyleText.problem(rawText, allowRelative: true) {
            problem(rawTextLine, "the <style> on line \(rawTextLine) \(css)", TemplateHTMLScanner.cssFix)
        }
    }

    /// A start or end tag is complete: check it (or, for the theme, learn from it), then read on
    /// in the mode the element starts.
    mutating func emit(at index: Int) {
        guard let done = element else { mode = .data; return }
        if enforce { check(done) } else { record(done) }
        element = nil
        mode = .data
        guard !done.isEnd else { return }
        switch done.name {
        case "title", "textarea": mode = .text(element: done.name, raw: false)
        case "style", "script", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext": mode = .text(element: done.name, raw: true)
        default: return
        }
        textStart = index
        textHasLessThan = false
        rawText = ""
        rawTextLine = done.line
    }
}
