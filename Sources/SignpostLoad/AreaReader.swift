import Foundation
import SignpostModel

/// An area's `area.md`: its "Get help now" lines, partnership and levels of need.
extension ContentLoader {
    package func readArea(_ file: SourceFile, id: String, log: DiagnosticLog) -> Area? {
        guard requireFrontMatter(file, what: "area.md", log: log),
              let reader = FieldReader(file.frontMatter, file: file.path, known: ["name", "get_help_now", "safeguarding_partnership", "levels"], what: "an area", log: log),
              let name = reader.string("name", required: true) else { return nil }
        var lines: [HelpLine] = []
        for item in reader.nodes("get_help_now") ?? [] {
            reader.checkKeys(item, known: ["label", "phone", "hours", "out_of_hours", "note", "website", "email"], what: "a get_help_now line")
            guard let label = reader.string("label", required: true, in: item, context: "each get_help_now line") else { continue }
            // Every setting but the label is optional: one written with nothing after it was
            // probably meant to be filled in. (A quoted "" has its own "not filled in" warning.)
            for entry in item.entries ?? [] where entry.key != "label" && entry.value.isNull {
                log.warning(file.path, line: entry.keyLine, column: entry.keyColumn,
                            "`\(entry.key)` is empty on the \"Get help now\" line \"\(label.value)\"",
                            suggestion: "fill it in, or delete the line: every setting of a line but `label` is optional")
            }
            lines.append(HelpLine(label: label.value, phone: reader.phone("phone", in: item), hours: reader.string("hours", in: item)?.value,
                                  outOfHours: outOfHours(item, reader: reader), note: reader.string("note", in: item)?.value,
                                  website: reader.website("website", in: item), email: reader.email("email", in: item),
                                  websiteLine: item["website"]?.line ?? item.line))
        }
        var partnershipName: String?, partnershipWebsite: String?, partnershipWebsiteLine = 1
        if let partnership = reader.node["safeguarding_partnership"], partnership.entries != nil {
            reader.checkKeys(partnership, known: ["name", "website"], what: "safeguarding_partnership")
            partnershipName = reader.string("name", in: partnership)?.value
            partnershipWebsite = reader.website("website", in: partnership)
            partnershipWebsiteLine = partnership["website"]?.line ?? partnership.line
        }
        var levels: [Level] = []
        for item in reader.nodes("levels") ?? [] {
            reader.checkKeys(item, known: ["id", "name", "description", "national", "what_to_do", "more"], what: "a level of need")
            guard let levelID = reader.string("id", required: true, in: item, context: "each level"),
                  let levelName = reader.string("name", required: true, in: item, context: "each level") else { continue }
            guard Self.isNewLevelID(levelID, among: levels.map(\.id), file: file.path, log: log) else { continue }
            let national = reader.strings("national", in: item)
            levels.append(Level(id: levelID.value, name: levelName.value, description: reader.string("description", in: item)?.value,
                                national: national?.value ?? [], whatToDo: reader.string("what_to_do", in: item)?.value,
                                more: reader.string("more", in: item)?.value, line: national?.line ?? item.line))
        }
        if levels.isEmpty {
            log.error(file.path, line: reader.node.line, "the area needs its `levels:` of need (for example universal, additional, targeted, specialist)")
        }
        return Area(id: id, file: file.path, name: name.value, getHelpNow: lines, partnershipName: partnershipName,
                    partnershipWebsite: partnershipWebsite, partnershipWebsiteLine: partnershipWebsiteLine, levels: levels, levelsLine: reader.node.entries?.first { $0.key == "levels" }?.keyLine ?? reader.node.line,
                    body: file.body, bodyLine: file.bodyLine)
    }

    /// `out_of_hours:` on a help line: a phone number, or `phone:` and `when:` (the words that
    /// say when to call it, "At other times, and at weekends").
    func outOfHours(_ item: YAMLNode, reader: FieldReader) -> OutOfHours? {
        guard let node = item["out_of_hours"], !node.isNull else { return nil }
        if node.scalar != nil {
            return reader.phone("out_of_hours", in: item).map { OutOfHours(phone: $0, when: nil) }
        }
        guard node.entries != nil else {
            reader.log.error(reader.file, line: node.line, column: node.column, "`out_of_hours` should be a phone number, or a group with `phone:` and `when:`",
                             suggestion: "write `out_of_hours: \"01632 960001\"`, or `phone:` and `when:` (such as \"At other times, and at weekends\") on lines of their own below it")
            return nil
        }
        reader.checkKeys(node, known: ["phone", "when"], what: "out_of_hours")
        guard reader.string("phone", required: true, in: node, context: "`out_of_hours`") != nil,
              let phone = reader.phone("phone", in: node) else { return nil }
        return OutOfHours(phone: phone, when: reader.string("when", in: node)?.value)
    }

    /// A level's id names its page, so it must be usable in a web address, and given once.
    static func isNewLevelID(_ id: Located<String>, among ids: [String], file: String, log: DiagnosticLog) -> Bool {
        guard Slug.isValid(id.value) else {
            log.error(file, line: id.line, column: id.column, "the level id \"\(id.value)\" cannot be used in a web address", suggestion: "use \"\(Slug.make(id.value))\"")
            return false
        }
        guard !ids.contains(id.value) else {
            log.error(file, line: id.line, column: id.column, "the level \"\(id.value)\" is listed twice")
            return false
        }
        return true
    }
}
