/// One Markdown text as a page shows it, with the files its lines came from. Most texts come
/// from one file; a text with `body: append` or `prepend` is several files' texts joined by a
/// blank line, and a finding on one of its lines must name the file that line is in.
struct MarkdownBody {
    var text: String
    /// The site path of the page it is on, which relative links start from.
    var page: String
    /// The pieces, in the order they appear in `text`, each with its file and first line.
    var parts: [Located<String>]
    /// The line in `text` where each part starts (worked out only for joined texts).
    var starts: [Int]

    init(text: String, page: String, parts: [Located<String>]) {
        self.text = text
        self.page = page
        // Joined texts are mapped line by line only if they really are their parts joined;
        // otherwise every finding names the last file, as a single-part text would.
        if parts.count > 1, parts.map(\.value).joined(separator: "\n\n") == text {
            self.parts = parts
            var line = 1
            starts = parts.map { part in
                defer { line += part.value.utf8.reduce(0) { $0 + ($1 == 10 ? 1 : 0) } + 2 }
                return line
            }
        } else {
            self.parts = parts.last.map { [$0] } ?? []
            starts = [1]
        }
    }

    /// The file and file line of `line` (1 is the text's first line).
    func locate(_ line: Int) -> (file: String, line: Int) {
        guard !parts.isEmpty else { return ("", line) }
        // Parts are few (a library text and a school's addition): a scan is enough.
        var index = 0
        while index + 1 < starts.count && starts[index + 1] <= line { index += 1 }
        return (parts[index].file, parts[index].line + line - starts[index])
    }
}

extension ResolvedSchool {
    /// Every Markdown text on this school's pages: its introduction, its entries, its further
    /// pages and its words on topics.
    func markdownBodies(nationalTopicTexts: [String: TopicText]) -> [MarkdownBody] {
        let id = school.id
        var bodies: [MarkdownBody] = []
        bodies.append(MarkdownBody(text: school.body, page: "\(id)/index.html",
                                   parts: [Located(school.body, file: school.file, line: school.bodyLine)]))
        for entry in entries {
            guard let body = entry.fields.body else { continue }
            let parts = entry.fields.bodyParts.isEmpty ? [body] : entry.fields.bodyParts
            bodies.append(MarkdownBody(text: body.value, page: "\(id)/\(entry.kind == .service ? "services" : "agencies")/\(entry.id)/index.html", parts: parts))
        }
        for page in school.pages {
            bodies.append(MarkdownBody(text: page.body, page: "\(id)/pages/\(page.id)/index.html",
                                       parts: [Located(page.body, file: page.file, line: page.bodyLine)]))
        }
        for (topic, text) in topicTexts.sorted(by: { $0.key < $1.key }) {
            let layers = [nationalTopicTexts[topic], area.topicTexts[topic], school.topicTexts[topic]].compactMap { $0 }
            bodies.append(MarkdownBody(text: text.body, page: "\(id)/topics/\(topic)/index.html", parts: MarkdownBody.parts(of: layers)))
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
