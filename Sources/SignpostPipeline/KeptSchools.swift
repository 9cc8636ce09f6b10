import Foundation
import SignpostModel
import SignpostPublish
import SignpostResolve
import SignpostWrite

/// A school whose own files have errors, so the build kept its last published pages.
public struct KeptSchool: Sendable, Equatable {
    public var id: String
    /// As last published (or as its files name it, or its folder's name).
    public var name: String
    /// The errors in its folder.
    public var errors: Int
    /// False when it had no pages to keep: it was never published, and is left out.
    public var wasPublished: Bool

    /// "Kept the last published pages of Westlands First School: its files have 2 errors", or
    /// nil when no school was kept.
    public static func note(_ schools: [KeptSchool]) -> String? {
        func errors(_ count: Int) -> String { count == 1 ? "1 error" : "\(count) errors" }
        func names(_ list: [String]) -> String {
            list.count < 2 ? list.joined() : list.dropLast().joined(separator: ", ") + " and " + list.last!
        }
        guard let first = schools.first else { return nil }
        if schools.count == 1 {
            return first.wasPublished
                ? "Kept the last published pages of \(first.name): its files have \(errors(first.errors))"
                : "Left out \(first.name), which has not been published before: its files have \(errors(first.errors))"
        }
        let kept = schools.filter(\.wasPublished).map { "\($0.name) (\(errors($0.errors)))" }
        let left = schools.filter { !$0.wasPublished }.map { "\($0.name) (\(errors($0.errors)))" }
        var parts: [String] = []
        if !kept.isEmpty { parts.append("kept the last published pages of \(names(kept))") }
        if !left.isEmpty { parts.append("left out \(names(left)), not published before") }
        let text = parts.joined(separator: "; ")
        return "\(schools.count) schools' files have errors: " + text
    }
}

/// The schools a build keeps as last published (see `SchoolIsolation`), and what it writes for
/// them, and every build's `SchoolSummaries`, so the next build has them.
struct KeptSchools: Sendable {
    /// The live site they are kept from.
    let live: URL
    var schools: [KeptSchool] = []
    /// Their errors: reported, but they do not stop the other schools.
    var findings: [Diagnostic] = []
    /// Their files in the live site, by school.
    var files: [String: [String]] = [:]
    /// Their pages in the live site, path → school.
    var pages: [String: String] = [:]
    /// Their lines on the site-wide pages, as last published.
    var lines: [String: SchoolSummaries.Line] = [:]

    init(live: URL) { self.live = live }

    var isEmpty: Bool { schools.isEmpty }

    /// Into the new build, before it is swapped in: each kept school's folder as it is in the
    /// live site.
    func write(into staging: URL) throws {
        for (_, files) in files.sorted(by: { $0.key < $1.key }) {
            try KeptFolder.copy(files, from: live, to: staging)
        }
    }

    /// The record of the new build's PDFs with those of the kept schools' PDFs from the last
    /// one, so an unchanged PDF is not made again once the school is fixed.
    func manifest(_ made: PDFManifest, old: PDFManifest) -> PDFManifest {
        let kept = Set(files.values.joined())
        var manifest = made
        for (pdf, entry) in old.documents where kept.contains(pdf) { manifest.documents[pdf] = entry }
        return manifest
    }

    /// The site-wide lines of every school the site publishes, kept ones as last published.
    func summaries(of site: ResolvedSite) -> SchoolSummaries {
        var summaries = SchoolSummaries(site)
        for (id, line) in lines where files[id] != nil { summaries.schools[id] = line }
        return summaries
    }
}
