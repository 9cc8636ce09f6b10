import Foundation

/// `signpost explain`: an agency as one school publishes it, field by field, with the
/// file each value came from — so an office can see why a page says what it says.
public struct Explainer: Sendable {
    public let options: BuildOptions

    public init(options: BuildOptions) { self.options = options }

    public func explain(school schoolID: String, entry entryID: String, log: DiagnosticLog) -> Result<String, Diagnostic> {
        let content = ContentLoader(root: options.content, displayRoot: options.contentDisplay).load(log: log)
        let site = OverrideResolver(content: content).resolve(log: log)
        guard let school = site.schools.first(where: { $0.school.id == schoolID }) else {
            return .failure(Diagnostic(file: options.contentDisplay + "/schools", "there is no school \"\(schoolID)\"",
                                       suggestion: Suggestion.didYouMean(schoolID, in: site.schools.map(\.school.id))))
        }
        guard let entry = school.entries.first(where: { $0.id == entryID }) else {
            let known = school.entries.map(\.id)
            let inLibrary = content.national[entryID] != nil || school.area.agencies[entryID] != nil
            return .failure(Diagnostic(file: school.school.file,
                                       inLibrary ? "\"\(entryID)\" is in the library, but \(school.school.name) does not list it" : "\(school.school.name) has no agency or service \"\(entryID)\"",
                                       suggestion: inLibrary ? "add it to `agencies:` in school.md" : Suggestion.didYouMean(entryID, in: known)))
        }
        var out = "\(entry.name) (\(entry.kind.rawValue) \"\(entry.id)\") as published by \(school.school.name)\n"
        out += "Layers, lowest precedence first:\n"
        for source in entry.sources { out += "  - \(source)\n" }
        out += "\nField by field:\n"
        let f = entry.fields
        func row(_ name: String, _ value: String?, _ origin: (file: String, line: Int)?) {
            guard let value, let origin else { return }
            let shown = value.count > 70 ? String(value.prefix(67)) + "..." : value
            out += "  \(name.padding(toLength: 9, withPad: " ", startingAt: 0)) \(shown)\n"
            out += "  \(String(repeating: " ", count: 9)) from \(origin.file):\(origin.line)\n"
        }
        func origin<T>(_ value: Located<T>?) -> (String, Int)? { value.map { ($0.file, $0.line) } }
        row("name", f.name?.value, origin(f.name))
        row("summary", f.summary?.value, origin(f.summary))
        row("phones", f.phones?.value.map { [$0.label, UKPhone.display($0.number), $0.hours].compactMap { $0 }.joined(separator: " ") }.joined(separator: "; "), origin(f.phones))
        row("emails", f.emails?.value.map(\.address).joined(separator: ", "), origin(f.emails))
        row("websites", f.websites?.value.map(\.url).joined(separator: ", "), origin(f.websites))
        row("address", f.address?.value, origin(f.address))
        row("referral", f.referral?.value.joined(separator: ", "), origin(f.referral))
        row("ages", f.ages?.value, origin(f.ages))
        row("cost", f.cost?.value, origin(f.cost))
        row("levels", f.levels?.value.map { id in school.levels.first { $0.id == id }.map { "\($0.name) (\(id))" } ?? id }.joined(separator: ", "), origin(f.levels))
        row("topics", f.topics?.value.joined(separator: ", "), origin(f.topics))
        row("reviewed", f.reviewed?.value.description, origin(f.reviewed))
        row("people", f.people?.value.joined(separator: ", "), origin(f.people))
        if !f.bodyParts.isEmpty {
            out += "  text      \(f.bodyParts.count == 1 ? "from \(f.bodyParts[0].file):\(f.bodyParts[0].line)" : "combined from:")\n"
            if f.bodyParts.count > 1 { for part in f.bodyParts { out += "            \(part.file):\(part.line)\n" } }
        }
        return .success(out)
    }
}
