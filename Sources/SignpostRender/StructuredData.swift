import SignpostModel
import SignpostResolve

/// schema.org JSON-LD for an entry's page, so that search engines show the number, email and
/// web address the page itself shows: an `Organization` for an agency, a `GovernmentService`
/// for a school's own service. Made from the entry's fields the page's contact box shows,
/// with no extra pass over the site; lines for professionals are left out, as on a card.
enum StructuredData {
    /// The whole `<script type="application/ld+json">` element. It is a data block (never
    /// run, so a `script-src 'self'` policy allows it), and `<`, `>` and `&` are written as
    /// `\u003c`, `\u003e` and `\u0026` so no text in it can close the element.
    static func element(_ entry: ResolvedEntry, school: SchoolContact?, area: Area, national: Bool) -> String {
        "<script type=\"application/ld+json\">" + json(entry, school: school, area: area, national: national) + "</script>"
    }

    /// `school`: the school's contact, for a service with none of its own (the page shows it as
    /// the way to reach the service).
    static func json(_ entry: ResolvedEntry, school: SchoolContact?, area: Area, national: Bool) -> String {
        let f = entry.fields
        var fields: [(String, String)] = [("@context", quote("https://schema.org"))]
        fields.append(("@type", quote(entry.kind == .service ? "GovernmentService" : "Organization")))
        fields.append(("name", quote(entry.name)))
        if let summary = f.summary?.value { fields.append(("description", quote(summary))) }
        var phones = f.familyPhones.filter { !$0.isText }.map(\.display)
        var emails = f.familyEmails.map(\.address)
        if let school, !f.isReferralOnly {
            if let phone = school.phone { phones.append(UKPhone.display(phone)) }
            if let email = school.email { emails.append(email) }
        }
        if let value = one(phones) { fields.append(("telephone", value)) }
        if let value = one(emails) { fields.append(("email", value)) }
        let websites = f.familyWebsites.map(\.url)
        if let first = websites.first { fields.append(("url", quote(first))) }
        if websites.count > 1, let value = one(Array(websites.dropFirst())) { fields.append(("sameAs", value)) }
        if let address = f.address?.value { fields.append(("address", quote(address))) }
        let teams = (f.teams?.value ?? []).compactMap { team -> String? in
            var point: [(String, String)] = [("@type", quote("ContactPoint"))]
            point.append(("name", quote(team.label)))
            if let value = one(team.phones.filter { !$0.isText }.map(\.display)) { point.append(("telephone", value)) }
            if let value = one(team.emails.map(\.address)) { point.append(("email", value)) }
            if let covers = team.covers { point.append(("areaServed", quote(covers))) }
            return point.count > 2 ? object(point) : nil
        }
        if !teams.isEmpty { fields.append(("contactPoint", "[" + teams.joined(separator: ",") + "]")) }
        let served = national ? [("@type", quote("Country")), ("name", quote("United Kingdom"))]
            : [("@type", quote("AdministrativeArea")), ("name", quote(area.name))]
        fields.append(("areaServed", object(served)))
        return object(fields)
    }

    /// One value as itself, several as a list.
    static func one(_ values: [String]) -> String? {
        switch values.count {
        case 0: return nil
        case 1: return quote(values[0])
        default: return "[" + values.map(quote).joined(separator: ",") + "]"
        }
    }

    static func object(_ fields: [(String, String)]) -> String {
        "{" + fields.map { quote($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
