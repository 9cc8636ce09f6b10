import SignpostModel

/// One agency or service as an HSDS 3.0 service (the form Open Referral UK feeds use): its
/// organisation, phones, email, web address, referral route as the application process, ages
/// as eligibility, topics and levels as taxonomy terms, and `reviewed` as the assured date.
/// Every id is a `StableID` of the entry's path; fields with no value are left out.
struct ORUKService {
    /// The entry's path inside Content/ (its id's name), e.g. `agencies/samaritans.md`; in a
    /// school's feed, prefixed with the school (`schools/<id>/ via agencies/…`).
    let path: String
    let fields: EntryFields
    let name: String
    let organization: JSONValue
    let organizationID: String
    let topics: [Topic]
    let levels: [Level]
    let areaID: String
    let areaName: String

    var id: String { StableID.uuid(path) }

    func term(_ kind: String, code: String, name: String, description: String?, taxonomy: String) -> JSONValue {
        let termID = StableID.uuid("\(kind)/\(code)")
        var term = JSONObject()
        term["id"] = termID
        term["code"] = code
        term["name"] = name
        term["description"] = description ?? name
        term["taxonomy"] = taxonomy
        var attribute = JSONObject()
        attribute["id"] = StableID.uuid("\(path)#\(kind)/\(code)")
        attribute["link_id"] = id
        attribute["link_type"] = kind.hasPrefix("level") ? "level" : kind
        attribute["link_entity"] = "service"
        attribute["taxonomy_term_id"] = termID
        attribute.set("taxonomy_term", term.value)
        return attribute.value
    }

    func phone(_ phone: Phone, at place: String) -> JSONValue {
        var value = JSONObject()
        value["id"] = StableID.uuid("\(path)#\(place)")
        value["number"] = phone.display
        value["type"] = phone.isText ? "text" : "voice"
        value["description"] = [phone.label, phone.hours].compactMap { $0 }.joined(separator: ": ")
        return value.value
    }

    /// Only the one-to-one fields: what the paged list (`services/index.json`) shows.
    var listed: JSONObject {
        let f = fields
        var service = JSONObject()
        service["id"] = id
        service["name"] = name
        service["description"] = f.summary?.value
        service["url"] = f.websites?.value.first?.url
        service["email"] = f.emails?.value.first?.address
        service["status"] = "active"
        service["organization_id"] = organizationID
        service["application_process"] = applicationProcess
        service["eligibility_description"] = f.ages.map { "Ages " + $0.value }
        if let (low, high) = f.ages.flatMap({ ORUKService.ageRange($0.value) }) {
            service.set("minimum_age", .int(low))
            service.set("maximum_age", .int(high))
        }
        service["fees_description"] = f.cost?.value
        service["assured_date"] = f.reviewed?.value.earliest.iso
        return service
    }

    var full: JSONValue {
        let f = fields
        var service = listed
        service.set("organization", organization)
        service["phones"] = (f.phones?.value ?? []).enumerated().map { phone($0.element, at: "phone/\($0.offset)") }
        var contacts: [JSONValue] = []
        for (index, team) in (f.teams?.value ?? []).enumerated() {
            var contact = JSONObject()
            contact["id"] = StableID.uuid("\(path)#team/\(index)")
            contact["service_id"] = id
            contact["name"] = team.label
            contact["department"] = [team.label, team.covers.map { "covers " + $0 }].compactMap { $0 }.joined(separator: ", ")
            contact["email"] = team.emails.first?.address
            contact["phones"] = team.phones.enumerated().map { phone($0.element, at: "team/\(index)/phone/\($0.offset)") }
            contacts.append(contact.value)
        }
        for (index, person) in (f.contacts?.value ?? []).enumerated() {
            var contact = JSONObject()
            contact["id"] = StableID.uuid("\(path)#contact/\(index)")
            contact["service_id"] = id
            contact["name"] = person.name
            contact["title"] = person.role
            contact["email"] = person.email
            contact["phones"] = person.phone.map { [phone($0, at: "contact/\(index)/phone")] }
            contacts.append(contact.value)
        }
        service["contacts"] = contacts
        let topicTerms = topics.map { term("topic", code: $0.id, name: $0.name, description: $0.description, taxonomy: "Signpost topics") }
        let levelTerms = levels.map { term("level/\(areaID)", code: $0.id, name: $0.name, description: $0.description, taxonomy: "Levels of need in \(areaName)") }
        service["attributes"] = topicTerms + levelTerms
        return service.value
    }

    /// The referral route in words: who can ask for help, and whether families can themselves.
    var applicationProcess: String? {
        let kinds = (fields.referral?.value ?? []).compactMap(ReferralKind.kind)
        if fields.isReferralOnly {
            let who = kinds.compactMap(\.who)
            return "Only through a referral" + (who.isEmpty ? "." : ": ask " + ORUKService.list(who) + ".")
        }
        guard !kinds.isEmpty else { return nil }
        return kinds.map { $0.words + "." }.joined(separator: " ")
    }

    static func list(_ words: [String]) -> String {
        words.count <= 1 ? words.joined() : words.dropLast().joined(separator: ", ") + " or " + words.last!
    }

    /// "5 to 18", "11-16": the ages as numbers, when they are written as a plain range.
    static func ageRange(_ text: String) -> (Int, Int)? {
        let numbers = text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter }).filter { !["to", "and", "aged", "ages", "years", "year", "old"].contains($0) }
        guard numbers.count == 2, words.isEmpty, numbers[0] <= numbers[1] else { return nil }
        return (numbers[0], numbers[1])
    }
}
