import SignpostModel

/// Schools marked `draft: true`: an office's unfinished offer. Its gaps are warnings, never
/// errors, so it cannot stop another school's pages; `build` leaves it out, `serve` and `check`
/// keep it.
public struct Drafts: Sendable {
    /// The draft schools' folder names.
    let ids: Set<String>
    let folders: SchoolFolders
    public let names: [String]

    public init(_ content: Content, contentDisplay: String) {
        let drafts = content.schools.filter(\.isDraft)
        ids = Set(drafts.map(\.id))
        folders = SchoolFolders(contentDisplay: contentDisplay)
        names = drafts.map(\.name)
    }

    public var isEmpty: Bool { ids.isEmpty }

    func isDraft(_ diagnostic: Diagnostic) -> Bool {
        folders.school(of: diagnostic.file).map(ids.contains) ?? false
    }

    /// Passes findings on: a draft's errors become warnings, or (when the drafts are left
    /// out) its findings are dropped, since `check` is where an office reads them.
    public func pass(_ findings: [Diagnostic], to log: DiagnosticLog, keepingDrafts: Bool) {
        for finding in findings {
            guard !isEmpty, isDraft(finding) else { log.add(finding); continue }
            guard keepingDrafts else { continue }
            var softened = finding
            softened.severity = .warning
            log.add(softened)
        }
    }

    /// "Left out 1 draft school: St Example Primary (…)", or nil when there is none.
    public static func note(leftOut names: [String]) -> String? {
        guard !names.isEmpty else { return nil }
        let count = names.count == 1 ? "1 draft school" : "\(names.count) draft schools"
        let how = names.count == 1 ? "remove `draft: true` from its school.md to publish it" : "remove `draft: true` from a school's school.md to publish it"
        return "Left out \(count): \(names.joined(separator: ", ")) (\(how))"
    }
}

extension ResolvedSite {
    /// The site without its draft schools, as `build` publishes it.
    public func withoutDrafts() -> ResolvedSite {
        var site = self
        site.schools.removeAll { $0.school.isDraft }
        site.content.schools.removeAll(where: \.isDraft)
        return site
    }
}

extension ResolvedSchool {
    /// A draft school (`draft: true`): served with a "Draft" banner, never built into `Site/`.
    public var isDraft: Bool { school.isDraft }
}
