/// Checks what only makes sense once everything is loaded: references between files,
/// required contacts, and dates that have passed.
public struct ReferenceValidator: Sendable {
    public let today: Day

    public init(today: Day = .today()) { self.today = today }

    public func validate(_ site: ResolvedSite, log: DiagnosticLog) {
        let topicIDs = site.content.topics.map(\.id)
        // Library entries are checked once, where they are written, not once per school.
        var checkedFiles = Set<String>()
        var texts = Array(site.content.nationalTopicTexts.values)
        texts += site.content.areas.values.flatMap(\.topicTexts.values)
        texts += site.content.schools.flatMap(\.topicTexts.values)
        for text in texts where !topicIDs.contains(text.topic) {
            log.error(text.file, "there is no topic \"\(text.topic)\", so this text would never be shown",
                      suggestion: Suggestion.nearest(to: text.topic, in: topicIDs).map { "rename the file to \($0).md" } ?? "add the topic to Content/topics.yml")
        }
        for school in site.schools {
            validateSchool(school, log: log)
            let levelIDs = school.area.levels.map(\.id)
            let people = school.school.people.map(\.name)
            for entry in school.entries {
                check(entry.fields.levels, against: levelIDs, what: "level of need", scope: school.area.id, checked: &checkedFiles, log: log,
                      hint: "\(school.area.name)'s levels are: \(levelIDs.joined(separator: ", "))")
                check(entry.fields.topics, against: topicIDs, what: "topic", checked: &checkedFiles, log: log,
                      hint: "topics are listed in Content/topics.yml")
                if entry.kind == .service {
                    check(entry.fields.people, against: people, what: "person", checked: &checkedFiles, log: log,
                          hint: "people are listed under `people:` in school.md")
                }
                if !entry.fields.hasContact && entry.kind == .agency {
                    let file = entry.sources.last!
                    if checkedFiles.insert("contact:" + file).inserted {
                        log.error(file, "\"\(entry.name)\" has no way to contact it", suggestion: "add at least one of phones:, emails: or websites:")
                    }
                }
                if let reviewed = entry.fields.reviewed, reviewed.value < today.adding(years: -1),
                   checkedFiles.insert("reviewed:" + reviewed.file).inserted {
                    log.warning(reviewed.file, line: reviewed.line, column: reviewed.column,
                                "\"\(entry.name)\" was last reviewed on \(reviewed.value), over a year ago", suggestion: "check its details are still right, then update `reviewed:`")
                }
            }
        }
    }

    /// `scope` separates checks whose answer differs by place (levels differ per area).
    func check(_ ids: Located<[String]>?, against known: [String], what: String, scope: String = "", checked: inout Set<String>, log: DiagnosticLog, hint: String) {
        guard let ids, checked.insert("\(what):\(scope):\(ids.file):\(ids.line)").inserted else { return }
        for id in ids.value where !known.contains(id) {
            log.error(ids.file, line: ids.line, column: ids.column, "unknown \(what) \"\(id)\"",
                      suggestion: Suggestion.didYouMean(id, in: known) ?? hint)
        }
    }

    func validateSchool(_ resolved: ResolvedSchool, log: DiagnosticLog) {
        let school = resolved.school
        let dsls = school.people.filter { $0.roles.contains("dsl") }
        if dsls.isEmpty {
            log.error(school.file, line: school.people.first?.line ?? 1, "the school has no Designated Safeguarding Lead", suggestion: "add `roles: [dsl]` to the person who is the DSL under `people:`")
        } else if !dsls.contains(where: { $0.phone != nil || $0.email != nil }) && school.phone == nil && school.safeguardingPhone == nil {
            log.error(school.file, line: dsls[0].line, "families have no way to reach the Designated Safeguarding Lead", suggestion: "give the DSL a phone: or email:, or give the school a phone:")
        }
        if let next = school.nextReview, next.value < today {
            log.warning(school.file, line: next.line, column: next.column, "the offer was due for review on \(next.value), which has passed",
                        suggestion: "review it, then update `reviewed:` and `next_review:`")
        } else if let reviewed = school.reviewed, reviewed.value < today.adding(years: -1), school.nextReview == nil {
            log.warning(school.file, line: reviewed.line, column: reviewed.column, "the offer was last reviewed on \(reviewed.value), over a year ago")
        }
        if let reviewed = school.reviewed, reviewed.value > today {
            log.warning(school.file, line: reviewed.line, column: reviewed.column, "`reviewed:` is a date in the future (\(reviewed.value))")
        }
    }
}
