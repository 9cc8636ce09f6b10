import Foundation
import SignpostModel

/// What one check of a web address found, with when: remembered between runs in
/// `.signpost/links.json` (`LinkMemory`) and read by `report`.
public struct LinkResult: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable { case ok, dead, moved }

    public var status: Status
    /// The last HTTP status answered, if any answer came.
    public var code: Int?
    /// Why it is dead, in plain words ("the page was not found (404)").
    public var reason: String?
    /// Where a permanent move (301 or 308) leads: the address to write instead.
    public var movedTo: String?
    /// When it was checked, as an ISO 8601 time.
    public var checked: String

    public init(status: Status, code: Int? = nil, reason: String? = nil, movedTo: String? = nil, checked: Date) {
        self.status = status
        self.code = code
        self.reason = reason
        self.movedTo = movedTo
        self.checked = checked.formatted(LinkResult.timeFormat)
    }

    public var checkedDate: Date? { try? Date(checked, strategy: LinkResult.timeFormat) }

    /// `2027-02-27T06:17:00Z`: a value type, so results made on many threads at once share nothing.
    static let timeFormat = Date.ISO8601FormatStyle()

    /// The warning for one place the address is written; nil when it works.
    public func diagnostic(for use: WebAddressUse) -> Diagnostic? {
        switch status {
        case .ok: return nil
        case .dead:
            return Diagnostic(.warning, file: use.file, line: use.line, column: use.column,
                              "the web address \"\(use.url)\" does not work: \(reason ?? "it gave no answer")",
                              suggestion: "find the organisation's current page and write its address, or take the address out")
        case .moved:
            return Diagnostic(.warning, file: use.file, line: use.line, column: use.column,
                              "the web address \"\(use.url)\" has moved for good to \"\(movedTo ?? "")\"",
                              suggestion: "write \"\(movedTo ?? "")\"")
        }
    }
}
