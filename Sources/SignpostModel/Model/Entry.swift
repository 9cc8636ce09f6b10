/// The fields of an agency or a school service. Every field is optional because the
/// same shape serves library entries and overrides, which give only what differs.
/// `EntryField.all` describes each of them (see there to add one).
public struct EntryFields: Sendable {
    public var name: Located<String>?
    public var summary: Located<String>?
    public var phones: Located<[Phone]>?
    public var emails: Located<[Email]>?
    public var websites: Located<[Website]>?
    /// `add_phones:`, `add_emails:`, `add_websites:`: an override's additions to the library's
    /// lists, kept after the library's (the lists above hold the result).
    public var addPhones: Located<[Phone]>?
    public var addEmails: Located<[Email]>?
    public var addWebsites: Located<[Website]>?
    public var address: Located<String>?
    public var teams: Located<[Team]>?
    public var contacts: Located<[NamedContact]>?
    public var access: Located<Access>?
    public var referral: Located<[String]>?
    public var ages: Located<String>?
    public var cost: Located<String>?
    public var levels: Located<[String]>?
    public var topics: Located<[String]>?
    public var reviewed: Located<Day>?
    public var people: Located<[String]>?
    public var body: Located<String>?
    public var bodyMode: BodyMode = .replace

    public enum BodyMode: String, Sendable, CaseIterable { case replace, append, prepend }

    /// How families reach an entry: themselves (`direct`, the default) or only through a referral.
    public enum Access: String, Sendable, CaseIterable { case direct, referral }

    public init() {}

    /// Field-by-field: each field `override` gives replaces ours; the body replaces,
    /// or is added before/after, as the override says.
    public func overridden(by override: EntryFields) -> EntryFields {
        var result = self
        for field in EntryField.all { field.path?.take(&result, from: override) }
        EntryFields.add(\.phones, \.addPhones, to: &result, from: override)
        EntryFields.add(\.emails, \.addEmails, to: &result, from: override)
        EntryFields.add(\.websites, \.addWebsites, to: &result, from: override)
        if let extra = override.body, !extra.value.isBlank {
            switch (override.bodyMode, body) {
            case (.replace, _), (_, nil):
                result.body = extra
            case (.append, let base?):
                result.body = Located(base.value + "\n\n" + extra.value, file: extra.file, line: extra.line)
                result.bodyParts = bodyParts + [extra]
            case (.prepend, let base?):
                result.body = Located(extra.value + "\n\n" + base.value, file: extra.file, line: extra.line)
                result.bodyParts = [extra] + bodyParts
            }
            if override.bodyMode == .replace || body == nil { result.bodyParts = [extra] }
        }
        return result
    }

    /// `add_phones:` and the like: what the override adds goes after the list it has now (the
    /// library's, or the override's own `phones:`), and the list keeps the place it was written.
    static func add<T: Sendable>(_ list: WritableKeyPath<EntryFields, Located<[T]>?>, _ addition: WritableKeyPath<EntryFields, Located<[T]>?>,
                                 to result: inout EntryFields, from override: EntryFields) {
        guard let added = override[keyPath: addition] else {
            // A new whole list drops what was added to the old one.
            if override[keyPath: list] != nil { result[keyPath: addition] = nil }
            return
        }
        if let base = result[keyPath: list] {
            result[keyPath: list] = Located(base.value + added.value, file: base.file, line: base.line, column: base.column)
        } else {
            result[keyPath: list] = added
        }
    }

    /// An entry's own file, with what it adds folded into its lists (an agency that changes
    /// no library agency has no list to add to).
    public var standingAlone: EntryFields { EntryFields().overridden(by: self) }

    /// True when every field `override` gives already has that value here, and its text (if
    /// any) is ours word for word: a copy of the library entry rather than a change to it.
    public func isRepeated(by override: EntryFields) -> Bool {
        var gives = 0
        var same = 0
        for field in EntryField.all {
            guard let isSame = field.path?.isSame(self, override) else { continue }
            gives += 1
            if isSame { same += 1 }
        }
        let text = override.body?.value.trimmed() ?? ""
        let bodySame = text.isEmpty || text == body?.value.trimmed()
        return gives + (text.isEmpty ? 0 : 1) > 0 && same == gives && bodySame
    }

    /// Where each piece of the combined body came from (for `explain`).
    public var bodyParts: [Located<String>] = []

    /// A phone, email or website of its own for families, or a team or named person with a
    /// phone or email for them.
    public var hasContact: Bool {
        !familyPhones.isEmpty || !familyEmails.isEmpty || !familyWebsites.isEmpty
            || (teams?.value.contains(where: \.isContactable) ?? false) || !familyContacts.isEmpty
    }

    /// Reached only through a referral (`access: referral`).
    public var isReferralOnly: Bool { access?.value == .referral }

    /// Each set field with the file it came from, in reading order (for `explain`).
    public var provenance: [(field: String, file: String, line: Int)] {
        var rows: [(String, String, Int)] = []
        for field in EntryField.all {
            if let origin = field.path?.origin(in: self) { rows.append((field.key, origin.file, origin.line)) }
        }
        for part in bodyParts { rows.append(("text", part.file, part.line)) }
        return rows
    }
}

/// An agency (library or local) or a school's own service, as read from one file.
public struct EntryFile: Sendable {
    public enum Origin: String, Sendable { case national, area, schoolOverride, service }
    public var id: String
    public var origin: Origin
    public var file: String
    public var fields: EntryFields

    package init(id: String, origin: Origin, file: String, fields: EntryFields) {
        self.id = id
        self.origin = origin
        self.file = file
        self.fields = fields
    }
}
