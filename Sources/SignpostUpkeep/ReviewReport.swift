import Foundation
import SignpostModel
import SignpostResolve

/// `signpost report`: what the county's early help lead needs to act on, most urgent first —
/// schools whose offer is overdue for review, dead web addresses, entries never reviewed or
/// not in the last 12 months, and addresses that have moved — with counts for each area.
public struct ReviewReport: Sendable {
    /// One thing to do. `rank` orders the report: lower comes first.
    public struct Row: Sendable, Equatable {
        public enum Kind: String, Sendable, CaseIterable {
            case overdueSchool = "School offer overdue for review"
            case unreviewedSchool = "School offer never reviewed"
            case deadLink = "Web address does not work"
            case unreviewedEntry = "Entry never reviewed"
            case staleEntry = "Entry not reviewed for 12 months"
            case movedLink = "Web address has moved"
            case schoolReview = "School offer review"
        }
        public var kind: Kind
        public var area: String
        /// The agency, service or school it is about.
        public var subject: String
        /// The schools that show it, by name.
        public var schools: [String]
        public var file: String
        public var line: Int
        /// What is wrong and what to do, in plain words.
        public var detail: String
        /// The date it turns on (last review, due date, or when a link was checked).
        public var date: String?
        /// Days overdue, or how long since a review: larger is more urgent within a kind.
        public var urgency: Int
    }

    /// One school's review dates.
    public struct SchoolReview: Sendable, Equatable {
        public var school: String
        public var area: String
        public var lastReview: Day?
        public var nextReview: Day?
        public var overdue: Bool
    }

    public struct AreaCounts: Sendable, Equatable {
        public var area: String
        public var schools = 0, overdueSchools = 0, unreviewedEntries = 0, staleEntries = 0, deadLinks = 0, movedLinks = 0
    }

    public var today: Day
    public var schools: [SchoolReview] = []
    /// What needs doing, most urgent first (school reviews that are up to date are not rows).
    public var rows: [Row] = []
    public var areas: [AreaCounts] = []
    /// When the link results were checked, or nil when `check --links` has not run.
    public var linksChecked: String?

    static let order: [Row.Kind] = [.overdueSchool, .unreviewedSchool, .deadLink, .unreviewedEntry, .staleEntry, .movedLink]

    public init(site: ResolvedSite, uses: [WebAddressUse], links: LinkMemory, today: Day, contentDisplay: String) {
        self.today = today
        let site = site.withoutDrafts()
        let content = site.content
        let yearAgo = today.adding(years: -1)
        func days(_ from: Day, _ to: Day) -> Int { Int((to.date.timeIntervalSince(from.date) / 86400).rounded()) }
        let schoolNames = Dictionary(uniqueKeysWithValues: site.schools.map { ($0.school.id, $0.school.name) })

        for resolved in site.schools {
            let school = resolved.school
            let area = resolved.area.name
            let next = school.nextReview?.value ?? school.reviewed?.value.adding(years: 1)
            let overdue = next.map { $0 < today } ?? true
            schools.append(SchoolReview(school: school.name, area: area, lastReview: school.reviewed?.value, nextReview: next, overdue: overdue))
            if school.reviewed == nil {
                rows.append(Row(kind: .unreviewedSchool, area: area, subject: school.name, schools: [school.name], file: school.file, line: 1,
                                detail: "The offer has no `reviewed:` date: review it, then add `reviewed:` and `next_review:` to school.md.",
                                date: nil, urgency: Int.max))
            } else if let next, overdue {
                rows.append(Row(kind: .overdueSchool, area: area, subject: school.name, schools: [school.name],
                                file: school.nextReview?.file ?? school.reviewed!.file, line: school.nextReview?.line ?? school.reviewed!.line,
                                detail: "The review was due on \(next) (\(days(next, today)) days ago): review the offer, then update `reviewed:` and `next_review:`.",
                                date: next.iso, urgency: days(next, today)))
            }
        }

        // Every entry once: the library's (national and each area's) and each school's own.
        struct Entry { var id: String, name: String, area: String, file: String, reviewed: Located<Day>?, schools: [String] }
        var entries: [String: Entry] = [:]
        var shownBy: [String: Set<String>] = [:]
        for resolved in site.schools {
            for entry in resolved.entries { shownBy[entry.sources.last ?? "", default: []].insert(resolved.school.name) }
        }
        for area in content.areas.values.sorted(by: { $0.id < $1.id }) {
            let library = AgencyLibrary(national: content.national, area: area, nationalScale: content.nationalLevels != nil)
            for id in library.order {
                guard let entry = library.entries[id], let file = entry.sources.last, entries[file] == nil else { continue }
                let national = entry.sources.count == 1 && content.national[id] != nil
                entries[file] = Entry(id: id, name: entry.fields.name?.value ?? id, area: national ? "National" : area.name, file: file,
                                      reviewed: entry.fields.reviewed, schools: [])
            }
        }
        for resolved in site.schools {
            for entry in resolved.entries {
                guard let file = entry.sources.last, file.contains("/schools/\(resolved.school.id)/"), entries[file] == nil else { continue }
                entries[file] = Entry(id: entry.id, name: entry.name, area: resolved.area.name, file: file, reviewed: entry.fields.reviewed, schools: [])
            }
        }
        for (file, entry) in entries {
            let schools = (shownBy[file] ?? []).sorted()
            if let reviewed = entry.reviewed {
                guard reviewed.value < yearAgo else { continue }
                rows.append(Row(kind: .staleEntry, area: entry.area, subject: entry.name, schools: schools, file: reviewed.file, line: reviewed.line,
                                detail: "Last reviewed on \(reviewed.value), more than 12 months ago: check its details, then update `reviewed:`.",
                                date: reviewed.value.iso, urgency: days(reviewed.value, today)))
            } else {
                rows.append(Row(kind: .unreviewedEntry, area: entry.area, subject: entry.name, schools: schools, file: file, line: 1,
                                detail: "It has no `reviewed:` date: check its details, then add `reviewed:` with today's date.",
                                date: nil, urgency: schools.count))
            }
        }

        var checked: [String] = []
        for use in uses {
            guard let result = links.results[use.url], result.status != .ok else { continue }
            checked.append(result.checked)
            let areaName = use.file.hasPrefix(contentDisplay + "/agencies/") ? "National"
                : site.schools.first { use.schools.contains($0.school.id) }.map { $0.area.name } ?? ""
            let subject = use.entryName ?? "\(use.file.split(separator: "/").last.map(String.init) ?? use.file) (its own text)"
            let names = use.schools.compactMap { schoolNames[$0] }.sorted()
            if result.status == .dead {
                rows.append(Row(kind: .deadLink, area: areaName, subject: subject, schools: names, file: use.file, line: use.line,
                                detail: "\(use.url) does not work: \(result.reason ?? "it gave no answer"). Find the current page, or take the address out.",
                                date: String(result.checked.prefix(10)), urgency: names.count))
            } else {
                rows.append(Row(kind: .movedLink, area: areaName, subject: subject, schools: names, file: use.file, line: use.line,
                                detail: "\(use.url) has moved for good to \(result.movedTo ?? ""): write the new address.",
                                date: String(result.checked.prefix(10)), urgency: names.count))
            }
        }
        linksChecked = links.results.values.map(\.checked).max().map { String($0.prefix(10)) }

        rows.sort { a, b in
            let (x, y) = (ReviewReport.order.firstIndex(of: a.kind)!, ReviewReport.order.firstIndex(of: b.kind)!)
            return (x, -a.urgency, a.area, a.subject, a.file, a.line) < (y, -b.urgency, b.area, b.subject, b.file, b.line)
        }
        schools.sort { a, b in
            (a.overdue ? 0 : 1, a.nextReview ?? Day(year: 0, month: 1, day: 1), a.school) < (b.overdue ? 0 : 1, b.nextReview ?? Day(year: 0, month: 1, day: 1), b.school)
        }
        var counts: [String: AreaCounts] = [:]
        func count(_ area: String, _ change: (inout AreaCounts) -> Void) {
            var value = counts[area] ?? AreaCounts(area: area)
            change(&value)
            counts[area] = value
        }
        for school in schools {
            count(school.area) { $0.schools += 1; if school.overdue { $0.overdueSchools += 1 } }
        }
        for row in rows {
            switch row.kind {
            case .unreviewedEntry: count(row.area) { $0.unreviewedEntries += 1 }
            case .staleEntry: count(row.area) { $0.staleEntries += 1 }
            case .deadLink: count(row.area) { $0.deadLinks += 1 }
            case .movedLink: count(row.area) { $0.movedLinks += 1 }
            default: break
            }
        }
        areas = counts.values.sorted { ($0.area == "National" ? 1 : 0, $0.area) < ($1.area == "National" ? 1 : 0, $1.area) }
    }
}

extension Day {
    /// Noon in UTC on this day, for counting days between two.
    var date: Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 12))!
    }
}
