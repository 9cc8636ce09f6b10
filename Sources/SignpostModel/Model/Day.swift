import Foundation

/// A calendar date as written in content (`2025-09-01`), free of time zones, or a month
/// (`2026-10`, as offers write "Next review: October 2026").
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    /// For a month, its last day: "review by October 2026" is due only once October is over.
    public var day: Int
    /// Written as a month (`2026-10`): shown as "October 2026".
    public var isMonth: Bool

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
        isMonth = false
    }

    /// A whole month, compared as its last day.
    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
        day = Day.daysIn(month: month, year: year)
        isMonth = true
    }

    public init?(_ text: String) {
        let parts = text.trimmed(newlines: false).split(separator: "-", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), parts[0].count == 4, parts.dropFirst().allSatisfy({ (1...2).contains($0.count) }),
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let y = Int(parts[0]), let m = Int(parts[1]), (1...12).contains(m) else { return nil }
        guard parts.count == 3 else { self.init(year: y, month: m); return }
        guard let d = Int(parts[2]), (1...Day.daysIn(month: m, year: y)).contains(d) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The first day it can mean: a month's first day ("reviewed in November" is not in the future in November).
    public var earliest: Day { isMonth ? Day(year: year, month: month, day: 1) : self }

    public static func today(_ date: Date = Date()) -> Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (a: Day, b: Day) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    /// The same day a number of years later (29 February becomes 28 February).
    public func adding(years: Int) -> Day {
        isMonth ? Day(year: year + years, month: month)
            : Day(year: year + years, month: month, day: min(day, Day.daysIn(month: month, year: year + years)))
    }

    /// ISO form, for `<time datetime>` and sitemaps: "2026-03-05", or "2026-10" for a month
    /// (a valid `datetime` too). Not `String(format:)`, which is slow on a path every page takes
    /// (Tests/bench/README.md).
    public var iso: String {
        func padded(_ number: Int, _ width: Int) -> String {
            let digits = String(number)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return padded(year, 4) + "-" + padded(month, 2) + (isMonth ? "" : "-" + padded(day, 2))
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]

    /// "1 September 2025", as GOV.UK writes dates; "October 2026" for a month.
    public var description: String { isMonth ? "\(Day.monthNames[month - 1]) \(year)" : "\(day) \(Day.monthNames[month - 1]) \(year)" }
}
