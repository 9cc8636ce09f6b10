import Foundation
import SignpostModel

/// A school's further pages and the words on a topic (national, an area's or a school's).
extension ContentLoader {
    func readPage(_ file: SourceFile, id: String, log: DiagnosticLog) -> ExtraPage? {
        guard let reader = FieldReader(file.frontMatter, file: file.path, known: ["title", "summary", "order", "toc"], what: "a page", log: log) else { return nil }
        var title = reader.string("title")?.value
        var body = file.body
        if title == nil, let match = body.firstMatch(of: /(?m)^#\s+(.+)$/) {
            // A page without settings may take its title from its first heading.
            title = match.1.trimmed(newlines: false)
            body.removeSubrange(match.range)
        }
        guard let title else {
            log.error(file.path, line: 1, "a page needs a `title:` setting (or a first line such as `# Our policy`)")
            return nil
        }
        return ExtraPage(id: id, file: file.path, title: title, summary: reader.string("summary")?.value,
                         order: reader.int("order") ?? 100, toc: reader.bool("toc") ?? true, body: body, bodyLine: file.bodyLine)
    }

    func readTopicText(_ file: SourceFile, id: String, log: DiagnosticLog) -> TopicText? {
        guard let reader = FieldReader(file.frontMatter, file: file.path, known: ["title", "body"], what: "a topic text", log: log) else { return nil }
        var text = TopicText(topic: id, file: file.path, title: reader.string("title")?.value, body: file.body, bodyLine: file.bodyLine)
        if let mode = reader.string("body") {
            if let parsed = EntryFields.BodyMode(rawValue: mode.value) { text.bodyMode = parsed }
            else { log.error(file.path, line: mode.line, column: mode.column, "`body:` should be replace, append or prepend, not \"\(mode.value)\"") }
        }
        return text
    }
}
