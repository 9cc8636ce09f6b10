import Foundation
import SignpostModel

/// `site.yml`, `topics.yml` and `levels.yml`: plain YAML files, with no `---` block.
extension ContentLoader {
    func readSite(_ file: SourceFile, log: DiagnosticLog) -> SiteConfig {
        // site.yml is plain YAML with no --- block.
        let node = file.hasFrontMatter ? file.frontMatter : SourceFile.parseYAML(file.body, lineOffset: 0, displayPath: file.path, log: log)
        var site = SiteConfig()
        site.file = file.path
        guard let reader = FieldReader(node, file: file.path, known: ["title", "base_url", "language"], what: "the site", log: log) else { return site }
        if let title = reader.string("title") { site.title = title.value }
        if let base = reader.website("base_url") { site.baseURL = base.hasSuffix("/") ? base : base + "/" }
        if let language = reader.string("language") { site.language = language.value }
        if site.baseURL == nil, reader.node["base_url"]?.isNull ?? true { warnNoBaseURL(file, log: log) }
        return site
    }

    /// Without the site's address the printed handout cannot lead a family back to the site:
    /// one warning for the site, at the commented-out `# base_url:` line if there is one.
    private func warnNoBaseURL(_ file: SourceFile, log: DiagnosticLog) {
        let lines = file.body.split(separator: "\n", omittingEmptySubsequences: false)
        let line = (lines.firstIndex { $0.contains("base_url") } ?? 0) + file.bodyLine
        log.warning(file.path, line: line, "the handout cannot point families back to the site: set base_url in site.yml",
                    suggestion: "add `base_url:` with the site's web address, e.g. `base_url: https://earlyhelp.example.org/`; the handout then prints it with a QR code")
    }

    func readTopics(_ file: SourceFile, log: DiagnosticLog) -> [Topic] {
        let node = file.hasFrontMatter ? file.frontMatter : SourceFile.parseYAML(file.body, lineOffset: 0, displayPath: file.path, log: log)
        guard let node else { return [] }
        guard let items = node.items else {
            log.error(file.path, line: node.line, "topics.yml should be a list, each item starting with `- id:`")
            return []
        }
        var topics: [Topic] = []
        var seen = Set<String>()
        for item in items {
            guard let reader = FieldReader(item, file: file.path, known: ["id", "name", "description", "sensitive", "also"], what: "a topic", log: log),
                  let id = reader.string("id", required: true, in: item, context: "each topic"),
                  let name = reader.string("name", required: true, in: item, context: "each topic") else { continue }
            guard Slug.isValid(id.value) else {
                log.error(file.path, line: id.line, column: id.column, "the topic id \"\(id.value)\" cannot be used in a web address", suggestion: "use \"\(Slug.make(id.value))\"")
                continue
            }
            guard seen.insert(id.value).inserted else {
                log.error(file.path, line: id.line, column: id.column, "the topic \"\(id.value)\" is listed twice")
                continue
            }
            topics.append(Topic(id: id.value, name: name.value, description: reader.string("description", in: item)?.value,
                                sensitive: reader.bool("sensitive", in: item) ?? false, line: item.line, file: file.path,
                                also: Self.alsoWords(reader, in: item)))
        }
        return topics
    }

    /// A topic's `also:` list: words and phrases, each kept with its own line for messages.
    /// One word on its own is a list of one; blanks are left out.
    static func alsoWords(_ reader: FieldReader, in item: YAMLNode) -> [Located<String>] {
        guard let nodes = reader.nodes("also", in: item) else { return [] }
        var words: [Located<String>] = []
        for node in nodes {
            guard let text = node.scalar else {
                reader.log.error(reader.file, line: node.line, column: node.column,
                                 "each word of `also` should be a word or phrase, but this is \(node.kindName)",
                                 suggestion: "write the words as a list, e.g. `also: [anxious, panic attacks, can't sleep]`")
                continue
            }
            let word = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if !word.isEmpty { words.append(Located(word, file: reader.file, line: node.line, column: node.column)) }
        }
        return words
    }

    /// `levels.yml`: the national scale of levels of need, lowest first.
    package func readNationalLevels(_ file: SourceFile, log: DiagnosticLog) -> [NationalLevel] {
        let node = file.hasFrontMatter ? file.frontMatter : SourceFile.parseYAML(file.body, lineOffset: 0, displayPath: file.path, log: log)
        guard let node else { return [] }
        guard let items = node.items else {
            log.error(file.path, line: node.line, "levels.yml should be a list, each item starting with `- id:`")
            return []
        }
        var levels: [NationalLevel] = []
        for item in items {
            guard let reader = FieldReader(item, file: file.path, known: ["id", "name", "description", "what_to_do"], what: "a national level", log: log),
                  let id = reader.string("id", required: true, in: item, context: "each level"),
                  let name = reader.string("name", required: true, in: item, context: "each level") else { continue }
            guard Self.isNewLevelID(id, among: levels.map(\.id), file: file.path, log: log) else { continue }
            levels.append(NationalLevel(id: id.value, name: name.value, description: reader.string("description", in: item)?.value,
                                        whatToDo: reader.string("what_to_do", in: item)?.value, line: item.line))
        }
        if levels.isEmpty { log.error(file.path, line: node.line, "levels.yml lists no levels") }
        return levels
    }
}
