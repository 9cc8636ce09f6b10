import Foundation
import SignpostModel

/// A school's `school.md`: its details, key people, level names and choice of agencies.
extension ContentLoader {
    static let schoolKeys = ["name", "phase", "area", "address", "phone", "email", "website", "safeguarding_phone", "logo",
                             "logo_alt", "colour", "people", "level_names", "agencies", "exclude", "also_signposted", "reviewed", "reviewed_by",
                             "next_review", "draft", "footer_note", "links"]

    func readSchool(_ file: SourceFile, id: String, log: DiagnosticLog) -> School? {
        guard requireFrontMatter(file, what: "school.md", log: log),
              let reader = FieldReader(file.frontMatter, file: file.path, known: ContentLoader.schoolKeys, what: "a school", log: log) else { return nil }
        let name = reader.string("name", required: true)
        let area = reader.string("area", required: true)
        var people: [Person] = []
        for item in reader.nodes("people") ?? [] {
            reader.checkKeys(item, known: ["name", "roles", "title", "email", "phone"], what: "a person")
            // A person whose name is still blank keeps their roles, so the only message is "fill in the name".
            let personName = reader.string("name", required: true, in: item, context: "each person")
                ?? Located("(name not filled in)", file: file.path, line: item.line, column: item.column)
            let roles = reader.strings("roles", in: item)
            for role in roles?.value ?? [] where Role.words(for: role) == nil {
                log.error(file.path, line: roles!.line, column: roles!.column, "unknown role \"\(role)\" for \(personName.value)",
                          suggestion: Suggestion.didYouMean(role, in: Role.ids) ?? "roles are: \(Role.ids.joined(separator: ", "))")
            }
            people.append(Person(name: personName.value, roles: (roles?.value ?? []).filter { Role.words(for: $0) != nil },
                                 title: reader.string("title", in: item)?.value, email: reader.email("email", in: item),
                                 phone: reader.phone("phone", in: item), line: item.line))
        }
        var levelNames: [(Located<String>, String)] = []
        if let names = reader.node["level_names"] {
            if let entries = names.entries {
                for entry in entries {
                    if let text = entry.value.scalar {
                        levelNames.append((Located(entry.key, file: file.path, line: entry.keyLine, column: entry.keyColumn), text))
                    }
                }
            } else if !names.isNull {
                log.error(file.path, line: names.line, "`level_names` should be lines of `level-id: the school's name for it`")
            }
        }
        var selection = School.AgencySelection.list([])
        if let agencies = reader.node["agencies"], !agencies.isNull {
            if agencies.scalar == "all" { selection = .all }
            else if let list = agencies.items {
                selection = .list(list.compactMap { item in item.scalar.map { Located($0, file: file.path, line: item.line, column: item.column) } })
            } else {
                log.error(file.path, line: agencies.line, "`agencies` should be `all` or a list of agency ids such as [samaritans, nspcc]")
            }
        }
        let exclude = (reader.node["exclude"]?.items ?? []).compactMap { item in item.scalar.map { Located($0, file: file.path, line: item.line, column: item.column) } }
        var also: [AlsoSignposted] = []
        for item in reader.nodes("also_signposted") ?? [] {
            guard item.entries != nil else {
                log.error(file.path, line: item.line, column: item.column, "each item of `also_signposted` should be `- agency:` with a library agency's id, or `- name:` with `levels:`")
                continue
            }
            reader.checkKeys(item, known: ["agency", "name", "levels"], what: "an item of also_signposted")
            if let agency = reader.string("agency", in: item) {
                if item["name"] != nil || item["levels"] != nil {
                    log.error(file.path, line: agency.line, column: agency.column, "`agency: \(agency.value)` is listed with its contacts and levels from the library, so it takes no `name:` or `levels:`",
                              suggestion: "remove them, or write the organisation as `- name:` with `levels:` if it is not the library's agency")
                }
                also.append(AlsoSignposted(kind: .agency(agency), line: item.line))
            } else if let named = reader.string("name", required: true, in: item, context: "each item of also_signposted") {
                let levels = reader.strings("levels", in: item)
                if levels == nil {
                    log.error(file.path, line: named.line, column: named.column, "\"\(named.value)\" has no `levels:`, so no page would name it",
                              suggestion: "add the levels of need it belongs at, such as `levels: [universal]`")
                }
                also.append(AlsoSignposted(kind: .name(named, levels: levels), line: item.line))
            }
        }
        reportRetiredTemplates(school: id, name: name?.value ?? id, log: log)
        // A draft is kept even without its name or area, so that its gaps stay warnings.
        let isDraft = reader.bool("draft") ?? false
        guard isDraft || (name != nil && area != nil) else { return nil }
        return School(id: id, folder: file.url.deletingLastPathComponent().path, file: file.path, name: name?.value ?? id,
                      phase: reader.string("phase")?.value, area: area ?? Located("", file: file.path, line: 1), address: reader.string("address")?.value,
                      phone: reader.phone("phone"), email: reader.email("email"), website: reader.website("website"), websiteLine: reader.node["website"]?.line ?? 1,
                      safeguardingPhone: reader.phone("safeguarding_phone"), logo: reader.string("logo"),
                      logoAlt: reader.string("logo_alt")?.value, colour: reader.string("colour"), people: people,
                      levelNameList: levelNames, agencies: selection, exclude: exclude, alsoSignposted: also, reviewed: reader.day("reviewed"),
                      reviewedBy: reader.string("reviewed_by")?.value, nextReview: reader.day("next_review"),
                      isDraft: isDraft,
                      body: file.body, bodyLine: file.bodyLine, footerNote: footerNote(reader), ownLinks: ownLinks(reader))
    }
}
