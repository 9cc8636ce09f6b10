import Foundation

/// An area's `area.md`: its "Get help now" lines, partnership and levels of need.
extension ContentLoader {
    func readArea(_ file: SourceFile, id: String, log: DiagnosticLog) -> Area? {
        guard requireFrontMatter(file, what: "area.md", log: log),
              let reader = FieldReader(file.frontMatter, file: file.path, known: ["name", "get_help_now", "safeguarding_partnership", "levels"], what: "an area", log: log),
              let name = reader.string("name", required: true) else { return nil }
        var lines: [HelpLine] = []
        for item in reader.nodes("get_help_now") ?? [] {
            reader.checkKeys(item, known: ["label", "phone", "hours", "note", "website", "email"], what: "a get_help_now line")
            guard let label = reader.string("label", required: true, in: item, context: "each get_help_now line") else { continue }
            lines.append(HelpLine(label: label.value, phone: reader.phone("phone", in: item), hours: reader.string("hours", in: item)?.value,
                                  note: reader.string("note", in: item)?.value, website: reader.website("website", in: item),
                                  email: reader.email("email", in: item)))
        }
        var partnershipName: String?, partnershipWebsite: String?
        if let partnership = reader.node["safeguarding_partnership"], partnership.entries != nil {
            reader.checkKeys(partnership, known: ["name", "website"], what: "safeguarding_partnership")
            partnershipName = reader.string("name", in: partnership)?.value
            partnershipWebsite = reader.website("website", in: partnership)
        }
        var levels: [Level] = []
        for item in reader.nodes("levels") ?? [] {
            reader.checkKeys(item, known: ["id", "name", "description", "national"], what: "a level of need")
            guard let levelID = reader.string("id", required: true, in: item, context: "each level"),
                  let levelName = reader.string("name", required: true, in: item, context: "each level") else { continue }
            guard Slug.isValid(levelID.value) else {
                log.error(file.path, line: levelID.line, column: levelID.column, "the level id \"\(levelID.value)\" cannot be used in a web address", suggestion: "use \"\(Slug.make(levelID.value))\"")
                continue
            }
            guard !levels.contains(where: { $0.id == levelID.value }) else {
                log.error(file.path, line: levelID.line, column: levelID.column, "the level \"\(levelID.value)\" is listed twice")
                continue
            }
            let national = reader.strings("national", in: item)
            levels.append(Level(id: levelID.value, name: levelName.value, description: reader.string("description", in: item)?.value,
                                national: national?.value ?? [], line: national?.line ?? item.line))
        }
        if levels.isEmpty {
            log.error(file.path, line: reader.node.line, "the area needs its `levels:` of need (for example universal, additional, targeted, specialist)")
        }
        return Area(id: id, file: file.path, name: name.value, getHelpNow: lines, partnershipName: partnershipName,
                    partnershipWebsite: partnershipWebsite, levels: levels, levelsLine: reader.node.entries?.first { $0.key == "levels" }?.keyLine ?? reader.node.line,
                    body: file.body)
    }
}
