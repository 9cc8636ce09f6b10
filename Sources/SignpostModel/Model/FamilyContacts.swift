/// Which of an entry's ways in are for families and which for professionals
/// (`for: professionals`). Everything a family is shown first (cards, the handout, search,
/// "Get help now") takes the family lists from here, so a professionals' line never reaches it;
/// the entry's own page and the whole-offer document show the rest under their own heading.
extension EntryFields {
    public var familyPhones: [Phone] { (phones?.value ?? []).filter { !$0.forProfessionals } }
    public var familyEmails: [Email] { (emails?.value ?? []).filter { !$0.forProfessionals } }
    public var familyWebsites: [Website] { (websites?.value ?? []).filter { !$0.forProfessionals } }
    /// Named people a family can reach and may ask for.
    public var familyContacts: [NamedContact] { (contacts?.value ?? []).filter(\.isForFamilies) }

    public var professionalPhones: [Phone] { (phones?.value ?? []).filter(\.forProfessionals) }
    public var professionalEmails: [Email] { (emails?.value ?? []).filter(\.forProfessionals) }
    public var professionalWebsites: [Website] { (websites?.value ?? []).filter(\.forProfessionals) }
    public var professionalContacts: [NamedContact] { (contacts?.value ?? []).filter(\.forProfessionals) }

    /// Some of its ways in are for professionals only.
    public var hasProfessionalContacts: Bool {
        !professionalPhones.isEmpty || !professionalEmails.isEmpty || !professionalWebsites.isEmpty || !professionalContacts.isEmpty
    }
}
