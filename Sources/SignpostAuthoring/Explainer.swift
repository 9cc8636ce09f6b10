import Foundation
import SignpostLoad
import SignpostModel
import SignpostPipeline
import SignpostResolve

/// `signpost explain`: an agency as one school publishes it, field by field, with the
/// file each value came from — so an office can see why a page says what it says.
public struct Explainer: Sendable {
    public enum Format: String, Sendable, CaseIterable { case text, json }

    public let options: BuildOptions

    public init(options: BuildOptions) { self.options = options }

    public func explain(school schoolID: String, entry entryID: String, format: Format = .text, log: DiagnosticLog) -> Result<String, Diagnostic> {
        let content = ContentLoader(root: options.content, displayRoot: options.contentDisplay).load(log: log)
        let site = OverrideResolver(content: content).resolve(log: log)
        guard let school = site.schools.first(where: { $0.school.id == schoolID }) else {
            return .failure(Diagnostic(file: options.contentDisplay + "/schools", "there is no school \"\(schoolID)\"",
                                       suggestion: Suggestion.didYouMean(schoolID, in: site.schools.map(\.school.id))))
        }
        guard let entry = school.entries.first(where: { $0.id == entryID }) else {
            let known = school.entries.map(\.id)
            let inLibrary = content.national[entryID] != nil || school.area.agencies[entryID] != nil
            return .failure(Diagnostic(file: school.school.file,
                                       inLibrary ? "\"\(entryID)\" is in the library, but \(school.school.name) does not list it" : "\(school.school.name) has no agency or service \"\(entryID)\"",
                                       suggestion: inLibrary ? "add it to `agencies:` in school.md" : Suggestion.didYouMean(entryID, in: known)))
        }
        let shown = ShownEntry(entry: entry, school: school, content: content)
        switch format {
        case .text: return .success(shown.text)
        case .json: return .success(FieldGuide.json(shown.json))
        }
    }
}

/// One entry's fields, as `explain` shows them: in words for the terminal, as values for JSON.
struct ShownEntry {
    let entry: ResolvedEntry
    let school: ResolvedSchool
    let content: Content

    var text: String {
        var out = "\(entry.name) (\(entry.kind.rawValue) \"\(entry.id)\") as published by \(school.school.name)\(school.school.isDraft ? " (a draft)" : "")\n"
        out += "Layers, lowest precedence first:\n"
        for source in entry.sources { out += "  - \(source)\n" }
        out += "\nField by field:\n"
        let f = entry.fields
        let pad = String(repeating: " ", count: 9)
        for field in EntryField.all {
            guard let origin = field.path?.origin(in: f), let lines = words(field), !lines.isEmpty else { continue }
            for (index, line) in lines.enumerated() {
                // Long words are cut to a line; each team or person keeps its whole line.
                let cut = field.kind == .text && line.count > 70 ? String(line.prefix(67)) + "..." : line
                out += "  \(index == 0 ? field.key.padding(toLength: max(9, field.key.count), withPad: " ", startingAt: 0) : pad) \(cut)\n"
            }
            out += "  \(pad) from \(origin.file):\(origin.line)\n"
        }
        if !f.bodyParts.isEmpty {
            out += "  text      \(f.bodyParts.count == 1 ? "from \(f.bodyParts[0].file):\(f.bodyParts[0].line)" : "combined from:")\n"
            if f.bodyParts.count > 1 { for part in f.bodyParts { out += "            \(part.file):\(part.line)\n" } }
        }
        return out
    }

    /// The national levels a national file names, when resolving placed them on the area's.
    var nationalLevels: [String]? {
        guard content.nationalLevels != nil, let levels = entry.fields.levels,
              let national = content.national[entry.id], national.file == levels.file else { return nil }
        return national.fields.levels?.value
    }

    func levelName(_ id: String) -> String { school.levels.first { $0.id == id }?.name ?? id }

    static func phone(_ phone: Phone) -> String {
        [phone.label, phone.display, phone.isText ? "(text)" : nil, phone.hours, phone.forProfessionals ? "(for professionals)" : nil]
            .compactMap { $0 }.joined(separator: " ")
    }

    /// The field's value in words, one line per item where a list needs it; nil when unset.
    func words(_ field: EntryField) -> [String]? {
        let f = entry.fields
        switch field.slot {
        case let .text(path): return f[keyPath: path].map { [$0.value] }
        case let .strings(path):
            guard let ids = f[keyPath: path]?.value else { return nil }
            if field.key == "levels" {
                let placed = ids.map { "\(levelName($0)) (\($0))" }.joined(separator: ", ")
                return [placed + (nationalLevels.map { "; national: \($0.joined(separator: ", "))" } ?? "")]
            }
            return [ids.joined(separator: ", ")]
        case let .phones(path): return f[keyPath: path].map { [$0.value.map(ShownEntry.phone).joined(separator: "; ")] }
        case let .emails(path): return f[keyPath: path].map { [$0.value.map { $0.address + ($0.forProfessionals ? " (for professionals)" : "") }.joined(separator: ", ")] }
        case let .websites(path): return f[keyPath: path].map { [$0.value.map { $0.url + ($0.forProfessionals ? " (for professionals)" : "") }.joined(separator: ", ")] }
        case let .date(path): return f[keyPath: path].map { [$0.value.description] }
        case let .access(path): return f[keyPath: path].map { [$0.value.rawValue] }
        case let .teams(path):
            return f[keyPath: path]?.value.map { team in
                let contacts = team.phones.map(ShownEntry.phone) + team.emails.map(\.address) + [team.address].compactMap { $0 }
                let covers = [team.covers, team.postcodes.isEmpty ? nil : team.postcodes.joined(separator: " ")].compactMap { $0 }
                return "\(team.label): \(contacts.joined(separator: ", "))" + (covers.isEmpty ? "" : " (covers \(covers.joined(separator: "; ")))")
            }
        case let .contacts(path):
            return f[keyPath: path]?.value.map { person in
                ([person.name + (person.role.map { ", \($0)" } ?? "")] + [person.phone.map(\.display), person.email].compactMap { $0 }).joined(separator: ": ")
                    + (person.forProfessionals ? " (for professionals)" : "")
            }
        case .bodyMode: return nil
        }
    }

    /// Everything `explain --format json` prints.
    var json: [String: Any] {
        var fields: [String: Any] = [:]
        for field in EntryField.all {
            guard let origin = field.path?.origin(in: entry.fields), let value = value(field) else { continue }
            fields[field.key] = ["value": value, "file": origin.file, "line": origin.line, "column": origin.column]
        }
        var result: [String: Any] = ["school": school.school.id, "school_name": school.school.name, "id": entry.id,
                                     "kind": entry.kind.rawValue, "name": entry.name, "layers": entry.sources, "fields": fields,
                                     "text": entry.fields.bodyParts.map { ["file": $0.file, "line": $0.line] }]
        if let national = nationalLevels { result["national_levels"] = national }
        if school.school.isDraft { result["school_is_draft"] = true }
        return result
    }

    static func phone(json phone: Phone) -> [String: Any] {
        var item: [String: Any] = ["number": phone.number, "display": phone.display, "href": phone.href, "text": phone.isText]
        item["label"] = phone.label
        item["hours"] = phone.hours
        if phone.forProfessionals { item["for"] = "professionals" }
        return item
    }

    static func email(json email: Email) -> [String: Any] {
        var item: [String: Any] = ["address": email.address]
        item["label"] = email.label
        if email.forProfessionals { item["for"] = "professionals" }
        return item
    }

    /// The field's value as JSON values; nil when unset.
    func value(_ field: EntryField) -> Any? {
        let f = entry.fields
        switch field.slot {
        case let .text(path): return f[keyPath: path]?.value
        case let .strings(path):
            guard let ids = f[keyPath: path]?.value else { return nil }
            return field.key == "levels" ? ids.map { ["id": $0, "name": levelName($0)] } : ids
        case let .phones(path): return f[keyPath: path]?.value.map(ShownEntry.phone(json:))
        case let .emails(path): return f[keyPath: path]?.value.map(ShownEntry.email(json:))
        case let .websites(path):
            return f[keyPath: path]?.value.map { site -> [String: Any] in
                var item: [String: Any] = ["url": site.url]
                item["label"] = site.label
                if site.forProfessionals { item["for"] = "professionals" }
                return item
            }
        case let .date(path): return f[keyPath: path].map { ["date": $0.value.iso, "shown": $0.value.description, "is_month": $0.value.isMonth] }
        case let .access(path): return f[keyPath: path]?.value.rawValue
        case let .teams(path):
            return f[keyPath: path]?.value.map { team -> [String: Any] in
                var item: [String: Any] = ["label": team.label, "phones": team.phones.map(ShownEntry.phone(json:)),
                                           "emails": team.emails.map(ShownEntry.email(json:)), "postcodes": team.postcodes]
                item["address"] = team.address
                item["covers"] = team.covers
                return item
            }
        case let .contacts(path):
            return f[keyPath: path]?.value.map { person -> [String: Any] in
                var item: [String: Any] = ["name": person.name]
                item["role"] = person.role
                item["phone"] = person.phone.map(ShownEntry.phone(json:))
                item["email"] = person.email
                if person.forProfessionals { item["for"] = "professionals" }
                return item
            }
        case .bodyMode: return nil
        }
    }
}
