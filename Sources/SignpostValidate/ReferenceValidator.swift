import SignpostModel
import SignpostResolve

/// Checks what only makes sense once everything is loaded: references between files,
/// required contacts, levels that fit every area, and dates that have passed.
public struct ReferenceValidator: Sendable {
    public let today: Day

    public init(today: Day = .today()) { self.today = today }

    public func validate(_ site: ResolvedSite, log: DiagnosticLog) {
        let topicIDs = site.content.topics.map(\.id)
        // Library entries are checked once, where they are written, not once per school.
        var checkedFiles = Set<String>()
        var texts = site.content.nationalTopicTexts.values.map { ($0, topicIDs, "Content/topics.yml") }
        for area in site.content.areas.values {
            let ids = topicIDs + area.topics.map(\.id)
            texts += area.topicTexts.values.map { ($0, ids, "\(area.file.dropLast("area.md".count))topics.yml") }
        }
        for school in site.schools {
            let ids = school.topics.map(\.id)
            texts += school.school.topicTexts.values.map { ($0, ids, "\(school.school.file.dropLast("school.md".count))topics.yml") }
        }
        for (text, ids, list) in texts where !ids.contains(text.topic) {
            log.error(text.file, "there is no topic \"\(text.topic)\", so this text would never be shown",
                      suggestion: Suggestion.nearest(to: text.topic, in: ids).map { "rename the file to \($0).md" } ?? "add the topic to \(list)")
        }
        checkOwnTopics(site, log: log)
        TopicWords.check(site.content, log: log)
        LevelScale(content: site.content).validate(log: log)
        let nationalFiles = Set(site.content.national.values.map(\.file))
        let scaled = site.content.nationalLevels != nil
        for school in site.schools {
            validateSchool(school, log: log)
            let levelIDs = school.area.levels.map(\.id)
            let people = school.school.people.map(\.name)
            for entry in school.entries {
                // With a national scale, national files' levels were placed on the area's by resolving,
                // and are checked against the scale instead.
                if let levels = entry.fields.levels, !(scaled && nationalFiles.contains(levels.file)),
                   checkedFiles.insert("level:\(school.area.id):\(levels.file):\(levels.line)").inserted {
                    let national = nationalFiles.contains(levels.file)
                    for id in levels.value where !levelIDs.contains(id) {
                        var (message, suggestion) = LevelScale.unknownAreaLevel(id, in: school.area, scale: site.content.nationalLevels)
                        if national { suggestion += "; to name levels that fit every area, add the national scale Content/levels.yml (see the README)" }
                        log.error(levels.file, line: levels.line, column: levels.column, message, suggestion: suggestion)
                    }
                }
                checkTopics(entry.fields.topics, of: school, in: site, checked: &checkedFiles, log: log)
                if entry.kind == .service {
                    check(entry.fields.people, against: people, what: "person", checked: &checkedFiles, log: log,
                          hint: "people are listed under `people:` in school.md")
                }
                checkAccess(entry, checked: &checkedFiles, log: log)
                if let reviewed = entry.fields.reviewed, reviewed.value < today.adding(years: -1),
                   checkedFiles.insert("reviewed:" + reviewed.file).inserted {
                    log.warning(reviewed.file, line: reviewed.line, column: reviewed.column,
                                "\"\(entry.name)\" was last reviewed \(ReferenceValidator.on(reviewed.value)), over a year ago", suggestion: "check its details are still right, then update `reviewed:`")
                }
            }
        }
    }

    /// Topics an entry names, against the lists its file can see: a national agency the shared
    /// list, a county's agency also the county's, a school's file also the school's.
    func checkTopics(_ ids: Located<[String]>?, of school: ResolvedSchool, in site: ResolvedSite, checked: inout Set<String>, log: DiagnosticLog) {
        guard let ids else { return }
        let shared = site.content.topics.map(\.id)
        let isNational = site.content.national.values.contains { $0.file == ids.file }
        let isArea = !isNational && school.area.agencies.values.contains { $0.file == ids.file }
        let known = isNational ? shared : isArea ? shared + school.area.topics.map(\.id) : school.topics.map(\.id)
        let scope = isNational ? "" : isArea ? school.area.id : school.school.id
        guard checked.insert("topic:\(scope):\(ids.file):\(ids.line)").inserted else { return }
        for id in ids.value where !known.contains(id) {
            let owner = site.content.areas.values.sorted { $0.id < $1.id }.first { $0.topics.contains { $0.id == id } }
            let suggestion: String
            if let owner, isNational || owner.id != school.area.id {
                suggestion = "\"\(id)\" is a topic of \(owner.name) only (\(owner.topics.first { $0.id == id }!.file)); "
                    + (isNational ? "a national agency names the shared topics in Content/topics.yml" : "this file names the shared topics and \(school.area.name)'s")
            } else {
                suggestion = Suggestion.didYouMean(id, in: known) ?? "topics are listed in Content/topics.yml"
                    + (isNational ? "" : isArea ? " and \(school.area.file.dropLast("area.md".count))topics.yml" : ", the county's topics.yml and the school's")
            }
            log.error(ids.file, line: ids.line, column: ids.column, "unknown topic \"\(id)\"", suggestion: suggestion)
        }
    }

    /// A county's or a school's own topic may not take an id a list above it already has.
    func checkOwnTopics(_ site: ResolvedSite, log: DiagnosticLog) {
        let shared = Set(site.content.topics.map(\.id))
        for area in site.content.areas.values.sorted(by: { $0.id < $1.id }) {
            for topic in area.topics where shared.contains(topic.id) {
                log.error(topic.file, line: topic.line, "the topic \"\(topic.id)\" is already in Content/topics.yml",
                          suggestion: "remove it here, or give the county's topic an id of its own")
            }
        }
        for school in site.content.schools {
            let area = site.content.areas[school.area.value]
            for topic in school.topics {
                if shared.contains(topic.id) {
                    log.error(topic.file, line: topic.line, "the topic \"\(topic.id)\" is already in Content/topics.yml",
                              suggestion: "remove it here, or give the school's topic an id of its own")
                } else if let area, let theirs = area.topics.first(where: { $0.id == topic.id }) {
                    log.error(topic.file, line: topic.line, "the topic \"\(topic.id)\" is already in \(theirs.file)",
                              suggestion: "remove it here, or give the school's topic an id of its own")
                }
            }
        }
    }

    /// "on 1 September 2025", or "in September 2025" for a month.
    static func on(_ day: Day) -> String { (day.isMonth ? "in " : "on ") + day.description }

    /// An agency needs a way to reach it: its own contacts, a team's or a named person's, or
    /// (when it is reached only through a referral) who refers.
    func checkAccess(_ entry: ResolvedEntry, checked: inout Set<String>, log: DiagnosticLog) {
        let f = entry.fields
        if let access = f.access, access.value == .referral, checked.insert("access:\(access.file):\(entry.sources.last!)").inserted {
            let routes = f.referral?.value ?? []
            if routes.contains("self") {
                let at = f.referral!
                log.error(at.file, line: at.line, column: at.column, "\"\(entry.name)\" is reached only through a referral (`access: referral`), but `referral:` says families can contact it themselves (`self`)",
                          suggestion: "remove `self` from referral:, or remove `access: referral` and give its phones:, emails: or websites:")
            } else if routes.isEmpty {
                log.error(access.file, line: access.line, column: access.column, "\"\(entry.name)\" is reached only through a referral, but does not say who can refer",
                          suggestion: "add who can refer, e.g. `referral: [school, gp]` (any of: \(ReferralKind.ids.filter { $0 != "self" }.joined(separator: ", ")))")
            }
        }
        if entry.kind == .agency && !f.hasContact && !f.isReferralOnly {
            let file = entry.sources.last!
            if checked.insert("contact:" + file).inserted {
                log.error(file, "\"\(entry.name)\" has no way to contact it",
                          suggestion: f.hasProfessionalContacts
                              ? "its phones, emails and websites are all `for: professionals`; if families reach it only through a referral, write `access: referral` and who refers in `referral:`"
                              : "add at least one of phones:, emails:, websites:, teams: or contacts:; if families reach it only through a referral, write `access: referral` and who refers in `referral:`")
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
            log.warning(school.file, line: next.line, column: next.column, "the offer was due for review \(ReferenceValidator.on(next.value)), which has passed",
                        suggestion: "review it, then update `reviewed:` and `next_review:`")
        } else if let reviewed = school.reviewed, reviewed.value < today.adding(years: -1), school.nextReview == nil {
            log.warning(school.file, line: reviewed.line, column: reviewed.column, "the offer was last reviewed \(ReferenceValidator.on(reviewed.value)), over a year ago")
        }
        if let reviewed = school.reviewed, reviewed.value.earliest > today {
            log.warning(school.file, line: reviewed.line, column: reviewed.column, "`reviewed:` is a date in the future (\(reviewed.value))")
        }
    }
}
