import Foundation
import SignpostModel
import SignpostResolve

/// `signpost export oruk`: the library as static Open Referral UK feeds (HSDS 3.0 JSON), one
/// for each area (its library: national agencies with the area's changes, and its own) and one
/// for each school (its offer as it publishes it, after its changes). Each feed is the `/`
/// endpoint (`index.json`), the paged list as one page (`services/index.json`) and each
/// service whole (`services/<id>.json`). Draft schools are left out, as from the site.
public struct ORUKExport: Sendable {
    public enum Selection: Sendable, Equatable { case everything, area(String), school(String) }

    public static let version = "3.0"
    public static let profile = "https://github.com/OpenReferralUK/uk-profile"
    /// Marks a folder this command wrote, so a re-export may replace it and nothing else.
    public static let marker = ".signpost-oruk"

    let site: ResolvedSite
    let contentDisplay: String

    public init(site: ResolvedSite, contentDisplay: String) {
        self.site = site.withoutDrafts()
        self.contentDisplay = contentDisplay.hasSuffix("/") ? String(contentDisplay.dropLast()) : contentDisplay
    }

    /// Every file to write, by its path inside the output folder: with `.everything`, each area's
    /// feed in `areas/<id>/` and each school's in `schools/<id>/`; otherwise the one feed at the top.
    public func files(_ selection: Selection) -> Result<[String: Data], Diagnostic> {
        let content = site.content
        switch selection {
        case .everything:
            var files: [String: Data] = [:]
            for id in content.areas.keys.sorted() {
                for (path, data) in feed(areaServices(content.areas[id]!)) { files["areas/\(id)/" + path] = data }
            }
            for school in site.schools {
                for (path, data) in feed(schoolServices(school)) { files["schools/\(school.school.id)/" + path] = data }
            }
            return .success(files)
        case let .area(id):
            guard let area = content.areas[id] else {
                return .failure(Diagnostic(file: contentDisplay + "/areas", "there is no area called \"\(id)\"",
                                           suggestion: Suggestion.didYouMean(id, in: content.areas.keys.sorted()) ?? "areas are: " + content.areas.keys.sorted().joined(separator: ", ")))
            }
            return .success(feed(areaServices(area)))
        case let .school(id):
            guard let school = site.schools.first(where: { $0.school.id == id }) else {
                let draft = content.schools.contains { $0.id == id }
                return .failure(Diagnostic(file: contentDisplay + "/schools", draft ? "\(id) is a draft, so it has no offer to export yet" : "there is no school called \"\(id)\"",
                                           suggestion: draft ? "take `draft: true` out of its school.md when it is ready"
                                               : Suggestion.didYouMean(id, in: site.schools.map(\.school.id)) ?? "use a school's folder name"))
            }
            return .success(feed(schoolServices(school)))
        }
    }

    func feed(_ services: [ORUKService]) -> [String: Data] {
        var files: [String: Data] = [:]
        files["index.json"] = JSONValue.object(["version": .string(ORUKExport.version), "profile": .string(ORUKExport.profile)]).data
        let sorted = services.sorted { ($0.name.lowercased(), $0.id) < ($1.name.lowercased(), $1.id) }
        var listed: [JSONValue] = []
        for service in sorted {
            var item = service.listed
            item.set("organization", service.organization)
            listed.append(item.value)
            files["services/\(service.id).json"] = service.full.data
        }
        files["services/index.json"] = JSONValue.object([
            "total_items": .int(listed.count), "total_pages": .int(1), "page_number": .int(1), "size": .int(listed.count),
            "first_page": .bool(true), "last_page": .bool(true), "empty": .bool(listed.isEmpty), "contents": .array(listed),
        ]).data
        return files
    }

    /// A path inside Content/: `agencies/samaritans.md`.
    func relative(_ file: String) -> String {
        file.hasPrefix(contentDisplay + "/") ? String(file.dropFirst(contentDisplay.count + 1)) : file
    }

    func topics(_ ids: [String]) -> [Topic] {
        ids.compactMap { id in site.content.topics.first { $0.id == id } }
    }

    func agencyOrganization(_ path: String, _ fields: EntryFields, name: String) -> (String, JSONValue) {
        let id = StableID.uuid(path + "#organization")
        var organization = JSONObject()
        organization["id"] = id
        organization["name"] = name
        organization["description"] = fields.summary?.value ?? name
        organization["website"] = fields.websites?.value.first?.url
        organization["email"] = fields.emails?.value.first?.address
        return (id, organization.value)
    }

    func areaServices(_ area: Area) -> [ORUKService] {
        let content = site.content
        let library = AgencyLibrary(national: content.national, area: area, nationalScale: content.nationalLevels != nil)
        return library.order.compactMap { id in
            guard let entry = library.entries[id], let first = entry.sources.first else { return nil }
            let path = relative(first)
            let name = entry.fields.name?.value ?? id
            let (organizationID, organization) = agencyOrganization(path, entry.fields, name: name)
            let levels = area.levels.filter { (entry.fields.levels?.value ?? []).contains($0.id) }
            return ORUKService(path: path, fields: entry.fields, name: name, organization: organization, organizationID: organizationID,
                               topics: topics(entry.fields.topics?.value ?? []), levels: levels, areaID: area.id, areaName: area.name)
        }
    }

    func schoolServices(_ resolved: ResolvedSchool) -> [ORUKService] {
        let school = resolved.school
        let schoolPath = relative(school.file)
        var schoolOrganization = JSONObject()
        let schoolOrganizationID = StableID.uuid(schoolPath + "#organization")
        schoolOrganization["id"] = schoolOrganizationID
        schoolOrganization["name"] = school.name
        schoolOrganization["description"] = "\(school.name), a school in \(resolved.area.name)"
        schoolOrganization["website"] = school.website
        schoolOrganization["email"] = school.email
        return resolved.entries.compactMap { entry in
            guard let first = entry.sources.first else { return nil }
            let own = relative(first)
            // A library entry as this school shows it is its own record: named after the school and the file.
            let path = own.hasPrefix("schools/\(school.id)/") ? own : "schools/\(school.id)/via/" + own
            let levels = resolved.levels.filter { entry.levels.contains($0.id) }
            let (organizationID, organization) = entry.kind == .service ? (schoolOrganizationID, schoolOrganization.value)
                : agencyOrganization(path, entry.fields, name: entry.name)
            return ORUKService(path: path, fields: entry.fields, name: entry.name, organization: organization, organizationID: organizationID,
                               topics: topics(entry.topics), levels: levels, areaID: resolved.area.id, areaName: resolved.area.name)
        }
    }

    /// Writes `files` into `output`: a new or empty folder, or one this command wrote before
    /// (which is emptied first, so a service taken out leaves no file behind).
    public static func write(_ files: [String: Data], to output: URL, content: URL) throws {
        let fm = FileManager.default
        let output = output.standardizedFileURL
        let contentPath = content.standardizedFileURL.path
        if output.path == contentPath || output.path.hasPrefix(contentPath + "/") || contentPath.hasPrefix(output.path + "/") {
            throw ExportError("the export cannot go into the content folder (or hold it): name a folder of its own, e.g. --output oruk")
        }
        if fm.fileExists(atPath: output.path) {
            let items = try fm.contentsOfDirectory(atPath: output.path)
            if !items.isEmpty {
                guard items.contains(marker) else {
                    throw ExportError("\(output.lastPathComponent) already holds other files, so it was left alone: name a new or empty folder")
                }
                for item in items { try fm.removeItem(at: output.appendingPathComponent(item)) }
            }
        }
        try fm.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("Written by `signpost export oruk`; the next export replaces this folder.\n".utf8).write(to: output.appendingPathComponent(marker))
        for (path, data) in files.sorted(by: { $0.key < $1.key }) {
            let file = output.appendingPathComponent(path)
            try fm.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: file, options: .atomic)
        }
    }
}

/// A folder the export or the report will not write into, in plain words.
public struct ExportError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
