import Foundation

/// The everyday words families use for topics (`also:`). A word two topics claim sends a
/// family's search to both, so `check` warns about it; any list of topics can be checked
/// (the site's, an area's or a school's).
public enum TopicWords {
    /// A word as the search compares it: lower case, without accents or apostrophes, anything
    /// else between words read as one space ("Can't  sleep" and "cant sleep" are the same).
    public static func key(_ word: String) -> String {
        let folded = word.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .replacingOccurrences(of: "'", with: "").replacingOccurrences(of: "\u{2019}", with: "")
        return folded.split { !($0.isLetter || $0.isNumber) }.joined(separator: " ")
    }

    /// Warns, at the later of the two, about each word listed under `also:` of two topics, or
    /// twice under one.
    public static func check(_ topics: [Topic], log: DiagnosticLog) {
        var owners: [String: (topic: Topic, word: Located<String>)] = [:]
        for topic in topics {
            for word in topic.also {
                let key = key(word.value)
                guard !key.isEmpty else { continue }
                guard let first = owners[key] else {
                    owners[key] = (topic, word)
                    continue
                }
                if first.topic.id == topic.id {
                    log.warning(word.file, line: word.line, column: word.column,
                                "\"\(word.value)\" is listed twice under `also:` of \"\(topic.name)\"",
                                suggestion: "delete one of them")
                } else {
                    log.warning(word.file, line: word.line, column: word.column,
                                "\"\(word.value)\" is listed under `also:` of both \"\(first.topic.name)\" (line \(first.word.line)) and \"\(topic.name)\", so a family searching for it is sent to both",
                                suggestion: "keep it on the topic it fits best and delete it from the other, or make it more exact on each (e.g. \"worried about money\", \"worried about my child\")")
                }
            }
        }
    }
}
