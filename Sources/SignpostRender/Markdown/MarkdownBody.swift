import SignpostModel
import SignpostResolve

/// One Markdown text as a page shows it, with the files its lines came from. Most texts come
/// from one file; a text with `body: append` or `prepend` is several files' texts joined by a
/// blank line, and a finding on one of its lines must name the file that line is in.
package struct MarkdownBody {
    package var text: String
    /// The site path of the page it is on, which relative links start from.
    package var page: String
    /// The pieces, in the order they appear in `text`, each with its file and first line.
    var parts: [Located<String>]

    /// The file and file line of `line` (1 is the text's first line). Worked out only when a
    /// finding is reported, so the many texts with none cost nothing.
    package func locate(_ line: Int) -> (file: String, line: Int) {
        // A joined text is mapped line by line only if it really is its parts joined;
        // otherwise every finding names the last file.
        guard parts.count > 1, parts.map(\.value).joined(separator: "\n\n") == text else {
            guard let last = parts.last else { return ("", line) }
            return (last.file, last.line + line - 1)
        }
        var start = 1
        for (index, part) in parts.enumerated() {
            let next = start + part.value.utf8.reduce(0) { $0 + ($1 == 10 ? 1 : 0) } + 2
            if line < next || index == parts.count - 1 { return (part.file, part.line + line - start) }
            start = next
        }
        return (parts[0].file, line)
    }
}

extension ResolvedSchool {
    /// Every Markdown text on this school's pages: its introduction, its entries, its further
    /// pages and its words on topics.
    package func markdownBodies(nationalTopicTexts: [String: TopicText], urls: SiteURLs = SiteURLs()) -> [MarkdownBody] {
        let id = school.id
        var bodies: [MarkdownBody] = []
        bodies.append(MarkdownBody(text: school.body, page: urls.about(id),
                                   parts: [Located(school.body, file: school.file, line: school.bodyLine)]))
        if !area.body.isBlank {
            bodies.append(MarkdownBody(text: area.body, page: urls.howHelpWorks(id),
                                       parts: [Located(area.body, file: area.file, line: area.bodyLine)]))
        }
        for entry in entries {
            guard let body = entry.fields.body else { continue }
            let parts = entry.fields.bodyParts.isEmpty ? [body] : entry.fields.bodyParts
            bodies.append(MarkdownBody(text: body.value, page: urls.entry(id, entry), parts: parts))
        }
        if let note = school.footerNote {
            // On every page of the school: its links are checked as from the offer page.
            bodies.append(MarkdownBody(text: note.value, page: urls.offer(id), parts: [note]))
        }
        for page in school.pages {
            bodies.append(MarkdownBody(text: page.body, page: urls.page(id, page.id),
                                       parts: [Located(page.body, file: page.file, line: page.bodyLine)]))
        }
        for (topic, text) in topicTexts.sorted(by: { $0.key < $1.key }) {
            let layers = [nationalTopicTexts[topic], area.topicTexts[topic], school.topicTexts[topic]].compactMap { $0 }
            bodies.append(MarkdownBody(text: text.body, page: urls.topic(id, topic), parts: MarkdownBody.parts(of: layers)))
        }
        return bodies
    }
}

extension MarkdownBody {
    /// The pieces a layered topic text is made of, as `TopicText.layered` joins them.
    static func parts(of layers: [TopicText]) -> [Located<String>] {
        var parts: [Located<String>] = []
        for layer in layers {
            let piece = Located(layer.body, file: layer.file, line: layer.bodyLine)
            if parts.isEmpty { parts = [piece]; continue }
            if layer.body.isBlank { continue }
            switch layer.bodyMode {
            case .replace: parts = [piece]
            case .append: parts.append(piece)
            case .prepend: parts.insert(piece, at: 0)
            }
        }
        return parts
    }
}
