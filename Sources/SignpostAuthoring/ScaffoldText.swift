import SignpostModel

/// The text of the files `signpost new` writes: every setting present, explained in a note,
/// with examples taken from the content it joins (the area's levels and phone code).
enum ScaffoldText {
    static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "'") + "\"" }

    /// `# ` notes wrapped to a readable width.
    static func note(_ text: String, indent: String = "") -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + word.count + 1 > 88 { lines.append(line); line = "" }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.map { "\(indent)# \($0)\n" }.joined()
    }

    /// A setting followed by its note, the note lined up in one column.
    static func line(_ setting: String, _ comment: String? = nil) -> String {
        guard let comment else { return setting + "\n" }
        return setting.padding(toLength: max(setting.count + 1, 33), withPad: " ", startingAt: 0) + "# " + comment + "\n"
    }

    /// An example phone number with the area's own dialling code, from its "Get help now"
    /// numbers; otherwise one from Ofcom's range for drama, which rings nobody.
    static func examplePhone(_ area: Area?) -> String {
        let numbers = area?.getHelpNow.compactMap(\.phone) ?? []
        guard let local = numbers.map(UKPhone.digits).first(where: { $0.hasPrefix("01") || $0.hasPrefix("02") }),
              let code = UKPhone.display(local).split(separator: " ").first else { return "01632 960000" }
        let digits = code + String("1234567890".prefix(11 - code.count))
        return UKPhone.display(String(digits))
    }

    static func school(_ name: String, area: Area) -> String {
        let phone = examplePhone(area)
        var text = "---\n"
        text += note("The settings for your school's Early Help Offer. Lines starting with # are notes for you and are not published. Keep a space after each colon. Run `signpost check` to see what is still missing.")
        text += note("While `draft: true` is here, `signpost build` leaves the school out (its gaps never stop the other schools' pages) and `signpost check` reports its gaps as warnings. Delete the line when the offer is ready to publish.")
        text += "draft: true\n"
        text += "name: \(name)\n"
        text += line("phase: Primary school", "e.g. First school, Primary school, High school")
        text += line("area: \(area.id)", "\(area.name): the folder under Content/areas/")
        text += line("address: \"\"", "FILL IN: the school's postal address")
        text += line("phone: \"\"", "FILL IN: the school office, e.g. \(phone)")
        text += line("email: \"\"", "FILL IN: the office email address")
        text += line("website: \"\"", "FILL IN: https://www.your-school.sch.uk")
        text += line("# safeguarding_phone: \(phone)", "only if different from the office phone")
        text += line("# logo: logo.png", "a picture file in this folder")
        text += line("# colour: \"#1d5fa0\"", "your brand colour (a darker shade is used if it is too pale)")
        text += line("# footer_note: \"Our wellbeing team is in school every day.\"", "a sentence or two of Markdown at the foot of every page")
        text += line("# links:", "up to 8 of your own pages, in the footer")
        text += "#   - label: SEND information report\n#     url: https://www.your-school.sch.uk/send\n"
        text += line("people:", "FILL IN: your key people")
        text += note("Roles: " + Role.ids.joined(separator: ", ") + ".", indent: "  ")
        text += line("  - name: \"\"", "FILL IN: the Designated Safeguarding Lead's name")
        text += "    roles: [dsl]\n"
        text += "    title: Designated Safeguarding Lead\n"
        text += line("    email: \"\"", "FILL IN")
        text += line("    phone: \"\"", "FILL IN, e.g. \(phone)")
        text += line("# level_names:", "your own names for \(area.name)'s levels of need, if you want them")
        for level in area.levels { text += "#   \(level.id): \(level.name)\n" }
        text += line("agencies: all", "every agency in the library; or a list such as [samaritans, nspcc]")
        text += line("exclude: []", "agencies to leave out when you use `all`")
        text += line("reviewed:", "when you have checked the whole offer: a date (2026-09-01) or a month (2026-09)")
        text += line("reviewed_by:", "who checked it")
        text += line("next_review:", "when it is next due, e.g. 2027-09")
        text += "---\n"
        text += "At \(name.dropFirst().dropLast()) we recognise the challenges that families face in bringing up children.\n"
        text += "There may be times when you need extra help and support. If this is the case,\nplease come and talk to us.\n"
        return text
    }

    static func area(_ name: String, scale: [NationalLevel]?) -> String {
        var text = "---\n"
        text += note("The settings for an area (a county): its \"Get help now\" box, its safeguarding partnership and its levels of need. Lines starting with # are notes for you and are not published. Run `signpost check` to see what is still missing.")
        text += "name: \(name)\n"
        text += note("The \"Get help now\" box at the top of every page of this area's schools, most urgent first.")
        text += "get_help_now:\n"
        text += "  - label: If a child is in immediate danger\n    phone: \"999\"\n    note: Call the police.\n"
        text += line("  - label: \"\"", "FILL IN: children's social care, e.g. Family Front Door")
        text += line("    phone: \"\"", "FILL IN")
        text += line("    hours: \"\"", "FILL IN when it is open, e.g. Monday to Friday, 9am to 5pm")
        text += line("    out_of_hours:", "the number to call when it is closed (the emergency duty team)")
        text += line("      phone: \"\"", "FILL IN")
        text += line("      when: At other times, and at weekends", "shown as: At other times, and at weekends, call …")
        text += line("    website: \"\"", "FILL IN: its page for families")
        text += "  - label: Police (non-emergency)\n    phone: \"101\"\n"
        text += "safeguarding_partnership:\n"
        text += line("  name: \"\"", "FILL IN: e.g. \(name.dropFirst().dropLast()) Safeguarding Children Partnership")
        text += line("  website: \"\"", "FILL IN")
        text += note("The area's levels of need, lowest first, with the ids and names the area uses (rename them as it does). Agencies and schools of this area name these ids.")
        if let scale {
            text += note("`national:` says which level(s) of the national scale (Content/levels.yml: \(scale.map(\.id).joined(separator: ", "))) each level covers, so national agencies find their place: every national level needs one.")
            text += note("`what_to_do:` is what a family at the level can do, in the county's words; without it the national scale's words below are shown. `more:` adds a sentence or two about the level.")
            text += "levels:\n"
            for level in scale {
                text += "  - id: \(level.id)\n    name: \(level.name)\n"
                if let description = level.description { text += "    description: \(description)\n" }
                text += "    national: \(level.id)\n"
                if let words = level.whatToDo { text += "    # what_to_do: \(words)\n" }
            }
        } else {
            text += "levels:\n"
            for (id, words) in [("universal", "Universal"), ("additional", "Additional needs"), ("targeted", "Targeted support"), ("specialist", "Specialist")] {
                text += "  - id: \(id)\n    name: \(words)\n    description: \"\"\n"
            }
        }
        text += "---\nWhat the area's levels of need mean for a family, in plain words.\n"
        return text
    }

    /// What a new agency or service starts with: a field to fill in, or nil to give the
    /// table's example as a note. Every other field of the table is there as a note.
    static func start(_ key: String, use: EntryField.Use, levels: [String]) -> String? {
        switch key {
        case "summary": return line("summary: \"\"", "FILL IN")
        case "phones" where use != .service:
            return line("phones:", "FILL IN at least one way to contact them") + line("  - number: \"\"", "e.g. 01632 960000")
                + "    label: Helpline\n    hours: Monday to Friday, 9am to 5pm\n"
        case "emails" where use != .service: return line("emails: []", "e.g. [help@example.org.uk]")
        case "websites" where use != .service: return line("websites: []", "e.g. [https://www.example.org.uk]")
        case "referral": return use == .service ? "referral: [self, school]\n" : "referral: [self]\n"
        case "ages": return line("ages: \"\"", "e.g. 5 to 18")
        case "cost": return "cost: Free\n"
        case "levels": return line("levels: []", levels.isEmpty ? "level ids" : "any of: " + levels.joined(separator: ", "))
        case "topics": return line("topics: []", "e.g. [mental-health]")
        case "reviewed": return "reviewed:\n"
        case "people": return line("people: []", "names of your key people who run it, as in school.md")
        default: return nil
        }
    }

    static func entry(_ name: String, use: EntryField.Use, levels: [String], levelsOf place: String?) -> String {
        var text = "---\n"
        text += note("Lines starting with # are notes for you and are not published; a setting in a note is there to copy if you need it (delete the # in front).")
        text += "name: \(name)\n"
        // A new file changes no library agency, so it has no library list to add to.
        for field in EntryField.all where field.key != "name" && field.use.contains(use) && !field.addsToLibrary {
            var meaning = field.meaning
            if field.key == "levels", let place { meaning = "The levels of need it is for, as \(place) names them." }
            text += note(meaning)
            if let start = start(field.key, use: use, levels: levels) { text += start }
            else { text += field.example.split(separator: "\n").map { "# \($0)\n" }.joined() }
        }
        text += "---\n"
        text += use == .service ? "What the school offers, when, and how to ask for it.\n" : "What they do and how to get help, in plain words.\n"
        return text
    }
}
