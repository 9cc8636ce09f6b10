/// One of an agency's teams or offices, e.g. its team for one district, so a family is given
/// the number for where they live rather than the first number on the list.
public struct Team: Sendable, Hashable {
    /// What tells the teams apart, e.g. the district: "Wychavon".
    public var label: String
    public var phones: [Phone]
    public var emails: [Email]
    public var address: String?
    /// The places it covers, in plain words: "Droitwich, Evesham and Pershore".
    public var covers: String?
    /// The postcode districts (or full postcodes) it covers, upper case: ["WR9", "WR10"].
    public var postcodes: [String]
    public var line: Int

    public init(label: String, phones: [Phone] = [], emails: [Email] = [], address: String? = nil, covers: String? = nil,
                postcodes: [String] = [], line: Int = 1) {
        self.label = label
        self.phones = phones
        self.emails = emails
        self.address = address
        self.covers = covers
        self.postcodes = postcodes
        self.line = line
    }

    /// A phone or an email a family can use.
    public var isContactable: Bool { !phones.isEmpty || !emails.isEmpty }

    // The line is where it was written, not part of what it says.
    public static func == (a: Team, b: Team) -> Bool {
        (a.label, a.phones, a.emails, a.address, a.covers, a.postcodes) == (b.label, b.phones, b.emails, b.address, b.covers, b.postcodes)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(label); hasher.combine(phones); hasher.combine(emails)
        hasher.combine(address); hasher.combine(covers); hasher.combine(postcodes)
    }
}
