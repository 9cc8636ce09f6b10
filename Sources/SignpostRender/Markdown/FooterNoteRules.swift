import SignpostModel

/// A school's footer note (`footer_note:`) is on every page of the school, inside the footer:
/// one short paragraph of Markdown, whose links are whole web addresses (a link to a page of
/// the site would lead somewhere else from each folder). Checked on what cmark-gfm made of it.
package enum FooterNoteRules {
    /// Block elements a paragraph cannot hold.
    static let blocks = ["<h1", "<h2", "<h3", "<h4", "<h5", "<h6", "<ul", "<ol", "<table", "<blockquote", "<pre", "<hr", "<div", "<img"]

    package static func check(_ note: Located<String>, _ rendered: RenderedMarkdown, log: DiagnosticLog) {
        guard rendered.refused == nil else { return }   // reported with the other Markdown findings
        let html = rendered.html
        if html.contains("<!-- raw HTML omitted -->") {
            log.error(note.file, line: note.line, "the footer note has HTML in it, which is never published",
                      suggestion: "write it in Markdown: **bold**, [a link](https://…)")
        }
        if html.components(separatedBy: "<p>").count != 2 || blocks.contains(where: html.contains) {
            log.error(note.file, line: note.line, "the footer note should be one short paragraph",
                      suggestion: "remove headings, lists, tables and blank lines; put longer text in the school's introduction or a further page")
        }
        for link in rendered.links where !hasScheme(link.url) {
            log.error(note.file, line: note.line, "the footer note links to \"\(link.url)\", a page of this site",
                      suggestion: "the footer is on every page, so write the whole web address, starting https://")
        }
    }

    /// `https:`, `mailto:`, `tel:`: a scheme before any `/`, `?` or `#`.
    static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":") else { return false }
        return !url[..<colon].contains(where: { "/?#".contains($0) }) && url.first?.isLetter == true
    }
}
