import Foundation

/// `signpost new`: starts a school, agency or service with every setting present and
/// explained, so an office fills in blanks rather than learning YAML from scratch.
public struct Scaffold: Sendable {
    public let content: URL
    public let contentDisplay: String

    public init(content: URL, contentDisplay: String) {
        self.content = content
        self.contentDisplay = contentDisplay
    }

    public enum Kind: String, Sendable, CaseIterable { case school, agency, service }

    /// Creates the files and returns the paths written, or a message saying why not.
    public func create(_ kind: Kind, name: String, area: String?, school: String?, today: Day = .today()) -> Result<[String], Diagnostic> {
        let id = Slug.make(name)
        let quoted = "\"" + name.replacingOccurrences(of: "\"", with: "'") + "\""
        var files: [(String, String)] = []
        switch kind {
        case .school:
            guard let area else { return .failure(Diagnostic(file: contentDisplay, "say which area the school is in, e.g. --area worcestershire")) }
            let areas = (try? FileManager.default.contentsOfDirectory(atPath: content.appendingPathComponent("areas").path)) ?? []
            guard areas.contains(area) else {
                return .failure(Diagnostic(file: "\(contentDisplay)/areas", "there is no area \"\(area)\"", suggestion: Suggestion.didYouMean(area, in: areas) ?? "areas are: \(areas.sorted().joined(separator: ", "))"))
            }
            files.append(("schools/\(id)/school.md", schoolTemplate(quoted, area: area, today: today)))
            files.append(("schools/\(id)/services/listening-and-talking.md", serviceTemplate("\"Listening and talking\"", today: today)))
        case .agency:
            let folder = area.map { "areas/\($0)/agencies" } ?? "agencies"
            files.append(("\(folder)/\(id).md", agencyTemplate(quoted, today: today)))
        case .service:
            guard let school else { return .failure(Diagnostic(file: contentDisplay, "say which school the service belongs to, e.g. --school westlands-first")) }
            guard FileManager.default.fileExists(atPath: content.appendingPathComponent("schools/\(school)/school.md").path) else {
                return .failure(Diagnostic(file: "\(contentDisplay)/schools", "there is no school \"\(school)\""))
            }
            files.append(("schools/\(school)/services/\(id).md", serviceTemplate(quoted, today: today)))
        }
        var written: [String] = []
        for (relative, text) in files {
            let url = content.appendingPathComponent(relative)
            if FileManager.default.fileExists(atPath: url.path) {
                return .failure(Diagnostic(file: "\(contentDisplay)/\(relative)", "this file already exists; nothing was changed", suggestion: "choose another name, or edit the existing file"))
            }
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url, options: .withoutOverwriting)
                written.append("\(contentDisplay)/\(relative)")
            } catch {
                return .failure(Diagnostic(file: "\(contentDisplay)/\(relative)", "could not create this file: \(error.localizedDescription)"))
            }
        }
        return .success(written)
    }

    func schoolTemplate(_ name: String, area: String, today: Day) -> String {
        """
        ---
        # The settings for your school's Early Help Offer. Lines starting with # are notes
        # for you and are not published. Keep a space after each colon.
        name: \(name)
        phase: Primary school            # e.g. First school, Primary school, High school
        area: \(area)                     # the county folder under Content/areas/
        address: ""                      # FILL IN: the school's postal address
        phone: ""                        # FILL IN: the school office, e.g. 01905 123456
        email: ""                        # FILL IN: the office email address
        website: ""                      # FILL IN: https://www.your-school.sch.uk
        # safeguarding_phone: 01905 123456   # only if different from the office phone
        # logo: logo.png                     # a picture file in this folder
        # colour: "#1d5fa0"                  # your brand colour (a darker shade is used if it is too pale)
        people:                          # FILL IN: your key people; roles are listed in the README
          - name: ""                     # FILL IN: the Designated Safeguarding Lead's name
            roles: [dsl]
            title: Designated Safeguarding Lead
            email: ""                    # FILL IN
            phone: ""                    # FILL IN
        # level_names:                   # your own names for the levels of need, if you want them
        #   universal: Everyone
        #   additional: Need a bit of help?
        #   targeted: If we can't help
        #   specialist: Specialist support
        agencies: all                    # every agency in the library; or a list such as [samaritans, nspcc]
        exclude: []                      # agencies to leave out when you use `all`
        reviewed: \(today.iso)             # when you last checked the whole offer (year-month-day)
        reviewed_by: ""                  # FILL IN: who checked it
        next_review: \(today.adding(years: 1).iso)
        ---
        At \(name.dropFirst().dropLast()) we recognise the challenges that families face in bringing up children.
        There may be times when you need extra help and support. If this is the case,
        please come and talk to us.

        """
    }

    func agencyTemplate(_ name: String, today: Day) -> String {
        """
        ---
        name: \(name)
        summary: ""                      # FILL IN: one sentence a parent understands
        phones:                          # FILL IN at least one way to contact them
          - number: ""
            label: Helpline
            hours: Monday to Friday, 9am to 5pm
        emails: []                       # e.g. [help@example.org.uk]
        websites: []                     # e.g. [https://www.example.org.uk]
        referral: [self]                 # who can ask: self, school, gp, professional
        ages: ""                         # e.g. 5 to 18
        cost: Free
        levels: [universal]              # universal, additional, targeted, specialist
        topics: []                       # ids from Content/topics.yml, e.g. [mental-health]
        reviewed: \(today.iso)
        ---
        What they do and how to get help, in plain words.

        """
    }

    func serviceTemplate(_ name: String, today: Day) -> String {
        """
        ---
        name: \(name)
        summary: ""                      # FILL IN: one sentence a parent understands
        people: []                       # names of your key people who run it, as in school.md
        referral: [self, school]         # who can ask: self, school, gp, professional
        ages: ""
        cost: Free
        levels: [universal]              # universal, additional, targeted, specialist
        topics: []                       # ids from Content/topics.yml, e.g. [mental-health]
        reviewed: \(today.iso)
        ---
        What the school offers, when, and how to ask for it.

        """
    }
}
