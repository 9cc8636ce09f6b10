import Foundation
import SignpostModel
import SignpostResolve

/// What the site-wide pages (the list of schools, the accessibility statement) show of each
/// school the site publishes, kept as build state in `.signpost/` beside the content folder,
/// one file per output folder (never in the output: web hosts serve dot-files). When a school's
/// own files have errors, the build keeps its last published pages (`SchoolIsolation`) and
/// these lines stand in for it, so the site-wide pages still list it as it was published, even
/// when its `school.md` can no longer be read.
package struct SchoolSummaries: Codable, Equatable, Sendable {
    /// Where builds before this one kept it, in the output; read once, then left behind.
    static let fileName = ".signpost-schools.json"

    /// One school as the site-wide pages show it.
    package struct Line: Codable, Equatable, Sendable {
        package var name: String
        var area: String
        var areaName: String
        var phase: String?
        var address: String?
        var phone: String?
        var email: String?
        var website: String?
        /// `reviewed:`, in ISO form (a date or a month).
        var reviewed: String?
    }

    var version = 1
    /// By the school's folder name.
    package var schools: [String: Line] = [:]

    package init() {}

    package init(_ site: ResolvedSite) {
        for resolved in site.schools {
            let school = resolved.school
            schools[school.id] = Line(name: school.name, area: resolved.area.id, areaName: resolved.area.name, phase: school.phase,
                                        address: school.address, phone: school.phone, email: school.email, website: school.website,
                                        reviewed: school.reviewed?.value.iso)
        }
    }

    /// Those of the last build into `output` from `content`, or none when there is no readable file.
    package static func read(content: URL, output: URL) -> SchoolSummaries? {
        decode(stateFile(content: content, output: output)) ?? decode(output.appendingPathComponent(fileName))
    }

    private static func decode(_ file: URL) -> SchoolSummaries? {
        guard let data = try? Data(contentsOf: file),
              let summaries = try? JSONDecoder().decode(SchoolSummaries.self, from: data), summaries.version == 1 else { return nil }
        return summaries
    }

    /// `.signpost/schools-<output>.json` beside the content folder (`BuildStateFile`).
    static func stateFile(content: URL, output: URL) -> URL {
        BuildStateFile.url("schools", content: content, output: output)
    }

    package func save(content: URL, output: URL) throws {
        try BuildStateFile.save(encoded(), to: SchoolSummaries.stateFile(content: content, output: output))
    }

    package func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }

    /// A school made from its line, for the site-wide pages only: no people, entries or pages
    /// of its own. Its area is the area as it is now, when there still is one.
    package static func standIn(_ id: String, _ line: Line, areas: [String: Area], contentDisplay: String, contentRoot: URL) -> ResolvedSchool {
        let file = "\(contentDisplay)/schools/\(id)/school.md"
        let area = areas[line.area] ?? Area(id: line.area, file: "\(contentDisplay)/areas/\(line.area)/area.md", name: line.areaName,
                                            getHelpNow: [], partnershipName: nil, partnershipWebsite: nil, levels: [], body: "")
        let school = School(
            id: id, folder: contentRoot.appendingPathComponent("schools/\(id)").path, file: file, name: line.name, phase: line.phase,
            area: Located(line.area, file: file, line: 1), address: line.address, phone: line.phone, email: line.email,
            website: line.website, safeguardingPhone: nil, logo: nil, logoAlt: nil, colour: nil, people: [], levelNameList: [],
            agencies: .list([]), exclude: [], reviewed: line.reviewed.flatMap(Day.init).map { Located($0, file: file, line: 1) },
            reviewedBy: nil, nextReview: nil, body: "", bodyLine: 1)
        return ResolvedSchool(school: school, area: area, levels: area.levels, services: [], agencies: [])
    }
}
