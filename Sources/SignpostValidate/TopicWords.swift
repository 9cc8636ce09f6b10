import Foundation
import SignpostModel

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

    /// Checks every list a family can meet: the shared one, each county's added to it, and each
    /// school's added to its county's. A clash is reported once, in the list that made it.
    public static func check(_ content: Content, log: DiagnosticLog) {
        check(content.topics, log: log)
        for area in content.areas.values.sorted(by: { $0.id < $1.id }) where !area.topics.isEmpty {
            check(content.topics + area.topics, reportingFrom: content.topics.count, log: log)
        }
        for school in content.schools where !school.topics.isEmpty {
            let inherited = content.topics + (content.areas[school.area.value]?.topics ?? [])
            check(inherited + school.topics, reportingFrom: inherited.count, log: log)
        }
    }

    /// Warns, at the later of the two, about each word listed under `also:` of two topics, or
    /// twice under one; only about words of the topics from `reportingFrom` on, the others
    /// having been checked with the list they came from.
    public static func check(_ topics: [Topic], reportingFrom first: Int = 0, log: DiagnosticLog) {
        var owners: [String: (topic: Topic, word: Located<String>)] = [:]
        for (index, topic) in topics.enumerated() {
            for word in topic.also {
                let key = key(word.value)
                guard !key.isEmpty else { continue }
                guard let earlier = owners[key] else {
                    owners[key] = (topic, word)
                    continue
                }
                guard index >= first else { continue }
                if earlier.topic.id == topic.id {
                    log.warning(word.file, line: word.line, column: word.column,
                                "\"\(word.value)\" is listed twice under `also:` of \"\(topic.name)\"",
                                suggestion: "delete one of them")
                } else {
                    log.warning(word.file, line: word.line, column: word.column,
                                "\"\(word.value)\" is listed under `also:` of both \"\(earlier.topic.name)\" (\(earlier.word.file == word.file ? "line" : earlier.word.file + ", line") \(earlier.word.line)) and \"\(topic.name)\", so a family searching for it is sent to both",
                                suggestion: "keep it on the topic it fits best and delete it from the other, or make it more exact on each (e.g. \"worried about money\", \"worried about my child\")")
                }
            }
        }
    }
}
