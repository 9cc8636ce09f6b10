import Foundation
import SignpostLoad
import SignpostModel

/// `signpost new`: starts a school, area, agency or service with every setting present and
/// explained, so an office fills in blanks rather than learning YAML from scratch. Every name
/// it turns into a path (the new id, `--area`, `--school`) must be a valid id, so nothing is
/// ever written outside the content folder.
public struct Scaffold: Sendable {
    public let content: URL
    public let contentDisplay: String

    public init(content: URL, contentDisplay: String) {
        self.content = content
        self.contentDisplay = contentDisplay
    }

    public enum Kind: String, Sendable, CaseIterable { case school, area, agency, service }

    /// Creates the files and returns the paths written, or a message saying why not.
    public func create(_ kind: Kind, name: String, area: String?, school: String?, today: Day = .today()) -> Result<[String], Diagnostic> {
        guard name.contains(where: { $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            return .failure(Diagnostic(file: contentDisplay, "the name \"\(name)\" has no letters or digits to make a file name from", suggestion: "give its name in words, e.g. \"St Example Primary\""))
        }
        // A line break would end the quoted name in the new file, and terminal codes would
        // travel on into every message that quotes it.
        if name.unicodeScalars.contains(where: { [.control, .format, .lineSeparator, .paragraphSeparator].contains($0.properties.generalCategory) }) {
            return .failure(Diagnostic(file: contentDisplay, "the name \"\(TerminalText.escaped(name))\" has a line break or an invisible control character in it",
                                       suggestion: "type the name again on one line, e.g. \"St Example Primary\""))
        }
        let id = Slug.make(name)
        let quoted = ScaffoldText.quoted(name)
        let file: (String, String)
        switch kind {
        case .school:
            if SiteLayout.reservedSchoolNames.contains(id) {
                return .failure(Diagnostic(file: "\(contentDisplay)/schools", "a school cannot be named \"\(name)\": its folder would be \"\(id)\", which the site already uses for its own pages",
                                           suggestion: "give the school's full name, e.g. \"\(name) School\" (names not allowed: \(SiteLayout.reservedSchoolNames.sorted().joined(separator: ", ")))"))
            }
            switch knownArea(area, for: "the school") {
            case let .failure(problem): return .failure(problem)
            case let .success(area): file = ("schools/\(id)/school.md", ScaffoldText.school(quoted, area: area))
            }
        case .area:
            file = ("areas/\(id)/area.md", ScaffoldText.area(quoted, scale: examples.nationalLevels()))
        case .agency:
            if area != nil {
                switch knownArea(area, for: "the agency") {
                case let .failure(problem): return .failure(problem)
                case let .success(area):
                    file = ("areas/\(area.id)/agencies/\(id).md", ScaffoldText.entry(quoted, use: .agency, levels: area.levels.map(\.id), levelsOf: "\(area.name)'s area.md"))
                }
            } else {
                let scale = examples.nationalLevels()
                let levels = scale?.map(\.id) ?? examples.areas().flatMap { examples.area($0)?.levels.map(\.id) ?? [] }
                file = ("agencies/\(id).md", ScaffoldText.entry(quoted, use: .agency, levels: levels, levelsOf: scale == nil ? nil : "the national scale (Content/levels.yml)"))
            }
        case .service:
            guard let school, !school.isEmpty else {
                return .failure(Diagnostic(file: contentDisplay, "say which school the service belongs to, e.g. --school westlands-first",
                                           suggestion: schoolList))
            }
            guard Slug.isValid(school), FileManager.default.fileExists(atPath: content.appendingPathComponent("schools/\(school)/school.md").path) else {
                return .failure(Diagnostic(file: "\(contentDisplay)/schools", "there is no school \"\(school)\"",
                                           suggestion: Suggestion.didYouMean(school, in: examples.schools()) ?? schoolList))
            }
            let area = examples.areaOf(school: school).flatMap(examples.area)
            file = ("schools/\(school)/services/\(id).md", ScaffoldText.entry(quoted, use: .service, levels: area?.levels.map(\.id) ?? [], levelsOf: area.map { "\($0.name)'s area.md" }))
        }
        return write(file.0, file.1)
    }

    var examples: ScaffoldExamples { ScaffoldExamples(content: content, contentDisplay: contentDisplay) }

    var schoolList: String? {
        let schools = examples.schools()
        return schools.isEmpty ? nil : "schools are: \(schools.joined(separator: ", "))"
    }

    /// The area `--area` names, read from its area.md; or why it cannot be used, with the areas there are.
    func knownArea(_ name: String?, for what: String) -> Result<Area, Diagnostic> {
        let areas = examples.areas()
        let list = areas.isEmpty ? "there are no areas yet: start one with `signpost new area \"Name\"`" : "areas are: \(areas.joined(separator: ", "))"
        guard let name, !name.isEmpty else {
            return .failure(Diagnostic(file: contentDisplay, "say which area \(what) is in, e.g. --area \(areas.first ?? "worcestershire")", suggestion: list))
        }
        guard Slug.isValid(name), areas.contains(name) else {
            return .failure(Diagnostic(file: "\(contentDisplay)/areas", "there is no area \"\(name)\"",
                                       suggestion: Suggestion.typo(of: name, in: areas).map { "did you mean \"\($0)\"? (\(list))" } ?? list))
        }
        guard let area = examples.area(name) else {
            return .failure(Diagnostic(file: "\(contentDisplay)/areas/\(name)/area.md", "this area's area.md could not be read", suggestion: "run `signpost check` to see why"))
        }
        return .success(area)
    }

    func write(_ relative: String, _ text: String) -> Result<[String], Diagnostic> {
        let url = content.appendingPathComponent(relative)
        if FileManager.default.fileExists(atPath: url.path) {
            return .failure(Diagnostic(file: "\(contentDisplay)/\(relative)", "this file already exists; nothing was changed", suggestion: "choose another name, or edit the existing file"))
        }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .withoutOverwriting)
            return .success(["\(contentDisplay)/\(relative)"])
        } catch {
            return .failure(Diagnostic(file: "\(contentDisplay)/\(relative)", "could not create this file: \(error.localizedDescription)"))
        }
    }
}

/// What `new` reads from the content already there, to give examples that fit.
struct ScaffoldExamples {
    let content: URL
    let contentDisplay: String
    var loader: ContentLoader { ContentLoader(root: content, displayRoot: contentDisplay) }

    func folders(_ relative: String, holding file: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: content.appendingPathComponent(relative).path)) ?? []
        return names.filter { Slug.isValid($0) && FileManager.default.fileExists(atPath: content.appendingPathComponent("\(relative)/\($0)/\(file)").path) }.sorted()
    }

    func areas() -> [String] { folders("areas", holding: "area.md") }
    func schools() -> [String] { folders("schools", holding: "school.md") }

    /// Problems in existing files are `check`'s to report, not `new`'s.
    func area(_ id: String) -> Area? {
        let log = DiagnosticLog()
        return SourceFile.read("areas/\(id)/area.md", from: loader.gate, log: log).flatMap { loader.readArea($0, id: id, log: log) }
    }

    func nationalLevels() -> [NationalLevel]? {
        guard loader.gate.exists("levels.yml") else { return nil }
        let log = DiagnosticLog()
        return SourceFile.read("levels.yml", from: loader.gate, kind: .settings, log: log).map { loader.readNationalLevels($0, log: log) }
    }

    func areaOf(school: String) -> String? {
        let log = DiagnosticLog()
        guard let file = SourceFile.read("schools/\(school)/school.md", from: loader.gate, log: log),
              let area = file.frontMatter?["area"]?.scalar, Slug.isValid(area) else { return nil }
        return area
    }
}
