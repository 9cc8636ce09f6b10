import Foundation

/// An agency, a school's change to one, or a school's own service.
extension ContentLoader {
    static let entryKeys = ["name", "summary", "phones", "emails", "websites", "address", "referral",
                            "ages", "cost", "levels", "topics", "reviewed"]
    static let referralKinds = ["self", "school", "gp", "professional"]

    func readEntry(_ file: SourceFile, id: String, origin: EntryFile.Origin, log: DiagnosticLog) -> EntryFile? {
        let what: String
        var known = ContentLoader.entryKeys
        switch origin {
        case .national, .area: what = "an agency"; known.append("body")
        case .schoolOverride: what = "an agency (or a school's change to one)"; known.append("body")
        case .service: what = "a school service"; known.append("people")
        }
        guard requireFrontMatter(file, what: "This file", log: log),
              let reader = FieldReader(file.frontMatter, file: file.path, known: known, what: what, log: log) else { return nil }
        var fields = EntryFields()
        fields.name = reader.string("name")
        fields.summary = reader.string("summary")
        fields.phones = reader.phones()
        fields.emails = reader.emails()
        fields.websites = reader.websites()
        fields.address = reader.string("address")
        fields.referral = reader.strings("referral")
        if let referral = fields.referral {
            for kind in referral.value where !ContentLoader.referralKinds.contains(kind) {
                log.error(file.path, line: referral.line, column: referral.column, "unknown referral route \"\(kind)\"",
                          suggestion: Suggestion.didYouMean(kind, in: ContentLoader.referralKinds) ?? "use any of: \(ContentLoader.referralKinds.joined(separator: ", "))")
            }
            fields.referral = referral.map { $0.filter(ContentLoader.referralKinds.contains) }
        }
        fields.ages = reader.string("ages")
        fields.cost = reader.string("cost")
        fields.levels = reader.strings("levels")
        fields.topics = reader.strings("topics")
        fields.reviewed = reader.day("reviewed")
        fields.people = reader.strings("people")
        if let mode = reader.string("body") {
            if let parsed = EntryFields.BodyMode(rawValue: mode.value) { fields.bodyMode = parsed }
            else {
                log.error(file.path, line: mode.line, column: mode.column, "`body:` should be replace, append or prepend, not \"\(mode.value)\"")
            }
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
}
