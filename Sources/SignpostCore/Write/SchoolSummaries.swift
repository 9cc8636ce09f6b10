import Foundation

/// What the site-wide pages (the list of schools, the accessibility statement) show of each
/// school the site publishes, kept in the output as `.signpost-schools.json`. When a school's
/// own files have errors, the build keeps its last published pages (`SchoolIsolation`) and
/// these lines stand in for it, so the site-wide pages still list it as it was published, even
/// when its `school.md` can no longer be read. Hidden (a leading dot): the preview server does
/// not serve it and the sitemap does not list it; it holds nothing the pages do not show.
struct SchoolSummaries: Codable, Equatable, Sendable {
    static let fileName = ".signpost-schools.json"

    /// One school as the site-wide pages show it.
    struct Line: Codable, Equatable, Sendable {
        var name: String
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
    var schools: [String: Line] = [:]

    init() {}

    init(_ site: ResolvedSite) {
        for resolved in site.schools {
            let school = resolved.school
            schools[school.id] = Line(name: school.name, area: resolved.area.id, areaName: resolved.area.name, phase: school.phase,
                                        address: school.address, phone: school.phone, email: school.email, website: school.website,
                                        reviewed: school.reviewed?.value.iso)
        }
    }

    /// Those of the last build in `folder`, or none when it has no readable file.
    static func read(from folder: URL) -> SchoolSummaries? {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent(fileName)),
              let summaries = try? JSONDecoder().decode(SchoolSummaries.self, from: data), summaries.version == 1 else { return nil }
        return summaries
    }

    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }

    /// A school made from its line, for the site-wide pages only: no people, entries or pages
    /// of its own. Its area is the area as it is now, when there still is one.
    static func standIn(_ id: String, _ line: Line, areas: [String: Area], contentDisplay: String, contentRoot: URL) -> ResolvedSchool {
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
