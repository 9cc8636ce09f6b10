import Foundation
import SignpostModel

/// An agency, a school's change to one, or a school's own service: every setting in
/// `EntryField.all` that the file may have, each read by its kind.
extension ContentLoader {
    func readEntry(_ file: SourceFile, id: String, origin: EntryFile.Origin, log: DiagnosticLog) -> EntryFile? {
        let what: String
        let use: EntryField.Use
        switch origin {
        case .national, .area: what = "an agency"; use = .agency
        case .schoolOverride: what = "an agency (or a school's change to one)"; use = .override
        case .service: what = "a school service"; use = .service
        }
        guard requireFrontMatter(file, what: "This file", log: log),
              let reader = FieldReader(file.frontMatter, file: file.path, known: EntryField.keys(for: use), what: what, log: log) else { return nil }
        var fields = EntryFields()
        for field in EntryField.all where field.use.contains(use) {
            read(field, into: &fields, with: reader)
        }
        if origin == .national {
            for (key, given) in [("add_phones", fields.addPhones != nil), ("add_emails", fields.addEmails != nil), ("add_websites", fields.addWebsites != nil)] where given {
                let at = reader.node.entries?.first { $0.key == key }
                log.error(file.path, line: at?.keyLine ?? 1, column: at?.keyColumn ?? 1,
                          "`\(key):` adds to a library agency's list, but this file is the library's own entry",
                          suggestion: "write the whole list in `\(key.dropFirst(4)):`")
            }
            // Read as the list it meant, so the one mistake is not reported twice.
            fields = fields.standingAlone
        }
        if !file.body.isBlank {
            fields.body = Located(file.body, file: file.path, line: file.bodyLine)
            fields.bodyParts = [fields.body!]
        }
        // Overrides (a school's, or an area's change to a national agency) may give only what differs;
        // AgencyLibrary reports an area file that changes nothing and has no name.
        if origin != .schoolOverride && origin != .area && fields.name == nil {
            log.error(file.path, line: reader.node.line, "\(what) needs a `name:`")
            return nil
        }
        return EntryFile(id: id, origin: origin, file: file.path, fields: fields)
    }

    func read(_ field: EntryField, into fields: inout EntryFields, with reader: FieldReader) {
        let key = field.key
        switch field.slot {
        case let .text(path): fields[keyPath: path] = reader.string(key)
        case let .strings(path):
            fields[keyPath: path] = reader.strings(key)
            if field.kind == .referral { fields[keyPath: path] = knownReferralKinds(fields[keyPath: path], reader: reader) }
        case let .phones(path): fields[keyPath: path] = reader.phones(key)
        case let .emails(path): fields[keyPath: path] = reader.emails(key)
        case let .websites(path): fields[keyPath: path] = reader.websites(key)
        case let .date(path): fields[keyPath: path] = reader.day(key)
        case let .access(path):
            guard let text = reader.string(key) else { return }
            if let access = EntryFields.Access(rawValue: text.value) { fields[keyPath: path] = text.map { _ in access } }
            else {
                reader.log.error(reader.file, line: text.line, column: text.column, "`\(key):` should be direct or referral, not \"\(text.value)\"",
                                 suggestion: Suggestion.didYouMean(text.value, in: EntryFields.Access.allCases.map(\.rawValue)))
            }
        case let .teams(path): fields[keyPath: path] = teams(key, reader: reader)
        case let .contacts(path): fields[keyPath: path] = namedContacts(key, reader: reader)
        case .bodyMode:
            guard let mode = reader.string(key) else { return }
            if let parsed = EntryFields.BodyMode(rawValue: mode.value) { fields.bodyMode = parsed }
            else {
                reader.log.error(reader.file, line: mode.line, column: mode.column, "`body:` should be replace, append or prepend, not \"\(mode.value)\"")
            }
        }
    }

    /// Keeps the routes on the list of referral kinds, reporting the rest.
    func knownReferralKinds(_ routes: Located<[String]>?, reader: FieldReader) -> Located<[String]>? {
        guard let routes else { return nil }
        for kind in routes.value where ReferralKind.kind(kind) == nil {
            reader.log.error(reader.file, line: routes.line, column: routes.column, "unknown referral route \"\(kind)\"",
                             suggestion: Suggestion.didYouMean(kind, in: ReferralKind.ids) ?? "use any of: \(ReferralKind.ids.joined(separator: ", "))")
        }
        return routes.map { $0.filter { ReferralKind.kind($0) != nil } }
    }

    static let teamKeys = ["label", "phones", "emails", "address", "covers", "postcodes"]

    /// `teams:`, each team a group of settings checked on its own lines, like the entry's own contacts.
    func teams(_ key: String, reader: FieldReader) -> Located<[Team]>? {
        guard let items = reader.nodes(key) else { return nil }
        var teams: [Team] = []
        for item in items {
            guard item.entries != nil else {
                reader.log.error(reader.file, line: item.line, column: item.column, "each team should be a group of settings starting with `- label:`, such as the district it serves")
                continue
            }
            guard let team = FieldReader(item, file: reader.file, known: ContentLoader.teamKeys, what: "a team", log: reader.log),
                  let label = team.string("label", required: true, context: "each team") else { continue }
            if teams.contains(where: { $0.label == label.value }) {
                reader.log.error(reader.file, line: label.line, column: label.column, "two teams are labelled \"\(label.value)\"", suggestion: "give each team its own label, such as its district")
                continue
            }
            var postcodes: [String] = []
            if let written = team.strings("postcodes") {
                for code in written.value {
                    if let normal = Postcode.normalised(code) { postcodes.append(normal) }
                    else {
                        reader.log.error(reader.file, line: written.line, column: written.column, "\"\(code)\" is not a UK postcode or postcode district",
                                         suggestion: "write postcode districts such as WR9 or GL1, or whole postcodes such as WR9 8AA")
                    }
                }
            }
            let value = Team(label: label.value, phones: team.phones(audience: false)?.value ?? [], emails: team.emails(audience: false)?.value ?? [],
                             address: team.string("address")?.value, covers: team.string("covers")?.value,
                             postcodes: postcodes, line: item.line)
            if !value.isContactable && value.address == nil {
                reader.log.warning(reader.file, line: item.line, column: item.column, "the team \"\(value.label)\" has no phone, email or address, so families cannot reach it",
                                   suggestion: "add its phones:, emails: or address:")
            }
            teams.append(value)
        }
        return reader.located(key, teams)
    }

    static let namedContactKeys = ["name", "role", "phone", "email", "for"]

    /// `contacts:`, named people at the agency, each checked on its own lines.
    func namedContacts(_ key: String, reader: FieldReader) -> Located<[NamedContact]>? {
        guard let items = reader.nodes(key) else { return nil }
        var people: [NamedContact] = []
        for item in items {
            guard item.entries != nil else {
                reader.log.error(reader.file, line: item.line, column: item.column, "each named contact should be a group of settings starting with `- name:`")
                continue
            }
            guard let person = FieldReader(item, file: reader.file, known: ContentLoader.namedContactKeys, what: "a named contact", log: reader.log),
                  let name = person.string("name", required: true, context: "each named contact") else { continue }
            // A phone or email written wrongly has its own message; one with neither is a role, not a contact.
            if (item["phone"]?.isNull ?? true) && (item["email"]?.isNull ?? true) {
                reader.log.error(reader.file, line: item.line, column: item.column, "the named contact \"\(name.value)\" has no phone or email, so families cannot reach them",
                                 suggestion: "give them a `phone:` or an `email:`; a role with no one to contact (such as \"Chair of MAPPA\") belongs in the text below the settings")
            }
            people.append(NamedContact(name: name.value, role: person.string("role")?.value, phone: person.phone("phone").map { Phone(number: $0) },
                                       email: person.email("email"), forProfessionals: reader.forProfessionals(item), line: item.line))
        }
        return reader.located(key, people)
    }
}
