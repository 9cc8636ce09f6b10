import SignpostModel

/// An entry's ways in, as templates show them: phones, emails, web links that say where they
/// go, teams labelled by the place they serve, named contacts, and who to ask for a referral.
enum ContactValues {
    static func phone(_ phone: Phone) -> Values<PhoneKey> {
        var values = Values<PhoneKey>()
        values[.number] = phone.display
        values[.href] = phone.href
        values[.phone_label] = phone.label
        values[.phone_hours] = phone.hours
        values[.is_text] = phone.isText
        values[.phone_caption] = phone.label ?? (phone.isText ? "Text" : "Phone")
        return values
    }

    static func email(_ email: Email) -> Values<EmailKey> {
        var values = Values<EmailKey>()
        values[.address] = email.address
        values[.mail_href] = "mailto:" + email.address
        values[.email_label] = email.label
        values[.email_caption] = email.label ?? "Email"
        if let at = email.address.firstIndex(of: "@") {
            values[.address_parts] = parts([String(email.address[..<at]), String(email.address[at...])])
        }
        return values
    }

    /// Pieces of an address, each a place a printed line may end (`<wbr>` after each).
    static func parts(_ pieces: [String]) -> [Values<PartKey>] {
        pieces.filter { !$0.isEmpty }.map { piece in
            var values = Values<PartKey>()
            values[.part] = piece
            return values
        }
    }

    /// An entry's web addresses, each with words for its link: its label, else "Samaritans
    /// website" for the first without one, and "Samaritans website: samaritans.org" for others
    /// (two links that say the same thing must not go to different places).
    static func websites(_ sites: [Website], of name: String) -> [Values<WebsiteKey>] {
        var named = false
        let linkText = endsWithWebsite(name) ? name : "\(name) website"
        return sites.map { site in
            var values = Values<WebsiteKey>()
            values[.web_url] = site.url
            let short = shortURL(site.url)
            values[.web_short] = short
            values[.web_parts] = parts(pathParts(short))
            values[.web_label] = site.label
            values[.web_caption] = site.label ?? "Website"
            if let label = site.label, !label.isBlank {
                values[.web_text] = label
            } else {
                values[.web_text] = named ? "\(linkText): \(host(site.url))" : linkText
                named = true
            }
            return values
        }
    }

    /// "… (WSCB) website" is not followed by "website" again. Over bytes for an ASCII name
    /// (almost every one): every card of every school names its websites.
    static func endsWithWebsite(_ name: String) -> Bool {
        guard name.isASCII else {
            let words = name.lowercased().split { !$0.isLetter }
            return words.last == "website" || words.suffix(2) == ["web", "site"]
        }
        let words = Array(name.utf8).split { !$0.isASCIILetter }.map { $0.map { $0 | 0x20 } }
        return words.last == Array("website".utf8) || words.suffix(2).elementsEqual([Array("web".utf8), Array("site".utf8)])
    }

    /// "nspcc.org.uk/", "keeping-children-safe": each part keeps the slash after it, so a long
    /// address can wrap only after one.
    static func pathParts(_ short: String) -> [String] {
        if short.isASCII {
            let pieces = short.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
            return pieces.enumerated().map { index, piece in String(decoding: piece, as: UTF8.self) + (index < pieces.count - 1 ? "/" : "") }
        }
        let pieces = short.split(separator: "/", omittingEmptySubsequences: false)
        return pieces.enumerated().map { index, piece in index < pieces.count - 1 ? piece + "/" : String(piece) }
    }

    /// An entry's teams; `team_name` reads "Wychavon team" unless the label names what it is.
    static func teams(_ teams: [Team]) -> [Values<TeamKey>] {
        var anchors = Set<String>()
        return teams.enumerated().map { index, team in
            var values = Values<TeamKey>()
            values[.team_label] = team.label
            values[.team_name] = teamName(team.label)
            if !team.phones.isEmpty {
                let phones = team.phones.map(phone)
                values[.team_phones] = phones
                values[.team_first_phone] = phones[0]
            }
            if !team.emails.isEmpty {
                let emails = team.emails.map(email)
                values[.team_emails] = emails
                values[.team_first_email] = emails[0]
            }
            values[.team_address] = team.address
            values[.team_postcodes] = team.postcodes.isEmpty ? nil : WordList.joined(team.postcodes, last: "and")
            values[.team_covers] = covers(team)
            var anchor = "team-" + Slug.make(team.label)
            if !anchors.insert(anchor).inserted { anchor += "-\(index + 1)" }
            values[.team_anchor] = anchor
            return values
        }
    }

    /// "Ashdown and the villages around it (postcodes BS1 and BS2)".
    static func covers(_ team: Team) -> String? {
        let postcodes = team.postcodes.isEmpty ? nil : (team.postcodes.count == 1 ? "postcode " : "postcodes ") + WordList.joined(team.postcodes, last: "and")
        switch (team.covers.flatMap { $0.isBlank ? nil : $0 }, postcodes) {
        case let (words?, codes?): return "\(words) (\(codes))"
        case let (words?, nil): return words
        case let (nil, codes?): return codes
        case (nil, nil): return nil
        }
    }

    static func teamName(_ label: String) -> String {
        let words = Set(label.lowercased().split { !$0.isLetter }.map(String.init))
        return words.isDisjoint(with: ["team", "teams", "office", "hub", "centre", "center", "service", "branch"]) ? label + " team" : label
    }

    static func contact(_ contact: NamedContact) -> Values<NamedContactKey> {
        var values = Values<NamedContactKey>()
        values[.contact_name] = contact.name
        values[.contact_role] = contact.role
        if let phone = contact.phone {
            values[.contact_phone] = phone.display
            values[.contact_tel] = phone.href
        }
        if let email = contact.email {
            values[.contact_email] = email
            values[.contact_mail_href] = "mailto:" + email
        }
        return values
    }

    /// "Ask the school, your GP or your health visitor to refer you".
    static func referralWho(_ routes: [String]) -> String {
        let who = routes.compactMap { ReferralKind.kind($0)?.who }
        return "Ask " + (who.isEmpty ? "the school" : WordList.joined(who, last: "or")) + " to refer you"
    }

    static func askSchool(_ school: SchoolContact) -> Values<AskSchoolKey> {
        var values = Values<AskSchoolKey>()
        values[.ask_school_name] = school.name
        if let phone = school.phone {
            values[.ask_school_phone] = UKPhone.display(phone)
            values[.ask_school_tel] = UKPhone.href(phone)
        }
        if let email = school.email {
            values[.ask_school_email] = email
            values[.ask_school_mail_href] = "mailto:" + email
        }
        return values
    }

    /// "www.nspcc.org.uk/keeping-children-safe": what fits on a printed line.
    static func shortURL(_ url: String) -> String {
        var text = Substring(url)
        for prefix in ["https://", "http://"] where url.hasPrefix(ignoringASCIICase: prefix) { text = text.dropFirst(prefix.utf8.count); break }
        if text.utf8.last == UInt8(ascii: "/") { text = text.dropLast() }
        return String(text)
    }

    /// "samaritans.org": the address's host, without `www.`.
    static func host(_ url: String) -> String {
        var host = shortURL(url).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if host.lowercased().hasPrefix("www.") { host = host.dropFirst(4) }
        return String(host)
    }
}
