/// A named person at an agency a family may be told to ask for: the school's PCSO, the
/// Prevent officer, the LADO.
public struct NamedContact: Sendable, Hashable {
    public var name: String
    /// Their job in plain words: "Police Community Support Officer for Droitwich".
    public var role: String?
    /// As written; `Phone` works out how it is shown.
    public var phone: Phone?
    public var email: String?
    /// `for: professionals`: someone professionals contact, not families.
    public var forProfessionals: Bool
    public var line: Int

    public init(name: String, role: String? = nil, phone: Phone? = nil, email: String? = nil, forProfessionals: Bool = false, line: Int = 1) {
        self.name = name
        self.role = role
        self.phone = phone
        self.email = email
        self.forProfessionals = forProfessionals
        self.line = line
    }

    public var isContactable: Bool { phone != nil || email != nil }

    /// A way for a family to get help: someone they can reach, who is there for families.
    public var isForFamilies: Bool { isContactable && !forProfessionals }

    public static func == (a: NamedContact, b: NamedContact) -> Bool {
        (a.name, a.role, a.phone, a.email, a.forProfessionals) == (b.name, b.role, b.phone, b.email, b.forProfessionals)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name); hasher.combine(role); hasher.combine(phone); hasher.combine(email); hasher.combine(forProfessionals)
    }
}
